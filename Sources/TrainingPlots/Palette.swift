/// The colours series are drawn in, as CSS hex strings; series `i` gets `colors[i % count]`.
public struct Palette: Sendable, Equatable {
    /// The colours, in order of use.
    public var colors: [String]

    /// Creates a palette; an empty list falls back to `.tab10`.
    public init(colors: [String]) {
        self.colors = colors.isEmpty ? Palette.tab10.colors : colors
    }

    /// The colour for series `index` (wrapping around; negative indices wrap too).
    public func color(at index: Int) -> String {
        let count = colors.count
        return colors[((index % count) + count) % count]
    }

    /// matplotlib's default cycle ("tab10"), the colours the CS231n notebooks show.
    public static let tab10 = Palette(uncheckedColors: [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ])

    /// Okabe and Ito's palette, distinguishable under the common colour-vision deficiencies
    /// (yellow left out: it is unreadable on white).
    public static let okabeIto = Palette(uncheckedColors: [
        "#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#000000",
    ])

    private init(uncheckedColors: [String]) {
        self.colors = uncheckedColors
    }
}

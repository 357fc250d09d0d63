/// Width estimates for laying out text without a font engine.
///
/// Calibrated on DejaVu Sans (the widest common sans-serif, and what librsvg picks on Linux):
/// digits are 0.64 em, average lower-case text about 0.6 em, bold about 10% wider (checked
/// against librsvg's rendering). Over-estimating only wastes a few pixels; under-estimating
/// makes labels collide or fall off the edge.
enum TextMetrics {
    /// Estimated rendered width of `text` at `fontSize` pixels, in bold if `bold`.
    static func width<S: StringProtocol>(_ text: S, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "'", "|", "!", ".", ",", ":", ";": ems += 0.3
            case "f", "t", "r", "(", ")", "[", "]", " ", "-": ems += 0.42
            case "m", "w", "M", "W", "%", "@": ems += 0.95
            case _ where character.isUppercase: ems += 0.72
            case _ where character.isNumber: ems += 0.64
            default: ems += 0.62
            }
        }
        return ems * fontSize * (bold ? 1.1 : 1)
    }
}

extension TextMetrics {
    /// `text` made to fit `maximumWidth`: first by shrinking the font (not below
    /// `minimumFontSize`), then by cutting the end off and adding "…".
    ///
    /// - Parameters:
    ///   - text: the text to fit.
    ///   - fontSize: the preferred size in pixels.
    ///   - maximumWidth: the space available in pixels.
    ///   - minimumFontSize: the smallest acceptable size; default 10 (or `fontSize` if smaller).
    ///   - bold: whether the text is set in bold; default `false`.
    static func fit(
        _ text: String, fontSize: Double, maximumWidth: Double, minimumFontSize: Double = 10, bold: Bool = false
    ) -> (text: String, fontSize: Double) {
        let natural = width(text, fontSize: fontSize, bold: bold)
        guard natural > maximumWidth, natural > 0 else { return (text, fontSize) }
        let smallest = min(fontSize, minimumFontSize)
        let size = max(smallest, fontSize * maximumWidth / natural)
        if width(text, fontSize: size, bold: bold) <= maximumWidth { return (text, size) }
        var kept = Substring(text)
        while !kept.isEmpty && width(kept + "…", fontSize: size, bold: bold) > maximumWidth {
            kept.removeLast()
        }
        return (kept.trimmingSuffixSpaces() + "…", size)
    }
}

extension Substring {
    fileprivate func trimmingSuffixSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}

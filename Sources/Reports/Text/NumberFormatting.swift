/// Locale-independent number formatting shared by the reports.
public enum NumberFormatting {
    /// The largest duration a report shows, in seconds (about 31.7 years). Larger values are
    /// clamped so `time` stays a short decimal every consumer can parse.
    static let maxSeconds = 1e9

    /// A duration in whole milliseconds: non-finite or negative values become 0, values above
    /// `maxSeconds` become `maxSeconds`.
    static func milliseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int64((min(seconds, maxSeconds) * 1000).rounded(.toNearestOrAwayFromZero))
    }

    /// Milliseconds as seconds with exactly three decimals: `12345679` -> `12345.679`.
    static func seconds(milliseconds ms: Int64) -> String {
        let fraction = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// A duration as JUnit `time`: `%.3f`, never NaN, negative or in exponent notation.
    static func seconds(_ seconds: Double) -> String {
        Self.seconds(milliseconds: milliseconds(seconds))
    }

    /// Points with at most three decimals and no trailing zeros: `2`, `1.5`, `0.333`.
    /// Non-finite values show as `0`.
    public static func points(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = Int64((min(abs(value), 1e12) * 1000).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && thousandths != 0 ? "-" : ""
        var fraction = String(thousandths % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + "\(thousandths / 1000)" + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A finite value, or 0.
    static func finite(_ value: Double) -> Double { value.isFinite ? value : 0 }
}

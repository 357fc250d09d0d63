import Foundation

/// Tick values a reader can add up in their head: steps of 1, 2 or 5 × 10^k.
///
/// `covering` widens the range outwards to whole steps (the first tick is at or below the
/// lower bound, the last at or above the upper bound), which is how a fitted axis gets its
/// limits; `within` keeps only ticks inside a fixed range. Tick values are computed as
/// `i * mantissa / 10^k`, so 0.6 is the double nearest to 0.6, not 3 × 0.2.
public enum NiceTicks {
    /// A tick step written as `mantissa × 10^exponent`, mantissa 1, 2 or 5.
    public struct Step: Sendable, Equatable {
        /// 1, 2 or 5.
        public var mantissa: Int
        /// The power of ten.
        public var exponent: Int

        /// Creates `mantissa × 10^exponent`.
        public init(mantissa: Int, exponent: Int) {
            self.mantissa = mantissa
            self.exponent = exponent
        }

        /// The step as a number.
        public var value: Double { tick(1) }

        /// `index × step`, rounded once from the exact decimal.
        func tick(_ index: Int) -> Double {
            exponent >= 0
                ? Double(index * mantissa) * powerOfTen(exponent)
                : Double(index * mantissa) / powerOfTen(-exponent)
        }
    }

    /// The smallest nice step at least `span / targetCount` and at least `minimumStep`.
    ///
    /// - Parameters:
    ///   - span: the length of the range (> 0, finite).
    ///   - targetCount: roughly how many intervals are wanted (at least 1).
    ///   - minimumStep: a floor for the step (for example 1 for whole-number ticks); default 0.
    public static func step(span: Double, targetCount: Int, minimumStep: Double = 0) -> Step {
        let raw = max(span / Double(max(1, targetCount)), minimumStep)
        guard raw.isFinite, raw > 0 else { return Step(mantissa: 1, exponent: 0) }
        var exponent = Int(floor(log10(raw)))
        let fraction = raw / powerOfTen(exponent)
        let slack = 1 + 1e-9
        let mantissa: Int
        if fraction <= 1 * slack {
            mantissa = 1
        } else if fraction <= 2 * slack {
            mantissa = 2
        } else if fraction <= 5 * slack {
            mantissa = 5
        } else {
            mantissa = 1
            exponent += 1
        }
        return Step(mantissa: mantissa, exponent: exponent)
    }

    /// Ticks on a nice step from at or below `range.lowerBound` to at or above
    /// `range.upperBound`.
    ///
    /// `0...1` gives `[0, 0.2, 0.4, 0.6, 0.8, 1]` for target counts 5 and 6;
    /// `0.013...0.87` gives the same. A degenerate or non-finite range gives its bound alone
    /// (or nothing).
    ///
    /// - Parameters:
    ///   - range: the data range.
    ///   - targetCount: roughly how many intervals; default 6.
    ///   - minimumStep: a floor for the step; default 0.
    public static func linear(
        covering range: ClosedRange<Double>, targetCount: Int = 6, minimumStep: Double = 0
    ) -> [Double] {
        linearTicks(range, targetCount, minimumStep, outward: true)
    }

    /// Ticks on a nice step that lie inside `range` (for an axis whose limits are fixed).
    ///
    /// - Parameters:
    ///   - range: the fixed axis range.
    ///   - targetCount: roughly how many intervals; default 6.
    ///   - minimumStep: a floor for the step; default 0.
    public static func linear(
        within range: ClosedRange<Double>, targetCount: Int = 6, minimumStep: Double = 0
    ) -> [Double] {
        linearTicks(range, targetCount, minimumStep, outward: false)
    }

    /// Ticks for a logarithmic axis, widened outwards to cover `range` (bounds must be > 0).
    ///
    /// Ranges spanning more than two decades get powers of ten (every k-th power when there
    /// are more than `targetCount` of them); narrower ranges get the 1-2-5 sequence
    /// (…, 0.5, 1, 2, 5, 10, …).
    ///
    /// - Parameters:
    ///   - range: the data range, positive.
    ///   - targetCount: the most decades labelled one by one; default 6.
    public static func logarithmic(covering range: ClosedRange<Double>, targetCount: Int = 6) -> [Double] {
        logTicks(range, targetCount, outward: true)
    }

    /// Ticks for a logarithmic axis that lie inside `range` (bounds must be > 0).
    public static func logarithmic(within range: ClosedRange<Double>, targetCount: Int = 6) -> [Double] {
        logTicks(range, targetCount, outward: false)
    }

    private static func linearTicks(
        _ range: ClosedRange<Double>, _ targetCount: Int, _ minimumStep: Double, outward: Bool
    ) -> [Double] {
        let (low, high) = (range.lowerBound, range.upperBound)
        guard low.isFinite, high.isFinite else { return [] }
        guard high > low else { return [low] }
        let step = step(span: high - low, targetCount: targetCount, minimumStep: minimumStep)
        let size = step.value
        let tolerance = 1e-9
        // Indices past 2^53 cannot be represented exactly; such ranges are far too narrow
        // for their magnitude to tick meaningfully.
        guard abs(low / size) < 1e15, abs(high / size) < 1e15 else { return [low, high] }
        let first = outward ? floor(low / size + tolerance) : ceil(low / size - tolerance)
        let last = outward ? ceil(high / size - tolerance) : floor(high / size + tolerance)
        guard first <= last else { return [] }
        return (Int(first)...Int(last)).map(step.tick)
    }

    private static func logTicks(_ range: ClosedRange<Double>, _ targetCount: Int, outward: Bool) -> [Double] {
        let (low, high) = (range.lowerBound, range.upperBound)
        guard low > 0, high.isFinite, low.isFinite else { return [] }
        let tolerance = 1e-9
        let lowDecade = Int(floor(log10(low) + tolerance))
        let highDecade = Int(ceil(log10(high) - tolerance))
        let candidates: [Double]
        if highDecade - lowDecade > 2 {
            let stride = max(1, (highDecade - lowDecade + targetCount - 1) / max(1, targetCount))
            let start = Int(floor(Double(lowDecade) / Double(stride))) * stride
            candidates = Swift.stride(from: start, through: highDecade + stride, by: stride).map(decimal(1))
        } else {
            candidates = ((lowDecade - 1)...(highDecade + 1)).flatMap { exponent in
                [1, 2, 5].map { decimal($0)(exponent) }
            }
        }
        let slack = 1e-9
        if outward {
            let first = candidates.last { $0 <= low * (1 + slack) } ?? candidates[0]
            let last = candidates.first { $0 >= high * (1 - slack) } ?? candidates[candidates.count - 1]
            return candidates.filter { $0 >= first && $0 <= last }
        }
        return candidates.filter { $0 >= low * (1 - slack) && $0 <= high * (1 + slack) }
    }

    /// `mantissa × 10^exponent`, rounded once.
    private static func decimal(_ mantissa: Int) -> (Int) -> Double {
        { exponent in
            exponent >= 0
                ? Double(mantissa) * powerOfTen(exponent) : Double(mantissa) / powerOfTen(-exponent)
        }
    }
}

/// 10^exponent: exact up to 10^22 (by repeated multiplication), `pow` beyond.
func powerOfTen(_ exponent: Int) -> Double {
    guard abs(exponent) <= 22 else { return pow(10, Double(exponent)) }
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent >= 0 ? result : 1 / result
}

import Foundation

/// A resolved axis: its limits, its ticks with their labels, and the data-to-pixel map.
struct Axis {
    /// The values at the two ends of the axis.
    var domain: ClosedRange<Double>
    /// Tick values inside `domain`.
    var ticks: [Double]
    /// One label per tick.
    var labels: [String]
    /// Linear or logarithmic.
    var scale: AxisScale

    /// Where `value` falls along the axis, 0 at `domain.lowerBound` and 1 at the upper bound
    /// (outside 0...1 when outside the domain); `nil` when it cannot be drawn.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear:
            return (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        case .logarithmic:
            guard value > 0 else { return nil }
            let low = log10(domain.lowerBound)
            return (log10(value) - low) / (log10(domain.upperBound) - low)
        }
    }

    /// Whether `value` can be placed on this axis at all.
    func isDrawable(_ value: Double) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }

    /// Fits an axis to data.
    ///
    /// A valid `fixed` range is used as is, with the nice ticks inside it. Otherwise the data
    /// range is widened to cover whole tick steps; a zero-width data range is first widened to
    /// ±10% of its value (±1 around zero, ×/÷ 2 on a log axis); no data at all gives 0...1
    /// (1...10 on a log axis).
    ///
    /// - Parameters:
    ///   - data: the smallest and largest drawable value, or `nil` when nothing is drawable.
    ///   - fixed: a caller-chosen range, ignored when empty, non-finite, or not positive on a
    ///     log axis.
    ///   - scale: linear or logarithmic.
    ///   - targetCount: roughly how many tick intervals fit.
    ///   - minimumStep: a floor for the linear tick step (1 for whole-number ticks).
    static func fitted(
        data: ClosedRange<Double>?, fixed: ClosedRange<Double>?, scale: AxisScale,
        targetCount: Int, minimumStep: Double = 0
    ) -> Axis {
        if let fixed, fixed.lowerBound.isFinite, fixed.upperBound.isFinite,
            fixed.upperBound > fixed.lowerBound, scale == .linear || fixed.lowerBound > 0
        {
            return make(fixed, scale: scale, targetCount: targetCount, minimumStep: minimumStep, outward: false)
        }
        let range = widened(data ?? (scale == .linear ? 0...1 : 1...10), scale: scale)
        return make(range, scale: scale, targetCount: targetCount, minimumStep: minimumStep, outward: true)
    }

    private static func widened(_ range: ClosedRange<Double>, scale: AxisScale) -> ClosedRange<Double> {
        guard range.upperBound == range.lowerBound else { return range }
        let value = range.lowerBound
        switch scale {
        case .logarithmic: return (value / 2)...(value * 2)
        case .linear:
            let half = value == 0 ? 1 : abs(value) * 0.1
            return (value - half)...(value + half)
        }
    }

    private static func make(
        _ range: ClosedRange<Double>, scale: AxisScale, targetCount: Int, minimumStep: Double, outward: Bool
    ) -> Axis {
        switch scale {
        case .linear:
            let ticks = outward
                ? NiceTicks.linear(covering: range, targetCount: targetCount, minimumStep: minimumStep)
                : NiceTicks.linear(within: range, targetCount: targetCount, minimumStep: minimumStep)
            let step = NiceTicks.step(
                span: range.upperBound - range.lowerBound, targetCount: targetCount, minimumStep: minimumStep)
            let domain = outward && ticks.count >= 2 ? ticks[0]...ticks[ticks.count - 1] : range
            return Axis(
                domain: domain, ticks: ticks, labels: TickLabelFormat.linearLabels(ticks, step: step),
                scale: scale)
        case .logarithmic:
            let ticks = outward
                ? NiceTicks.logarithmic(covering: range, targetCount: targetCount)
                : NiceTicks.logarithmic(within: range, targetCount: targetCount)
            let domain = outward && ticks.count >= 2 ? ticks[0]...ticks[ticks.count - 1] : range
            return Axis(
                domain: domain, ticks: ticks, labels: TickLabelFormat.logarithmicLabels(ticks),
                scale: scale)
        }
    }
}

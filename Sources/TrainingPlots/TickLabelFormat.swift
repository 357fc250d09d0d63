import Foundation

/// Short tick labels: just enough decimals for the step, scientific notation only for very
/// large or very small numbers.
///
/// Linear ticks with step `m × 10^k` get `max(0, -k)` decimals (step 0.2 → "0.4", step 50 →
/// "150"); steps of 10^6 and above or below 10^-4 switch to "2e-5" style. Log ticks
/// (one significant digit each) are written plainly between 10^-4 and 10^5 and as "1e-6"
/// outside. Negative zero is written "0".
enum TickLabelFormat {
    /// Labels for linear ticks with the given step.
    static func linearLabels(_ ticks: [Double], step: NiceTicks.Step) -> [String] {
        if step.exponent >= 6 || step.exponent < -4 {
            return ticks.map { scientific($0, leastExponent: step.exponent) }
        }
        return ticks.map { fixed($0, decimals: max(0, -step.exponent)) }
    }

    /// Labels for logarithmic ticks (each a single significant digit times a power of ten).
    static func logarithmicLabels(_ ticks: [Double]) -> [String] {
        ticks.map { value in
            let exponent = Int(floor(log10(value) + 1e-9))
            if exponent < -4 || exponent > 5 { return scientific(value, leastExponent: exponent) }
            return fixed(value, decimals: max(0, -exponent))
        }
    }

    /// `value` with a fixed number of decimals.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." })
            ? String(text.dropFirst()) : text
    }

    /// `value` as "m.mme±x" with digits down to 10^leastExponent, trailing zeros dropped.
    static func scientific(_ value: Double, leastExponent: Int) -> String {
        guard value != 0 else { return "0" }
        let exponent = Int(floor(log10(abs(value)) + 1e-9))
        let digits = max(0, exponent - leastExponent)
        let text = String(format: "%.\(digits)e", value)
        guard let split = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<split])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let power = Int(text[text.index(after: split)...]) ?? exponent
        return "\(mantissa)e\(power)"
    }
}

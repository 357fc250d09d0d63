/// Width estimates for laying out text without a font engine.
///
/// Calibrated on DejaVu Sans (the widest common sans-serif, and what librsvg picks on Linux):
/// digits are 0.64 em, average lower-case text about 0.6 em. Over-estimating only wastes a
/// few pixels; under-estimating makes labels collide.
enum TextMetrics {
    /// Estimated rendered width of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double) -> Double {
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
        return ems * fontSize
    }
}

/// The heat map's sequential colour scale: white at 0 through orange to dark red at 1, lighter to
/// darker all the way (so it reads in grey scale too), and black for values that are not numbers.
enum HeatMapColors {
    /// (position, red, green, blue), positions increasing from 0 to 1.
    static let stops: [(Double, Double, Double, Double)] = [
        (0, 255, 255, 255), (0.2, 254, 224, 178), (0.45, 249, 150, 80), (0.7, 220, 60, 40), (1, 120, 8, 24),
    ]

    static let notANumber = "#000000"

    /// The colour of `fraction` (clamped to 0...1) as `#rrggbb`.
    static func color(_ fraction: Double) -> String {
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 1
        var lower = stops[0], upper = stops[stops.count - 1]
        for (a, b) in zip(stops, stops.dropFirst()) where f >= a.0 && f <= b.0 {
            lower = a
            upper = b
            break
        }
        let t = upper.0 > lower.0 ? (f - lower.0) / (upper.0 - lower.0) : 0
        func channel(_ a: Double, _ b: Double) -> String {
            let v = Int((a + (b - a) * t).rounded())
            let hex = String(v, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(lower.1, upper.1) + channel(lower.2, upper.2) + channel(lower.3, upper.3)
    }
}

import Fixtures

/// Compares a stored fixture case with what the engine produces now, within the case's tolerance.
public enum FixtureComparison {
    /// One line per difference; empty when the engine reproduces the case.
    public static func differences(stored: FixtureCase, engine: FixtureCase) -> [String] {
        var problems: [String] = []
        if stored.inputs != engine.inputs { problems.append("\(stored.id): inputs differ from what the recorder builds") }
        for (key, expected) in stored.expected.sorted(by: { $0.key < $1.key }) {
            guard let got = engine.expected[key] else {
                problems.append("\(stored.id): the engine no longer produces '\(key)'")
                continue
            }
            if let problem = compare(expected, got, stored.tolerance) { problems.append("\(stored.id): '\(key)' \(problem)") }
        }
        return problems
    }

    static func compare(_ a: FixtureValue, _ b: FixtureValue, _ tolerance: Tolerance) -> String? {
        switch (a, b) {
        case let (.array(x), .array(y)):
            guard x.shape == y.shape else { return "has shape \(y.shape), stored \(x.shape)" }
            return worst(x.values, y.values, tolerance)
        case let (.number(x), .number(y)):
            return worst([x], [y], tolerance)
        default:
            return a == b ? nil : "changed"
        }
    }

    static func worst(_ x: [Double], _ y: [Double], _ tolerance: Tolerance) -> String? {
        for (i, (p, q)) in zip(x, y).enumerated() where p != q && !(p.isNaN && q.isNaN) {
            let error: Double = tolerance.kind == .relative ? abs(p - q) / max(1e-8, abs(p) + abs(q)) : abs(p - q)
            if !(error <= tolerance.value) { return "differs at flat index \(i): stored \(p), engine \(q) (\(tolerance.kind.rawValue) error \(error) > \(tolerance.value))" }
        }
        return nil
    }
}

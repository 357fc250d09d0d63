import Engine
import Fixtures
import Foundation
import NumericCore

/// Records the fixture cases: the course notebooks' goldens transcribed from the reference
/// copy (`fixtures/goldens/cs231n-goldens.json`), and cases computed by the reference engine from
/// seeded inputs. Deterministic: the same engine gives byte-identical files.
public enum Recorder {
    /// Names the engine in recorded provenance.
    public static let engine = "gradecheck reference engine (Swift, float64)"
    public static let command = "gradecheck fixtures record"

    /// Every case, by the file (relative to `fixtures/cases/`) it belongs in.
    public static func record(goldens: URL) throws -> [String: [FixtureCase]] {
        let golden = try GoldenSource(url: goldens)
        return [
            "layers.json": try LayerCases.all(golden),
            "losses.json": try LossCases.all(),
            "nets.json": try NetCases.all(golden),
            "optim.json": try OptimizerCases.all(golden),
            "solver.json": try SolverCases.all(),
        ]
    }

    static func recorded(seed: UInt32) -> Provenance {
        .recorded(seed: seed, engine: engine, command: command)
    }

    static func make(
        _ id: String, _ description: String, inputs: [String: FixtureValue], expected: [String: FixtureValue],
        tolerance: Tolerance, provenance: Provenance
    ) -> FixtureCase {
        FixtureCase(id: id, description: description, inputs: inputs, expected: expected, tolerance: tolerance, provenance: provenance)
    }
}

extension FixtureValue {
    static func t(_ tensor: Tensor<Double>) -> FixtureValue { .array(FixtureArray(tensor)) }
}

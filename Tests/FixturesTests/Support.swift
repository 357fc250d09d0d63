import Fixtures
import Foundation
import NumericCore
import Testing

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("fixtures-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `relative` (creating folders) and returns the full path.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

enum Samples {
    /// A golden case in the course's shape (affine forward).
    static func goldenCase(id: String = "layers.affine.forward.golden") throws -> FixtureCase {
        let x = try Tensor<Double>.linspace(-0.1, 0.5, count: 240, shape: [2, 4, 5, 6])
        let w = try Tensor<Double>.linspace(-0.2, 0.3, count: 360, shape: [120, 3])
        let b = try Tensor<Double>.linspace(-0.3, 0.1, count: 3)
        let out = try Tensor<Double>(rows: [[1.49834967, 1.70660132, 1.91485297], [3.25553199, 3.5141327, 3.77273342]])
        return FixtureCase(
            id: id, description: "affine_forward on the notebook's linspace inputs",
            inputs: ["x": .tensor(x), "w": .tensor(w), "b": .tensor(b)],
            expected: ["out": .tensor(out)],
            tolerance: .relative(1e-9, note: "notebook: 'around e-9 or less'"),
            provenance: .golden(
                source: "cs231n/cs231n.github.io@7c32d630 assignments/2018/spring1718_assignment2.zip",
                years: ["2016", "2017", "2018"], notebook: "FullyConnectedNets.ipynb"))
    }

    /// A recorded case using every kind of value.
    static func recordedCase(id: String = "optim.adam.step") throws -> FixtureCase {
        var rng = RandomSource(seed: 231)
        let w = Tensor<Double>.randomNormal([4, 5], using: &rng)
        return FixtureCase(
            id: id, description: "one Adam step",
            inputs: [
                "w": .tensor(w),
                "w32": .tensor(w.converted(to: Float.self)),
                "config": .object(["learning_rate": .number(1e-2), "t": .integer(5), "beta1": .number(0.9)]),
                "y": .integers([0, 5, 1]),
                "mode": .string("train"),
                "use_bias": .bool(false),
                "history": .list([.number(2.0), .integer(2), .string("two"), .list([])]),
            ],
            expected: ["next_w": .tensor(w), "loss": .number(3.4702243556)],
            tolerance: .absolute(1e-10, note: "notebook: abs(loss - correct_loss) < 1e-10"),
            provenance: .recorded(seed: 231, engine: "gradecheck reference engine", command: "gradecheck fixtures record"))
    }

    /// A minimal valid file's text with `cases` spliced in as the cases list.
    static func fileText(cases: String = "[]", format: String = "\"gradecheck-fixtures\"", version: String = "1") -> String {
        "{\"format\": \(format), \"schema_version\": \(version), \"cases\": \(cases)}"
    }

    /// One case's JSON with `replacing` members substituted (values are JSON text); `nil` drops one.
    static func caseText(_ replacing: [String: String?] = [:]) -> String {
        var members: [String: String] = [
            "id": "\"a.case\"",
            "description": "\"d\"",
            "inputs": "{\"x\": {\"dtype\": \"float64\", \"shape\": [2], \"values\": [1.0, 2.0]}}",
            "expected": "{\"y\": 3.0}",
            "tolerance": "{\"kind\": \"absolute\", \"value\": 0.0, \"note\": \"exact\"}",
            "provenance": "{\"kind\": \"recorded\", \"seed\": 1, \"engine\": \"e\", \"command\": \"c\"}",
        ]
        for (key, value) in replacing { members[key] = value }
        return "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
    }
}

/// The error `body` throws, which must be a `FixtureError`.
func fixtureError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> FixtureError? {
    do {
        try body()
        Issue.record("expected a FixtureError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as FixtureError {
        return error
    } catch {
        Issue.record("expected a FixtureError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

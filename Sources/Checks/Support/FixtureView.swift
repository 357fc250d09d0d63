import Fixtures
import Implementation
import NumericCore

/// A fixture case as the checks read it: inputs and expected outputs by name, the tolerance as a
/// comparison, and the net specification and parameters of net cases. A missing or ill-typed
/// entry is a harness error (the fixture is broken), not the student's failure.
public struct FixtureView {
    public let fixture: FixtureCase

    /// A short label for messages: the case id.
    public var label: String { fixture.id }

    var file: String { fixture.sourceFile ?? fixture.id }

    func value(_ table: [String: FixtureValue], _ key: String, _ side: String) throws -> FixtureValue {
        guard let v = table[key] else { throw FixtureProblem("\(fixture.sourceFile ?? fixture.id): case \(fixture.id) has no \(side) '\(key)'") }
        return v
    }

    func tensor(_ v: FixtureValue, _ key: String) throws -> Tensor<Double> {
        guard let a = v.arrayValue else { throw FixtureProblem("\(fixture.sourceFile ?? fixture.id): '\(key)' in case \(fixture.id) is \(v.kindName), not an array") }
        do { return try a.tensor(as: Double.self) } catch { throw FixtureProblem(wrapping: error, caseID: fixture.id) }
    }

    public func input(_ key: String) throws -> Tensor<Double> { try tensor(value(fixture.inputs, key, "input"), key) }

    /// An expected output: it must be finite (a NaN or infinity where a value is expected is a
    /// broken fixture, never the student's failure) and, when the check knows it, of `shape`.
    public func expected(_ key: String, shape: [Int]? = nil) throws -> Tensor<Double> {
        let t = try tensor(value(fixture.expected, key, "expected output"), key)
        if let i = t.firstNonFiniteIndex {
            throw FixtureProblem("\(file): expected '\(key)' of case \(fixture.id) holds \(t.scalars[i]) at flat index \(i); an expected value must be a number")
        }
        if let shape, t.shape != shape {
            throw FixtureProblem("\(file): expected '\(key)' of case \(fixture.id) has shape \(Shape.describe(t.shape)), but its inputs make it \(Shape.describe(shape))")
        }
        return t
    }

    public func labels(_ key: String) throws -> [Int] {
        let v = try value(fixture.inputs, key, "input")
        guard let labels = v.integersValue else { throw FixtureProblem("'\(key)' in case \(fixture.id) is \(v.kindName), not integer labels") }
        return labels
    }

    public func inputNumber(_ key: String) throws -> Double {
        let v = try value(fixture.inputs, key, "input")
        if let x = v.numberValue { return x }
        if let i = v.integerValue { return Double(i) }
        throw FixtureProblem("'\(key)' in case \(fixture.id) is \(v.kindName), not a number")
    }

    public func expectedNumber(_ key: String) throws -> Double {
        let v = try value(fixture.expected, key, "expected output")
        guard let x = v.numberValue else { throw FixtureProblem("\(file): '\(key)' in case \(fixture.id) is \(v.kindName), not a number") }
        guard x.isFinite else { throw FixtureProblem("\(file): expected '\(key)' of case \(fixture.id) is \(x); an expected value must be a number") }
        return x
    }

    /// The update-rule config: every input named `config.<key>`.
    public func config() throws -> [String: Value] {
        var out: [String: Value] = [:]
        for (key, v) in fixture.inputs where key.hasPrefix("config.") {
            let name = String(key.dropFirst("config.".count))
            switch v {
            case let .array(a): out[name] = .array(try a.tensor(as: Double.self))
            case let .number(x): out[name] = .number(x)
            case let .integer(i): out[name] = .integer(i)
            default: throw FixtureProblem("config entry '\(name)' in case \(fixture.id) is \(v.kindName)")
            }
        }
        return out
    }

    /// Every input named `param.<name>`.
    public func parameters() throws -> [String: Tensor<Double>] {
        var out: [String: Tensor<Double>] = [:]
        for (key, v) in fixture.inputs where key.hasPrefix("param.") {
            out[String(key.dropFirst("param.".count))] = try tensor(v, key)
        }
        return out
    }

    /// The net of a net case: inputs `model.*`.
    public func modelSpec() throws -> ModelSpec {
        let i = fixture.inputs
        guard let kind = i["model.kind"]?.stringValue.flatMap(ModelSpec.Kind.init(rawValue:)),
              let hidden = i["model.hidden_dims"]?.integersValue,
              let inputDim = i["model.input_dim"]?.integerValue, let classes = i["model.num_classes"]?.integerValue,
              let scale = i["model.weight_scale"]?.numberValue, let reg = i["model.reg"]?.numberValue,
              let keep = i["model.dropout_keep"]?.numberValue
        else { throw FixtureProblem("case \(fixture.id) lacks a complete model.* specification") }
        return ModelSpec(
            kind: kind, hiddenDims: hidden, inputDim: inputDim, numClasses: classes, weightScale: scale, reg: reg,
            normalization: i["model.normalization"]?.stringValue, dropoutKeep: keep,
            dropoutSeed: i["model.dropout_seed"]?.integerValue, initSeed: i["model.init_seed"]?.integerValue ?? 0)
    }
}

/// A fixture that lacks what a check needs: a harness problem, reported as an error.
public struct FixtureProblem: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension FixtureProblem {
    /// Any error raised while reading a fixture value (a conversion that failed).
    init(wrapping error: Error, caseID: String) {
        self.init("fixture case \(caseID): \(error)")
    }
}

extension CheckContext {
    /// The fixture case `id`.
    public func fixture(_ id: String) throws -> FixtureView {
        guard let c = fixtures.cases[id] else { throw FixtureProblem("no fixture case '\(id)' (run `gradecheck fixtures record`)") }
        return FixtureView(fixture: c)
    }
}

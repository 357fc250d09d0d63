import Fixtures
import NumericCore
import Testing

/// Typed access to a case's values, with errors naming the file, case and key.
@Suite("Fixture fields")
struct FixtureFieldTests {
    static func loaded() throws -> FixtureCase {
        let text = try FixtureFile(cases: [Samples.recordedCase()]).encoded()
        return try #require(try FixtureFile.decode(text, file: "fixtures/cases/optim.json").cases.first)
    }

    @Test("values come back with their types")
    func typedAccess() throws {
        let fixture = try Self.loaded()
        let w: Tensor<Double> = try fixture.input("w").tensor()
        #expect(w.shape == [4, 5])
        let w32 = try fixture.input("w32").tensor(as: Float.self)
        #expect(w32.scalars == w.converted(to: Float.self).scalars)
        #expect(try fixture.input("config").member("learning_rate").number() == 1e-2)
        #expect(try fixture.input("config").member("t").integer() == 5)
        #expect(try fixture.input("config").optionalMember("momentum") == nil)
        #expect(try fixture.input("y").integers() == [0, 5, 1])
        #expect(try fixture.input("mode").string() == "train")
        #expect(try fixture.input("use_bias").bool() == false)
        #expect(try fixture.expected("loss").number() == 3.4702243556)
        let history = try fixture.input("history").list()
        #expect(history.map(\.location) == ["inputs.history[0]", "inputs.history[1]", "inputs.history[2]", "inputs.history[3]"])
        #expect(try history[3].list().isEmpty)
        #expect(fixture.optionalInput("absent") == nil && fixture.optionalExpected("loss") != nil)
    }

    @Test("a missing key names the file, the case and the keys present")
    func missingKey() throws {
        let fixture = try Self.loaded()
        let error = fixtureError { _ = try fixture.input("x") }
        #expect(error == .missingKey(
            path: "fixtures/cases/optim.json", caseID: "optim.adam.step", location: "inputs", key: "x",
            available: ["config", "history", "mode", "use_bias", "w", "w32", "y"]))
        #expect(error?.description == "fixtures/cases/optim.json: case 'optim.adam.step': inputs has no key 'x' (it has config, history, mode, use_bias, w, w32, y)")
        let nested = fixtureError { _ = try fixture.input("config").member("momentum") }
        #expect(nested?.description.hasPrefix("fixtures/cases/optim.json: case 'optim.adam.step': inputs.config has no key 'momentum'") == true)
    }

    @Test("a wrong type names the file, the case, where, and both kinds")
    func wrongType() throws {
        let fixture = try Self.loaded()
        let integerAsNumber = fixtureError { _ = try fixture.input("config").member("t").number() }
        #expect(integerAsNumber == .wrongType(
            path: "fixtures/cases/optim.json", caseID: "optim.adam.step", location: "inputs.config.t",
            expected: "a number", found: "an integer"))
        #expect(integerAsNumber?.description == "fixtures/cases/optim.json: case 'optim.adam.step': inputs.config.t: expected a number, found an integer")
        let numberAsInteger = fixtureError { _ = try fixture.expected("loss").integer() }
        #expect(numberAsInteger?.description == "fixtures/cases/optim.json: case 'optim.adam.step': expected.loss: expected an integer, found a number")
        let wrongDType = fixtureError { _ = try fixture.input("w").tensor(as: Float.self) }
        #expect(wrongDType?.description == "fixtures/cases/optim.json: case 'optim.adam.step': inputs.w: expected a float32 array, found a float64 array")
        #expect(fixtureError { _ = try fixture.input("mode").array() } != nil)
        #expect(fixtureError { _ = try fixture.input("y").object() } != nil)
        #expect(fixtureError { _ = try fixture.input("mode").bool() } != nil)
        #expect(fixtureError { _ = try fixture.input("history").integers() } != nil)
    }

    @Test("a case built in memory is named as such in errors")
    func inMemory() throws {
        let error = fixtureError { _ = try Samples.goldenCase().expected("scores") }
        #expect(error?.description.hasPrefix("<in memory>: case 'layers.affine.forward.golden': expected has no key 'scores'") == true)
    }

    @Test("FixtureArray checks its shape and refuses to change precision silently")
    func arrayChecks() throws {
        #expect(throws: NumericError.self) { try FixtureArray(shape: [2, 2], values: [1, 2, 3]) }
        #expect(throws: NumericError.self) { try FixtureArray(shape: [-1], values: []) }
        let array = try FixtureArray(shape: [2], values: [1, 2])
        #expect(throws: NumericError.self) { try array.tensor(as: Float.self) }
        #expect(try array.tensor(as: Double.self).scalars == [1, 2])
        #expect(array.description == "float64 (2,)")
    }

    @Test("a list of integers and .integers are the same value")
    func integersEquivalence() {
        #expect(FixtureValue.list([.integer(1), .integer(2)]) == .integers([1, 2]))
        #expect(FixtureValue.list([]) == .integers([]))
        #expect(FixtureValue.list([.integer(1), .number(2)]) != .integers([1, 2]))
        #expect(FixtureValue.list([.integer(1)]).integersValue == [1])
        #expect(FixtureValue.integers([3]).listValue == [.integer(3)])
        #expect(FixtureValue.number(.nan) == .number(.nan))
    }
}

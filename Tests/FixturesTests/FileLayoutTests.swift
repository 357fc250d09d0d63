import Fixtures
import NumericCore
import Testing

/// The writer's output: byte-identical for the same content, sorted keys, two-space indentation,
/// one array row per line.
@Suite("File layout")
struct FileLayoutTests {
    @Test("the same cases give the same bytes, whatever the dictionaries' insertion order")
    func deterministic() throws {
        let first = try FixtureFile(cases: [Samples.goldenCase(), Samples.recordedCase()]).encoded()
        let second = try FixtureFile(cases: [Samples.goldenCase(), Samples.recordedCase()]).encoded()
        #expect(first == second)

        let keys = (0..<40).map { "key\($0)" }
        var forward: [String: FixtureValue] = [:]
        for (i, key) in keys.enumerated() { forward[key] = .integer(i) }
        var backward: [String: FixtureValue] = [:]
        for (i, key) in keys.enumerated().reversed() { backward[key] = .integer(i) }
        func file(_ inputs: [String: FixtureValue]) -> FixtureFile {
            FixtureFile(cases: [FixtureCase(
                id: "k", description: "", inputs: ["config": .object(inputs)], expected: inputs,
                tolerance: .absolute(0, note: ""), provenance: .recorded(seed: 0, engine: "", command: ""))])
        }
        #expect(try file(forward).encoded() == file(backward).encoded())
    }

    @Test("decoding and re-encoding gives back the same cases and the same bytes")
    func roundTrip() throws {
        let original = try FixtureFile(cases: [Samples.goldenCase(), Samples.recordedCase()])
        let text = try original.encoded()
        let decoded = try FixtureFile.decode(text, file: "cases.json")
        #expect(decoded == original)
        #expect(decoded.cases.map(\.sourceFile) == ["cases.json", "cases.json"])
        #expect(try decoded.encoded() == text)
    }

    @Test("keys are sorted, indented by two spaces, and the header comes with the cases")
    func header() throws {
        let text = try FixtureFile(cases: []).encoded()
        #expect(text == "{\n  \"cases\": [],\n  \"format\": \"gradecheck-fixtures\",\n  \"schema_version\": 1\n}\n")
    }

    @Test("a 2-D array is written one row per line")
    func rows() throws {
        let out = try Tensor<Double>(rows: [[1.49834967, 1.70660132, 1.91485297], [3.25553199, 3.5141327, 3.77273342]])
        let fixture = FixtureCase(
            id: "r", description: "rows", inputs: [:], expected: ["out": .tensor(out)],
            tolerance: .relative(1e-9, note: "n"), provenance: .golden(source: "s", years: ["2018"], notebook: nil))
        let text = try FixtureFile(cases: [fixture]).encoded()
        let expected = """
                    "out": {
                      "dtype": "float64",
                      "shape": [2, 3],
                      "values": [
                        [1.49834967, 1.70660132, 1.91485297],
                        [3.25553199, 3.5141327, 3.77273342]
                      ]
                    }
            """
        #expect(text.contains(expected), "got:\n\(text)")
        #expect(!text.contains("notebook"))  // an absent notebook is omitted
        #expect(text.contains("\"tolerance\": {\n        \"kind\": \"relative\",\n        \"note\": \"n\",\n        \"value\": 1e-09\n      }"))
    }

    @Test("strings with quotes, backslashes, control characters and non-ASCII text round-trip")
    func strings() throws {
        let tricky = "quote \" backslash \\ tab \t newline \n bell \u{07} é 日本 😀"
        let fixture = FixtureCase(
            id: "s", description: tricky, inputs: ["s": .string(tricky)], expected: [:],
            tolerance: .absolute(0, note: tricky), provenance: .golden(source: tricky, years: [], notebook: tricky))
        let text = try FixtureFile(cases: [fixture]).encoded()
        #expect(text.contains("\\u0007") && text.contains("\\n") && text.contains("😀"))
        #expect(try FixtureFile.decode(text, file: "s.json").cases == [fixture])
    }

    @Test("writing twice leaves the file byte-identical and reports no change the second time")
    func writeTwice() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/nested/cases.json"
        let file = try FixtureFile(cases: [Samples.recordedCase()])
        #expect(try file.write(to: path) == true)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try file.write(to: path) == false)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
        #expect(try FixtureFile.read(from: path) == file)
    }

    @Test("values that would read back as something else are refused when writing")
    func unrepresentable() throws {
        func encode(_ value: FixtureValue) throws {
            _ = try FixtureFile(cases: [FixtureCase(
                id: "u", description: "", inputs: ["v": value], expected: [:],
                tolerance: .absolute(0, note: ""), provenance: .recorded(seed: 0, engine: "", command: ""))]).encoded(file: "out.json")
        }
        let nanString = fixtureError { try encode(.string("nan")) }
        #expect(nanString.map { if case .unrepresentable = $0 { true } else { false } } == true)
        #expect(nanString?.description.hasPrefix("out.json: case 'u': inputs.v:") == true)
        let arrayLike = fixtureError { try encode(.object(["dtype": .string("x"), "shape": .integers([]), "values": .list([])])) }
        #expect(arrayLike?.description.hasPrefix("out.json: case 'u': inputs.v:") == true)
        let duplicate = fixtureError {
            _ = try FixtureFile(cases: [Samples.recordedCase(), Samples.recordedCase()]).encoded(file: "out.json")
        }
        #expect(duplicate == .duplicateCase(id: "optim.adam.step", firstPath: "out.json", secondPath: "out.json"))
    }
}

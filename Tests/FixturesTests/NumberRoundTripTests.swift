import Fixtures
import NumericCore
import Testing

/// Values written and read back keep every bit (float64 and float32), keep NaN and infinities,
/// keep the sign of zero, and keep integers apart from floats.
@Suite("Number round trip")
struct NumberRoundTripTests {
    static let specials: [Double] = [
        0.0, -0.0, 0.1, -0.1, 1e-10, 2.0, -2.0, 1.0 / 3.0, 1e308, -1e308, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude,
        Double.leastNormalMagnitude, Double.leastNormalMagnitude.nextDown, Double.greatestFiniteMagnitude,
        -Double.greatestFiniteMagnitude, 1.0.nextUp, 1.0.nextDown, 9_007_199_254_740_993.0, 1e16, 1e15, 123456.789,
        Double.pi, 1e-5, 1e-7,
    ]

    /// `count` finite doubles with uniformly random bit patterns (non-finite patterns redrawn).
    static func randomFiniteDoubles(count: Int, seed: UInt32) -> [Double] {
        var rng = RandomSource(seed: seed)
        var values: [Double] = []
        while values.count < count {
            let bits = UInt64(rng.nextUInt32()) << 32 | UInt64(rng.nextUInt32())
            let value = Double(bitPattern: bits)
            if value.isFinite { values.append(value) }
        }
        return values
    }

    static func roundTrip(_ value: FixtureValue) throws -> FixtureValue {
        let fixture = FixtureCase(
            id: "t", description: "", inputs: ["v": value], expected: [:],
            tolerance: .absolute(0, note: ""), provenance: .recorded(seed: 0, engine: "", command: ""))
        let text = try FixtureFile(cases: [fixture]).encoded()
        let back = try FixtureFile.decode(text, file: "t.json")
        return try #require(back.cases.first?.inputs["v"])
    }

    /// First index where the bit patterns differ.
    static func firstMismatch(_ a: [Double], _ b: [Double]) -> Int? {
        guard a.count == b.count else { return min(a.count, b.count) }
        return zip(a, b).enumerated().first { $0.element.0.bitPattern != $0.element.1.bitPattern }?.offset
    }

    @Test("random float64 bit patterns survive in an array, bit for bit")
    func randomArray() throws {
        let values = Self.randomFiniteDoubles(count: 20_000, seed: 20_240_601) + Self.specials
        let array = try FixtureArray(shape: [values.count], values: values)
        let back = try #require(try Self.roundTrip(.array(array)).arrayValue)
        let mismatch = Self.firstMismatch(values, back.values)
        #expect(mismatch == nil, "first mismatch at \(mismatch ?? -1): \(mismatch.map { values[$0] } ?? 0)")
        #expect(back.dtype == .float64 && back.shape == [values.count])
    }

    @Test("random float64 bit patterns survive as scalars, bit for bit")
    func randomScalars() throws {
        let values = Self.randomFiniteDoubles(count: 2_000, seed: 7) + Self.specials
        let back = try #require(try Self.roundTrip(.list(values.map(FixtureValue.number))).listValue)
        let numbers = back.compactMap(\.numberValue)
        #expect(numbers.count == values.count)
        let mismatch = Self.firstMismatch(values, numbers)
        #expect(mismatch == nil, "first mismatch at \(mismatch ?? -1)")
    }

    @Test("NaN and infinities are written as strings and read back", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(_ value: Double) throws {
        let back = try Self.roundTrip(.number(value))
        let number = try #require(back.numberValue)
        #expect(value.isNaN ? number.isNaN : number == value)
        let array = try FixtureArray(shape: [3], values: [1, value, -1])
        let backArray = try #require(try Self.roundTrip(.array(array)).arrayValue)
        #expect(backArray == array)
        #expect(value.isNaN ? backArray.values[1].isNaN : backArray.values[1] == value)
        let text = try FixtureFile(cases: [
            FixtureCase(id: "a", description: "", inputs: ["v": .number(value)], expected: [:],
                        tolerance: .absolute(0, note: ""), provenance: .recorded(seed: 0, engine: "", command: "")),
        ]).encoded()
        let spelled = value.isNaN ? "\"nan\"" : value > 0 ? "\"inf\"" : "\"-inf\""
        #expect(text.contains("\"v\": \(spelled)"))
    }

    @Test("the sign of zero is kept")
    func negativeZero() throws {
        let back = try #require(try Self.roundTrip(.number(-0.0)).numberValue)
        #expect(back == 0 && back.sign == .minus)
        let array = try #require(try Self.roundTrip(.array(FixtureArray(shape: [2], values: [-0.0, 0.0]))).arrayValue)
        #expect(array.values[0].sign == .minus && array.values[1].sign == .plus)
        #expect(FixtureValue.number(-0.0) != .number(0.0))
    }

    @Test("integers stay integers and integral floats stay floats")
    func integersAndDoubles() throws {
        #expect(try Self.roundTrip(.integer(2)) == .integer(2))
        #expect(try Self.roundTrip(.number(2.0)) == .number(2.0))
        #expect(try Self.roundTrip(.integer(2)).numberValue == nil)
        #expect(try Self.roundTrip(.number(2.0)).integerValue == nil)
        #expect(try Self.roundTrip(.integer(.max)) == .integer(.max))
        #expect(try Self.roundTrip(.integer(.min)) == .integer(.min))
        #expect(try Self.roundTrip(.integers([0, -5, 1])) == .integers([0, -5, 1]))
        #expect(try Self.roundTrip(.list([.number(1.0), .integer(1)])) == .list([.number(1.0), .integer(1)]))
        #expect(FixtureValue.integer(2) != .number(2.0))
    }

    @Test("float32 arrays keep every float32 bit pattern and their dtype")
    func float32Arrays() throws {
        var rng = RandomSource(seed: 32)
        var floats: [Float] = [0.1, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .leastNormalMagnitude, 2]
        while floats.count < 5_000 {
            let value = Float(bitPattern: rng.nextUInt32())
            if value.isFinite { floats.append(value) }
        }
        let tensor = Tensor<Float>(floats)
        let array = FixtureArray(tensor)
        #expect(array.dtype == .float32)
        let back = try #require(try Self.roundTrip(.array(array)).arrayValue)
        #expect(back.dtype == .float32)
        let restored: Tensor<Float> = try back.tensor()
        let mismatch = zip(floats, restored.scalars).enumerated().first { $0.element.0.bitPattern != $0.element.1.bitPattern }
        #expect(restored.scalars.count == floats.count && mismatch == nil, "first mismatch at \(mismatch?.offset ?? -1)")
    }

    @Test("a float32 array rounds its values to float32 and is written in float32's shortest spelling")
    func float32Spelling() throws {
        let array = try FixtureArray(dtype: .float32, shape: [2], values: [0.1, 1.0 / 3.0])
        #expect(array.values == [Double(Float(0.1)), Double(Float(1.0 / 3.0))])
        let fixture = FixtureCase(
            id: "f", description: "", inputs: ["a": .array(array)], expected: [:],
            tolerance: .absolute(0, note: ""), provenance: .recorded(seed: 0, engine: "", command: ""))
        let text = try FixtureFile(cases: [fixture]).encoded()
        #expect(text.contains("\"values\": [0.1, 0.33333334]"))
    }

    @Test("numbers are spelled with Swift's shortest round-trip representation")
    func spelling() throws {
        let array = try FixtureArray(shape: [6], values: [0.1, 1e-10, -0.0, 2.0, Double.leastNonzeroMagnitude, 1e308])
        let fixture = FixtureCase(
            id: "s", description: "", inputs: ["a": .array(array)], expected: [:],
            tolerance: .absolute(0, note: ""), provenance: .recorded(seed: 0, engine: "", command: ""))
        let text = try FixtureFile(cases: [fixture]).encoded()
        #expect(text.contains("\"values\": [0.1, 1e-10, -0.0, 2.0, 5e-324, 1e+308]"))
    }

    @Test("shapes of rank 0 to 4, with empty dimensions, round-trip", arguments: [[], [0], [3], [2, 0], [0, 3], [2, 3], [2, 1, 3], [1, 2, 1, 2]])
    func shapes(_ shape: [Int]) throws {
        let count = shape.reduce(1, *)
        let array = try FixtureArray(shape: shape, values: (0..<count).map { Double($0) * 0.5 - 1 })
        let back = try #require(try Self.roundTrip(.array(array)).arrayValue)
        #expect(back == array)
        let tensor: Tensor<Double> = try back.tensor()
        #expect(tensor.shape == shape)
    }
}

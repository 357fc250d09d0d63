import NumericCore
import Testing

/// `RandomSource` against numpy's legacy global generator, value for value. Doubles are compared
/// by bit pattern (numpy's values pasted as `float.hex`, which Swift reads as hex literals).
@Suite("RandomSource reproduces numpy's legacy generator")
struct RandomSourceTests {
    static let seeds: [UInt32] = [0, 1, 231, 4_294_967_295]

    // MARK: rand

    /// (seed, positions, `np.random.rand(700)` at those positions). 700 uniforms use 1400 raw
    /// outputs, so positions 312 and later come after the first state regeneration (624 outputs).
    /// python3 -c "
    /// import numpy as np
    /// for s in (0,1,231,4294967295):
    ///     np.random.seed(s); u = np.random.rand(700)
    ///     print(s, [u[i].hex() for i in (0,1,2,311,312,313,699)])"
    static let uniformPositions = [0, 1, 2, 311, 312, 313, 699]
    static let uniformCases: [(seed: UInt32, values: [Double])] = [
        (0, [0x1.18fe1565f12a8p-1, 0x1.6e2d4cf608733p-1, 0x1.349d66b6e894bp-1, 0x1.2cf25ce2031ccp-3,
             0x1.45b8f280519f0p-4, 0x1.6f03975ad5b90p-4, 0x1.af8072ee1d1f7p-1]),
        (1, [0x1.ab07d0ffa3c06p-2, 0x1.70ce5f3baf051p-1, 0x1.dfb906661c000p-14, 0x1.d1bbbf5de4b9cp-1,
             0x1.074a049bfdcd2p-2, 0x1.c635f4e1b43f8p-4, 0x1.2597bd19c46f4p-2]),
        (231, [0x1.901ffca6c1e12p-1, 0x1.2b1d750f39967p-1, 0x1.b4f37c1158396p-2, 0x1.c57106aaaa5eap-1,
               0x1.59897f8ad3414p-3, 0x1.dfa63f5805f2cp-1, 0x1.262b3da98719cp-2]),
        (4_294_967_295, [0x1.8fe69a3924820p-4, 0x1.d323d824032b1p-1, 0x1.93fc6f61af3f9p-1, 0x1.2369739e9c078p-2,
                         0x1.cc39c1c9cc10cp-1, 0x1.c47134f90d2e0p-3, 0x1.11b3f0b3bebc0p-7]),
    ]

    @Test("rand, including draws after the state regeneration", arguments: uniformCases)
    func uniform(seed: UInt32, expected: [Double]) {
        var rng = RandomSource(seed: seed)
        #expect(rng.seed == seed)
        let draws = (0..<700).map { _ in rng.uniform() }
        for (position, value) in zip(Self.uniformPositions, expected) {
            #expect(draws[position].bitPattern == value.bitPattern,
                    "seed \(seed), rand[\(position)]: got \(hex(draws[position])), numpy \(hex(value))")
        }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    // MARK: randn

    /// (seed, `np.random.randn(1001)` at `normalPositions`). Odd positions are the cached second
    /// value of a polar pair; 1001 normals need more than 624 raw outputs.
    /// python3 -c "
    /// import numpy as np
    /// for s in (0,1,231,4294967295):
    ///     np.random.seed(s); z = np.random.randn(1001)
    ///     print(s, [z[i].hex() for i in (0,1,2,3,311,312,500,1000)])"
    static let normalPositions = [0, 1, 2, 3, 311, 312, 500, 1000]
    static let normalCases: [(seed: UInt32, values: [Double])] = [
        (0, [0x1.c398ef3e5cfa5p+0, 0x1.99c2cfacc8953p-2, 0x1.f51d25222c9abp-1, 0x1.1ed5969e3314ep+1,
             0x1.13e704a022765p+0, -0x1.2077a7fce6228p+0, 0x1.87eb029815cfdp-2, 0x1.1ca723ee4cda9p-1]),
        (1, [0x1.9fd5190657c50p+0, -0x1.393822fb7d9adp-1, -0x1.0e6c872548fd2p-1, -0x1.12ae1255cb80cp+0,
             0x1.3897ec4994374p-2, 0x1.63870be8c4d83p+0, -0x1.b82a3c7d69f8ep+0, -0x1.39d3e17ad5739p-3]),
        (231, [0x1.abf95b84ceb84p-2, 0x1.65a85d269e0e0p+0, -0x1.c9310657b39bdp+0, -0x1.6aeb77fe348cdp-1,
               0x1.e1ea9f301f6d0p-1, 0x1.b5ab7520844cdp-2, 0x1.0660490720ea0p-1, -0x1.0b44444125ab5p-3]),
        (4_294_967_295, [0x1.4bfc38c486d8ap-1, 0x1.56b192e507eeep-1, -0x1.149e836f192fdp+0, 0x1.23543dec5a0fcp-2,
                         0x1.15aadac1e5a0dp-2, -0x1.2895a0220368bp-2, -0x1.593e305a5e407p-2, -0x1.6aad57c204043p-1]),
    ]

    @Test("randn, including the cached second gaussian and later draws", arguments: normalCases)
    func standardNormal(seed: UInt32, expected: [Double]) {
        var rng = RandomSource(seed: seed)
        let draws = (0..<1001).map { _ in rng.standardNormal() }
        for (position, value) in zip(Self.normalPositions, expected) {
            #expect(draws[position].bitPattern == value.bitPattern,
                    "seed \(seed), randn[\(position)]: got \(hex(draws[position])), numpy \(hex(value))")
        }
    }

    /// (seed, [randn(), rand(), randn(), randn()]): the cached gaussian survives a `rand` call in
    /// between, and the pair after it starts from the outputs after that `rand`.
    /// python3 -c "
    /// import numpy as np
    /// for s in (0,1,231,4294967295):
    ///     np.random.seed(s); a = np.random.randn(); b = np.random.rand(); c = np.random.randn(); d = np.random.randn()
    ///     print(s, [float(v).hex() for v in (a, b, c, d)])"
    static let interleavedCases: [(seed: UInt32, values: [Double])] = [
        (0, [0x1.c398ef3e5cfa5p+0, 0x1.349d66b6e894bp-1, 0x1.99c2cfacc8953p-2, -0x1.2258941855050p+1]),
        (1, [0x1.9fd5190657c50p+0, 0x1.dfb906661c000p-14, -0x1.393822fb7d9adp-1, -0x1.9ab665f778871p-1]),
        (231, [0x1.abf95b84ceb84p-2, 0x1.b4f37c1158396p-2, 0x1.65a85d269e0e0p+0, 0x1.dd3cfe0ecd514p-1]),
        (4_294_967_295, [0x1.4bfc38c486d8ap-1, 0x1.25ec7244bbf80p-6, 0x1.56b192e507eeep-1, 0x1.4d051339bc741p-4]),
    ]

    @Test("randn, rand, randn, randn interleaved", arguments: interleavedCases)
    func interleaved(seed: UInt32, expected: [Double]) {
        var rng = RandomSource(seed: seed)
        let got = [rng.standardNormal(), rng.uniform(), rng.standardNormal(), rng.standardNormal()]
        for i in 0..<4 {
            #expect(got[i].bitPattern == expected[i].bitPattern,
                    "seed \(seed), draw \(i): got \(hex(got[i])), numpy \(hex(expected[i]))")
        }
    }

    // MARK: randint

    /// (seed, k, `np.random.randint(k, size=1000)` at `integerPositions`, then `np.random.rand()`).
    /// The trailing `rand` shows how many raw outputs the rejection sampling consumed (none for
    /// k = 1).
    /// python3 -c "
    /// import numpy as np
    /// for s in (0,1,231,4294967295):
    ///   for k in (1,2,7,10,1000,2**31):
    ///     np.random.seed(s); r = np.random.randint(k, size=1000); after = np.random.rand()
    ///     print(f'({s}, {k}, {[int(r[i]) for i in (0,1,2,3,4,5,6,7,620,621,622,623,624,625,626,627,999)]}, {after.hex()}),')"
    static let integerPositions = [0, 1, 2, 3, 4, 5, 6, 7, 620, 621, 622, 623, 624, 625, 626, 627, 999]
    static let integerCases: [(seed: UInt32, bound: Int, values: [Int], after: Double)] = [
        (0, 1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0x1.18fe1565f12a8p-1),
        (0, 2, [0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0], 0x1.3dd478a38e166p-2),
        (0, 7, [4, 5, 0, 3, 3, 3, 1, 3, 1, 4, 3, 1, 2, 5, 1, 4, 5], 0x1.3f207ab8c8f27p-1),
        (0, 10, [5, 0, 3, 3, 7, 9, 3, 5, 4, 1, 7, 4, 0, 2, 7, 4, 7], 0x1.bb4df1c5e59ecp-3),
        (0, 1000, [684, 559, 629, 192, 835, 763, 707, 359, 889, 680, 444, 417, 284, 836, 26, 736, 870], 0x1.7aee1018c1c6ap-1),
        (0, 2_147_483_648, [209652396, 398764591, 924231285, 1478610112, 441365315, 1537364731, 192771779, 1491434855,
                            1162135467, 1308169859, 631131020, 1644371172, 341544762, 1076416385, 384842097, 761977984,
                            895968152], 0x1.3dd478a38e166p-2),
        (1, 1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0x1.ab07d0ffa3c06p-2),
        (1, 2, [1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0], 0x1.6653bed03b5b8p-4),
        (1, 7, [5, 3, 4, 0, 1, 3, 5, 0, 5, 6, 5, 1, 6, 1, 3, 3, 3], 0x1.27d20a7a8be5dp-1),
        (1, 10, [5, 8, 9, 5, 0, 0, 1, 7, 2, 9, 0, 1, 3, 9, 4, 8, 6], 0x1.07cb7fe775a76p-2),
        (1, 1000, [37, 235, 908, 72, 767, 905, 715, 645, 816, 501, 787, 396, 153, 333, 784, 260, 555], 0x1.4888633d87f20p-3),
        (1, 2_147_483_648, [1791095845, 2135392491, 946286476, 1857819720, 491263, 550290313, 1298508491, 2143362693,
                            1788018730, 173106774, 1759371188, 2006116153, 1104314680, 939235918, 476274519, 1893343226,
                            548926898], 0x1.6653bed03b5b8p-4),
        (231, 1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0x1.901ffca6c1e12p-1),
        (231, 2, [1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1], 0x1.cf3daf5b72df4p-3),
        (231, 7, [0, 4, 1, 3, 6, 2, 6, 4, 5, 0, 6, 6, 6, 5, 4, 5, 0], 0x1.594994f159650p-5),
        (231, 10, [7, 0, 4, 9, 6, 2, 7, 4, 4, 5, 3, 5, 8, 6, 0, 1, 5], 0x1.05f9550f9f26ep-1),
        (231, 1000, [599, 176, 660, 457, 779, 710, 514, 478, 684, 188, 735, 537, 638, 728, 596, 218, 747], 0x1.90e4f4db95d58p-3),
        (231, 2_147_483_648, [1209007703, 453477552, 361675412, 1021729225, 1832705803, 581989062, 1354395138, 2097663454,
                              1178628105, 877952988, 1656259415, 715750046, 724643811, 181616980, 1876107177, 1612172063,
                              354461113], 0x1.cf3daf5b72df4p-3),
        (4_294_967_295, 1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0x1.8fe69a3924820p-4),
        (4_294_967_295, 2, [1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], 0x1.8c101cbaed8acp-2),
        (4_294_967_295, 7, [3, 2, 4, 4, 0, 6, 2, 1, 1, 5, 5, 5, 6, 5, 4, 0, 6], 0x1.1df169e45fb06p-2),
        (4_294_967_295, 10, [3, 2, 7, 4, 0, 6, 9, 0, 9, 2, 3, 5, 9, 0, 2, 7, 7], 0x1.03f744905fbe0p-3),
        (4_294_967_295, 1000, [419, 290, 12, 71, 948, 576, 214, 506, 173, 120, 722, 979, 664, 220, 651, 89, 437], 0x1.bdad6ae9135e0p-3),
        (4_294_967_295, 2_147_483_648, [419326371, 479346978, 1771170828, 269265991, 1241397172, 113049152, 1202606294,
                                        1162281466, 194249753, 2027836416, 1222270187, 1027084080, 1713168621, 657474326,
                                        948840071, 2030906938, 526056045], 0x1.8c101cbaed8acp-2),
    ]

    @Test("randint(k, size=1000) and the state it leaves", arguments: integerCases)
    func integers(seed: UInt32, bound: Int, expected: [Int], after: Double) {
        var rng = RandomSource(seed: seed)
        let draws = rng.integers(below: bound, count: 1000)
        #expect(draws.count == 1000)
        #expect(draws.allSatisfy { $0 >= 0 && $0 < bound })
        let got = Self.integerPositions.map { draws[$0] }
        if let i = got.indices.first(where: { got[$0] != expected[$0] }) {
            Issue.record("seed \(seed), randint(\(bound))[\(Self.integerPositions[i])]: got \(got[i]), numpy \(expected[i])")
        }
        let next = rng.uniform()
        #expect(next.bitPattern == after.bitPattern,
                "seed \(seed), rand() after randint(\(bound)): got \(hex(next)), numpy \(hex(after))")
    }

    @Test("integer(below:) draws one value the way integers(below:count:) does")
    func singleIntegerMatchesBatch() {
        var single = RandomSource(seed: 231), batch = RandomSource(seed: 231)
        let one = (0..<50).map { _ in single.integer(below: 7) }
        #expect(one == batch.integers(below: 7, count: 50))
    }

    // MARK: permutation and choice

    /// (seed, `permutation(10)`, `permutation(1000)` at `permutationPositions`, `choice(50000, 20)`,
    /// `choice(7, 10)`, then `rand()`), drawn in that order after one `np.random.seed(s)`.
    /// python3 -c "
    /// import numpy as np
    /// for s in (0,1,231,4294967295):
    ///     np.random.seed(s); p = np.random.permutation(10); q = np.random.permutation(1000); c = np.random.choice(50000, 20); d = np.random.choice(7, 10); after = np.random.rand()
    ///     print(f'({s}, {p.tolist()}, {[int(q[i]) for i in (0,1,2,500,998,999)]}, {c.tolist()}, {d.tolist()}, {after.hex()}),')"
    static let permutationPositions = [0, 1, 2, 500, 998, 999]
    static let permutationCases: [(seed: UInt32, small: [Int], large: [Int], choice: [Int], choice7: [Int], after: Double)] = [
        (0, [2, 8, 4, 9, 1, 6, 7, 3, 0, 5], [722, 311, 85, 497, 599, 804],
         [2555, 15612, 30532, 14707, 32214, 5305, 31069, 39526, 13195, 48846, 7762, 36076, 28675, 32933, 34183, 42062,
          11209, 49675, 31504, 7228], [3, 3, 1, 2, 5, 4, 0, 5, 0, 1], 0x1.98c5dcb6825fcp-3),
        (1, [2, 9, 6, 4, 0, 3, 1, 7, 8, 5], [918, 618, 293, 284, 749, 583],
         [47063, 24082, 3139, 27662, 12308, 31723, 18812, 39893, 33033, 45610, 9154, 48916, 15723, 13200, 46157, 42275,
          18251, 21660, 33514, 15394], [4, 2, 6, 4, 2, 0, 6, 0, 5, 2], 0x1.af90915edd243p-1),
        (231, [6, 5, 8, 9, 2, 3, 1, 4, 0, 7], [310, 137, 288, 841, 274, 241],
         [12445, 41566, 37769, 36177, 41022, 131, 25188, 13205, 7519, 16458, 32102, 14336, 29414, 47010, 23651, 42954,
          47060, 31485, 15392, 15132], [5, 2, 2, 4, 0, 0, 1, 4, 3, 2], 0x1.7dd738e8dc5bcp-3),
        (4_294_967_295, [6, 9, 5, 1, 8, 0, 7, 4, 2, 3], [222, 28, 514, 131, 754, 635],
         [17293, 32264, 13544, 26614, 19530, 28364, 38613, 17222, 5629, 16917, 15495, 18485, 19800, 1464, 4365, 10184,
          40848, 12773, 27912, 37809], [2, 3, 2, 0, 3, 6, 1, 1, 1, 1], 0x1.d22ff33326646p-1),
    ]

    @Test("permutation and choice", arguments: permutationCases)
    func permutationAndChoice(
        seed: UInt32, small: [Int], large: [Int], choice: [Int], choice7: [Int], after: Double
    ) {
        var rng = RandomSource(seed: seed)
        #expect(rng.permutation(10) == small)
        let permutation = rng.permutation(1000)
        #expect(permutation.sorted() == Array(0..<1000))
        #expect(Self.permutationPositions.map { permutation[$0] } == large)
        #expect(rng.integers(below: 50_000, count: 20) == choice)
        #expect(rng.integers(below: 7, count: 10) == choice7)
        let next = rng.uniform()
        #expect(next.bitPattern == after.bitPattern, "seed \(seed): rand() got \(hex(next)), numpy \(hex(after))")
    }

    @Test("permutation of 0 and 1 elements draws nothing")
    func trivialPermutations() {
        var rng = RandomSource(seed: 0)
        #expect(rng.permutation(0) == [])
        #expect(rng.permutation(1) == [0])
        // numpy: np.random.seed(0); np.random.rand() (first value of `uniformCases` for seed 0).
        #expect(rng.uniform().bitPattern == (0x1.18fe1565f12a8p-1 as Double).bitPattern)
    }

    @Test("sources with the same seed agree, different seeds differ")
    func seedsAreIndependent() {
        var a = RandomSource(seed: 5), b = RandomSource(seed: 5), c = RandomSource(seed: 6)
        let x = (0..<10).map { _ in a.nextUInt32() }
        #expect(x == (0..<10).map { _ in b.nextUInt32() })
        #expect(x != (0..<10).map { _ in c.nextUInt32() })
    }
}

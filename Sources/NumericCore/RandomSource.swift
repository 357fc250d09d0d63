import RealModule

/// A seeded random source that reproduces numpy's legacy global generator
/// (`np.random.seed(s)` followed by `rand`, `randn`, `randint`, `choice`) bit for bit.
///
/// Algorithms, as numpy implements them (`numpy/random/src/mt19937`, `legacy-distributions.c`):
/// - MT19937 (Matsumoto & Nishimura 1998) seeded with `init_genrand(seed)`;
/// - `uniform()`: `(a >> 5, b >> 6)` from two 32-bit outputs, `(a * 2^26 + b) / 2^53`;
/// - `standardNormal()`: the Marsaglia polar method, keeping the second value for the next call;
/// - `integer(below:)`: masked rejection sampling on 32-bit outputs (numpy's legacy `randint`).
/// So a course construction such as `np.random.seed(231); x = np.random.randn(10, 2, 3)` can be
/// replayed exactly. The seed is kept so that reports can print it.
public struct RandomSource: Sendable {
    private static let n = 624
    private static let m = 397

    /// The seed this source started from.
    public let seed: UInt32
    private var state: [UInt32]
    private var position: Int
    private var cachedGaussian: Double?

    /// numpy's `np.random.seed(seed)` (`RandomState(seed)`).
    public init(seed: UInt32) {
        self.seed = seed
        var state = [UInt32](repeating: 0, count: Self.n)
        state[0] = seed
        for i in 1..<Self.n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        self.state = state
        self.position = Self.n
    }

    private mutating func regenerate() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff, matrixA: UInt32 = 0x9908_b0df
        for i in 0..<Self.n {
            let y = (state[i] & upper) | (state[(i + 1) % Self.n] & lower)
            var next = state[(i + Self.m) % Self.n] ^ (y >> 1)
            if y & 1 != 0 { next ^= matrixA }
            state[i] = next
        }
        position = 0
    }

    /// The next raw 32-bit output (tempered).
    public mutating func nextUInt32() -> UInt32 {
        if position >= Self.n { regenerate() }
        var y = state[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// A double uniform in [0, 1) with 53 random bits (numpy's `random_sample`).
    public mutating func uniform() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A standard normal draw (numpy's legacy `randn`, polar method).
    public mutating func standardNormal() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * uniform() - 1
            x2 = 2 * uniform() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = Double.sqrt(-2 * Double.log(r2) / r2)
        cachedGaussian = f * x1
        return f * x2
    }

    /// An integer uniform in `0..<bound` (numpy's legacy `randint(bound)`); `bound` >= 1.
    public mutating func integer(below bound: Int) -> Int {
        precondition(bound >= 1 && bound <= Int(UInt32.max), "bound \(bound) out of range")
        let range = UInt32(bound - 1)
        if range == 0 { return 0 }
        var mask = range
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16
        while true {
            let value = nextUInt32() & mask
            if value <= range { return Int(value) }
        }
    }

    /// `count` integers in `0..<bound`, with replacement (numpy's `np.random.choice(bound, count)`
    /// and `np.random.randint(bound, size=count)`).
    public mutating func integers(below bound: Int, count: Int) -> [Int] {
        (0..<count).map { _ in integer(below: bound) }
    }

    /// A random permutation of `0..<count` (numpy's legacy `permutation`, Fisher-Yates from the end).
    public mutating func permutation(_ count: Int) -> [Int] {
        var values = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = integer(below: i + 1)
            values.swapAt(i, j)
            i -= 1
        }
        return values
    }
}

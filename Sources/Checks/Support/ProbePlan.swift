import GradientCheck
import NumericCore

/// The points at which a numerical gradient evaluates the implementation's own function, in a
/// seeded random order and mixed with decoys, so that a function which recognises the gradient
/// check's perturbations (and answers them from its own gradient instead of evaluating itself)
/// cannot answer consistently.
///
/// The estimate of entry `i` needs `f(x)` and `f(x ± h e_i)`. The plan adds:
/// - repeats: `x` itself several times, and some `x ± h e_i` twice, at random places in the
///   order. A function of its input gives one value per input; one that answers from what it saw
///   before (remember the last unperturbed call, answer `f(x) ± h * grad_i` when one entry moved
///   by exactly h) gives two.
/// - directions: `x ± h s` for random signs `s` on 3 to 8 of the entries. These are not
///   one-entry perturbations; for any function smooth at `x` their difference equals
///   `sum_i s_i (f(x + h e_i) - f(x - h e_i))` up to round-off and third-order terms.
/// - other steps: `x ± h' e_i` for a few entries, h' between 0.5h and 0.9h; the central
///   difference must agree with the one at h.
/// Entries whose one-sided slopes disagree (a kink inside the step) are left out of the two
/// smoothness tests. A function that linearises around any point it saw, for any small change,
/// still answers consistently: the fixtures catch that, which is why every own-gradient check
/// is paired with a fixture comparison where a fixture exists.
struct ProbePlan {
    /// One point: `x` with `deltas` added at the flat `indices` (`x[i] + delta`, in float64).
    struct Point: Equatable {
        var indices: [Int]
        var deltas: [Double]
    }

    /// A multi-entry decoy: `x + h s` (`plus`) and `x - h s` (`minus`) over `entries` (positions
    /// into the plan's entries).
    struct Direction {
        var entries: [Int]
        var signs: [Double]
        var plus: Int
        var minus: Int
    }

    /// A decoy with another step: `x ± step e_i` for the plan's entry number `entry`.
    struct OtherStep {
        var entry: Int
        var step: Double
        var plus: Int
        var minus: Int
    }

    /// The flat indices of `x` whose derivatives are estimated.
    let entries: [Int]
    let step: Double
    /// The seed of the order and of the decoys.
    let seed: UInt32
    /// Distinct points: 0 is `x`, `1 + 2k` is `x + h e_k`, `2 + 2k` is `x - h e_k`, decoys follow.
    private(set) var points: [Point] = []
    private(set) var directions: [Direction] = []
    private(set) var otherSteps: [OtherStep] = []
    /// The evaluation order: positions into `points`; repeated points appear more than once.
    private(set) var order: [Int] = []

    static let base = 0
    func plus(_ k: Int) -> Int { 1 + 2 * k }
    func minus(_ k: Int) -> Int { 2 + 2 * k }

    /// A plan for `entries` with step `step`; without `decoys` only the shuffled estimate points
    /// (the smaller steps of the kink test).
    init(entries: [Int], step: Double, seed: UInt32, decoys: Bool = true) {
        self.entries = entries
        self.step = step
        self.seed = seed
        var rng = RandomSource(seed: seed)
        let n = entries.count
        points.append(Point(indices: [], deltas: []))
        for i in entries {
            points.append(Point(indices: [i], deltas: [step]))
            points.append(Point(indices: [i], deltas: [-step]))
        }
        var sequence = Array(points.indices)
        if decoys && n > 0 {
            // x again, and some one-entry points again.
            sequence += Array(repeating: Self.base, count: 2 + n / 20)
            sequence += rng.permutation(2 * n).prefix(max(2, n / 8)).map { $0 + 1 }
            if n >= 3 {
                for _ in 0..<max(2, min(8, n / 5)) {
                    let size = min(n, 3 + rng.integer(below: 6))
                    let chosen = Array(rng.permutation(n).prefix(size)).sorted()
                    let signs = chosen.map { _ in rng.integer(below: 2) == 0 ? -1.0 : 1.0 }
                    let indices = chosen.map { entries[$0] }
                    points.append(Point(indices: indices, deltas: signs.map { $0 * step }))
                    points.append(Point(indices: indices, deltas: signs.map { -$0 * step }))
                    directions.append(Direction(entries: chosen, signs: signs, plus: points.count - 2, minus: points.count - 1))
                    sequence += [points.count - 2, points.count - 1]
                }
            }
            for k in rng.permutation(n).prefix(max(1, min(4, n / 10))) {
                let other = step * (0.5 + 0.4 * rng.uniform())
                points.append(Point(indices: [entries[k]], deltas: [other]))
                points.append(Point(indices: [entries[k]], deltas: [-other]))
                otherSteps.append(OtherStep(entry: k, step: other, plus: points.count - 2, minus: points.count - 1))
                sequence += [points.count - 2, points.count - 1]
            }
        }
        order = rng.permutation(sequence.count).map { sequence[$0] }
    }

    /// `x` at `point`, computed as the implementation computes it.
    static func apply(_ point: Point, to x: Tensor<Double>) -> Tensor<Double> {
        var moved = x
        for (i, d) in zip(point.indices, point.deltas) { moved.scalars[i] = x.scalars[i] + d }
        return moved
    }
}

/// What the implementation answered for a plan: for each evaluation in the plan's order,
/// `sum((f(point) - f(first point)) * weights)`, and `sum(f(first point) * weights)` and
/// `sum(|f(first point) * weights|)` (the size round-off is relative to).
struct ProbeAnswers {
    var base: Double
    var scale: Double
    var values: [Double]
}

extension ProbePlan {
    /// The answers grouped by point, in evaluation order.
    func byPoint(_ answers: ProbeAnswers) -> [[Double]] {
        var grouped = [[Double]](repeating: [], count: points.count)
        for (position, point) in order.enumerated() { grouped[point].append(answers.values[position]) }
        return grouped
    }

    /// The central differences and one-sided slopes of every entry (the first answer of each
    /// point), divided by the steps actually taken.
    func differences(_ answers: ProbeAnswers, at x: Tensor<Double>) -> NumericalGradient.Differences {
        let v = byPoint(answers).map { $0[0] }
        var d = NumericalGradient.Differences(indices: entries)
        for (k, i) in entries.enumerated() {
            let up = (x.scalars[i] + step) - x.scalars[i], down = x.scalars[i] - (x.scalars[i] - step)
            d.values.append((v[plus(k)] - v[minus(k)]) / (up + down))
            d.forwardSlopes.append((v[plus(k)] - v[Self.base]) / up)
            d.backwardSlopes.append((v[Self.base] - v[minus(k)]) / down)
        }
        d.noiseFloor = 16 * Double.ulpOfOne * answers.scale / step
        return d
    }

    /// The first way the answers do not fit together, or nil: a point that got two values, a
    /// direction whose difference is not the sum of its entries', an entry whose difference at
    /// another step disagrees. `describe` names an entry of `x` by its flat index.
    func inconsistency(
        _ answers: ProbeAnswers, _ d: NumericalGradient.Differences, at x: Tensor<Double>,
        settings: GradientCheckSettings, describe: (Int) -> String
    ) -> (detail: String, failed: Int, tests: Int)? {
        let grouped = byPoint(answers)
        var problems: [String] = []
        var tests = 0
        func name(_ point: Int) -> String {
            let p = points[point]
            if p.indices.isEmpty { return "x itself" }
            if p.indices.count == 1 {
                return "x with entry \(describe(p.indices[0])) \(p.deltas[0] < 0 ? "-" : "+") \(Compare.format(abs(p.deltas[0])))"
            }
            return "x moved by ±h in \(p.indices.count) entries"
        }
        // One value per input, to a few ulps of the function's size.
        let repeatTolerance = 64 * Double.ulpOfOne * answers.scale
        // Non-finite answers are left to the gradient comparison, which names them.
        for (point, values) in grouped.enumerated() where values.count > 1 && values.allSatisfy(\.isFinite) {
            tests += 1
            guard let low = values.min(), let high = values.max(), high - low > repeatTolerance else { continue }
            problems.append("\(name(point)) was answered \(answers.base + low) and \(answers.base + high) (asked \(values.count) times)")
        }
        let floor = max(settings.absoluteTolerance, d.noiseFloor)
        let v = grouped.map { $0[0] }
        func kinked(_ forward: Double, _ backward: Double) -> Bool {
            let spread = abs(forward - backward)
            return spread > settings.kinkDisagreement * max(abs(forward), abs(backward)) && spread > floor
        }
        let atKink = entries.indices.map { kinked(d.forwardSlopes[$0], d.backwardSlopes[$0]) }
        for direction in directions where !direction.entries.contains(where: { atKink[$0] }) {
            let forward = (v[direction.plus] - v[Self.base]) / step, backward = (v[Self.base] - v[direction.minus]) / step
            if kinked(forward, backward) || !forward.isFinite || !backward.isFinite { continue }
            let numeric = (v[direction.plus] - v[direction.minus]) / (2 * step)
            var predicted = 0.0, size = abs(numeric)
            for (k, s) in zip(direction.entries, direction.signs) {
                let difference = (v[plus(k)] - v[minus(k)]) / (2 * step)
                predicted += s * difference
                size += abs(difference)
            }
            guard predicted.isFinite else { continue }
            tests += 1
            let bound = settings.relativeTolerance * size + floor * Double(direction.entries.count + 1)
            if abs(numeric - predicted) > bound {
                problems.append("moving \(direction.entries.count) entries at once by ±h changes it at the rate \(numeric), but the same entries moved one at a time add up to \(predicted)")
            }
        }
        for other in otherSteps where !atKink[other.entry] {
            let i = entries[other.entry]
            let up = (x.scalars[i] + other.step) - x.scalars[i], down = x.scalars[i] - (x.scalars[i] - other.step)
            let forward = (v[other.plus] - v[Self.base]) / up, backward = (v[Self.base] - v[other.minus]) / down
            let numeric = (v[other.plus] - v[other.minus]) / (up + down), atStep = d.values[other.entry]
            if kinked(forward, backward) || !numeric.isFinite || !atStep.isFinite { continue }
            tests += 1
            let agrees = RelativeError.of(numeric, atStep) <= settings.relativeTolerance
                || abs(numeric - atStep) <= 2 * max(settings.absoluteTolerance, d.noiseFloor * step / other.step)
            if !agrees {
                problems.append("entry \(describe(i)) has the central difference \(atStep) with h = \(Compare.format(step)) but \(numeric) with h = \(Compare.format(other.step))")
            }
        }
        guard let first = problems.first else { return nil }
        return (first, problems.count, tests)
    }
}

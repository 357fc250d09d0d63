import GradientCheck
import NumericCore

/// A quick test run before a scalar function's full probe plan (`ProbePlan`): when every one of
/// its estimates agrees with the analytic gradient, the gradient passes without the plan; when
/// any disagrees (a wrong gradient, a kink inside the step, round-off, an answer that does not fit),
/// the full plan runs and decides, so the screen can only make a right gradient pass sooner,
/// never change a verdict it does not pass.
///
/// Points, evaluated once each in a seeded random order (with `x` asked twice):
/// - `directionCount` dense directions: `x ± h u` for a random unit vector `u` over every
///   entry. `(f(x + h u) - f(x - h u)) / 2h` estimates `<grad, u>`, which mixes every entry's
///   error: one entry wrong by `d` moves it by about `d / sqrt(n)` against `|grad| / sqrt(n)`,
///   so a gradient wrong anywhere by more than the tolerance of its size fails it (unless `u`
///   is nearly orthogonal to the error, which two independent directions make negligible).
/// - `spotCount` single entries `x ± h e_i`, compared with `grad[i]`: a function that
///   recognises one-entry perturbations (and answers them from the last point it evaluated)
///   answers these from a dense point or from `x`, and the spots then disagree with the
///   directions or with its own gradient, which sends it to the full plan and its decoys.
/// Estimates divide by the steps actually taken (`(x + d) - (x - d)` in float64, as the
/// implementation computes the points). 10 evaluations, against about 3n for the full plan of
/// n entries.
struct GradientScreen {
    static let directionCount = 2
    static let spotCount = 2
    /// Below this many entries the full plan costs little more than the screen: it runs alone.
    static let minimumEntries = 8

    /// Point 0 is `x`; then the two points of each direction, then those of each spot.
    private(set) var points: [ProbePlan.Point] = [ProbePlan.Point(indices: [], deltas: [])]
    private(set) var order: [Int] = []
    private var directions: [(plus: Int, minus: Int)] = []
    private var spots: [(entry: Int, plus: Int, minus: Int)] = []

    init(entries n: Int, step h: Double, seed: UInt32) {
        var rng = RandomSource(seed: seed)
        let all = Array(0..<n)
        for u in NumericalGradient.randomDirections(count: Self.directionCount, dimension: n, using: &rng) {
            points.append(ProbePlan.Point(indices: all, deltas: u.map { h * $0 }))
            points.append(ProbePlan.Point(indices: all, deltas: u.map { -h * $0 }))
            directions.append((points.count - 2, points.count - 1))
        }
        for i in rng.permutation(n).prefix(Self.spotCount) {
            points.append(ProbePlan.Point(indices: [i], deltas: [h]))
            points.append(ProbePlan.Point(indices: [i], deltas: [-h]))
            spots.append((i, points.count - 2, points.count - 1))
        }
        let sequence = Array(points.indices) + [ProbePlan.base]
        order = rng.permutation(sequence.count).map { sequence[$0] }
    }

    /// Whether every estimate agrees with `analytic` within `settings` (relative or absolute
    /// tolerance) and `x` got one value both times it was asked.
    func passes(_ answers: ProbeAnswers, analytic: Tensor<Double>, at x: Tensor<Double>, settings: GradientCheckSettings) -> Bool {
        var values = [[Double]](repeating: [], count: points.count)
        for (position, point) in order.enumerated() { values[point].append(answers.values[position]) }
        guard values.allSatisfy({ $0.allSatisfy(\.isFinite) }), let first = values[ProbePlan.base].first,
              values[ProbePlan.base].allSatisfy({ $0 == first }) else { return false }
        func agrees(_ plus: Int, _ minus: Int) -> Bool {
            let p = points[plus], m = points[minus]
            var predicted = 0.0, taken = 0.0
            for (k, i) in p.indices.enumerated() {
                let move = (x.scalars[i] + p.deltas[k]) - (x.scalars[i] + m.deltas[k])
                predicted += analytic.scalars[i] * move
                taken += move * move
            }
            // Per unit of distance moved: the directional derivative along the move.
            let length = taken.squareRoot()
            guard length > 0 else { return false }
            let numeric = (values[plus][0] - values[minus][0]) / length, expected = predicted / length
            return RelativeError.of(numeric, expected) <= settings.relativeTolerance || abs(numeric - expected) <= settings.absoluteTolerance
        }
        return directions.allSatisfy { agrees($0.plus, $0.minus) } && spots.allSatisfy { agrees($0.plus, $0.minus) }
    }
}

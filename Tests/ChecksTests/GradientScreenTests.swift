@testable import Checks
import GradientCheck
import NumericCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The quick screen before a scalar gradient's full plan: it passes a right gradient in ten
/// evaluations, and a wrong gradient, a recogniser of perturbations, or a kink never passes it
/// (they go on to the full plan, which decides).
@Suite("Gradient screen")
struct GradientScreenTests {
    static let n = 60
    static let x = Tensor<Double>(uncheckedShape: [n], scalars: (0..<n).map { 0.05 * Double($0) - 1.3 })
    static func f(_ x: Tensor<Double>) -> Double {
        x.scalars.enumerated().reduce(0) { $0 + sin($1.element) * Double($1.offset % 7 + 1) } + 0.2 * x.sumOfSquares()
    }
    static func gradient(_ x: Tensor<Double>) -> Tensor<Double> {
        Tensor(uncheckedShape: x.shape, scalars: x.scalars.enumerated().map { cos($0.element) * Double($0.offset % 7 + 1) + 0.4 * $0.element })
    }
    static let settings = GradientCheckSettings(step: 1e-5, relativeTolerance: 1e-5, absoluteTolerance: 1e-9)

    static func answers(_ screen: GradientScreen, _ answer: (Tensor<Double>) -> Double) -> ProbeAnswers {
        .evaluated(screen.points, screen.order, at: x, answer)
    }

    static func passes(seed: UInt32, analytic: Tensor<Double> = gradient(x), _ answer: (Tensor<Double>) -> Double = f) -> Bool {
        let screen = GradientScreen(entries: n, step: 1e-5, seed: seed)
        return screen.passes(answers(screen, answer), analytic: analytic, at: x, settings: settings)
    }

    @Test("a right gradient passes in ten evaluations: two dense directions, two single entries, x twice", arguments: [UInt32(0), 1, 2, 3, 4])
    func honest(seed: UInt32) {
        let screen = GradientScreen(entries: Self.n, step: 1e-5, seed: seed)
        #expect(screen.order.count == 10)
        #expect(screen.points.filter { $0.indices.count == Self.n }.count == 4)
        #expect(screen.order.filter { $0 == ProbePlan.base }.count == 2)
        #expect(Self.passes(seed: seed))
    }

    @Test("one entry of sixty wrong by a tenth of its size fails it, whichever entry", arguments: [0, 17, 59])
    func oneWrongEntry(entry: Int) {
        var wrong = Self.gradient(Self.x)
        wrong.scalars[entry] *= 1.1
        for seed in UInt32(0)..<5 { #expect(!Self.passes(seed: seed, analytic: wrong), "seed \(seed)") }
    }

    @Test("a gradient off by a constant everywhere (a missing regularization term) fails it")
    func offEverywhere() {
        let wrong = Tensor(uncheckedShape: [Self.n], scalars: Self.gradient(Self.x).scalars.enumerated().map { $0.element + 0.01 * Self.x.scalars[$0.offset] })
        for seed in UInt32(0)..<5 { #expect(!Self.passes(seed: seed, analytic: wrong)) }
    }

    @Test("a function that answers single-entry moves from the last point it evaluated fails it", arguments: [UInt32(0), 1, 2, 3, 4])
    func recogniser(seed: UInt32) {
        var last: Tensor<Double>?
        let own = Tensor(uncheckedShape: [Self.n], scalars: Self.gradient(Self.x).scalars.map { $0 + 0.3 })
        #expect(!Self.passes(seed: seed, analytic: own) { p in
            if let anchor = last {
                let moved = (0..<Self.n).filter { anchor.scalars[$0] != p.scalars[$0] }
                if moved.count == 1 { return Self.f(anchor) + (p.scalars[moved[0]] - anchor.scalars[moved[0]]) * own.scalars[moved[0]] }
            }
            last = p
            return Self.f(p)
        })
    }

    @Test("a function that gives x two values fails it")
    func twoValues() {
        var calls = 0
        #expect(!Self.passes(seed: 0) { p in
            calls += 1
            return Self.f(p) + (p.scalars == Self.x.scalars && calls > 3 ? 1e-9 : 0)
        })
    }

    @Test("a kink inside a spot's step fails the screen, but the full plan sets it aside and the check passes")
    func kinkGoesToThePlan() throws {
        // |x_i| at x_i = 0 for the spot entries: the central difference is 0, a one-sided
        // derivative (the analytic value here) is 1.
        let screen = GradientScreen(entries: Self.n, step: 1e-5, seed: 3)
        let spots = Set(screen.points.filter { $0.indices.count == 1 }.map { $0.indices[0] })
        var at = Self.x
        for i in spots { at.scalars[i] = 0 }
        let g = Tensor(uncheckedShape: [Self.n], scalars: (0..<Self.n).map { spots.contains($0) ? 1.0 : Self.gradient(at).scalars[$0] })
        let plain = { (p: Tensor<Double>) -> Double in
            p.scalars.enumerated().reduce(0) { s, e in
                s + (spots.contains(e.offset) ? abs(e.element) : sin(e.element) * Double(e.offset % 7 + 1) + 0.2 * e.element * e.element)
            }
        }
        let answers = ProbeAnswers.evaluated(screen.points, screen.order, at: at, plain)
        #expect(!screen.passes(answers, analytic: g, at: at, settings: Self.settings), "the screen does not pass a kink")
        let plan = ProbePlan(entries: Array(spots).sorted(), step: 1e-5, seed: 3, decoys: false)
        let planAnswers = ProbeAnswers.evaluated(plan.points, plan.order, at: at, plain)
        let result = try GradientChecker.compare(plan.differences(planAnswers, at: at), analytic: g, shape: [Self.n], mode: .full, settings: Self.settings) { _, _ in
            Issue.record("a matching one-sided slope needs no smaller step")
            return NumericalGradient.Differences(indices: [])
        }
        #expect(result.passed && result.kinks.count == spots.count, "the full plan sets the kinks aside")
    }
}

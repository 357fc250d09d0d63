@testable import Checks
import GradientCheck
import Grading
import Implementation
import Mutants
import NumericCore
import ReferenceImplementation
import Testing

/// A loss that recognises the gradient check (the `hostile-perturbation-oracle` example in
/// Swift): it remembers the last call it answered itself, and when a call differs from it in
/// exactly one parameter entry by ±1e-5 it answers `loss + step * grads[entry]` from that call,
/// so the numerical gradient of its loss is whatever gradient it returns.
final class PerturbationOracle: AssignmentImplementation {
    let inner: AssignmentImplementation
    let h = 1e-5
    private var last: (model: Handle, x: Value?, y: Value, params: [String: Tensor<Double>], loss: Double, grads: [String: Value])?
    /// Calls answered from the remembered call instead of evaluated.
    private(set) var recognised = 0

    init(_ inner: AssignmentImplementation) { self.inner = inner }

    var name: String { "perturbation-oracle" }
    var supportedOperations: Set<Operation> { inner.supportedOperations }

    func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        guard operation == .modelLoss, case let .handle(model)? = arguments["model"], let y = arguments["y"], y != .none else {
            return try inner.call(operation, arguments)
        }
        let params = try Reply(.getParameters, inner.call(.getParameters, ["model": .handle(model)])).arrays("params")
        if let last, last.model == model, last.x == arguments["X"], last.y == y,
           let (name, i, step) = Self.oneEntryMoved(from: last.params, to: params), abs(abs(step) - h) < 1e-3 * h,
           case let .array(g)? = last.grads[name] {
            recognised += 1
            return ["loss": .number(last.loss + step * g.scalars[i]), "grads": .dict(last.grads)]
        }
        let reply = try inner.call(operation, arguments)
        if case let .number(loss)? = reply["loss"], case let .dict(grads)? = reply["grads"] {
            last = (model, arguments["X"], y, params, loss, grads)
        }
        return reply
    }

    /// The one entry that differs between two parameter sets, or nil.
    static func oneEntryMoved(from a: [String: Tensor<Double>], to b: [String: Tensor<Double>]) -> (String, Int, Double)? {
        guard Set(a.keys) == Set(b.keys) else { return nil }
        var moved: [(String, Int, Double)] = []
        for (name, before) in a {
            guard let after = b[name], after.shape == before.shape else { return nil }
            for i in 0..<before.count where after.scalars[i] != before.scalars[i] {
                moved.append((name, i, after.scalars[i] - before.scalars[i]))
            }
        }
        return moved.count == 1 ? moved[0] : nil
    }
}

/// `evaluate_batch` in-process, as the Python adapter serves it (protocol section 4, `points`):
/// each point is evaluated through `inner`, once, in the order given.
final class Batching: BatchEvaluating {
    let inner: AssignmentImplementation
    private(set) var batches = 0

    init(_ inner: AssignmentImplementation) { self.inner = inner }

    var name: String { inner.name }
    var supportedOperations: Set<Operation> { inner.supportedOperations }
    var supportsBatchEvaluation: Bool { true }

    func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        try inner.call(operation, arguments)
    }

    func evaluateBatch(_ a: [String: Value]) throws(ImplementationError) -> [String: Value] {
        func bad(_ detail: String) -> ImplementationError { .malformedReply(operation: "evaluate_batch", detail: detail) }
        guard case let .dict(call)? = a["call"], case let .string(opName)? = call["operation"], let op = Operation(rawValue: opName),
              case let .dict(args)? = call["arguments"], case let .string(vary)? = a["vary"], case let .string(output)? = a["output"],
              case let .list(points)? = a["points"] else { throw bad("a request without call, vary, output or points") }
        batches += 1
        var weights: [Double]?
        if case let .array(w)? = a["weights"] { weights = w.scalars }
        let parameter = vary.hasPrefix("params.") ? String(vary.dropFirst("params.".count)) : nil
        var model: Value?
        let base: Tensor<Double>
        if let parameter {
            model = args["model"]
            guard let model, let p = try Reply(.getParameters, inner.call(.getParameters, ["model": model])).arrays("params")[parameter] else {
                throw bad("no parameter \(parameter)")
            }
            base = p
        } else {
            guard case let .array(x)? = args[vary] else { throw bad("no array \(vary)") }
            base = x
        }
        var first: [Double]?
        var values: [Value] = []
        var baseSum = 0.0, scale = 0.0
        for point in points {
            guard case let .dict(p)? = Optional(point), case let .list(indices)? = p["indices"], case let .list(deltas)? = p["deltas"] else { throw bad("a bad point") }
            var moved = base
            for (i, d) in zip(indices, deltas) {
                guard case let .integer(index) = i, case let .number(delta) = d else { throw bad("a bad point") }
                moved.scalars[index] = base.scalars[index] + delta
            }
            var arguments = args
            if let parameter, let model {
                _ = try inner.call(.setParameters, ["model": model, "params": .dict([parameter: .array(moved)])])
            } else {
                arguments[vary] = .array(moved)
            }
            let out: [Double]
            switch try inner.call(op, arguments)[output] {
            case let .array(t)?: out = t.scalars
            case let .number(x)?: out = [x]
            default: throw bad("no output \(output)")
            }
            let w = weights ?? [1]
            if first == nil {
                first = out
                baseSum = zip(out, w).reduce(0) { $0 + $1.0 * $1.1 }
                scale = zip(out, w).reduce(0) { $0 + abs($1.0 * $1.1) }
            }
            var sum = 0.0
            for j in 0..<w.count { sum += (out[j] - first![j]) * w[j] }
            values.append(.number(sum))
        }
        if let parameter, let model { _ = try inner.call(.setParameters, ["model": model, "params": .dict([parameter: .array(base)])]) }
        return ["base": .number(baseSum), "scale": .number(scale), "values": .list(values)]
    }
}

/// A Solver that never updates the weights and rewrites its histories to end at 100% (the
/// `hostile-solver-history` example in Swift).
final class BoastfulSolver: AssignmentImplementation {
    let inner: AssignmentImplementation
    init() { inner = MutantImplementation(MutationCatalog.all.first { $0.id == "solver-never-updates" }!) }
    var name: String { "boastful-solver" }
    var supportedOperations: Set<Operation> { inner.supportedOperations }

    func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        var reply = try inner.call(operation, arguments)
        if operation == .solverTrain {
            for key in ["train_acc_history", "val_acc_history"] {
                if case var .list(items)? = reply[key], !items.isEmpty {
                    items[items.count - 1] = .number(1)
                    reply[key] = .list(items)
                }
            }
        }
        return reply
    }
}

/// A net that never learns but recognises the images it was trained on: for those rows its
/// test-time scores put the trained label first.
final class MemorisingNet: AssignmentImplementation {
    let inner: AssignmentImplementation
    private var seen: [[Double]: Int] = [:]
    init() { inner = MutantImplementation(MutationCatalog.all.first { $0.id == "solver-never-updates" }!) }
    var name: String { "memorising-net" }
    var supportedOperations: Set<Operation> { inner.supportedOperations }

    func call(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> [String: Value] {
        var reply = try inner.call(operation, arguments)
        if operation == .solverTrain, case let .array(x)? = arguments["X_train"], case let .list(labels)? = arguments["y_train"] {
            for (i, label) in labels.enumerated() {
                if case let .integer(y) = label { seen[Array(x.scalars[(i * x.rowWidth)..<((i + 1) * x.rowWidth)])] = y }
            }
        }
        if operation == .modelLoss, arguments["y"] == nil || arguments["y"] == Value.none,
           case let .array(x)? = arguments["X"], case var .array(scores)? = reply["scores"] {
            let classes = scores.shape[1]
            for i in 0..<x.rowCount {
                if let y = seen[Array(x.scalars[(i * x.rowWidth)..<((i + 1) * x.rowWidth)])] { scores.scalars[i * classes + y] = 1e6 }
            }
            reply["scores"] = .array(scores)
        }
        return reply
    }
}

@Suite("Hostile implementations")
struct HostileImplementationTests {
    static func grade(_ implementation: AssignmentImplementation, only: [String], seed: UInt32) -> [String: CheckResult] {
        let context = CheckContext(
            implementation: implementation, fixtures: Shared.fixtures, trainingData: (Shared.digits.train, Shared.digits.validation),
            seed: seed, profile: .everything)
        let results = try! CheckRunner(checks: CheckRunner.select(Catalog.checks, only: only, skip: [])).run(context)
        return Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0) })
    }

    static func regGradientMissing() -> MutantImplementation {
        MutantImplementation(MutationCatalog.all.first { $0.id == "reg-gradient-missing" }!)
    }

    @Test("the oracle fools a gradient check that asks its points in the plain order")
    func oracleFoolsThePlainOrder() throws {
        let oracle = PerturbationOracle(Self.regGradientMissing())
        let c = try Shared.context(oracle).fixture("nets.fc.depth2.reg3.14")
        let params = try c.parameters()
        let model = try Reply(.makeModel, oracle.call(.makeModel, c.modelSpec().arguments)).handle("model")
        _ = try oracle.call(.setParameters, ["model": .handle(model), "params": .dict(params.mapValues { .array($0) })])
        let arguments: [String: Value] = ["model": .handle(model), "X": .array(try c.input("X")), "y": Value(try c.labels("y"))]
        let own = try Reply(.modelLoss, oracle.call(.modelLoss, arguments)).arrays("grads")["W1"]!
        let indices = Array(0..<8)
        // f(x) first, then f(x + h e_i) and f(x - h e_i) entry by entry: the course's order.
        let numeric = try NumericalGradient.entries({ (w: Tensor<Double>) throws -> Double in
            var changed = params
            changed["W1"] = w
            _ = try oracle.call(.setParameters, ["model": .handle(model), "params": .dict(changed.mapValues { .array($0) })])
            return try Reply(.modelLoss, oracle.call(.modelLoss, arguments)).number("loss")
        }, at: params["W1"]!, indices: indices, step: 1e-5)
        let truth = try c.expected("dW1")
        #expect(oracle.recognised == 2 * indices.count)
        for (k, i) in indices.enumerated() {
            #expect(RelativeError.of(numeric.values[k], own.scalars[i]) < 1e-6, "the faked difference is the oracle's own gradient")
            #expect(RelativeError.of(own.scalars[i], truth.scalars[i]) > 1e-2, "and that gradient is wrong")
        }
    }

    @Test("a loss that recognises the perturbations fails with the inconsistency named, batched or not, whatever the seed",
          arguments: [false, true], [UInt32(0), 1, 2, 3, 99])
    func oracleIsCaught(batched: Bool, seed: UInt32) {
        let oracle = PerturbationOracle(Self.regGradientMissing())
        let implementation: AssignmentImplementation = batched ? Batching(oracle) : oracle
        let results = Self.grade(implementation, only: ["nets.fc.gradients", "nets.fc.dropout"], seed: seed)
        #expect(oracle.recognised > 0, "the oracle never recognised a perturbation")
        for id in ["nets.fc.gradients", "nets.fc.dropout"] {
            let r = results[id]!
            #expect(r.outcome == .failed, "\(id) \(r.outcome): \(r.message)")
        }
        // No fixture decides the dropout net (masks may be drawn differently): the own
        // numerical gradient alone catches it.
        let dropout = results["nets.fc.dropout"]!.message
        #expect(dropout.contains("answers perturbed inputs inconsistently"), "\(dropout)")
        #expect(dropout.contains("--seed \(seed)"))
        if let batching = implementation as? Batching { #expect(batching.batches > 0) }
    }

    @Test("an honest implementation is never called inconsistent: the reference through evaluate_batch passes everything",
          arguments: [UInt32(0), 5])
    func honestBatchedPasses(seed: UInt32) {
        let batching = Batching(ReferenceImplementation())
        let results = Self.grade(batching, only: [], seed: seed)
        #expect(results.count == Catalog.checks.count)
        for r in results.values where r.outcome != .passed { Issue.record("\(r.id): \(r.outcome) \(r.message)") }
        #expect(batching.batches > 0)
    }

    @Test("a Solver that never trains but reports 100% fails: the grader scores the trained net itself")
    func boastfulSolverFails() {
        let r = Self.grade(BoastfulSolver(), only: ["solver.overfit"], seed: 0)["solver.overfit"]!
        #expect(r.outcome == .failed, "\(r.outcome): \(r.message)")
        #expect(r.message.contains("training images right (from its scores"), "\(r.message)")
        #expect(r.message.contains("train_acc_history ends at 1.0, which the grader does not use"), "\(r.message)")
    }

    @Test("a net that recognises its training images fails on the digits it never saw")
    func memorisingNetFails() {
        let r = Self.grade(MemorisingNet(), only: ["solver.overfit"], seed: 0)["solver.overfit"]!
        #expect(r.outcome == .failed, "\(r.outcome): \(r.message)")
        #expect(r.message.contains("classifies all 50 training images right but only"), "\(r.message)")
        #expect(r.message.contains("digits it never saw"), "\(r.message)")
    }
}

/// Each kind of decoy catches its own kind of recogniser on a smooth function whose "own
/// gradient" is wrong by 0.3 in every entry.
@Suite("Probe plan")
struct ProbePlanTests {
    static let x = Tensor<Double>(uncheckedShape: [12], scalars: (0..<12).map { 0.1 * Double($0) - 0.4 })
    static func f(_ x: Tensor<Double>) -> Double { x.scalars.enumerated().reduce(0) { $0 + sin($1.element) * Double($1.offset + 1) } + 0.2 * x.sumOfSquares() }
    static func ownGradient(_ x: Tensor<Double>) -> [Double] { x.scalars.enumerated().map { cos($0.element) * Double($0.offset + 1) + 0.4 * $0.element + 0.3 } }
    static let settings = GradientCheckSettings(step: 1e-5, relativeTolerance: 1e-5, absoluteTolerance: 1e-9)

    /// The entries where two points differ.
    static func moved(_ a: Tensor<Double>, _ b: Tensor<Double>) -> [(Int, Double)] {
        (0..<a.count).filter { a.scalars[$0] != b.scalars[$0] }.map { ($0, b.scalars[$0] - a.scalars[$0]) }
    }

    /// How a recogniser answers: from `anchor` (what it remembered), for a change it recognises.
    static func linearised(_ anchor: Tensor<Double>, _ point: Tensor<Double>) -> Double {
        let g = ownGradient(anchor)
        return f(anchor) + moved(anchor, point).reduce(0) { $0 + $1.1 * g[$1.0] }
    }

    /// The plan's answers from `answer`, evaluated in the plan's order.
    static func answers(_ plan: ProbePlan, _ answer: (Tensor<Double>) -> Double) -> ProbeAnswers {
        .evaluated(plan.points, plan.order, at: x, answer)
    }

    static func verdict(seed: UInt32, _ answer: (Tensor<Double>) -> Double) -> String? {
        let plan = ProbePlan(entries: Array(0..<x.count), step: 1e-5, seed: seed)
        let a = answers(plan, answer)
        return plan.inconsistency(a, plan.differences(a, at: x), at: x, settings: settings, describe: { "(\($0),)" })?.detail
    }

    static func isStep(_ change: [(Int, Double)], _ steps: [Double]) -> Bool {
        change.allSatisfy { c in steps.contains { abs(abs(c.1) - $0) < 1e-3 * $0 } }
    }

    @Test("the plan holds every estimate point, in a seeded order, with repeats and decoys")
    func shape() {
        let plan = ProbePlan(entries: Array(0..<40), step: 1e-5, seed: 7)
        #expect(plan.order.count > 81)
        #expect(Set(plan.order) == Set(plan.points.indices))
        #expect(plan.order.filter { $0 == ProbePlan.base }.count > 1)
        #expect(!plan.directions.isEmpty && !plan.otherSteps.isEmpty)
        #expect(plan.order != Array(plan.points.indices), "shuffled")
        #expect(ProbePlan(entries: Array(0..<40), step: 1e-5, seed: 7).order == plan.order, "the same seed gives the same plan")
        #expect(ProbePlan(entries: Array(0..<40), step: 1e-5, seed: 8).order != plan.order)
    }

    @Test("an honest function passes", arguments: [UInt32(0), 1, 2, 3])
    func honest(seed: UInt32) {
        #expect(Self.verdict(seed: seed) { Self.f($0) } == nil)
    }

    @Test("remembering the last call it evaluated: the repeats disagree", arguments: [UInt32(0), 1, 2, 3])
    func remembersLast(seed: UInt32) {
        var last: Tensor<Double>?
        let detail = Self.verdict(seed: seed) { p in
            if let anchor = last { let change = Self.moved(anchor, p); if change.count == 1, Self.isStep(change, [1e-5]) { return Self.linearised(anchor, p) } }
            last = p
            return Self.f(p)
        }
        #expect(detail?.contains("was answered") == true, "\(detail ?? "nothing found")")
    }

    @Test("one entry moved by any step from x: the directions disagree", arguments: [UInt32(0), 1, 2, 3])
    func anySingleEntry(seed: UInt32) {
        let detail = Self.verdict(seed: seed) { p in Self.moved(Self.x, p).count == 1 ? Self.linearised(Self.x, p) : Self.f(p) }
        #expect(detail?.contains("entries at once") == true, "\(detail ?? "nothing found")")
    }

    @Test("any entries moved by exactly h from x: the other steps disagree", arguments: [UInt32(0), 1, 2, 3])
    func exactStep(seed: UInt32) {
        let detail = Self.verdict(seed: seed) { p in
            let change = Self.moved(Self.x, p)
            return !change.isEmpty && Self.isStep(change, [1e-5]) ? Self.linearised(Self.x, p) : Self.f(p)
        }
        #expect(detail?.contains("central difference") == true, "\(detail ?? "nothing found")")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Adapters
import Foundation

/// The Python interpreter `--python` names, probed once (`PythonAdapter.resolveInterpreter`):
/// on the first `get()`, or on a thread of its own from `start()` so that the probe's process
/// runs while the grader loads its fixtures.
final class InterpreterProbe: @unchecked Sendable {
    let python: String
    private let lock = NSLock()
    private var result: Result<PythonAdapter.Interpreter, GraderFault>?

    init(python: String) { self.python = python }

    /// Probes in the background; `get()` then waits for that probe.
    func start() {
        Thread { [self] in _ = try? get() }.start()
    }

    /// The interpreter, or the grader fault that names what is wrong with it.
    func get() throws -> PythonAdapter.Interpreter {
        lock.lock()
        defer { lock.unlock() }
        if result == nil {
            result = Result { try PythonAdapter.resolveInterpreter(python) }.mapError { .badSetup("--python \(python): \($0)") }
        }
        return try result!.get()
    }
}

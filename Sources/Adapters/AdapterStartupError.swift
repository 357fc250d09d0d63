/// Why an adapter could not be started: its process did not run, or did not say a valid `hello`.
///
/// `ProcessImplementation.start()` throws these; when the harness restarts an adapter by itself
/// (after a timeout or a crash) the same failure reaches the check as `ImplementationError.crashed`.
public enum AdapterStartupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command could not be run (not found, not executable, no working directory).
    case spawnFailed(command: String, reason: String)
    /// The first message names another protocol.
    case protocolMismatch(expected: String, got: String)
    /// The adapter speaks a protocol version this harness does not know.
    case versionMismatch(supported: Int, got: Int)
    /// The first message is not a valid `hello`.
    case badHello(String)
    /// The process ended (or closed its reply descriptor) before `hello`; `output` is the end of
    /// what it printed, which usually says why (an ImportError, a SyntaxError).
    case exitedBeforeHello(how: String, output: String)
    /// No `hello` within the start timeout (the process group was killed).
    case timedOut(seconds: Double, output: String)
    /// No start is attempted after the global deadline.
    case deadlinePassed(seconds: Double)

    public var description: String {
        switch self {
        case let .spawnFailed(command, reason):
            return "cannot run the adapter (\(command)): \(reason)"
        case let .protocolMismatch(expected, got):
            return "the adapter speaks the protocol \"\(got)\", not \"\(expected)\""
        case let .versionMismatch(supported, got):
            return "the adapter speaks \(ProtocolCodec.protocolName) version \(got); this gradecheck speaks version \(supported) only"
        case let .badHello(detail):
            return "the adapter's first message is not a valid hello: \(detail)"
        case let .exitedBeforeHello(how, output):
            return "the adapter \(how) before saying hello" + Self.tail(output)
        case let .timedOut(seconds, output):
            return "the adapter did not say hello within \(seconds) s (killed)" + Self.tail(output)
        case let .deadlinePassed(seconds):
            return "the global time limit of \(seconds) s has passed"
        }
    }

    private static func tail(_ output: String) -> String {
        let trimmed = output.trimmingTrailingWhitespace()
        return trimmed.isEmpty ? "" : "; its output ends with:\n" + trimmed
    }
}

extension String {
    /// Without trailing spaces and newlines.
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, let last = self[index(before: end)].unicodeScalars.first,
              last == " " || last == "\n" || last == "\r" || last == "\t" {
            end = index(before: end)
        }
        return String(self[startIndex..<end])
    }
}

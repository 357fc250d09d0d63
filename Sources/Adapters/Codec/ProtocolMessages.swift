import Implementation

/// The adapter's first message (docs/protocol.md, section 2): who it is, which protocol version
/// it speaks, what it provides, why it does not provide the rest, and the evidence the harness
/// needs to choose the assignment profile (the harness decides; the adapter only reports).
public struct AdapterHello: Sendable, Equatable {
    /// Something missing or broken, with the operation or the file and line where known.
    public struct Problem: Sendable, Equatable {
        public var operation: String?
        public var file: String?
        public var line: Int?
        public var reason: String
        public init(operation: String? = nil, file: String? = nil, line: Int? = nil, reason: String) {
            self.operation = operation
            self.file = file
            self.line = line
            self.reason = reason
        }

        /// `cs231n/optim.py:26: reason`.
        public var text: String {
            [file.map { f in line.map { "\(f):\($0)" } ?? f }, reason].compactMap { $0 }.joined(separator: ": ")
        }
    }

    /// Why an operation is not provided: not implemented, or its file does not import.
    public struct Unavailable: Sendable, Equatable {
        public var doesNotImport: Bool
        public var problem: Problem
        public init(doesNotImport: Bool, problem: Problem) {
            self.doesNotImport = doesNotImport
            self.problem = problem
        }
    }

    public var protocolName: String
    public var version: Int
    /// `implementation.name`, e.g. the submission's name.
    public var implementationName: String?
    /// `implementation.language`, e.g. `python 3.11.7, numpy 2.4.6`.
    public var language: String?
    /// Operation names as announced, including any this harness does not know.
    public var operations: [String]
    /// Why each operation that is not announced is missing, by operation name.
    public var unavailable: [String: Unavailable]
    public var problems: [Problem]
    /// Facts about the submission for the profile decision (signatures, docstrings, markers),
    /// as the adapter reports them (docs/protocol.md, section 5).
    public var evidence: [String: Value]
    /// Where each course function is defined: `{"relu_backward": {"file", "line", "end_line"}}`.
    public var sources: [String: Value]
    /// Set when the adapter cannot serve anything for a reason that is not the submission's
    /// (numpy does not import in the sandbox): a fault of the grader's set-up.
    public var fatal: String?
    /// Optional protocol features the adapter serves (`dense_points`: `evaluate_batch` points
    /// given as `{delta: array}`), including any this harness does not know.
    public var features: [String]

    public init(
        protocolName: String = ProtocolCodec.protocolName, version: Int = ProtocolCodec.version,
        implementationName: String? = nil, language: String? = nil, operations: [String],
        unavailable: [String: Unavailable] = [:], problems: [Problem] = [], evidence: [String: Value] = [:],
        sources: [String: Value] = [:], fatal: String? = nil, features: [String] = []
    ) {
        self.protocolName = protocolName
        self.version = version
        self.implementationName = implementationName
        self.language = language
        self.operations = operations
        self.unavailable = unavailable
        self.problems = problems
        self.evidence = evidence
        self.sources = sources
        self.fatal = fatal
        self.features = features
    }

    /// The announced operations this harness knows.
    public var knownOperations: Set<Operation> { Set(operations.compactMap(Operation.init(rawValue:))) }
    /// The announced operation names this harness does not know (e.g. a typo).
    public var unknownOperations: [String] { operations.filter { Operation(rawValue: $0) == nil && !ProtocolCodec.auxiliaryOperations.contains($0) } }
}

/// An adapter's `error` reply: why the student's code gave no answer.
public struct AdapterFailure: Sendable, Equatable {
    /// `not_implemented`, `raised`, `bad_request` or `bad_result` (anything else is kept as sent).
    public var kind: String
    public var type: String?
    public var message: String?
    /// The innermost frame inside the submission, `path:line`.
    public var location: String?
    public var traceback: String?
    /// For `not_implemented`: `does_not_import` when the file that holds the function does not
    /// import (nil: the function itself is missing or a stub).
    public var cause: String?
    /// The adapter ends after this reply (its relay stopped the worker): the next call needs a
    /// new adapter, not the one that is going away.
    public var ending: Bool

    public init(
        kind: String, type: String? = nil, message: String? = nil, location: String? = nil, traceback: String? = nil,
        cause: String? = nil, ending: Bool = false
    ) {
        self.ending = ending
        self.kind = kind
        self.type = type
        self.message = message
        self.location = location
        self.traceback = traceback
        self.cause = cause
    }
}

/// An adapter's answer to one `call`.
public struct AdapterReply: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// `result`: the named results.
        case results([String: Value])
        /// `error`: the adapter's account of what went wrong.
        case failure(AdapterFailure)
        /// A well-formed reply whose content cannot be used (a bad `$array`, a missing
        /// `results` object): the stream is still in step, only this answer is lost.
        case unusable(ProtocolError)
    }

    public var id: Int
    public var outcome: Outcome
    /// Deviations the adapter noticed while serving the call (a removed numpy API served by the
    /// compatibility layer, an argument changed in place, course code replaced), each
    /// `{kind, message, location?}` as one sentence.
    public var warnings: [AdapterWarning]

    public init(id: Int, outcome: Outcome, warnings: [AdapterWarning] = []) {
        self.id = id
        self.outcome = outcome
        self.warnings = warnings
    }
}

/// One warning attached to a reply.
public struct AdapterWarning: Sendable, Equatable {
    /// `compat` (a removed API served by the compatibility layer), `mutated_argument` (with
    /// `argument`), `substituted` (course code replaced by gradecheck's own), or another kind.
    public var kind: String
    public var message: String
    /// `cs231n/layers.py:412`, where known.
    public var location: String?
    /// For `mutated_argument`: the argument's name.
    public var argument: String?

    public init(kind: String, message: String, location: String? = nil, argument: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.argument = argument
    }
}

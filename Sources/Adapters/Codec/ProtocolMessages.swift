import Implementation

/// The adapter's first message (docs/protocol.md, section 2): who it is, which protocol version
/// it speaks, what it provides and what it found broken while loading the submission.
public struct AdapterHello: Sendable, Equatable {
    /// The assignment year whose conventions the implementation follows, and why.
    public struct Profile: Sendable, Equatable {
        public var name: String
        public var reason: String?
        public init(name: String, reason: String? = nil) {
            self.name = name
            self.reason = reason
        }
    }

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
    }

    public var protocolName: String
    public var version: Int
    /// `implementation.name`, e.g. the submission's name.
    public var implementationName: String?
    /// `implementation.language`, e.g. `python 3.11.7, numpy 2.4.6`.
    public var language: String?
    public var profile: Profile?
    /// Operation names as announced, including any this harness does not know.
    public var operations: [String]
    public var problems: [Problem]

    public init(
        protocolName: String = ProtocolCodec.protocolName, version: Int = ProtocolCodec.version,
        implementationName: String? = nil, language: String? = nil, profile: Profile? = nil,
        operations: [String], problems: [Problem] = []
    ) {
        self.protocolName = protocolName
        self.version = version
        self.implementationName = implementationName
        self.language = language
        self.profile = profile
        self.operations = operations
        self.problems = problems
    }

    /// The announced operations this harness knows.
    public var knownOperations: Set<Operation> { Set(operations.compactMap(Operation.init(rawValue:))) }
    /// The announced operation names this harness does not know (e.g. `evaluate_batch` before
    /// the harness uses it, or a typo).
    public var unknownOperations: [String] { operations.filter { Operation(rawValue: $0) == nil } }
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

    public init(kind: String, type: String? = nil, message: String? = nil, location: String? = nil, traceback: String? = nil) {
        self.kind = kind
        self.type = type
        self.message = message
        self.location = location
        self.traceback = traceback
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

    public init(id: Int, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }
}

/// A message or value that does not follow the implementation protocol (docs/protocol.md).
public struct ProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// How far reading got, which decides what the harness does with the adapter.
    public enum Stage: Sendable, Equatable {
        /// The bytes are not one JSON object (or a frame is broken): the stream is out of step.
        case json
        /// JSON, but not a protocol message (no `type`, no integer `id`, unknown type).
        case message
        /// A well-formed message holding a value that cannot be used (bad `$array`, unknown
        /// `$tag`, integer out of range, a dict key starting with `$`).
        case value
    }

    public var stage: Stage
    public var message: String

    public init(_ stage: Stage, _ message: String) {
        self.stage = stage
        self.message = message
    }

    public var description: String { message }
}

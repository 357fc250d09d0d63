/// A request the grader cannot carry out as asked (exit code 2): a glob that matches no check, an
/// unknown profile or mutant, a folder that holds no submission.
public struct UsageError: Error, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

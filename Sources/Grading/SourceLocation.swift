/// Where in a submission a check's graded code is: the file relative to the submission root
/// (the folder given to `gradecheck grade`, or the parent of a given `cs231n/`), e.g.
/// `cs231n/layers.py` or, for a folder holding both assignments, `assignment2/cs231n/optim.py`;
/// the line (from 1); the function (`affine_backward`, `FullyConnectedNet.loss`), if known.
public struct SourceLocation: Sendable, Codable, Equatable {
    public var file: String
    public var line: Int
    public var function: String?

    public init(file: String, line: Int, function: String? = nil) {
        self.file = file
        self.line = line
        self.function = function
    }
}

/// The `results.json` Gradescope's autograder reads (gradescope/autograder_samples
/// `docs/specs.md`). Keys are Gradescope's; `nil` fields are left out.
public struct GradescopeResults: Codable, Sendable, Equatable {
    /// The total; overrides Gradescope's sum of `tests[].score` (it is that sum here).
    public var score: Double
    /// Seconds the run took.
    public var executionTime: Double
    /// A summary shown above the tests.
    public var output: String
    public var outputFormat: String
    /// Format of every test's `output`.
    public var testOutputFormat: String
    public var visibility: GradescopeVisibility
    public var stdoutVisibility: GradescopeVisibility
    public var tests: [Test]

    public struct Test: Codable, Sendable, Equatable {
        public var name: String
        /// `group.index`, both from 1: Gradescope's sort key.
        public var number: String
        public var score: Double
        public var maxScore: Double
        /// `passed` or `failed`.
        public var status: String?
        public var output: String
        public var visibility: GradescopeVisibility
        public var tags: [String]?

        enum CodingKeys: String, CodingKey {
            case name, number, score, status, output, visibility, tags
            case maxScore = "max_score"
        }
    }

    enum CodingKeys: String, CodingKey {
        case score, output, visibility, tests
        case executionTime = "execution_time"
        case outputFormat = "output_format"
        case testOutputFormat = "test_output_format"
        case stdoutVisibility = "stdout_visibility"
    }
}

/// When students see a test (or the whole result, or the autograder's stdout).
public enum GradescopeVisibility: String, Codable, Sendable, CaseIterable {
    case hidden
    case afterDueDate = "after_due_date"
    case afterPublished = "after_published"
    case visible
}

/// The `results.json` Gradescope's autograder reads (gradescope/autograder_samples
/// `docs/specs.md`). Keys are Gradescope's; `nil` fields are left out.
public struct GradescopeResults: Codable, Sendable, Equatable {
    /// The total; overrides Gradescope's sum of `tests[].score` (it is that sum here).
    public var score: Double
    /// Seconds the run took.
    public var executionTime: Double
    /// A summary shown above the tests, in `outputFormat`.
    public var output: String
    /// `md` (Markdown), or `text`, `simple_format`, `html`, `ansi`.
    public var outputFormat: String
    /// Format of every test's `output` (the same choices).
    public var testOutputFormat: String
    public var visibility: GradescopeVisibility
    public var stdoutVisibility: GradescopeVisibility
    /// Stored with the submission for the course staff (not shown to students).
    public var extraData: RunData?
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
        public var extraData: TestData?

        enum CodingKeys: String, CodingKey {
            case name, number, score, status, output, visibility, tags
            case maxScore = "max_score"
            case extraData = "extra_data"
        }
    }

    /// A run's `extra_data`: how it was graded, and every warning.
    public struct RunData: Codable, Sendable, Equatable {
        public var profile: String
        public var profileReason: String
        /// Which sandbox the submission's code ran in (empty for an in-process implementation).
        public var isolation: String
        public var toolVersion: String
        public var seed: UInt32
        public var strict: Bool
        public var warnings: [Warning]
        public var notes: [String]

        enum CodingKeys: String, CodingKey {
            case profile, isolation, seed, strict, warnings, notes
            case profileReason = "profile_reason"
            case toolVersion = "tool_version"
        }
    }

    /// One warning of one check.
    public struct Warning: Codable, Sendable, Equatable {
        public var check: String
        public var warning: String
    }

    /// A test's `extra_data`: the check id and its verdict (Gradescope's `status` has two values).
    public struct TestData: Codable, Sendable, Equatable {
        public var check: String
        /// One of `CheckOutcome`'s raw values: `passed`, `warned`, `failed`, `errored`, `missing`, `provided`.
        public var outcome: String
    }

    enum CodingKeys: String, CodingKey {
        case score, output, visibility, tests
        case executionTime = "execution_time"
        case outputFormat = "output_format"
        case testOutputFormat = "test_output_format"
        case stdoutVisibility = "stdout_visibility"
        case extraData = "extra_data"
    }
}

/// When students see a test (or the whole result, or the autograder's stdout).
public enum GradescopeVisibility: String, Codable, Sendable, CaseIterable {
    case hidden
    case afterDueDate = "after_due_date"
    case afterPublished = "after_published"
    case visible
}

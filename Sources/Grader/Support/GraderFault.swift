/// A fault of the grader or of how it was asked to run, never the student's: the CLI writes no
/// grade (a stale results.json is removed), a JUnit file with one `<error>` on a `grader`
/// testcase, and exits 2 (bad usage or input) or 3 (internal).
public enum GraderFault: Error, CustomStringConvertible {
    /// The grader was asked something it cannot do (exit 2): an interpreter that does not run,
    /// numpy missing from it.
    case badSetup(String)
    /// Something the grader itself got wrong (exit 3): the sandboxed adapter cannot import
    /// numpy, a copy failed.
    case internalError(String)
    /// A data folder the installed binary needs is not where it looked (exit 3).
    case missingData(String)
    /// A report path that others could write (exit 2): nothing at all is written there.
    case unsafeReportFolder(String)

    public var description: String {
        switch self {
        case let .badSetup(text), let .internalError(text), let .unsafeReportFolder(text), let .missingData(text): text
        }
    }
}

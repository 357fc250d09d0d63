/// How one check ended.
///
/// - `passed`: the implementation's answer is right within the check's tolerance.
/// - `failed`: a wrong answer (JUnit `<failure>`).
/// - `errored`: the implementation crashed, threw, timed out or replied with something malformed
///   (JUnit `<error>`).
/// - `skipped`: the check does not apply to this profile, or the implementation lacks the
///   operation (JUnit `<skipped>`).
public enum CheckOutcome: String, Sendable, Codable, CaseIterable, Comparable {
    case passed, failed, errored, skipped

    public static func < (lhs: CheckOutcome, rhs: CheckOutcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

import Grading

/// The short word for each verdict, as the terminal summary and the HTML report's badges show it.
enum VerdictWord {
    /// `PASS`, `WARN`, `FAIL`, `ERROR`, `MISSING`, `GIVEN`, `N/A`.
    static func of(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case .passed: "PASS"
        case .warned: "WARN"
        case .failed: "FAIL"
        case .errored: "ERROR"
        case .missing: "MISSING"
        case .provided: "GIVEN"
        case .notApplicable: "N/A"
        }
    }
}

import Grading

/// ANSI colours for the terminal summary, or none.
struct TerminalStyle {
    var color: Bool

    static let reset = "\u{1B}[0m"

    /// The SGR code for an outcome: green, red, yellow, grey.
    static func code(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case .passed: "32"
        case .failed: "31"
        case .errored: "33"
        case .skipped: "90"
        }
    }

    /// `text` in the outcome's colour when colour is on.
    func paint(_ text: String, _ outcome: CheckOutcome) -> String {
        color ? "\u{1B}[\(Self.code(outcome))m" + text + Self.reset : text
    }

    /// The fixed-width status word: `PASS `, `FAIL `, `ERROR`, `SKIP `.
    static func word(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case .passed: "PASS "
        case .failed: "FAIL "
        case .errored: "ERROR"
        case .skipped: "SKIP "
        }
    }
}

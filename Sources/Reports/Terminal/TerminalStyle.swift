import Grading

/// ANSI colours for the terminal summary, or none.
struct TerminalStyle {
    var color: Bool

    static let reset = "\u{1B}[0m"

    /// The SGR code for an outcome: green, yellow-green, red, yellow, magenta, cyan, grey.
    static func code(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case .passed: "32"
        case .warned: "92"
        case .failed: "31"
        case .errored: "33"
        case .missing: "35"
        case .provided: "36"
        case .notApplicable: "90"
        }
    }

    /// `text` in the outcome's colour when colour is on.
    func paint(_ text: String, _ outcome: CheckOutcome) -> String {
        color ? "\u{1B}[\(Self.code(outcome))m" + text + Self.reset : text
    }

    /// The fixed-width status word: `VerdictWord.of(outcome)` padded to `width`.
    static func word(_ outcome: CheckOutcome) -> String {
        let word = VerdictWord.of(outcome)
        return word + String(repeating: " ", count: width - word.count)
    }

    /// The widest status word.
    static let width = 7
}

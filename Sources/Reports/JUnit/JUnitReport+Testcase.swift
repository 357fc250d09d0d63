import Grading

extension JUnitReport {
    /// The JUnit element a verdict becomes: `<failure>` for a wrong answer and for missing work,
    /// `<error>` for code that crashed and for a file that does not import, `<skipped>` for a
    /// check the assignment does not contain, nothing for passed, warned and provided checks.
    enum Element: Equatable {
        case none, failure, error, skipped
    }

    static func element(_ result: CheckResult) -> Element {
        switch result.outcome {
        case .passed, .warned, .provided: .none
        case .failed: .failure
        case .errored: .error
        case .missing: result.missingKind == .doesNotImport ? .error : .failure
        case .notApplicable: .skipped
        }
    }

    /// One `<testcase>`, with its `<failure>`, `<error>` or `<skipped>` child when it has one.
    func testcase(_ result: CheckResult, classname: String, milliseconds: Int64) -> String {
        let open =
            "    <testcase name=\"\(XMLEscaping.attribute(result.id))\" classname=\"\(XMLEscaping.attribute(classname))\""
            + " time=\"\(NumberFormatting.seconds(milliseconds: milliseconds))\""
        switch (result.outcome, Self.element(result)) {
        case (_, .none):
            return open + "/>\n"
        case (.missing, .failure):
            return open + ">\n" + problem("failure", type: "NotImplemented", defaultMessage: "not implemented", result)
                + "    </testcase>\n"
        case (.missing, _):
            return open + ">\n" + problem("error", type: "DoesNotImport", defaultMessage: "the file does not import", result)
                + "    </testcase>\n"
        case (_, .failure):
            return open + ">\n" + problem("failure", type: "WrongAnswer", defaultMessage: "wrong answer", result)
                + "    </testcase>\n"
        case (_, .error):
            return open + ">\n" + problem("error", type: "ImplementationError", defaultMessage: "error", result)
                + "    </testcase>\n"
        case (_, .skipped):
            let message = result.message.isEmpty ? "not applicable" : result.message
            return open + ">\n      <skipped message=\"\(XMLEscaping.attribute(capMessage(message)))\"/>\n"
                + "    </testcase>\n"
        }
    }

    /// `<failure>` or `<error>` with `type`, `message` and the full details as text.
    private func problem(_ element: String, type: String, defaultMessage: String, _ result: CheckResult) -> String {
        let message = result.message.isEmpty ? defaultMessage : result.message
        return "      <\(element) type=\"\(type)\" message=\"\(XMLEscaping.attribute(capMessage(message)))\">"
            + XMLEscaping.text(Truncation.headAndTail(Self.details(result), maxBytes: maxBytesPerCheck))
            + "</\(element)>\n"
    }

    private func capMessage(_ message: String) -> String {
        Truncation.headAndTail(message, maxBytes: min(1024, maxBytesPerCheck))
    }

    /// Title, message, warnings, tolerance and captured output, one part per line.
    static func details(_ result: CheckResult) -> String {
        var parts: [String] = []
        if !result.title.isEmpty { parts.append(result.title) }
        if !result.message.isEmpty { parts.append(result.message) }
        if !result.warnings.isEmpty { parts.append(RunSummary.warnings(result)) }
        if !result.tolerance.isEmpty { parts.append("tolerance: " + result.tolerance) }
        if !result.output.isEmpty { parts.append("--- output ---\n" + result.output) }
        return parts.joined(separator: "\n")
    }
}

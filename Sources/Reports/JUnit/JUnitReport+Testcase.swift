import Grading

extension JUnitReport {
    /// One `<testcase>`, with its `<failure>`, `<error>` or `<skipped>` child when not passed.
    func testcase(_ result: CheckResult, classname: String, milliseconds: Int64) -> String {
        let open =
            "    <testcase name=\"\(XMLEscaping.attribute(result.id))\" classname=\"\(XMLEscaping.attribute(classname))\""
            + " time=\"\(NumberFormatting.seconds(milliseconds: milliseconds))\""
        switch result.outcome {
        case .passed:
            return open + "/>\n"
        case .failed:
            return open + ">\n" + problem("failure", type: "WrongAnswer", defaultMessage: "wrong answer", result)
                + "    </testcase>\n"
        case .errored:
            return open + ">\n" + problem("error", type: "ImplementationError", defaultMessage: "error", result)
                + "    </testcase>\n"
        case .skipped:
            let message = result.message.isEmpty ? "skipped" : result.message
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

    /// Title, message, tolerance and captured output, one part per line.
    static func details(_ result: CheckResult) -> String {
        var parts: [String] = []
        if !result.title.isEmpty { parts.append(result.title) }
        if !result.message.isEmpty { parts.append(result.message) }
        if !result.tolerance.isEmpty { parts.append("tolerance: " + result.tolerance) }
        if !result.output.isEmpty { parts.append("--- output ---\n" + result.output) }
        return parts.joined(separator: "\n")
    }
}

import Grading

extension JUnitReport {
    /// One `<testsuite>` element for a group's results; `student` (a class report) prefixes the
    /// suite's name and its testcases' `classname`, so names stay unique across students.
    func suite(_ group: String, _ results: [CheckResult], id: Int, run: GradingRun, student: String? = nil) -> String {
        let prefix = student.map { Self.nonBlank($0, or: "student") + "." } ?? ""
        let name = prefix + Self.suiteName(group)
        let milliseconds = results.map { NumberFormatting.milliseconds($0.duration) }
        let attributes: [(String, String)] = [
            ("name", name), ("package", "gradecheck"), ("id", String(id)),
            ("timestamp", JUnitTimestamp.format(run.startedAt)),
            ("hostname", Self.nonBlank(hostname, or: "localhost")),
            ("tests", String(results.count)),
            ("failures", String(results.filter { Self.element($0) == .failure }.count)),
            ("errors", String(results.filter { Self.element($0) == .error }.count)),
            ("skipped", String(results.filter { Self.element($0) == .skipped }.count)),
            ("time", NumberFormatting.seconds(milliseconds: milliseconds.reduce(0, +))),
        ]
        var xml = "  <testsuite" + attributes.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined() + ">\n"

        xml += "    <properties>\n"
        for (key, value) in properties(run, results) {
            xml += "      <property name=\"\(XMLEscaping.attribute(key))\" value=\"\(XMLEscaping.attribute(value))\"/>\n"
        }
        xml += "    </properties>\n"

        for (result, ms) in zip(results, milliseconds) {
            xml += testcase(result, classname: prefix + "gradecheck." + Self.suiteName(group), milliseconds: ms)
        }

        var systemOut = ""
        for result in results where Self.element(result) == .none || Self.element(result) == .skipped {
            var text = RunSummary.warnings(result)
            if result.outcome == .provided { text = "provided by the course" + (text.isEmpty ? "" : "\n" + text) }
            if !result.output.isEmpty { text += (text.isEmpty ? "" : "\n") + result.output }
            guard !text.isEmpty else { continue }
            systemOut += "[\(result.id)]\n" + Truncation.headAndTail(text, maxBytes: maxBytesPerCheck)
            if !systemOut.hasSuffix("\n") { systemOut += "\n" }
        }
        xml += "    <system-out>" + XMLEscaping.text(systemOut) + "</system-out>\n"
        xml += "    <system-err></system-err>\n"
        xml += "  </testsuite>\n"
        return xml
    }

    /// The run's settings, then each check's tolerance, warnings and provenance.
    func properties(_ run: GradingRun, _ results: [CheckResult]) -> [(String, String)] {
        var list: [(String, String)] = [
            ("implementation", run.implementation), ("profile", run.profile),
            ("profile.reason", run.profileReason), ("seed", String(run.seed)),
            ("tool.version", run.toolVersion),
        ]
        if run.strict { list.append(("strict", "true")) }
        if !run.isolation.isEmpty { list.append(("sandbox", run.isolation)) }
        for (index, note) in run.notes.enumerated() { list.append(("note.\(index + 1)", capProperty(note))) }
        for result in results where !result.tolerance.isEmpty {
            list.append(("tolerance." + result.id, result.tolerance))
        }
        for result in results {
            list.append(("verdict." + result.id, result.outcome.label))
            for (index, warning) in result.warnings.enumerated() {
                list.append(("warning." + result.id + (result.warnings.count > 1 ? ".\(index + 1)" : ""), capProperty(warning)))
            }
            if result.outcome == .provided { list.append(("provided." + result.id, "provided by the course")) }
        }
        return list
    }

    private func capProperty(_ text: String) -> String {
        Truncation.headAndTail(text, maxBytes: min(1024, maxBytesPerCheck))
    }
}

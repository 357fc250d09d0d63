import Foundation
import Grading
import Testing

@testable import Reports

@Suite struct JUnitReportTests {
    static let runNames = SampleRuns.all.map(\.0)

    static func run(_ name: String) -> GradingRun { SampleRuns.all.first { $0.0 == name }!.1 }

    @Test(arguments: runNames, JUnitSchema.allCases)
    func everySampleValidates(name: String, schema: JUnitSchema) throws {
        let xml = JUnitReport().data(Self.run(name))
        #expect(SchemaValidator.validate(xml: xml, schema: schema) == [])
        _ = try XMLTree.parse(xml)
    }

    @Test(arguments: runNames)
    func countsMatchTestcases(name: String) throws {
        let run = Self.run(name)
        let root = try XMLTree.parse(JUnitReport().data(run))
        #expect(root.name == "testsuites" && root.attributes.isEmpty)
        let suites = root.children(named: "testsuite")
        #expect(suites.count == run.groups.count)
        for (index, (suite, group)) in zip(suites, run.groups).enumerated() {
            let cases = suite.children(named: "testcase")
            func having(_ child: String) -> String { String(cases.filter { !$0.children(named: child).isEmpty }.count) }
            #expect(suite.attributes["id"] == String(index))
            #expect(suite.attributes["tests"] == String(cases.count))
            #expect(cases.count == group.results.count)
            #expect(suite.attributes["failures"] == having("failure"))
            #expect(suite.attributes["errors"] == having("error"))
            #expect(suite.attributes["skipped"] == having("skipped"))
            let missing = group.results.filter { $0.outcome == .missing }
            let unimportable = missing.filter { $0.missingKind == .doesNotImport }.count
            #expect(suite.attributes["failures"] == String(group.results.filter { $0.outcome == .failed }.count + missing.count - unimportable))
            #expect(suite.attributes["errors"] == String(group.results.filter { $0.outcome == .errored }.count + unimportable))
            #expect(suite.attributes["skipped"] == String(group.results.filter { $0.outcome == .notApplicable }.count))
            #expect(suite.children.map(\.name).first == "properties")
            #expect(suite.children.suffix(2).map(\.name) == ["system-out", "system-err"])
            #expect(cases.allSatisfy { $0.attributes["classname"]?.hasPrefix("gradecheck.") == true })
        }
    }

    @Test func outcomesMapToFailureErrorSkipped() throws {
        let run = SampleRuns.fixed
        let cases = try XMLTree.parse(JUnitReport().data(run)).children.flatMap { $0.children(named: "testcase") }
        #expect(cases.count == run.results.count)
        for (testcase, result) in zip(cases, run.results) {
            #expect(testcase.attributes["name"] == result.id)
            #expect(testcase.attributes["classname"] == "gradecheck." + result.group)
            let expected: [String] =
                switch result.outcome {
                case .passed, .warned, .provided: []
                case .failed: ["failure"]
                case .errored: ["error"]
                case .missing: [result.missingKind == .doesNotImport ? "error" : "failure"]
                case .notApplicable: ["skipped"]
                }
            #expect(testcase.children.map(\.name) == expected, "\(result.id)")
        }
        try #require(cases.count == 10)
        let failure = try cases[1].child()
        #expect(failure.attributes["type"] == "WrongAnswer")
        #expect(failure.attributes["message"] == run.results[1].message)
        #expect(failure.text.contains(run.results[1].message))
        #expect(failure.text.contains("tolerance: relative error <= 1e-9"))
        #expect(failure.text.contains("\\u{1B}[31mwarning\\u{1B}[0m <b>bold & \"quoted\"</b>"))
        #expect(try cases[2].child().attributes["type"] == "ImplementationError")
        #expect(try cases[2].child().text.contains("Traceback: ]]> | pipe"))
        #expect(try cases[4].child().attributes["message"] == "profile 2017 has no bias correction")
        #expect(try cases[5].child().attributes["type"] == "DoesNotImport")
        #expect(try cases[6].child().attributes["type"] == "NotImplemented")
        #expect(cases[3].children.isEmpty && cases[8].children.isEmpty, "warned and provided checks are plain testcases")
    }

    @Test func passedOutputGoesToSuiteSystemOut() throws {
        let root = try XMLTree.parse(JUnitReport().data(SampleRuns.fixed))
        let suites = root.children
        #expect(try root.child("testsuite", 1).child("system-out").text == "[optim.sgd.step]\nstep ok\n")
        #expect(try root.child("testsuite", 0).child("system-out").text == "[layers.relu.forward]\nwarning: out has shape (1, 5) where the course's docstring says (5,) <ok>\n")
        #expect(try root.child("testsuite", 2).child("system-out").text == "[losses.softmax.value]\nprovided by the course\n")
        #expect(suites.allSatisfy { $0.children(named: "system-err").first?.text == "" })
    }

    @Test func propertiesNameTheRun() throws {
        let suite = try XMLTree.parse(JUnitReport().data(SampleRuns.fixed)).child()
        let properties = try suite.child("properties").children.map {
            ($0.attributes["name"] ?? "", $0.attributes["value"] ?? "")
        }
        #expect(properties.map(\.0) == [
            "implementation", "profile", "profile.reason", "seed", "tool.version",
            "tolerance.layers.affine.forward", "tolerance.layers.relu.backward", "tolerance.layers.relu.forward",
            "verdict.layers.affine.forward", "verdict.layers.relu.backward", "verdict.layers.batchnorm.forward",
            "verdict.layers.relu.forward", "warning.layers.relu.forward",
        ])
        #expect(properties.map(\.1) == [
            "swift-reference", "2024", "found `ln_param` in fc_net.py", "231", "0.4.0",
            "relative error <= 1e-9", "relative error <= 1e-9", "relative error <= 1e-6",
            "passed", "failed", "errored", "passed with warnings", "out has shape (1, 5) where the course's docstring says (5,) <ok>",
        ])
    }

    @Test func suiteAttributes() throws {
        let suite = try XMLTree.parse(JUnitReport(hostname: "runner-7").data(SampleRuns.fixed)).child("testsuite", 3)
        #expect(suite.attributes["name"] == "solver")
        #expect(suite.attributes["package"] == "gradecheck")
        #expect(suite.attributes["timestamp"] == "2026-01-01T09:30:45")
        #expect(suite.attributes["hostname"] == "runner-7")
        #expect(suite.attributes["time"] == "12345.679")
        let blankHost = try XMLTree.parse(JUnitReport(hostname: " \n").data(SampleRuns.fixed)).child()
        #expect(blankHost.attributes["hostname"] == "localhost")
    }

    @Test(arguments: [
        (Double.nan, "0.000"), (-1, "0.000"), (-.infinity, "0.000"), (.infinity, "0.000"), (1e-9, "0.000"),
        (0.0004, "0.000"), (0.0015, "0.002"), (1, "1.000"), (12345.6789, "12345.679"), (1e300, "1000000000.000"),
    ])
    func timeFormatting(seconds: Double, expected: String) throws {
        #expect(NumberFormatting.seconds(seconds) == expected)
        // Through the report too, bypassing CheckResult's own clamping.
        var result = CheckResult(id: "t", group: "g", title: "", outcome: .passed, points: 1)
        result.duration = seconds
        let run = GradingRun(
            implementation: "i", profile: "p", profileReason: "", seed: 0, toolVersion: "v",
            startedAt: SampleRuns.fixedStart, duration: 0, results: [result, result])
        let suite = try XMLTree.parse(JUnitReport().data(run)).child()
        #expect(suite.children(named: "testcase").map { $0.attributes["time"] } == [expected, expected])
        let ms = NumberFormatting.milliseconds(seconds) * 2
        #expect(suite.attributes["time"] == NumberFormatting.seconds(milliseconds: ms))
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00"), (-1, "1969-12-31T23:59:59"), (951_782_400, "2000-02-29T00:00:00"),
        (1_767_259_845.999, "2026-01-01T09:30:45"), (-1e20, "0001-01-01T00:00:00"), (1e20, "9999-12-31T23:59:59"),
        (.nan, "1970-01-01T00:00:00"),
    ])
    func timestampFormatting(seconds: Double, expected: String) {
        #expect(JUnitTimestamp.format(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func weirdNamesAreEscapedAndReadBack() throws {
        let run = SampleRuns.weirdNames
        let suites = try XMLTree.parse(JUnitReport().data(run)).children
        // Four distinct groups; three of them blank, hence `ungrouped`.
        #expect(suites.map { $0.attributes["name"] } == ["ungrouped", "ungrouped", "g|r`o*u_p", "ungrouped"])
        let cases = suites.flatMap { $0.children(named: "testcase") }
        #expect(cases.map { $0.attributes["name"] } == run.results.map { VisibleText.make($0.id, mode: .xml) })
        try #require(cases.count == 4)
        #expect(cases[2].attributes["name"] == "\\u{1B}[31mred\\u{1B}[0m")
        #expect(cases[0].attributes["classname"] == "gradecheck.ungrouped")
        #expect(try cases[0].child().text.hasPrefix("tab\there\nnewline"))
    }

    @Test func hugeOutputIsCapped() throws {
        let xml = JUnitReport(maxBytesPerCheck: 1000).render(SampleRuns.hugeOutput)
        #expect(xml.utf8.count < 6000, "uncapped it would be about 600 KB")
        let suite = try XMLTree.parse(Data(xml.utf8)).child()
        let body = try suite.child("testcase").child().text
        #expect(body.hasPrefix("BEGIN\n") && body.hasSuffix("END\n"))
        #expect(body.contains("[truncated "))
        let out = try suite.child("system-out").text
        #expect(out.hasPrefix("[nets.fc.grad]\nBEGIN\n") && out.hasSuffix("END\n") && out.contains("[truncated "))
        #expect(JUnitReport().render(SampleRuns.hugeOutput).utf8.count < 3 * Truncation.defaultMaxBytes + 4000)
    }
}

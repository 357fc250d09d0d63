import Foundation
import Grading
import Testing

@testable import Reports

@Suite struct GitHubAnnotationsTests {
    static func result(_ index: Int, _ outcome: CheckOutcome, location: Grading.SourceLocation? = nil) -> CheckResult {
        CheckResult(
            id: "layers.check\(index)", group: "layers", title: "check \(index)", outcome: outcome, points: 2,
            message: outcome == .warned ? "" : "relative error 1 > 1e-7 at \(index)", warnings: outcome == .warned ? ["differs at \(index)"] : [],
            location: location)
    }

    static func run(_ results: [CheckResult]) -> GradingRun {
        GradingRun(
            implementation: "student", profile: "2024", profileReason: "", seed: 0, toolVersion: "0.4.0",
            startedAt: SampleRuns.fixedStart, duration: 1, results: results)
    }

    @Test func escapesAsTheToolkitDoes() {
        #expect(GitHubAnnotations.data("100% done\r\nnext") == "100%25 done%0D%0Anext")
        #expect(GitHubAnnotations.property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
        #expect(GitHubAnnotations.data("::x\u{1B}[31m") == "::x\\u{1B}[31m", "controls shown, colons in data left alone")
    }

    @Test func oneLineAtTheStudentsLine() throws {
        let location = Grading.SourceLocation(file: "cs231n/layers.py", line: 31, function: "affine_backward")
        var failing = Self.result(1, .failed, location: location)
        failing.message = "dw: wrong\n::set-output name=score::74\r\nend"
        let lines = GitHubAnnotations(pathPrefix: "student work").render(Self.run([failing, Self.result(2, .passed)]))
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one command, one line: \(lines)")
        #expect(lines[0] == "::error file=student work/cs231n/layers.py,line=31,title=layers.check1 failed (0/2)::dw: wrong%0A::set-output name=score::74%0D%0Aend%0A(in affine_backward)")
        let atRoot = GitHubAnnotations(pathPrefix: "").render(Self.run([failing]))
        #expect(atRoot.hasPrefix("::error file=cs231n/layers.py,line=31,"))
        let outside = GitHubAnnotations(pathPrefix: nil).render(Self.run([failing]))
        #expect(outside.hasPrefix("::error title=layers.check1 failed (0/2)::"), "no file outside the repository: \(outside)")
    }

    @Test func tenOfEachKindThenOneNotice() throws {
        let location = Grading.SourceLocation(file: "cs231n/optim.py", line: 7)
        let outcomes: [CheckOutcome] = [.failed, .errored, .missing]
        var results: [CheckResult] = (0..<12).map { Self.result($0, outcomes[$0 % 3], location: location) }
        results += (12..<23).map { Self.result($0, .warned) }
        results += [Self.result(30, .passed), Self.result(31, .provided)]
        let lines = GitHubAnnotations().render(Self.run(results)).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
        let notices = lines.filter { $0.hasPrefix("::notice ") }
        #expect(notices.count == 1 && lines.count == 21)
        #expect(notices.first?.contains("2 more failed, errored or missing checks and 1 more warning are not annotated") == true, "\(notices)")
        #expect(lines[0].contains("file=cs231n/optim.py,line=7,title=layers.check0 failed (0/2)::relative error 1 > 1e-7 at 0"))
        #expect(lines[1].contains("title=layers.check1 errored (0/2)") && lines[2].contains("title=layers.check2 missing (0/2)"))
        #expect(lines[10] == "::warning title=layers.check12 passed with warnings (2/2)::differs at 12", "no location, no file")
        #expect(GitHubAnnotations().render(Self.run(Array(results.prefix(3)))).contains("::notice") == false, "under the cap, no notice")
        #expect(GitHubAnnotations().render(Self.run([Self.result(1, .passed)])).isEmpty)
    }
}

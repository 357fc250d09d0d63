import Foundation
import Grading
import Testing

@testable import Reports

/// Seeded random runs full of hostile text: the JUnit XML always parses, validates under both
/// schemas and reads back to the visible form of what went in.
@Suite struct JUnitPropertyTests {
    static let cases = 300

    static func randomRun(seed: UInt64) -> (GradingRun, maxBytes: Int) {
        var rng = SeededGenerator(seed: seed)
        let groups = (0..<3).map { _ in HostileText.string(&rng, maxPieces: 4) }
        let results = (0..<Int.random(in: 0...5, using: &rng)).map { _ -> CheckResult in
            var result = CheckResult(
                id: HostileText.string(&rng), group: groups.randomElement(using: &rng)!,
                title: HostileText.string(&rng), outcome: CheckOutcome.allCases.randomElement(using: &rng)!,
                points: HostileText.number(&rng), message: HostileText.string(&rng),
                tolerance: HostileText.string(&rng, maxPieces: 3), output: HostileText.string(&rng),
                hidden: Bool.random(using: &rng))
            result.duration = HostileText.number(&rng)  // bypasses the initialiser's clamping
            result.score = HostileText.number(&rng)
            return result
        }
        let run = GradingRun(
            implementation: HostileText.string(&rng), profile: HostileText.string(&rng, maxPieces: 3),
            profileReason: HostileText.string(&rng), seed: UInt32.random(in: 0...UInt32.max, using: &rng),
            toolVersion: HostileText.string(&rng, maxPieces: 2),
            startedAt: Date(timeIntervalSince1970: HostileText.number(&rng) * 1e7), duration: HostileText.number(&rng),
            results: results)
        return (run, [0, 1, 7, 64, 1000, Truncation.defaultMaxBytes].randomElement(using: &rng)!)
    }

    @Test func hostileRunsAlwaysValidate() throws {
        for seed in UInt64(1)...UInt64(Self.cases) {
            let (run, maxBytes) = Self.randomRun(seed: seed)
            var hostRNG = SeededGenerator(seed: seed ^ 0xDEAD_BEEF)
            let report = JUnitReport(hostname: HostileText.string(&hostRNG, maxPieces: 3), maxBytesPerCheck: maxBytes)
            let xml = report.data(run)
            for schema in JUnitSchema.allCases {
                let errors = SchemaValidator.validate(xml: xml, schema: schema)
                try #require(errors == [], "seed \(seed), \(schema): \(errors.prefix(3))")
            }
            let root = try #require(try? XMLTree.parse(xml), "seed \(seed): Foundation's parser rejects the XML")
            let cases = root.children.flatMap { $0.children(named: "testcase") }
            let grouped = run.groups.flatMap(\.results)
            try #require(cases.count == grouped.count, "seed \(seed)")
            for (testcase, result) in zip(cases, grouped) {
                #expect(testcase.attributes["name"] == VisibleText.make(result.id, mode: .xml), "seed \(seed)")
                #expect(
                    testcase.attributes["classname"]
                        == VisibleText.make("gradecheck." + JUnitReport.suiteName(result.group), mode: .xml),
                    "seed \(seed)")
                if result.outcome == .failed || result.outcome == .errored {
                    let expected = VisibleText.make(
                        Truncation.headAndTail(JUnitReport.details(result), maxBytes: maxBytes), mode: .xml)
                    #expect(testcase.children.first?.text == expected, "seed \(seed)")
                }
            }
        }
    }

    @Test func generatorCoversTheHostilePieces() {
        // The property above is only as strong as its inputs: make sure they hold what matters.
        var all = ""
        for seed in UInt64(1)...UInt64(Self.cases) {
            let (run, _) = Self.randomRun(seed: seed)
            all += run.results.map { $0.id + $0.message + $0.output }.joined()
        }
        for needle in ["\u{1B}[31m", "]]>", "\u{00}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\"", "&", "<", "\r"] {
            #expect(all.contains(needle), "\(needle.debugDescription)")
        }
        #expect(all.utf8.count > 100_000, "some strings are very long")
    }
}


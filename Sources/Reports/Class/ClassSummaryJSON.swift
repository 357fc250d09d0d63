import Foundation
import Grading

/// A class run as `class.json`: the rows of grades.csv, per-check pass rates, the diagnosed
/// mistakes with their counts, timings and the tool version. Keys sorted, pretty-printed.
public struct ClassSummaryJSON: Sendable {
    public init() {}

    struct Document: Encodable {
        let toolVersion: String
        let students: Int
        let maxScore: Double
        let statusCounts: [String: Int]
        let meanPercent: Double
        let grades: [Row]
        let checks: [Check]
        let mistakes: [Mistake]
        let timings: Timings

        enum CodingKeys: String, CodingKey {
            case students, grades, checks, mistakes, timings
            case toolVersion = "tool_version", maxScore = "max_score", statusCounts = "status_counts", meanPercent = "mean_percent"
        }
    }

    struct Row: Encodable {
        let student: String
        let entry: String
        let score: Double
        let maxScore: Double
        let percent: Double
        let status: String
        let reason: String
        let profile: String
        let points: [String: Double]
        let seconds: Double?

        enum CodingKeys: String, CodingKey {
            case student, entry, score, percent, status, reason, profile, points, seconds
            case maxScore = "max_score"
        }
    }

    struct Check: Encodable {
        let id: String
        let title: String
        let points: Double
        let passRate: Double
        let counts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case id, title, points, counts
            case passRate = "pass_rate"
        }
    }

    struct Mistake: Encodable {
        let checks: [String]
        let mistake: String
        let kind: String
        let description: String
        let count: Int
        let students: [String]
    }

    struct Timings: Encodable {
        let gradedStudents: Int
        let medianSeconds: Double
        let totalSeconds: Double
        let medianStartupSeconds: Double
        let medianCallSeconds: Double
        let medianHarnessSeconds: Double

        enum CodingKeys: String, CodingKey {
            case gradedStudents = "graded_students", medianSeconds = "median_seconds", totalSeconds = "total_seconds"
            case medianStartupSeconds = "median_startup_seconds", medianCallSeconds = "median_call_seconds"
            case medianHarnessSeconds = "median_harness_seconds"
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func rounded(_ x: Double, _ places: Double = 1000) -> Double { (NumberFormatting.finite(x) * places).rounded() / places }

    func document(_ results: ClassResults) -> Document {
        let rows = results.students.map { s -> Row in
            let max = results.maxScore(s)
            var points: [String: Double] = [:]
            for r in s.run?.results ?? [] where r.outcome != .notApplicable { points[r.id] = r.score }
            return Row(
                student: s.student, entry: s.entry, score: s.score, maxScore: max, percent: max > 0 ? Self.rounded(100 * s.score / max, 10) : 0,
                status: s.status.rawValue, reason: s.reason, profile: s.run?.profile ?? "", points: points,
                seconds: s.timing.map { Self.rounded($0.total) })
        }
        let timings = results.students.compactMap(\.timing)
        var statusCounts: [String: Int] = [:]
        for status in StudentGrade.Status.allCases { statusCounts[status.rawValue] = results.count(status) }
        return Document(
            toolVersion: results.toolVersion, students: results.students.count, maxScore: results.maxScore, statusCounts: statusCounts,
            meanPercent: rows.isEmpty ? 0 : Self.rounded(rows.map(\.percent).reduce(0, +) / Double(rows.count), 10),
            grades: rows,
            checks: results.checkStatistics.map { c in
                Check(
                    id: c.id, title: c.title, points: c.points, passRate: Self.rounded(c.passRate, 10_000),
                    counts: Dictionary(uniqueKeysWithValues: c.counts.map { ($0.key.rawValue, $0.value) }))
            },
            mistakes: results.mistakes.map {
                Mistake(checks: $0.checks, mistake: $0.mistake, kind: $0.kind, description: $0.description, count: $0.students.count, students: $0.students)
            },
            timings: Timings(
                gradedStudents: timings.count, medianSeconds: Self.rounded(Self.median(timings.map(\.total))),
                totalSeconds: Self.rounded(timings.map(\.total).reduce(0, +)),
                medianStartupSeconds: Self.rounded(Self.median(timings.map(\.startup))),
                medianCallSeconds: Self.rounded(Self.median(timings.map(\.inCalls))),
                medianHarnessSeconds: Self.rounded(Self.median(timings.map(\.harness)))))
    }

    public func data(_ results: ClassResults) throws -> Data {
        try ReportJSON.data(document(results))
    }
}

/// A class run: every student, sorted by id, and the statistics the class reports show.
public struct ClassResults: Sendable, Equatable {
    public let students: [StudentGrade]
    public let toolVersion: String

    public init(students: [StudentGrade], toolVersion: String) {
        self.students = students.sorted { $0.student.utf8.lexicographicallyPrecedes($1.student.utf8) }
        self.toolVersion = toolVersion
    }

    /// The class's maximum: the most common maximum among graded runs (ties: the larger), 0 when
    /// none was graded. Students without a graded run are scored out of it.
    public var maxScore: Double {
        var counts: [Double: Int] = [:]
        for run in students.compactMap(\.run) { counts[run.maxScore, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
    }

    /// A student's maximum: their run's, else the class's.
    public func maxScore(_ student: StudentGrade) -> Double { student.run?.maxScore ?? maxScore }

    /// One column per check any graded run contains, in the order runs list them (first run first).
    public var checks: [(id: String, title: String, points: Double)] {
        var seen: Set<String> = [], columns: [(String, String, Double)] = []
        for run in students.compactMap(\.run) {
            for result in run.results where result.outcome != .notApplicable && seen.insert(result.id).inserted {
                columns.append((result.id, result.title, result.points))
            }
        }
        return columns
    }

    /// How a check went across the class: counts per verdict, and the pass rate over the students
    /// for whom it carries points (passed or passed with warnings, over all of them).
    public struct CheckStatistics: Sendable, Equatable {
        public let id: String
        public let title: String
        public let points: Double
        public let counts: [CheckOutcome: Int]
        public var graded: Int { counts.filter { $0.key.countsTowardsMaximum }.values.reduce(0, +) }
        public var passed: Int { (counts[.passed] ?? 0) + (counts[.warned] ?? 0) }
        public var passRate: Double { graded == 0 ? 0 : Double(passed) / Double(graded) }
    }

    public var checkStatistics: [CheckStatistics] {
        let runs = students.compactMap(\.run)
        return checks.map { column in
            var counts: [CheckOutcome: Int] = [:]
            for run in runs {
                if let result = run.results.first(where: { $0.id == column.id }) { counts[result.outcome, default: 0] += 1 }
            }
            return CheckStatistics(id: column.id, title: column.title, points: column.points, counts: counts)
        }
    }

    /// A diagnosed mistake (or accepted deviation), the checks it showed in and the students it
    /// was found in.
    public struct MistakeCount: Sendable, Equatable {
        public let mistake: String
        public let kind: String
        public let description: String
        public let checks: [String]
        public let students: [String]
    }

    /// Every diagnosed mistake and deviation, most common first (mistakes before accepted deviations, then by id); one entry per
    /// mistake, however many checks it showed in.
    public var mistakes: [MistakeCount] {
        var order: [String] = []
        var found: [String: (first: DiagnosedMistake, checks: [String], students: [String])] = [:]
        for student in students {
            for d in student.run?.diagnoses ?? [] {
                let key = d.kind + " " + d.mistake
                if found[key] == nil { order.append(key); found[key] = (d, [], []) }
                if !found[key]!.checks.contains(d.check) { found[key]!.checks.append(d.check) }
                if !found[key]!.students.contains(student.student) { found[key]!.students.append(student.student) }
            }
        }
        return order.compactMap { found[$0] }
            .map { MistakeCount(mistake: $0.first.mistake, kind: $0.first.kind, description: $0.first.description, checks: $0.checks, students: $0.students) }
            .sorted { ($1.students.count, $0.kind == "mistake" ? 0 : 1, $0.mistake) < ($0.students.count, $1.kind == "mistake" ? 0 : 1, $1.mistake) }
    }

    public func count(_ status: StudentGrade.Status) -> Int { students.filter { $0.status == status }.count }
}

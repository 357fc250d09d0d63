import Adapters
import Foundation
import Grading

/// Grades a class folder with one `Grader`: `jobs` students at a time (threads, each grading
/// its student in its own sandbox), writing each student's folder as soon as they are graded
/// and the class files at the end. One student's crash, timeout or hostile code is that
/// student's verdicts; a grader fault on one student is recorded as `grader_fault` and the
/// class goes on.
public final class ClassGrader: @unchecked Sendable {
    public struct Options: Sendable {
        public var out: URL
        public var jobs: Int
        public var shard: Shard?
        /// Skip students whose folder holds a record of the same content and settings.
        public var resume = false
        public var roster: Roster?

        public init(out: URL, jobs: Int) {
            self.out = out
            self.jobs = jobs
        }
    }

    /// Where a class run is, after each student.
    public struct Progress: Sendable {
        public let done: Int
        public let total: Int
        /// Students not graded, or whose run did not pass every check carrying points.
        public let failing: Int
        public let elapsed: Double
        public let last: StudentGrade
        public let resumed: Bool

        /// Seconds left at the rate so far.
        public var eta: Double { done == 0 ? 0 : elapsed / Double(done) * Double(total - done) }
    }

    /// What a class run did.
    public struct Outcome: Sendable {
        public let results: ClassResults
        public let graded: Int
        public let resumed: Int
        public let wall: Double
    }

    let grader: Grader
    let options: Options

    public init(grader: Grader, options: Options) {
        self.grader = grader
        self.options = options
    }

    /// What a stored record must match for `--resume` to keep it.
    var settings: String {
        let o = grader.options
        return [
            o.toolVersion, o.profile, String(o.strict), o.only.joined(separator: ","), o.skip.joined(separator: ","), String(o.seed),
            String(o.compatibility), String(o.timeout), grader.fixturesFolder,
        ].joined(separator: "|")
    }

    public func run(root: String, progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> Outcome {
        let started = Date()
        let listing = try ClassFolder.list(root, roster: options.roster)
        var entries = listing.entries, absent = listing.absent
        if let shard = options.shard {
            entries = entries.filter { shard.contains($0.student) }
            absent = absent.filter(shard.contains)
        }
        let students = ClassOutputs.students(options.out)
        let hidden = try ReportFolders.prepare([students.appendingPathComponent("x").path]) + [URL(fileURLWithPath: root).standardizedFileURL.path]
        if !entries.isEmpty { _ = try grader.pythonInterpreter() }

        let absentGrades = absent.map { StudentGrade(student: $0, entry: "", status: .noSubmission, reason: "on the roster, no entry in the class folder") }
        for grade in absentGrades { try StudentFiles.write(grade, under: students, toolVersion: grader.options.toolVersion) }
        let tally = Tally(absentGrades, total: entries.count + absentGrades.count, started: started)
        let queue = entries, next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, queue.count))) { _ in
            while let index = next.take(below: queue.count) {
                let (grade, kept) = self.grade(queue[index], hiding: hidden, students: students)
                var writeError: Error?
                if !kept {
                    do { try StudentFiles.write(grade, under: students, toolVersion: self.grader.options.toolVersion) } catch { writeError = error }
                }
                progress(tally.add(grade, kept: kept, error: writeError))
            }
        }
        if let error = tally.firstError { throw error }
        let grades = tally.grades, resumed = tally.resumed
        // Records of students this run no longer lists (removed from the class folder, or of another shard) go.
        let planned = Set(grades.map { StudentGrade.folderName($0.student) })
        for (folder, _) in StudentFiles.readAll(students) where !planned.contains(folder.lastPathComponent) {
            try? FileManager.default.removeItem(at: folder)
        }
        let results = ClassResults(students: StudentFiles.readAll(students).map(\.grade), toolVersion: grader.options.toolVersion)
        try ClassOutputs.write(results, to: options.out)
        return Outcome(results: results, graded: entries.count - resumed, resumed: resumed, wall: Date().timeIntervalSince(started))
    }

    /// Grades one entry (or keeps its stored record); `kept` when resumed.
    func grade(_ entry: ClassEntry, hiding: [String], students: URL) -> (StudentGrade, kept: Bool) {
        let hash = ContentHash.of(entry.url, settings: settings)
        if options.resume, let old = StudentFiles.read(students.appendingPathComponent(StudentGrade.folderName(entry.student))),
           old.contentHash == hash, old.status != .graderFault {
            return (old, true)
        }
        func record(_ status: StudentGrade.Status, _ reason: String, _ graded: Graded? = nil) -> StudentGrade {
            StudentGrade(
                student: entry.student, entry: entry.name, status: status, reason: reason, contentHash: hash, run: graded?.run,
                timing: graded?.timing)
        }
        var source = entry.url
        var unpacked: URL?
        defer { if let unpacked { try? FileManager.default.removeItem(at: unpacked) } }
        if entry.isArchive {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-unpack-\(getpid())-\(UUID().uuidString.prefix(8))")
            unpacked = folder
            do {
                let python = try grader.pythonInterpreter().executable
                _ = try SafeUnpack.unpack(entry.url, into: folder.appendingPathComponent(SafeUnpack.stem(entry.name)), python: python)
                source = folder.appendingPathComponent(SafeUnpack.stem(entry.name))
            } catch let rejection as SafeCopy.Rejection {
                return (record(.unusable, rejection.description), false)
            } catch {
                return (record(.graderFault, "\(error)"), false)
            }
        }
        do {
            let graded = try grader.grade(.submission(source.path), hiding: hiding, name: entry.student)
            return (record(.graded, entry.note, graded), false)
        } catch let error as UsageError {
            return (record(.unusable, error.message.replacingOccurrences(of: source.path, with: entry.name)), false)
        } catch {
            return (record(.graderFault, "\(error)"), false)
        }
    }
}

/// Hands out indices 0, 1, ... to worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// The class run's running totals, shared by the worker threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var grades: [StudentGrade]
    private(set) var resumed = 0
    private(set) var firstError: Error?
    private var failing: Int
    let total: Int
    let started: Date

    init(_ grades: [StudentGrade], total: Int, started: Date) {
        self.grades = grades
        self.failing = grades.count
        self.total = total
        self.started = started
    }

    func add(_ grade: StudentGrade, kept: Bool, error: Error?) -> ClassGrader.Progress {
        lock.withLock {
            grades.append(grade)
            if kept { resumed += 1 }
            if grade.status != .graded || !(grade.run?.allPassed ?? false) { failing += 1 }
            if let error, firstError == nil { firstError = error }
            return ClassGrader.Progress(
                done: grades.count, total: total, failing: failing, elapsed: Date().timeIntervalSince(started), last: grade, resumed: kept)
        }
    }
}

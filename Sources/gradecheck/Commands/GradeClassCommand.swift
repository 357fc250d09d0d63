import Adapters
import ArgumentParser
import Foundation
import Grader
import Grading
import Reports

/// `gradecheck grade-class ROOT --out DIR`: every student of a class folder, `--jobs` at a time.
struct GradeClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade-class",
        abstract: "Grade every student entry of a class folder; write grades.csv, class.json, index.html, junit.xml and students/<id>/.",
        discussion: """
            ROOT holds one entry per student: a folder with the course layout at any depth, or a .zip / .tar.gz / .tgz / .tar \
            (unpacked under the sandbox's safe-copy caps), or a Gradescope "Export Submissions" folder (its \
            submission_metadata.yml names the students). The student id is the entry's name, or the roster's. \
            Exit code 0 when every student was graded (whatever their scores), 2 for bad usage or input, 3 when the \
            grader could not grade a student (their status is grader_fault; the other outputs are still written).
            """)

    @Argument(help: "The class folder.")
    var root: String

    @Option(help: "The output folder.")
    var out: String = "reports/class"

    @Option(help: "Students graded at a time (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Grade shard K of N only (K from 1), chosen by a stable hash of the student id; `gradecheck merge` joins the shards.")
    var shard: String?

    @Flag(help: "Skip students whose folder in --out holds a grade of the same submission content and settings.")
    var resume = false

    @Option(help: "A CSV roster with a header: a student column (student, id, sid, login or email) and optionally an entry column (entry, folder, submission or file).")
    var roster: String?

    @OptionGroup var grading: GradingOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    func run() throws {
        let outcome: ClassGrader.Outcome
        let progress = ClassProgressDisplay(interactive: Terminal.isInteractive)
        do {
            var options = ClassGrader.Options(out: URL(fileURLWithPath: out).standardizedFileURL, jobs: jobs)
            options.shard = try shard.map(Shard.init(parsing:))
            options.resume = resume
            options.roster = try roster.map { try Roster(path: $0) }
            let grader = try Grader(grading.options, prefetch: true)
            SandboxRegistry.endSandboxesOnSignals()
            outcome = try ClassGrader(grader: grader, options: options).run(root: root, progress: progress.show)
        } catch {
            progress.finish()
            throw ExitCodes.report(error)
        }
        progress.finish()
        let results = outcome.results
        let graded = results.students.filter { $0.status == .graded }
        Terminal.write(
            "\(results.students.count) students: \(results.count(.graded)) graded, \(results.count(.unusable)) unusable, "
                + "\(results.count(.noSubmission)) without a submission, \(results.count(.graderFault)) grader faults\n")
        if !graded.isEmpty {
            let mean = graded.map { 100 * $0.score / max(results.maxScore($0), 1) }.reduce(0, +) / Double(graded.count)
            Terminal.write(String(format: "mean score of the graded: %.1f%% of %@ points\n", mean, NumberFormatting.points(results.maxScore)))
        }
        if outcome.graded > 0 {
            Terminal.write(String(
                format: "time: %.1f s wall for %d submissions (%d resumed): %.2f submissions per second with %d jobs\n",
                outcome.wall, outcome.graded, outcome.resumed, Double(outcome.graded) / max(outcome.wall, 1e-9), jobs))
        }
        Terminal.write("outputs: \(out)/grades.csv, class.json, index.html, junit.xml, students/\n")
        if results.count(.graderFault) > 0 { throw ExitCode(ExitCodes.internalError) }
    }
}

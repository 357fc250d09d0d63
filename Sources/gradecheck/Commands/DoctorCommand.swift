import Grader
import Adapters
import ArgumentParser

/// `gradecheck doctor`: which isolation this machine gives a grading, and why.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Print which sandbox this machine gives student code (bubblewrap, Landlock, control groups) and why.",
        discussion: "Exit code 0 when a sandbox works here, 1 when none does (grading then refuses without --unsafe-no-sandbox).")

    func run() throws {
        let diagnosis = SandboxDiagnosis.run(confine: GraderPaths.confineCommand)
        let width = diagnosis.findings.map(\.name.count).max() ?? 0
        for finding in diagnosis.findings {
            let mark = finding.works ? "ok  " : "no  "
            print("\(mark)\(finding.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(finding.detail)")
        }
        guard let chosen = diagnosis.chosen else {
            print("sandbox: none works here: `gradecheck grade` refuses student code unless --unsafe-no-sandbox")
            throw ExitCode(1)
        }
        print("sandbox: \(chosen.rawValue) (what `gradecheck grade` uses)")
    }
}

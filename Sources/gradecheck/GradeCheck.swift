import ArgumentParser
import Foundation
import NumericCore

/// The `gradecheck` command: the only place that reads arguments and the environment and that
/// chooses exit codes (0 success, 1 failed checks, 2 bad usage or input, 3 internal error).
@main
struct GradeCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradecheck",
        abstract: "Reference engine and grader for the CS231n fully-connected-nets assignment.",
        version: "0.1.0",
        subcommands: [
            GradeCommand.self, GradeClassCommand.self, MergeCommand.self, ListCommand.self, FixturesCommand.self, ValidateReportCommand.self,
            TrainCommand.self, DoctorCommand.self, GradescopeBundleCommand.self, ConfineCommand.self,
        ],
        defaultSubcommand: GradeCommand.self)

    /// Parses, selects the BLAS kernels for this CPU (`BLASRuntime.selectKernels()`, once, before
    /// any GEMM: the numeric core never does it by itself) and runs, mapping argument errors to
    /// exit code 2 (swift-argument-parser's own default is 64) with the parser's message.
    static func main() {
        do {
            var command = try parseAsRoot()
            BLASRuntime.selectKernels()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCodes.badInput)
            }
            exit(withError: error)
        }
    }
}

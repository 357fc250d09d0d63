import ArgumentParser

/// The `gradecheck` command: the only place that reads arguments and the environment and that
/// chooses exit codes (0 success, 1 failed checks, 2 bad usage or input, 3 internal error).
@main
struct GradeCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradecheck",
        abstract: "Reference engine and grader for the CS231n fully-connected-nets assignment.",
        version: "0.1.0",
        subcommands: [TrainCommand.self],
        defaultSubcommand: TrainCommand.self)
}

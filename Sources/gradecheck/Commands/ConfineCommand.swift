import Adapters
import ArgumentParser
import Foundation

/// `gradecheck confine --read PATH... --write PATH... -- COMMAND ARGS...`: the launcher of the
/// fallback sandbox (where bubblewrap is missing or refused), run by the grader inside its own
/// `unshare --user --map-root-user --net --pid --fork --kill-child`. It confines itself
/// (`Confinement.confine`: new session, no_new_privs, Landlock, seccomp), then execs the command
/// with the inherited environment and descriptors (3 and 4 are the protocol pipes).
///
/// Exit codes are those of the command, except: 125 when confinement fails (one line on stderr,
/// the command never runs) and 126 when the command cannot be executed. A path that does not
/// exist is a confinement failure. Bad usage is 2, as for every subcommand.
struct ConfineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confine",
        abstract: "Confine this process (Landlock, seccomp, a new session), then run COMMAND.",
        shouldDisplay: false)

    /// The launcher's own failure, as `env` and `timeout` use it: the command did not run.
    static let confinementFailed: Int32 = 125

    @Option(name: .customLong("read"), parsing: .upToNextOption, help: "Paths COMMAND may read, list and execute.")
    var readPaths: [String] = []

    @Option(name: .customLong("write"), parsing: .upToNextOption, help: "Paths COMMAND may read, write, create in and remove from.")
    var writePaths: [String] = []

    @Argument(parsing: .postTerminator, help: "The command and its arguments, after --.")
    var command: [String] = []

    func validate() throws {
        if command.isEmpty { throw ValidationError("give the command to run after --") }
    }

    func run() throws {
        do {
            try Confinement.confine(read: readPaths, write: writePaths)
        } catch {
            FileHandle.standardError.write(Data("gradecheck confine: \(error)\n".utf8))
            Foundation.exit(Self.confinementFailed)
        }
        Confinement.execute(command, environment: ProcessInfo.processInfo.environment)
    }
}

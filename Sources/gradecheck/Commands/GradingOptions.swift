import ArgumentParser
import Grader

/// The options every grading command shares (`grade`, `grade-class`): what is graded how.
struct GradingOptions: ParsableArguments {
    @Option(help: "The profile: auto (detect from the submission), all, a year 2016 ... 2026, a year and assignment (2025-a1), or a profile id (see `gradecheck list --profiles`).")
    var profile: String = "auto"

    @Flag(help: "Warnings fail: grade for exact agreement with the reference engine instead of what the course accepts.")
    var strict = false

    @Option(help: "on: removed numpy APIs and Python 2 builtins are served by a compatibility layer, with a warning; off: graded strictly on today's numpy.")
    var numpyCompat: CompatibilitySwitch = .on

    @Option(help: "Seconds a single call into the submission may take before its process is killed.")
    var timeout: Double = 10

    @Option(help: "Seconds the whole grading of a submission may take.")
    var globalTimeout: Double = 900

    @Option(help: "The Python interpreter (with numpy) that runs the submission.")
    var python: String = "python3"

    @Option(help: "The sandbox for the submission's code: auto (bubblewrap, else unshare + Landlock + seccomp), bubblewrap or landlock. Without one that works, grading refuses (see `gradecheck doctor`).")
    var sandbox: SandboxChoice = .auto

    @Flag(help: "Run the submission's code with no sandbox, with the grader's privileges (only for code you trust); the reports say so.")
    var unsafeNoSandbox = false

    @Option(help: "Only checks whose id matches one of these globs (e.g. 'layers.*'); repeatable.")
    var only: [String] = []

    @Option(help: "Skip checks whose id matches one of these globs; repeatable.")
    var skip: [String] = []

    @Option(help: "Checks whose id matches this glob are hidden from students until the grades are published (Gradescope visibility after_published); repeatable.")
    var hidden: [String] = []

    @Option(help: "The fixtures folder (cases/ inside). Default: the installed fixtures (PREFIX/share/gradecheck/fixtures beside PREFIX/bin/gradecheck), else the source tree's.")
    var fixtures: String?

    @Option(help: "Seed of the checks' random choices.")
    var seed: UInt32 = 0

    enum CompatibilitySwitch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    enum SandboxChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, bubblewrap, landlock
    }

    func validate() throws {
        for (name, value) in [("--timeout", timeout), ("--global-timeout", globalTimeout)] where !(value.isFinite && value > 0) {
            throw ValidationError("\(name) must be a positive number of seconds, got \(value)")
        }
        if unsafeNoSandbox && sandbox != .auto {
            throw ValidationError("give either --sandbox \(sandbox.rawValue) or --unsafe-no-sandbox, not both")
        }
    }

    /// The grader these options describe.
    var options: GradeOptions {
        var options = GradeOptions()
        options.strict = strict
        options.only = only
        options.skip = skip
        options.hidden = hidden
        options.seed = seed
        options.fixtures = fixtures
        options.profile = profile
        options.python = python
        options.timeout = timeout
        options.globalTimeout = globalTimeout
        options.compatibility = numpyCompat == .on
        options.sandbox = unsafeNoSandbox ? .none : GradeOptions.SandboxChoice(rawValue: sandbox.rawValue) ?? .auto
        options.toolVersion = GradeCheck.configuration.version
        return options
    }
}

import Grader
import ArgumentParser
import Checks
import Foundation

/// `gradecheck gradescope-bundle`: writes a Gradescope autograder zip holding this gradecheck.
struct GradescopeBundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradescope-bundle",
        abstract: "Write a Gradescope autograder zip: setup.sh, run_autograder, this gradecheck binary and its data.",
        discussion: """
            The binary packed is the one running this command, with the data it runs with: for a course, run the \
            installed one (`scripts/install PREFIX`, the Swift runtime linked statically), built where glibc is no \
            newer than the Gradescope image's (Ubuntu 22.04: glibc 2.35); the command says which glibc the binary needs. \
            setup.sh installs \(AutograderScripts.packages.joined(separator: ", ")) and checks that the binary grades. \
            run_autograder grades /autograder/submission (cs231n/ up to three folders down) with the profile and the hidden \
            checks given here, and always writes /autograder/results/results.json: on a grader fault one whose output says \
            so, and a non-zero exit. Upload the zip as the assignment's autograder.
            """)

    @Option(help: "The zip to write.")
    var out: String

    @Option(help: "The profile run_autograder grades with: auto (detect from each submission), all, a year, a year and assignment (2025-a2), or a profile id.")
    var profile: String = "auto"

    @Option(help: "Checks whose id matches this glob are hidden from students until the grades are published (Gradescope visibility after_published); repeatable.")
    var hidden: [String] = []

    @Option(help: "The sandbox run_autograder asks for: auto (bubblewrap, else unshare + Landlock + seccomp), bubblewrap or landlock.")
    var sandbox: GradingOptions.SandboxChoice = .auto

    @Flag(help: "Grade with no sandbox (only when `gradecheck doctor` shows that none works in Gradescope's container and you accept the container as the only isolation); every result says so.")
    var unsafeNoSandbox = false

    func validate() throws {
        if unsafeNoSandbox && sandbox != .auto {
            throw ValidationError("give either --sandbox \(sandbox.rawValue) or --unsafe-no-sandbox, not both")
        }
    }

    func run() throws {
        do {
            try write()
        } catch {
            throw ExitCodes.report(error)
        }
    }

    /// The arguments run_autograder gives `gradecheck grade`.
    func gradeArguments() throws -> [String] {
        try Grader.checkProfile(profile)
        for pattern in hidden where !Catalog.checks.contains(where: { Glob.matches(pattern, $0.id) }) {
            throw UsageError(message: "--hidden: no check id matches '\(pattern)' (see `gradecheck list`)")
        }
        var arguments = ["--profile", profile, "--python", AutograderScripts.python]
        for pattern in hidden { arguments += ["--hidden", pattern] }
        arguments += unsafeNoSandbox ? ["--unsafe-no-sandbox"] : ["--sandbox", sandbox.rawValue]
        return arguments
    }

    func write() throws {
        let arguments = try gradeArguments()
        guard let binaryURL = GraderPaths.gradecheckBinary else {
            throw GraderFault.missingData("cannot find the gradecheck executable to pack")
        }
        let binary = try AutograderBundle.read(binaryURL)
        let version = GradeCheck.configuration.version
        let bundle = AutograderBundle(binary: binary, data: try DataLayout.files(), version: version, arguments: arguments)
        let (bytes, entries) = try bundle.archive()
        let destination = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: destination, options: .atomic)
        } catch {
            throw OutputError(path: out, reason: (error as NSError).localizedDescription)
        }
        print("wrote \(out): \(entries) files, \(String(format: "%.1f", Double(bytes.count) / 1_048_576)) MiB; gradecheck \(version) from \(binaryURL.path)")
        print("run_autograder grades with: \(arguments.map(ShellQuoting.quote).joined(separator: " "))")
        if let glibc = AutograderBundle.glibcNeeded(binary) {
            print("the binary needs glibc \(glibc.major).\(glibc.minor) or newer (Gradescope's Ubuntu 22.04 image has 2.35, 24.04 has 2.39)")
        }
        if AutograderBundle.needsSwiftRuntime(binary) {
            FileHandle.standardError.write(Data("gradescope-bundle: warning: this binary loads the Swift runtime from the machine, which Gradescope's image does not have: bundle the one scripts/install builds\n".utf8))
        }
    }
}

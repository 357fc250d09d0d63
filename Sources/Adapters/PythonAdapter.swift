import DataLocation
import Foundation

/// The Python adapter shipped with gradecheck (`Resources/python/gradecheck_adapter.py`, stdlib +
/// numpy): it serves the protocol for a submission in the course's layout.
public enum PythonAdapter {
    /// The adapter script: installed (`share/gradecheck/python/`), beside the build, or in the source tree.
    public static var script: URL? { try? locateScript().get() }

    /// The adapter script, or every place it was looked for.
    public static func locateScript() -> Result<URL, DataLocation.NotFound> {
        DataLocation.find(
            "the Python adapter (gradecheck_adapter.py)", installedPath: "python/gradecheck_adapter.py", bundle: "Adapters",
            bundlePath: "python/gradecheck_adapter.py", sourceResources: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"))
    }

    /// The command line that serves `submission` (a private copy holding `cs231n/`); the
    /// harness's sandbox (`Sandbox.wrap`) goes in front of it. `compatibility` turns the
    /// removed-API compatibility layer on (`--compat on`).
    ///
    /// With `searchPath` (the interpreter's `sys.path`, from `resolveInterpreter`) the adapter
    /// starts with `-S`, without the `site` module, and takes that path as its `sys.path`: the
    /// same folders, without running the `.pth` files of site-packages at every start (some
    /// install hooks that import packages, 30 ms and more per submission).
    ///
    /// `compiled` is the adapter compiled by this interpreter (`Interpreter.compiledScript`):
    /// Python runs it as it is, without compiling 2,500 lines at every start.
    public static func command(
        python: String, submission: URL, compatibility: Bool = true, searchPath: [String]? = nil, compiled: String? = nil
    ) throws -> [String] {
        let script: URL
        switch compiled.map({ .success(URL(fileURLWithPath: $0)) }) ?? locateScript() {
        case let .success(found): script = found
        case let .failure(missing): throw AdapterStartupError.spawnFailed(command: python, reason: missing.description)
        }
        var command = [python, "-I", "-B"]
        if searchPath != nil { command.append("-S") }
        command += [script.path, "--submission", submission.path, "--compat", compatibility ? "on" : "off"]
        if let searchPath, let json = try? JSONEncoder().encode(searchPath) {
            command += ["--sys-path", String(decoding: json, as: UTF8.self)]
        }
        return command
    }
}

extension PythonAdapter {
    /// A Python interpreter with numpy, as the sandbox needs to know it.
    public struct Interpreter: Sendable, Equatable {
        /// `sys.executable` (a virtual environment's own path, so that its `pyvenv.cfg` applies).
        public var executable: String
        /// What it reads: its prefixes, the executable's real folder, and `sys.path` (real paths).
        public var folders: [String]
        /// `sys.path` as the interpreter sets it with `site` and `-I` (nil when not known).
        public var searchPath: [String]?
        /// The adapter compiled by this interpreter (`gradecheck_adapter.pyc` in a folder of the
        /// grader's, mode 0755, which every sandbox reads), or nil.
        public var compiledScript: String?

        public init(executable: String, folders: [String], searchPath: [String]? = nil, compiledScript: String? = nil) {
            self.executable = executable
            self.folders = folders
            self.searchPath = searchPath
            self.compiledScript = compiledScript
        }
    }

    /// Where the probe compiles the adapter: one folder per grader process
    /// (`TMPDIR/gradecheck-PID-RANDOM`), removed when the grader exits or is stopped by a signal,
    /// and by the next grader after a SIGKILL.
    private static let compiledFolder: SandboxFolder? = {
        guard let folder = try? SandboxFolder(mode: 0o755) else { return nil }
        SandboxRegistry.removeAtExit(folder)
        return folder
    }()

    /// The real interpreter behind `name` (a shim such as pyenv's needs its own environment,
    /// which the sandbox does not give it) and the folders it reads, asked once with the
    /// caller's environment (`-I`: no user site, no working folder on the path).
    public static func resolveInterpreter(_ name: String) throws -> Interpreter {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let probe = """
            import importlib.util, json, os, sys
            if importlib.util.find_spec("numpy") is None:
                sys.exit("No module named 'numpy'")
            folders = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
                       os.path.dirname(os.path.realpath(sys.executable)), os.path.dirname(sys.executable)] + sys.path
            compiled = None
            if len(sys.argv) == 3:
                try:
                    import py_compile
                    compiled = py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True,
                                                  invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
                except Exception:
                    compiled = None
            print(json.dumps({"executable": sys.executable, "path": [p for p in sys.path if p], "compiled": compiled,
                              "folders": sorted(set(os.path.realpath(f) for f in folders if f and os.path.exists(f)))}))
            """
        process.arguments = [name, "-I", "-c", probe]
        // The adapter compiled once here, by the interpreter that will run it.
        if let script, let folder = compiledFolder {
            process.arguments! += [script.path, folder.url.appendingPathComponent("gradecheck_adapter.pyc").path]
        }
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw AdapterStartupError.spawnFailed(command: name, reason: "\(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Answer: Decodable { var executable: String; var folders: [String]; var path: [String]?; var compiled: String? }
        guard process.terminationStatus == 0, let answer = try? JSONDecoder().decode(Answer.self, from: output), !answer.executable.isEmpty else {
            let why = String(decoding: message, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw AdapterStartupError.spawnFailed(command: name, reason: "\(name) with numpy is needed to grade Python submissions: \(why)")
        }
        // The system folders are in every sandbox already; `/` would make everything visible.
        let folders = answer.folders.filter { $0 != "/" }
        var compiled = answer.compiled
        if let file = compiled {
            // Readable by every sandbox's user, writable by none.
            if chmod(file, 0o644) != 0 { compiled = nil }
        }
        return Interpreter(executable: answer.executable, folders: folders, searchPath: answer.path, compiledScript: compiled)
    }

    /// A minimal environment for student code: no variables of the grader's leak in except
    /// the OpenBLAS core a machine may pin for correctness.
    public static func sandboxEnvironment(home: URL, inherited: [String: String]) -> [String: String] {
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home.path, "TMPDIR": home.path,
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0",
            "PYTHONNOUSERSITE": "1", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        ]
        for key in ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"] { environment[key] = inherited[key] }
        return environment
    }
}

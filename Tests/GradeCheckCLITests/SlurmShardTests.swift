import Foundation
import XCTest
@testable import gradecheck
import Grader

/// The Slurm example grades a class in shards and merges them to exactly the grades of one
/// unsharded run: a one-node Slurm on this machine (`Tests/Support/slurm-local.sh`) runs
/// `examples/slurm/submit.sh` over six example submissions (one folder per student) in 3 shards,
/// and the merged `grades.csv` equals `gradecheck grade-class`'s byte for byte.
///
/// Skipped, with the helper's reason, where Slurm cannot start here (not root, `slurm-wlm` or
/// `munge` missing: `scripts/bootstrap` installs them, as CI does); a cluster that should start and
/// does not is a failure.
final class SlurmShardTests: XCTestCase {
    static let root = ExampleSubmissionTests.root
    static let helper = root.appendingPathComponent("Tests/Support/slurm-local.sh")
    static let submit = root.appendingPathComponent("examples/slurm/submit.sh")
    /// A part of the catalog, the same in both runs: what is compared does not depend on which.
    static let subset = ["--only", "layers.affine.*", "--only", "optim.sgd_momentum.*"]
    /// Scores from full marks to none, two profiles.
    static let students = ["accepted-relu-grad-at-zero", "blank-2019", "correct", "correct-2017", "missing-starter-stubs", "wrong-dw-transposed"]
    static let shards = 3

    struct Finished {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }
    }

    /// Runs a program to its end (killed after `timeout` seconds), its output collected in files
    /// (no pipe to fill).
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120) throws -> Finished {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-slurm-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdout = folder.appendingPathComponent("stdout"), stderr = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            XCTFail("\(arguments.joined(separator: " ")) still ran after \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return Finished(status: process.terminationStatus,
                        stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
                        stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }

    /// The students of a grades.csv: its first column, header left out.
    func students(in csv: URL) throws -> [String] {
        try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { line in String(line.prefix { $0 != "," }) }
    }

    /// Every job log of a class output, for a failure message.
    func logs(_ out: URL) -> String {
        let folder = out.appendingPathComponent("logs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.map { "--- \($0)\n" + ((try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "") }
            .joined(separator: "\n")
    }

    func testShardedOnSlurmMergesToTheUnshardedGrades() throws {
        let binary = try XCTUnwrap(GraderPaths.gradecheckBinary, "the gradecheck binary is built beside the tests")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gradecheck-slurm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let state = work.appendingPathComponent("slurm")
        let started = try run([Self.helper.path, "start", state.path], timeout: 90)
        if started.status == 77 { throw XCTSkip(started.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) }
        defer { _ = try? run([Self.helper.path, "stop", state.path], timeout: 60) }
        guard started.status == 0 else { return XCTFail("the local Slurm did not start (exit \(started.status)):\n\(started.output)") }
        let slurm = ["SLURM_CONF": state.appendingPathComponent("slurm.conf").path]

        let classRoot = work.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: classRoot, withIntermediateDirectories: true)
        for student in Self.students {
            try FileManager.default.copyItem(at: ExampleSubmissionTests.examples.appendingPathComponent(student),
                                             to: classRoot.appendingPathComponent(student))
        }

        // One core per shard, so the node's cores run shards side by side.
        let out = work.appendingPathComponent("sharded")
        let submitted = try run([Self.submit.path, classRoot.path, out.path, "\(Self.shards)", binary.path, "--cpus-per-task=1", "--"] + Self.subset,
                                environment: slurm)
        XCTAssertEqual(submitted.status, 0, submitted.output)
        let ids = submitted.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        guard ids.count == 2 else { return XCTFail("submit.sh printed no ARRAY MERGE job ids: \(submitted.output)") }

        let merge = try run([Self.helper.path, "wait", state.path, ids[1], "900"], timeout: 960)
        let array = try run([Self.helper.path, "wait", state.path, ids[0], "10"], timeout: 60)
        XCTAssertEqual(array.status, 0, "grading array: \(array.output)\n\(logs(out))")
        XCTAssertEqual(array.stdout.split(separator: "\n").filter { $0.contains(" COMPLETED ") }.count, Self.shards, array.output)
        XCTAssertEqual(merge.status, 0, "merge: \(merge.output)\n\(logs(out))")
        guard merge.status == 0 else { return }

        // Each student graded in exactly one shard.
        var graded: [String] = []
        for shard in 1...Self.shards {
            graded += try students(in: out.appendingPathComponent("shards/\(shard)/grades.csv"))
        }
        XCTAssertEqual(graded.sorted(), Self.students, "students per shard")

        let unsharded = work.appendingPathComponent("unsharded")
        let whole = try run([binary.path, "grade-class", classRoot.path, "--out", unsharded.path] + Self.subset, timeout: 900)
        XCTAssertEqual(whole.status, 0, whole.output)
        let merged = try Data(contentsOf: out.appendingPathComponent("class/grades.csv"))
        let expected = try Data(contentsOf: unsharded.appendingPathComponent("grades.csv"))
        XCTAssertEqual(try students(in: unsharded.appendingPathComponent("grades.csv")), Self.students)
        XCTAssertEqual(merged, expected, "merged:\n\(String(decoding: merged, as: UTF8.self))\nunsharded:\n\(String(decoding: expected, as: UTF8.self))")
    }
}

import ArgumentParser
import Checks
import FixtureRecorder
import Fixtures
import Foundation
import Grading
import Diagnosis
import Datasets
import Mutants
import ReferenceImplementation

/// `gradecheck fixtures record|verify`.
struct FixturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixtures",
        abstract: "Re-record the engine's fixture cases, or verify that the engine reproduces every fixture and golden.",
        subcommands: [Record.self, Verify.self])

    struct Location: ParsableArguments {
        @Option(help: "The fixtures folder (cases/ and goldens/ inside).")
        var fixtures: String = "fixtures"

        var cases: URL { URL(fileURLWithPath: fixtures).appendingPathComponent("cases") }
        var mistakes: URL { cases.appendingPathComponent("mistakes") }
        var goldens: URL { URL(fileURLWithPath: fixtures).appendingPathComponent("goldens/cs231n-goldens.json") }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write fixtures/cases/*.json from the reference engine and the notebooks' goldens (byte-identical on every run).")

        @OptionGroup var location: Location

        func run() throws {
            do {
                let files = try Recorder.record(goldens: location.goldens)
                for (name, cases) in files.sorted(by: { $0.key < $1.key }) {
                    let url = location.cases.appendingPathComponent(name)
                    try FileManager.default.createDirectory(at: location.cases, withIntermediateDirectories: true)
                    let changed = try FixtureFile(cases: cases).write(to: url.path)
                    print("\(changed ? "wrote  " : "same   ") \(url.path) (\(cases.count) cases)")
                }
                // The known mistakes' outputs, read against the cases just written.
                let mistakes = try KnownMistakeFiles.record(cases: location.cases)
                try FileManager.default.createDirectory(at: location.mistakes, withIntermediateDirectories: true)
                var written = 0
                for (name, cases) in mistakes where !cases.isEmpty {
                    if try FixtureFile(cases: cases).write(to: location.mistakes.appendingPathComponent(name).path) { written += 1 }
                }
                // A mutant whose outputs are no longer recorded (or that is gone) leaves no file behind.
                let kept = Set(mistakes.filter { !$0.value.isEmpty }.keys)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: location.mistakes.path)) ?? []
                where name.hasSuffix(".json") && !kept.contains(name) {
                    try FileManager.default.removeItem(at: location.mistakes.appendingPathComponent(name))
                    written += 1
                }
                print("\(written > 0 ? "wrote  " : "same   ") \(location.mistakes.path) (\(mistakes.values.map(\.count).reduce(0, +)) cases for \(mistakes.count) known mistakes)")
            } catch {
                throw ExitCodes.report(error)
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that the engine still reproduces every fixture case and golden, within each case's tolerance.")

        @OptionGroup var location: Location

        func run() throws {
            do {
                let store = try FixtureStore(folder: location.cases.path)
                let fresh = try Recorder.record(goldens: location.goldens).values.flatMap { $0 }
                    + KnownMistakeFiles.record(cases: location.cases).values.flatMap { $0 }
                var problems: [String] = []
                for recorded in fresh {
                    guard let stored = store[recorded.id] else {
                        problems.append("\(recorded.id): missing from \(location.cases.path) (run `gradecheck fixtures record`)")
                        continue
                    }
                    problems += FixtureComparison.differences(stored: stored, engine: recorded)
                }
                for id in store.ids where !fresh.contains(where: { $0.id == id }) {
                    problems.append("\(id): in \(store[id]?.sourceFile ?? "?") but no longer recorded")
                }
                if problems.isEmpty {
                    print("verified \(fresh.count) fixture cases in \(store.files.count) files: the engine reproduces every one")
                } else {
                    problems.forEach { FileHandle.standardError.write(Data("gradecheck: \($0)\n".utf8)) }
                    throw ExitCode(ExitCodes.checksFailed)
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                throw ExitCodes.report(error)
            }
        }
    }
}

/// The known mistakes (the mutant catalog) run against the recorded cases.
enum KnownMistakeFiles {
    static func record(cases: URL) throws -> [String: [FixtureCase]] {
        let store = try FixtureStore(folder: cases.path)
        let digits = try Digits.load()
        let subjects = MutationCatalog.all.map {
            MistakeRecorder.Subject(
                id: $0.id, description: $0.description, deviation: $0.kind == .deviation, sourcePattern: $0.sourcePattern,
                implementation: MutantImplementation($0))
        }
        let checks = Catalog.checks.filter { !$0.id.hasPrefix("solver.") }   // training outputs are not comparable
        return try MistakeRecorder.record(subjects, checks: checks, context: {
            CheckContext(implementation: $0, fixtures: store, trainingData: (digits.train, digits.validation), seed: 0, profile: .everything)
        }, provenance: .recorded(seed: 0, engine: Recorder.engine + " with a known mistake applied", command: Recorder.command))
    }
}

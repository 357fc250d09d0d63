import ArgumentParser
import Checks
import FixtureRecorder
import Fixtures
import Foundation
import Grading
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

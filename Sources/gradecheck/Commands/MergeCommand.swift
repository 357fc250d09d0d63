import ArgumentParser
import Foundation
import Grader

/// `gradecheck merge DIR... --out DIR`: one class output from shard outputs.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Build the class outputs (grades.csv, class.json, index.html, junit.xml, students/) from the outputs of grade-class shards.")

    @Argument(help: "Output folders of `gradecheck grade-class --shard K/N`.")
    var folders: [String]

    @Option(help: "The merged output folder.")
    var out: String

    func validate() throws {
        guard !folders.isEmpty else { throw ValidationError("give at least one shard output folder") }
    }

    func run() throws {
        do {
            let results = try ClassMerge.merge(
                folders.map { URL(fileURLWithPath: $0).standardizedFileURL }, into: URL(fileURLWithPath: out).standardizedFileURL,
                toolVersion: GradeCheck.configuration.version)
            Terminal.write("merged \(folders.count) folders: \(results.students.count) students into \(out)\n")
        } catch {
            throw ExitCodes.report(error)
        }
    }
}

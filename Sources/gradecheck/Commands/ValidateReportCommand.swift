import Grader
import ArgumentParser
import Foundation
import Reports

/// `gradecheck validate-report FILE`: validates a JUnit XML file against the shipped XSDs.
struct ValidateReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-report",
        abstract: "Validate a JUnit XML report against the windyroad (Ant) and Jenkins junit-10 schemas with libxml2.")

    @Argument(help: "The JUnit XML file.")
    var file: String

    @Option(help: "windyroad, junit10, or both.")
    var schema: String = "both"

    func run() throws {
        let schemas: [JUnitSchema]
        switch schema {
        case "windyroad": schemas = [.windyroad]
        case "junit10": schemas = [.junit10]
        case "both": schemas = [.windyroad, .junit10]
        default: throw ExitCodes.report(UsageError(message: "--schema must be windyroad, junit10 or both"))
        }
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ExitCodes.report(UsageError(message: "\(file): no such readable file"))
        }
        var valid = true
        for s in schemas {
            let errors = SchemaValidator.validate(file: URL(fileURLWithPath: file), schema: s)
            if errors.isEmpty {
                print("\(file): valid under \(s.rawValue).xsd")
            } else {
                valid = false
                errors.forEach { FileHandle.standardError.write(Data("\(file): \(s.rawValue): \($0)\n".utf8)) }
            }
        }
        if !valid { throw ExitCode(ExitCodes.checksFailed) }
    }
}

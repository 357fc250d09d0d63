import Grader
import ArgumentParser
import Checks
import Datasets
import Fixtures
import Reports
import Foundation
import NumericCore

/// The tool's exit codes, and the one place that turns an error into a message and a code.
enum ExitCodes {
    static let success: Int32 = 0
    static let checksFailed: Int32 = 1
    static let badInput: Int32 = 2
    static let internalError: Int32 = 3

    /// The one-line message and exit code for `error`.
    static func describe(_ error: Error) -> (message: String, code: Int32) {
        switch error {
        case let error as DatasetError: (error.description, badInput)
        case let error as NumericError: (error.description, badInput)
        case let error as UsageError: (error.message, badInput)
        case let error as ValidationError: (error.message, badInput)
        case let error as FixtureError: (error.description, badInput)
        case let error as FixtureProblem: (error.description, badInput)
        case let .badSetup(text) as GraderFault: (text, badInput)
        case let .unsafeReportFolder(text) as GraderFault: (text, badInput)
        case let .missingData(text) as GraderFault: (text, internalError)
        case let .internalError(text) as GraderFault: ("internal error: \(text)", internalError)
        case let error as CheckDefinitionError: ("internal error: \(error.description)", internalError)
        case let error as ReportWriteError: (error.description, internalError)
        case let error as OutputError: (error.description, internalError)
        default: ("internal error: \(error)", internalError)
        }
    }

    /// Prints `error` as one line on standard error and returns the matching exit code.
    static func report(_ error: Error) -> ExitCode {
        let (message, code) = describe(error)
        let line = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
        FileHandle.standardError.write(Data("gradecheck: \(line)\n".utf8))
        return ExitCode(code)
    }
}

/// A report or output file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): cannot write (\(reason))" }
}

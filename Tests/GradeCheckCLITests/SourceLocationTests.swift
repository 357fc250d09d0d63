import Foundation
import Grading
import Testing
@testable import gradecheck

/// Failed, errored, missing and warned checks name the student's line, relative to the
/// submission root: a deviation at the line that shows it, an error at the line that raised,
/// otherwise the graded function's definition; in a folder holding both assignments, with the
/// assignment's folder in front.
@Suite("Source locations")
struct SourceLocationTests {
    /// The 1-based number of the first line of `file` (in the examples) starting with `prefix`.
    func line(_ file: String, startingWith prefix: String) throws -> Int {
        let text = try String(contentsOf: ExampleSubmissionTests.examples.appendingPathComponent(file), encoding: .utf8)
        return try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }, "\(prefix) in \(file)") + 1
    }

    func location(_ example: String, _ check: String) throws -> Grading.SourceLocation? {
        let (run, out) = try ExampleSubmissionTests.grade(example, extra: ["--only", check])
        try? FileManager.default.removeItem(at: out)
        return try #require(run.results.first { $0.id == check }).location
    }

    @Test func failedAtTheFunction() throws {
        let at = try line("wrong-dw-transposed/cs231n/layers.py", startingWith: "def affine_backward")
        #expect(try location("wrong-dw-transposed", "layers.affine.backward") == .init(file: "cs231n/layers.py", line: at, function: "affine_backward"))
        #expect(try location("correct", "layers.affine.backward") == nil, "a pass has no location")
    }

    @Test func errorAtTheLineThatRaised() throws {
        let found = try #require(try location("wrong-dw-transposed", "nets.two_layer.loss"))
        #expect(found.file == "cs231n/classifiers/fc_net.py" && found.line == 61, "\(found)")
    }

    @Test func deviationAtTheLineThatShowsIt() throws {
        let found = try #require(try location("accepted-relu-grad-at-zero", "layers.relu.backward"))
        let definition = try line("accepted-relu-grad-at-zero/cs231n/layers.py", startingWith: "def relu_backward")
        #expect(found.file == "cs231n/layers.py" && found.line > definition && found.function == "relu_backward", "\(found)")
    }

    @Test func bothAssignmentsPrefixed() throws {
        let one = try #require(try location("blank-2025", "optim.adam.step"))
        let adam = try line("blank-2025/assignment1/cs231n/optim.py", startingWith: "def adam")
        #expect(one.file == "assignment1/cs231n/optim.py" && one.line == adam, "\(one)")
        let two = try #require(try location("blank-2025", "layers.batchnorm.forward_train"))
        #expect(two.file == "assignment2/cs231n/layers.py", "\(two)")
    }
}

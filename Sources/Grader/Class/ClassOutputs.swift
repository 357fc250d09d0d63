import Foundation
import Grading
import Reports

/// The class files of an output folder, rebuilt from its `students/` records: `grades.csv`,
/// `class.json`, `index.html` and `junit.xml`, written as a set (all or none).
public enum ClassOutputs {
    public static let files = ["grades.csv", "class.json", "index.html", "junit.xml"]

    public static func write(_ results: ClassResults, to out: URL) throws {
        try ReportWriter.writeSet([
            (Data(ClassGradesCSV().render(results).utf8), out.appendingPathComponent("grades.csv")),
            (try ClassSummaryJSON().data(results), out.appendingPathComponent("class.json")),
            (ClassDashboard().data(results), out.appendingPathComponent("index.html")),
            (JUnitReport().data(results), out.appendingPathComponent("junit.xml")),
        ])
    }

    /// `out/students`.
    public static func students(_ out: URL) -> URL { out.appendingPathComponent("students") }
}

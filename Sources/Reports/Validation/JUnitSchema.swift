import DataLocation
import Foundation

/// The JUnit XML schemas shipped with the module (verbatim copies; provenance in
/// `Resources/schemas/README.md`).
public enum JUnitSchema: String, Sendable, CaseIterable {
    /// windyroad/JUnit-Schema `JUnit.xsd`: the Ant JUnit/JUnitReport schema, the strict one.
    case windyroad = "windyroad-JUnit-Schema__JUnit"
    /// jenkinsci/xunit-plugin `junit-10.xsd`: what Jenkins' xUnit plugin validates against.
    case junit10 = "jenkinsci-xunit-plugin__junit-10"

    /// The XSD file: installed (`share/gradecheck/schemas/`), beside the build, or in the source tree.
    public var url: URL? {
        try? DataLocation.find(
            "the JUnit schema \(rawValue).xsd", installedPath: "schemas/\(rawValue).xsd", bundle: "Reports",
            bundlePath: "schemas/\(rawValue).xsd",
            sourceResources: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources")
        ).get()
    }
}

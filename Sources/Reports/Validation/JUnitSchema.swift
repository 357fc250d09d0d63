import Foundation

/// The JUnit XML schemas shipped with the module (verbatim copies; provenance in
/// `Resources/schemas/README.md`).
public enum JUnitSchema: String, Sendable, CaseIterable {
    /// windyroad/JUnit-Schema `JUnit.xsd`: the Ant JUnit/JUnitReport schema, the strict one.
    case windyroad = "windyroad-JUnit-Schema__JUnit"
    /// jenkinsci/xunit-plugin `junit-10.xsd`: what Jenkins' xUnit plugin validates against.
    case junit10 = "jenkinsci-xunit-plugin__junit-10"

    /// The XSD file in the module's resource bundle.
    public var url: URL? {
        Bundle.module.url(forResource: rawValue, withExtension: "xsd", subdirectory: "schemas")
    }
}

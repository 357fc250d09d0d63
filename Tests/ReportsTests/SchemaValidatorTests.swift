import Foundation
import Testing

@testable import Reports

/// The validator must be able to say no: each hand-made document breaks one rule of one schema.
@Suite struct SchemaValidatorTests {
    /// A minimal document valid under both schemas, with one testcase's attributes and body swappable.
    static func document(
        testcase: String = #"name="t" classname="gradecheck.g" time="0.123""#, body: String = "",
        root: String = "<testsuites>", suiteTime: String = "0.123"
    ) -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            \(root)
              <testsuite name="g" package="gradecheck" id="0" timestamp="2026-01-01T00:00:00" hostname="localhost" \
            tests="1" failures="0" errors="0" skipped="0" time="\(suiteTime)">
                <properties><property name="seed" value="1"/></properties>
                <testcase \(testcase)>\(body)</testcase>
                <system-out></system-out>
                <system-err></system-err>
              </testsuite>
            </testsuites>
            """.utf8)
    }

    @Test(arguments: JUnitSchema.allCases)
    func acceptsTheMinimalDocument(schema: JUnitSchema) {
        #expect(SchemaValidator.validate(xml: Self.document(), schema: schema) == [])
    }

    @Test func windyroadRequiresClassname() {
        let xml = Self.document(testcase: #"name="t" time="0.123""#)
        let errors = SchemaValidator.validate(xml: xml, schema: .windyroad)
        #expect(errors.contains { $0.contains("classname") && $0.hasPrefix("line ") }, "\(errors)")
        #expect(SchemaValidator.validate(xml: xml, schema: .junit10) == [])
    }

    /// junit-10 checks `testsuite@time` (its `testcase@time` is any string).
    @Test func junit10RejectsFourDecimals() {
        let xml = Self.document(suiteTime: "0.1234")
        let errors = SchemaValidator.validate(xml: xml, schema: .junit10)
        #expect(errors.contains { $0.contains("0.1234") }, "\(errors)")
        #expect(SchemaValidator.validate(xml: xml, schema: .windyroad) == [])
    }

    @Test func windyroadRejectsAttributesOnTestsuites() {
        let xml = Self.document(root: #"<testsuites name="all">"#)
        #expect(SchemaValidator.validate(xml: xml, schema: .windyroad) != [])
        #expect(SchemaValidator.validate(xml: xml, schema: .junit10) == [])
    }

    @Test(arguments: JUnitSchema.allCases)
    func rawEscapeIsMalformed(schema: JUnitSchema) {
        let errors = SchemaValidator.validate(xml: Self.document(body: "<failure type=\"x\">\u{1B}[31m</failure>"), schema: schema)
        #expect(errors.count == 1, "a parse error stops before validation: \(errors)")
        #expect(errors.first?.hasPrefix("line 5:") == true, "\(errors)")
    }

    @Test(arguments: JUnitSchema.allCases)
    func emptyAndTruncatedDocumentsAreMalformed(schema: JUnitSchema) {
        #expect(SchemaValidator.validate(xml: Data(), schema: schema) != [])
        #expect(SchemaValidator.validate(xml: Self.document().dropLast(20), schema: schema) != [])
    }

    @Test func validatesFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gc-validator-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.xml")
        try ReportWriter.write(Self.document(), to: good)
        #expect(SchemaValidator.validate(file: good, schema: .windyroad) == [])
        let missing = directory.appendingPathComponent("missing.xml")
        let errors = SchemaValidator.validate(file: missing, schema: .junit10)
        #expect(errors.count == 1 && errors[0].contains(missing.path), "\(errors)")
    }
}

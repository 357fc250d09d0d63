import Foundation

/// Validates XML against a JUnit schema with libxml2 (`xmlSchemaValidateDoc`).
///
/// The document is parsed without recovery and without network access (`XML_PARSE_NONET`), so a
/// document that is not well-formed XML (a raw ESC, an unescaped `<`) is reported as a parse error.
/// Errors are collected through libxml2's structured-error callbacks on per-call contexts: nothing
/// is printed and no global handler is touched, so concurrent calls are safe.
public enum SchemaValidator {
    /// Every problem found, each a libxml2 message with its line (`line 3: Element 'testcase': ...`);
    /// empty means valid.
    public static func validate(xml: Data, schema: JUnitSchema) -> [String] {
        guard let url = schema.url, let xsd = try? Data(contentsOf: url) else {
            return ["cannot read the \(schema.rawValue).xsd schema from the Reports resource bundle"]
        }
        return xsd.withUnsafeBytes { schemaBytes in
            xml.withUnsafeBytes { documentBytes in
                LibXMLValidation.validate(
                    document: documentBytes, schema: schemaBytes, schemaName: schema.rawValue + ".xsd")
            }
        }
    }

    /// `validate(xml:schema:)` on a file's contents; an unreadable file is one error message.
    public static func validate(file: URL, schema: JUnitSchema) -> [String] {
        do {
            return validate(xml: try Data(contentsOf: file), schema: schema)
        } catch {
            return ["cannot read \(file.path): \(error.localizedDescription)"]
        }
    }
}

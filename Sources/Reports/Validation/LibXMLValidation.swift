// libxml2's headers include the system ICU headers (<unicode/ucnv.h>), whose `UErrorCode` clashes
// with Foundation's bundled `_FoundationICU` whenever one compiler job loads both modules and walks
// every declaration. So: no Foundation in the files that import CLibXML2; the import is internal,
// so clients of Reports never load CLibXML2; and the Reports target builds with
// `-index-ignore-system-modules` (debug builds index system modules, which walks every declaration).
internal import CLibXML2

/// The libxml2 calls behind `SchemaValidator`: compile the XSD, parse the document strictly, validate.
enum LibXMLValidation {
    /// Every error libxml2 reports, or none if `document` is well-formed and valid under `schema`.
    static func validate(document: UnsafeRawBufferPointer, schema: UnsafeRawBufferPointer, schemaName: String)
        -> [String]
    {
        initializeOnce
        let errors = LibXMLErrorCollector()
        return withExtendedLifetime(errors) {
            guard let compiled = parseSchema(schema, errors) else {
                errors.append("cannot compile the \(schemaName) schema")
                return errors.messages
            }
            defer { xmlSchemaFree(compiled) }
            guard let parsed = parseDocument(document, errors) else {
                if errors.messages.isEmpty { errors.append("not well-formed XML") }
                return errors.messages
            }
            defer { xmlFreeDoc(parsed) }
            guard let context = xmlSchemaNewValidCtxt(compiled) else {
                return ["cannot create a libxml2 schema validation context"]
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, LibXMLErrorCollector.callback, errors.opaque)
            let status = xmlSchemaValidateDoc(context, parsed)
            if status != 0, errors.messages.isEmpty {
                errors.append("schema validation failed (libxml2 status \(status))")
            }
            return errors.messages
        }
    }

    /// libxml2 must be initialised once before it is used from several threads.
    private static let initializeOnce: Void = xmlInitParser()

    private static func parseSchema(_ xsd: UnsafeRawBufferPointer, _ errors: LibXMLErrorCollector) -> xmlSchemaPtr? {
        guard let base = xsd.baseAddress?.assumingMemoryBound(to: CChar.self), xsd.count < Int(Int32.max),
            let context = xmlSchemaNewMemParserCtxt(base, Int32(xsd.count))
        else { return nil }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(context, LibXMLErrorCollector.callback, errors.opaque)
        return xmlSchemaParse(context)
    }

    /// Parses strictly (no recovery, no network). Parse errors reach `errors` through the parser
    /// context's own SAX structured-error handler: libxml2 passes it the parser context, whose
    /// `_private` field points at the collector.
    private static func parseDocument(_ xml: UnsafeRawBufferPointer, _ errors: LibXMLErrorCollector) -> xmlDocPtr? {
        guard let base = xml.baseAddress?.assumingMemoryBound(to: CChar.self), !xml.isEmpty else {
            errors.append("empty document: not well-formed XML")
            return nil
        }
        guard xml.count < Int(Int32.max) else {
            errors.append("document too large to validate (\(xml.count) bytes)")
            return nil
        }
        guard let context = xmlNewParserCtxt() else {
            errors.append("cannot create a libxml2 parser context")
            return nil
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee._private = errors.opaque
        context.pointee.sax.pointee.serror = { parser, error in
            guard let parser, let error,
                let collector = parser.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private
            else { return }
            Unmanaged<LibXMLErrorCollector>.fromOpaque(collector).takeUnretainedValue().append(error.pointee)
        }
        return xmlCtxtReadMemory(context, base, Int32(xml.count), "report.xml", nil, Int32(XML_PARSE_NONET.rawValue))
    }
}

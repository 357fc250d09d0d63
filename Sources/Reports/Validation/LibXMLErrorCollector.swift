internal import CLibXML2

/// Collects libxml2's structured errors as `line N: message` strings.
///
/// libxml2 calls a C function with an opaque context pointer; the pointer is an unretained
/// reference to an instance of this class, alive for the whole parse or validation (the caller
/// keeps it in a local and uses `withExtendedLifetime`).
final class LibXMLErrorCollector {
    private(set) var messages: [String] = []

    /// The C callback to register with libxml2, with `opaque` as its context.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<LibXMLErrorCollector>.fromOpaque(context).takeUnretainedValue().append(error.pointee)
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func append(_ error: xmlError) {
        var text = error.message.map { String(cString: $0) } ?? "unknown libxml2 error \(error.code)"
        while let last = text.last, last.isWhitespace { text.removeLast() }
        messages.append(error.line > 0 ? "line \(error.line): \(text)" : text)
    }

    func append(_ message: String) { messages.append(message) }
}

/// A value decoded from a Python pickle, as a plain Swift value tree.
///
/// Python 2 `str` and Python 3 `bytes` / `bytearray` are `.bytes`; Python 2 `unicode` and
/// Python 3 `str` are `.string`. numpy arrays and dtypes are recognised and decoded
/// (`.array`, `.dtype`); any other object is kept as the call that built it (`.object`).
public indirect enum PickleValue: Sendable, Equatable {
    case none
    case bool(Bool)
    /// Any Python int that fits in 64 bits (larger ones are rejected by the reader).
    case int(Int)
    case float(Double)
    case bytes([UInt8])
    case string(String)
    case list([PickleValue])
    case tuple([PickleValue])
    /// A dict, entries in pickle order (keys may be `.bytes`, as in Python 2 pickles, or `.string`).
    case dict([Entry])
    case array(NumpyArray)
    case dtype(NumpyDType)
    /// A class or function reference (GLOBAL / STACK_GLOBAL) that was not called.
    case global(module: String, name: String)
    /// Any other object: `module.name(*arguments)` (REDUCE / NEWOBJ), then BUILD with `state`.
    case object(PickleObject)

    /// One key-value pair of a dict.
    public struct Entry: Sendable, Equatable {
        public var key: PickleValue
        public var value: PickleValue

        public init(key: PickleValue, value: PickleValue) {
            self.key = key
            self.value = value
        }
    }
}

/// An object the reader does not interpret: the callable, its arguments, the BUILD state.
public struct PickleObject: Sendable, Equatable {
    public var module: String
    public var name: String
    public var arguments: [PickleValue]
    public var state: PickleValue?

    public init(module: String, name: String, arguments: [PickleValue], state: PickleValue? = nil) {
        self.module = module
        self.name = name
        self.arguments = arguments
        self.state = state
    }
}

extension PickleValue {
    /// Dict lookup by a text key, matching both `b'key'` (Python 2) and `'key'` (Python 3);
    /// `nil` when this is not a dict or the key is absent.
    public subscript(key: String) -> PickleValue? {
        guard case let .dict(entries) = self else { return nil }
        let utf8 = Array(key.utf8)
        for entry in entries {
            switch entry.key {
            case let .string(s) where s == key: return entry.value
            case let .bytes(b) where b == utf8: return entry.value
            default: continue
            }
        }
        return nil
    }

    /// The integer of `.int` (or `.bool`, as Python treats it), else `nil`.
    public var intValue: Int? {
        switch self {
        case let .int(v): return v
        case let .bool(b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The text of `.string`, or of `.bytes` read as UTF-8 (latin-1 when not valid UTF-8,
    /// which is how Python 3 reads Python 2 byte strings with `encoding='latin1'`).
    public var textValue: String? {
        switch self {
        case let .string(s): return s
        case let .bytes(b):
            if let s = String(validating: b, as: UTF8.self) { return s }
            return String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))
        default: return nil
        }
    }

    /// The elements of a `.list` or `.tuple`, else `nil`.
    public var elements: [PickleValue]? {
        switch self {
        case let .list(items), let .tuple(items): return items
        default: return nil
        }
    }

    /// A short name of the value's kind for messages: "dict", "list", "numpy array", ...
    public var kindName: String {
        switch self {
        case .none: return "None"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .bytes: return "bytes"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case let .array(a): return "numpy array \(a.dtype) \(shapeText(a.shape))"
        case .dtype: return "numpy dtype"
        case let .global(module, name): return messageSnippet(module + "." + name)
        case let .object(o): return messageSnippet(o.module + "." + o.name) + " object"
        }
    }
}

/// `text` as it may appear in a one-line message: control characters escaped (`\n`, `\u{1B}`)
/// and at most `limit` characters, then `...` (a pickle's names and operands are untrusted).
func messageSnippet(_ text: String, limit: Int = 120) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
        guard count < limit else { return out + "..." }
        out += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        count += 1
    }
    return out
}

/// numpy's spelling of a shape: `(3, 4)`, `(5,)`, `()`.
func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

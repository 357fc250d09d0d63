import NumericCore

/// Reading an operation's arguments, for implementations (the reference adapter, test doubles).
public struct Arguments: Sendable {
    public let operation: Operation
    public let values: [String: Value]

    public init(_ operation: Operation, _ values: [String: Value]) {
        self.operation = operation
        self.values = values
    }

    private func missing(_ key: String, _ expected: String) -> ImplementationError {
        .malformedReply(operation: operation.rawValue, detail: "argument '\(key)' is not \(expected)")
    }

    public func array(_ key: String) throws(ImplementationError) -> Tensor<Double> {
        guard case let .array(a) = values[key] else { throw missing(key, "an array") }
        return a
    }

    public func handle(_ key: String) throws(ImplementationError) -> Handle {
        guard case let .handle(h) = values[key] else { throw missing(key, "a handle") }
        return h
    }

    public func labels(_ key: String) throws(ImplementationError) -> [Int] {
        guard case let .list(items) = values[key] else { throw missing(key, "a list of labels") }
        var out: [Int] = []
        for item in items {
            guard case let .integer(i) = item else { throw missing(key, "a list of integer labels") }
            out.append(i)
        }
        return out
    }

    public func optionalLabels(_ key: String) throws(ImplementationError) -> [Int]? {
        if values[key] == nil || values[key] == Value.none { return nil }
        return try labels(key)
    }

    public func dict(_ key: String) throws(ImplementationError) -> [String: Value] {
        guard case let .dict(d) = values[key] else { throw missing(key, "a dict") }
        return d
    }

    public func string(_ key: String) throws(ImplementationError) -> String {
        guard case let .string(s) = values[key] else { throw missing(key, "a string") }
        return s
    }

    public func number(_ key: String) throws(ImplementationError) -> Double {
        switch values[key] {
        case let .number(x): return x
        case let .integer(i): return Double(i)
        default: throw missing(key, "a number")
        }
    }

    public func optionalNumber(_ key: String) throws(ImplementationError) -> Double? {
        if values[key] == nil || values[key] == Value.none { return nil }
        return try number(key)
    }

    public func integer(_ key: String) throws(ImplementationError) -> Int {
        guard case let .integer(i) = values[key] else { throw missing(key, "an integer") }
        return i
    }
}

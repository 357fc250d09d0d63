import NumericCore

/// Reads an operation's named results, turning a missing or ill-typed entry into
/// `ImplementationError.malformedReply` that says what was expected and what came back.
public struct Reply: Sendable {
    public let operation: Operation
    public let values: [String: Value]

    public init(_ operation: Operation, _ values: [String: Value]) {
        self.operation = operation
        self.values = values
    }

    private func value(_ key: String) throws(ImplementationError) -> Value {
        guard let v = values[key] else {
            throw .malformedReply(operation: operation.rawValue, detail: "no '\(key)' (got \(values.keys.sorted().joined(separator: ", ")))")
        }
        return v
    }

    public func array(_ key: String) throws(ImplementationError) -> Tensor<Double> {
        let v = try value(key)
        guard case let .array(a) = v else {
            throw .malformedReply(operation: operation.rawValue, detail: "\(v.kind) for '\(key)' where an array was expected")
        }
        return a
    }

    public func number(_ key: String) throws(ImplementationError) -> Double {
        switch try value(key) {
        case let .number(x): return x
        case let .integer(i): return Double(i)
        case let .array(a) where a.count == 1: return a.scalars[0]
        case let v: throw .malformedReply(operation: operation.rawValue, detail: "\(v.kind) for '\(key)' where a number was expected")
        }
    }

    public func handle(_ key: String) throws(ImplementationError) -> Handle {
        let v = try value(key)
        guard case let .handle(h) = v else {
            throw .malformedReply(operation: operation.rawValue, detail: "\(v.kind) for '\(key)' where a cache/model handle was expected")
        }
        return h
    }

    public func dict(_ key: String) throws(ImplementationError) -> [String: Value] {
        let v = try value(key)
        guard case let .dict(d) = v else {
            throw .malformedReply(operation: operation.rawValue, detail: "\(v.kind) for '\(key)' where a dict was expected")
        }
        return d
    }

    /// A dict of arrays (parameters, gradients).
    public func arrays(_ key: String) throws(ImplementationError) -> [String: Tensor<Double>] {
        var out: [String: Tensor<Double>] = [:]
        for (name, v) in try dict(key) {
            guard case let .array(a) = v else {
                throw .malformedReply(operation: operation.rawValue, detail: "\(v.kind) for '\(key)[\(name)]' where an array was expected")
            }
            out[name] = a
        }
        return out
    }

    public func numbers(_ key: String) throws(ImplementationError) -> [Double] {
        let v = try value(key)
        switch v {
        case let .list(items):
            var out: [Double] = []
            for item in items {
                switch item {
                case let .number(x): out.append(x)
                case let .integer(i): out.append(Double(i))
                default: throw .malformedReply(operation: operation.rawValue, detail: "a \(item.kind) inside '\(key)' where numbers were expected")
                }
            }
            return out
        case let .array(a): return a.scalars
        default: throw .malformedReply(operation: operation.rawValue, detail: "\(v.kind) for '\(key)' where a list of numbers was expected")
        }
    }
}

extension AssignmentImplementation {
    /// Calls `operation` if supported (else `notImplemented`) and wraps the results.
    public func perform(_ operation: Operation, _ arguments: [String: Value]) throws(ImplementationError) -> Reply {
        guard supportedOperations.contains(operation) else {
            throw unavailability(of: operation) ?? .notImplemented(operation: operation.rawValue, detail: "not provided by \(name)")
        }
        return Reply(operation, try call(operation, arguments))
    }
}

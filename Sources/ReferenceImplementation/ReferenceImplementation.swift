import Engine
import Implementation
import NumericCore

/// The Swift reference engine behind the `AssignmentImplementation` interface, in-process.
/// Caches, models and optimizer states live in a table behind handles, as they would inside a
/// student's Python process.
public final class ReferenceImplementation: AssignmentImplementation {
    public let name = "swift-reference"
    public var supportedOperations: Set<Operation> { Set(Operation.allCases) }

    var objects: [Int: Any] = [:]
    private var nextHandle = 1
    /// The stream of dropout masks when no seed is given.
    var dropoutRandomSource = RandomSource(seed: 0)

    public init() {}

    func store(_ object: Any) -> Value {
        let h = nextHandle
        nextHandle += 1
        objects[h] = object
        return .handle(Handle(h))
    }

    func fetch<T>(_ arguments: Arguments, _ key: String, as: T.Type) throws(ImplementationError) -> T {
        let h = try arguments.handle(key)
        guard let object = objects[h.id] as? T else {
            throw .raised(type: "KeyError", message: "\(h) is not a \(T.self)", location: nil)
        }
        return object
    }

    public func call(_ operation: Operation, _ values: [String: Value]) throws(ImplementationError) -> [String: Value] {
        let a = Arguments(operation, values)
        do {
            return try dispatch(operation, a)
        } catch let error as ImplementationError {
            throw error
        } catch let error as NumericError {
            throw .raised(type: "ValueError", message: error.description, location: nil)
        } catch {
            throw .raised(type: "Error", message: "\(error)", location: nil)
        }
    }
}

/// The size checks of `PickleLimits` made while reading; each breach is one line that names the
/// cap, its value and (through `malformed`) the file, byte offset and opcode.
extension PickleReader {
    /// Refuses an input of `size` bytes above `limits.maximumInputBytes`, before it is read.
    static func checkInputSize(_ size: Int, path: String, limits: PickleLimits) throws(DatasetError) {
        guard size <= limits.maximumInputBytes else {
            throw .unexpectedContent(
                path: path,
                message: "a pickle of \(size) bytes, more than \(limits.maximumInputBytes) (PickleLimits.maximumInputBytes)")
        }
    }

    /// Refuses to copy a single operand of `count` bytes above `limits.maximumAllocationBytes`.
    func checkAllocation(_ count: Int) throws(DatasetError) {
        guard count <= limits.maximumAllocationBytes else {
            throw malformed("an operand of \(count) bytes, more than \(limits.maximumAllocationBytes) (PickleLimits.maximumAllocationBytes)")
        }
    }

    /// Counts `count` more elements built against `limits.maximumElements`.
    mutating func chargeElements(_ count: Int) throws(DatasetError) {
        guard count <= limits.maximumElements - builtElements else {
            throw malformed("more than \(limits.maximumElements) elements built (PickleLimits.maximumElements)")
        }
        builtElements += count
    }

    /// Counts `count` more bytes of str and bytes values built against `limits.maximumDecodedBytes`.
    mutating func chargeBytes(_ count: Int) throws(DatasetError) {
        guard count <= limits.maximumDecodedBytes - builtBytes else {
            throw malformed("more than \(limits.maximumDecodedBytes) bytes of str and bytes data built (PickleLimits.maximumDecodedBytes)")
        }
        builtBytes += count
    }
}

/// `--shard K/N`: shard K (from 1) of N takes the students whose id hashes to K - 1 modulo N
/// (FNV-1a of the id's UTF-8 bytes), so adding a student moves no one else.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// `3/8`; K from 1 to N.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else {
            throw UsageError(message: "--shard must be K/N with 1 <= K <= N (e.g. 2/8), got '\(text)'")
        }
        index = k
        count = n
    }

    public var description: String { "\(index)/\(count)" }

    public func contains(_ student: String) -> Bool {
        var hash = ContentHash()
        var id = student
        id.withUTF8 { hash.add(UnsafeRawBufferPointer($0)) }
        return Int(hash.state % UInt64(count)) == index - 1
    }
}

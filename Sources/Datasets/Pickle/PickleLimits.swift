/// Caps on what one pickle may make `PickleReader` do, so that a hostile or corrupt file costs
/// bounded memory and time and ends in a one-line `DatasetError` instead of a crash or a hang.
///
/// The defaults are far above what a CIFAR-10 python batch needs: a batch is a 31 MB file that
/// decodes to one uint8 array of 10,000 x 3,072 bytes, 10,000 labels, 10,000 file names and a few
/// dict entries, about 40,000 elements nested 2 levels deep with 10,000 memo entries. Each cap's
/// message names it: `... (PickleLimits.maximumDepth)`.
///
/// Sizes are counted twice: as built (what the reader holds in memory) and as expanded (what a
/// consumer walking the decoded value sees). An object stored once in the memo and referenced n
/// times (`BINGET`, `DUP`) is built once but counted n times when expanded, so a pickle whose
/// levels each reference the previous level twice (2^n elements from 3n opcodes) is refused at
/// STOP after work proportional to its length.
public struct PickleLimits: Sendable, Equatable {
    /// Deepest nesting of containers (tuple, list, dict, object arguments and state), and most
    /// MARKs open at once: a list of ints is 1 level, a list of lists 2. Default 1,000.
    public var maximumDepth: Int
    /// Most distinct memo keys (PUT, BINPUT, LONG_BINPUT, MEMOIZE). Default 1,000,000.
    public var maximumMemoEntries: Int
    /// Largest pickle, in bytes of input. Default 512 MiB (536,870,912).
    public var maximumInputBytes: Int
    /// Most elements, counted three ways: values built (each node and each reference a container
    /// holds), values on the stack at once, and the elements of the decoded value expanded (every
    /// tuple, list, dict, object and leaf, shared ones at each reference). Default 2,000,000.
    public var maximumElements: Int
    /// Most bytes of decoded data (str, bytes and numpy array data), built and expanded.
    /// Default 512 MiB (536,870,912).
    public var maximumDecodedBytes: Int
    /// Largest single string, byte string or text line the reader copies out of the input.
    /// Default 256 MiB (268,435,456).
    public var maximumAllocationBytes: Int

    /// - Parameters:
    ///   - maximumDepth: default 1,000 levels.
    ///   - maximumMemoEntries: default 1,000,000 entries.
    ///   - maximumInputBytes: default 512 MiB.
    ///   - maximumElements: default 2,000,000 elements.
    ///   - maximumDecodedBytes: default 512 MiB.
    ///   - maximumAllocationBytes: default 256 MiB.
    public init(
        maximumDepth: Int = 1_000,
        maximumMemoEntries: Int = 1_000_000,
        maximumInputBytes: Int = 512 << 20,
        maximumElements: Int = 2_000_000,
        maximumDecodedBytes: Int = 512 << 20,
        maximumAllocationBytes: Int = 256 << 20
    ) {
        self.maximumDepth = maximumDepth
        self.maximumMemoEntries = maximumMemoEntries
        self.maximumInputBytes = maximumInputBytes
        self.maximumElements = maximumElements
        self.maximumDecodedBytes = maximumDecodedBytes
        self.maximumAllocationBytes = maximumAllocationBytes
    }

    /// The defaults above.
    public static let `default` = PickleLimits()

    /// The message for nesting past `maximumDepth`.
    var depthMessage: String { "nesting deeper than \(maximumDepth) levels (PickleLimits.maximumDepth)" }
}

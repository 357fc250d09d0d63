/// What a child process printed, capped: the first `headLimit` bytes and the last `tailLimit`
/// bytes are kept, and the bytes dropped in between are counted, so a runaway print loop costs
/// a bounded amount of memory and still shows how it started and how it ended.
struct OutputCapture {
    let headLimit: Int
    let tailLimit: Int
    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    private(set) var dropped = 0

    init(headLimit: Int = 64 * 1024, tailLimit: Int = 64 * 1024) {
        self.headLimit = headLimit
        self.tailLimit = tailLimit
    }

    var isEmpty: Bool { head.isEmpty && tail.isEmpty && dropped == 0 }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes[...]
        if head.count < headLimit {
            let n = min(headLimit - head.count, rest.count)
            head.append(contentsOf: rest.prefix(n))
            rest = rest.dropFirst(n)
        }
        guard !rest.isEmpty else { return }
        if rest.count >= tailLimit {
            dropped += tail.count + rest.count - tailLimit
            tail = Array(rest.suffix(tailLimit))
            return
        }
        let excess = tail.count + rest.count - tailLimit
        if excess > 0 {
            dropped += excess
            tail.removeFirst(excess)
        }
        tail.append(contentsOf: rest)
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Everything kept, as text (invalid UTF-8 shown as U+FFFD), with `[truncated N bytes]`
    /// where bytes were dropped; then starts over.
    mutating func take() -> String {
        let text = String(decoding: head, as: UTF8.self)
            + (dropped > 0 ? "\n[truncated \(dropped) bytes]\n" : "")
            + String(decoding: tail, as: UTF8.self)
        head = []
        tail = []
        dropped = 0
        return text
    }

    /// The last `count` bytes kept, without taking them (for startup error messages).
    func last(_ count: Int) -> String {
        let kept = head + tail
        return String(decoding: kept.suffix(count), as: UTF8.self)
    }
}

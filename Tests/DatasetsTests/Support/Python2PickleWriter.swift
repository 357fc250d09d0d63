/// Writes pickles the way Python 2's cPickle writes the CIFAR-10 python batches (protocol 2):
/// `\x80\x02`, byte strings as SHORT_BINSTRING / BINSTRING, small ints as BININT1 / BININT2,
/// memo puts numbered from 1 (BINPUT, LONG_BINPUT past 255), lists filled in APPENDS batches
/// of 1000, numpy arrays as `numpy.core.multiarray._reconstruct` + BUILD. Also a protocol-0
/// writer (Python 2's `pickle.dump` default) for the meta file.
struct Python2PickleWriter {
    private(set) var bytes: [UInt8] = [0x80, 0x02]
    private var memoCount = 1

    /// A CIFAR-10 batch dict: keys `data`, `labels`, `batch_label`, `filenames`, as in the real files.
    static func cifarBatch(data: [UInt8], labels: [Int], batchLabel: String, filenames: [String]) -> [UInt8] {
        var w = Python2PickleWriter()
        w.op(0x7D); w.put()                       // EMPTY_DICT
        w.op(0x28)                                // MARK
        w.string("data"); w.put()
        w.uint8Array(data, rows: labels.count, columns: data.count / max(labels.count, 1))
        w.string("labels"); w.put()
        w.list(labels.map { value in { (w: inout Python2PickleWriter) in w.int(value) } })
        w.string("batch_label"); w.put()
        w.string(batchLabel); w.put()
        w.string("filenames"); w.put()
        w.list(filenames.map { name in { (w: inout Python2PickleWriter) in w.string(name); w.put() } })
        w.op(0x75)                                // SETITEMS
        w.op(0x2E)                                // STOP
        return w.bytes
    }

    /// `batches.meta` at protocol 2.
    static func cifarMeta(labelNames: [String]) -> [UInt8] {
        var w = Python2PickleWriter()
        w.op(0x7D); w.put(); w.op(0x28)
        w.string("num_cases_per_batch"); w.put(); w.int(10_000)
        w.string("label_names"); w.put()
        w.list(labelNames.map { name in { (w: inout Python2PickleWriter) in w.string(name); w.put() } })
        w.string("num_vis"); w.put(); w.int(3072)
        w.op(0x75); w.op(0x2E)
        return w.bytes
    }

    /// `batches.meta` at protocol 0: `(dp0\nS'label_names'\np1\n(lp2\nS'airplane'\np3\na...s.`
    static func cifarMetaProtocol0(labelNames: [String]) -> [UInt8] {
        var text = "(dp0\nS'num_cases_per_batch'\np1\nI10000\nsS'label_names'\np2\n(lp3\n"
        for (k, name) in labelNames.enumerated() { text += "S'\(name)'\np\(k + 4)\na" }
        text += "sS'num_vis'\np\(labelNames.count + 4)\nI3072\ns."
        return Array(text.utf8)
    }

    mutating func op(_ code: UInt8) { bytes.append(code) }

    mutating func put() {
        if memoCount < 256 {
            bytes += [0x71, UInt8(memoCount)]
        } else {
            bytes.append(0x72)
            bytes += littleEndian(UInt32(memoCount))
        }
        memoCount += 1
    }

    /// cPickle's `save_int`: BININT1, BININT2 or BININT.
    mutating func int(_ value: Int) {
        if (0..<256).contains(value) {
            bytes += [0x4B, UInt8(value)]
        } else if (0..<65_536).contains(value) {
            bytes += [0x4D, UInt8(value & 0xFF), UInt8(value >> 8)]
        } else {
            bytes.append(0x4A)
            bytes += littleEndian(UInt32(truncatingIfNeeded: value))
        }
    }

    /// A Python 2 byte string: SHORT_BINSTRING below 256 bytes, else BINSTRING.
    mutating func string(_ text: String) { byteString(Array(text.utf8)) }

    mutating func byteString(_ raw: [UInt8]) {
        if raw.count < 256 {
            bytes += [0x55, UInt8(raw.count)]
        } else {
            bytes.append(0x54)
            bytes += littleEndian(UInt32(raw.count))
        }
        bytes += raw
    }

    mutating func global(_ module: String, _ name: String) {
        bytes.append(0x63)
        bytes += Array("\(module)\n\(name)\n".utf8)
    }

    /// A list, items written by `items`: MARK ... APPENDS per 1000, APPEND for a batch of one.
    mutating func list(_ items: [(inout Python2PickleWriter) -> Void]) {
        op(0x5D); put()
        var start = 0
        while start < items.count {
            let batch = items[start..<min(start + 1000, items.count)]
            if batch.count == 1 {
                batch.first!(&self)
                op(0x61)
            } else {
                op(0x28)
                for item in batch { item(&self) }
                op(0x65)
            }
            start += batch.count
        }
    }

    /// `numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), 'b')` + BUILD
    /// `(1, (rows, columns), dtype('u1'), False, raw)`; the dtype is `numpy.dtype('u1', 0, 1)` +
    /// BUILD `(3, '|', None, None, None, -1, -1, 0)`.
    mutating func uint8Array(_ raw: [UInt8], rows: Int, columns: Int) {
        global("numpy.core.multiarray", "_reconstruct"); put()
        global("numpy", "ndarray"); put()
        int(0); op(0x85)                          // (0,)
        byteString([0x62]); op(0x87); op(0x52); put()  // 'b', TUPLE3, REDUCE
        op(0x28)
        int(1)
        int(rows); int(columns); op(0x86)
        global("numpy", "dtype"); put()
        string("u1"); int(0); int(1); op(0x87); op(0x52); put()
        op(0x28); int(3); string("|"); op(0x4E); op(0x4E); op(0x4E)
        bytes.append(0x4A); bytes += littleEndian(UInt32.max)
        bytes.append(0x4A); bytes += littleEndian(UInt32.max)
        int(0); op(0x74); op(0x62)                // TUPLE, BUILD
        op(0x89)                                  // NEWFALSE
        byteString(raw)
        op(0x74); op(0x62)                        // TUPLE, BUILD
    }

    private func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}

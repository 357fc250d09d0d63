import CZlib

/// gunzip through zlib's `inflate` (window bits 15 + 32: a gzip or zlib header, detected).
enum Gzip {
    /// The decompressed bytes of the gzip stream `input`, read from `path` (for messages).
    /// Throws `gzipFailure` for a corrupt stream or one that ends before its trailer.
    static func decompress(_ input: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .gzipFailure(path: path, message: "zlib inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var status = Z_OK
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    status = inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
            } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
            stream.next_in = nil
        }
        guard status == Z_STREAM_END else {
            let reason = status == Z_OK || status == Z_BUF_ERROR
                ? "the stream ends before its end marker (truncated)"
                : (stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
            throw .gzipFailure(path: path, message: reason)
        }
        return output
    }
}

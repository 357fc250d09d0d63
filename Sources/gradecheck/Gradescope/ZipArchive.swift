import Grader
import CZlib
import Foundation

/// A zip archive written in memory (PKWARE APPNOTE 6.3: local headers, central directory, end
/// record; no Zip64, so at most 65,535 entries and 4 GiB - 1 per entry and in all). Entries are
/// deflated by zlib (raw deflate, level 6) unless that does not make them smaller, then stored.
/// Names are UTF-8 (flag bit 11) and Unix permissions are kept ("made by" Unix, mode in the
/// external attributes), so `unzip` and Gradescope restore executable bits. Every entry carries
/// the same time, 1980-01-01 00:00 (DOS time 0), so the same input gives the same bytes.
struct ZipArchive {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private(set) var count = 0

    /// Appends a file named `name` (a relative path, `/`-separated) with Unix permissions `mode`.
    mutating func add(_ name: String, _ data: [UInt8], mode: UInt16 = 0o644) throws {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains(".."), name.utf8.count <= 0xFFFF else {
            throw Failure(description: "zip entry name '\(name)' is not a relative path")
        }
        guard count < 0xFFFF, data.count < 0xFFFF_FFFF, bytes.count < 0xFFFF_FFFF else {
            throw Failure(description: "\(name): the archive would need Zip64 (over 65,535 entries or 4 GiB)")
        }
        let deflated = try Self.deflate(data)
        let stored = deflated.count >= data.count
        let body = stored ? data : deflated
        let crc = Self.crc32(data)
        let offset = UInt32(bytes.count)
        let nameBytes = Array(name.utf8)
        // version needed 2.0, UTF-8 names, method, DOS time 0 and date 1980-01-01, CRC, sizes, name length, no extra.
        var common: [UInt8] = []
        Self.put16(20, &common)
        Self.put16(1 << 11, &common)
        Self.put16(stored ? 0 : 8, &common)
        Self.put16(0, &common)
        Self.put16((0 << 9) | (1 << 5) | 1, &common)
        Self.put32(crc, &common)
        Self.put32(UInt32(body.count), &common)
        Self.put32(UInt32(data.count), &common)
        Self.put16(UInt16(nameBytes.count), &common)
        Self.put16(0, &common)

        Self.put32(0x0403_4B50, &bytes)
        bytes += common + nameBytes + body

        Self.put32(0x0201_4B50, &central)
        Self.put16((3 << 8) | 20, &central)  // made by Unix, spec 2.0
        central += common
        Self.put16(0, &central)  // comment length
        Self.put16(0, &central)  // disk number
        Self.put16(0, &central)  // internal attributes
        Self.put32(UInt32(0o100000 | UInt32(mode & 0o7777)) << 16, &central)  // regular file + permissions
        Self.put32(offset, &central)
        central += nameBytes
        count += 1
    }

    /// The whole archive: the entries, the central directory and the end record.
    func finished() throws -> [UInt8] {
        guard bytes.count + central.count < 0xFFFF_FFFF else { throw Failure(description: "the archive would need Zip64 (over 4 GiB)") }
        var out = bytes + central
        Self.put32(0x0605_4B50, &out)
        Self.put16(0, &out)
        Self.put16(0, &out)
        Self.put16(UInt16(count), &out)
        Self.put16(UInt16(count), &out)
        Self.put32(UInt32(central.count), &out)
        Self.put32(UInt32(bytes.count), &out)
        Self.put16(0, &out)
        return out
    }

    static func put16(_ value: UInt16, _ out: inout [UInt8]) {
        out += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    static func put32(_ value: UInt32, _ out: inout [UInt8]) {
        out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }

    /// zlib's CRC-32 (the zip one: polynomial 0xEDB88320, reflected, initial and final XOR ~0).
    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: uLong = CZlib.crc32(0, nil, 0)
        data.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let length = min(buffer.count - start, 1 << 30)
                crc = CZlib.crc32(crc, buffer.baseAddress! + start, uInt(length))
                start += length
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// Raw deflate (window bits -15: no zlib header or trailer, as zip method 8 wants).
    static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "zlib deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))))
        let status = data.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(description: "zlib deflate failed (\(status))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}

import Testing
@testable import Datasets

@Suite struct GzipTests {
    /// gzip of "hello\n" (as `printf 'hello\n' | gzip -n`).
    static let hello: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0xE7,
        0x02, 0x00, 0x20, 0x30, 0x3A, 0x36, 0x06, 0x00, 0x00, 0x00,
    ]

    @Test func decompresses() throws {
        #expect(try Gzip.decompress(Self.hello, path: "hello.gz") == Array("hello\n".utf8))
    }

    @Test func truncatedStreamThrowsNamingTheFile() {
        #expect {
            try Gzip.decompress(Array(Self.hello.prefix(15)), path: "/data/hello.gz")
        } throws: { error in
            guard let error = error as? DatasetError, case .gzipFailure = error else { return false }
            return error.description.hasPrefix("/data/hello.gz: ")
        }
    }

    @Test func corruptStreamThrows() {
        #expect(throws: DatasetError.self) { try Gzip.decompress([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF], path: "x.gz") }
    }
}

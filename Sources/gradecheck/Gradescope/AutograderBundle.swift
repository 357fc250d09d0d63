import Grader
import Foundation

/// The files of a Gradescope autograder zip: `setup.sh` and `run_autograder` at the root, and the
/// binary and its data laid out as an install (`bin/gradecheck`, `share/gradecheck/...`), so the
/// binary finds its data from its own path once unpacked in `/autograder/source`.
struct AutograderBundle {
    /// The gradecheck executable packed, its bytes.
    let binary: [UInt8]
    /// The data files, by their path under `share/gradecheck` (`DataLayout.files()`).
    let data: [(path: String, url: URL)]
    let version: String
    /// The arguments run_autograder passes to `gradecheck grade` besides the submission and the reports.
    let arguments: [String]

    /// The archive's bytes, and how many entries it has.
    func archive() throws -> (bytes: [UInt8], entries: Int) {
        var zip = ZipArchive()
        try zip.add("setup.sh", Array(AutograderScripts.setup(version: version).utf8), mode: 0o755)
        try zip.add("run_autograder", Array(AutograderScripts.runAutograder(version: version, arguments: arguments).utf8), mode: 0o755)
        try zip.add("bin/gradecheck", binary, mode: 0o755)
        for file in data {
            let executable = FileManager.default.isExecutableFile(atPath: file.url.path)
            try zip.add("share/gradecheck/" + file.path, try Self.read(file.url), mode: executable ? 0o755 : 0o644)
        }
        return (try zip.finished(), zip.count)
    }

    static func read(_ url: URL) throws -> [UInt8] {
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw GraderFault.missingData("cannot read \(url.path) to pack it: \((error as NSError).localizedDescription)")
        }
    }

    /// The newest glibc symbol version the binary asks for (`GLIBC_2.35` -> (2, 35)), from the
    /// version names in its dynamic section; nil when it names none.
    static func glibcNeeded(_ binary: [UInt8]) -> (major: Int, minor: Int)? {
        let marker = Array("GLIBC_2.".utf8)
        var newest: Int?
        var i = 0
        while let found = index(of: marker, in: binary, from: i) {
            var j = found + marker.count, minor = 0, digits = 0
            while j < binary.count, binary[j] >= 0x30, binary[j] <= 0x39, digits < 3 {
                minor = minor * 10 + Int(binary[j] - 0x30)
                j += 1
                digits += 1
            }
            if digits > 0 { newest = max(newest ?? 0, minor) }
            i = j
        }
        return newest.map { (2, $0) }
    }

    /// Whether the binary loads the Swift runtime as a shared library (not the static install).
    static func needsSwiftRuntime(_ binary: [UInt8]) -> Bool {
        index(of: Array("libswiftCore.so".utf8), in: binary, from: 0) != nil
    }

    private static func index(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

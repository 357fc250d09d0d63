import Foundation

/// Gradescope's "Export Submissions" folder: `submission_metadata.yml` maps each
/// `submission_<id>` folder to its submitters. A student is named by their SID, else their
/// email, else their name; a group submission by its members' joined with `+`.
///
/// The metadata is YAML written by Ruby (symbol keys):
///
///     submission_123456:
///       :submitters:
///       - :name: Ada Lovelace
///         :sid: '1815'
///         :email: ada@example.edu
///       :created_at: 2026-11-30 ...
///
/// Only the keys above are read, line by line; anything else is ignored.
struct GradescopeExport {
    static let metadataFile = "submission_metadata.yml"
    /// The student id of each submission folder.
    let students: [String: String]

    /// nil when `folder` holds no metadata file.
    init?(folder: URL) throws {
        let path = folder.appendingPathComponent(Self.metadataFile).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UsageError(message: "\(path): cannot read the Gradescope metadata (not UTF-8 text)")
        }
        students = Self.parse(text)
        if students.isEmpty { throw UsageError(message: "\(path): names no submission_<id> with :submitters:") }
    }

    static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var current: String?
        var people: [[String: String]] = []
        func flush() {
            guard let current, !people.isEmpty else { return }
            result[current] = people.map { $0["sid"].flatMap { $0.isEmpty ? nil : $0 } ?? $0["email"] ?? $0["name"] ?? "unknown" }.joined(separator: "+")
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw)
            if !line.hasPrefix(" "), line.hasSuffix(":"), !line.hasPrefix("#") {
                flush()
                current = String(line.dropLast())
                people = []
                continue
            }
            var body = line.trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("- ") {
                people.append([:])
                body = String(body.dropFirst(2))
            }
            guard body.hasPrefix(":"), !people.isEmpty, let colon = body.dropFirst().firstIndex(of: ":") else { continue }
            let key = String(body[body.index(after: body.startIndex)..<colon])
            guard ["name", "sid", "email"].contains(key) else { continue }
            var value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "'" || q == "\"", value.last == q { value = String(value.dropFirst().dropLast()) }
            people[people.count - 1][key] = value
        }
        flush()
        return result
    }
}

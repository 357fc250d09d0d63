import Fixtures
import Foundation
import NumericCore

/// The course goldens (the notebooks' literal expected arrays), read from the project's copy of
/// the shared reference.
struct GoldenSource {
    let checks: [[String: Any]]
    let path: String

    init(url: URL) throws {
        path = url.path
        guard let data = try? Data(contentsOf: url) else { throw FixtureError.missingFile(path: url.path) }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let checks = root["checks"] as? [[String: Any]]
        else { throw FixtureError.invalidContent(path: url.path, location: "top level", message: "not the goldens JSON (no 'checks')") }
        self.checks = checks
    }

    func check(_ id: String) throws -> [String: Any] {
        guard let c = checks.first(where: { $0["id"] as? String == id }) else {
            throw FixtureError.invalidContent(path: path, location: "checks", message: "no golden '\(id)'")
        }
        return c
    }

    /// `expected[key].value` of golden `id` as a tensor.
    func expected(_ id: String, _ key: String) throws -> Tensor<Double> {
        guard let entry = (try check(id)["expected"] as? [String: Any])?[key] as? [String: Any], let value = entry["value"] else {
            throw FixtureError.invalidContent(path: path, location: "checks", message: "golden '\(id)' has no expected '\(key)'")
        }
        if let rows = value as? [[Double]] { return try Tensor(rows: rows) }
        if let row = value as? [Double] { return Tensor(row) }
        if let number = value as? Double { return Tensor([number]) }
        throw FixtureError.invalidContent(path: path, location: "checks", message: "golden '\(id)' expected '\(key)' is not numeric")
    }

    /// The provenance of golden `id`: its notebook and years.
    func provenance(_ id: String) throws -> Provenance {
        let c = try check(id)
        var years: [String] = []
        if let list = c["years"] as? [String] { years = list } else if let text = c["years"] as? String { years = [text] }
        let notebook = (c["notebook_location"] as? String) ?? (c["notebook"] as? String)
        return .golden(source: "CS231n assignment notebooks, via fixtures/goldens/cs231n-goldens.json (check '\(id)')", years: years, notebook: notebook)
    }
}

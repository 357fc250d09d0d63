import Foundation
import NumericCore

/// The course notebooks' expected values, read from `fixtures/goldens/cs231n-goldens.json`
/// (a copy of the shared reference, with provenance in that folder's README).
enum Goldens {
    nonisolated(unsafe) static let root: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/goldens/cs231n-goldens.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { fatalError("cannot read \(url.path)") }
        return object
    }()

    /// The `expected[key].value` array of the check `id`, as a tensor.
    static func expected(_ id: String, _ key: String) -> Tensor<Double> {
        let checks = root["checks"] as! [[String: Any]]
        let check = checks.first { $0["id"] as? String == id }!
        let entry = (check["expected"] as! [String: Any])[key] as! [String: Any]
        return tensor(entry["value"]!)
    }

    /// A value of `computed_reference_values` (section 7: computed with numpy, not in a notebook).
    static func computed(_ key: String) -> Double {
        let values = root["computed_reference_values"] as! [String: Any]
        return (values[key] as! [String: Any])["value"] as! Double
    }

    private static func tensor(_ value: Any) -> Tensor<Double> {
        if let rows = value as? [[Double]] { return try! Tensor(rows: rows) }
        if let row = value as? [Double] { return Tensor(row) }
        if let number = value as? Double { return Tensor(uncheckedShape: [], scalars: [number]) }
        fatalError("unsupported golden value \(value)")
    }
}

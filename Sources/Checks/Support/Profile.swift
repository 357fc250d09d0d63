/// The assignment's year, which decides conventions (handled by adapters) and which checks apply.
///
/// - 2016, 2017: dropout's `p` is the drop probability, `use_batchnorm`; no layer normalization.
/// - 2018-2020: `p` is the keep probability, `normalization=`; everything applies.
/// - 2021 and later: `dropout_keep_ratio`; TwoLayerNet and svm_loss moved to assignment 1.
public enum Profile: String, Sendable, CaseIterable, Codable {
    case y2016 = "2016", y2017 = "2017", y2018 = "2018", y2019 = "2019", y2020 = "2020"
    case y2021 = "2021", y2022 = "2022", y2023 = "2023", y2024 = "2024", y2025 = "2025", y2026 = "2026"

    public var year: Int { Int(rawValue)! }

    /// Why a check does not apply to this year's assignment, or nil when it does.
    public func exclusion(of check: Check) -> String? {
        if year <= 2017, check.id.hasPrefix("layers.layernorm.") || check.id == "nets.fc.layernorm" {
            return "layer normalization is not part of the \(rawValue) assignment"
        }
        if year >= 2021, check.id.hasPrefix("nets.two_layer.") || check.id.hasPrefix("losses.svm.") {
            return "TwoLayerNet and svm_loss moved to assignment 1 in \(rawValue)"
        }
        return nil
    }

    /// Parses "2018", "2018-20", "spring2019", ... (the first four-digit year), clamped to the
    /// known range.
    public init?(parsing text: String) {
        let runs = text.split(whereSeparator: { !$0.isNumber }).map(String.init)
        guard let digits = runs.first(where: { $0.count == 4 && $0.hasPrefix("20") }), let year = Int(digits) else { return nil }
        let clamped = min(max(year, 2016), 2026)
        self.init(rawValue: String(clamped))
    }
}

/// A picture attached to a check's result, for the HTML report: never part of the verdict or the
/// score. Kept small (every field is capped) because it is written into the results JSON.
///
/// JSON: `{"kind": "curves", ...CurveFigure}` or `{"kind": "difference_map", ...DifferenceMap}`.
public enum CheckFigure: Sendable, Equatable {
    /// Training curves: the implementation's histories against the reference's.
    case curves(CurveFigure)
    /// Where a failing array output differs from the expected one.
    case differenceMap(DifferenceMap)

    /// At most this many figures are kept per check (later ones are dropped).
    public static let maximumPerCheck = 4

    /// Text fields (titles, labels, names) are cut to this many characters.
    public static let maximumTextLength = 200

    static func capped(_ text: String) -> String {
        text.count <= maximumTextLength ? text : String(text.prefix(maximumTextLength - 1)) + "…"
    }
}

extension CheckFigure: Codable {
    private enum Kind: String, Codable {
        case curves
        case differenceMap = "difference_map"
    }

    private enum CodingKeys: String, CodingKey { case kind }

    public init(from decoder: Decoder) throws {
        let kind = try decoder.container(keyedBy: CodingKeys.self).decode(Kind.self, forKey: .kind)
        switch kind {
        case .curves: self = .curves(try CurveFigure(from: decoder))
        case .differenceMap: self = .differenceMap(try DifferenceMap(from: decoder))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .curves(figure):
            try container.encode(Kind.curves, forKey: .kind)
            try figure.encode(to: encoder)
        case let .differenceMap(map):
            try container.encode(Kind.differenceMap, forKey: .kind)
            try map.encode(to: encoder)
        }
    }
}

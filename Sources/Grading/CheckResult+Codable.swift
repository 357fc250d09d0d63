extension CheckResult {
    // Not private: a private CodingKeys in an extension crashes Swift 6.3 under cross-module optimization.
    enum CodingKeys: String, CodingKey {
        case id, group, title, outcome, points, score, message, warnings, missingKind, tolerance, output, duration, hidden, location, figures
    }

    /// Decodes every field as written; `location` and `figures` may be absent (results written before figures
    /// existed), and so may `missingKind`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        group = try c.decode(String.self, forKey: .group)
        title = try c.decode(String.self, forKey: .title)
        outcome = try c.decode(CheckOutcome.self, forKey: .outcome)
        points = try c.decode(Double.self, forKey: .points)
        score = try c.decode(Double.self, forKey: .score)
        message = try c.decode(String.self, forKey: .message)
        warnings = try c.decode([String].self, forKey: .warnings)
        missingKind = try c.decodeIfPresent(MissingKind.self, forKey: .missingKind)
        tolerance = try c.decode(String.self, forKey: .tolerance)
        output = try c.decode(String.self, forKey: .output)
        duration = try c.decode(Double.self, forKey: .duration)
        hidden = try c.decode(Bool.self, forKey: .hidden)
        location = try c.decodeIfPresent(SourceLocation.self, forKey: .location)
        figures = try c.decodeIfPresent([CheckFigure].self, forKey: .figures) ?? []
    }
}

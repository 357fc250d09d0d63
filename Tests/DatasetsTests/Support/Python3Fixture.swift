import Testing

/// The Python 3 batch fixtures by name (so that parameterised tests show names, not base64).
enum Python3Fixture: String, CaseIterable, CustomTestStringConvertible {
    case protocol2, protocol4, protocol5Int64Labels

    var base64: String {
        switch self {
        case .protocol2: return Python3Pickles.batchProtocol2
        case .protocol4: return Python3Pickles.batchProtocol4
        case .protocol5Int64Labels: return Python3Pickles.batchProtocol5Int64Labels
        }
    }

    var testDescription: String { rawValue }
}

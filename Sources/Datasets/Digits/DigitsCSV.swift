/// The text of `digits.csv`: one image a line, 64 integer pixels 0...16 then the label 0...9,
/// comma-separated (blank lines and a trailing CR ignored).
enum DigitsCSV {
    static let pixelCount = 64

    /// Pixels (row-major, one image after another) as float64 0...16, and the labels.
    static func parse(_ text: [UInt8], path: String) throws(DatasetError) -> (pixels: [Double], labels: [Int]) {
        var pixels: [Double] = [], labels: [Int] = []
        pixels.reserveCapacity(Digits.exampleCount * pixelCount)
        labels.reserveCapacity(Digits.exampleCount)
        var fields: [Int] = []
        var lineNumber = 0
        for line in text.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let body = line.last == 0x0D ? line.dropLast() : line
            if body.isEmpty { continue }
            fields.removeAll(keepingCapacity: true)
            for field in body.split(separator: 0x2C, omittingEmptySubsequences: false) {
                guard let value = integer(field) else {
                    throw .unexpectedContent(path: path, message: "line \(lineNumber): '\(String(decoding: field, as: UTF8.self))' is not an integer")
                }
                fields.append(value)
            }
            guard fields.count == pixelCount + 1 else {
                throw .unexpectedContent(path: path, message: "line \(lineNumber): \(fields.count) fields, expected 65 (64 pixels and a label)")
            }
            if let bad = fields[0..<pixelCount].first(where: { !(0...Digits.maximumIntensity).contains($0) }) {
                throw .unexpectedContent(path: path, message: "line \(lineNumber): pixel \(bad) outside 0...16")
            }
            guard (0...9).contains(fields[pixelCount]) else {
                throw .unexpectedContent(path: path, message: "line \(lineNumber): label \(fields[pixelCount]) outside 0...9")
            }
            pixels.append(contentsOf: fields[0..<pixelCount].lazy.map(Double.init))
            labels.append(fields[pixelCount])
        }
        return (pixels, labels)
    }

    /// A non-negative decimal integer of at most 6 digits (surrounding spaces allowed).
    private static func integer(_ field: ArraySlice<UInt8>) -> Int? {
        var digits = field
        while digits.first == 0x20 { digits.removeFirst() }
        while digits.last == 0x20 { digits.removeLast() }
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

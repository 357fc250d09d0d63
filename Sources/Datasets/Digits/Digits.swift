import DataLocation
import Foundation
import NumericCore

/// The UCI "Optical Recognition of Handwritten Digits" test set (E. Alpaydin, C. Kaynak, 1998;
/// CC BY 4.0), as shipped in scikit-learn (`digits.csv.gz`), embedded as a resource: 1797
/// images of 8 x 8 pixels with intensities 0...16 and labels 0...9. A small real data set that
/// is always available, for training out of the box (see `Resources/README.md`).
public enum Digits {
    /// Number of images in the file.
    public static let exampleCount = 1797
    /// Shape of one image: (channels, height, width).
    public static let imageShape = [1, 8, 8]
    /// Largest pixel intensity; `load` divides by it.
    public static let maximumIntensity = 16
    /// Class names "0" ... "9".
    public static let classNames = (0...9).map(String.init)
    /// Attribution to keep with anything derived from the data.
    public static let citation =
        "UCI Optical Recognition of Handwritten Digits, test set (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0), as shipped in scikit-learn"

    /// All 1797 images in file order, unscaled: float64 intensities 0...16, shape (1797, 1, 8, 8),
    /// labels 0...9. Throws when the embedded resource is missing or not as described.
    public static func rawExamples() throws(DatasetError) -> LabeledData<Double> {
        let url: URL
        switch DataLocation.find(
            "the embedded digits data (digits.csv.gz)", installedPath: "digits/digits.csv.gz", bundle: "Datasets", bundlePath: "digits.csv.gz",
            sourceResources: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources")) {
        case let .success(found): url = found
        case let .failure(missing): throw .missingFile(path: missing.places.joined(separator: ", "), what: "the embedded digits data")
        }
        let compressed = try DataFile.read(url, what: "the embedded digits data")
        let csv = try Gzip.decompress(compressed, path: url.path)
        let (pixels, labels) = try DigitsCSV.parse(csv, path: url.path)
        guard labels.count == exampleCount else {
            throw .unexpectedContent(path: url.path, message: "\(labels.count) images, expected \(exampleCount)")
        }
        return try .images(pixels, shape: [labels.count] + imageShape, labels: labels, path: url.path)
    }
}

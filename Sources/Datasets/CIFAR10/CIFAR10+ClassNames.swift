import Foundation

extension CIFAR10 {
    /// The ten class names from `batches.meta` (`label_names`, python format) or
    /// `batches.meta.txt` (one name a line, blank lines ignored, binary format); the standard
    /// names when the file is absent. A meta file that is present must name exactly ten classes.
    public static func classNames(at location: Location) throws(DatasetError) -> [String] {
        let file = location.metaFile
        guard DataFile.isFile(file) else { return defaultClassNames }
        let names: [String]
        switch location.format {
        case .python:
            let meta = try PickleReader.read(contentsOf: file)
            guard let list = meta["label_names"], let items = list.elements else {
                throw .unexpectedContent(path: file.path, message: "expected a dict with a 'label_names' list")
            }
            var decoded: [String] = []
            for item in items {
                guard let name = item.textValue else {
                    throw .unexpectedContent(path: file.path, message: "a label name is a \(item.kindName), expected text")
                }
                decoded.append(name)
            }
            names = decoded
        case .binary:
            let bytes = try DataFile.read(file, what: "the CIFAR-10 class names")
            names = String(decoding: bytes, as: UTF8.self)
                .split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        guard names.count == 10 else {
            throw .unexpectedContent(path: file.path, message: "\(names.count) class names, expected 10")
        }
        return names
    }
}

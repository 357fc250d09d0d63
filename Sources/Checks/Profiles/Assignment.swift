/// The course assignment that holds the exercise. Until 2024 the fully-connected nets are all in
/// assignment 2 (2021-2024 also have affine/ReLU/softmax/SVM and `TwoLayerNet` in assignment 1's
/// `two_layer_net.ipynb`); from 2025 `FullyConnectedNets.ipynb` is in assignment 1 and batch/layer
/// normalization and dropout stay in assignment 2.
public enum Assignment: Int, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case one = 1
    case two = 2

    public static func < (lhs: Assignment, rhs: Assignment) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `assignment 1`.
    public var description: String { "assignment \(rawValue)" }
    /// The folder name the course hands out: `assignment1`.
    public var folderName: String { "assignment\(rawValue)" }
}

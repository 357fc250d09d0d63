import Adapters
import Foundation

/// One student's entry in a class folder: a folder in the course's layout (at any depth) or an
/// archive of one.
public struct ClassEntry: Sendable, Equatable {
    /// The entry's file or folder name in the class folder.
    public let name: String
    /// The student id: the roster's or the Gradescope export's for this entry, else the name
    /// (without an archive's extension).
    public let student: String
    public let url: URL
    public var isArchive: Bool { SafeUnpack.isArchive(name) && !url.hasDirectoryPath }
    /// A remark for the TA (an entry the roster does not list), empty otherwise.
    public var note = ""
}

/// Every entry of a class folder, and the roster's students without one.
public struct ClassListing: Sendable {
    public let entries: [ClassEntry]
    /// Students on the roster with no entry: scored zero as `no_submission`.
    public let absent: [String]
}

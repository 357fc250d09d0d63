/// One student of a class run: how their entry ended and, when it was graded, the run.
public struct StudentGrade: Sendable, Codable, Equatable {
    /// How a student's entry ended.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Every check ran (whatever the verdicts).
        case graded
        /// On the roster, with no entry in the class folder: scores zero.
        case noSubmission = "no_submission"
        /// An entry without the course's layout, or an archive that could not be unpacked safely:
        /// missing work, scores zero.
        case unusable
        /// The grader could not grade it (not the student's fault): no score; re-grade after fixing.
        case graderFault = "grader_fault"
    }

    /// The student id (the entry's name, or the roster's).
    public var student: String
    /// The entry's name in the class folder (empty for a roster student without one).
    public var entry: String
    public var status: Status
    /// Why the status is not `graded`, one line.
    public var reason: String
    /// A hash of the entry's content and of the grading settings: `--resume` skips a student
    /// whose stored hash is the same.
    public var contentHash: String
    public var run: GradingRun?
    public var timing: Timing?

    public init(
        student: String, entry: String, status: Status, reason: String = "", contentHash: String = "", run: GradingRun? = nil,
        timing: Timing? = nil
    ) {
        self.student = student
        self.entry = entry
        self.status = status
        self.reason = reason
        self.contentHash = contentHash
        self.run = run
        self.timing = timing
    }

    /// Points earned (0 unless graded).
    public var score: Double { run?.score ?? 0 }
}

extension StudentGrade {
    /// The student's folder under `students/`: the id with every byte outside `A-Z a-z 0-9 . _ - @ +`
    /// written `%XX` (and a leading `.` too), so no id can name a path elsewhere or a hidden folder.
    public static func folderName(_ student: String) -> String {
        var name = ""
        for byte in student.utf8 {
            let c = Character(Unicode.Scalar(byte))
            let plain = c.isASCII && (c.isLetter || c.isNumber || "._-@+".contains(c))
            if plain && !(name.isEmpty && c == ".") { name.append(c) } else { name += "%" + String(byte, radix: 16, uppercase: true).leftPadded }
        }
        return name.isEmpty ? "%00" : name
    }
}

private extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}

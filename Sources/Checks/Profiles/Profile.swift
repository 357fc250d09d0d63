/// One assignment of one or more course years, as data: its conventions, the starter's defaults,
/// and what its starter does with each course function (leaves it to the student, ships it
/// finished, leaves it to the other assignment, or does not contain it). Which checks apply and
/// which carry points follow from this table alone (`Profile+Checks.swift`); the catalog of
/// profiles is in `Profile+Catalog.swift`, with the starter code each entry was read from.
public struct Profile: Sendable, Hashable, CustomStringConvertible {
    /// What a year's starter does with a course function.
    public enum FunctionStatus: Sendable, Hashable {
        /// The student writes it (a TODO in the starter): it carries the check's points.
        case student
        /// The starter ships it finished: its checks run for information and carry no points.
        case provided
        /// It lives in the other assignment of the same year (e.g. the 2025 assignment 2 asks to
        /// copy affine/ReLU/softmax over from assignment 1): not applicable here.
        case otherAssignment(Assignment)
    }

    /// The first and last course years this profile describes (their starters do not differ in
    /// anything the checks see).
    public let years: ClosedRange<Int>
    public let assignment: Assignment
    public let conventions: Conventions
    /// Every course function the assignment contains; one that is not listed is not part of it.
    public let functions: [CourseFunction: FunctionStatus]
    /// The notebooks that sit beside `cs231n/` in the course's folder (evidence for detection).
    public let notebooks: Set<String>
    /// Where the facts come from (starter code read, with repository, path and commit).
    public let provenance: String

    /// A name given instead of the one the years make (`all`).
    let name: String?

    public init(
        years: ClosedRange<Int>, assignment: Assignment, conventions: Conventions,
        functions: [CourseFunction: FunctionStatus], notebooks: Set<String>, provenance: String, name: String? = nil
    ) {
        self.name = name
        self.years = years
        self.assignment = assignment
        self.conventions = conventions
        self.functions = functions
        self.notebooks = notebooks
        self.provenance = provenance
    }

    /// The profile's name: `2016`, `2018-2020`, `2021-2024-a1`, `2025-2026-a2`. The assignment is
    /// named only for the years where the exercise spans two assignments.
    public var id: String {
        if let name { return name }
        let span = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)-\(years.upperBound)"
        return Self.isSplit(year: years.lowerBound) || assignment == .one ? "\(span)-a\(assignment.rawValue)" : span
    }

    /// `2018-2020 assignment 2`.
    public var description: String {
        if let name { return "\(name) profile" }
        let span = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)-\(years.upperBound)"
        return "\(span) \(assignment)"
    }

    /// From 2025 the exercise is split over assignments 1 and 2.
    public static func isSplit(year: Int) -> Bool { year >= 2025 }

    public static func == (lhs: Profile, rhs: Profile) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The conventions of a year's starter code that change what a correct answer is.
public struct Conventions: Sendable, Hashable {
    /// What `dropout_param['p']` means.
    public enum DropoutP: String, Sendable, Hashable, Codable {
        case keep, drop

        public var other: DropoutP { self == .keep ? .drop : .keep }
        /// `the KEEP probability`.
        public var phrase: String { self == .keep ? "the probability of KEEPING a unit" : "the probability of DROPPING a unit" }
    }

    /// What `p` means according to the year's `dropout_forward` docstring.
    public var dropoutP: DropoutP
    /// The docstring's words for it.
    public var dropoutDocstring: String
    /// Whether the other meaning is accepted too (with a warning): 2016-17, when the lectures
    /// and the docstring disagreed.
    public var otherDropoutPAccepted: Bool
    /// `FullyConnectedNet`'s keyword for normalization (`use_batchnorm` or `normalization`), if any.
    public var normalizationArgument: String?
    /// `FullyConnectedNet`'s keyword for dropout (`dropout` or `dropout_keep_ratio`), if any.
    public var dropoutArgument: String?
    /// The starter's `config.setdefault('t', ...)` in `adam` (2017: 1). Trajectory checks pass
    /// every config key explicitly, so a correct solution passes whatever the starter set.
    public var adamInitialT: Int

    public init(
        dropoutP: DropoutP, dropoutDocstring: String, otherDropoutPAccepted: Bool = false,
        normalizationArgument: String?, dropoutArgument: String?, adamInitialT: Int = 0
    ) {
        self.dropoutP = dropoutP
        self.dropoutDocstring = dropoutDocstring
        self.otherDropoutPAccepted = otherDropoutPAccepted
        self.normalizationArgument = normalizationArgument
        self.dropoutArgument = dropoutArgument
        self.adamInitialT = adamInitialT
    }
}

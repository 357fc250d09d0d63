import ArgumentParser
import Checks
import Mutants

/// `gradecheck list`: the check catalog, the mutants, or the course profiles.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the check catalog: id, group, points, what it checks.")

    @Flag(help: "List the built-in mutants (known mistakes) instead.")
    var mutants = false

    @Flag(help: "List the course profiles (years and assignments) instead: what each grades, what its starter provides, and the points it carries.")
    var profiles = false

    func validate() throws {
        if mutants && profiles { throw ValidationError("--mutants and --profiles list different things: give one") }
    }

    func run() throws {
        if profiles {
            for profile in Profile.all + [.everything] { print(Self.summary(of: profile)) }
            return
        }
        if mutants {
            let width = MutationCatalog.all.map(\.id.count).max() ?? 0
            for m in MutationCatalog.all { print("\(m.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(m.description)") }
            return
        }
        let checks = Catalog.checks
        let width = checks.map(\.id.count).max() ?? 0
        for check in checks {
            let points = check.points == check.points.rounded() ? String(Int(check.points)) : String(check.points)
            print("\(check.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(check.group.padding(toLength: 7, withPad: " ", startingAt: 0))  \(points.count < 2 ? " " + points : points) pt  \(check.title)")
        }
        let total = checks.reduce(0) { $0 + $1.points }
        print("\(checks.count) checks, \(Int(total)) points")
    }
}

extension ListCommand {
    /// One profile in a few lines: its id, what it is, the points it carries, its conventions and
    /// the checks it runs without points.
    static func summary(of profile: Profile) -> String {
        var graded = 0, points = 0.0
        var provided: [String] = [], notApplicable: [String] = []
        for check in Catalog.checks {
            switch profile.status(of: check) {
            case .graded where check.points > 0: graded += 1; points += check.points
            case .graded: continue
            case .provided: provided.append(check.id)
            case .notApplicable: notApplicable.append(check.id)
            }
        }
        let keep = profile.conventions.dropoutP == .keep ? "keep" : "drop"
        var lines = ["\(profile.id): \(profile.description); \(graded) graded checks, \(Int(points)) points; dropout p = \(keep) probability; Adam t starts at \(profile.conventions.adamInitialT)"]
        if !provided.isEmpty { lines.append("    provided (0 points): \(provided.joined(separator: ", "))") }
        if !notApplicable.isEmpty { lines.append("    not applicable: \(notApplicable.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }
}

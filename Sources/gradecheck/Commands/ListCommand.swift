import ArgumentParser
import Checks
import Mutants

/// `gradecheck list`: the check catalog.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the check catalog: id, group, points, what it checks.")

    @Flag(help: "List the built-in mutants (known mistakes) instead.")
    var mutants = false

    func run() throws {
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

import ArgumentParser
import Checks

/// `gradecheck list`: the check catalog.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the check catalog: id, group, points, what it checks.")

    func run() throws {
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

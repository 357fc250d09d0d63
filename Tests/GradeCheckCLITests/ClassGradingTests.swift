import Foundation
import Grader
import Grading
import Reports
import Testing

/// `grade-class` and `merge` on a small class made of example submissions: folders at several
/// depths, archives, an entry without the course layout and a roster student without an entry.
/// A subset of checks keeps it quick; what is asserted does not depend on which.
@Suite("Class grading", .serialized)
struct ClassGradingTests {
    static let examples = ExampleSubmissionTests.examples
    static let checks = ["layers.affine.*", "layers.relu.backward", "optim.sgd_momentum.*"]

    /// A temporary folder removed at the end of the test.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("class-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> URL { url.appendingPathComponent(name) }
    }

    static func copy(_ example: String, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: examples.appendingPathComponent(example), to: destination)
    }

    /// Runs python3 with `script` (archives are made with the standard library's zipfile/tarfile).
    static func python(_ script: String, _ arguments: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 \(script.prefix(60))")
    }

    static let zipFolder = """
        import os, sys, zipfile
        src, dst = sys.argv[1], sys.argv[2]
        with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
            for base, _, files in os.walk(src):
                for f in files:
                    p = os.path.join(base, f)
                    z.write(p, os.path.relpath(p, src))
            for extra in sys.argv[3:]:
                z.writestr(extra, 'escaped')
        """

    /// alice (correct), bob (dw transposed), carol (nested two levels, an accepted deviation),
    /// dave.zip (momentum sign), erin.tar.gz (blank), frank (no course layout), and a roster
    /// naming gina too.
    static func makeClass(_ scratch: Scratch) throws -> (root: URL, roster: Roster) {
        let root = scratch.path("root")
        try copy("correct", to: root.appendingPathComponent("alice"))
        try copy("wrong-dw-transposed", to: root.appendingPathComponent("bob"))
        try copy("accepted-relu-grad-at-zero", to: root.appendingPathComponent("carol/Downloads/assignment2"))
        try python(zipFolder, [examples.appendingPathComponent("wrong-momentum-sign").path, root.appendingPathComponent("dave.zip").path])
        try python("import sys, tarfile\nwith tarfile.open(sys.argv[2], 'w:gz') as t: t.add(sys.argv[1], arcname='.')",
                   [examples.appendingPathComponent("blank-2019").path, root.appendingPathComponent("erin.tar.gz").path])
        try FileManager.default.createDirectory(at: root.appendingPathComponent("frank"), withIntermediateDirectories: true)
        try "my notebook is somewhere else".write(to: root.appendingPathComponent("frank/README.txt"), atomically: true, encoding: .utf8)
        let roster = scratch.path("roster.csv")
        try "Student,Entry\nalice,alice\nbob,bob\ncarol,carol\ndave,dave\nerin,erin\nfrank,frank\ngina,\n".write(to: roster, atomically: true, encoding: .utf8)
        return (root, try Roster(path: roster.path))
    }

    static func grader() throws -> Grader {
        var options = GradeOptions()
        options.only = checks
        options.timeout = 5
        options.toolVersion = "test"
        return try Grader(options)
    }

    static func run(_ grader: Grader, _ root: URL, out: URL, roster: Roster?, shard: String? = nil, resume: Bool = false) throws -> ClassGrader.Outcome {
        var options = ClassGrader.Options(out: out, jobs: 2)
        options.roster = roster
        options.shard = try shard.map(Shard.init(parsing:))
        options.resume = resume
        return try ClassGrader(grader: grader, options: options).run(root: root.path)
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test("a class: every student's status and score, the class files, shards that merge into the unsharded grades.csv, and a resume that re-grades only what changed")
    func classRun() throws {
        let scratch = try Scratch()
        let (root, roster) = try Self.makeClass(scratch)
        let grader = try Self.grader()
        let whole = try Self.run(grader, root, out: scratch.path("whole"), roster: roster)
        let byStudent = Dictionary(uniqueKeysWithValues: whole.results.students.map { ($0.student, $0) })
        #expect(whole.results.students.map(\.student) == ["alice", "bob", "carol", "dave", "erin", "frank", "gina"])
        #expect(byStudent["alice"]?.status == .graded && byStudent["alice"]?.score == byStudent["alice"]?.run?.maxScore)
        #expect(byStudent["carol"]?.status == .graded && byStudent["carol"]?.score == byStudent["carol"]?.run?.maxScore, "a nested folder and an accepted deviation: full marks")
        #expect(byStudent["bob"].map { $0.score < ($0.run?.maxScore ?? 0) } == true)
        #expect(byStudent["dave"]?.run?.results.first { $0.id == "optim.sgd_momentum.step" }?.outcome == .failed, "a zip is unpacked and graded")
        #expect(byStudent["erin"]?.status == .graded && byStudent["erin"]?.score == 0, "a blank starter in a tar.gz: graded, missing work scores zero")
        #expect(byStudent["frank"]?.status == .unusable && byStudent["frank"]?.reason.contains("no cs231n/") == true)
        #expect(byStudent["gina"]?.status == .noSubmission)
        #expect(whole.results.mistakes.contains { $0.mistake == "affine-dw-transposed" && $0.students == ["bob"] })
        #expect(whole.results.mistakes.contains { $0.kind == "deviation" && $0.students == ["carol"] && $0.checks == ["layers.relu.backward"] })

        let out = scratch.path("whole")
        let csv = try Self.text(out.appendingPathComponent("grades.csv"))
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("student,score,max_score,percent,status,profile,layers.affine.forward") == true)
        #expect(lines.count == 8 && lines[6].hasPrefix("frank,0,") && lines[7].hasPrefix("gina,0,") && lines[7].contains(",no_submission,"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("class.json"))) as? [String: Any]
        let checks = json?["checks"] as? [[String: Any]] ?? []
        #expect(checks.first { $0["id"] as? String == "layers.affine.backward" }?["pass_rate"] as? Double == 0.6, "3 of alice, bob, carol, dave, erin pass dw")
        let junit = try Data(contentsOf: out.appendingPathComponent("junit.xml"))
        for schema in JUnitSchema.allCases { #expect(SchemaValidator.validate(xml: junit, schema: schema).isEmpty, "\(schema)") }
        let xml = String(decoding: junit, as: UTF8.self)
        #expect(xml.contains("classname=\"alice.gradecheck.layers\"") && xml.contains("classname=\"bob.gradecheck.layers\""))
        let dashboard = try Self.text(out.appendingPathComponent("index.html"))
        #expect(dashboard.contains("href=\"students/bob/report.html\"") && !dashboard.contains("http://") && !dashboard.contains("https://"))
        for file in ["student.json", "junit.xml", "results.json", "summary.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("students/alice/" + file).path), "\(file)")
        }

        // Shards: disjoint, together everyone, merged equal to the whole run.
        let shards = try (1...3).map { try Self.run(grader, root, out: scratch.path("shard\($0)"), roster: roster, shard: "\($0)/3") }
        let shardStudents = shards.map { Set($0.results.students.map(\.student)) }
        #expect(shardStudents.reduce(0) { $0 + $1.count } == 7 && shardStudents.reduce(Set()) { $0.union($1) }.count == 7)
        _ = try ClassMerge.merge((1...3).map { scratch.path("shard\($0)") }, into: scratch.path("merged"), toolVersion: "test")
        #expect(try Self.text(scratch.path("merged/grades.csv")) == csv)

        // Resume: nothing changed, nothing graded; one file changed, one student graded.
        let again = try Self.run(grader, root, out: out, roster: roster, resume: true)
        #expect(again.resumed == 6 && again.graded == 0)
        #expect(try Self.text(out.appendingPathComponent("grades.csv")) == csv)
        let layers = root.appendingPathComponent("bob/cs231n/layers.py")
        try (Self.text(layers) + "\n# resubmitted\n").write(to: layers, atomically: true, encoding: .utf8)
        let changed = try Self.run(grader, root, out: out, roster: roster, resume: true)
        #expect(changed.resumed == 5 && changed.graded == 1)
    }

    @Test("hostile archives: a path out of the folder and a link are left out, a zip bomb is unusable, the class goes on")
    func hostileArchives() throws {
        let scratch = try Scratch()
        let root = scratch.path("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Self.python(Self.zipFolder, [Self.examples.appendingPathComponent("correct").path, root.appendingPathComponent("slip.zip").path, "../../slipped.txt", "/tmp/absolute-\(UUID().uuidString).txt"])
        try Self.python("""
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('cs231n/layers.py', b'\\0' * (60 << 20))
            """, [root.appendingPathComponent("bomb.zip").path])
        try Self.python("""
            import io, sys, tarfile
            with tarfile.open(sys.argv[1], 'w:gz') as t:
                link = tarfile.TarInfo('cs231n'); link.type = tarfile.SYMTYPE; link.linkname = '/etc'
                t.addfile(link)
            """, [root.appendingPathComponent("link.tar.gz").path])
        try "not a zip".write(to: root.appendingPathComponent("broken.zip"), atomically: true, encoding: .utf8)
        let outcome = try Self.run(try Self.grader(), root, out: scratch.path("out"), roster: nil)
        let by = Dictionary(uniqueKeysWithValues: outcome.results.students.map { ($0.student, $0) })
        #expect(by["slip"]?.status == .graded && by["slip"]?.score == by["slip"]?.run?.maxScore)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("slipped.txt").path))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("slipped.txt").path))
        #expect(by["bomb"]?.status == .unusable && by["bomb"]?.reason.contains("MiB") == true, "\(by["bomb"]?.reason ?? "")")
        #expect(by["link"]?.status == .unusable, "a link is not unpacked: no course layout left")
        #expect(by["broken"]?.status == .unusable && by["broken"]?.reason.contains("cannot read") == true, "\(by["broken"]?.reason ?? "")")
    }

    @Test("a Gradescope export names its students from submission_metadata.yml (SID, else email)")
    func gradescopeExport() throws {
        let scratch = try Scratch()
        let export = scratch.path("root/assignment_4242_export")
        try Self.copy("correct", to: export.appendingPathComponent("submission_111"))
        try Self.copy("wrong-dw-transposed", to: export.appendingPathComponent("submission_222/Assignment 2"))
        try """
            submission_111:
              :submitters:
              - :name: Ada Lovelace
                :sid: '1815'
                :email: ada@example.edu
              :created_at: 2026-11-30 23:59:01.000000000 -08:00
            submission_222:
              :submitters:
              - :name: Alan Turing
                :email: alan@example.edu
            """.write(to: export.appendingPathComponent("submission_metadata.yml"), atomically: true, encoding: .utf8)
        let listing = try ClassFolder.list(scratch.path("root").path)
        #expect(listing.entries.map(\.student) == ["1815", "alan@example.edu"])
    }

    @Test("grades.csv quotes and defuses what a spreadsheet would evaluate; student folders cannot leave students/")
    func escaping() {
        #expect(ClassGradesCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ClassGradesCSV.field("a,b") == "\"a,b\"" && ClassGradesCSV.field("-1.5") == "-1.5" && ClassGradesCSV.field("plain") == "plain")
        #expect(StudentGrade.folderName("../etc") == "%2E.%2Fetc")
        #expect(StudentGrade.folderName("ada@example.edu") == "ada@example.edu")
        #expect(!StudentGrade.folderName("a/b").contains("/"))
        let html = ClassDashboard().render(ClassResults(students: [StudentGrade(student: "<script>x</script>", entry: "", status: .noSubmission)], toolVersion: "t"))
        #expect(!html.contains("<script>x") && html.contains("&lt;script&gt;x"))
    }

    @Test("--shard K/N: every id in exactly one shard, bad forms refused")
    func shards() throws {
        let shards = try (1...4).map { try Shard(parsing: "\($0)/4") }
        let ids = (0..<200).map { "student\($0)" }
        for id in ids { #expect(shards.filter { $0.contains(id) }.count == 1) }
        #expect(shards.allSatisfy { shard in ids.filter(shard.contains).count > 20 }, "the hash spreads ids over the shards")
        for bad in ["0/3", "4/3", "1", "a/b", "1/0", "-1/2"] { #expect(throws: UsageError.self) { try Shard(parsing: bad) } }
    }
}

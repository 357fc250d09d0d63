import ArgumentParser
import Checks
import Foundation
import Grading
import Reports

/// `gradecheck grade`'s options for where the results are published beyond the three reports:
/// GitHub Actions annotations.
struct PublishingOptions: ParsableArguments {
    @Option(help: "Also write GitHub Actions workflow commands to this file: an ::error annotation at the student's line for each failed, errored or missing check, a ::warning for each warned one (at most 10 of each, then one ::notice).")
    var githubAnnotations: String?

    @Option(help: "The folder the annotations' file paths are relative to (the repository root). Default: the current folder.")
    var annotationRoot: String?

    /// The report files these options add.
    var files: [String] { githubAnnotations.map { [$0] } ?? [] }

    /// The extra reports of `run`, whose submission root is `submissionRoot` (nil: a built-in
    /// implementation), with their paths.
    func reports(_ run: GradingRun, submissionRoot: URL?) -> [(data: Data, url: URL)] {
        guard let githubAnnotations else { return [] }
        let root = annotationRoot ?? FileManager.default.currentDirectoryPath
        let prefix = submissionRoot.flatMap { Self.relativePath(of: $0, inside: URL(fileURLWithPath: root)) }
        return [(Data(GitHubAnnotations(pathPrefix: prefix).render(run).utf8), URL(fileURLWithPath: githubAnnotations))]
    }

    /// `folder` relative to `root` (both with links resolved): `""` when they are the same, nil
    /// when `folder` is not inside `root`.
    static func relativePath(of folder: URL, inside root: URL) -> String? {
        let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        if path == base { return "" }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}

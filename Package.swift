// swift-tools-version:6.2
// gradecheck: a reference engine, a numerical-gradient checker and a grader for the
// CS231n "fully-connected nets" assignment. See README.md and docs/.
//
// Tools version 6.2: from SwiftPM 6.2 on, a package whose manifest is 6.2 or newer may carry
// `unsafeFlags` and still be used by another package as a versioned dependency (`from:`); under
// 6.0 SwiftPM refuses it ("contains unsafe build flags"). examples/use-the-engine is such a
// consumer, built by Tests/PackageTests. Building this package needs Swift 6.2 or newer.
import PackageDescription

/// Generic numeric code (Tensor<Double>, Tensor<Float>) crosses module boundaries; full
/// cross-module optimization lets callers specialize it instead of running witness-table code
/// per element (measured here: 56x on a fused update loop).
let optimized: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"])]

let package = Package(
    name: "gradecheck",
    // Supported: Linux with Swift 6.2+, built and tested on x86_64 Debian 12 (Ubuntu 22.04 /
    // 24.04 take the same apt packages from scripts/bootstrap, untested here). There is no
    // `platforms:` entry: it can name only Apple systems (minimum versions), and none is built
    // or tested (the sandbox needs Linux's namespaces, Landlock and seccomp; the BLAS set-up
    // reads /proc/cpuinfo).
    products: [
        .executable(name: "gradecheck", targets: ["gradecheck"]),
        // For other packages (examples/use-the-engine): the engine, the gradient checker, and the
        // numeric core their APIs are written in (Tensor, RandomSource, LabeledData, BLASRuntime).
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "GradientCheck", targets: ["GradientCheck"]),
        .library(name: "NumericCore", targets: ["NumericCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        // Fused elementwise kernels in C: vectorized square roots and divisions, with AVX-512 /
        // AVX2 / SSE2 versions picked at load time. No FMA contraction, so results do not depend
        // on which version runs.
        .target(
            name: "CKernels",
            cSettings: [.unsafeFlags(["-O3", "-fno-math-errno", "-ffp-contract=off"])]),
        // The fallback confinement where bubblewrap is missing: setsid, no_new_privs, Landlock and
        // a seccomp filter, applied to the launcher before it execs the adapter (Linux only).
        .target(name: "CConfine"),

        // Numeric core: Tensor, GEMM through OpenBLAS, fused kernels, seeded numpy-compatible RNG.
        .target(
            name: "NumericCore",
            dependencies: ["CBLAS", "CKernels", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: optimized),
        // The reference engine: layers, losses, nets, update rules, solver. A pure library.
        .target(name: "Engine", dependencies: ["NumericCore"], swiftSettings: optimized),
        // Numerical gradients, relative error, kink detection. Knows nothing of the engine.
        .target(name: "GradientCheck", dependencies: ["NumericCore"], swiftSettings: optimized),
        // Data sets read from disk: CIFAR-10 (pickled and binary batches) and embedded UCI digits.
        .target(
            name: "Datasets", dependencies: ["NumericCore", "CZlib", "DataLocation"],
            resources: [.copy("Resources/digits.csv.gz"), .copy("Resources/README.md")],
            swiftSettings: optimized),
        // Where the data files are at run time (installed, beside the build, or the source tree).
        .target(name: "DataLocation"),
        // SVG charts: line charts of training curves, heat maps.
        .target(name: "TrainingPlots", swiftSettings: optimized),
        // JSON that keeps number literals as text (exact float64 and float32), ordered members; a
        // strict or Python-compatible parser and deterministic writers. Shared by Fixtures and Adapters.
        .target(name: "LiteralJSON", swiftSettings: optimized),
        // Fixture files: versioned JSON with exact float64 arrays, goldens and recorded cases.
        .target(name: "Fixtures", dependencies: ["NumericCore", "LiteralJSON"], swiftSettings: optimized),
        // The interface an implementation under test provides (operations, values, handles).
        .target(name: "Implementation", dependencies: ["NumericCore"], swiftSettings: optimized),
        // The reference engine behind that interface, in-process.
        .target(name: "ReferenceImplementation", dependencies: ["Engine", "Implementation"], swiftSettings: optimized),
        // The check catalog and its runner. Its oracle is the fixtures plus numerical gradients of
        // the implementation's own forward passes: it never imports the engine.
        .target(
            name: "Checks", dependencies: ["Implementation", "Fixtures", "GradientCheck", "Grading", "NumericCore"],
            swiftSettings: optimized),
        // Records the engine's fixture cases (and transcribes the notebooks' goldens).
        // The Solver histories run the checks' experiments through the in-process reference on the digits.
        .target(
            name: "FixtureRecorder",
            dependencies: ["Engine", "Fixtures", "NumericCore", "Implementation", "ReferenceImplementation", "Datasets"],
            swiftSettings: optimized),
        // The implementation protocol's wire format and the out-of-process implementation (adapters),
        // with the Python adapter for the course's layout as a resource.
        .target(
            name: "Adapters", dependencies: ["Implementation", "NumericCore", "LiteralJSON", "CConfine", "DataLocation"],
            resources: [.copy("Resources/python")],
            swiftSettings: optimized),
        // Realistic student mistakes applied to the reference: every check must be failed by one.
        .target(name: "Mutants", dependencies: ["ReferenceImplementation", "Implementation", "NumericCore"], swiftSettings: optimized),
        // Recognises known mistakes by their recorded outputs (never changes a score).
        .target(name: "Diagnosis", dependencies: ["Checks", "Fixtures", "GradientCheck", "NumericCore"], swiftSettings: optimized),
        // The results model shared by the runner and the reports.
        .target(name: "Grading", swiftSettings: optimized),
        // JUnit XML, Gradescope JSON, Markdown, HTML and terminal summaries; XSD validation (libxml2).
        .target(
            name: "Reports", dependencies: ["Grading", "TrainingPlots", "CLibXML2", "DataLocation"],
            resources: [.copy("Resources/schemas")],
            // libxml2's headers bring the system ICU's UErrorCode, which clashes with Foundation's
            // bundled ICU when debug builds index system modules.
            swiftSettings: optimized + [.unsafeFlags(["-index-ignore-system-modules"])]),
        // Grading one implementation or a class: subject resolution, fixtures and known mistakes
        // loaded once, the run, the report files. The CLI and other front ends call it.
        .target(
            name: "Grader",
            dependencies: [
                "Adapters", "Checks", "Datasets", "Diagnosis", "Fixtures", "Grading", "Implementation", "Mutants", "NumericCore",
                "ReferenceImplementation", "Reports", "DataLocation",
            ],
            swiftSettings: optimized),
        // The command-line tool: the only place that reads arguments and chooses exit codes.
        .executableTarget(
            name: "gradecheck",
            dependencies: [
                "NumericCore", "Engine", "Datasets", "TrainingPlots", "Checks", "Fixtures", "FixtureRecorder",
                "Grading", "Implementation", "ReferenceImplementation", "Reports", "Mutants", "Diagnosis", "Adapters", "DataLocation", "Grader",
                "CZlib", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimized),
        // Engine vs numpy training-step benchmark (driven by bench/run.sh).
        .executableTarget(
            name: "engine-bench", dependencies: ["NumericCore", "Engine"], path: "bench/EngineBench",
            swiftSettings: optimized),

        .testTarget(name: "NumericCoreTests", dependencies: ["NumericCore"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "NumericCore", "GradientCheck", "Datasets"]),
        .testTarget(name: "GradientCheckTests", dependencies: ["GradientCheck", "NumericCore"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "NumericCore"]),
        .testTarget(name: "TrainingPlotsTests", dependencies: ["TrainingPlots"]),
        .testTarget(name: "LiteralJSONTests", dependencies: ["LiteralJSON"]),
        .testTarget(name: "FixturesTests", dependencies: ["Fixtures", "NumericCore"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Grading"]),
        .testTarget(name: "GradeCheckCLITests", dependencies: ["gradecheck", "Grader", "Reports", "Grading"]),
        .testTarget(name: "AdaptersTests", dependencies: ["Adapters", "Implementation", "NumericCore"]),
        // The package as others use it: examples/use-the-engine built against a tagged clone.
        .testTarget(name: "PackageTests"),
        .testTarget(
            name: "ChecksTests",
            dependencies: ["Checks", "Mutants", "ReferenceImplementation", "Fixtures", "Grading", "Implementation", "Datasets", "NumericCore", "Diagnosis", "Reports"]),
    ]
)

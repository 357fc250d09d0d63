// swift-tools-version:6.2
// An example package that uses gradecheck's engine as a library: trains a FullyConnectedNet
// on a synthetic spiral and checks its gradients numerically. See README.md.
import PackageDescription

let package = Package(
    name: "use-the-engine",
    dependencies: [
        // Where gradecheck is published: put its repository's address here (any git URL that
        // SwiftPM can clone, file:// included). Tests/PackageTests builds this package against a
        // tagged clone of gradecheck by replacing this URL and keeping `from:`.
        .package(url: "https://github.com/your-org/gradecheck.git", from: "0.1.0"),
    ],
    targets: [
        .executableTarget(
            name: "use-the-engine",
            dependencies: [
                .product(name: "Engine", package: "gradecheck"),
                .product(name: "GradientCheck", package: "gradecheck"),
                .product(name: "NumericCore", package: "gradecheck"),
            ],
            path: "Sources/UseTheEngine"),
    ]
)

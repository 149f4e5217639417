// swift-tools-version:6.0
//
// refinery-model: a throughput, scheduling and valuation model of a gold refinery.
// The product depends on the Swift toolchain and on GLPK (libglpk-dev) only:
// `dependencies` stays empty on purpose.

import PackageDescription

let package = Package(
    name: "refinery-model",
    products: [
        .library(name: "RefineryModel", targets: ["RefineryModel"]),
        .executable(name: "refinery-cli", targets: ["refinery-cli"]),
    ],
    dependencies: [],
    targets: [
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        .target(
            name: "RefineryModel",
            dependencies: ["CGLPK"]
        ),
        .executableTarget(
            name: "refinery-cli",
            dependencies: ["RefineryModel"]
        ),
        // The README's library example, word for word (a test checks the README against it
        // and runs it): what a program that adds the package writes.
        .executableTarget(
            name: "library-example",
            dependencies: ["RefineryModel"],
            path: "Examples/LibraryExample"
        ),
        .testTarget(
            name: "RefineryModelTests",
            dependencies: ["RefineryModel"]
        ),
        .testTarget(
            name: "RefineryCLITests",
            dependencies: ["refinery-cli", "RefineryModel"],
            exclude: ["Golden"]  // golden files, read through #filePath
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.0
// libFuzzer targets for Aftermail (RELIABILITY.md). Built and run by `scripts/fuzz`, never by
// `swift test`: each executable links libFuzzer's main and AddressSanitizer.
//
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address
//
// Debug builds make the main package's modules testable, so a target can reach one reader
// directly (`@testable import`) instead of going through format detection.

import PackageDescription

let targets = [
    "csv", "jsonl", "sendgrid", "mailgun", "ses", "postmark", "arf", "logs", "frontmatter", "prose", "markdown", "plan",
]

let package = Package(
    name: "aftermail-fuzz",
    platforms: [.macOS(.v13)],
    products: targets.map { .executable(name: "fuzz-\($0)", targets: ["fuzz-\($0)"]) },
    dependencies: [.package(name: "aftermail", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "AftermailLibraries", package: "aftermail")]
        )
    ]
        + targets.map { .executableTarget(name: "fuzz-\($0)", dependencies: ["FuzzSupport"], path: "Sources/\($0)") },
    swiftLanguageModes: [.v6]
)

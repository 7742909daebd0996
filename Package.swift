// swift-tools-version: 6.0
// Aftermail: campaign post-mortems from event logs and Markdown notes.
// The targets follow DESIGN.md: one pipeline stage per module, dependencies pointing downstream.

import PackageDescription

let package = Package(
    name: "aftermail",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "aftermail", targets: ["aftermail"]),
        // For the fuzz package in Fuzz/ (a package can only depend on another's products).
        .library(
            name: "AftermailLibraries",
            targets: [
                "AftermailCLI", "SiteBuilder", "Rendering", "CampaignMetrics", "CampaignLog", "Incidents", "CommonMark",
                "TestSupport",
            ]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CommonMark", dependencies: ["Ccmark"]),
        .target(name: "CPrefetch"),
        .target(name: "CampaignLog", dependencies: ["CPrefetch"]),
        .target(name: "CampaignMetrics", dependencies: ["CampaignLog", "CPrefetch"]),
        .target(name: "Incidents", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "Rendering",
            dependencies: [
                "CommonMark", "CampaignMetrics", "Incidents",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "SiteBuilder", dependencies: ["Rendering", "CampaignLog", "CampaignMetrics", "Incidents"]),
        .target(
            name: "AftermailCLI",
            dependencies: ["SiteBuilder", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "aftermail", dependencies: ["AftermailCLI"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark", "TestSupport"]),
        .testTarget(name: "CampaignLogTests", dependencies: ["CampaignLog", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CampaignMetricsTests", dependencies: ["CampaignMetrics"]),
        .testTarget(name: "IncidentsTests", dependencies: ["Incidents", "TestSupport"]),
        .testTarget(
            name: "RenderingTests",
            dependencies: ["Rendering", "Incidents", "CampaignMetrics", "CampaignLog", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "SiteBuilderTests", dependencies: ["SiteBuilder", "Incidents", "CampaignLog"]),
        .testTarget(name: "AftermailCLITests", dependencies: ["AftermailCLI"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "AftermailCLI", "SiteBuilder", "Rendering", "CampaignMetrics", "CampaignLog", "Incidents", "CommonMark",
                "TestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// What a successful build did, for the person who ran it.
public struct BuildSummary: Sendable, Equatable {
    /// Where the site was written.
    public var outputPath: String
    /// How many files the site has.
    public var fileCount: Int
    /// One line per incident: slug, title and headline figures.
    public var incidentLines: [String]
    /// Warnings that did not stop the build (skipped log records…).
    public var warnings: [String]
    /// Where the lists that name people were written (nil: no incident has logs).
    public var privatePath: String?
    /// How many files the private folder has.
    public var privateFileCount: Int
}

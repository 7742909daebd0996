import Foundation

/// What `aftermail build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder (holds `aftermail.yml`, `content/`, `templates/`).
    public var siteRoot: URL
    /// Where the public site goes (default: `output/` in the site folder).
    public var outputDirectory: URL
    /// Where the lists that name people go (default: `private_dir` of `aftermail.yml`, in the site folder).
    public var privateDirectory: URL?
    /// Overrides `base_url` of `aftermail.yml`.
    public var baseURL: String?
    /// Build `status: draft` incidents too.
    public var includeDrafts: Bool
    /// Stop at the first bad log record instead of skipping it.
    public var strict: Bool

    /// Options for building the site in `siteRoot`.
    public init(
        siteRoot: URL, outputDirectory: URL? = nil, privateDirectory: URL? = nil, baseURL: String? = nil,
        includeDrafts: Bool = false, strict: Bool = false
    ) {
        self.privateDirectory = privateDirectory?.standardizedFileURL
        self.siteRoot = siteRoot.standardizedFileURL
        self.outputDirectory = (outputDirectory ?? siteRoot.appendingPathComponent("output")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
    }
}

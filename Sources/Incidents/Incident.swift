import Foundation

/// One post-mortem: a bundle `content/incidents/<slug>/index.md` (with its apology, logs and plan)
/// or a one-file incident `content/incidents/<slug>.md` (notes only).
public struct Incident: Sendable, Equatable {
    /// The URL-safe name, from the folder or file name (see `IncidentScaffold.isValidSlug`).
    public var slug: String
    /// Site-relative path of the notes, e.g. `content/incidents/x/index.md`.
    public var sourcePath: String
    /// True for a bundle folder, false for a one-file incident.
    public var isBundle: Bool
    /// The typed front matter.
    public var frontMatter: IncidentFrontMatter
    /// The Markdown after the front matter (LF line ends).
    public var body: String
    /// 1-based line of the source file where `body` starts.
    public var bodyLine: Int
    /// The bundle's `apology.md`, if there is one.
    public var apology: Apology?
    /// The bundle's log files matched by `frontMatter.logs` (default `logs/*`): regular files only,
    /// sorted by path, each once. Empty for one-file incidents.
    public var logFiles: [URL]
    /// The bundle's `plan.csv` (the intended assignment), if there is one.
    public var planFile: URL?

    /// Creates an incident.
    public init(
        slug: String, sourcePath: String, isBundle: Bool, frontMatter: IncidentFrontMatter, body: String,
        bodyLine: Int, apology: Apology? = nil, logFiles: [URL] = [], planFile: URL? = nil
    ) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.isBundle = isBundle
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.apology = apology
        self.logFiles = logFiles
        self.planFile = planFile
    }
}

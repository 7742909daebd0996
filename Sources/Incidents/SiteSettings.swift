import Foundation

/// Site-wide settings from `aftermail.yml` at the site root (the file and every key are optional).
///
/// ```yaml
/// title: Post-mortems          # default "Post-mortems"
/// base_url: https://status.example.com/postmortems/
/// language: en                 # default "en"
/// private_dir: private         # default "private"; relative, inside the site folder, not under output/
/// markdown:
///   unsafe: false              # true keeps raw HTML in notes (default false: dropped)
/// thresholds: { ... }          # see `Thresholds`
/// ```
/// Unknown keys are errors naming the key and its line: typos must be loud.
public struct SiteSettings: Sendable, Equatable {
    /// The site's title.
    public var title: String
    /// The absolute URL the site is served from (`base_url`), if known.
    public var baseURL: String?
    /// The language of the pages (`lang` attribute).
    public var language: String
    /// The limits `aftermail check` applies.
    public var thresholds: Thresholds
    /// Keep raw HTML in Markdown (`markdown: { unsafe: true }`); off by default.
    public var markdownUnsafe: Bool
    /// Site-relative folder for lists that name people (`private_dir`); never inside `output/`.
    public var privateDir: String
    /// Where providers' payloads carry the variant and campaign (`providers:`); empty: defaults.
    public var providers = ProviderSettings()

    /// Creates settings; each argument defaults to the value used when `aftermail.yml` leaves it out.
    public init(
        title: String = "Post-mortems", baseURL: String? = nil, language: String = "en",
        thresholds: Thresholds = .default, markdownUnsafe: Bool = false, privateDir: String = "private"
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.thresholds = thresholds
        self.markdownUnsafe = markdownUnsafe
        self.privateDir = privateDir
    }

    /// The settings of a site without `aftermail.yml`.
    public static let `default` = SiteSettings()

    /// The settings file's name, at the site root.
    public static let fileName = "aftermail.yml"

    /// Reads `<siteRoot>/aftermail.yml` if present (absent means `default`).
    ///
    /// Every problem is reported with `aftermail.yml:line:`; unknown keys name the key. A symlinked
    /// settings file is refused, never followed; an unreadable one fails at once.
    public static func load(siteRoot: URL) throws(ContentErrors) -> SiteSettings {
        let url = siteRoot.appendingPathComponent(fileName)
        if FileKind.of(url) == .missing { return .default }
        let text = try TextFile.read(url, path: fileName)
        return try parse(text)
    }
}

import Foundation

/// Everything the site folder says: its settings and its incidents, typed and checked.
public struct SiteContent: Sendable {
    /// The site folder.
    public var root: URL
    /// `aftermail.yml`, or the defaults.
    public var settings: SiteSettings
    /// The incidents, newest `date` first, then by slug; undated incidents last, by slug.
    public var incidents: [Incident]

    /// Creates site content; `incidents` are kept in the order given.
    public init(root: URL, settings: SiteSettings, incidents: [Incident]) {
        self.root = root
        self.settings = settings
        self.incidents = incidents
    }
}

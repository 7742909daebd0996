import Foundation

extension SiteContent {
    /// Loads `aftermail.yml` and every incident under `content/incidents`.
    ///
    /// Drafts are skipped unless `includeDrafts`. All content problems (settings, front matter,
    /// slugs, symbolic links, log globs, apologies) are collected and thrown together as
    /// `ContentErrors`, sorted by path and line; an I/O failure throws at once (one error).
    /// A site without `content/incidents` has no incidents; a missing site folder is an error.
    public static func load(siteRoot: URL, includeDrafts: Bool) throws(ContentErrors) -> SiteContent {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteRoot.path, isDirectory: &isDirectory) else {
            throw ContentErrors(ContentError(path: siteRoot.path, message: "site folder does not exist"))
        }
        guard isDirectory.boolValue else {
            throw ContentErrors(ContentError(path: siteRoot.path, message: "site folder is not a folder"))
        }
        var errors: [ContentError] = []
        var settings = SiteSettings.default
        do {
            settings = try SiteSettings.load(siteRoot: siteRoot)
        } catch {
            errors.append(contentsOf: error.errors)
        }
        let sources = try IncidentSource.discover(root: siteRoot, errors: &errors)
        var incidents: [Incident] = []
        incidents.reserveCapacity(sources.count)
        for chunk in load(sources, includeDrafts: includeDrafts) {
            incidents += chunk.incidents
            errors += chunk.errors
        }
        guard errors.isEmpty else { throw ContentErrors(errors) }
        incidents.sort(by: newestFirst)
        return SiteContent(root: siteRoot, settings: settings, incidents: incidents)
    }

    // MARK: - Private

    /// The incidents of `sources` and the problems found, loaded on all cores in contiguous chunks
    /// and returned chunk by chunk in the order of `sources`: joined, they are the incidents and
    /// errors, in the order, that loading one after the other gives.
    private static func load(_ sources: [IncidentSource], includeDrafts: Bool) -> [(
        incidents: [Incident], errors: [ContentError]
    )] {
        ConcurrentChunks.map(count: sources.count) { range in
            var incidents: [Incident] = []
            var errors: [ContentError] = []
            incidents.reserveCapacity(range.count)
            for index in range {
                if let incident = Incident.load(sources[index], includeDrafts: includeDrafts, errors: &errors) {
                    incidents.append(incident)
                }
            }
            return (incidents, errors)
        }
    }

    /// Newest date first, then slug; undated incidents after every dated one.
    private static func newestFirst(_ lhs: Incident, _ rhs: Incident) -> Bool {
        switch (lhs.frontMatter.date, rhs.frontMatter.date) {
        case (let left?, let right?) where left != right: return left > right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.slug < rhs.slug
        }
    }
}

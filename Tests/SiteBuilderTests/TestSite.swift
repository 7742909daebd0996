import Foundation

/// A site folder in a temporary directory, removed when the value goes away.
final class TestSite {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-site-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` at the site-relative `path`, creating folders.
    func write(_ path: String, _ text: String) {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    /// The site-relative paths of every file below `folder`, sorted.
    func files(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return []
        }
        let prefix = folder.standardizedFileURL.path + "/"
        return walker.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            else { return nil }
            return String(url.standardizedFileURL.path.dropFirst(prefix.count))
        }.sorted()
    }

    /// A small incident bundle with a log of two recipients.
    func addIncident(
        slug: String = "twice", campaign: String = "c1", variant: String = "A", status: String = "published"
    ) {
        write(
            "content/incidents/\(slug)/index.md",
            """
            ---
            title: "Sent twice"
            date: 2026-09-11
            campaign: \(campaign)
            status: \(status)
            ---

            ## Summary

            It went out twice.
            """)
        write(
            "content/incidents/\(slug)/logs/events.csv",
            """
            timestamp,campaign,variant,recipient,event
            2026-09-10T14:00:00Z,c1,\(variant),ann@example.com,send
            2026-09-10T14:00:00Z,c1,B,ann@example.com,send
            2026-09-10T14:00:00Z,c1,B,bob@example.com,send
            2026-09-10T14:05:00Z,c1,B,bob@example.com,complaint

            """)
    }
}

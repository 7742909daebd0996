import CampaignLog
import CampaignMetrics
import Foundation
import Incidents
import Rendering

/// Literal inputs for the renderer: a campaign with two variants and an incident around it.
enum Fixtures {
    static func campaign(name: String = "upsell", variantNames: [String] = ["A", "B"]) -> CampaignFigures {
        var variants: [VariantFigures] = []
        var totals = VariantFigures(variant: nil)
        for (index, name) in variantNames.enumerated() {
            var figures = VariantFigures(variant: name)
            figures.sends = 1000 * (index + 1)
            figures.delivered = 990 * (index + 1)
            figures.bounces = 10 * (index + 1)
            figures.complaints = 3 * (index + 1)
            figures.unsubscribes = 5 * (index + 1)
            figures.recipients = 1000
            for kind in EventKind.allCases { totals[kind] += figures[kind] }
            variants.append(figures)
        }
        totals.recipients = 1000
        return CampaignFigures(
            campaign: name, firstSend: Timestamp(parsing: "2026-09-10T14:00:00Z"),
            lastSend: Timestamp(parsing: "2026-09-10T15:59:59Z"),
            firstComplaint: Timestamp(parsing: "2026-09-10T14:03:10Z"),
            recipients: 1000, recipientsWithMultipleVariants: 1000, variants: variants, totals: totals)
    }

    static func incident(
        slug: String = "seven-copies", title: String = "Seven copies", summary: String? = "Everyone got every variant.",
        severity: String? = "SEV-1", owner: String? = "Mara", tags: [String] = ["segmentation"],
        body: String = "## Summary\n\nWe sent *seven* copies.\n", apology: Apology? = nil,
        status: IncidentStatus = .published
    ) -> Incident {
        Incident(
            slug: slug, sourcePath: "content/incidents/\(slug)/index.md", isBundle: true,
            frontMatter: IncidentFrontMatter(
                title: title, date: IncidentDate("2026-09-11"), campaign: "upsell", severity: severity, status: status,
                owner: owner, tags: tags, summary: summary),
            body: body, bodyLine: 10, apology: apology)
    }

    static func apology(subject: String? = "We are sorry", sentAt: String? = "2026-09-11T09:00:00Z") -> Apology {
        Apology(
            sourcePath: "content/incidents/seven-copies/apology.md", subject: subject, sentAt: sentAt,
            body: "We sent you seven emails where you should have had one.\n", bodyLine: 5)
    }

    static func report(_ campaigns: [CampaignFigures]) -> MetricsReport {
        MetricsReport(campaigns: campaigns, eventsRead: 100, duplicatesDropped: 0, recordsSkipped: 0)
    }

    /// The figures `aftermail metrics` computes from `log`, a canonical CSV (written to a
    /// temporary file and read as a log is): a diagnosed campaign, with charts and tables.
    static func report(fromLog log: String) throws -> MetricsReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "aftermail-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.csv").path
        try Data(log.utf8).write(to: URL(fileURLWithPath: path))
        return try MetricsRun.read(files: [(path, "log.csv")]).report
    }

    static func render(
        _ inputs: [IncidentInput], settings: SiteSettings = SiteSettings(title: "Northwind post-mortems")
    ) async throws -> [String: String] {
        let pages = try await SiteRenderer(settings: settings, templates: TemplateSet.builtin()).render(inputs)
        return Dictionary(uniqueKeysWithValues: pages.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }
}

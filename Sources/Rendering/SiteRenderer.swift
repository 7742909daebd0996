import CampaignMetrics
import CommonMark
import Foundation
import Incidents

/// Renders the whole public site in memory: the home page, a post-mortem page, an apology page and
/// a `metrics.json` per incident, and the stylesheet. Pure: it reads nothing and writes nothing.
public struct SiteRenderer: Sendable {
    // MARK: - Public API

    /// The site's settings (title, language, Markdown safety).
    public let settings: SiteSettings
    /// The templates to render with.
    public let templates: TemplateSet

    /// A renderer for one site.
    public init(settings: SiteSettings, templates: TemplateSet) {
        self.init(settings: settings, templates: templates, fillsLayout: true)
    }

    // MARK: - Internal

    /// A renderer that fills the layout in without Mustache when it can (``PageShell``), or
    /// renders it with Mustache for every page.
    init(settings: SiteSettings, templates: TemplateSet, fillsLayout: Bool) {
        self.settings = settings
        self.templates = templates
        shell = fillsLayout ? PageShell(templates: templates, settings: settings) : nil
    }

    /// Every page of the site, sorted by path.
    ///
    /// - Parameter incidents: the incidents to publish, in the order the home page lists them.
    /// - Throws: ``RenderErrors`` with every note that breaks the Markdown limits and every
    ///   template that fails, each with its place.
    public func render(_ incidents: [IncidentInput]) async throws(RenderErrors) -> [RenderedPage] {
        let rendered = await renderConcurrently(incidents)
        var pages = rendered.incidentPages
        var problems = rendered.problems
        if let listPages = rendered.listPages {
            pages += listPages
            do {
                if let feeds = try Feeds.make(settings: settings) {
                    pages.append(RenderedPage(path: "feed.xml", text: feeds.atom(incidents.map(\.incident))))
                    pages.append(RenderedPage(path: "sitemap.xml", text: feeds.sitemap(pagePaths: pages.map(\.path))))
                }
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw RenderErrors(errors: problems) }
        for (name, text) in templates.assets { pages.append(RenderedPage(path: name, text: text)) }
        return pages.sorted { $0.path < $1.path }
    }

    // MARK: - Private

    /// The layout, split once, when it can be filled in without Mustache.
    private let shell: PageShell?

    /// The incidents' pages and the lists of them (home and tag pages), rendered on all cores
    /// by the child tasks of a task group: the lists are one task (the home page alone is a
    /// tenth of a 10,000-note build) and the incidents are cut into contiguous chunks, small
    /// enough that the cores finish together. Pages and problems come back in the incidents'
    /// order, as on one core; the lists are `nil` when they failed (their problem is then after
    /// the incidents').
    private func renderConcurrently(
        _ incidents: [IncidentInput]
    ) async -> (incidentPages: [RenderedPage], listPages: [RenderedPage]?, problems: [RenderError]) {
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunks = incidents.count < 64 ? 1 : min(incidents.count / 16, 4 * cores)
        typealias Piece = (item: Int, pages: [RenderedPage]?, problems: [RenderError])
        let pieces = await withTaskGroup(of: Piece.self, returning: [Piece].self) { group in
            group.addTask {
                do throws(RenderError) {
                    return (0, [try renderIndex(incidents)] + (try renderTagPages(incidents)), [])
                } catch {
                    return (0, nil, [error])
                }
            }
            for chunk in 0..<chunks {
                group.addTask {
                    var pages: [RenderedPage] = []
                    var problems: [RenderError] = []
                    let range = (incidents.count * chunk / chunks)..<(incidents.count * (chunk + 1) / chunks)
                    for input in incidents[range] {
                        do throws(RenderErrors) {
                            pages += try renderIncident(input)
                        } catch {
                            problems += error.errors
                        }
                    }
                    return (chunk + 1, pages, problems)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }.sorted { $0.item < $1.item }
        }
        let incidentPieces = pieces.dropFirst()
        return (
            incidentPieces.flatMap { $0.pages ?? [] }, pieces[0].pages,
            incidentPieces.flatMap(\.problems) + pieces[0].problems
        )
    }

    private func renderIndex(_ incidents: [IncidentInput]) throws(RenderError) -> RenderedPage {
        let entries = indexEntries(incidents, root: "")
        let view = IndexView(siteTitle: settings.title, hasIncidents: !entries.isEmpty, incidents: entries)
        let body = try templates.render(view, template: "index")
        return try page("index.html", title: settings.title, description: nil, root: "", body: body)
    }

    /// A page per tag, listing its incidents in the home page's order.
    private func renderTagPages(_ incidents: [IncidentInput]) throws(RenderError) -> [RenderedPage] {
        var byTag: [String: (name: String, incidents: [IncidentInput])] = [:]
        for input in incidents {
            for tag in Set(input.incident.frontMatter.tags.map { TagSlug.of($0) }) {
                let name = input.incident.frontMatter.tags.first { TagSlug.of($0) == tag } ?? tag
                byTag[tag, default: (name, [])].incidents.append(input)
            }
        }
        var pages: [RenderedPage] = []
        for (slug, entry) in byTag.sorted(by: { $0.key < $1.key }) {
            let root = "../../"
            let view = TagPageView(root: root, tag: entry.name, incidents: indexEntries(entry.incidents, root: root))
            let body = try templates.render(view, template: "tag")
            pages.append(
                try page(
                    "tags/\(slug)/index.html", title: "Tagged \(entry.name)", description: nil, root: root, body: body))
        }
        return pages
    }

    private func indexEntries(_ incidents: [IncidentInput], root: String) -> [IndexEntryView] {
        incidents.map { input in
            let front = input.incident.frontMatter
            return IndexEntryView(
                href: root + "incidents/\(input.incident.slug)/index.html", title: front.title,
                date: front.date.flatMap { Format.day($0.isoDay) }, isoDay: front.date?.isoDay,
                severity: front.severity, isDraft: front.status == .draft, summary: front.summary,
                headline: input.primaryCampaign.map(HeadlineView.init))
        }
    }

    private func renderIncident(_ input: IncidentInput) throws(RenderErrors) -> [RenderedPage] {
        do {
            return try renderIncidentPages(input)
        } catch let error as RenderErrors {
            throw error
        } catch let error as RenderError {
            throw RenderErrors(errors: [error])
        } catch {
            throw RenderErrors(errors: [RenderError(path: input.incident.sourcePath, line: nil, message: "\(error)")])
        }
    }

    private func renderIncidentPages(_ input: IncidentInput) throws -> [RenderedPage] {
        let incident = input.incident
        let front = incident.frontMatter
        let base = "incidents/\(incident.slug)/"
        let root = "../../"
        let prose = ProseFigures(campaign: input.primaryCampaign)
        let notesHTML = try markdown(
            incident.body, path: incident.sourcePath, firstLine: incident.bodyLine, figures: prose)
        let campaigns = (input.metrics?.campaigns ?? []).enumerated().map {
            CampaignView($1, index: $0, failLevel: settings.thresholds.complaintRate.fail)
        }
        let skipped = input.metrics?.recordsSkipped ?? 0
        let view = IncidentView(
            root: root, title: front.title, date: front.date.flatMap { Format.day($0.isoDay) },
            isoDay: front.date?.isoDay, severity: front.severity, owner: front.owner,
            isDraft: front.status == .draft, summary: front.summary, hasTags: !front.tags.isEmpty,
            tags: front.tags.map { TagLinkView(name: $0, href: root + "tags/\(TagSlug.of($0))/index.html") },
            apologyHref: incident.apology == nil ? nil : "apology/index.html", campaigns: campaigns,
            skippedRecords: skipped > 0 ? Format.count(skipped) : nil,
            metricsHref: input.metrics == nil ? nil : "metrics.json", notesHTML: notesHTML)
        var pages = [
            try page(
                base + "index.html", title: front.title, description: front.summary, root: root,
                body: try templates.render(view, template: "incident"))
        ]
        if let metrics = input.metrics {
            pages.append(RenderedPage(path: base + "metrics.json", text: metrics.json))
        }
        if let apology = incident.apology {
            let apologyRoot = "../../../"
            let heading = apology.subject ?? "Our apology"
            let apologyView = ApologyView(
                root: apologyRoot, heading: heading, sentAt: apology.sentAt, incidentTitle: front.title,
                bodyHTML: try markdown(
                    apology.body, path: apology.sourcePath, firstLine: apology.bodyLine, figures: prose))
            pages.append(
                try page(
                    base + "apology/index.html", title: heading, description: nil, root: apologyRoot,
                    body: try templates.render(apologyView, template: "apology")))
        }
        return pages
    }

    /// Markdown to HTML: figures filled in, notes beyond the structural limits that keep cmark
    /// linear refused.
    private func markdown(_ source: String, path: String, firstLine: Int, figures: ProseFigures) throws(RenderErrors)
        -> String
    {
        let text = try figures.fill(source, path: path, firstLine: firstLine)
        let violations = CommonMark.limitViolations(in: text)
        if !violations.isEmpty {
            throw RenderErrors(
                errors: violations.map {
                    RenderError(path: path, line: firstLine + $0.line - 1, message: $0.message)
                })
        }
        return CommonMark.html(from: text, options: MarkdownOptions(unsafe: settings.markdownUnsafe))
    }

    private func page(_ path: String, title: String, description: String?, root: String, body: String)
        throws(RenderError) -> RenderedPage
    {
        let pageTitle = title == settings.title ? title : "\(title) — \(settings.title)"
        if let shell {
            return RenderedPage(
                path: path, bytes: shell.page(pageTitle: pageTitle, description: description, root: root, body: body))
        }
        let layout = LayoutView(
            language: settings.language, pageTitle: pageTitle, description: description,
            siteTitle: settings.title, root: root, hasFeed: settings.baseURL != nil, body: body)
        return RenderedPage(path: path, text: try templates.render(layout, template: "layout"))
    }
}

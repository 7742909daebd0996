import CampaignLog
import CampaignMetrics
import Foundation
import Incidents
import Rendering

/// The values the build's steps pass along, filled in step by step.
struct BuildState {
    let options: BuildOptions
    var content: SiteContent?
    var inputs: [IncidentInput] = []
    /// The recipients of every log read: what must never appear in `output/`.
    var recipients: [SymbolTable] = []
    var pages: [RenderedPage] = []
    /// Per incident slug, the lists that name people (only for the private folder).
    var recipientLists: [String: [RecipientLists]] = [:]
    /// The files of the private folder.
    var privateFiles: [RenderedPage] = []
    var warnings: [String] = []
    var writtenTo = ""
    /// Called about every 65,536 events read (progress display).
    var logProgress: ((_ file: String, _ eventsRead: Int) -> Void)?
    var privateWrittenTo: String?

    init(options: BuildOptions) { self.options = options }

    /// What the person who ran the build is told.
    var summary: BuildSummary {
        let lines = inputs.map { input -> String in
            let title = input.incident.frontMatter.title
            guard let campaign = input.metrics?.campaigns.max(by: { $0.totals.sends < $1.totals.sends }) else {
                return "\(input.incident.slug): \(title) (no logs)"
            }
            return "\(input.incident.slug): \(title) — \(campaign.totals.sends) sends to \(campaign.recipients) "
                + "recipients, \(campaign.recipientsWithMultipleVariants) got more than one variant"
        }
        return BuildSummary(
            outputPath: writtenTo, fileCount: pages.count, incidentLines: lines, warnings: warnings,
            privatePath: privateWrittenTo, privateFileCount: privateFiles.count)
    }

    // MARK: - Steps

    /// Reads `aftermail.yml` and every incident.
    static func loadContent(_ state: inout BuildState) throws(StepFailure) {
        do {
            var content = try SiteContent.load(
                siteRoot: state.options.siteRoot, includeDrafts: state.options.includeDrafts)
            if let baseURL = state.options.baseURL { content.settings.baseURL = baseURL }
            state.content = content
        } catch {
            throw StepFailure(error.errors.map(\.description))
        }
    }

    /// Reads each incident's logs as one run and computes its figures.
    static func computeFigures(_ state: inout BuildState) async throws(StepFailure) {
        guard let content = state.content else { return }
        var problems: [String] = []
        for incident in content.incidents {
            guard !incident.logFiles.isEmpty else {
                state.inputs.append(IncidentInput(incident: incident, metrics: nil))
                continue
            }
            let run: MetricsRun
            do {
                run = try await MetricsRun.read(
                    files: incident.logFiles.map { ($0.path, state.displayPath($0)) },
                    options: LogReadOptions(
                        strict: state.options.strict,
                        fields: ProviderFieldMap(state.content?.settings.providers ?? ProviderSettings())),
                    plan: incident.planFile.map { ($0.path, state.displayPath($0)) }, withRecipientLists: true,
                    progress: state.logProgress)
            } catch {
                problems.append(error.description)
                continue
            }
            state.warnings += run.reading.skippedSummary
            state.recipients.append(run.symbols.recipients)
            let wanted = incident.frontMatter.campaign
            state.recipientLists[incident.slug] = run.recipientLists.filter { wanted == nil || $0.campaign == wanted }
            let all = run.report
            let metrics = all.only(campaign: incident.frontMatter.campaign)
            if let wanted = incident.frontMatter.campaign, metrics.campaigns.isEmpty {
                let found = all.campaigns.map { "'\($0.campaign)'" }.joined(separator: ", ")
                problems.append(
                    "\(incident.sourcePath): error: campaign '\(wanted)' does not occur in the incident's logs"
                        + (found.isEmpty ? "" : " (they hold \(found))"))
                continue
            }
            state.inputs.append(IncidentInput(incident: incident, metrics: metrics))
        }
        if !problems.isEmpty { throw StepFailure(problems) }
    }

    /// Renders every page in memory.
    static func renderPages(_ state: inout BuildState) async throws(StepFailure) {
        guard let content = state.content else { return }
        do {
            let templates = try TemplateSet.load(overridesIn: content.root.appendingPathComponent("templates"))
            let renderer = SiteRenderer(settings: content.settings, templates: templates)
            state.pages = try await renderer.render(state.inputs)
            for input in state.inputs {
                guard let lists = state.recipientLists[input.incident.slug] else { continue }
                state.privateFiles += PrivateLists.files(
                    slug: input.incident.slug, lists: lists, apology: input.incident.apology,
                    email: try renderer.apologyEmail(input))
            }
        } catch {
            throw StepFailure(error.errors.map(\.description))
        }
    }

    /// Fails the build if any page holds an address read from a log (pages checked on all cores,
    /// leaks reported in page order).
    static func checkForAddresses(_ state: inout BuildState) throws(StepFailure) {
        let guardian = AddressLeakGuard(recipients: state.recipients)
        let pages = state.pages
        let leaks = ConcurrentChunks.map(count: guardian.recipients.isEmpty ? 0 : pages.count) { range in
            range.compactMap { index in
                guardian.firstLeak(in: pages[index].bytes).map { _ in
                    "output/\(pages[index].path): error: holds a recipient address from the logs; nothing was written"
                }
            }
        }.flatMap { $0 }
        if !leaks.isEmpty { throw StepFailure(leaks) }
    }

    /// Writes the lists that name people to the private folder (staged and swapped like the site).
    static func writePrivateLists(_ state: inout BuildState) throws(StepFailure) {
        guard let content = state.content, !state.privateFiles.isEmpty else { return }
        let folder =
            state.options.privateDirectory
            ?? content.root.appendingPathComponent(content.settings.privateDir).standardizedFileURL
        if folder == state.options.outputDirectory || folder.path.hasPrefix(state.options.outputDirectory.path + "/") {
            throw StepFailure(
                "error: the private folder \(state.displayPath(folder)) is inside the public output folder; refusing to publish lists that name people"
            )
        }
        do {
            try OutputWriter(destination: folder).write(state.privateFiles)
        } catch {
            throw StepFailure(error.description)
        }
        state.privateWrittenTo = state.displayPath(folder)
    }

    /// Writes the pages to a staging folder and swaps it in place of the output folder.
    static func writeSite(_ state: inout BuildState) throws(StepFailure) {
        do {
            try OutputWriter(destination: state.options.outputDirectory).write(state.pages)
        } catch {
            throw StepFailure(error.description)
        }
        state.writtenTo = state.displayPath(state.options.outputDirectory)
    }

    // MARK: - Private

    /// A path as the user would type it: relative to the site folder when inside it.
    func displayPath(_ url: URL) -> String {
        let root = options.siteRoot.path.hasSuffix("/") ? options.siteRoot.path : options.siteRoot.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}

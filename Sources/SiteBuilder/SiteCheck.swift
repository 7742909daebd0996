import CampaignMetrics
import Incidents

/// `aftermail check`: loads the site and computes its figures as `build` does, then evaluates the
/// thresholds of `aftermail.yml` (SPEC §4) on every campaign. Writes nothing.
public struct SiteCheck: Sendable {
    /// Which site, and whether drafts count.
    public let options: BuildOptions

    /// A check of the site the options name.
    public init(options: BuildOptions) { self.options = options }

    /// Runs the check.
    /// - Throws: ``BuildError`` when the site or its logs cannot be read.
    public func run() async throws(BuildError) -> CheckReport {
        var state = BuildState(options: options)
        for step in SiteBuild.figureSteps { try await step.perform(on: &state) }
        let thresholds = state.content?.settings.thresholds ?? .default
        var findings: [CheckReport.Finding] = []
        var withoutLogs: [String] = []
        for input in state.inputs {
            guard let metrics = input.metrics else {
                withoutLogs.append(input.incident.slug)
                continue
            }
            for campaign in metrics.campaigns {
                findings += Self.evaluate(campaign, thresholds: thresholds, incident: input.incident)
            }
        }
        return CheckReport(findings: findings, incidentsWithoutLogs: withoutLogs)
    }

    /// The five checks of SPEC §4 on one campaign.
    static func evaluate(_ campaign: CampaignFigures, thresholds: Thresholds, incident: Incident) -> [CheckReport
        .Finding]
    {
        func rate(_ check: String, _ label: String, _ value: Double?, _ limit: Thresholds.Limit) -> CheckReport.Finding
        {
            let status: CheckReport.Status =
                value.map { value in
                    if let fail = limit.fail, value > fail { return .fail }
                    if let warn = limit.warn, value > warn { return .warn }
                    return .pass
                } ?? .pass
            let shown = value.map(CheckText.percent) ?? "undefined"
            let message: String
            switch status {
            case .fail: message = "\(label) \(shown) is above the fail level \(CheckText.percent(limit.fail ?? 0))"
            case .warn: message = "\(label) \(shown) is above the warn level \(CheckText.percent(limit.warn ?? 0))"
            case .pass: message = "\(label) \(shown)"
            }
            return finding(check, value, limit.warn, limit.fail, status, message)
        }
        func count(_ check: String, _ value: Int, _ allowed: Int, _ what: String) -> CheckReport.Finding {
            let status: CheckReport.Status = value > allowed ? .fail : .pass
            let message = status == .fail ? "\(value) \(what) (at most \(allowed) allowed)" : "\(value) \(what)"
            return finding(check, Double(value), nil, Double(allowed), status, message)
        }
        func finding(
            _ check: String, _ value: Double?, _ warn: Double?, _ fail: Double?, _ status: CheckReport.Status,
            _ message: String
        ) -> CheckReport.Finding {
            CheckReport.Finding(
                incident: incident.slug, path: incident.sourcePath, campaign: campaign.campaign, check: check,
                value: value,
                warn: warn, fail: fail, status: status, message: message)
        }
        return [
            rate("complaint_rate", "complaint rate", campaign.totals.complaintRate, thresholds.complaintRate),
            rate("unsubscribe_rate", "unsubscribe rate", campaign.totals.unsubscribeRate, thresholds.unsubscribeRate),
            rate("bounce_rate", "bounce rate", campaign.totals.bounceRate, thresholds.bounceRate),
            count(
                "recipients_with_multiple_variants", campaign.recipientsWithMultipleVariants,
                thresholds.recipientsWithMultipleVariants, "recipients received more than one variant"),
            count(
                "sends_after_opt_out", campaign.afterOptOut.sends, thresholds.sendsAfterOptOut,
                "sends went to \(campaign.afterOptOut.recipients) recipients after their own complaint or unsubscribe"),
        ]
    }
}

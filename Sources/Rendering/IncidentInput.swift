import CampaignMetrics
import Incidents

/// What the renderer needs of one incident: its notes and, when it has logs, its figures.
public struct IncidentInput: Sendable {
    /// The incident as loaded from the site folder.
    public var incident: Incident
    /// The figures of its logs (already restricted to its campaign); nil when it has no logs.
    public var metrics: MetricsReport?

    /// Pairs an incident with its figures.
    public init(incident: Incident, metrics: MetricsReport?) {
        self.incident = incident
        self.metrics = metrics
    }

    /// The campaign a reader should see first: the one with the most sends (ties by id).
    var primaryCampaign: CampaignFigures? {
        metrics?.campaigns.max { ($0.totals.sends, $1.campaign) < ($1.totals.sends, $0.campaign) }
    }
}

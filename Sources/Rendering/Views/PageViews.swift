/// The shell around every page.
struct LayoutView {
    let language: String
    let pageTitle: String
    let description: String?
    let siteTitle: String
    let root: String
    let hasFeed: Bool
    let body: String
}

/// The home page: every incident, newest first.
struct IndexView {
    let siteTitle: String
    let hasIncidents: Bool
    let incidents: [IndexEntryView]
}

/// One incident on the home page.
struct IndexEntryView {
    let href: String
    let title: String
    let date: String?
    let isoDay: String?
    let severity: String?
    let isDraft: Bool
    let summary: String?
    let headline: HeadlineView?
}

/// A post-mortem page.
struct IncidentView {
    let root: String
    let title: String
    let date: String?
    let isoDay: String?
    let severity: String?
    let owner: String?
    let isDraft: Bool
    let summary: String?
    let hasTags: Bool
    let tags: [TagLinkView]
    let apologyHref: String?
    let campaigns: [CampaignView]
    let skippedRecords: String?
    let metricsHref: String?
    let notesHTML: String
}

/// An apology page.
struct ApologyView {
    let root: String
    let heading: String
    let sentAt: String?
    let incidentTitle: String
    let bodyHTML: String
}

import CampaignMetrics

/// The five numbers a reader looks at first, formatted.
struct HeadlineView {
    let sends: String
    let recipients: String
    let multiple: String
    let complaintRate: String
    let unsubscribeRate: String

    init(_ campaign: CampaignFigures) {
        sends = Format.count(campaign.totals.sends)
        recipients = Format.count(campaign.recipients)
        multiple = Format.count(campaign.recipientsWithMultipleVariants)
        complaintRate = Format.percent(campaign.totals.complaintRate)
        unsubscribeRate = Format.percent(campaign.totals.unsubscribeRate)
    }
}

/// One row of the per-variant table.
struct VariantRowView {
    let name: String
    let sends: String
    let delivered: String
    let bounces: String
    let complaints: String
    let unsubscribes: String
    let recipients: String
    let complaintRate: String
    let complaintInterval: String?
    let unsubscribeRate: String
    let bounceRate: String

    init(_ figures: VariantFigures) {
        name = figures.variant ?? "All variants"
        sends = Format.count(figures.sends)
        delivered = Format.count(figures.delivered)
        bounces = Format.count(figures.bounces)
        complaints = Format.count(figures.complaints)
        unsubscribes = Format.count(figures.unsubscribes)
        recipients = Format.count(figures.recipients)
        complaintRate = Format.percent(figures.complaintRate)
        complaintInterval = figures.complaintRateInterval.map { "\(Format.percent($0.low))–\(Format.percent($0.high))" }
        unsubscribeRate = Format.percent(figures.unsubscribeRate)
        bounceRate = Format.percent(figures.bounceRate)
    }
}

/// One campaign's section of a post-mortem page.
struct CampaignView {
    let name: String
    let anchor: String
    let headline: HeadlineView
    let variants: [VariantRowView]
    let totals: VariantRowView
    let firstSend: String
    let lastSend: String
    let firstComplaint: String
    let diagnosis: DiagnosisView?

    init(_ campaign: CampaignFigures, index: Int, failLevel: Double?) {
        name = campaign.campaign.isEmpty ? "the campaign" : campaign.campaign
        anchor = "campaign-\(index + 1)"
        headline = HeadlineView(campaign)
        variants = campaign.variants.map(VariantRowView.init)
        totals = VariantRowView(campaign.totals)
        firstSend = Format.time(campaign.firstSend?.rfc3339)
        lastSend = Format.time(campaign.lastSend?.rfc3339)
        firstComplaint = Format.time(campaign.firstComplaint?.rfc3339)
        diagnosis = campaign.isDiagnosed ? DiagnosisView(campaign, anchor: anchor, failLevel: failLevel) : nil
    }
}

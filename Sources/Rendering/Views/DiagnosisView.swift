import CampaignMetrics

/// What went wrong, in sentences, with the charts and their data tables.
struct DiagnosisView {
    /// Plain sentences (already formatted; escaped by the template).
    let findings: [String]
    let charts: [ChartView]
    let overlapColumns: [String]
    let overlapRows: [OverlapRowView]
    let hasTimeline: Bool
    let timelineHeader: [String]
    let timelineRows: [TimelineRowView]

    init(_ campaign: CampaignFigures, anchor: String, failLevel: Double?) {
        findings = Self.findings(campaign)
        var charts: [ChartView] = []
        if !campaign.timeline.buckets.isEmpty {
            charts.append(ChartView(TimelineChart(id: "\(anchor)-timeline", timeline: campaign.timeline)))
        }
        let named = campaign.namedVariants
        if !named.isEmpty {
            let chart = RateChart(id: "\(anchor)-rates", variants: named, failLevel: failLevel)
            charts.append(ChartView(title: chart.title, description: chart.description, svg: chart.svg))
        }
        if campaign.overlap.variants.count > 1 {
            let chart = OverlapHeatMap(id: "\(anchor)-overlap", overlap: campaign.overlap)
            charts.append(ChartView(title: chart.title, description: chart.description, svg: chart.svg))
        }
        self.charts = charts
        overlapColumns = campaign.overlap.variants
        overlapRows = zip(campaign.overlap.variants, campaign.overlap.matrix).map { name, counts in
            OverlapRowView(variant: name, cells: counts.map(Format.count))
        }
        hasTimeline = !campaign.timeline.buckets.isEmpty
        timelineHeader = campaign.timeline.variants.map(\.variant)
        timelineRows = campaign.timeline.buckets.indices.map { bucket in
            TimelineRowView(
                time: Format.time(campaign.timeline.buckets[bucket].rfc3339),
                sends: campaign.timeline.variants.map { Format.count($0.sends[bucket]) },
                complaints: Format.count(campaign.timeline.variants.map { $0.complaints[bucket] }.reduce(0, +)),
                unsubscribes: Format.count(campaign.timeline.variants.map { $0.unsubscribes[bucket] }.reduce(0, +)))
        }
    }

    private static func findings(_ campaign: CampaignFigures) -> [String] {
        var lines: [String] = []
        let multiple = campaign.recipientsWithMultipleVariants
        if multiple > 0 {
            let most = campaign.copies.max { $0.recipients < $1.recipients }
            var line =
                "\(Format.count(multiple)) of \(Format.count(campaign.recipients)) recipients received more than one variant"
            if let most, most.copies > 1 { line += "; \(Format.count(most.recipients)) received \(most.copies)" }
            lines.append(line + ".")
        } else if campaign.recipients > 0 {
            lines.append("Every recipient received exactly one variant.")
        }
        let timeline = campaign.timeline
        if let bleeding = timeline.firstComplaintToLastSend, bleeding > 0 {
            lines.append(
                "Sending went on for \(duration(bleeding)) after the first complaint: "
                    + "\(Format.count(timeline.sendsAfterFirstComplaint)) sends.")
        }
        if let first = timeline.firstSendToFirstComplaint {
            lines.append("The first complaint came \(duration(first)) after the first send.")
        }
        let after = campaign.afterOptOut
        if after.sends > 0 {
            var line =
                "\(Format.count(after.sends)) sends went to \(Format.count(after.recipients)) of the "
                + "\(Format.count(after.optedOut)) people who had complained or unsubscribed, after they had done so"
            if let delay = after.delay { line += " (median \(duration(delay.median)) later)" }
            lines.append(line + ".")
        } else if after.optedOut > 0 {
            lines.append("No one who complained or unsubscribed was sent anything afterwards.")
        }
        if timeline.complaintsAfterLastSend > 0 {
            lines.append(
                "\(Format.count(timeline.complaintsAfterLastSend)) complaints arrived after sending had stopped.")
        }
        if campaign.duplicateSends.recipients > 0 {
            lines.append(
                "\(Format.count(campaign.duplicateSends.recipients)) recipients were sent the same variant more than once "
                    + "(\(Format.count(campaign.duplicateSends.extraSends)) extra sends).")
        }
        let test = campaign.complaintTest
        if let p = test.pValue, test.variants.count > 1 {
            let above = test.crediblyAboveBest
            var line =
                "Complaint rates " + (p < 0.05 ? "differ" : "do not differ credibly") + " across variants "
                + "(chi-square p = \(pValue(p)))"
            if !above.isEmpty, let best = test.best {
                line += "; \(above.joined(separator: ", ")) \(above.count == 1 ? "is" : "are") credibly above \(best)"
            }
            lines.append(line + ".")
        }
        if let plan = campaign.plan {
            lines.append(
                "Against the plan: \(Format.count(plan.recipientsSentUnplannedVariant)) recipients were sent a variant "
                    + "they were not assigned, \(Format.count(plan.plannedNeverSent)) planned recipients were never sent, "
                    + "and \(Format.count(plan.sentNotInPlan)) recipients were sent without being in the plan.")
        }
        return lines
    }

    /// `6703` → `1 h 51 min`; `75.4` → `1 min 15 s`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 86_400 { return "\(whole / 86_400) d \(whole % 86_400 / 3600) h" }
        if whole >= 3600 { return "\(whole / 3600) h \(whole % 3600 / 60) min" }
        if whole >= 60 { return "\(whole / 60) min" + (whole % 60 > 0 ? " \(whole % 60) s" : "") }
        return "\(whole) s"
    }

    /// A p-value for people: `< 0.0001` below that, else three significant digits.
    static func pValue(_ value: Double) -> String {
        if value < 0.0001 { return "< 0.0001" }
        if value >= 0.01 { return String((value * 1000).rounded() / 1000) }
        return String((value * 100_000).rounded() / 100_000)
    }
}

/// One chart: its title, its text description (for readers who cannot see it) and its SVG.
struct ChartView {
    let title: String
    let description: String
    let svg: String

    init(title: String, description: String, svg: String) {
        self.title = title
        self.description = description
        self.svg = svg
    }

    init(_ chart: TimelineChart) {
        self.init(title: chart.title, description: chart.description, svg: chart.svg)
    }
}

/// One row of the overlap table.
struct OverlapRowView {
    let variant: String
    let cells: [String]
}

/// One row of the timeline table.
struct TimelineRowView {
    let time: String
    let sends: [String]
    let complaints: String
    let unsubscribes: String
}

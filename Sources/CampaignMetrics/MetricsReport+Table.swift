extension MetricsReport {
    /// The report as a plain-text table per campaign, for a terminal.
    public var table: String {
        var lines: [String] = []
        for campaign in campaigns {
            let name = campaign.campaign.isEmpty ? "(no campaign id)" : campaign.campaign
            lines.append("Campaign \(name)")
            lines.append(
                "  sends \(campaign.firstSend?.rfc3339 ?? "–") to \(campaign.lastSend?.rfc3339 ?? "–"); "
                    + "first complaint \(campaign.firstComplaint?.rfc3339 ?? "none")")
            lines.append(
                "  \(campaign.recipients) recipients, \(campaign.recipientsWithMultipleVariants) "
                    + "received more than one variant")
            let header = [
                "variant", "sends", "delivered", "bounces", "complaints", "unsubs", "recipients",
                "complaint %", "unsub %", "bounce %",
            ]
            var rows = [header]
            for figures in campaign.variants + [campaign.totals] {
                rows.append([
                    figures.variant ?? "total", String(figures.sends), String(figures.delivered),
                    String(figures.bounces), String(figures.complaints), String(figures.unsubscribes),
                    String(figures.recipients), Self.percent(figures.complaintRate),
                    Self.percent(figures.unsubscribeRate), Self.percent(figures.bounceRate),
                ])
            }
            lines += Self.aligned(rows).map { "  " + $0 }
            lines += campaign.diagnosisLines.map { "  " + $0 }
            lines.append("")
        }
        lines.append(
            "\(eventsRead) events read, \(duplicatesDropped) duplicates dropped, \(recordsSkipped) bad records skipped")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A rate as a percentage with three decimals, or "–" when undefined.
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        let thousandths = Int((rate * 100_000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Rows padded into columns: the first left-aligned, the rest right-aligned.
    static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }
}

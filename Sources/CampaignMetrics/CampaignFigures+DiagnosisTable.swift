extension CampaignFigures {
    /// The diagnosis in a few lines for a terminal (no addresses, like the rest of the table).
    var diagnosisLines: [String] {
        guard isDiagnosed else { return [] }
        var lines: [String] = []
        let histogram = copies.filter { $0.recipients > 0 }.map { "\($0.recipients) got \($0.copies)" }
        if !histogram.isEmpty { lines.append("copies received: " + histogram.joined(separator: ", ")) }
        if afterOptOut.sends > 0 {
            let median = afterOptOut.delay.map { "; opt-out to next send: median \(Self.duration($0.median))" } ?? ""
            lines.append(
                "sends after opt-out: \(afterOptOut.sends) to \(afterOptOut.recipients) of "
                    + "\(afterOptOut.optedOut) recipients who opted out\(median)")
        } else {
            lines.append("sends after opt-out: none (\(afterOptOut.optedOut) recipients opted out)")
        }
        lines.append(
            duplicateSends.recipients == 0
                ? "duplicate sends: none"
                : "duplicate sends: \(duplicateSends.extraSends) extra to \(duplicateSends.recipients) recipients")
        if let toComplaint = timeline.firstSendToFirstComplaint, let after = timeline.firstComplaintToLastSend {
            lines.append(
                "first complaint \(Self.duration(toComplaint)) after the first send; sending went on for "
                    + "\(Self.duration(after)) after it (\(timeline.sendsAfterFirstComplaint) sends); "
                    + "\(timeline.complaintsAfterLastSend) complaints after the last send")
        }
        for (name, test) in [("complaint", complaintTest), ("unsubscribe", unsubscribeTest)] {
            guard let statistic = test.statistic, let p = test.pValue, let best = test.best else { continue }
            let worse = test.crediblyAboveBest.isEmpty ? "none" : test.crediblyAboveBest.joined(separator: ", ")
            lines.append(
                "\(name) rates across variants: chi-square \(JSONText.significant(statistic)), "
                    + "df \(test.degreesOfFreedom), p \(JSONText.significant(p)); credibly above \(best): \(worse)")
        }
        if let plan {
            lines.append(
                "plan: \(plan.plannedRecipients) planned recipients, \(plan.recipientsSentUnplannedVariant) sent a variant "
                    + "not assigned to them, \(plan.plannedNeverSent) never sent, \(plan.sentNotInPlan) sent but not in the plan"
            )
        }
        return lines
    }

    /// Seconds as `1h51m43s`, `8m16s`, `12.5s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds >= 60 else { return JSONText.decimal((seconds * 10).rounded() / 10) + "s" }
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return (hours > 0 ? "\(hours)h" : "") + "\(minutes)m\(rest)s"
    }
}

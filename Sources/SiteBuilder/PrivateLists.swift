import CampaignLog
import CampaignMetrics
import Incidents
import Rendering

/// The files of the private folder (the apology kit): lists that name people, which never go to
/// `output/`. Per incident with logs: `apology-recipients.csv`, `complaints.csv`, and, with an
/// apology, `apology-email.txt` and `apology-email.html`.
enum PrivateLists {
    /// The files for one incident, paths relative to the private folder.
    static func files(
        slug: String, lists: [RecipientLists], apology: Apology?, email: (subject: String, text: String, html: String)?
    ) -> [RenderedPage] {
        var files: [RenderedPage] = []
        let rows = lists.flatMap { list in list.rows.map { (list.campaign, $0) } }
        let audience = apology?.audience ?? .multipleVariants
        var owed = "campaign,recipient,variants,copies,complaints,unsubscribes\n"
        for (campaign, row) in rows where isOwed(row, audience) {
            owed += csv([
                campaign, row.recipient, row.variants.joined(separator: " "), String(row.copies),
                String(row.complaints), String(row.unsubscribes),
            ])
        }
        files.append(RenderedPage(path: "\(slug)/apology-recipients.csv", text: owed))
        var complaints =
            "campaign,recipient,first_complaint,complaints,unsubscribed,variants,copies,sends_after_opt_out\n"
        let complainants = rows.filter { $0.1.complaints > 0 }.sorted {
            ($0.1.firstComplaint?.microseconds ?? 0, $0.1.recipient) < (
                $1.1.firstComplaint?.microseconds ?? 0, $1.1.recipient
            )
        }
        for (campaign, row) in complainants {
            complaints += csv([
                campaign, row.recipient, row.firstComplaint?.rfc3339 ?? "", String(row.complaints),
                row.unsubscribes > 0 ? "yes" : "no", row.variants.joined(separator: " "), String(row.copies),
                String(row.sendsAfterOptOut),
            ])
        }
        files.append(RenderedPage(path: "\(slug)/complaints.csv", text: complaints))
        if let email {
            files.append(RenderedPage(path: "\(slug)/apology-email.txt", text: email.text))
            files.append(RenderedPage(path: "\(slug)/apology-email.html", text: email.html))
        }
        return files
    }

    private static func isOwed(_ row: RecipientLists.Row, _ audience: ApologyAudience) -> Bool {
        switch audience {
        case .multipleVariants: row.copies >= 2
        case .allRecipients: row.copies >= 1
        case .complainants: row.complaints > 0
        case .sentAfterOptOut: row.sendsAfterOptOut > 0
        }
    }

    /// One CSV record (RFC 4180); a field that a spreadsheet would run as a formula is prefixed
    /// with `'`.
    static func csv(_ fields: [String]) -> String {
        fields.map { field in
            var value = field
            if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }
}

import CampaignMetrics
import CommonMark
import Incidents

extension SiteRenderer {
    /// The apology of `input` as a ready-to-send email body: plain text (the Markdown with the
    /// figures filled in, readable as it is) and HTML (a self-contained page, inline styles only).
    /// Nil when the incident has no apology.
    public func apologyEmail(_ input: IncidentInput) throws(RenderErrors) -> (
        subject: String, text: String, html: String
    )? {
        guard let apology = input.incident.apology else { return nil }
        let subject = apology.subject ?? input.incident.frontMatter.title
        let filled = try ProseFigures(campaign: input.primaryCampaign)
            .fill(apology.body, path: apology.sourcePath, firstLine: apology.bodyLine)
        let violations = CommonMark.limitViolations(in: filled)
        if !violations.isEmpty {
            throw RenderErrors(
                errors: violations.map {
                    RenderError(path: apology.sourcePath, line: apology.bodyLine + $0.line - 1, message: $0.message)
                })
        }
        let body = CommonMark.html(from: filled, options: MarkdownOptions(unsafe: settings.markdownUnsafe))
        let html = """
            <!doctype html>
            <html lang="\(Feeds.escape(settings.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Feeds.escape(subject))</title>
            </head>
            <body style="margin:0;padding:24px;font:16px/1.6 -apple-system,'Segoe UI',Roboto,sans-serif;color:#1d232b;background:#ffffff">
            <div style="max-width:600px;margin:0 auto">
            \(body)</div>
            </body>
            </html>

            """
        let text = "Subject: \(subject)\n\n" + Self.unescapingMarkdownFills(filled)
        return (subject, text, html)
    }

    /// Figures are filled in as literal Markdown (`0\.383%`); plain text wants them bare.
    private static func unescapingMarkdownFills(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if !escaped, character == "\\" {
                escaped = true
                continue
            }
            if escaped, !"\\`*_{}[]()<>#+-.!|&~\"'".contains(character) { out.append("\\") }
            escaped = false
            out.append(character)
        }
        return out
    }
}

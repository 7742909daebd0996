import CampaignLog
import Incidents

/// The Atom feed and the sitemap: the only pages with absolute links, so they need `base_url`.
struct Feeds {
    /// The site's public address, ending with `/`.
    let baseURL: String
    let settings: SiteSettings

    /// `base_url` checked: an absolute http(s) address; nil when the site has none.
    static func make(settings: SiteSettings) throws(RenderError) -> Feeds? {
        guard let raw = settings.baseURL?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let lower = raw.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !raw.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" })
        else {
            throw RenderError(
                path: "aftermail.yml", line: nil, message: "base_url must be an absolute http(s) address, not '\(raw)'")
        }
        return Feeds(baseURL: raw.hasSuffix("/") ? raw : raw + "/", settings: settings)
    }

    /// An Atom feed (RFC 4287) with an entry per incident, newest first.
    func atom(_ incidents: [Incident]) -> String {
        let updated = incidents.compactMap(\.frontMatter.date).max().map(Self.stamp) ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Self.escape(settings.language))">
            <title>\(Self.escape(settings.title))</title>
            <link href="\(Self.escape(baseURL))"/>
            <link rel="self" href="\(Self.escape(baseURL))feed.xml"/>
            <id>\(Self.escape(baseURL))</id>
            <updated>\(updated)</updated>
            <author><name>\(Self.escape(settings.title))</name></author>

            """
        for incident in incidents {
            let url = baseURL + "incidents/\(incident.slug)/"
            let front = incident.frontMatter
            xml += """
                <entry>
                <title>\(Self.escape(front.title))</title>
                <link href="\(Self.escape(url))index.html"/>
                <id>\(Self.escape(url))</id>
                <updated>\(front.date.map(Self.stamp) ?? updated)</updated>
                \(front.summary.map { "<summary>\(Self.escape($0))</summary>\n" } ?? "")</entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// A sitemap (sitemaps.org 0.9) of every HTML page, by path.
    func sitemap(pagePaths: [String]) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for path in pagePaths.sorted() where path.hasSuffix(".html") {
            xml += "<url><loc>\(Self.escape(baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Text fit for XML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // Characters XML 1.0 cannot carry are dropped.
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// An incident date as an Atom timestamp (UTC).
    private static func stamp(_ date: IncidentDate) -> String {
        Timestamp(seconds: date.epochSeconds).rfc3339
    }
}

import Foundation

// MARK: - Internal

extension Apology {
    /// Reads and parses `url`, adding every problem to `errors`; nil when there was any.
    static func load(_ url: URL, path: String, errors: inout [ContentError]) -> Apology? {
        let text: String
        let parsed: (parts: FrontMatter, root: YAMLNode?)
        do {
            text = try TextFile.read(url, path: path)
            parsed = try FrontMatter.parse(text, path: path)
        } catch {
            errors.append(contentsOf: error.errors)
            return nil
        }
        var diagnostics = Diagnostics(path: path, lineOffset: FrontMatter.yamlLineOffset)
        var apology = Apology(sourcePath: path, body: parsed.parts.body, bodyLine: parsed.parts.bodyLine)
        if let root = parsed.root, !root.isNull,
            let entries = root.entries(known: keys, context: "apology front matter", into: &diagnostics)
        {
            apology.subject = entries["subject"]?.optionalString(key: "subject", into: &diagnostics)
            if apology.subject?.isEmpty == true { apology.subject = nil }
            if let node = entries["audience"], let text = node.optionalString(key: "audience", into: &diagnostics) {
                if let audience = ApologyAudience(rawValue: text) {
                    apology.audience = audience
                } else {
                    diagnostics.error(
                        yamlLine: node.line,
                        "'audience' must be one of "
                            + ApologyAudience.allCases.map(\.rawValue).joined(separator: ", ") + ", not '\(text)'")
                }
            }
            if let node = entries["sent_at"], let sentAt = node.optionalString(key: "sent_at", into: &diagnostics) {
                apology.sentAt = sentAt
                if IncidentDate(sentAt) == nil {
                    diagnostics.error(
                        yamlLine: node.line, "'sent_at' is not a valid date: '\(sentAt)'",
                        hint: "write YYYY-MM-DD or RFC 3339 with an offset, e.g. 2026-09-12T09:00:00Z")
                }
            }
        }
        errors.append(contentsOf: diagnostics.errors)
        return diagnostics.isEmpty ? apology : nil
    }
}

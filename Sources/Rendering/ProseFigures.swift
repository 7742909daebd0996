import Foundation
import CampaignMetrics

/// Fills `{{ figures.NAME }}` in notes and apologies from the computed figures, before cmark
/// runs, so the words can never disagree with the data. An unknown name is an error with its line.
///
/// Names follow the keys of `metrics.json` for the incident's main campaign: `campaign`,
/// `recipients`, `recipients_with_multiple_variants`, `first_send`, `last_send`, `first_complaint`,
/// `variant_count`, every key of `totals` (`sends`, `complaint_rate`…, also as `totals.sends`), and
/// `variants.<variant>.<key>` for one variant. Counts are written with thousands separators,
/// rates as percentages, times as `2026-09-10 14:03 UTC`.
public struct ProseFigures: Sendable {
    // MARK: - Public API

    /// The names and their text.
    public let values: [String: String]

    /// The figures of `campaign`, or none (every name is then an error saying so).
    public init(campaign: CampaignFigures?) {
        values = campaign.map(Self.values(of:)) ?? [:]
    }

    /// `text` with every `{{ figures.NAME }}` replaced.
    ///
    /// - Parameters:
    ///   - path: the file the text comes from, for errors.
    ///   - firstLine: the file line of the text's first line.
    public func fill(_ text: String, path: String, firstLine: Int) throws(RenderErrors) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var problems: [RenderError] = []
        var line = firstLine
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let before = rest[..<open.lowerBound]
            out += before
            line += before.count { $0 == "\n" }
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}"), !afterOpen[..<close.lowerBound].contains("\n") else {
                out += "{{"
                rest = afterOpen
                continue
            }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: " \t")
            guard name.hasPrefix("figures.") else {
                out += rest[open.lowerBound..<close.upperBound]
                rest = afterOpen[close.upperBound...]
                continue
            }
            let key = String(name.dropFirst("figures.".count))
            if let value = values[key] {
                out += Self.escapedForMarkdown(value)
            } else {
                problems.append(RenderError(path: path, line: line, message: unknown(key)))
            }
            rest = afterOpen[close.upperBound...]
        }
        out += rest
        if !problems.isEmpty { throw RenderErrors(errors: problems) }
        return out
    }

    // MARK: - Private

    private func unknown(_ key: String) -> String {
        if values.isEmpty { return "'figures.\(key)' is used, but this incident has no logs to take figures from" }
        let near = values.keys.filter { $0.hasSuffix(key) || key.hasSuffix($0) }.sorted().first
        return "unknown figure 'figures.\(key)'" + (near.map { " (did you mean 'figures.\($0)'?)" } ?? "")
    }

    private static func values(of campaign: CampaignFigures) -> [String: String] {
        var values: [String: String] = [
            "campaign": campaign.campaign,
            "recipients": Format.count(campaign.recipients),
            "recipients_with_multiple_variants": Format.count(campaign.recipientsWithMultipleVariants),
            "first_send": Format.minute(campaign.firstSend?.rfc3339),
            "last_send": Format.minute(campaign.lastSend?.rfc3339),
            "first_complaint": Format.minute(campaign.firstComplaint?.rfc3339),
            "variant_count": Format.count(campaign.variants.filter { $0.variant != "unassigned" }.count),
        ]
        for (key, value) in fields(of: campaign.totals) {
            values[key] = value
            values["totals." + key] = value
        }
        values["recipients"] = Format.count(campaign.recipients)
        for variant in campaign.variants {
            for (key, value) in fields(of: variant) { values["variants.\(variant.variant ?? "").\(key)"] = value }
        }
        return values
    }

    private static func fields(of figures: VariantFigures) -> [(String, String)] {
        [
            ("sends", Format.count(figures.sends)), ("delivered", Format.count(figures.delivered)),
            ("bounces", Format.count(figures.bounces)), ("deferred", Format.count(figures.deferred)),
            ("dropped", Format.count(figures.dropped)), ("opens", Format.count(figures.opens)),
            ("clicks", Format.count(figures.clicks)), ("complaints", Format.count(figures.complaints)),
            ("unsubscribes", Format.count(figures.unsubscribes)), ("recipients", Format.count(figures.recipients)),
            ("complaint_rate", Format.percent(figures.complaintRate)),
            ("unsubscribe_rate", Format.percent(figures.unsubscribeRate)),
            ("bounce_rate", Format.percent(figures.bounceRate)),
        ]
    }

    /// A value as literal Markdown text: punctuation that could start markup is backslash-escaped.
    private static func escapedForMarkdown(_ value: String) -> String {
        var out = ""
        for character in value {
            if "\\`*_{}[]()<>#+-.!|&~\"'".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

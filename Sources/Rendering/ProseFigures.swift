import CampaignLog
import CampaignMetrics
import Foundation

/// Fills `{{ figures.NAME }}` in notes and apologies from the computed figures, before cmark
/// runs, so the words can never disagree with the data. An unknown name is an error with its line.
///
/// Names follow the keys of `metrics.json` for the incident's main campaign: `campaign`,
/// `recipients`, `recipients_with_multiple_variants`, `first_send`, `last_send`, `first_complaint`
/// (`2026-09-10 14:03 UTC`) and their `…_time` forms (`14:03`), `variant_count`, every key of
/// `totals` (`sends`, `complaint_rate`…, also as `totals.sends`), `variants.<variant>.<key>` for
/// one variant (and `variants.<variant>.first_send_time`); from the diagnosis: `sending_duration`,
/// `first_complaint_after`, `sending_after_first_complaint` (`1 h 51 min`),
/// `sends_after_first_complaint`, `complaints_after_last_send`, `opted_out`,
/// `sends_after_opt_out`, `recipients_sent_after_opt_out`, `most_copies`. Counts are written with
/// thousands separators, rates as percentages.
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
        let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        guard Self.hasDoubleBrace(text) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var problems: [RenderError] = []
        var line = firstLine
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == brace, index + 1 < bytes.count, bytes[index + 1] == brace else {
                if byte == newline { line += 1 }
                out.append(byte)
                index += 1
                continue
            }
            // A placeholder is `{{`, a name, `}}`, all on one line.
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close), bytes[end] != newline {
                end += 1
            }
            guard end + 1 < bytes.count, bytes[end] == close, bytes[end + 1] == close else {
                out += [brace, brace]
                index += 2
                continue
            }
            let name = String(decoding: bytes[(index + 2)..<end], as: UTF8.self).trimmingCharacters(in: " \t")
            if name.hasPrefix("figures.") {
                let key = String(name.dropFirst("figures.".count))
                if let value = values[key] {
                    out += Self.escapedForMarkdown(value).utf8
                } else {
                    problems.append(RenderError(path: path, line: line, message: unknown(key)))
                }
            } else {
                out += bytes[index..<(end + 2)]
            }
            index = end + 2
        }
        if !problems.isEmpty { throw RenderErrors(errors: problems) }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Private

    /// Whether `text` has a `{{` anywhere; most notes have none and are passed through untouched.
    private static func hasDoubleBrace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = base
            let end = base + bytes.count
            while start < end, let found = memchr(start, Int32(UInt8(ascii: "{")), end - start) {
                let brace = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                if brace + 1 < end && brace[1] == UInt8(ascii: "{") { return true }
                start = brace + 1
            }
            return false
        }
    }

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
        values["first_send_time"] = clock(campaign.firstSend)
        values["last_send_time"] = clock(campaign.lastSend)
        values["first_complaint_time"] = clock(campaign.firstComplaint)
        guard campaign.isDiagnosed else { return values }
        let timeline = campaign.timeline
        if let first = campaign.firstSend, let last = campaign.lastSend {
            values["sending_duration"] = DiagnosisView.duration(Double(last.microseconds - first.microseconds) / 1e6)
        }
        values["first_complaint_after"] = timeline.firstSendToFirstComplaint.map(DiagnosisView.duration) ?? "–"
        values["sending_after_first_complaint"] = timeline.firstComplaintToLastSend.map(DiagnosisView.duration) ?? "–"
        values["sends_after_first_complaint"] = Format.count(timeline.sendsAfterFirstComplaint)
        values["complaints_after_last_send"] = Format.count(timeline.complaintsAfterLastSend)
        values["opted_out"] = Format.count(campaign.afterOptOut.optedOut)
        values["sends_after_opt_out"] = Format.count(campaign.afterOptOut.sends)
        values["recipients_sent_after_opt_out"] = Format.count(campaign.afterOptOut.recipients)
        values["most_copies"] = Format.count(campaign.copies.filter { $0.recipients > 0 }.map(\.copies).max() ?? 0)
        for series in timeline.variants {
            if let bucket = series.sends.firstIndex(where: { $0 > 0 }) {
                values["variants.\(series.variant).first_send_time"] = clock(timeline.buckets[bucket])
            }
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

    /// `14:03` (UTC), or `–`.
    private static func clock(_ time: Timestamp?) -> String {
        guard let text = time?.rfc3339 else { return "–" }
        return String(text.dropFirst(11).prefix(5))
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

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

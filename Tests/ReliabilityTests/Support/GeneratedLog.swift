import CampaignMetrics
import Foundation
import TestSupport

/// A generated campaign log: events as the canonical format states them, written out in any of
/// the formats Aftermail reads. Small on purpose (a few dozen events over a few recipients, with
/// many ties in time), so that a property failure is easy to read.
struct GeneratedLog {
    /// One event, with its fields as text.
    struct Event: Equatable {
        /// Microseconds after ``GeneratedLog/epoch``.
        var offset: Int64
        var campaign: String
        /// Empty: unassigned.
        var variant: String
        var recipient: String
        /// The canonical kind name (`send`, `delivered`, …).
        var kind: String
        var id: String?
        var detail: String

        /// The timestamp as RFC 3339 in UTC (fraction only when there is one).
        var rfc3339: String {
            let micros = GeneratedLog.epoch * 1_000_000 + offset
            return Timestamps.rfc3339(microseconds: micros)
        }

        /// The timestamp as Unix seconds (decimal when there is a fraction).
        var unixSeconds: String {
            let micros = GeneratedLog.epoch * 1_000_000 + offset
            let seconds = micros / 1_000_000
            let fraction = micros % 1_000_000
            guard fraction != 0 else { return String(seconds) }
            var digits = String(fraction)
            digits = String(repeating: "0", count: 6 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            return "\(seconds).\(digits)"
        }
    }

    /// 2026-09-10T14:00:00Z.
    static let epoch: Int64 = 1_789_048_800

    static let kinds = [
        "send", "delivered", "bounce", "deferred", "dropped", "open", "click", "complaint", "unsubscribe",
    ]
    /// Sends weigh most, as in real logs.
    static let kindWeights = [6, 4, 1, 1, 1, 2, 1, 1, 1]
    static let campaigns = ["spring-sale", "premium-upsell", ""]
    static let variants = ["A", "B", "C", ""]
    /// Addresses in their canonical spelling (trimmed, lower case, NFC); some non-ASCII, all of
    /// whose upper case folds back to them.
    static let addresses = [
        "ann@example.com", "bob@example.org", "cy+news@example.net", "o'neil@example.co.uk", "josé@exämple.com",
        "zoë.müller@example.de", "dee_dee@sub.example.com", "ωmega@example.gr", "e@x.io",
        "very.long.local.part@example.com",
    ]

    var events: [Event]

    /// A log of 1…`maxEvents` events drawn from `rng`; with `wholeSeconds`, no fractional times
    /// (SendGrid timestamps are whole seconds).
    static func random(using rng: inout SplitMix64, maxEvents: Int = 40, wholeSeconds: Bool = false) -> GeneratedLog {
        let count = Int.random(in: 1...maxEvents, using: &rng)
        let recipients = Array(addresses.shuffled(using: &rng).prefix(Int.random(in: 1...addresses.count, using: &rng)))
        let campaigns = Array(Self.campaigns.prefix(Int.random(in: 1...Self.campaigns.count, using: &rng)))
        let span = Int64(rng.pick([1, 60, 600, 7200]))
        var events: [Event] = []
        var nextID = 1
        for _ in 0..<count {
            var offset = Int64.random(in: 0..<span, using: &rng) * 1_000_000
            if !wholeSeconds && rng.chance(0.2) { offset += Int64.random(in: 1..<1_000_000, using: &rng) }
            let id: String?
            if rng.chance(0.7) {
                id = "evt-\(nextID)"
                nextID += 1
            } else {
                id = nil
            }
            events.append(
                Event(
                    offset: offset, campaign: rng.pick(campaigns), variant: rng.pick(variants),
                    recipient: rng.pick(recipients), kind: weightedKind(&rng), id: id,
                    detail: rng.chance(0.3)
                        ? rng.pick(["550 5.1.1 user unknown", "abuse", "a, \"quoted\" reason", "ünïcode"]) : ""))
        }
        // A provider repeating a webhook: exact copies of a few events with ids.
        for event in events where event.id != nil && rng.chance(0.1) { events.append(event) }
        return GeneratedLog(events: events.shuffled(using: &rng))
    }

    // MARK: - Writers

    /// Canonical CSV with the columns in the given order (default: the documented one), CRLF or LF.
    func csv(
        columns: [String] = ["timestamp", "campaign", "variant", "recipient", "event", "event_id", "detail"],
        crlf: Bool = false, unixTimes: Bool = false, events: [Event]? = nil
    ) -> String {
        let end = crlf ? "\r\n" : "\n"
        var text = columns.joined(separator: ",") + end
        for event in events ?? self.events {
            let fields = columns.map { column -> String in
                switch column {
                case "timestamp": unixTimes ? event.unixSeconds : event.rfc3339
                case "campaign": event.campaign
                case "variant": event.variant
                case "recipient": event.recipient
                case "event": event.kind
                case "event_id": event.id ?? ""
                case "detail": event.detail
                default: "ignored"
                }
            }
            text += fields.map(Self.csvField).joined(separator: ",") + end
        }
        return text
    }

    /// Canonical JSON Lines (numbers for Unix times when `unixTimes`).
    func jsonLines(unixTimes: Bool = false, events: [Event]? = nil) -> String {
        var text = ""
        for event in events ?? self.events {
            var members = [
                "\"timestamp\":" + (unixTimes ? event.unixSeconds : JSONText.quoted(event.rfc3339)),
                "\"campaign\":" + JSONText.quoted(event.campaign),
                "\"variant\":" + JSONText.quoted(event.variant),
                "\"recipient\":" + JSONText.quoted(event.recipient),
                "\"event\":" + JSONText.quoted(event.kind),
            ]
            if let id = event.id { members.append("\"event_id\":" + JSONText.quoted(id)) }
            if !event.detail.isEmpty { members.append("\"detail\":" + JSONText.quoted(event.detail)) }
            text += "{" + members.joined(separator: ",") + "}\n"
        }
        return text
    }

    /// SendGrid Event Webhook bodies: arrays of up to `batch` events back to back, the variant and
    /// campaign as custom args (top-level keys), Unix seconds.
    func sendGrid(batch: Int = 5) -> String {
        let names = [
            "send": "processed", "delivered": "delivered", "bounce": "bounce", "deferred": "deferred",
            "dropped": "dropped", "open": "open", "click": "click", "complaint": "spamreport",
            "unsubscribe": "unsubscribe",
        ]
        let objects = events.map { event -> String in
            var members = [
                "\"email\":" + JSONText.quoted(event.recipient), "\"timestamp\":" + event.unixSeconds,
                "\"event\":" + JSONText.quoted(names[event.kind]!),
                "\"smtp-id\":" + JSONText.quoted("<\(event.id ?? "no-id")@example.com>"),
            ]
            if let id = event.id { members.append("\"sg_event_id\":" + JSONText.quoted(id)) }
            if !event.campaign.isEmpty { members.append("\"campaign\":" + JSONText.quoted(event.campaign)) }
            if !event.variant.isEmpty { members.append("\"variant\":" + JSONText.quoted(event.variant)) }
            if event.kind == "bounce" {
                members.append("\"type\":\"bounce\",\"reason\":" + JSONText.quoted(event.detail))
            }
            return "{" + members.joined(separator: ",") + "}"
        }
        return stride(from: 0, to: objects.count, by: batch).map { start in
            "[" + objects[start..<min(start + batch, objects.count)].joined(separator: ",\n ") + "]\n"
        }.joined()
    }

    /// Mailgun events: as `pages` events-API pages (`{"items": […]}`), else one bare event per
    /// line; variant and campaign in `user-variables`, float Unix seconds.
    func mailgun(pages: Bool = false) -> String {
        let objects = events.map { event -> String in
            var name = event.kind
            var extra: [String] = []
            switch event.kind {
            case "send": name = "accepted"
            case "bounce":
                name = "failed"
                extra.append("\"severity\":\"permanent\"")
            case "deferred":
                name = "failed"
                extra.append("\"severity\":\"temporary\"")
            case "dropped": name = "rejected"
            case "open": name = "opened"
            case "click": name = "clicked"
            case "complaint": name = "complained"
            case "unsubscribe": name = "unsubscribed"
            default: break
            }
            var variables: [String] = []
            if !event.campaign.isEmpty { variables.append("\"campaign\":" + JSONText.quoted(event.campaign)) }
            if !event.variant.isEmpty { variables.append("\"variant\":" + JSONText.quoted(event.variant)) }
            var members = [
                "\"event\":" + JSONText.quoted(name), "\"timestamp\":" + event.unixSeconds,
                "\"recipient\":" + JSONText.quoted(event.recipient), "\"log-level\":\"info\"",
                "\"user-variables\":{" + variables.joined(separator: ",") + "}",
            ]
            if let id = event.id { members.append("\"id\":" + JSONText.quoted(id)) }
            return "{" + (members + extra).joined(separator: ",") + "}"
        }
        guard pages else { return objects.map { $0 + "\n" }.joined() }
        return stride(from: 0, to: objects.count, by: 7).map { start in
            // Items indented, as every pretty-printer writes them: a `{` in the first column inside
            // an open object is taken as the start of a new record (JSONElementSplitter resyncs).
            "{\"items\": [\n  " + objects[start..<min(start + 7, objects.count)].joined(separator: ",\n  ")
                + "\n], \"paging\": {\"next\": \"https://api.mailgun.net/v3/x/events/next\"}}\n"
        }.joined()
    }

    // MARK: - Private

    private static func weightedKind(_ rng: inout SplitMix64) -> String {
        var roll = Int.random(in: 0..<kindWeights.reduce(0, +), using: &rng)
        for (kind, weight) in zip(kinds, kindWeights) {
            if roll < weight { return kind }
            roll -= weight
        }
        return "send"
    }

    /// A CSV field, quoted when it holds a comma, a quote, a line end or edge spaces.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// RFC 3339 text for test data, written independently of the code under test.
enum Timestamps {
    static func rfc3339(microseconds: Int64) -> String {
        let seconds = microseconds / 1_000_000
        let fraction = microseconds % 1_000_000
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        // Civil from days (Howard Hinnant's algorithm); the test data lies after 1970.
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text =
            "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        if fraction != 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: 6 - digits.count) + digits
        }
        return text + "Z"
    }
}

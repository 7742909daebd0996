extension LogFormat {
    // MARK: - Internal

    /// The JSON format whose payloads have the member names `keys` (those of the first object);
    /// `oneLine` says whether that object fits on the first line (JSON Lines).
    static func jsonFormat(keys names: [String], oneLine: Bool) -> LogFormat? {
        let keys = Set(names)
        if keys.contains("event-data") || (keys.contains("items") && !keys.contains("event")) { return .mailgun }
        if keys.contains("RecordType") { return .postmark }
        if keys.contains("eventType") || keys.contains("notificationType")
            || keys.contains("Type") && keys.contains("Message")
        {
            return .ses
        }
        if keys.contains("sg_event_id") || keys.contains("sg_message_id")
            || keys.contains("email") && keys.contains("event")
        {
            return .sendGrid
        }
        let canonical = !keys.isDisjoint(with: ["timestamp", "recipient", "event", "campaign", "variant"])
        if keys.contains("event") && !keys.isDisjoint(with: mailgunMarkers) {
            // A canonical line may carry extra keys, but not Mailgun's own.
            let mailgunOnly = keys.subtracting(["id", "tags", "message"])
            guard canonical, keys.contains("recipient"), mailgunOnly.isDisjoint(with: mailgunMarkers) else {
                return .mailgun
            }
        }
        guard canonical else { return nil }
        return oneLine ? .canonicalJSONLines : .canonicalJSON
    }

    /// An email file: an mbox (a `From ` line first) or a message whose header says it is a
    /// feedback report (or has a message attached: Microsoft JMRP reports are no ARF).
    static func mailFormat(firstLine: ArraySlice<UInt8>, head: ArraySlice<UInt8>, displayPath: String) throws(LogError)
        -> LogFormat?
    {
        if firstLine.starts(with: "From ".utf8) { return .arf }
        guard let colon = firstLine.firstIndex(of: UInt8(ascii: ":")), colon > firstLine.startIndex,
            firstLine[..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.contains("feedback-report") || text.contains("message/rfc822") { return .arf }
        throw LogError(
            path: displayPath, line: 1,
            message: "an email message that is not an abuse report: expected ARF (RFC 5965), "
                + "Content-Type: multipart/report; report-type=feedback-report")
    }

    // MARK: - Private

    /// Member names of Mailgun events that the canonical JSON Lines format does not use.
    private static let mailgunMarkers: Set<String> = [
        "id", "log-level", "recipient-domain", "user-variables", "message", "envelope", "flags",
        "delivery-status", "severity", "tags", "campaigns",
    ]
}

/// Reads one ARF abuse report (RFC 5965): a `multipart/report` message whose
/// `message/feedback-report` part says what was reported, with the original message (or its
/// headers) attached.
///
/// - Feedback-Type `abuse`, `fraud`, `virus`, `other` (or none given) is a complaint;
///   `not-spam`, `auth-failure` and the rest are not counted (``ARFOutcome/ignored``).
/// - The recipient: every `Original-Rcpt-To` (one complaint each), else the attached message's
///   `X-HmXmrOriginalRecipient` (Microsoft JMRP), else its `To`.
/// - The time: the report's own `Date` (when the mailbox provider reported it, as SES's complaint
///   `timestamp`), else `Arrival-Date`, `Received-Date`, else the original's `Date`.
/// - The campaign and variant: headers of the attached message named in
///   ``ProviderFieldMap/ARF``; the rest is found later by matching its Message-ID or recipient.
/// - A report without a feedback-report part but with an attached `message/rfc822` (Microsoft's
///   JMRP sends these) is taken as an `abuse` complaint: a file among the logs that forwards a
///   message is there as a complaint. Anything else is a bad record.
struct ARFReader {
    let fields: ProviderFieldMap.ARF

    /// The complaints (or the reason there are none) of one report.
    func read(_ message: MIMEEntity) -> [ARFOutcome] {
        let entities = message.flattened()
        let feedbackPart = entities.first { $0.mediaType == "message/feedback-report" }
        let originalPart = entities.first { Self.originalTypes.contains($0.mediaType) }
        guard feedbackPart != nil || originalPart != nil else {
            return [.bad("not an abuse report: no message/feedback-report part and no attached message")]
        }
        let feedback = feedbackPart.map { MIMEEntity(text: $0.decodedBody) }
        let original = originalPart.map { MIMEEntity(text: $0.decodedBody) }
        let type = feedback?.header("feedback-type")?.lowercased() ?? "abuse"
        guard Self.complaintTypes.contains(type) else { return [.ignored] }
        var recipients = (feedback?.headers("original-rcpt-to") ?? []).compactMap { ProviderText.address($0) }
            .filter { !$0.isEmpty }
        if recipients.isEmpty, let fallback = original?.header("x-hmxmroriginalrecipient") ?? original?.header("to"),
            let address = ProviderText.address(fallback), address.contains("@")
        {
            recipients = [address]
        }
        guard !recipients.isEmpty else {
            return [.bad("no recipient: no Original-Rcpt-To, and the attached message has no To")]
        }
        let dates = [
            message.header("date"), feedback?.header("arrival-date"), feedback?.header("received-date"),
            original?.header("date"),
        ]
        .compactMap { $0 }
        let timestamp = dates.lazy.compactMap(Timestamp.parseRFC5322).first
        let reportID = ProviderText.messageID(message.header("message-id"))
        return recipients.map { recipient in
            .complaint(
                ARFComplaint(
                    recipient: recipient, timestamp: timestamp, rawDate: dates.first,
                    messageID: ProviderText.messageID(original?.header("message-id")),
                    campaign: Self.first(fields.campaignHeaders, in: original),
                    variant: Self.first(fields.variantHeaders, in: original),
                    eventID: reportID.map { "arf:\($0):\(recipient.lowercased())" }))
        }
    }

    // MARK: - Private

    private static let originalTypes: Set<String> = ["message/rfc822", "text/rfc822-headers", "message/rfc822-headers"]
    private static let complaintTypes: Set<String> = ["abuse", "fraud", "virus", "other"]

    private static func first(_ names: [String], in entity: MIMEEntity?) -> String? {
        guard let entity else { return nil }
        for name in names {
            if let value = entity.header(name), !value.isEmpty { return value }
        }
        return nil
    }
}

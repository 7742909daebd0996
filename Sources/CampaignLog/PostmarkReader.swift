/// Reads Postmark webhooks, one record per payload, by `RecordType`.
///
/// | Postmark record | kind |
/// | --- | --- |
/// | Delivery | delivered |
/// | Bounce, `Type` Transient | deferred |
/// | Bounce, `Type` SpamNotification / SpamComplaint | complaint |
/// | Bounce, `Type` Unsubscribe | unsubscribe |
/// | Bounce, `Type` ManuallyDeactivated / Unconfirmed / TemplateRenderingFailed (never sent) | dropped |
/// | Bounce, `Type` AutoResponder / AddressChange / ChallengeVerification / Subscribe / OpenRelayTest / VirusNotification / InboundError | not counted |
/// | Bounce, any other `Type` (HardBounce, SoftBounce, DnsError, Blocked…) | bounce |
/// | SpamComplaint | complaint |
/// | SubscriptionChange, `SuppressSending` true, reason ManualSuppression (or none) | unsubscribe |
/// | SubscriptionChange for a HardBounce or SpamComplaint, or reactivating | not counted (the bounce or complaint record counts) |
/// | Open, Click | open, click |
///
/// Postmark sends no event for a message being sent, so a Postmark-only run has no sends. Times:
/// `DeliveredAt`, `BouncedAt`, `ReceivedAt`, `ChangedAt` (RFC 3339, up to 7 fractional digits).
/// Event ids: `postmark:<RecordType>:<ID>` for bounces and complaints, else
/// `postmark:<RecordType>:<MessageID>:<recipient>:<time>` (a webhook retried has the same).
struct PostmarkReader: ProviderPayloadReader {
    let fields: ProviderFieldMap.Postmark

    func read<E: Error>(_ payload: JSONValue, _ emit: (ProviderOutcome, Int?) throws(E) -> Void) throws(E) {
        try emit(outcome(payload), nil)
    }

    // MARK: - Private

    private func outcome(_ payload: JSONValue) -> ProviderOutcome {
        guard let record = payload.object else { return .bad("expected a Postmark webhook object") }
        guard let type = record["RecordType"]?.nonBlankText?.trimmingSpaces else { return .bad("missing 'RecordType'") }
        let kind: EventKind
        let timeKey: String
        switch type {
        case "Delivery": (kind, timeKey) = (.delivered, "DeliveredAt")
        case "Bounce":
            guard let bounceKind = Self.bounceKind(record["Type"]?.string) else { return .ignored }
            (kind, timeKey) = (bounceKind, "BouncedAt")
        case "SpamComplaint": (kind, timeKey) = (.complaint, "BouncedAt")
        case "SubscriptionChange":
            let reason = record["SuppressionReason"]?.string ?? "ManualSuppression"
            guard record["SuppressSending"]?.bool == true, reason == "ManualSuppression" else { return .ignored }
            (kind, timeKey) = (.unsubscribe, "ChangedAt")
        case "Open": (kind, timeKey) = (.open, "ReceivedAt")
        case "Click": (kind, timeKey) = (.click, "ReceivedAt")
        default: return .bad("unknown Postmark RecordType '\(ProviderText.excerpt(type))'")
        }
        let recipient = record["Recipient"]?.text ?? record["Email"]?.text
        let timestamp = record[timeKey]?.string
        let metadata = record["Metadata"]?.object
        let tags = record["Tag"]?.string.map { [$0] } ?? []
        let messageID = ProviderText.messageID(record["MessageID"]?.text)
        var eventID: String?
        if let id = record["ID"]?.nonBlankText, type == "Bounce" || type == "SpamComplaint" {
            eventID = "postmark:\(type):\(id)"
        } else if let messageID, let recipient, let timestamp {
            eventID = "postmark:\(type):\(messageID):\(recipient.trimmingSpaces.lowercased()):\(timestamp)"
        }
        return .event(
            ProviderEvent(
                kind: kind, timestamp: timestamp, recipient: recipient,
                campaign: ProviderText.first(fields.campaignKeys, in: metadata)
                    ?? ProviderText.tagged(fields.campaignTagPrefix, in: tags),
                variant: ProviderText.first(fields.variantKeys, in: metadata)
                    ?? ProviderText.tagged(fields.variantTagPrefix, in: tags),
                eventID: eventID, messageIDs: messageID.map { [$0] } ?? []))
    }

    /// The kind of a Bounce record by its `Type`; nil for the types that are no failure to deliver.
    private static func bounceKind(_ type: String?) -> EventKind? {
        switch type ?? "" {
        case "Transient": .deferred
        case "SpamNotification", "SpamComplaint": .complaint
        case "Unsubscribe": .unsubscribe
        case "ManuallyDeactivated", "Unconfirmed", "TemplateRenderingFailed": .dropped
        case "AutoResponder", "AddressChange", "ChallengeVerification", "Subscribe", "OpenRelayTest",
            "VirusNotification", "InboundError":
            nil
        default: .bounce
        }
    }
}

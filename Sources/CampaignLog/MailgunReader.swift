/// Reads Mailgun events: bare event objects (as the events API and log exports hold them),
/// webhook bodies `{"signature": …, "event-data": {…}}`, and events API pages
/// `{"items": […], "paging": …}` (each item a record, reported on its own line).
///
/// | Mailgun `event` | kind |
/// | --- | --- |
/// | accepted | send |
/// | delivered | delivered |
/// | failed, `severity` temporary | deferred |
/// | failed, `severity` permanent (or none) | bounce; `reason` suppress-… (never attempted) → dropped |
/// | rejected | dropped |
/// | opened, clicked | open, click |
/// | unsubscribed | unsubscribe |
/// | complained | complaint |
/// | stored, list_member_uploaded, list_member_upload_error, list_uploaded | not counted |
///
/// Timestamps are float Unix seconds; the event id is `mailgun:<event>:<id>`; the Message-ID is
/// `message.headers.message-id`. The recipient is `recipient`, else `envelope.targets`.
struct MailgunReader: ProviderPayloadReader {
    let fields: ProviderFieldMap.Mailgun

    func read<E: Error>(_ payload: JSONValue, _ emit: (ProviderOutcome, Int?) throws(E) -> Void) throws(E) {
        guard let object = payload.object else { return try emit(.bad("expected a Mailgun event object"), nil) }
        if let data = object["event-data"] {
            return try emit(outcome(data), nil)
        }
        if let items = object["items"], !object.has("event") {
            guard let elements = items.array else { return try emit(.bad("'items' is not an array"), nil) }
            for item in elements {
                try emit(outcome(item), item.object?.offset)
            }
            return
        }
        try emit(outcome(payload), nil)
    }

    // MARK: - Private

    private func outcome(_ payload: JSONValue) -> ProviderOutcome {
        guard let event = payload.object else { return .bad("expected a Mailgun event object") }
        guard let name = event["event"]?.nonBlankText?.trimmingSpaces.lowercased() else {
            return .bad("missing 'event'")
        }
        let kind: EventKind
        switch name {
        case "accepted": kind = .send
        case "delivered": kind = .delivered
        case "failed":
            let severity = event["severity"]?.string?.lowercased()
            let reason = event["reason"]?.string?.lowercased() ?? ""
            kind = severity == "temporary" ? .deferred : reason.hasPrefix("suppress-") ? .dropped : .bounce
        case "rejected": kind = .dropped
        case "opened": kind = .open
        case "clicked": kind = .click
        case "unsubscribed": kind = .unsubscribe
        case "complained": kind = .complaint
        case "stored", "list_member_uploaded", "list_member_upload_error", "list_uploaded": return .ignored
        default: return .bad("unknown Mailgun event '\(ProviderText.excerpt(name))'")
        }
        let variables = event["user-variables"]?.object
        let tags = ProviderText.strings(event["tags"])
        let variant =
            ProviderText.first(fields.variantKeys, in: variables)
            ?? ProviderText.tagged(fields.variantTagPrefix, in: tags)
        var campaign =
            ProviderText.first(fields.campaignKeys, in: variables)
            ?? ProviderText.tagged(fields.campaignTagPrefix, in: tags)
        if fields.useCampaigns, campaign == nil, let first = event["campaigns"]?.array?.first {
            campaign = first["id"]?.nonBlankText ?? first.nonBlankText
        }
        return .event(
            ProviderEvent(
                kind: kind, timestamp: ProviderText.timestamp(event["timestamp"]),
                recipient: event["recipient"]?.text ?? ProviderText.address(payload["envelope", "targets"]?.string),
                campaign: campaign, variant: variant,
                eventID: event["id"]?.nonBlankText.map { "mailgun:\(name):\($0)" },
                messageIDs: ProviderText.messageID(payload["message", "headers", "message-id"]?.string).map { [$0] }
                    ?? []))
    }
}

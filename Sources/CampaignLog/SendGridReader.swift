/// Reads SendGrid Event Webhook payloads: one event object per payload (the webhook posts arrays
/// of them; the array is split before this reader sees it).
///
/// | SendGrid `event` | kind |
/// | --- | --- |
/// | processed | send |
/// | delivered | delivered |
/// | deferred | deferred |
/// | bounce (`type` bounce or blocked) | bounce |
/// | dropped | dropped |
/// | open, click | open, click |
/// | spamreport | complaint |
/// | unsubscribe, group_unsubscribe | unsubscribe |
/// | group_resubscribe | not counted (``ProviderOutcome/ignored``) |
///
/// Event names are compared ignoring case. The event id is `sendgrid:<event>:<sg_event_id>`
/// (with the event name, as the published samples reuse one id for several events); the
/// `smtp-id` is the Message-ID.
struct SendGridReader: ProviderPayloadReader {
    let fields: ProviderFieldMap.SendGrid

    func read<E: Error>(_ payload: JSONValue, _ emit: (ProviderOutcome, Int?) throws(E) -> Void) throws(E) {
        try emit(outcome(payload), nil)
    }

    // MARK: - Private

    private func outcome(_ payload: JSONValue) -> ProviderOutcome {
        guard let event = payload.object else { return .bad("expected a SendGrid event object") }
        guard let name = event["event"]?.nonBlankText?.trimmingSpaces.lowercased() else {
            return .bad("missing 'event'")
        }
        let kind: EventKind
        switch name {
        case "processed": kind = .send
        case "delivered": kind = .delivered
        case "deferred": kind = .deferred
        case "bounce": kind = .bounce
        case "dropped": kind = .dropped
        case "open": kind = .open
        case "click": kind = .click
        case "spamreport": kind = .complaint
        case "unsubscribe", "group_unsubscribe": kind = .unsubscribe
        case "group_resubscribe": return .ignored
        default: return .bad("unknown SendGrid event '\(ProviderText.excerpt(name))'")
        }
        let categories = ProviderText.strings(event["category"])
        var variant =
            ProviderText.first(fields.variantKeys, in: event)
            ?? ProviderText.tagged(fields.variantCategoryPrefix, in: categories)
        var campaign =
            ProviderText.first(fields.campaignKeys, in: event)
            ?? ProviderText.tagged(fields.campaignCategoryPrefix, in: categories)
        if fields.marketingCampaignFields {
            variant = variant ?? event["marketing_campaign_version"]?.nonBlankText
            campaign = campaign ?? event["marketing_campaign_name"]?.nonBlankText
        }
        return .event(
            ProviderEvent(
                kind: kind, timestamp: ProviderText.timestamp(event["timestamp"]),
                recipient: event["email"]?.text, campaign: campaign, variant: variant,
                eventID: event["sg_event_id"]?.nonBlankText.map { "sendgrid:\(name):\($0)" },
                messageIDs: ProviderText.messageID(event["smtp-id"]?.string).map { [$0] } ?? []))
    }
}

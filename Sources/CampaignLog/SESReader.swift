/// Reads Amazon SES events: event publishing (`eventType`) and the older notifications
/// (`notificationType`), bare (Firehose, exports) or wrapped in an SNS envelope
/// `{"Type": "Notification", "MessageId": …, "Message": "<the SES JSON as a string>"}`.
///
/// One event per recipient concerned: `bounce.bouncedRecipients`, `complaint.complainedRecipients`,
/// `delivery.recipients`, `deliveryDelay.delayedRecipients`, else `mail.destination`.
///
/// | SES type | kind |
/// | --- | --- |
/// | Send | send |
/// | Delivery | delivered |
/// | Bounce (Permanent, Transient, Undetermined) | bounce — a transient bounce is SES giving up after its retries |
/// | DeliveryDelay | deferred |
/// | Reject | dropped |
/// | Complaint | complaint (`complaintFeedbackType` not-spam: not counted) |
/// | Open, Click | open, click |
/// | Subscription | unsubscribe when it opts out of all, or of a topic it was not opted out of; else not counted |
/// | Rendering Failure, Received, AmazonSnsSubscriptionSucceeded, SNS confirmations | not counted |
///
/// Event ids: `sns:<MessageId>:<recipient>` when wrapped (SNS delivers at least once), else
/// `ses:<feedbackId>:<recipient>` for bounces and complaints, else none. Message-IDs:
/// `mail.messageId` and `mail.commonHeaders.messageId`.
struct SESReader: ProviderPayloadReader {
    let fields: ProviderFieldMap.SES

    func read<E: Error>(_ payload: JSONValue, _ emit: (ProviderOutcome, Int?) throws(E) -> Void) throws(E) {
        guard let object = payload.object else { return try emit(.bad("expected an Amazon SES event object"), nil) }
        guard let type = object["Type"]?.string, object.has("Message") else {
            return try events(object, snsID: nil) { (outcome) throws(E) in try emit(outcome, nil) }
        }
        guard type == "Notification" else { return try emit(.ignored, nil) }  // subscription confirmations
        guard let text = object["Message"]?.string else {
            return try emit(.bad("the SNS 'Message' is not a string"), nil)
        }
        let inner: JSONValue
        do {
            inner = try JSONParser.parse(Array(text.utf8))
        } catch {
            return try emit(
                .bad(
                    "the SNS 'Message' is not an SES event in JSON (\(error.message) at character \(error.offset + 1))"),
                nil)
        }
        guard let event = inner.object else { return try emit(.bad("the SNS 'Message' is not a JSON object"), nil) }
        let snsID = object["MessageId"]?.nonBlankText
        try events(event, snsID: snsID) { (outcome) throws(E) in try emit(outcome, nil) }
    }

    // MARK: - Private

    private func events<E: Error>(
        _ event: JSONObject, snsID: String?, _ emit: (ProviderOutcome) throws(E) -> Void
    ) throws(E) {
        guard let type = (event["eventType"] ?? event["notificationType"])?.nonBlankText else {
            return try emit(.bad("missing 'eventType' or 'notificationType'"))
        }
        let mail = event["mail"]?.object
        let kind: EventKind
        let detail: JSONObject?
        let listed: String?  // the member of `detail` that lists the recipients
        switch type {
        case "Send": (kind, detail, listed) = (.send, event["send"]?.object, nil)
        case "Delivery": (kind, detail, listed) = (.delivered, event["delivery"]?.object, "recipients")
        case "Bounce": (kind, detail, listed) = (.bounce, event["bounce"]?.object, "bouncedRecipients")
        case "DeliveryDelay": (kind, detail, listed) = (.deferred, event["deliveryDelay"]?.object, "delayedRecipients")
        case "Reject": (kind, detail, listed) = (.dropped, event["reject"]?.object, nil)
        case "Complaint":
            (kind, detail, listed) = (.complaint, event["complaint"]?.object, "complainedRecipients")
            if detail?["complaintFeedbackType"]?.string?.lowercased() == "not-spam" { return try emit(.ignored) }
        case "Open": (kind, detail, listed) = (.open, event["open"]?.object, nil)
        case "Click": (kind, detail, listed) = (.click, event["click"]?.object, nil)
        case "Subscription":
            (kind, detail, listed) = (.unsubscribe, event["subscription"]?.object, nil)
            guard Self.unsubscribes(detail) else { return try emit(.ignored) }
        case "Rendering Failure", "Received", "AmazonSnsSubscriptionSucceeded": return try emit(.ignored)
        default: return try emit(.bad("unknown Amazon SES event type '\(ProviderText.excerpt(type))'"))
        }
        let recipients: [String]
        if let listed {
            recipients = (detail?[listed]?.array ?? []).compactMap { $0.string ?? $0["emailAddress"]?.string }
        } else {
            recipients = (mail?["destination"]?.array ?? []).compactMap(\.string)
        }
        guard !recipients.isEmpty else {
            return try emit(.bad("no recipient in a '\(ProviderText.excerpt(type))' event"))
        }
        let timestamp =
            kind == .send || kind == .dropped
            ? mail?["timestamp"]?.string : (detail?["timestamp"] ?? mail?["timestamp"])?.string
        let (campaign, variant) = attribution(mail)
        let feedbackID = detail?["feedbackId"]?.nonBlankText
        var messageIDs: [String] = []
        for id in [mail?["messageId"]?.string, mail?["commonHeaders"]?["messageId"]?.string] {
            if let id = ProviderText.messageID(id), !messageIDs.contains(id) { messageIDs.append(id) }
        }
        for recipient in recipients {
            let address = recipient.trimmingSpaces
            let eventID = snsID.map { "sns:\($0):\(address)" } ?? feedbackID.map { "ses:\($0):\(address)" }
            try emit(
                .event(
                    ProviderEvent(
                        kind: kind, timestamp: timestamp, recipient: recipient, campaign: campaign, variant: variant,
                        eventID: eventID, messageIDs: messageIDs)))
        }
    }

    /// The campaign and variant named by the message tags, else by its headers.
    private func attribution(_ mail: JSONObject?) -> (campaign: String?, variant: String?) {
        let tags = mail?["tags"]?.object
        let headers = (mail?["headers"]?.array ?? []).compactMap { header -> (String, String)? in
            guard let name = header["name"]?.string, let value = header["value"]?.string else { return nil }
            return (name.lowercased(), value)
        }
        func header(_ names: [String]) -> String? {
            for name in names {
                let lowered = name.lowercased()
                if let value = headers.first(where: { $0.0 == lowered })?.1.trimmingSpaces, !value.isEmpty {
                    return value
                }
            }
            return nil
        }
        return (
            ProviderText.first(fields.campaignTags, in: tags) ?? header(fields.campaignHeaders),
            ProviderText.first(fields.variantTags, in: tags) ?? header(fields.variantHeaders)
        )
    }

    /// Whether a Subscription event opts out: of everything, or of a topic it was not opted out of.
    private static func unsubscribes(_ subscription: JSONObject?) -> Bool {
        guard let new = subscription?["newTopicPreferences"] else { return false }
        let old = subscription?["oldTopicPreferences"]
        if new["unsubscribeAll"]?.bool == true && old?["unsubscribeAll"]?.bool != true { return true }
        func optedOut(_ preferences: JSONValue?) -> Set<String> {
            let topics = preferences?["topicSubscriptionStatus"]?.array ?? []
            return Set(
                topics.compactMap { topic in
                    topic["subscriptionStatus"]?.string?.lowercased() == "optout"
                        ? topic["topicName"]?.string ?? "" : nil
                })
        }
        return !optedOut(new).subtracting(optedOut(old)).isEmpty
    }
}

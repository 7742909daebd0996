/// One event read from a provider payload, its few fields as text, before the counting rules
/// (``CampaignLogReader`` turns it into a ``CanonicalRecord``).
struct ProviderEvent: Equatable {
    var kind: EventKind
    /// RFC 3339 or Unix seconds, as ``Timestamp`` parses them.
    var timestamp: String?
    var recipient: String?
    var campaign: String?
    var variant: String?
    /// Already prefixed with the provider's name (`sendgrid:`, `mailgun:`, `sns:`...).
    var eventID: String?
    /// The Message-IDs of the message it is about (the header, the provider's own id), without
    /// angle brackets: send events remember them so that ARF complaints find their variant.
    var messageIDs: [String] = []
}

/// What a provider reader makes of one payload, or of one item in it.
enum ProviderOutcome: Equatable {
    /// An event to count.
    case event(ProviderEvent)
    /// A known event type that Aftermail does not count (SendGrid `group_resubscribe`, SES
    /// `Rendering Failure`...): counted in ``LogReadReport/ignoredEvents``, not reported.
    case ignored
    /// A payload (or item) that cannot be read, and why: a bad record.
    case bad(String)
}

/// Reads the events of one parsed payload of a provider's format.
protocol ProviderPayloadReader {
    /// Calls `emit` once per outcome; `offset` is where the item starts within the payload's bytes
    /// when it is not the payload itself (an item of a Mailgun events page), for its line number.
    func read<E: Error>(_ payload: JSONValue, _ emit: (ProviderOutcome, _ offset: Int?) throws(E) -> Void) throws(E)
}

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

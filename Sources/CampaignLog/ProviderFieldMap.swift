/// Where each provider's payloads carry the variant and the campaign of a message (SPEC §2), per
/// provider. The defaults are the keys `variant` and `campaign` in each provider's place for
/// custom data, with documented fallbacks; every name and prefix can be changed (in
/// `aftermail.yml`). A value found nowhere leaves the event's variant `unassigned` and its
/// campaign empty.
public struct ProviderFieldMap: Sendable, Equatable {
    /// SendGrid Event Webhook: custom args (unique args) and categories.
    public var sendGrid: SendGrid
    /// Mailgun events and webhooks: user variables, tags and campaigns.
    public var mailgun: Mailgun
    /// Amazon SES: message tags and headers.
    public var ses: SES
    /// Postmark webhooks: metadata and tag.
    public var postmark: Postmark
    /// ARF abuse reports: headers of the attached original message.
    public var arf: ARF

    /// A map; every provider defaults to its documented places.
    public init(
        sendGrid: SendGrid = SendGrid(), mailgun: Mailgun = Mailgun(), ses: SES = SES(),
        postmark: Postmark = Postmark(), arf: ARF = ARF()
    ) {
        self.sendGrid = sendGrid
        self.mailgun = mailgun
        self.ses = ses
        self.postmark = postmark
        self.arf = arf
    }
}

/// Recipients sent the same variant more than once (after event-id de-duplication, so these are
/// distinct send events, not retried webhooks).
public struct DuplicateSendFigures: Sendable, Equatable {
    /// Duplicate sends within one variant.
    public struct Variant: Sendable, Equatable {
        /// The variant's name.
        public var variant: String
        /// Distinct recipients sent this variant more than once.
        public var recipients: Int
        /// Sends of this variant beyond the first to each recipient (sends − recipients).
        public var extraSends: Int

        /// Makes the figures of one variant.
        public init(variant: String, recipients: Int, extraSends: Int) {
            self.variant = variant
            self.recipients = recipients
            self.extraSends = extraSends
        }
    }

    /// Distinct recipients sent some variant (`unassigned` included) more than once.
    public var recipients = 0
    /// Sends beyond the first of each (recipient, variant) pair, over the campaign.
    public var extraSends = 0
    /// Every variant of the campaign, sorted by name.
    public var variants: [Variant] = []

    /// No duplicates.
    public init() {}

    /// Writes the section under `key`.
    func write(to out: inout JSONText, key: String) {
        out.openObject(key)
        out.member("recipients", recipients)
        out.member("extra_sends", extraSends)
        out.openArray("variants")
        for variant in variants {
            out.openObject()
            out.member("variant", variant.variant)
            out.member("recipients", variant.recipients)
            out.member("extra_sends", variant.extraSends)
            out.closeObject()
        }
        out.closeArray()
        out.closeObject()
    }
}

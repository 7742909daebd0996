/// Sends that reached people after they had asked to stop: per campaign, recipients with a send
/// event later than their own earliest complaint or unsubscribe in the same campaign.
///
/// Scope: the opt-out and the send must belong to the same campaign. A run's logs may hold
/// unrelated campaigns (a newsletter, a transactional stream), and whether an opt-out in one
/// covers another is a list policy the logs do not record; a campaign's figures therefore do not
/// change when other campaigns are read in the same run. "Later" is strictly later: a send with
/// the same timestamp as the opt-out does not count. Events may arrive in any order.
public struct AfterOptOutFigures: Sendable, Equatable {
    /// Sends after opt-out in one variant.
    public struct Variant: Sendable, Equatable {
        /// The variant's name.
        public var variant: String
        /// Distinct recipients sent this variant after their opt-out.
        public var recipients: Int
        /// Send events of this variant after the recipient's opt-out.
        public var sends: Int
        /// Per such recipient: opt-out → first later send of this variant.
        public var delay: DelaySummary?

        /// Makes the figures of one variant.
        public init(variant: String, recipients: Int, sends: Int, delay: DelaySummary?) {
            self.variant = variant
            self.recipients = recipients
            self.sends = sends
            self.delay = delay
        }
    }

    /// Distinct recipients with a complaint or unsubscribe in the campaign.
    public var optedOut = 0
    /// Of those, the recipients sent anything afterwards.
    public var recipients = 0
    /// Send events after the recipient's opt-out (the figure `check` fails on when above 0).
    public var sends = 0
    /// Per such recipient: opt-out → first later send, of any variant.
    public var delay: DelaySummary?
    /// Every variant of the campaign, sorted by name.
    public var variants: [Variant] = []
    /// Recipients with more than 64 sends, deliveries and opt-outs in the campaign, of whom only
    /// the latest 64 were compared (normally 0; when not, the counts above are lower bounds).
    public var truncatedRecipients = 0

    /// No sends after opt-out.
    public init() {}

    /// Writes the section under `key`.
    func write(to out: inout JSONText, key: String) {
        out.openObject(key)
        out.member("scope", "campaign")
        out.member("opted_out", optedOut)
        out.member("recipients", recipients)
        out.member("sends", sends)
        DelaySummary.write(delay, key: "delay_seconds", to: &out)
        out.openArray("variants")
        for variant in variants {
            out.openObject()
            out.member("variant", variant.variant)
            out.member("recipients", variant.recipients)
            out.member("sends", variant.sends)
            DelaySummary.write(variant.delay, key: "delay_seconds", to: &out)
            out.closeObject()
        }
        out.closeArray()
        out.member("truncated_recipients", truncatedRecipients)
        out.closeObject()
    }
}

/// The recipients of a campaign who received the same number of copies, and what came back from
/// them: the dose-response of a send that reached people more than once.
///
/// Two groupings use it. In ``CampaignFigures/copies`` a group is the recipients who received
/// exactly ``copies`` distinct named variants, with all their events in the campaign. In
/// ``CampaignFigures/copyNumbers`` a group is every recipient's ``copies``-th copy (the variants
/// a recipient received, numbered by their first send), with the events of that variant only.
/// Rates follow SPEC §2: complaints (or unsubscribes) / delivered, or / sends when nothing was
/// delivered; null when both are 0.
public struct CopiesGroup: Sendable, Equatable {
    /// How many copies (or which copy, for copy numbers).
    public var copies: Int
    /// Distinct recipients in the group.
    public var recipients = 0
    /// Their send events.
    public var sends = 0
    /// Their delivered events.
    public var delivered = 0
    /// Their complaint events.
    public var complaints = 0
    /// Their unsubscribe events.
    public var unsubscribes = 0
    /// Distinct recipients in the group with a complaint.
    public var complainants = 0
    /// Distinct recipients in the group with an unsubscribe.
    public var unsubscribers = 0

    /// An empty group.
    public init(copies: Int) { self.copies = copies }

    /// The denominator of the rates: delivered, or sends when nothing was delivered.
    public var base: Int { delivered > 0 ? delivered : sends }
    /// complaints / ``base``; nil when it is 0.
    public var complaintRate: Double? { base == 0 ? nil : Double(complaints) / Double(base) }
    /// unsubscribes / ``base``; nil when it is 0.
    public var unsubscribeRate: Double? { base == 0 ? nil : Double(unsubscribes) / Double(base) }
    /// The Wilson interval of ``complaintRate``.
    public var complaintRateInterval: RateInterval? { RateInterval.wilson(complaints, base) }
    /// The Wilson interval of ``unsubscribeRate``.
    public var unsubscribeRateInterval: RateInterval? { RateInterval.wilson(unsubscribes, base) }

    /// Writes the group as one object, its number under `numberKey`.
    func write(to out: inout JSONText, numberKey: String) {
        out.openObject()
        out.member(numberKey, copies)
        out.member("recipients", recipients)
        out.member("sends", sends)
        out.member("delivered", delivered)
        out.member("complaints", complaints)
        out.member("unsubscribes", unsubscribes)
        out.member("complainants", complainants)
        out.member("unsubscribers", unsubscribers)
        out.member("complaint_rate", rate: complaintRate)
        RateInterval.write(complaintRateInterval, key: "complaint_rate_interval", to: &out)
        out.member("unsubscribe_rate", rate: unsubscribeRate)
        RateInterval.write(unsubscribeRateInterval, key: "unsubscribe_rate_interval", to: &out)
        out.closeObject()
    }
}

import CampaignLog

/// The figures of one campaign: its variants, its totals and when things happened (SPEC §3).
public struct CampaignFigures: Sendable, Equatable {
    /// The campaign id (may be empty).
    public var campaign: String
    /// The first send event.
    public var firstSend: Timestamp?
    /// The last send event.
    public var lastSend: Timestamp?
    /// The first complaint event.
    public var firstComplaint: Timestamp?
    /// Distinct recipients with a send event in the campaign.
    public var recipients: Int
    /// Distinct recipients with send events in two or more named variants (`unassigned` aside).
    public var recipientsWithMultipleVariants: Int
    /// The variants, sorted by name.
    public var variants: [VariantFigures]
    /// The sums over the variants; `recipients` counts each recipient of the campaign once.
    public var totals: VariantFigures

    /// Makes a campaign's figures.
    public init(
        campaign: String, firstSend: Timestamp?, lastSend: Timestamp?, firstComplaint: Timestamp?,
        recipients: Int, recipientsWithMultipleVariants: Int, variants: [VariantFigures], totals: VariantFigures
    ) {
        self.campaign = campaign
        self.firstSend = firstSend
        self.lastSend = lastSend
        self.firstComplaint = firstComplaint
        self.recipients = recipients
        self.recipientsWithMultipleVariants = recipientsWithMultipleVariants
        self.variants = variants
        self.totals = totals
    }
}

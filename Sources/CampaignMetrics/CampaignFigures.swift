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

    // MARK: Diagnosis (computed by ``MetricsAccumulator``; empty for figures made by hand)

    /// Whether the sections below were computed from events (figures from ``MetricsAccumulator``).
    /// Figures made by hand have none, and their JSON and table leave the diagnosis out.
    public internal(set) var isDiagnosed = false
    /// Which variants went to the same recipients.
    public var overlap = OverlapFigures.empty
    /// Recipients by how many distinct named variants they received: copies 1…N (N the number
    /// of named variants), preceded by copies 0 when some recipients were sent only `unassigned`.
    public var copies: [CopiesGroup] = []
    /// Every recipient's first, second… copy, numbered by first send (see ``CopiesGroup``).
    public var copyNumbers: [CopiesGroup] = []
    /// Sends after the recipient's own complaint or unsubscribe.
    public var afterOptOut = AfterOptOutFigures()
    /// The same variant sent to a recipient more than once.
    public var duplicateSends = DuplicateSendFigures()
    /// The intended assignment against what was sent, when a plan was given.
    public var plan: PlanComparison?
    /// Counts over time and the intervals between first send, first complaint and last send.
    public var timeline = Timeline()

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

    /// Whether complaint rates differ across the named variants, and which are credibly worst.
    public var complaintTest: RateTest {
        RateTest(
            arms: namedVariants.map {
                RateTest.Arm(variant: $0.variant ?? "", events: $0.complaints, base: $0.engagementBase)
            })
    }

    /// Whether unsubscribe rates differ across the named variants, and which are credibly worst.
    public var unsubscribeTest: RateTest {
        RateTest(
            arms: namedVariants.map {
                RateTest.Arm(variant: $0.variant ?? "", events: $0.unsubscribes, base: $0.engagementBase)
            })
    }

    /// The variants other than `unassigned`.
    public var namedVariants: [VariantFigures] { variants.filter { $0.variant != LogSymbols.unassignedName } }
}

import CampaignLog

/// The counts and rates of one variant of a campaign, or of the whole campaign (SPEC §3).
public struct VariantFigures: Sendable, Equatable {
    /// The variant's name; nil for a campaign's totals.
    public var variant: String?
    /// Send events (after de-duplication).
    public var sends = 0
    /// Delivered events.
    public var delivered = 0
    /// Bounce events.
    public var bounces = 0
    /// Deferred events.
    public var deferred = 0
    /// Dropped events.
    public var dropped = 0
    /// Open events.
    public var opens = 0
    /// Click events.
    public var clicks = 0
    /// Complaint events.
    public var complaints = 0
    /// Unsubscribe events.
    public var unsubscribes = 0
    /// Distinct recipients with a send event in this variant (in the campaign, for totals).
    public var recipients = 0

    /// Empty figures for a variant (nil: totals).
    public init(variant: String?) { self.variant = variant }

    /// complaints / delivered, or / sends when nothing was delivered; nil when both are 0.
    public var complaintRate: Double? { Self.rate(complaints, delivered > 0 ? delivered : sends) }
    /// unsubscribes / delivered, or / sends when nothing was delivered; nil when both are 0.
    public var unsubscribeRate: Double? { Self.rate(unsubscribes, delivered > 0 ? delivered : sends) }
    /// bounces / sends; nil when nothing was sent.
    public var bounceRate: Double? { Self.rate(bounces, sends) }

    /// The count of events of `kind`.
    public subscript(kind: EventKind) -> Int {
        get {
            switch kind {
            case .send: sends
            case .delivered: delivered
            case .bounce: bounces
            case .deferred: deferred
            case .dropped: dropped
            case .open: opens
            case .click: clicks
            case .complaint: complaints
            case .unsubscribe: unsubscribes
            }
        }
        set {
            switch kind {
            case .send: sends = newValue
            case .delivered: delivered = newValue
            case .bounce: bounces = newValue
            case .deferred: deferred = newValue
            case .dropped: dropped = newValue
            case .open: opens = newValue
            case .click: clicks = newValue
            case .complaint: complaints = newValue
            case .unsubscribe: unsubscribes = newValue
            }
        }
    }

    private static func rate(_ count: Int, _ denominator: Int) -> Double? {
        denominator == 0 ? nil : Double(count) / Double(denominator)
    }
}

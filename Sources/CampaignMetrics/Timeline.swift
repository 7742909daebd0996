import CampaignLog

/// When things happened in a campaign: sends, deliveries, complaints and unsubscribes per variant
/// in time buckets, and the few intervals a post-mortem asks about.
///
/// The bucket width follows the span from the first to the last of those events: 1 minute up to
/// 3 hours, 5 minutes up to 12 hours, 15 minutes up to 2 days, 1 hour up to 2 weeks, 1 day
/// beyond (bounds inclusive). Buckets are aligned to multiples of their width since the Unix
/// epoch (so whole minutes, hours, UTC days); buckets without any event are left out.
public struct Timeline: Sendable, Equatable {
    /// One variant's counts, one per bucket of ``Timeline/buckets``.
    public struct Series: Sendable, Equatable {
        /// The variant's name.
        public var variant: String
        /// Send events per bucket.
        public var sends: [Int]
        /// Delivered events per bucket.
        public var delivered: [Int]
        /// Complaint events per bucket.
        public var complaints: [Int]
        /// Unsubscribe events per bucket.
        public var unsubscribes: [Int]

        /// Makes a series.
        public init(variant: String, sends: [Int], delivered: [Int], complaints: [Int], unsubscribes: [Int]) {
            self.variant = variant
            self.sends = sends
            self.delivered = delivered
            self.complaints = complaints
            self.unsubscribes = unsubscribes
        }
    }

    /// The bucket width in seconds.
    public var bucketSeconds = 60
    /// The first send, delivered, complaint or unsubscribe event.
    public var firstEvent: Timestamp?
    /// The last such event.
    public var lastEvent: Timestamp?
    /// First send → first complaint, in seconds (nil without both).
    public var firstSendToFirstComplaint: Double?
    /// First complaint → last send, in seconds: how long sending went on once people had started
    /// complaining; 0 when sending had stopped before the first complaint; nil without both.
    public var firstComplaintToLastSend: Double?
    /// Send events strictly after the first complaint.
    public var sendsAfterFirstComplaint = 0
    /// Complaint events strictly after the last send.
    public var complaintsAfterLastSend = 0
    /// Unsubscribe events strictly after the last send.
    public var unsubscribesAfterLastSend = 0
    /// The start of each bucket with events, ascending.
    public var buckets: [Timestamp] = []
    /// Every variant with events of the four kinds, sorted by name.
    public var variants: [Series] = []

    /// An empty timeline.
    public init() {}

    /// The bucket width for a span between the first and the last event (see the type's notes).
    public static func bucketSeconds(forSpanMicroseconds span: Int64) -> Int {
        let hour: Int64 = 3_600_000_000
        switch span {
        case ...(3 * hour): return 60
        case ...(12 * hour): return 300
        case ...(48 * hour): return 900
        case ...(14 * 24 * hour): return 3600
        default: return 86_400
        }
    }

    /// Writes the section under `key`.
    func write(to out: inout JSONText, key: String) {
        out.openObject(key)
        out.member("bucket_seconds", bucketSeconds)
        out.member("first_event", firstEvent?.rfc3339)
        out.member("last_event", lastEvent?.rfc3339)
        out.member("first_send_to_first_complaint_seconds", rate: firstSendToFirstComplaint)
        out.member("first_complaint_to_last_send_seconds", rate: firstComplaintToLastSend)
        out.member("sends_after_first_complaint", sendsAfterFirstComplaint)
        out.member("complaints_after_last_send", complaintsAfterLastSend)
        out.member("unsubscribes_after_last_send", unsubscribesAfterLastSend)
        out.inline("buckets", strings: buckets.map(\.rfc3339))
        out.openArray("variants")
        for series in variants {
            out.openObject()
            out.member("variant", series.variant)
            out.inline("sends", series.sends)
            out.inline("delivered", series.delivered)
            out.inline("complaints", series.complaints)
            out.inline("unsubscribes", series.unsubscribes)
            out.closeObject()
        }
        out.closeArray()
        out.closeObject()
    }
}

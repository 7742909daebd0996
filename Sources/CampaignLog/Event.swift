/// One normalized event (SPEC §2), compact enough to stream millions of them.
///
/// Campaign, variant and recipient are ids into the ``LogSymbols`` of the run that read the event,
/// so that the hot loop never builds a `String` per field. The recipient id refers to the address
/// after trimming and lower-casing; two spellings of one address share an id.
public struct Event: Sendable, Hashable {
    /// When it happened.
    public var timestamp: Timestamp
    /// The campaign id, an index into ``LogSymbols/campaigns``.
    public var campaign: Int32
    /// The variant, an index into ``LogSymbols/variants``; ``LogSymbols/unassigned`` when the log gave none.
    public var variant: Int32
    /// The normalized recipient, an index into ``LogSymbols/recipients``.
    public var recipient: Int32
    /// What happened.
    public var kind: EventKind

    /// Makes an event from already-interned ids.
    public init(timestamp: Timestamp, campaign: Int32, variant: Int32, recipient: Int32, kind: EventKind) {
        self.timestamp = timestamp
        self.campaign = campaign
        self.variant = variant
        self.recipient = recipient
        self.kind = kind
    }
}

/// A consumer of the normalized event stream (the figures, a test's collector...).
public protocol EventSink {
    /// Receives one valid, de-duplicated event.
    mutating func consume(_ event: Event)

    /// Receives valid, de-duplicated events in order. The default calls ``consume(_:)`` for each;
    /// a sink in another module implements it to save a dynamic call per event.
    mutating func consume(batch: UnsafeBufferPointer<Event>)
}

extension EventSink {
    /// Calls ``consume(_:)`` for each event.
    public mutating func consume(batch: UnsafeBufferPointer<Event>) {
        for event in batch { consume(event) }
    }
}

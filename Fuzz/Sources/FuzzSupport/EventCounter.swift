import CampaignLog

/// Counts the events a reader sends on and checks the reading report against them: every event
/// sent is a valid record that was not a repeat, so `eventsRead - duplicatesDropped` must equal
/// the count. A failed check is a crash, which libFuzzer records like any other.
public struct EventCounter: EventSink, Sendable {
    // MARK: - Public API

    /// Events received.
    public var count: Int { events.count }
    /// The events received, in order.
    public private(set) var events: [Event] = []

    /// An empty counter.
    public init() {}

    /// Counts one event.
    public mutating func consume(_ event: Event) { events.append(event) }

    /// Checks the counting invariants of `report` against the events received.
    public func check(_ report: LogReadReport) {
        precondition(
            report.eventsRead - report.duplicatesDropped == count,
            "events sent \(count) != read \(report.eventsRead) - duplicates \(report.duplicatesDropped)")
        precondition(report.recordsSkipped >= report.skipped.count, "more problems listed than counted")
        precondition(report.duplicatesDropped >= 0 && report.duplicatesDropped <= report.eventsRead)
    }
}

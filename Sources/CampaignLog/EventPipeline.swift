import Foundation

/// Runs the second half of the counting rules on a second thread while the reader parses: the
/// reader validates and normalizes each record (``RunState/prepare``) and interns its campaign and
/// variant; this pipeline's consumer interns the recipients, de-duplicates the events in file order
/// and hands them to the sink. Events reach the sink in exactly the order, and with exactly the
/// ids and the result, of reading on one thread.
///
/// The reader blocks in ``finish()`` until the consumer has taken every event, so the sink, the
/// recipients' table, the id set and the attributions it borrows are used by one thread at a time.
///
/// The pipeline is not generic: the sink is reached through one closure call a batch, so the
/// reader's per-event ``push(_:_:)`` needs no generic metadata (a lookup per event when it was).
final class EventPipeline: @unchecked Sendable {
    static var batchSize: Int { 8192 }
    static var maxQueued: Int { 4 }

    /// Hands one batch of new events to the sink.
    typealias Deliver = (UnsafeBufferPointer<Event>) -> Void

    private let deliver: Deliver
    private var ids: EventIDSet
    private var recipients: SymbolTable
    private var attributions: SendAttributions
    private let state: UnsafeMutablePointer<RunState>
    private var batch = PreparedBatch()
    private var queue: [PreparedBatch] = []
    private var closed = false
    private let condition = NSCondition()
    private let done = DispatchSemaphore(value: 0)
    private var duplicates = 0

    /// A pipeline delivering through `deliver`, borrowing the run's recipients' table, id set and
    /// attributions from `state` until ``finish()`` (and making its ``RunState/prepare`` defer
    /// recipients). The pointer and whatever `deliver` writes to must stay valid until then.
    init(state: UnsafeMutablePointer<RunState>, deliver: @escaping Deliver) {
        self.deliver = deliver
        self.state = state
        self.ids = state.pointee.takeIDs()
        self.recipients = state.pointee.takeRecipients()
        state.pointee.defersRecipients = true
        state.pointee.deferredRecipients.reserve(Self.batchSize)
        self.attributions = state.pointee.attributions
        state.pointee.attributions = SendAttributions()
        batch.reserve(Self.batchSize)
        Thread { [self] in consume() }.start()
    }

    /// Queues one prepared event.
    @inline(__always)
    func push(_ event: Event, _ fingerprint: EventIDSet.Fingerprint?) {
        batch.append(event, fingerprint)
        if batch.count == Self.batchSize { flush() }
    }

    /// Hands the last events over, waits for the consumer, and gives the run back its id set,
    /// attributions and duplicate count. Call it exactly once, also when reading failed.
    func finish() {
        flush()
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        done.wait()
        state.pointee.defersRecipients = false
        state.pointee.restoreRecipients(recipients)
        state.pointee.restoreIDs(ids)
        state.pointee.attributions = attributions
        state.pointee.report.duplicatesDropped += duplicates
    }

    // MARK: - Private

    private func flush() {
        guard batch.count > 0 else { return }
        batch.takeRecipients(from: &state.pointee.deferredRecipients)
        state.pointee.deferredRecipients.reserve(Self.batchSize)
        condition.lock()
        while queue.count >= Self.maxQueued { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
        batch = PreparedBatch()
        batch.reserve(Self.batchSize)
    }

    /// The consumer thread. It works on local copies of the tables (moved out and back, never
    /// copied), so the hot loop pays no exclusivity check per event.
    private func consume() {
        var ids = EventIDSet()
        var recipients = SymbolTable()
        var attributions = SendAttributions()
        swap(&ids, &self.ids)
        swap(&recipients, &self.recipients)
        swap(&attributions, &self.attributions)
        var duplicates = 0
        var fresh: [Event] = []
        fresh.reserveCapacity(Self.batchSize)
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                condition.unlock()
                break
            }
            let items = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            fresh.removeAll(keepingCapacity: true)
            items.forEach(interning: &recipients) { event, fingerprint in
                if let fingerprint, !ids.insert(fingerprint) {
                    duplicates += 1
                    return
                }
                if event.kind == .send || event.kind == .delivered { attributions.noteSend(event) }
                fresh.append(event)
            }
            fresh.withUnsafeBufferPointer { deliver($0) }
        }
        swap(&ids, &self.ids)
        swap(&recipients, &self.recipients)
        swap(&attributions, &self.attributions)
        self.duplicates = duplicates
        done.signal()
    }
}

/// Prepared events, their ids' fingerprints (an event without an id has a fingerprint of zeros,
/// which ``EventIDSet/fingerprint(_:)`` never yields) and their recipients' addresses, in order.
struct PreparedBatch {
    private var events: [Event] = []
    private var fingerprints: [EventIDSet.Fingerprint] = []
    private var recipients = DeferredRecipients()

    var count: Int { events.count }

    mutating func reserve(_ capacity: Int) {
        events.reserveCapacity(capacity)
        fingerprints.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ event: Event, _ fingerprint: EventIDSet.Fingerprint?) {
        events.append(event)
        fingerprints.append(fingerprint ?? EventIDSet.Fingerprint(a: 0, b: 0))
    }

    /// Takes the addresses of the batch's events (one an event, in order), leaving none.
    mutating func takeRecipients(from deferred: inout DeferredRecipients) {
        precondition(deferred.count == events.count, "one deferred address per prepared event")
        recipients = DeferredRecipients()
        swap(&recipients, &deferred)
    }

    /// Calls `body` with each event, its recipient interned into `table`, and its fingerprint
    /// (nil: no id), in order.
    @inline(__always)
    func forEach(interning table: inout SymbolTable, _ body: (Event, EventIDSet.Fingerprint?) -> Void) {
        events.withUnsafeBufferPointer { events in
            fingerprints.withUnsafeBufferPointer { fingerprints in
                recipients.forEach { index, address in
                    var event = events[index]
                    event.recipient = table.intern(address)
                    let fingerprint = fingerprints[index]
                    body(event, fingerprint.a == 0 ? nil : fingerprint)
                }
            }
        }
    }
}

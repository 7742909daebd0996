import Foundation

/// Runs the second half of the counting rules on a second thread while the reader parses: the
/// reader validates, normalizes and interns each record (``RunState/prepare``), and this pipeline's
/// consumer de-duplicates the events in file order and hands them to the sink. Events reach the
/// sink in exactly the order, and with exactly the result, of reading on one thread.
///
/// The reader blocks in ``finish()`` until the consumer has taken every event, so the sink, the
/// id set and the attributions it borrows are used by one thread at a time.
final class EventPipeline<Sink: EventSink>: @unchecked Sendable {
    /// One prepared event and its id's fingerprint.
    struct Item {
        var event: Event
        var fingerprint: EventIDSet.Fingerprint?
    }

    static var batchSize: Int { 8192 }
    static var maxQueued: Int { 4 }

    private let sink: UnsafeMutablePointer<Sink>
    private var ids: EventIDSet
    private var attributions: SendAttributions
    private let state: UnsafeMutablePointer<RunState>
    private var batch: [Item] = []
    private var queue: [[Item]] = []
    private var closed = false
    private let condition = NSCondition()
    private let done = DispatchSemaphore(value: 0)
    private(set) var duplicates = 0
    /// The consumer's batch of events that are not duplicates.
    private var fresh: [Event] = []

    /// A pipeline delivering into `sink`, borrowing the run's id set and attributions from `state`
    /// until ``finish()``. Both pointers must stay valid until then.
    init(sink: UnsafeMutablePointer<Sink>, state: UnsafeMutablePointer<RunState>) {
        self.sink = sink
        self.state = state
        self.ids = state.pointee.takeIDs()
        self.attributions = state.pointee.attributions
        state.pointee.attributions = SendAttributions()
        batch.reserveCapacity(Self.batchSize)
        Thread { [self] in consume() }.start()
    }

    /// Queues one prepared event.
    @inline(__always)
    func push(_ event: Event, _ fingerprint: EventIDSet.Fingerprint?) {
        batch.append(Item(event: event, fingerprint: fingerprint))
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
        state.pointee.restoreIDs(ids)
        state.pointee.attributions = attributions
        state.pointee.report.duplicatesDropped += duplicates
    }

    // MARK: - Private

    private func flush() {
        guard !batch.isEmpty else { return }
        condition.lock()
        while queue.count >= Self.maxQueued { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }

    private func consume() {
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
            for item in items {
                if let fingerprint = item.fingerprint, !ids.insert(fingerprint) {
                    duplicates += 1
                    continue
                }
                let event = item.event
                if event.kind == .send || event.kind == .delivered { attributions.noteSend(event) }
                fresh.append(event)
            }
            fresh.withUnsafeBufferPointer { sink.pointee.consume(batch: $0) }
        }
        done.signal()
    }
}

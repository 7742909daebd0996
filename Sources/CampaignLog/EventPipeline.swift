import Foundation

/// Runs the counting rules of large canonical logs in three stages, as tasks of one task group,
/// so that both cores stay busy whichever stage is the heaviest on a given log:
///
/// 1. the reader validates and normalizes each record (``RunState/prepare``) and interns its
///    campaign and variant (a child task: ``CampaignLogReader/readCanonicalCSVConcurrently``);
/// 2. ``deduplicate()`` interns the recipients, de-duplicates the events by id and notes sends
///    for ARF attribution, in file order (a child task);
/// 3. the caller's task hands the new events to the sink (``takeNew()``).
///
/// Batches go from stage to stage through bounded ``BatchChannel``s, which suspend rather than
/// block, so events reach the sink in exactly the order, and with exactly the ids and the result,
/// of reading on one thread. The caller gives the run back its tables with ``finish()`` once the
/// group is done, so the sink, the recipients' table, the id set and the attributions the
/// pipeline borrows are used by one task at a time.
///
/// The pipeline is not generic: the sink stage takes plain batches of events, so the reader's
/// per-event ``push(_:_:offset:)`` needs no generic metadata (a lookup per event when it was).
final class EventPipeline: @unchecked Sendable {
    static var batchSize: Int { 8192 }
    /// Batches waiting between two stages, at most (about 0.6 MB each): enough to ride out a
    /// stage's pause while one of its tables doubles, which with four stalled the others at ten
    /// million events.
    static var maxQueued: Int { 16 }

    private var ids: EventIDSet
    private var recipients: SymbolTable
    private var attributions: SendAttributions
    private let state: UnsafeMutablePointer<RunState>
    private var batch = PreparedBatch()
    private let prepared = BatchChannel<PreparedBatch>(capacity: EventPipeline.maxQueued)
    private let fresh = BatchChannel<[Event]>(capacity: EventPipeline.maxQueued)
    private let fileSize: Int
    private var estimated = false
    private var duplicates = 0
    /// How many events' table slots stage 2 touches before interning them (64: a tenth less time
    /// than 32 on both story.csv and events-10m.csv; 128 no better).
    private static var warmGroup: Int { 64 }

    /// A pipeline borrowing the run's recipients' table, id set and attributions from `state`
    /// until ``finish()`` (and making its ``RunState/prepare`` defer recipients). The pointer must
    /// stay valid until then.
    ///
    /// `fileSize` lets the first batch estimate how many event ids the file holds, so that the id
    /// set is sized once instead of doubling its way there (each doubling rehashes every id, and
    /// at ten million ids that was a tenth of the run).
    init(state: UnsafeMutablePointer<RunState>, fileSize: Int) {
        self.fileSize = fileSize
        self.state = state
        self.ids = state.pointee.takeIDs()
        self.recipients = state.pointee.takeRecipients()
        state.pointee.defersRecipients = true
        state.pointee.deferredRecipients.reserve(Self.batchSize)
        self.attributions = state.pointee.attributions
        state.pointee.attributions = SendAttributions()
        batch.reserve(Self.batchSize)
    }

    /// Queues one prepared event; `offset` is where its record ends in the file. True when the
    /// batch is full: the reader then hands it on with ``flush()`` before the next push.
    @inline(__always)
    func push(_ event: Event, _ fingerprint: EventIDSet.Fingerprint?, offset: Int64) -> Bool {
        batch.append(event, fingerprint)
        guard batch.count == Self.batchSize else { return false }
        if !estimated {
            estimated = true
            batch.expectedIDs = Self.expectedIDs(batch.idCount, in: offset, of: fileSize)
        }
        return true
    }

    /// Hands the events pushed so far to stage 2, suspending while its channel is full.
    func flush() async {
        guard batch.count > 0 else { return }
        batch.takeRecipients(from: &state.pointee.deferredRecipients)
        state.pointee.deferredRecipients.reserve(Self.batchSize)
        let full = batch
        batch = PreparedBatch()
        batch.reserve(Self.batchSize)
        await prepared.put(full)
    }

    /// The reader's last call: hands over the last events and tells stage 2 that no more come.
    /// Call it exactly once, also when reading failed.
    func endInput() async {
        await flush()
        prepared.close()
    }

    /// Stage 3's source: the next batch of new events, in file order; nil once stage 2 is done.
    func takeNew() async -> [Event]? { await fresh.take() }

    /// Gives the run back its recipients' table, id set, attributions and duplicate count. Call
    /// it once, after all three stages are done.
    func finish() {
        state.pointee.defersRecipients = false
        state.pointee.restoreRecipients(recipients)
        state.pointee.restoreIDs(ids)
        state.pointee.attributions = attributions
        state.pointee.report.duplicatesDropped += duplicates
    }

    /// Stage 2. It works on local copies of the tables (moved out and back, never copied), so
    /// the hot loop pays no exclusivity check per event.
    func deduplicate() async {
        var ids = EventIDSet()
        var recipients = SymbolTable()
        var attributions = SendAttributions()
        swap(&ids, &self.ids)
        swap(&recipients, &self.recipients)
        swap(&attributions, &self.attributions)
        var duplicates = 0
        var hashes = [UInt64](repeating: 0, count: Self.warmGroup)
        var interned = [Int32](repeating: 0, count: Self.warmGroup)
        while let items = await prepared.take() {
            if let expected = items.expectedIDs { ids.reserve(ids.count + expected) }
            let kept = Self.deduplicate(
                items, ids: &ids, recipients: &recipients, attributions: &attributions, duplicates: &duplicates,
                hashes: &hashes, interned: &interned)
            await fresh.put(kept)
        }
        swap(&ids, &self.ids)
        swap(&recipients, &self.recipients)
        swap(&attributions, &self.attributions)
        self.duplicates = duplicates
        fresh.close()
    }

    /// Nine tenths of the ids a file of `fileSize` bytes would hold at the rate of its first
    /// `bytes` (`ids` of them): a little short, so that a file whose later records are longer
    /// does not get a table twice the size it needs; one doubling at the end is cheap.
    static func expectedIDs(_ ids: Int, in bytes: Int64, of fileSize: Int) -> Int? {
        guard ids > 0, bytes > 0, fileSize > 0 else { return nil }
        return Int(Double(ids) * Double(fileSize) / Double(bytes) * 0.9)
    }

    // MARK: - Private

    /// Stage 2's work on one batch: the events that are new, with their recipients interned.
    private static func deduplicate(
        _ items: PreparedBatch, ids: inout EventIDSet, recipients: inout SymbolTable,
        attributions: inout SendAttributions, duplicates: inout Int, hashes: inout [UInt64],
        interned: inout [Int32]
    ) -> [Event] {
        var kept: [Event] = []
        kept.reserveCapacity(items.count)
        items.withParts { events, fingerprints, addresses in
            var start = 0
            while start < events.count {
                let end = min(start + Self.warmGroup, events.count)
                // Touch the tables for the whole group first, in rounds of loads that do not
                // depend on each other: their cache misses then overlap instead of stalling one
                // event at a time (see SymbolTable.warm). First the recipients' and the ids'
                // slots, then the recipients' entries the slots point to, then (once interned)
                // the latest sends that sends update.
                for index in start..<end {
                    let hash = SymbolTable.hash(addresses[index])
                    hashes[index - start] = hash
                    recipients.warmSlot(hash)
                    if fingerprints[index].a != 0 { ids.warm(fingerprints[index]) }
                }
                for index in start..<end { recipients.warm(hashes[index - start]) }
                for index in start..<end {
                    let recipient = recipients.intern(addresses[index], hash: hashes[index - start])
                    interned[index - start] = recipient
                    let kind = events[index].kind
                    if kind == .send || kind == .delivered { attributions.warm(recipient) }
                }
                for index in start..<end {
                    var event = events[index]
                    event.recipient = interned[index - start]
                    let fingerprint = fingerprints[index]
                    if fingerprint.a != 0 && !ids.insert(fingerprint) {
                        duplicates += 1
                        continue
                    }
                    if event.kind == .send || event.kind == .delivered { attributions.noteSend(event) }
                    kept.append(event)
                }
                start = end
            }
        }
        return kept
    }
}

/// Prepared events, their ids' fingerprints (an event without an id has a fingerprint of zeros,
/// which ``EventIDSet/fingerprint(_:)`` never yields) and their recipients' addresses, in order.
struct PreparedBatch {
    private var events: [Event] = []
    private var fingerprints: [EventIDSet.Fingerprint] = []
    private var recipients = DeferredRecipients()
    /// How many events of the batch carry an id.
    private(set) var idCount = 0
    /// For the first batch of a file: about how many ids the whole file holds.
    var expectedIDs: Int?

    var count: Int { events.count }

    mutating func reserve(_ capacity: Int) {
        events.reserveCapacity(capacity)
        fingerprints.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ event: Event, _ fingerprint: EventIDSet.Fingerprint?) {
        events.append(event)
        if let fingerprint {
            fingerprints.append(fingerprint)
            idCount += 1
        } else {
            fingerprints.append(EventIDSet.Fingerprint(a: 0, b: 0))
        }
    }

    /// Takes the addresses of the batch's events (one an event, in order), leaving none.
    mutating func takeRecipients(from deferred: inout DeferredRecipients) {
        precondition(deferred.count == events.count, "one deferred address per prepared event")
        recipients = DeferredRecipients()
        swap(&recipients, &deferred)
    }

    /// Calls `body` with the events, their fingerprints and their addresses.
    @inline(__always)
    func withParts<R>(
        _ body: (UnsafeBufferPointer<Event>, UnsafeBufferPointer<EventIDSet.Fingerprint>, DeferredRecipients.Addresses)
            -> R
    ) -> R {
        events.withUnsafeBufferPointer { events in
            fingerprints.withUnsafeBufferPointer { fingerprints in
                recipients.withAddresses { body(events, fingerprints, $0) }
            }
        }
    }
}

/// The state of one run of a ``CampaignLogReader``: the names, the event ids seen, the counts and
/// the attributions of sends, with the counting rules of SPEC §2 as its methods.
struct RunState {
    var symbols = LogSymbols()
    var report = LogReadReport()
    /// What the sends of the run say about each message and recipient (for ARF complaints).
    var attributions = SendAttributions()
    private(set) var ids = EventIDSet()
    /// Whether ``prepare`` keeps recipients as bytes in ``deferredRecipients`` instead of
    /// interning them (while an ``EventPipeline`` reads; its consumer interns them).
    var defersRecipients = false
    /// The recipients of the events prepared since an ``EventPipeline`` last took them.
    var deferredRecipients = DeferredRecipients()
    private var normalizer = FieldNormalizer()
    private var lastCampaign = LastSymbol()
    private var lastVariant = LastSymbol()
    private var eventSpellings = SymbolTable()
    private var spellingKinds: [EventKind?] = []

    /// Applies the counting rules to one record and, when it is valid and new, sends it on.
    mutating func accept<Sink: EventSink>(
        _ record: CanonicalRecord, line: Int, path: String, options: LogReadOptions, into sink: inout Sink
    ) throws(LogError) -> Event? {
        guard let (event, fingerprint) = try prepare(record, line: line, path: path, options: options) else {
            return nil
        }
        if let fingerprint, !ids.insert(fingerprint) {
            report.duplicatesDropped += 1
            return nil
        }
        Self.deliver(event, attributions: &attributions, into: &sink)
        return event
    }

    /// The first half of ``accept``: validates and normalizes the record and counts it as read.
    /// Returns the event and its id's fingerprint (nil: no id), or nil for a bad record. While
    /// ``defersRecipients`` is set, the event's `recipient` is the index of its address in
    /// ``deferredRecipients`` rather than an id.
    mutating func prepare(
        _ record: CanonicalRecord, line: Int, path: String, options: LogReadOptions
    ) throws(LogError) -> (Event, EventIDSet.Fingerprint?)? {
        guard let kind = record.kind ?? record.event.flatMap({ kindOf($0) }) else {
            let shown = record.event.flatMap(CampaignLogReader.nonBlank).map {
                "unknown event '\(CampaignLogReader.excerpt($0))'"
            }
            try skip(path: path, line: line, shown ?? "missing event", options: options)
            return nil
        }
        guard let rawTime = record.timestamp,
            let timestamp = normalizer.normalize(rawTime, foldCase: false, Timestamp.parse)
        else {
            let problem = record.timestamp.flatMap(CampaignLogReader.nonBlank).map {
                "invalid timestamp '\(CampaignLogReader.excerpt($0))' (RFC 3339 with an offset, or Unix seconds)"
            }
            try skip(path: path, line: line, problem ?? "missing timestamp", options: options)
            return nil
        }
        var recipient: Int32 = -1
        if let raw = record.recipient {
            recipient = normalizer.normalize(raw, foldCase: true) { address in
                if address.isEmpty { return -1 }
                return defersRecipients ? deferredRecipients.append(address) : symbols.recipients.intern(address)
            }
        }
        guard recipient >= 0 else {
            try skip(path: path, line: line, "missing recipient", options: options)
            return nil
        }
        var campaign: Int32
        if let raw = record.campaign {
            campaign = normalizer.normalize(raw, foldCase: false) { lastCampaign.intern($0, in: &symbols.campaigns) }
        } else {
            campaign = symbols.campaigns.intern(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        var variant = LogSymbols.unassigned
        if let raw = record.variant {
            variant = normalizer.normalize(raw, foldCase: false) {
                $0.isEmpty ? LogSymbols.unassigned : lastVariant.intern($0, in: &symbols.variants)
            }
        }
        report.eventsRead += 1
        var fingerprint: EventIDSet.Fingerprint?
        if let rawID = record.eventID {
            fingerprint = normalizer.normalize(rawID, foldCase: false) { $0.isEmpty ? nil : EventIDSet.fingerprint($0) }
        }
        return (
            Event(timestamp: timestamp, campaign: campaign, variant: variant, recipient: recipient, kind: kind),
            fingerprint
        )
    }

    /// The second half of ``accept`` for an event that is not a duplicate: notes a send for ARF
    /// attribution and hands the event to the sink.
    @inline(__always)
    static func deliver<Sink: EventSink>(_ event: Event, attributions: inout SendAttributions, into sink: inout Sink) {
        if event.kind == .send || event.kind == .delivered { attributions.noteSend(event) }
        sink.consume(event)
    }

    /// Moves the recipients' table out (to a pipeline's consumer), leaving an empty one.
    mutating func takeRecipients() -> SymbolTable {
        var taken = SymbolTable()
        swap(&taken, &symbols.recipients)
        return taken
    }

    /// Puts back the recipients' table a pipeline's consumer used.
    mutating func restoreRecipients(_ table: SymbolTable) { symbols.recipients = table }

    /// Moves the event-id set out (to a pipeline's consumer), leaving an empty one.
    mutating func takeIDs() -> EventIDSet {
        var taken = EventIDSet()
        swap(&taken, &ids)
        return taken
    }

    /// Puts back the event-id set a pipeline's consumer used.
    mutating func restoreIDs(_ set: EventIDSet) { ids = set }

    /// Counts and lists a bad record, or throws it under `--strict`.
    mutating func skip(path: String, line: Int?, _ message: String, options: LogReadOptions) throws(LogError) {
        let problem = LogError(path: path, line: line, message: message)
        if options.strict { throw problem }
        report.recordsSkipped += 1
        if report.skipped.count < options.maxListedProblems { report.skipped.append(problem) }
    }

    /// The kind an event name stands for, remembered per distinct spelling.
    private mutating func kindOf(_ raw: UnsafeRawBufferPointer) -> EventKind? {
        normalizer.normalize(raw, foldCase: false) { trimmed in
            if let id = eventSpellings.lookup(trimmed) { return spellingKinds[Int(id)] }
            // Remember at most a few hundred spellings, so that a log of garbage cannot grow the table.
            let kind = EventKind.match(trimmed)
            if eventSpellings.count < 256 {
                _ = eventSpellings.intern(trimmed)
                spellingKinds.append(kind)
            }
            return kind
        }
    }
}

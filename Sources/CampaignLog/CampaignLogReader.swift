/// Reads a run's logs, in any supported format, into one stream of normalized, de-duplicated
/// events (SPEC §2). One reader is one run: event ids are de-duplicated across all the files it
/// reads, and its ``symbols`` name the ids of every event it produced.
public final class CampaignLogReader {
    // MARK: - Public API

    /// The names behind the events' ids.
    public private(set) var symbols = LogSymbols()
    /// Counts and listed problems so far.
    public private(set) var report = LogReadReport()
    /// How this run reads.
    public let options: LogReadOptions

    /// A reader for one run.
    public init(options: LogReadOptions = LogReadOptions()) {
        self.options = options
    }

    /// Reads one file, detecting its format from its content, and sends its events to `sink`.
    ///
    /// - Parameters:
    ///   - path: where the file is.
    ///   - displayPath: how to name it in messages (default: `path`).
    /// - Throws: ``LogError`` when the file cannot be read or recognised, or, with
    ///   ``LogReadOptions/strict``, at its first bad record.
    public func read<Sink: EventSink>(path: String, displayPath: String? = nil, into sink: inout Sink) throws(LogError) {
        let shown = displayPath ?? path
        report.files.append(shown)
        switch try LogFormat.detect(path: path, displayPath: shown) {
        case .canonicalCSV: try readCanonicalCSV(path: path, displayPath: shown, into: &sink)
        case .canonicalJSONLines: try readCanonicalJSONLines(path: path, displayPath: shown, into: &sink)
        case .canonicalJSON: try readPayloads(path: path, displayPath: shown, CanonicalPayloadReader(), into: &sink)
        case .sendGrid:
            try readPayloads(path: path, displayPath: shown, SendGridReader(fields: options.fields.sendGrid), into: &sink)
        case .mailgun:
            try readPayloads(path: path, displayPath: shown, MailgunReader(fields: options.fields.mailgun), into: &sink)
        case .ses: try readPayloads(path: path, displayPath: shown, SESReader(fields: options.fields.ses), into: &sink)
        case .postmark:
            try readPayloads(path: path, displayPath: shown, PostmarkReader(fields: options.fields.postmark), into: &sink)
        case .arf: try readARF(path: path, displayPath: shown)
        }
    }

    /// Ends the run: sends the complaints of the ARF reports read, each given the campaign and
    /// variant of the message it is about (see ``ProviderFieldMap/ARF``), to `sink`. Call it once,
    /// after the last file; a complaint whose variant cannot be found counts as `unassigned` and
    /// in ``LogReadReport/unmatchedComplaints``.
    ///
    /// - Throws: with ``LogReadOptions/strict``, ``LogError`` at the first bad report.
    public func finish<Sink: EventSink>(into sink: inout Sink) throws(LogError) {
        try emitHeldComplaints(into: &sink)
    }

    // MARK: - Internal

    /// What the sends of the run say about each message and recipient (for ARF complaints).
    var attributions = SendAttributions()
    /// The complaints of the ARF reports read so far, held until ``finish(into:)``.
    var heldComplaints: [ARFComplaint] = []

    /// Applies the counting rules to one record and, when it is valid and new, sends it on.
    /// Returns the event sent, if any.
    @discardableResult
    func accept<Sink: EventSink>(
        _ record: CanonicalRecord, line: Int, path: String, into sink: inout Sink
    ) throws(LogError) -> Event? {
        guard let kind = record.kind ?? record.event.flatMap(kindOf) else {
            let shown = record.event.flatMap(Self.nonBlank).map { "unknown event '\(Self.excerpt($0))'" } ?? "missing event"
            try skip(path: path, line: line, shown)
            return nil
        }
        guard let rawTime = record.timestamp, let timestamp = normalizer.normalize(rawTime, foldCase: false, Timestamp.parse)
        else {
            let problem = record.timestamp.flatMap(Self.nonBlank).map { "invalid timestamp '\(Self.excerpt($0))' (RFC 3339 with an offset, or Unix seconds)" }
            try skip(path: path, line: line, problem ?? "missing timestamp")
            return nil
        }
        let recipient = record.recipient.map { raw in
            normalizer.normalize(raw, foldCase: true) { $0.isEmpty ? -1 : symbols.recipients.intern($0) }
        } ?? -1
        guard recipient >= 0 else {
            try skip(path: path, line: line, "missing recipient")
            return nil
        }
        let campaign = record.campaign.map { raw in normalizer.normalize(raw, foldCase: false) { symbols.campaigns.intern($0) } }
            ?? symbols.campaigns.intern(UnsafeRawBufferPointer(start: nil, count: 0))
        let variant = record.variant.map { raw in
            normalizer.normalize(raw, foldCase: false) { $0.isEmpty ? LogSymbols.unassigned : symbols.variants.intern($0) }
        } ?? LogSymbols.unassigned
        report.eventsRead += 1
        if let rawID = record.eventID {
            let isNew = normalizer.normalize(rawID, foldCase: false) { $0.isEmpty || ids.insert($0) }
            if !isNew {
                report.duplicatesDropped += 1
                return nil
            }
        }
        let event = Event(timestamp: timestamp, campaign: campaign, variant: variant, recipient: recipient, kind: kind)
        if kind == .send || kind == .delivered { attributions.noteSend(event) }
        sink.consume(event)
        return event
    }

    /// Counts an event of a type that is known but not counted.
    func ignore() { report.ignoredEvents += 1 }

    /// Counts a complaint whose variant could not be found.
    func countUnmatchedComplaint() { report.unmatchedComplaints += 1 }

    /// Counts and lists a bad record, or throws it under `--strict`.
    func skip(path: String, line: Int?, _ message: String) throws(LogError) {
        let problem = LogError(path: path, line: line, message: message)
        if options.strict { throw problem }
        report.recordsSkipped += 1
        if report.skipped.count < options.maxListedProblems { report.skipped.append(problem) }
    }

    /// The bytes, unless they are only white space.
    static func nonBlank(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        bytes.allSatisfy(FieldNormalizer.isASCIISpace) ? nil : bytes
    }

    /// Field text fit for a message: at most 40 characters, control characters shown as `?`.
    static func excerpt(_ bytes: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: bytes.prefix(160), as: UTF8.self)
        let cleaned = String(text.unicodeScalars.prefix(40).map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return text.unicodeScalars.count > 40 ? cleaned + "…" : cleaned
    }

    // MARK: - Private

    private var ids = EventIDSet()
    private var normalizer = FieldNormalizer()
    private var eventSpellings = SymbolTable()
    private var spellingKinds: [EventKind?] = []

    /// The kind an event name stands for, remembered per distinct spelling.
    private func kindOf(_ raw: UnsafeRawBufferPointer) -> EventKind? {
        normalizer.normalize(raw, foldCase: false) { trimmed in
            // Remember at most a few hundred spellings, so that a log of garbage cannot grow the table.
            guard eventSpellings.lookup(trimmed) != nil || eventSpellings.count < 256 else {
                return EventKind.match(trimmed)
            }
            let id = Int(eventSpellings.intern(trimmed))
            if id == spellingKinds.count { spellingKinds.append(EventKind.match(trimmed)) }
            return spellingKinds[id]
        }
    }
}

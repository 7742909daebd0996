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
        }
    }

    // MARK: - Internal

    /// Applies the counting rules to one record and, when it is valid and new, sends it on.
    func accept<Sink: EventSink>(_ record: CanonicalRecord, line: Int, path: String, into sink: inout Sink) throws(LogError) {
        guard let kind = record.kind ?? record.event.flatMap(kindOf) else {
            let shown = record.event.flatMap(Self.nonBlank).map { "unknown event '\(Self.excerpt($0))'" } ?? "missing event"
            return try skip(path: path, line: line, shown)
        }
        guard let rawTime = record.timestamp, let timestamp = normalizer.normalize(rawTime, foldCase: false, Timestamp.parse)
        else {
            let problem = record.timestamp.flatMap(Self.nonBlank).map { "invalid timestamp '\(Self.excerpt($0))' (RFC 3339 with an offset, or Unix seconds)" }
            return try skip(path: path, line: line, problem ?? "missing timestamp")
        }
        let recipient = record.recipient.map { raw in
            normalizer.normalize(raw, foldCase: true) { $0.isEmpty ? -1 : symbols.recipients.intern($0) }
        } ?? -1
        guard recipient >= 0 else { return try skip(path: path, line: line, "missing recipient") }
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
                return
            }
        }
        sink.consume(Event(timestamp: timestamp, campaign: campaign, variant: variant, recipient: recipient, kind: kind))
    }

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

/// Reads a run's logs, in any supported format, into one stream of normalized, de-duplicated
/// events (SPEC §2). One reader is one run: event ids are de-duplicated across all the files it
/// reads, and its ``symbols`` name the ids of every event it produced.
public final class CampaignLogReader {
    // MARK: - Public API

    /// The names behind the events' ids.
    public var symbols: LogSymbols { state.symbols }
    /// Counts and listed problems so far.
    public var report: LogReadReport { state.report }
    /// How this run reads.
    public let options: LogReadOptions

    /// Called about every 65,536 events with the file being read and the events read so far in
    /// the run (for a progress display); nil: nothing is called.
    public var progress: ((_ file: String, _ eventsRead: Int) -> Void)?

    /// A reader for one run.
    public init(options: LogReadOptions = LogReadOptions()) {
        self.options = options
        statePointer = .allocate(capacity: 1)
        statePointer.initialize(to: RunState())
    }

    deinit {
        statePointer.deinitialize(count: 1)
        statePointer.deallocate()
    }

    /// Reads one file on this thread, detecting its format from its content, and sends its
    /// events to `sink`.
    ///
    /// - Parameters:
    ///   - path: where the file is.
    ///   - displayPath: how to name it in messages (default: `path`).
    /// - Throws: ``LogError`` when the file cannot be read or recognised, or, with
    ///   ``LogReadOptions/strict``, at its first bad record.
    public func read<Sink: EventSink>(path: String, displayPath: String? = nil, into sink: inout Sink) throws(LogError)
    {
        let shown = displayPath ?? path
        try read(path: path, displayPath: shown, format: try start(path: path, displayPath: shown), into: &sink)
    }

    /// Reads one file as the synchronous ``read(path:displayPath:into:)`` does, with the same
    /// events, ids, counts and errors, but reads canonical CSV and JSON Lines of
    /// ``LogReadOptions/pipelineMinimumBytes`` or more on both cores (``EventPipeline``: parsing,
    /// de-duplicating and counting run as concurrent tasks, handing batches on in file order).
    public func read<Sink: EventSink>(path: String, displayPath: String? = nil, into sink: inout Sink)
        async
        throws(LogError)
    {
        let shown = displayPath ?? path
        let format = try start(path: path, displayPath: shown)
        let layout: CanonicalLayout? =
            switch format {
            case .canonicalCSV: .csv
            case .canonicalJSONLines: .jsonLines
            default: nil
            }
        let size = Self.fileSize(path)
        if let layout, size >= options.pipelineMinimumBytes {
            try await readCanonicalConcurrently(
                path: path, displayPath: shown, layout: layout, fileSize: size, into: &sink)
        } else {
            try read(path: path, displayPath: shown, format: format, into: &sink)
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

    /// Everything the run accumulates, in one value so that the hot path pays for one access to
    /// the reader per record rather than one per field.
    var state: RunState {
        unsafeAddress { UnsafePointer(statePointer) }
        unsafeMutableAddress { statePointer }
    }
    /// Where ``state`` lives: its own allocation, so that the stages of a concurrent read
    /// (``EventPipeline``) can hold on to it across suspension points.
    let statePointer: UnsafeMutablePointer<RunState>
    /// The complaints of the ARF reports read so far, held until ``finish(into:)``.
    var heldComplaints: [ARFComplaint] = []

    /// Applies the counting rules to one record and, when it is valid and new, sends it on.
    /// Returns the event sent, if any.
    @discardableResult
    @inline(__always)
    func accept<Sink: EventSink>(
        _ record: CanonicalRecord, line: Int, path: String, into sink: inout Sink
    ) throws(LogError) -> Event? {
        let event = try state.accept(record, line: line, path: path, options: options, into: &sink)
        if state.report.eventsRead & 0xFFFF == 0, let progress { progress(path, state.report.eventsRead) }
        return event
    }

    /// Lists the file among the run's and detects its format.
    private func start(path: String, displayPath: String) throws(LogError) -> LogFormat {
        state.report.files.append(displayPath)
        return try LogFormat.detect(path: path, displayPath: displayPath)
    }

    /// Reads one file of a known format on this thread.
    private func read<Sink: EventSink>(
        path: String, displayPath shown: String, format: LogFormat, into sink: inout Sink
    )
        throws(LogError)
    {
        switch format {
        case .canonicalCSV: try readCanonicalCSV(path: path, displayPath: shown, into: &sink)
        case .canonicalJSONLines: try readCanonicalJSONLines(path: path, displayPath: shown, into: &sink)
        case .canonicalJSON: try readPayloads(path: path, displayPath: shown, CanonicalPayloadReader(), into: &sink)
        case .sendGrid:
            try readPayloads(
                path: path, displayPath: shown, SendGridReader(fields: options.fields.sendGrid), into: &sink)
        case .mailgun:
            try readPayloads(path: path, displayPath: shown, MailgunReader(fields: options.fields.mailgun), into: &sink)
        case .ses: try readPayloads(path: path, displayPath: shown, SESReader(fields: options.fields.ses), into: &sink)
        case .postmark:
            try readPayloads(
                path: path, displayPath: shown, PostmarkReader(fields: options.fields.postmark), into: &sink)
        case .arf: try readARF(path: path, displayPath: shown)
        }
    }

    /// Counts an event of a type that is known but not counted.
    func ignore() { state.report.ignoredEvents += 1 }

    /// Counts a complaint whose variant could not be found.
    func countUnmatchedComplaint() { state.report.unmatchedComplaints += 1 }

    /// Counts and lists a bad record, or throws it under `--strict`.
    func skip(path: String, line: Int?, _ message: String) throws(LogError) {
        try state.skip(path: path, line: line, message, options: options)
    }

    /// The bytes, unless they are only white space.
    static func nonBlank(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        bytes.allSatisfy(FieldNormalizer.isASCIISpace) ? nil : bytes
    }

    /// Field text fit for a message: at most 40 characters, control characters shown as `?`.
    static func excerpt(_ bytes: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: bytes.prefix(160), as: UTF8.self)
        let cleaned = String(
            text.unicodeScalars.prefix(40).map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return text.unicodeScalars.count > 40 ? cleaned + "…" : cleaned
    }
}

extension CampaignLogReader {
    // MARK: - Internal

    /// Reads a file of JSON provider payloads (one, an array, arrays back to back, or one per line),
    /// one payload at a time, handing each to `payloads`. A bad payload is skipped with the line it
    /// starts on; the rest of the file is still read.
    func readPayloads<Reader: ProviderPayloadReader, Sink: EventSink>(
        path: String, displayPath: String, _ payloads: Reader, into sink: inout Sink
    ) throws(LogError) {
        let chunks = try ChunkReader(path: path, displayPath: displayPath)
        var splitter = JSONElementSplitter(maxBytes: options.maxRecordBytes)
        var scratch: [UInt8] = []
        func take(_ piece: JSONElementSplitter.Piece) throws(LogError) {
            try self.take(piece, displayPath, payloads, &scratch, &sink)
        }
        while let chunk = try chunks.next(displayPath: displayPath) {
            try splitter.feed(chunk, take)
        }
        try splitter.finish(take)
    }

    /// Applies the counting rules to a provider event (its fields copied into `scratch`, as bytes).
    /// Returns the event sent, if any.
    func accept<Sink: EventSink>(
        _ event: ProviderEvent, line: Int, path: String, scratch: inout [UInt8], into sink: inout Sink
    ) throws(LogError) -> Event? {
        scratch.removeAll(keepingCapacity: true)
        var ranges: [Range<Int>?] = []
        for field in [event.timestamp, event.recipient, event.campaign, event.variant, event.eventID] {
            guard let field else {
                ranges.append(nil)
                continue
            }
            let start = scratch.count
            scratch.append(contentsOf: field.utf8)
            ranges.append(start..<scratch.count)
        }
        let outcome = scratch.withUnsafeBytes { base in
            func field(_ index: Int) -> UnsafeRawBufferPointer? {
                ranges[index].map { UnsafeRawBufferPointer(rebasing: base[$0]) }
            }
            let record = CanonicalRecord(
                timestamp: field(0), campaign: field(2), variant: field(3), recipient: field(1), event: nil,
                kind: event.kind, eventID: field(4))
            return Result { () throws(LogError) in try accept(record, line: line, path: path, into: &sink) }
        }
        return try outcome.get()
    }

    // MARK: - Private

    /// Parses one piece and hands its payloads (the elements of an array, or itself) to `payloads`.
    private func take<Reader: ProviderPayloadReader, Sink: EventSink>(
        _ piece: JSONElementSplitter.Piece, _ path: String, _ payloads: Reader, _ scratch: inout [UInt8],
        _ sink: inout Sink
    ) throws(LogError) {
        guard case .element(let bytes, let line, let column) = piece else {
            if case .broken(let line, let message) = piece { try skip(path: path, line: line, message) }
            return
        }
        var lines = LineCounter(bytes: bytes, line: line)
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            let place = lines.place(of: error.offset)
            let at =
                place.line == line ? "column \(column + error.offset)" : "line \(place.line), column \(place.column)"
            return try skip(path: path, line: line, "invalid JSON at \(at): \(error.message)")
        }
        func handle(_ outcome: ProviderOutcome, _ offset: Int?) throws(LogError) {
            let itemLine = offset.map { lines.place(of: $0).line } ?? line
            switch outcome {
            case .event(let event):
                let accepted = try accept(event, line: itemLine, path: path, scratch: &scratch, into: &sink)
                guard let accepted, accepted.kind == .send || accepted.kind == .delivered else { return }
                for id in event.messageIDs {
                    state.attributions.remember(
                        messageID: id, .init(campaign: accepted.campaign, variant: accepted.variant))
                }
            case .ignored: ignore()
            case .bad(let message): try skip(path: path, line: itemLine, message)
            }
        }
        guard case .array(let elements) = value else { return try payloads.read(value, handle) }
        // An array inside the top-level one (a batch of batches): each element is a payload.
        for element in elements {
            let offset = element.object?.offset
            try payloads.read(element) { (outcome, inner) throws(LogError) in try handle(outcome, inner ?? offset) }
        }
    }
}

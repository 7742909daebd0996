extension CampaignLogReader {
    // MARK: - Internal

    /// The most of one message kept from an mbox; beyond it (a huge attachment) lines are dropped.
    static let maxMessageBytes = 16 << 20

    /// Reads ARF reports: one message per file, or an mbox of them (a file whose first line is a
    /// `From ` line; each message starts with one, and body lines starting so are escaped `>From `). Their complaints are held until ``finish(into:)``, when every send of the run is known.
    func readARF(path: String, displayPath: String) throws(LogError) {
        let records = try RecordReader(
            path: path, displayPath: displayPath, quoteAware: false, maxRecordBytes: options.maxRecordBytes)
        let reader = ARFReader(fields: options.fields.arf)
        var message: [UInt8] = []
        var start = 0
        var sawContent = false
        func flush() throws(LogError) {
            defer {
                message.removeAll(keepingCapacity: true)
                sawContent = false
            }
            guard sawContent else { return }
            let entity = MIMEEntity(text: String(decoding: message, as: UTF8.self))
            for outcome in reader.read(entity) {
                switch outcome {
                case .complaint(var complaint):
                    complaint.path = displayPath
                    complaint.line = start
                    heldComplaints.append(complaint)
                case .ignored: ignore()
                case .bad(let reason): try skip(path: displayPath, line: start, reason)
                }
            }
        }
        var isMbox: Bool?  // decided by the first line with content
        while let next = try records.next(displayPath: displayPath) {
            guard case .record(let bytes, let line) = next else { continue }  // an overlong line of a body
            if isMbox == nil, !bytes.allSatisfy(FieldNormalizer.isASCIISpace) {
                isMbox = bytes.starts(with: "From ".utf8)
            }
            if isMbox == true, bytes.starts(with: "From ".utf8) {
                try flush()
                start = line
            } else if !sawContent {
                guard !bytes.allSatisfy(FieldNormalizer.isASCIISpace) else { continue }
                if message.isEmpty { start = line }
            }
            sawContent = true
            if message.count + bytes.count < Self.maxMessageBytes {
                message.append(contentsOf: bytes)
                message.append(0x0A)
            }
        }
        try flush()
    }

    /// Gives each held ARF complaint its campaign and variant, and counts it.
    func emitHeldComplaints<Sink: EventSink>(into sink: inout Sink) throws(LogError) {
        let complaints = heldComplaints
        heldComplaints = []
        var normalizer = FieldNormalizer()
        var scratch: [UInt8] = []
        for complaint in complaints {
            var match = complaint.messageID.flatMap { state.attributions.lookup(messageID: $0) }
            if match == nil {
                var recipient = complaint.recipient
                let id = recipient.withUTF8 { raw in
                    normalizer.normalize(UnsafeRawBufferPointer(raw), foldCase: true) { symbols.recipients.lookup($0) }
                }
                match = id.flatMap { state.attributions.lookup(recipient: $0) }
            }
            let event = ProviderEvent(
                kind: .complaint, timestamp: complaint.timestamp?.rfc3339 ?? complaint.rawDate,
                recipient: complaint.recipient,
                campaign: complaint.campaign ?? match.map { symbols.campaigns.name($0.campaign) },
                variant: complaint.variant ?? match.map { symbols.variants.name($0.variant) },
                eventID: complaint.eventID)
            let accepted = try accept(event, line: complaint.line, path: complaint.path, scratch: &scratch, into: &sink)
            if accepted != nil && complaint.variant == nil && match == nil { countUnmatchedComplaint() }
        }
    }
}

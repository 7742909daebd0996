extension PlanReader {
    // MARK: - Public API

    /// Reads a list of addresses (a suppression list) into `table`, normalized as the logs'
    /// recipients are, and returns how many entries it read.
    ///
    /// Two layouts are accepted: one address a line, or a CSV file whose header names a
    /// `recipient` or `email` column (other columns ignored). Blank lines and lines starting with
    /// `#` are skipped. A pre-send guard must not half-read a suppression list, so anything else
    /// throws with its line: a line with a comma in a plain list, a CSV row with a blank address
    /// or the wrong number of fields, and an event log (a header naming `timestamp` and `event`:
    /// its recipients are not all opted out; read logs with `verify-plan --history`).
    public static func readAddresses(
        path: String, displayPath: String? = nil, into table: inout SymbolTable, maxRecordBytes: Int = 1 << 20
    ) throws(LogError) -> Int {
        let shown = displayPath ?? path
        var normalizer = FieldNormalizer()
        var splitter = CSVFieldSplitter()
        // Sniff the first entry line: a CSV header, or already an address.
        var header: (line: Int, column: Int, width: Int)? = nil
        let sniffer = try RecordReader(
            path: path, displayPath: shown, quoteAware: false, maxRecordBytes: maxRecordBytes)
        while let next = try sniffer.next(displayPath: shown) {
            guard case .record(let bytes, let line) = next else { break }
            guard let first = bytes.first(where: { !FieldNormalizer.isASCIISpace($0) }), first != UInt8(ascii: "#")
            else { continue }
            guard splitter.split(bytes) else { break }
            let names = splitter.fields.indices.map { index in
                splitter.withField(index) { raw in
                    normalizer.normalize(raw, foldCase: true) { String(decoding: $0, as: UTF8.self) }
                }
            }
            if names.contains("timestamp") && names.contains("event") {
                throw LogError(
                    path: shown, line: line,
                    message:
                        "this is an event log, not a list of addresses; pass logs with --history to treat their complaints and unsubscribes as suppressed"
                )
            }
            if let column = names.firstIndex(where: { $0 == "recipient" || $0 == "email" }) {
                header = (line, column, names.count)
            }
            break
        }
        let reader = try RecordReader(
            path: path, displayPath: shown, quoteAware: header != nil, maxRecordBytes: maxRecordBytes)
        var entries = 0
        while let next = try reader.next(displayPath: shown) {
            let (bytes, line): (UnsafeRawBufferPointer, Int)
            switch next {
            case .record(let record, let at): (bytes, line) = (record, at)
            case .tooLong(let at):
                throw LogError(path: shown, line: at, message: "line longer than \(maxRecordBytes) bytes")
            case .incomplete(let at): throw LogError(path: shown, line: at, message: CampaignLogReader.incompleteLine)
            }
            guard let first = bytes.first(where: { !FieldNormalizer.isASCIISpace($0) }) else { continue }
            if let header {
                if line <= header.line { continue }
                guard splitter.split(bytes) else {
                    throw LogError(path: shown, line: line, message: "a quoted field is never closed")
                }
                guard splitter.fields.count == header.width else {
                    throw LogError(
                        path: shown, line: line,
                        message: "expected \(header.width) fields, found \(splitter.fields.count)")
                }
                let added = splitter.withField(header.column) { raw in
                    normalizer.normalize(raw, foldCase: true) { $0.isEmpty ? false : (table.intern($0) >= 0) }
                }
                guard added else { throw LogError(path: shown, line: line, message: "missing address") }
            } else {
                if first == UInt8(ascii: "#") { continue }
                if bytes.contains(UInt8(ascii: ",")) {
                    throw LogError(
                        path: shown, line: line,
                        message: "expected one address a line (or a CSV header naming a recipient or email column)")
                }
                _ = normalizer.normalize(bytes, foldCase: true) { table.intern($0) }
            }
            entries += 1
        }
        return entries
    }
}

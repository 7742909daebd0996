/// One thread's part of a plan scan (see ``PlanScanner``): the records of one byte range of the
/// plan, tallied; each recipient's fingerprint goes into the table of its partition, this
/// worker's own or, for another worker's, an outbox handed over once every range is read.
final class PlanScanWorker: @unchecked Sendable {
    /// A listed row: its line and its variant's id in this worker's ``variants``.
    struct Listed {
        var line: Int
        var variant: Int32
    }

    // MARK: - Internal

    /// Valid assignment rows.
    private(set) var rows = 0
    /// Valid rows per variant id.
    private(set) var rowsPerVariant: [Int] = []
    /// Malformed rows, and the first ``maxListed`` of them.
    private(set) var malformedRows = 0
    private(set) var malformed: [LogError] = []
    /// Rows assigning a suppressed address, their distinct addresses' ids in the suppression
    /// table, and the first ``maxListed`` rows.
    private(set) var suppressedRows = 0
    private(set) var suppressedIDs = Set<Int32>()
    private(set) var suppressed: [Listed] = []
    /// Fingerprints found in a table already: each a repeated recipient or (rarely) two
    /// addresses sharing a fingerprint.
    private(set) var present: [UInt64] = []
    /// Fingerprints of other partitions, by partition.
    private(set) var outboxes: [[UInt64]]
    /// The line after the range.
    var nextLine: Int { reader.line }
    /// Whether the range ended inside a record (the split guessed wrong; see ``PlanScanner``).
    var endedInsideRecord: Bool { reader.endedInsideRecord }
    /// The variant names, by this worker's ids.
    var variants: SymbolTable { parser.variants.names }

    /// A worker over `range` of `fd`, writing partition `partition` of `tables`.
    init(
        fd: Int32, range: Range<Int>, firstLine: Int, endsAtFileEnd: Bool, header: PlanReader.Columns,
        tables: [FingerprintTable], partition: Int, matching: SymbolTable?, displayPath: String,
        options: PlanScanner.Options
    ) {
        let maxRecordBytes = options.maxRecordBytes
        reader = RecordRangeReader(
            fd: fd, range: range, firstLine: firstLine, maxRecordBytes: maxRecordBytes, endsAtFileEnd: endsAtFileEnd)
        parser = PlanRowParser(
            recipientColumn: header.recipient, variantColumn: header.variant, width: header.width,
            fingerprintMask: options.fingerprintMask)
        self.tables = tables
        self.partition = partition
        self.partitionShift = UInt64(64 - tables.count.trailingZeroBitCount)
        self.matching = matching
        self.displayPath = displayPath
        self.maxRecordBytes = maxRecordBytes
        self.maxListed = options.maxListed
        outboxes = [[UInt64]](repeating: [], count: tables.count)
        let expected = max(0, range.count / 30 / tables.count)
        for other in outboxes.indices where other != partition { outboxes[other].reserveCapacity(expected) }
        batch.reserveCapacity(Self.batchSize)
    }

    /// Reads the range.
    func run() throws(LogError) {
        while let record = try reader.next(displayPath: displayPath) {
            switch record {
            case .tooLong(let line):
                malformed(line, "row longer than \(maxRecordBytes) bytes")
            case .record(let bytes, let line):
                switch parser.parse(bytes) {
                case .blank: continue
                case .bad(let message): malformed(line, message)
                case .assignment(let variant, let fingerprint):
                    count(variant: variant, fingerprint: fingerprint, line: line)
                }
            }
        }
        flush()
    }

    /// Adds the other workers' fingerprints of this worker's partition to its table.
    func drain(_ workers: [PlanScanWorker]) {
        for worker in workers where worker !== self {
            worker.outboxes[partition].withUnsafeBufferPointer { keys in
                var start = 0
                while start < keys.count {
                    let end = min(start + Self.batchSize, keys.count)
                    tables[partition].insert(UnsafeBufferPointer(rebasing: keys[start..<end])) { present.append($0) }
                    start = end
                }
            }
        }
    }

    /// Frees the outboxes, once every worker has drained them.
    func releaseOutboxes() { outboxes = [] }

    // MARK: - Private

    private static let batchSize = 32
    private let reader: RecordRangeReader
    private var parser: PlanRowParser
    private let tables: [FingerprintTable]
    private let partition: Int
    private let partitionShift: UInt64
    private let matching: SymbolTable?
    private let displayPath: String
    private let maxRecordBytes: Int
    private let maxListed: Int
    private var batch: [UInt64] = []

    private func malformed(_ line: Int, _ message: String) {
        malformedRows += 1
        if malformed.count < maxListed { malformed.append(LogError(path: displayPath, line: line, message: message)) }
    }

    @inline(__always)
    private func count(variant: Int32, fingerprint: UInt64, line: Int) {
        rows += 1
        let variantIndex = Int(variant)
        if variantIndex >= rowsPerVariant.count {
            rowsPerVariant.append(contentsOf: repeatElement(0, count: variantIndex - rowsPerVariant.count + 1))
        }
        rowsPerVariant[variantIndex] += 1
        if let matching, let id = parser.withRecipient({ matching.lookup($0) }) {
            suppressedRows += 1
            suppressedIDs.insert(id)
            if suppressed.count < maxListed { suppressed.append(Listed(line: line, variant: variant)) }
        }
        let owner = tables.count == 1 ? 0 : Int(truncatingIfNeeded: fingerprint >> partitionShift)
        if owner != partition {
            outboxes[owner].append(fingerprint)
            return
        }
        batch.append(fingerprint)
        if batch.count == Self.batchSize { flush() }
    }

    private func flush() {
        batch.withUnsafeBufferPointer { keys in tables[partition].insert(keys) { present.append($0) } }
        batch.removeAll(keepingCapacity: true)
    }
}

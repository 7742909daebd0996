/// One thread's part of a plan scan (see ``PlanScanner``): the records of one byte range of the
/// plan, tallied; each recipient's fingerprint goes into the table of its partition, this
/// worker's own or, for another worker's, an outbox handed over once every range is read.
///
/// The loop keeps its state in local values and writes ``tally`` once at the end: stored
/// properties of a class would be checked for exclusive access on every row.
final class PlanScanWorker: @unchecked Sendable {
    /// A listed row: its line and its variant's id in the worker's variants.
    struct Listed {
        var line: Int
        var variant: Int32
    }

    /// What a worker found in its range, lines counted from the range's `firstLine`.
    struct Tally {
        /// Valid assignment rows.
        var rows = 0
        /// Valid rows per variant id.
        var rowsPerVariant: [Int] = []
        /// The variant names, by id.
        var variants = SymbolTable()
        /// Malformed rows, and the first of them.
        var malformedRows = 0
        var malformed: [LogError] = []
        /// Rows assigning a suppressed address, their distinct ids in the suppression table, and
        /// the first of them.
        var suppressedRows = 0
        var suppressedIDs = Set<Int32>()
        var suppressed: [Listed] = []
        /// Fingerprints found in a table already: each a repeated recipient or (rarely) two
        /// addresses sharing a fingerprint (emptied by ``PlanScanWorker/drain(_:)``).
        var present: [UInt64] = []
        /// Fingerprints of other partitions, by partition.
        var outboxes: [[UInt64]] = []
        /// The line after the range.
        var nextLine = 0
        /// Whether the range ended inside a record (the cut was inside a quoted field).
        var endedInsideRecord = false
    }

    // MARK: - Internal

    /// What the worker found (complete once ``run()`` returns).
    private(set) var tally = Tally()

    /// A worker over `range` of `fd`, writing partition `partition` of `tables`, looking each
    /// recipient up in `suppressions`.
    init(
        fd: Int32, range: Range<Int>, firstLine: Int, endsAtFileEnd: Bool, header: PlanReader.Columns,
        tables: [FingerprintTable], partition: Int, suppressions: PlanSuppressions?, displayPath: String,
        options: PlanScanner.Options
    ) {
        self.fd = fd
        self.range = range
        self.firstLine = firstLine
        self.endsAtFileEnd = endsAtFileEnd
        self.header = header
        self.tables = tables
        self.partition = partition
        self.suppressions = suppressions
        self.displayPath = displayPath
        self.options = options
    }

    /// Reads the range.
    func run() throws(LogError) {
        var reader = RecordRangeReader(
            fd: fd, range: range, firstLine: firstLine, maxRecordBytes: options.maxRecordBytes,
            endsAtFileEnd: endsAtFileEnd)
        var parser = PlanRowParser(
            recipientColumn: header.recipient, variantColumn: header.variant, width: header.width,
            fingerprintMask: options.fingerprintMask)
        var tally = Tally()
        tally.outboxes = [[UInt64]](repeating: [], count: tables.count)
        for other in tally.outboxes.indices where other != partition {
            tally.outboxes[other].reserveCapacity(range.count / 30 / tables.count)
        }
        let table = tables[partition]
        let shift = UInt64(64 - tables.count.trailingZeroBitCount)
        let batch = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.batchSize)
        defer { batch.deallocate() }
        var batched = 0
        func malformed(_ line: Int, _ message: String) {
            tally.malformedRows += 1
            if tally.malformed.count < options.maxListed {
                tally.malformed.append(LogError(path: displayPath, line: line, message: message))
            }
        }
        while let record = try reader.next(displayPath: displayPath) {
            guard case .record(let bytes, let line, let quoted) = record else {
                if case .tooLong(let line) = record {
                    malformed(line, "row longer than \(options.maxRecordBytes) bytes")
                }
                continue
            }
            let variant: Int32
            let fingerprint: UInt64
            switch parser.parse(bytes, quoted: quoted) {
            case .blank: continue
            case .bad(let message):
                malformed(line, message)
                continue
            case .assignment(let id, let key): (variant, fingerprint) = (id, key)
            }
            tally.rows += 1
            let variantIndex = Int(variant)
            if variantIndex >= tally.rowsPerVariant.count {
                tally.rowsPerVariant.append(
                    contentsOf: repeatElement(0, count: variantIndex - tally.rowsPerVariant.count + 1))
            }
            tally.rowsPerVariant[variantIndex] += 1
            if let suppressions, suppressions.filter.mayContain(fingerprint),
                let id = parser.withRecipient({ suppressions.addresses.lookup($0) })
            {
                tally.suppressedRows += 1
                tally.suppressedIDs.insert(id)
                if tally.suppressed.count < options.maxListed {
                    tally.suppressed.append(Listed(line: line, variant: variant))
                }
            }
            let owner = shift == 64 ? 0 : Int(truncatingIfNeeded: fingerprint >> shift)
            if owner != partition {
                tally.outboxes[owner].append(fingerprint)
                continue
            }
            batch[batched] = fingerprint
            batched += 1
            if batched == Self.batchSize {
                table.insert(UnsafeBufferPointer(start: batch, count: batched)) { tally.present.append($0) }
                batched = 0
            }
        }
        table.insert(UnsafeBufferPointer(start: batch, count: batched)) { tally.present.append($0) }
        tally.variants = parser.variants.names
        tally.nextLine = reader.line
        tally.endedInsideRecord = reader.endedInsideRecord
        self.tally = tally
    }

    /// Adds the other workers' fingerprints of this worker's partition to its table, then puts
    /// those found twice into ``nominated``.
    func drain(_ workers: [PlanScanWorker]) {
        var present = tally.present
        let table = tables[partition]
        for worker in workers where worker !== self {
            worker.tally.outboxes[partition].withUnsafeBufferPointer { keys in
                var start = 0
                while start < keys.count {
                    let end = min(start + Self.batchSize, keys.count)
                    table.insert(UnsafeBufferPointer(rebasing: keys[start..<end])) { present.append($0) }
                    start = end
                }
            }
        }
        tally.present = []
        let nominated = FingerprintTable(expectedCount: present.count)
        present.withUnsafeBufferPointer { keys in
            var start = 0
            while start < keys.count {
                let end = min(start + Self.batchSize, keys.count)
                nominated.insert(UnsafeBufferPointer(rebasing: keys[start..<end])) { _ in }
                start = end
            }
        }
        self.nominated = nominated
    }

    /// The fingerprints of this worker's partition found twice (set by ``drain(_:)``).
    private(set) var nominated = FingerprintTable(expectedCount: 0)

    /// Frees the outboxes, once every worker has drained them.
    func releaseOutboxes() { tally.outboxes = [] }

    // MARK: - Private

    private static let batchSize = 32
    private let fd: Int32
    private let range: Range<Int>
    private let firstLine: Int
    private let endsAtFileEnd: Bool
    private let header: PlanReader.Columns
    private let tables: [FingerprintTable]
    private let partition: Int
    private let suppressions: PlanSuppressions?
    private let displayPath: String
    private let options: PlanScanner.Options
}

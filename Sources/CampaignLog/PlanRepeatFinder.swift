/// The second pass of a plan scan (see ``PlanScanner``), run only when some fingerprint was met
/// twice: reads the rows again and, for each row whose fingerprint was, interns the address
/// itself, in file order, telling repeats from fingerprint collisions and finding each repeat's
/// first row.
///
/// With several finders, each reads the whole file but takes only the rows of one partition of
/// the fingerprints (the partitions of the first pass): one address always falls in one
/// partition, so each finder sees all of its rows, in order, and no address is held twice.
final class PlanRepeatFinder: @unchecked Sendable {
    /// What a finder found among its rows.
    struct Found {
        /// Distinct addresses among the nominated rows.
        var addresses = 0
        /// Addresses on more than one row, and rows beyond each one's first.
        var repeatedRecipients = 0
        var repeatedRows = 0
        /// The first repeating rows, in file order.
        var repeats: [PlanScan.Repeat] = []
    }

    // MARK: - Internal

    /// What the finder found (complete once ``run()`` returns).
    private(set) var found = Found()

    /// A finder over `range` of `fd` for the rows whose fingerprint is in `nominated` (one table
    /// per first-pass partition), taking partition `part` when `parts` equals the number of
    /// partitions, or every row when `parts` is 1.
    init(
        fd: Int32, range: Range<Int>, firstLine: Int, header: PlanReader.Columns, nominated: [FingerprintTable],
        part: Int, parts: Int, displayPath: String, options: PlanScanner.Options
    ) {
        self.fd = fd
        self.range = range
        self.firstLine = firstLine
        self.header = header
        self.nominated = nominated
        self.part = part
        self.parts = parts
        self.displayPath = displayPath
        self.options = options
    }

    /// Reads the rows.
    func run() throws(LogError) {
        var reader = RecordRangeReader(
            fd: fd, range: range, firstLine: firstLine, maxRecordBytes: options.maxRecordBytes, endsAtFileEnd: true)
        var parser = PlanRowParser(
            recipientColumn: header.recipient, variantColumn: header.variant, width: header.width,
            fingerprintMask: options.fingerprintMask)
        let shift = UInt64(64 - nominated.count.trailingZeroBitCount)
        let table = RepeatTable(nominated: parts == 1 ? nominated : [nominated[part]])
        nominated = []
        var rows: [RepeatTable.Row] = []
        var bytes: [UInt8] = []
        var listed: [RepeatTable.Repeat] = []
        func flush() {
            bytes.withUnsafeBytes { bytes in
                table.add(rows, bytes: bytes) { row in
                    if listed.count < options.maxListed { listed.append(row) }
                }
            }
            rows.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
        }
        while let record = try reader.next(displayPath: displayPath) {
            guard case .record(let record, let line, let quoted) = record,
                case .assignment(let variant, let fingerprint) = parser.parse(record, quoted: quoted)
            else { continue }
            guard parts == 1 || Int(truncatingIfNeeded: fingerprint >> shift) == part else { continue }
            let start = bytes.count
            parser.withRecipient { bytes.append(contentsOf: $0) }
            rows.append(
                RepeatTable.Row(fingerprint: fingerprint, line: line, variant: variant, address: start..<bytes.count))
            if rows.count == Self.batchSize { flush() }
        }
        flush()
        let names = parser.variants.names
        found.addresses = table.addresses
        found.repeatedRecipients = table.repeatedAddresses
        found.repeatedRows = table.repeatedRows
        found.repeats = listed.map { row in
            PlanScan.Repeat(
                line: row.line, firstLine: row.firstLine, variant: names.name(row.variant),
                firstVariant: names.name(row.firstVariant))
        }
    }

    // MARK: - Private

    private let fd: Int32
    private let range: Range<Int>
    private let firstLine: Int
    private let header: PlanReader.Columns
    private static let batchSize = 32
    /// Dropped once the finder's table is made from them.
    private var nominated: [FingerprintTable]
    private let part: Int
    private let parts: Int
    private let displayPath: String
    private let options: PlanScanner.Options
}

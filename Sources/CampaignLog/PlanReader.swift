/// Streams an intended assignment, `plan.csv`: a CSV header naming the columns `recipient` (or
/// `email`) and `variant` in any order (other columns are ignored), then one assignment a row.
///
/// Recipients are compared exactly as the logs' are (SPEC §2: trimmed, Unicode lower-case, NFC)
/// and interned into ``recipients``, so memory grows with distinct recipients, never with rows;
/// variant names are trimmed and case-sensitive, as in the logs. Lines starting with `#` before
/// the header are comments; one of them may declare the intended shares of the variants:
///
///     # shares: A=0.5, B=0.25, C=25%
///
/// (decimals or percentages, summing to 1 within 0.001). A row without a recipient or variant,
/// with the wrong number of fields or with an unclosed quote is handed out as ``Row/bad(_:)``
/// with its line; an unreadable file, a missing header column or a malformed shares comment
/// throws.
public final class PlanReader {
    // MARK: - Public API

    /// One assignment: who is to get which variant.
    public struct Assignment: Sendable, Equatable {
        /// The recipient's id in ``PlanReader/recipients``.
        public var recipient: Int32
        /// The variant's id in ``PlanReader/variants``.
        public var variant: Int32
        /// The line the row starts on.
        public var line: Int
        /// Whether an earlier row assigned this recipient already.
        public var isRepeat: Bool
        /// The recipient's id in the `matching` table given to the reader, if it is there.
        public var matched: Int32?
    }

    /// What the reader hands out.
    public enum Row: Sendable, Equatable {
        /// A valid row.
        case assignment(Assignment)
        /// A row that is not an assignment, with its place and what is wrong.
        case bad(LogError)
    }

    /// A variant's intended share, from the `# shares:` comment.
    public struct DeclaredShare: Sendable, Equatable {
        /// The variant's name.
        public var variant: String
        /// Its share, 0…1.
        public var share: Double
    }

    /// The plan's normalized recipients, in order of first appearance.
    public private(set) var recipients = SymbolTable()
    /// The plan's variant names, in order of first appearance.
    public private(set) var variants = SymbolTable()
    /// The shares declared before the header, when there was a `# shares:` comment.
    public private(set) var declaredShares: [DeclaredShare]?
    /// The file as named in messages.
    public let displayPath: String

    /// Opens `path` and reads up to its header.
    ///
    /// - Parameters:
    ///   - matching: a table of normalized addresses (a run's ``LogSymbols/recipients``, a
    ///     suppression list) in which each recipient is looked up once, for ``Assignment/matched``.
    /// - Throws: ``LogError`` when the file cannot be read, has no header naming `recipient` and
    ///   `variant`, or a malformed shares comment.
    public convenience init(
        path: String, displayPath: String? = nil, matching: SymbolTable? = nil, maxRecordBytes: Int = 1 << 20
    ) throws(LogError) {
        try self.init(
            path: path, displayPath: displayPath, matching: matching, maxRecordBytes: maxRecordBytes,
            sizedForRows: true)
    }

    /// The next row, or nil at the end of the file. Throws only when the file cannot be read.
    public func next() throws(LogError) -> Row? {
        while let next = try reader.next(displayPath: displayPath) {
            guard case .record(let bytes, let line) = next else {
                if case .tooLong(let line) = next {
                    return .bad(problem(line, "row longer than \(reader.maxRecordBytes) bytes"))
                }
                if case .incomplete(let line) = next { return .bad(problem(line, CampaignLogReader.incompleteLine)) }
                continue
            }
            if bytes.allSatisfy(FieldNormalizer.isASCIISpace) { continue }
            guard splitter.split(bytes) else { return .bad(problem(line, "a quoted field is never closed")) }
            guard splitter.fields.count == width else {
                return .bad(problem(line, "expected \(width) fields, found \(splitter.fields.count)"))
            }
            let variant = splitter.withField(variantColumn) { raw in
                normalizer.normalize(raw, foldCase: false) { $0.isEmpty ? -1 : variants.intern($0) }
            }
            let known = recipients.count
            let recipient = splitter.withField(recipientColumn) { raw in
                normalizer.normalize(raw, foldCase: true) { bytes -> Int32 in
                    guard !bytes.isEmpty else { return -1 }
                    // A row without a variant assigns no one: its address must not take an id.
                    guard variant >= 0 else { return -2 }
                    let id = recipients.intern(bytes)
                    if let matching, Int(id) == known, let found = matching.lookup(bytes) { matchedIDs[id] = found }
                    return id
                }
            }
            guard recipient != -1 else { return .bad(problem(line, "missing recipient")) }
            guard variant >= 0 else { return .bad(problem(line, "missing variant")) }
            let matched = matchedIDs.isEmpty ? nil : matchedIDs[recipient]
            return .assignment(
                Assignment(
                    recipient: recipient, variant: variant, line: line, isRepeat: Int(recipient) < known,
                    matched: matched))
        }
        return nil
    }

    // MARK: - Internal

    /// Opens `path` and reads up to its header; when `sizedForRows`, sizes ``recipients`` for the
    /// rows the file's size suggests (a reader used only for its header leaves it small).
    init(
        path: String, displayPath: String?, matching: SymbolTable?, maxRecordBytes: Int, sizedForRows: Bool
    ) throws(LogError) {
        self.displayPath = displayPath ?? path
        self.matching = matching
        // Size the address table from the file: a plan row is about 30 bytes.
        let rows = sizedForRows ? CampaignLogReader.fileSize(path) / 30 : 0
        if rows > 1024 { recipients = SymbolTable(expectedCount: rows, averageBytes: 22) }
        self.reader = try RecordReader(
            path: path, displayPath: self.displayPath, quoteAware: true, maxRecordBytes: maxRecordBytes)
        try readHeader()
    }

    /// Where the header put the columns.
    struct Columns {
        /// The recipient's column.
        var recipient: Int
        /// The variant's column.
        var variant: Int
        /// The number of fields a row must have.
        var width: Int
    }

    /// The header's columns.
    var columns: Columns { Columns(recipient: recipientColumn, variant: variantColumn, width: width) }
    /// The line the header row starts on (rows start after it).
    private(set) var headerLine = 0

    /// Builds a problem at `line` of this file.
    func problem(_ line: Int?, _ message: String) -> LogError {
        LogError(path: displayPath, line: line, message: message)
    }

    // MARK: - Private

    private let reader: RecordReader
    private let matching: SymbolTable?
    /// The `matching` id of each recipient found there (only those: memory follows matches).
    private var matchedIDs: [Int32: Int32] = [:]
    private var splitter = CSVFieldSplitter()
    private var normalizer = FieldNormalizer()
    private var recipientColumn = 0
    private var variantColumn = 0
    private var width = 0

    /// Reads comments and the header row.
    private func readHeader() throws(LogError) {
        while let next = try reader.next(displayPath: displayPath) {
            guard case .record(let bytes, let line) = next else {
                if case .tooLong(let line) = next {
                    throw problem(line, "header longer than \(reader.maxRecordBytes) bytes")
                }
                continue
            }
            guard let first = bytes.firstIndex(where: { !FieldNormalizer.isASCIISpace($0) }) else { continue }
            if bytes[first] == UInt8(ascii: "#") {
                let comment = String(decoding: bytes[(first + 1)...], as: UTF8.self)
                if let shares = try Self.shares(inComment: comment, path: displayPath, line: line) {
                    guard declaredShares == nil else { throw problem(line, "shares are declared twice") }
                    declaredShares = shares
                }
                continue
            }
            guard splitter.split(bytes) else { throw problem(line, "a quoted field is never closed in the header") }
            var columns: [String: Int] = [:]
            for index in splitter.fields.indices {
                let name = splitter.withField(index) { raw in
                    normalizer.normalize(raw, foldCase: true) { String(decoding: $0, as: UTF8.self) }
                }
                let key = name == "email" ? "recipient" : name
                guard key == "recipient" || key == "variant" else { continue }
                if columns[key] != nil { throw problem(line, "column '\(key)' appears twice in the header") }
                columns[key] = index
            }
            guard let recipient = columns["recipient"], let variant = columns["variant"] else {
                throw problem(
                    line, "the plan's header must name the columns recipient and variant (as in 'recipient,variant')")
            }
            (recipientColumn, variantColumn, width) = (recipient, variant, splitter.fields.count)
            headerLine = line
            return
        }
        throw problem(nil, "empty plan: no header row (expected 'recipient,variant')")
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks one plan row as ``PlanReader/next()`` does and reduces it to a variant id and the
/// fingerprint of the normalized recipient, without interning the address.
///
/// A row without quotes (nearly every row) is cut at its commas in place; one with quotes goes
/// through ``CSVFieldSplitter``. The variant of a row with the right number of fields is counted
/// among the plan's variants even when the row has no recipient, as ``PlanReader`` does.
struct PlanRowParser {
    /// What a record is.
    enum Row {
        /// Only white space: not a row.
        case blank
        /// A malformed row, and what is wrong with it.
        case bad(String)
        /// An assignment: the variant's id in ``PlanRowParser/variants`` and the recipient's
        /// ``AddressFingerprint``.
        case assignment(variant: Int32, fingerprint: UInt64)
    }

    // MARK: - Internal

    /// The variants named so far.
    private(set) var variants = PlanVariantTable()

    /// A parser of rows with `width` fields, the recipient and variant in the given columns,
    /// keeping the bits of `fingerprintMask` of each fingerprint.
    init(recipientColumn: Int, variantColumn: Int, width: Int, fingerprintMask: UInt64) {
        self.recipientColumn = recipientColumn
        self.variantColumn = variantColumn
        self.width = width
        self.fingerprintMask = fingerprintMask
    }

    /// Checks `record`, which holds a double quote if `quoted`. Its bytes must stay valid until
    /// the next call (see ``withRecipient(_:)``).
    @inline(__always)
    mutating func parse(_ record: UnsafeRawBufferPointer, quoted: Bool) -> Row {
        guard let base = record.baseAddress, let first = record.first else { return .blank }
        if FieldNormalizer.isASCIISpace(first), record.allSatisfy(FieldNormalizer.isASCIISpace) { return .blank }
        guard !quoted else { return parseQuoted(record) }
        var recipientField = 0..<0
        var variantField = 0..<0
        var index = 0
        var fieldStart = 0
        let count = record.count
        while true {
            let comma = memchr(base + fieldStart, 0x2C, count - fieldStart).map { UnsafeRawPointer($0) - base } ?? count
            if index == recipientColumn { recipientField = fieldStart..<comma }
            if index == variantColumn { variantField = fieldStart..<comma }
            if comma == count { break }
            index += 1
            fieldStart = comma + 1
        }
        guard index + 1 == width else { return .bad("expected \(width) fields, found \(index + 1)") }
        let recipient = UnsafeRawBufferPointer(rebasing: record[recipientField])
        unquotedRecipient = recipient
        return assignment(variant: UnsafeRawBufferPointer(rebasing: record[variantField]), recipient: recipient)
    }

    /// The bits of `fingerprint` that `mask` keeps, as ``parse(_:quoted:)`` hands it out (never 0).
    @inline(__always)
    static func kept(_ fingerprint: UInt64, mask: UInt64) -> UInt64 {
        let kept = fingerprint & mask
        return kept == 0 ? 1 : kept
    }

    /// Calls `body` with the normalized recipient of the row last parsed (an assignment).
    mutating func withRecipient<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let unquotedRecipient { return normalizer.normalize(unquotedRecipient, foldCase: true, body) }
        return splitter.withField(recipientColumn) { raw in normalizer.normalize(raw, foldCase: true, body) }
    }

    // MARK: - Private

    private let recipientColumn: Int
    private let variantColumn: Int
    private let width: Int
    private let fingerprintMask: UInt64
    private var splitter = CSVFieldSplitter()
    private var normalizer = FieldNormalizer()
    /// The recipient field of the last row when it had no quotes; else it is in ``splitter``.
    private var unquotedRecipient: UnsafeRawBufferPointer?

    private mutating func parseQuoted(_ record: UnsafeRawBufferPointer) -> Row {
        unquotedRecipient = nil
        guard splitter.split(record) else { return .bad("a quoted field is never closed") }
        guard splitter.fields.count == width else {
            return .bad("expected \(width) fields, found \(splitter.fields.count)")
        }
        let splitter = splitter
        return splitter.withField(variantColumn) { variant in
            splitter.withField(recipientColumn) { recipient in assignment(variant: variant, recipient: recipient) }
        }
    }

    /// The row with these raw fields.
    @inline(__always)
    private mutating func assignment(variant raw: UnsafeRawBufferPointer, recipient: UnsafeRawBufferPointer) -> Row {
        let variant = normalizer.normalize(raw, foldCase: false) { $0.isEmpty ? -1 : variants.id($0) }
        let fingerprint: UInt64?
        if let ascii = AddressFingerprint.ofASCII(recipient) {
            fingerprint = ascii.isEmpty ? nil : ascii.fingerprint
        } else {
            fingerprint = normalizer.normalize(recipient, foldCase: true) { bytes in
                bytes.isEmpty ? nil : AddressFingerprint.of(normalized: bytes)
            }
        }
        guard let fingerprint else { return .bad("missing recipient") }
        guard variant >= 0 else { return .bad("missing variant") }
        return .assignment(variant: variant, fingerprint: Self.kept(fingerprint, mask: fingerprintMask))
    }
}

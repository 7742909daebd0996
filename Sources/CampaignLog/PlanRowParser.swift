/// Checks one plan row as ``PlanReader/next()`` does and reduces it to a variant id and the
/// fingerprint of the normalized recipient, without interning the address.
///
/// The variant of a row with the right number of fields is counted among the plan's variants even
/// when the row has no recipient, as ``PlanReader`` does.
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

    /// Checks `record`. Its bytes must stay valid until the next call (see ``withRecipient(_:)``).
    @inline(__always)
    mutating func parse(_ record: UnsafeRawBufferPointer) -> Row {
        guard let first = record.first else { return .blank }
        if FieldNormalizer.isASCIISpace(first), record.allSatisfy(FieldNormalizer.isASCIISpace) { return .blank }
        guard splitter.split(record) else { return .bad("a quoted field is never closed") }
        guard splitter.fields.count == width else {
            return .bad("expected \(width) fields, found \(splitter.fields.count)")
        }
        let variant = splitter.withField(variantColumn) { raw in
            normalizer.normalize(raw, foldCase: false) { $0.isEmpty ? -1 : variants.id($0) }
        }
        let recipient = splitter.withField(recipientColumn) { raw -> UInt64? in
            if let ascii = AddressFingerprint.ofASCII(raw) { return ascii.isEmpty ? nil : ascii.fingerprint }
            return normalizer.normalize(raw, foldCase: true) { bytes in
                bytes.isEmpty ? nil : AddressFingerprint.of(normalized: bytes)
            }
        }
        guard let recipient else { return .bad("missing recipient") }
        guard variant >= 0 else { return .bad("missing variant") }
        let kept = recipient & fingerprintMask
        return .assignment(variant: variant, fingerprint: kept == 0 ? 1 : kept)
    }

    /// Calls `body` with the normalized recipient of the row last parsed (an assignment).
    mutating func withRecipient<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        splitter.withField(recipientColumn) { raw in normalizer.normalize(raw, foldCase: true, body) }
    }

    // MARK: - Private

    private let recipientColumn: Int
    private let variantColumn: Int
    private let width: Int
    private let fingerprintMask: UInt64
    private var splitter = CSVFieldSplitter()
    private var normalizer = FieldNormalizer()
}

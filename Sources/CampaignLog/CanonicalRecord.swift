/// The raw fields of one record, as bytes, before the counting rules are applied (SPEC §2).
///
/// Every reader, canonical or provider, fills one of these per event and hands it to
/// ``CampaignLogReader``, which normalizes, validates and de-duplicates it. The bytes are only
/// borrowed for that call.
struct CanonicalRecord {
    var timestamp: UnsafeRawBufferPointer?
    var campaign: UnsafeRawBufferPointer?
    var variant: UnsafeRawBufferPointer?
    var recipient: UnsafeRawBufferPointer?
    /// The event's name as written; ignored when ``kind`` is set.
    var event: UnsafeRawBufferPointer?
    /// The kind, when the reader has mapped it already (provider formats).
    var kind: EventKind?
    var eventID: UnsafeRawBufferPointer?
}

/// The columns (and JSON keys) of the canonical format.
enum CanonicalColumn: Int, CaseIterable {
    case timestamp, campaign, variant, recipient, event, eventID, detail

    /// The header name (or JSON key).
    var name: String {
        switch self {
        case .timestamp: "timestamp"
        case .campaign: "campaign"
        case .variant: "variant"
        case .recipient: "recipient"
        case .event: "event"
        case .eventID: "event_id"
        case .detail: "detail"
        }
    }

    /// Whether a canonical CSV header must name it.
    var isRequired: Bool { self != .eventID && self != .detail }

    /// The column a header name or JSON key stands for (exact, lower-case), if any. Compares
    /// bytes with the names' bytes: the generic `elementsEqual` of a `String.UTF8View` was 12% of
    /// reading a JSON Lines log, which asks once for every key of every line.
    static func named(_ bytes: UnsafeRawBufferPointer) -> CanonicalColumn? {
        for (column, name) in namesAsBytes where name.count == bytes.count {
            if name.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return column }
        }
        return nil
    }

    /// Each column with its name as bytes.
    private static let namesAsBytes: [(CanonicalColumn, [UInt8])] = allCases.map { ($0, Array($0.name.utf8)) }
}

import CampaignLog
import Foundation

/// Finds recipient addresses from the logs in rendered bytes (SPEC §5: none may reach `output/`).
///
/// Around every `@` it tries each local part and domain the neighbouring characters could form
/// (case-folded as the counting rules fold addresses) against the recipients read. HTML entities
/// that templates produce (`&amp;`, `&#39;`…) are decoded first, so escaping cannot hide one.
struct AddressLeakGuard {
    let recipients: [SymbolTable]

    static let maxLocalPart = 64
    static let maxDomain = 255

    /// The first address found in `bytes`, if any.
    func firstLeak(in bytes: [UInt8]) -> String? {
        guard !recipients.isEmpty, bytes.contains(UInt8(ascii: "@")) else { return nil }
        if let leak = scan(bytes) { return leak }
        if bytes.contains(UInt8(ascii: "&")) { return scan(Self.decodingEntities(bytes)) }
        return nil
    }

    // MARK: - Private

    private func scan(_ bytes: [UInt8]) -> String? {
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") {
            var first = at
            while first > 0, at - first < Self.maxLocalPart, Self.isAddressByte(bytes[first - 1]) { first -= 1 }
            var last = at + 1
            while last < bytes.count, last - at < Self.maxDomain, Self.isAddressByte(bytes[last]) { last += 1 }
            guard first < at, last > at + 1 else { continue }
            for start in first..<at {
                for end in (at + 2)...last {
                    let candidate = Self.folded(bytes[start..<end])
                    let found = candidate.withUnsafeBytes { key in recipients.contains { $0.lookup(key) != nil } }
                    if found { return String(decoding: candidate, as: UTF8.self) }
                }
            }
        }
        return nil
    }

    /// Bytes that can belong to an address: not space, not an HTML or JSON delimiter.
    private static func isAddressByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "@"), UInt8(ascii: "\\"):
            return false
        default:
            return true
        }
    }

    /// Lower-cased as the counting rules compare addresses (ASCII fast, Unicode otherwise).
    private static func folded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        }
        return Array(String(decoding: bytes, as: UTF8.self).lowercased().precomposedStringWithCanonicalMapping.utf8)
    }

    private static func decodingEntities(_ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        for (entity, character) in [
            ("&#39;", "'"), ("&#x27;", "'"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"),
            ("&#64;", "@"), ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return Array(text.utf8)
    }
}

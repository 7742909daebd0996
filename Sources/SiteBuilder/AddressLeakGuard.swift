import CampaignLog
import Foundation

/// Finds recipient addresses from the logs in rendered bytes (SPEC §5: none may reach `output/`).
///
/// Around every `@` it looks up the domains the following characters could form (case-folded as
/// the counting rules fold addresses) in the set of the recipients' domains, and only for a domain
/// that is one tries the local parts before the `@`: linear in the page, whatever it holds. The
/// page is also checked with its character references (`&#x40;`, `&commat;`, `&#0064;`…) and its
/// percent-escapes (`%40`) decoded, so no spelling a browser or a URL decodes can hide an address.
struct AddressLeakGuard {
    let recipients: [SymbolTable]

    static let maxLocalPart = 64
    static let maxDomain = 255

    /// A guard against the addresses of `recipients`.
    init(recipients: [SymbolTable]) {
        self.recipients = recipients
        for table in recipients {
            for name in table.names {
                guard let at = name.utf8.lastIndex(of: UInt8(ascii: "@")) else { continue }
                let domain = Array(name.utf8[name.utf8.index(after: at)...])
                domainLengths.insert(domain.count)
                _ = domain.withUnsafeBytes { domains.intern($0) }
            }
        }
    }

    /// The first address found in `bytes`, if any.
    func firstLeak(in bytes: [UInt8]) -> String? {
        guard !recipients.isEmpty,
            bytes.contains(UInt8(ascii: "@")) || bytes.contains(UInt8(ascii: "&"))
                || bytes.contains(UInt8(ascii: "%"))
        else { return nil }
        var spellings = [bytes]
        if bytes.contains(UInt8(ascii: "&")) { spellings.append(Self.decodingReferences(bytes)) }
        if bytes.contains(UInt8(ascii: "%")) { spellings += spellings.map(Self.decodingPercents) }
        for spelling in spellings {
            if let leak = scan(spelling) { return leak }
        }
        return nil
    }

    // MARK: - Private

    /// The folded domains of every recipient.
    private var domains = SymbolTable()
    /// Their lengths in bytes: a candidate of another length is no domain of theirs.
    private var domainLengths = Set<Int>()

    private func scan(_ bytes: [UInt8]) -> String? {
        var folded: [UInt8] = []
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") {
            var first = at
            while first > 0, at - first < Self.maxLocalPart, Self.isAddressByte(bytes[first - 1]) { first -= 1 }
            var last = at + 1
            while last < bytes.count, last - at - 1 < Self.maxDomain, Self.isAddressByte(bytes[last]) { last += 1 }
            guard first < at, last > at + 1 else { continue }
            // Folding keeps an ASCII domain's length; a non-ASCII one may change it.
            let ascii = bytes[(at + 1)..<last].allSatisfy { $0 < 0x80 }
            for end in (at + 2)...last where !ascii || domainLengths.contains(end - at - 1) {
                Self.fold(bytes[(at + 1)..<end], into: &folded)
                guard folded.withUnsafeBytes({ domains.lookup($0) }) != nil else { continue }
                for start in first..<at {
                    Self.fold(bytes[start..<end], into: &folded)
                    let found = folded.withUnsafeBytes { key in recipients.contains { $0.lookup(key) != nil } }
                    if found { return String(decoding: folded, as: UTF8.self) }
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

    /// `bytes` lower-cased as the counting rules compare addresses (ASCII in place; Unicode through
    /// `String` with normal form C), into a reused buffer.
    private static func fold(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for byte in bytes { out.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
        } else {
            out += String(decoding: bytes, as: UTF8.self).lowercased().precomposedStringWithCanonicalMapping.utf8
        }
    }

    /// Named references a browser decodes to characters that addresses use.
    private static let named: [String: String] = [
        "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "commat": "@", "period": ".",
        "lowbar": "_", "hyphen": "-", "dash": "-", "plus": "+", "percnt": "%", "num": "#", "excl": "!",
        "equals": "=", "tilde": "~", "verbar": "|", "sol": "/", "dollar": "$", "ast": "*", "nbsp": " ",
    ]

    /// `bytes` with numeric character references (decimal or hex, any leading zeros) and the
    /// named references above decoded; anything else is left as written.
    static func decodingReferences(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&"),
                let semicolon = bytes[index..<min(bytes.count, index + 40)].firstIndex(of: UInt8(ascii: ";"))
            else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let name = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[name]
            }
            if let decoded {
                out += decoded.utf8
                index = semicolon + 1
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// `bytes` with every `%XX` escape decoded.
    static func decodingPercents(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 65...70: byte - 55
            case 97...102: byte - 87
            default: nil
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hex(bytes[index + 1]),
                let low = hex(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}

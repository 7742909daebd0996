import Testing

@testable import CampaignLog

struct AddressFingerprintTests {
    /// The fingerprint of `text` as the ASCII path computes it, and of its normalized bytes.
    func both(_ text: String) -> (ascii: UInt64?, normalized: UInt64, isEmpty: Bool?) {
        var raw = Array(text.utf8)
        var normalizer = FieldNormalizer()
        let ascii = raw.withUnsafeBytes { AddressFingerprint.ofASCII($0) }
        let normalized = raw.withUnsafeMutableBytes { bytes in
            normalizer.normalize(UnsafeRawBufferPointer(bytes), foldCase: true) {
                AddressFingerprint.of(normalized: $0)
            }
        }
        return (ascii?.fingerprint, normalized, ascii?.isEmpty)
    }

    @Test(arguments: [
        "", " ", "a", "A", "ab@X.o", "Bob@Example.COM", "  Mixed.Case+Tag@Sub.Example.ORG\t\r",
        "@[`{AZaz", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", "\u{7F}\u{01}~!", "exactly8", "EXACTLY8", "nine12345",
    ])
    func theASCIIPathAgreesWithNormalizing(text: String) {
        let (ascii, normalized, isEmpty) = both(text)
        #expect(ascii == normalized, "ASCII path \(String(describing: ascii)), normalized \(normalized) for '\(text)'")
        #expect(isEmpty == text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" })
    }

    @Test func everyASCIIByteFoldsAsTheNormalizerFoldsIt() {
        for byte in UInt8(0)..<0x80 {
            for length in [1, 7, 8, 9, 17] {
                let text = String(repeating: "x", count: length - 1) + String(UnicodeScalar(byte))
                let (ascii, normalized, _) = both("y" + text)
                #expect(ascii == normalized, "byte \(byte), length \(length)")
            }
        }
    }

    @Test func nonASCIIIsLeftToTheNormalizer() {
        #expect(both("José@x.org").ascii == nil)
        #expect(both("JOSÉ@x.org").normalized == both("jose\u{301}@x.org").normalized)
    }

    @Test func distinctAddressesDiffer() {
        let prints = Set(
            ["a@x.org", "b@x.org", "a@x.orh", "a@x.org ", "a@x.org\u{0}", "", "x"].map { both($0).normalized })
        #expect(prints.count == 6, "'a@x.org' and 'a@x.org ' normalize alike; the rest differ")
    }
}

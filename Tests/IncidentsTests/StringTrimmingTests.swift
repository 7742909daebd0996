import Foundation
import Testing

@testable import Incidents

/// The trimming shortcuts must give what Foundation's trimming gives.
struct StringTrimmingTests {
    static let samples: [String] =
        (0..<128).flatMap { code -> [String] in
            let c = String(UnicodeScalar(UInt8(code)))
            return [c, c + "x", "x" + c, c + "x y" + c, c + c]
        } + [
            "", "plain", " a ", "\u{A0}a\u{A0}", "a\u{2028}", "\u{85}a", "\u{3000}a", "é", "a\u{301}", " \u{301}", "😀",
        ]

    @Test func asFoundationTrims() {
        for sample in Self.samples {
            let both = sample.trimmingCharacters(in: .whitespacesAndNewlines)
            let spaces = sample.trimmingCharacters(in: .whitespaces)
            #expect(sample.trimmedOfWhiteSpaceAndNewlines == both, "\(sample.debugDescription)")
            #expect(sample.trimmedOfWhiteSpace == spaces, "\(sample.debugDescription)")
        }
    }
}

import Foundation

// MARK: - Internal

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's scan when both ends are
    /// ASCII and not white space (nearly every front matter value): then nothing would be trimmed.
    var trimmedOfWhiteSpaceAndNewlines: String {
        if let first = utf8.first, let last = utf8.last, Self.isKept(first, newlines: true),
            Self.isKept(last, newlines: true)
        {
            return self
        }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's scan when both ends are ASCII
    /// and neither a space nor a tab.
    var trimmedOfWhiteSpace: String {
        if let first = utf8.first, let last = utf8.last, Self.isKept(first, newlines: false),
            Self.isKept(last, newlines: false)
        {
            return self
        }
        return trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Private

    /// True for an ASCII byte that the character set does not hold. Non-ASCII bytes are false: the
    /// Unicode white space is left to Foundation. (ASCII white space is U+0009–U+000D and U+0020;
    /// of it, `.whitespaces` holds only the tab and the space.)
    private static func isKept(_ byte: UInt8, newlines: Bool) -> Bool {
        guard byte < 0x80, byte != 0x20, byte != 0x09 else { return false }
        return !(newlines && byte >= 0x0A && byte <= 0x0D)
    }
}

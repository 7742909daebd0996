/// Gives a document's headings stable, unique `id`s: the slugified text, then `-2`, `-3`, …
/// for repeats, skipping any id an earlier heading already holds.
struct HeadingIDs {
    // MARK: - Internal

    /// The ids handed out so far.
    private var used: Set<String> = []
    /// The next suffix to try for each slug that has been repeated.
    private var nextSuffix: [String: Int] = [:]

    /// The `Heading`s of an outline, ids assigned in document order.
    static func headings(from outline: [(level: Int, text: String)]) -> [Heading] {
        var ids = HeadingIDs()
        return outline.map { Heading(level: $0.level, text: $0.text, id: ids.claim(for: $0.text)) }
    }

    /// A fresh id for a heading with `text`.
    mutating func claim(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        while used.contains(candidate) {
            let suffix = nextSuffix[base, default: 2]
            nextSuffix[base] = suffix + 1
            candidate = "\(base)-\(suffix)"
        }
        used.insert(candidate)
        return candidate
    }

    /// `text` lowercased; letters and digits kept (any script), runs of whitespace and `-`
    /// turned into one `-`, everything else dropped, no `-` at either end; `section` if empty.
    ///
    /// ASCII text, nearly every heading, takes a byte path that applies the same rules without
    /// `Character` properties; anything else goes through ``characterSlug(_:)``.
    static func slug(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiSlug(text.utf8) : characterSlug(text)
    }

    /// ``slug(_:)`` by `Character` properties, for text of any script.
    static func characterSlug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    // MARK: - Private

    /// ``slug(_:)`` of ASCII bytes: letters lowercased, `\t`…`\r`, space and `-` as dashes.
    private static func asciiSlug(_ bytes: String.UTF8View) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(bytes.count)
        var pendingDash = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingDash && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingDash = false
                slug.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            case 0x09...0x0D, UInt8(ascii: " "), UInt8(ascii: "-"):
                pendingDash = true
            default:
                break
            }
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }
}

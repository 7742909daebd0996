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
    static func slug(_ text: String) -> String {
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
}

/// A tag as a link to its page.
struct TagLinkView {
    let name: String
    let href: String
}

/// The page listing the incidents with one tag.
struct TagPageView {
    let root: String
    let tag: String
    let incidents: [IndexEntryView]
}

/// Tag names to URL-safe folder names.
enum TagSlug {
    /// `A/B test` → `a-b-test`: lower-case letters and digits kept, runs of anything else one `-`.
    static func of(_ tag: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in tag.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "tag" : slug
    }
}

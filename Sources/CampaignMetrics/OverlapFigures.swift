/// Which variants of a campaign went to the same people: the variant × variant matrix of
/// distinct recipients who were sent both. In a correct test it is diagonal.
///
/// Only named variants take part: sends without a variant (`unassigned`) are no variant of the
/// test, as for ``CampaignFigures/recipientsWithMultipleVariants``.
public struct OverlapFigures: Sendable, Equatable {
    /// The named variants with sends, sorted by name: the rows and columns of ``matrix``.
    public var variants: [String]
    /// `matrix[i][j]`: distinct recipients sent both `variants[i]` and `variants[j]`; the
    /// diagonal holds each variant's recipients.
    public var matrix: [[Int]]

    /// Makes the figures.
    public init(variants: [String], matrix: [[Int]]) {
        self.variants = variants
        self.matrix = matrix
    }

    /// No variants.
    public static let empty = OverlapFigures(variants: [], matrix: [])

    /// The number of distinct recipients sent both `first` and `second` (0 for unknown names).
    public func recipients(_ first: String, _ second: String) -> Int {
        guard let row = variants.firstIndex(of: first), let column = variants.firstIndex(of: second) else { return 0 }
        return matrix[row][column]
    }

    /// Writes `{"variants": [...], "matrix": [[...], ...]}` under `key`.
    func write(to out: inout JSONText, key: String) {
        out.openObject(key)
        out.inline("variants", strings: variants)
        out.openArray("matrix")
        for row in matrix { out.inline(nil, row) }
        out.closeArray()
        out.closeObject()
    }
}

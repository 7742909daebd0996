extension PlanReader {
    // MARK: - Internal

    /// The shares declared by a comment's text (after its `#`), nil when it declares none.
    ///
    /// `shares: A=0.5, B=50%`: names trimmed and case-sensitive, each named once, each share in
    /// 0…1, summing to 1 within 0.001.
    static func shares(inComment comment: String, path: String, line: Int) throws(LogError) -> [DeclaredShare]? {
        let text = comment.trimmingSpaces
        guard text.lowercased().hasPrefix("shares:") else { return nil }
        func fail(_ message: String) -> LogError {
            LogError(path: path, line: line, message: "\(message) (expected '# shares: A=0.5, B=0.5')")
        }
        var shares: [DeclaredShare] = []
        for item in text.dropFirst("shares:".count).split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            let name = parts.first.map { String($0).trimmingSpaces } ?? ""
            guard parts.count == 2, !name.isEmpty else { throw fail("malformed share '\(item.trimmingSpaces)'") }
            var value = String(parts[1]).trimmingSpaces
            var scale = 1.0
            if value.hasSuffix("%") {
                value.removeLast()
                scale = 100
            }
            guard let number = Double(value.trimmingSpaces), number.isFinite, number >= 0, number / scale <= 1 else {
                throw fail("share of '\(name)' is not a number between 0 and 1")
            }
            guard !shares.contains(where: { $0.variant == name }) else { throw fail("'\(name)' has two shares") }
            shares.append(DeclaredShare(variant: name, share: number / scale))
        }
        guard !shares.isEmpty else { throw fail("no shares given") }
        let sum = shares.reduce(0) { $0 + $1.share }
        guard abs(sum - 1) <= 0.001 else { throw fail("the shares add up to \(sum), not 1") }
        return shares.sorted { $0.variant < $1.variant }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

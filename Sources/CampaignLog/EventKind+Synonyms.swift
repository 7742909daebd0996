extension EventKind {
    // MARK: - Public API

    /// The kind named by `text`: a canonical name or a common provider synonym, any case (SPEC §2).
    public init?(name text: String) {
        var copy = text
        guard let kind = copy.withUTF8({ EventKind.match(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = kind
    }

    // MARK: - Internal

    /// Every accepted spelling, lower-case, with its kind.
    static let spellings: [(String, EventKind)] = [
        ("send", .send), ("sent", .send), ("processed", .send), ("accepted", .send),
        ("delivered", .delivered), ("delivery", .delivered),
        ("bounce", .bounce), ("bounced", .bounce), ("failed", .bounce),
        ("deferred", .deferred), ("deferral", .deferred), ("delayed", .deferred),
        ("dropped", .dropped), ("drop", .dropped),
        ("open", .open), ("opened", .open),
        ("click", .click), ("clicked", .click),
        ("complaint", .complaint), ("complained", .complaint), ("spamreport", .complaint),
        ("spam_report", .complaint), ("spamcomplaint", .complaint),
        ("unsubscribe", .unsubscribe), ("unsubscribed", .unsubscribe),
    ]

    /// Matches raw bytes (surrounding spaces already trimmed) against ``spellings``, ignoring ASCII case.
    static func match(_ bytes: UnsafeRawBufferPointer) -> EventKind? {
        guard bytes.count <= 16 else { return nil }
        var lowered = (UInt64(0), UInt64(0))
        let matched: EventKind? = withUnsafeMutableBytes(of: &lowered) { buffer in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                buffer[index] = byte >= 65 && byte <= 90 ? byte + 32 : byte
            }
            let key = UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count])
            for (spelling, kind) in spellings where spelling.utf8.count == key.count {
                if spelling.utf8.elementsEqual(key) { return kind }
            }
            return nil
        }
        return matched
    }
}

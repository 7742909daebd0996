/// Variant names (already normalized: trimmed, case kept) to dense ids, in order of first
/// appearance. A plan has a handful of variants and names them on every row, so names of up to
/// seven bytes are found by comparing one word with each known one before any hashing.
struct PlanVariantTable {
    // MARK: - Internal

    /// The names, by id.
    private(set) var names = SymbolTable()

    /// The id of `bytes`, adding the name if new.
    @inline(__always)
    mutating func id(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard bytes.count < 8 else { return names.intern(bytes) }
        var key = UInt64(bytes.count) << 56
        for index in 0..<bytes.count { key |= UInt64(bytes[index]) << (UInt64(index) * 8) }
        for index in short.indices where short[index].key == key { return short[index].id }
        let id = names.intern(bytes)
        if short.count < 32 { short.append((key, id)) }
        return id
    }

    // MARK: - Private

    /// Short names as one word (bytes, then the length in the top byte), with their ids.
    private var short: [(key: UInt64, id: Int32)] = []
}

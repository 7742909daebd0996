#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last value a column interned and its id: a log names one campaign on nearly every line,
/// and its variants in runs, so comparing with the previous value answers most lookups without
/// hashing or probing the ``SymbolTable``.
struct LastSymbol {
    private var bytes: [UInt8] = []
    private var id: Int32 = -1

    /// The id of `value` in `table`, interning it if new.
    @inline(__always)
    mutating func intern(_ value: UnsafeRawBufferPointer, in table: inout SymbolTable) -> Int32 {
        if id >= 0 && value.count == bytes.count
            && (value.isEmpty
                || bytes.withUnsafeBytes { memcmp($0.baseAddress!, value.baseAddress!, value.count) == 0 })
        {
            return id
        }
        id = table.intern(value)
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: value)
        return id
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The addresses behind the fingerprints a plan scan's first pass met twice (see
/// ``PlanRepeatFinder``), each with its first row and whether it repeats, compared byte for byte.
///
/// The table starts with every nominated fingerprint and no address; rows come in batches whose
/// slots, then whose address entries, are read all at once so that their cache misses overlap
/// (a plan concatenated with itself nominates every address). A row whose fingerprint is not
/// nominated is dropped after one probe. Two addresses that share a fingerprint are told apart
/// by their bytes: the second and later ones go to a small overflow list.
final class RepeatTable {
    /// A row of a batch: its fingerprint, line and variant, and where its normalized address is
    /// in the batch's bytes.
    struct Row {
        var fingerprint: UInt64
        var line: Int
        var variant: Int32
        var address: Range<Int>
    }

    /// A row assigning an address that an earlier row assigned.
    struct Repeat {
        var line: Int
        var firstLine: Int
        var variant: Int32
        var firstVariant: Int32
    }

    // MARK: - Internal

    /// Distinct addresses seen, addresses seen on more than one row, and rows beyond the first.
    private(set) var addresses = 0
    private(set) var repeatedAddresses = 0
    private(set) var repeatedRows = 0

    /// A table for the fingerprints in `nominated`.
    init(nominated: [FingerprintTable]) {
        let count = nominated.reduce(0) { $0 + $1.count }
        var size = 1024
        while size * 3 < count * 5 { size *= 2 }
        capacity = size
        slots = ZeroedSlots.allocate(size * 2)
        let mask = capacity - 1
        for table in nominated {
            table.forEach { fingerprint in
                var index = Int(truncatingIfNeeded: fingerprint) & mask
                while slots[index * 2] != 0 { index = (index + 1) & mask }
                slots[index * 2] = fingerprint
            }
        }
    }

    deinit { ZeroedSlots.release(slots, capacity * 2) }

    /// Takes `rows` (in file order, their addresses in `bytes`), calling `repeated` for each row
    /// whose address an earlier row had.
    func add(_ rows: [Row], bytes: UnsafeRawBufferPointer, repeated: (Repeat) -> Void) {
        let mask = capacity - 1
        let slots = slots
        var touched: UInt64 = 0
        for row in rows { touched &+= slots[(Int(truncatingIfNeeded: row.fingerprint) & mask) * 2 + 1] }
        // Find each row's slot (nil: not nominated) and touch its address entry.
        var found = [Int?](repeating: nil, count: rows.count)
        arena.withUnsafeBytes { arena in
            for (position, row) in rows.enumerated() {
                var index = Int(truncatingIfNeeded: row.fingerprint) & mask
                while slots[index * 2] != 0 && slots[index * 2] != row.fingerprint { index = (index + 1) & mask }
                guard slots[index * 2] != 0 else { continue }
                found[position] = index
                let entry = slots[index * 2 + 1]
                if entry != 0 { touched &+= UInt64(arena[Int(entry - 1)]) }
            }
        }
        sink &+= touched
        for (position, row) in rows.enumerated() {
            guard let index = found[position] else { continue }
            let address = UnsafeRawBufferPointer(rebasing: bytes[row.address])
            let entry = slots[index * 2 + 1]
            if entry == 0 {
                slots[index * 2 + 1] = UInt64(append(address, row)) + 1
                continue
            }
            if let first = match(Int(entry - 1), address)
                ?? overflow[row.fingerprint]?.first(where: {
                    match($0, address) != nil
                })
            {
                repeatedRows += 1
                let original = header(first)
                if original.flags == 0 {
                    repeatedAddresses += 1
                    setRepeated(first)
                }
                repeated(
                    Repeat(
                        line: row.line, firstLine: original.line, variant: row.variant, firstVariant: original.variant))
            } else {
                overflow[row.fingerprint, default: []].append(append(address, row))
            }
        }
    }

    // MARK: - Private

    /// Per slot: the fingerprint (0: free) and its first address entry's arena offset + 1 (0: none yet).
    private let slots: UnsafeMutablePointer<UInt64>
    private let capacity: Int
    /// Each address: `[length: UInt32][variant: Int32][line: Int64][flags: UInt32][bytes]`.
    private var arena: [UInt8] = []
    /// Further addresses of a fingerprint that several addresses share: their arena offsets.
    private var overflow: [UInt64: [Int]] = [:]
    private var sink: UInt64 = 0
    private static let headerSize = 20

    /// Adds an entry for `address`, first assigned on `row`; returns its offset.
    private func append(_ address: UnsafeRawBufferPointer, _ row: Row) -> Int {
        let offset = arena.count
        withUnsafeBytes(of: UInt32(address.count)) { arena.append(contentsOf: $0) }
        withUnsafeBytes(of: row.variant) { arena.append(contentsOf: $0) }
        withUnsafeBytes(of: Int64(row.line)) { arena.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(0)) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: address)
        addresses += 1
        return offset
    }

    /// `offset` if the entry there holds `address`.
    private func match(_ offset: Int, _ address: UnsafeRawBufferPointer) -> Int? {
        arena.withUnsafeBytes { arena in
            let length = Int(arena.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            guard length == address.count else { return nil }
            guard length > 0 else { return offset }
            return memcmp(arena.baseAddress! + offset + Self.headerSize, address.baseAddress!, length) == 0
                ? offset : nil
        }
    }

    private func header(_ offset: Int) -> (variant: Int32, line: Int, flags: UInt32) {
        arena.withUnsafeBytes { arena in
            (
                arena.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self),
                Int(arena.loadUnaligned(fromByteOffset: offset + 8, as: Int64.self)),
                arena.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self)
            )
        }
    }

    private func setRepeated(_ offset: Int) {
        arena.withUnsafeMutableBytes { $0.storeBytes(of: UInt32(1), toByteOffset: offset + 16, as: UInt32.self) }
    }
}

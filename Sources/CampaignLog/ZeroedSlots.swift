import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Zeroed `UInt64` slots for the large hash tables (``FingerprintTable``, ``EventIDSet``, ``SymbolTable``), as an
/// anonymous mapping: pages are mapped, already zero, on first touch (no thread spends time
/// zeroing a table it may fill only in part), and on Linux they are asked for as 2 MB pages,
/// which turns tens of thousands of page faults into dozens and spares random probes most of
/// their TLB misses.
enum ZeroedSlots {
    /// `count` zeroed slots; free them with ``release(_:_:)``. Their pages are mapped ahead
    /// (``populate(_:_:)``) when `mappedAhead`, by default for tables of ``populateInBackground``
    /// bytes and more.
    static func allocate(_ count: Int, mappedAhead: Bool? = nil) -> UnsafeMutablePointer<UInt64> {
        let bytes = count * MemoryLayout<UInt64>.stride
        guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            memory != MAP_FAILED
        else { fatalError("out of memory: \(bytes) bytes for a hash table") }
        #if os(Linux)
            _ = madvise(memory, bytes, MADV_HUGEPAGE)
            if mappedAhead ?? (bytes >= populateInBackground) { populate(memory, bytes) }
        #endif
        return memory.assumingMemoryBound(to: UInt64.self)
    }

    /// Tables at least this large (an id set sized for about four million ids) have their pages
    /// mapped ahead by a thread of their own (``populate(_:_:)``).
    static let populateInBackground = 64 << 20

    #if os(Linux)
        /// Maps every page of a large table from another thread, while the table starts filling.
        /// A table probed at random touches all its pages within its first inserts, and the kernel
        /// zeroes each 2 MB page as it maps it: for the 256 MB id set of ten million events that
        /// was half a second in which the de-duplicating stage did little else and the reader,
        /// its queue full, waited. `MADV_POPULATE_WRITE` (Linux 5.14) maps the pages without
        /// writing to them, so the table's contents cannot change; on an older kernel it fails and
        /// the pages are mapped on first touch as before. The range may be unmapped meanwhile
        /// (a table that grew); mapping pages of whatever is mapped there then is harmless.
        private static func populate(_ memory: UnsafeMutableRawPointer, _ bytes: Int) {
            let address = UInt(bitPattern: memory)
            Thread.detachNewThread {
                _ = madvise(UnsafeMutableRawPointer(bitPattern: address), bytes, 23)  // MADV_POPULATE_WRITE
            }
        }
    #endif

    /// Frees `count` slots from ``allocate(_:)``.
    static func release(_ slots: UnsafeMutablePointer<UInt64>, _ count: Int) {
        munmap(slots, count * MemoryLayout<UInt64>.stride)
    }
}

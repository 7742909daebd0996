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
    /// `count` zeroed slots; free them with ``release(_:_:)``.
    static func allocate(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        let bytes = count * MemoryLayout<UInt64>.stride
        guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            memory != MAP_FAILED
        else { fatalError("out of memory: \(bytes) bytes for a hash table") }
        #if os(Linux)
            _ = madvise(memory, bytes, MADV_HUGEPAGE)
        #endif
        return memory.assumingMemoryBound(to: UInt64.self)
    }

    /// Frees `count` slots from ``allocate(_:)``.
    static func release(_ slots: UnsafeMutablePointer<UInt64>, _ count: Int) {
        munmap(slots, count * MemoryLayout<UInt64>.stride)
    }
}

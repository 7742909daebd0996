import Ccmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// cmark's memory for one document at a time on each thread: a bump allocator whose blocks are
/// all given back at once when the document is done.
///
/// A note's parse and render make a few hundred small `calloc`s and `realloc`s (nodes, text
/// buffers, the iterator, the HTML) and free them all at the end; through glibc's `malloc` that
/// cost about as much as cmark's own work (12% of a build's CPU, in `_int_malloc`,
/// `unlink_chunk`, `malloc_consolidate` and `_int_free`). Here a block is carved from the
/// current chunk; a 16-byte header before it holds its size, so `realloc` can copy it, or grow
/// it in place when it is the last block (cmark's growing buffers usually are). `free` gives
/// back the last block and otherwise does nothing: the memory returns when the scope of
/// ``withScope(_:)`` ends, so a tree parsed into the arena needs no `cmark_node_free`.
///
/// Each thread keeps its first chunk for the next document; a document that needs more takes
/// further chunks and returns them at the end of its scope. Without `free`, memory grows with
/// everything cmark allocates for a document: 14 times the input for an ordinary note, up to
/// about 230 times on hostile input (`*a` or `[` repeated: a node and a delimiter per two bytes,
/// the delimiters freed out of order), so documents over ``largestDocument`` are parsed with the
/// system allocator instead.
///
/// cmark's callbacks take no context, so they find the thread's arena through a `pthread` key.
struct CmarkArena {
    // MARK: - Internal

    /// The largest input, in UTF-8 bytes, parsed into the arena (64 KiB, 15 times the notes of the
    /// benchmark site: at most about 15 MB of arena a thread on hostile input); larger documents
    /// use the system allocator.
    static let largestDocument = 64 * 1024

    /// The size of a thread's first chunk, kept between documents, and of further chunks (a
    /// block larger than that gets a chunk of its own). Ordinary notes of 4 KiB take about 60 KiB.
    static let defaultChunkBytes = 256 * 1024

    /// The bytes of the current chunk's blocks, headers included: for tests, which check that a
    /// scope gives back what it took.
    var bytesInUse: Int { top - Self.chunkHeader }

    /// The number of chunks held (1 between documents): for tests.
    var chunkCount: Int {
        var count = 1
        var chunk = self.chunk
        while let previous = chunk.load(as: UnsafeMutableRawPointer?.self) {
            count += 1
            chunk = previous
        }
        return count
    }

    /// Runs `body` with the allocator of this thread's arena; everything allocated through it
    /// during `body` is given back when `body` returns. Scopes nest (an inner scope gives back
    /// only what was allocated within it).
    static func withScope<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) -> Result) -> Result {
        let arena = current
        let mark = (chunk: arena.pointee.chunk, top: arena.pointee.top)
        defer { arena.pointee.release(to: mark) }
        return body(arena.pointee.memory)
    }

    /// Runs `body` with a fresh arena of `chunkBytes` chunks as this thread's arena, then puts the
    /// previous one back: for tests, which use small chunks to make documents span several.
    static func withThreadArena<Result>(
        chunkBytes: Int, _ body: (UnsafeMutablePointer<CmarkArena>) -> Result
    ) -> Result {
        let previous = pthread_getspecific(key)
        let arena = make(chunkBytes: chunkBytes)
        pthread_setspecific(key, arena)
        defer {
            pthread_setspecific(key, previous)
            destroy(arena)
        }
        return body(arena)
    }

    // MARK: - Private

    /// The callbacks cmark calls, at a stable address.
    private let memory: UnsafeMutablePointer<cmark_mem>
    /// The current chunk; its first word points at the previous chunk (nil for the first), its
    /// second holds its capacity.
    private var chunk: UnsafeMutableRawPointer
    /// The offset of the first free byte of `chunk`.
    private var top: Int
    /// The bytes `chunk` holds.
    private var capacity: Int
    /// The size of the first chunk and of further ones.
    private let chunkBytes: Int

    /// Bytes before the first block of a chunk (previous chunk, capacity) and before each block
    /// (its size, padded to keep blocks 16-byte aligned like `malloc`'s).
    private static let chunkHeader = 16
    private static let blockHeader = 16

    /// The key under which each thread keeps its arena; the arena is freed when the thread ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { raw in
            let pointer: UnsafeMutableRawPointer? = raw
            if let pointer { CmarkArena.destroy(pointer.assumingMemoryBound(to: CmarkArena.self)) }
        }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()

    /// This thread's arena, made on first use.
    private static var current: UnsafeMutablePointer<CmarkArena> {
        if let arena = pthread_getspecific(key) { return arena.assumingMemoryBound(to: CmarkArena.self) }
        let arena = make(chunkBytes: defaultChunkBytes)
        pthread_setspecific(key, arena)
        return arena
    }

    private static func make(chunkBytes: Int) -> UnsafeMutablePointer<CmarkArena> {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: callbacks)
        let arena = UnsafeMutablePointer<CmarkArena>.allocate(capacity: 1)
        let first = newChunk(capacity: chunkBytes, previous: nil)
        arena.initialize(
            to: CmarkArena(memory: memory, chunk: first, top: chunkHeader, capacity: chunkBytes, chunkBytes: chunkBytes)
        )
        return arena
    }

    private static func destroy(_ arena: UnsafeMutablePointer<CmarkArena>) {
        var chunk: UnsafeMutableRawPointer? = arena.pointee.chunk
        while let current = chunk {
            chunk = current.load(as: UnsafeMutableRawPointer?.self)
            free(current)
        }
        arena.pointee.memory.deallocate()
        arena.deinitialize(count: 1)
        arena.deallocate()
    }

    /// A chunk of `capacity` bytes from the system, its header filled in; aborts when there is no
    /// memory, as cmark's own allocator does.
    private static func newChunk(capacity: Int, previous: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer {
        guard let chunk = malloc(capacity) else { fatalError("cmark arena: out of memory (\(capacity) bytes)") }
        chunk.storeBytes(of: previous, as: UnsafeMutableRawPointer?.self)
        chunk.storeBytes(of: capacity, toByteOffset: 8, as: Int.self)
        return chunk
    }

    /// `count` rounded up to a multiple of 16; aborts on sizes no allocator could give.
    private static func blockSize(_ count: Int) -> Int {
        guard count >= 0, count <= Int.max / 2 else { fatalError("cmark arena: allocation of \(count) bytes") }
        return (count + 15) & ~15
    }

    /// A block of at least `count` bytes (uninitialized).
    private mutating func allocate(_ count: Int) -> UnsafeMutableRawPointer {
        let size = Self.blockSize(count)
        let needed = Self.blockHeader + size
        if needed > capacity - top {
            let capacity = max(chunkBytes, Self.chunkHeader + needed)
            chunk = Self.newChunk(capacity: capacity, previous: chunk)
            top = Self.chunkHeader
            self.capacity = capacity
        }
        let header = chunk + top
        header.storeBytes(of: size, as: Int.self)
        top += needed
        return header + Self.blockHeader
    }

    /// `block`, holding at least `count` bytes with its contents kept: the same block when it is
    /// big enough or is the last one and the chunk has room, else a new one.
    private mutating func reallocate(_ block: UnsafeMutableRawPointer, to count: Int) -> UnsafeMutableRawPointer {
        let size = (block - Self.blockHeader).load(as: Int.self)
        guard count > size else { return block }
        if isLast(block, size: size) {
            let grown = Self.blockSize(count)
            if grown - size <= capacity - top {
                (block - Self.blockHeader).storeBytes(of: grown, as: Int.self)
                top += grown - size
                return block
            }
        }
        let moved = allocate(count)
        moved.copyMemory(from: block, byteCount: size)
        return moved
    }

    /// Gives `block` back when it is the last one; any other block waits for the end of the scope.
    private mutating func deallocate(_ block: UnsafeMutableRawPointer) {
        let size = (block - Self.blockHeader).load(as: Int.self)
        if isLast(block, size: size) { top -= Self.blockHeader + size }
    }

    /// True when `block` (of `size` bytes) ends where the current chunk's free space begins.
    private func isLast(_ block: UnsafeMutableRawPointer, size: Int) -> Bool {
        block + size == chunk + top
    }

    /// Frees the chunks taken since `mark` and makes the rest of the marked chunk free again.
    private mutating func release(to mark: (chunk: UnsafeMutableRawPointer, top: Int)) {
        while chunk != mark.chunk {
            let previous = chunk.load(as: UnsafeMutableRawPointer?.self)!
            free(chunk)
            chunk = previous
            capacity = chunk.load(fromByteOffset: 8, as: Int.self)
        }
        top = mark.top
    }

    // MARK: - Callbacks

    /// cmark's callbacks, which find the thread's arena themselves.
    private static let callbacks = cmark_mem(
        calloc: { count, size in CmarkArena.callocate(count, size) },
        realloc: { block, count in CmarkArena.reallocate(block, to: count) },
        free: { block in CmarkArena.deallocate(block) })

    /// cmark's `calloc`: zeroed, as cmark relies on (a reused block holds old bytes).
    private static func callocate(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { fatalError("cmark arena: allocation of \(count) × \(size) bytes") }
        let block = current.pointee.allocate(bytes)
        block.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        return block
    }

    /// cmark's `realloc` (`nil` allocates).
    private static func reallocate(_ block: UnsafeMutableRawPointer?, to count: Int) -> UnsafeMutableRawPointer {
        guard let block else { return current.pointee.allocate(count) }
        return current.pointee.reallocate(block, to: count)
    }

    /// cmark's `free` (`nil` is ignored).
    private static func deallocate(_ block: UnsafeMutableRawPointer?) {
        guard let block else { return }
        current.pointee.deallocate(block)
    }
}

import Foundation

/// Work over `0..<count` split into contiguous chunks that run on all cores, with the results
/// returned in chunk order — the order one core would give. Used by the loading of incidents
/// and, from `SiteBuilder`, by the writing and the address check of pages.
public enum ConcurrentChunks {
    // MARK: - Public API

    /// Fewer items than this run on the calling thread, in one chunk.
    public static let minimumForThreads = 64

    /// `body` of each chunk of `0..<count`, in order. Chunks are several per core, so that a core
    /// with a slow chunk does not hold up the others.
    public static func map<Result: Sendable>(count: Int, _ body: @Sendable (Range<Int>) -> Result) -> [Result] {
        guard count >= minimumForThreads else { return count == 0 ? [] : [body(0..<count)] }
        let chunks = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 8)
        let slots = Slots<Result>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            slots.set(chunk, body((count * chunk / chunks)..<(count * (chunk + 1) / chunks)))
        }
        return slots.values
    }

    // MARK: - Private

    /// One slot a chunk, each written once.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var slots: [Value?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) {
            lock.withLock { slots[index] = value }
        }

        var values: [Value] {
            lock.withLock { slots.map { $0! } }
        }
    }
}

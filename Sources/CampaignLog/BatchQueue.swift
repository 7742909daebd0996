import Foundation

/// A bounded first-in, first-out hand-over of batches between two threads: ``put(_:)`` waits
/// while the queue is full, ``take()`` waits while it is empty and returns nil once it is closed
/// and drained.
final class BatchQueue<Batch>: @unchecked Sendable {
    private var batches: [Batch] = []
    private var closed = false
    private let capacity: Int
    private let condition = NSCondition()

    /// A queue holding at most `capacity` batches.
    init(capacity: Int) { self.capacity = capacity }

    /// Adds a batch, waiting for room.
    func put(_ batch: Batch) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The oldest batch, waiting for one; nil when the queue is closed and empty.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// No more batches will be put.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

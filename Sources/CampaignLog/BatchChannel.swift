import Foundation

/// A bounded first-in, first-out hand-over of batches from one task to another: ``put(_:)``
/// suspends while the channel is full, ``take()`` suspends while it is empty and returns nil once
/// the channel is closed and drained. Neither blocks a thread, so the stages of a read can share
/// the cooperative pool with any other work (a blocked thread there can starve the very task it
/// waits for).
///
/// One task puts and one task takes: at most one of each is ever waiting.
final class BatchChannel<Batch: Sendable>: @unchecked Sendable {
    private var batches: [Batch] = []
    private var closed = false
    private let capacity: Int
    private let lock = NSLock()
    /// The taker, waiting for a batch (the channel is then empty).
    private var taker: CheckedContinuation<Batch?, Never>?
    /// The putter, waiting for room, and the batch it puts (the channel is then full).
    private var putter: (continuation: CheckedContinuation<Void, Never>, batch: Batch)?

    /// A channel holding at most `capacity` batches.
    init(capacity: Int) {
        precondition(capacity > 0, "a channel holds at least one batch")
        self.capacity = capacity
    }

    /// Adds a batch, suspending until there is room.
    func put(_ batch: Batch) async {
        // The closure runs on this thread before the task suspends; when it resumes the
        // continuation there (room, or a waiting taker), the task goes on without suspending.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            offer(batch, continuation)
        }
    }

    /// The oldest batch, suspending until there is one; nil when the channel is closed and empty.
    func take() async -> Batch? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Batch?, Never>) in
            request(continuation)
        }
    }

    /// No more batches will be put.
    func close() {
        lock.lock()
        closed = true
        let taker = self.taker
        self.taker = nil
        lock.unlock()
        taker?.resume(returning: nil)
    }

    // MARK: - Private

    /// Puts `batch` where it goes and resumes `continuation` at once, or parks it until a take
    /// makes room.
    private func offer(_ batch: Batch, _ continuation: CheckedContinuation<Void, Never>) {
        lock.lock()
        precondition(!closed, "put on a closed channel")
        if let taker {
            self.taker = nil
            lock.unlock()
            taker.resume(returning: batch)
            continuation.resume()
        } else if batches.count < capacity {
            batches.append(batch)
            lock.unlock()
            continuation.resume()
        } else {
            putter = (continuation, batch)
            lock.unlock()
        }
    }

    /// Resumes `continuation` with the oldest batch (letting a parked putter in), or with nil
    /// when the channel is closed and empty, or parks it until a put or a close.
    private func request(_ continuation: CheckedContinuation<Batch?, Never>) {
        lock.lock()
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            let putter = self.putter
            if let putter {
                self.putter = nil
                batches.append(putter.batch)
            }
            lock.unlock()
            putter?.continuation.resume()
            continuation.resume(returning: batch)
        } else if closed {
            lock.unlock()
            continuation.resume(returning: nil)
        } else {
            taker = continuation
            lock.unlock()
        }
    }
}

import Dispatch

/// Async code run from a target's synchronous `LLVMFuzzerTestOneInput`: libFuzzer calls it on
/// its own thread, outside the cooperative pool, so waiting there for a task cannot starve it.
public enum FuzzTask {
    /// Runs `body` as a task and waits for its result.
    public static func wait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    /// The task's result, written before the semaphore is signalled and read after it is.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}

/// A value handed to a task that is its only user until the caller reads it back.
public struct Handed<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}

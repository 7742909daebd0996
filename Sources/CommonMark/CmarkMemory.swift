/// Where a document's cmark memory comes from.
enum CmarkMemory {
    // MARK: - Internal

    /// The thread's ``CmarkArena``: no `malloc` per node, all given back at once.
    case arena
    /// The system allocator, for documents too large for the arena.
    case system

    /// The arena for documents of at most ``CmarkArena/largestDocument`` bytes.
    static func forDocument(bytes: Int) -> CmarkMemory {
        bytes <= CmarkArena.largestDocument ? .arena : .system
    }
}

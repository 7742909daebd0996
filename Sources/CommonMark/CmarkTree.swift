import Ccmark

/// A parsed document: its root and the allocator that owns its memory (cmark takes the rendered
/// HTML from it too, so the HTML must be freed through it).
struct CmarkTree {
    // MARK: - Internal

    /// The document node.
    let root: OpaquePointer
    /// The allocator the parser was made with: the thread's ``CmarkArena`` or cmark's default.
    let allocator: UnsafeMutablePointer<cmark_mem>
}

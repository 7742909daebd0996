import Ccmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scoped access to a parsed cmark document: the C pointers never outlive the closure.
enum CmarkDocument {
    // MARK: - Internal

    /// cmark options for `options`: safe unless asked, UTF-8 validated, no smart punctuation.
    static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        var flags = CMARK_OPT_VALIDATE_UTF8
        if options.unsafe { flags |= CMARK_OPT_UNSAFE }
        return Int32(flags)
    }

    /// Parses `markdown` with `options`, hands the document root to `body` and frees the tree
    /// when `body` returns. Returns `nil` only if cmark could not allocate a document.
    static func withParsed<Result>(
        _ markdown: String,
        options: Int32,
        _ body: (OpaquePointer) -> Result
    ) -> Result? {
        var source = markdown
        return source.withUTF8 { bytes -> Result? in
            let empty: StaticString = ""
            let base = bytes.baseAddress ?? empty.utf8Start
            let start = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let root = cmark_parse_document(start, bytes.count, options) else { return nil }
            defer { cmark_node_free(root) }
            return body(root)
        }
    }

    /// Renders the tree under `root` as an HTML fragment with `options` and hands its UTF-8
    /// bytes (valid: cmark validates its input) to `body`; the buffer is freed when `body` returns.
    static func withRenderedHTML<Result>(
        _ root: OpaquePointer,
        options: Int32,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard let rendered = cmark_render_html(root, options) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        let bytes = UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self)
        return body(UnsafeBufferPointer(start: bytes, count: strlen(rendered)))
    }

    /// The level and plain text of every heading under `root`, in document order.
    static func headingOutline(_ root: OpaquePointer) -> [(level: Int, text: String)] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var outline: [(level: Int, text: String)] = []
        var text: String?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch (type, event) {
            case (CMARK_NODE_HEADING, CMARK_EVENT_ENTER):
                text = ""
            case (CMARK_NODE_HEADING, CMARK_EVENT_EXIT):
                outline.append((Int(cmark_node_get_heading_level(node)), text ?? ""))
                text = nil
            case (CMARK_NODE_TEXT, _), (CMARK_NODE_CODE, _):
                if text != nil, let literal = cmark_node_get_literal(node) {
                    text! += String(cString: literal)
                }
            case (CMARK_NODE_SOFTBREAK, _), (CMARK_NODE_LINEBREAK, _):
                if text != nil { text! += " " }
            default:
                break
            }
        }
        return outline
    }
}

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

    /// cmark options for `options`: safe unless asked, no smart punctuation.
    ///
    /// Without `CMARK_OPT_VALIDATE_UTF8`: cmark's input is always a Swift `String`, so valid
    /// UTF-8, which cmark's check (a pass over every line, 2% of a build) copies unchanged; NUL
    /// becomes U+FFFD either way (cmark's line reader replaces it whatever the options).
    static func cmarkOptions(_ options: MarkdownOptions) -> Int32 {
        var flags = CMARK_OPT_DEFAULT
        if options.unsafe { flags |= CMARK_OPT_UNSAFE }
        return Int32(flags)
    }

    /// ``cmarkOptions(_:)`` with cmark's own UTF-8 check: for tests, which compare the two.
    static func validatingOptions(_ options: MarkdownOptions) -> Int32 {
        cmarkOptions(options) | Int32(CMARK_OPT_VALIDATE_UTF8)
    }

    /// Parses `markdown` with `options` into `memory`, hands the tree to `body` and frees it when
    /// `body` returns. Returns `nil` only if cmark could not allocate a document.
    static func withParsed<Result>(
        _ markdown: String,
        options: Int32,
        memory: CmarkMemory? = nil,
        _ body: (CmarkTree) -> Result
    ) -> Result? {
        var source = markdown
        return source.withUTF8 { bytes -> Result? in
            switch memory ?? CmarkMemory.forDocument(bytes: bytes.count) {
            case .arena:
                // The arena gives back the parser and the tree when the scope ends.
                return CmarkArena.withScope { allocator in
                    guard let parser = cmark_parser_new_with_mem(options, allocator) else { return nil }
                    guard let root = parse(bytes, with: parser) else { return nil }
                    return body(CmarkTree(root: root, allocator: allocator))
                }
            case .system:
                let allocator = cmark_get_default_mem_allocator()!
                guard let parser = cmark_parser_new_with_mem(options, allocator) else { return nil }
                defer { cmark_parser_free(parser) }
                guard let root = parse(bytes, with: parser) else { return nil }
                defer { cmark_node_free(root) }
                return body(CmarkTree(root: root, allocator: allocator))
            }
        }
    }

    /// Renders `tree` as an HTML fragment with `options` and hands its UTF-8 bytes to `body`; the
    /// buffer, which cmark takes from the tree's allocator, is freed when `body` returns.
    static func withRenderedHTML<Result>(
        _ tree: CmarkTree,
        options: Int32,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard let rendered = cmark_render_html(tree.root, options) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { tree.allocator.pointee.free(rendered) }
        let bytes = UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self)
        return body(UnsafeBufferPointer(start: bytes, count: strlen(rendered)))
    }

    /// The level and plain text of every heading of `tree`, in document order.
    ///
    /// Headings are blocks, and only the document, block quotes, lists and list items hold
    /// blocks that can be headings: the walk enters those and never the inlines of paragraphs,
    /// most of a tree's nodes (visiting every node with cmark's iterator was 2% of a build).
    /// It climbs back with `cmark_node_parent` instead of recursing, so deep nesting cannot
    /// exhaust the stack.
    static func headingOutline(_ tree: CmarkTree) -> [(level: Int, text: String)] {
        var outline: [(level: Int, text: String)] = []
        var next = cmark_node_first_child(tree.root)
        while let node = next {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                outline.append((Int(cmark_node_get_heading_level(node)), headingText(node)))
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                if let child = cmark_node_first_child(node) {
                    next = child
                    continue
                }
            default:
                break
            }
            // The next sibling of the node or of its nearest ancestor below the root that has one.
            next = nil
            var climbing: OpaquePointer? = node
            while let current = climbing, current != tree.root {
                if let sibling = cmark_node_next(current) {
                    next = sibling
                    break
                }
                climbing = cmark_node_parent(current)
            }
        }
        return outline
    }

    // MARK: - Private

    /// Feeds `bytes` to `parser` and finishes the document (owned by the caller's allocator).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, with parser: OpaquePointer) -> OpaquePointer? {
        let empty: StaticString = ""
        let base = bytes.baseAddress ?? empty.utf8Start
        cmark_parser_feed(parser, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), bytes.count)
        return cmark_parser_finish(parser)
    }

    /// The plain text of a heading: its text and code-span literals (also within emphasis, links
    /// and image descriptions), soft and hard breaks as spaces.
    private static func headingText(_ heading: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(heading) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

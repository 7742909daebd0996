import Ccmark
import Foundation
import TestSupport
import Testing

@testable import CommonMark

extension CommonMarkTests {
    // MARK: - cmark's arena

    /// Documents rendered with cmark's memory in the arena must be byte for byte what the system
    /// allocator gives, also when they need many chunks (1 KiB chunks here, 256 KiB in use).
    @Test(arguments: [1_024, 4_096, CmarkArena.defaultChunkBytes])
    func arenaRendersWhatTheSystemAllocatorRenders(chunkBytes: Int) {
        var generator = SplitMix64(seed: 11)
        let documents = [""] + (0..<40).map { Self.generatedNote(size: 200 << ($0 % 8), &generator) }
        CmarkArena.withThreadArena(chunkBytes: chunkBytes) { arena in
            var maxChunks = 1
            for document in documents {
                let system = CommonMark.html(from: document, options: MarkdownOptions(), memory: .system)
                let arenaHTML = CmarkArena.withScope { _ in
                    // Inside a scope, to see the chunks the document took before they are given back.
                    CmarkDocument.withParsed(document, options: Self.safeFlags, memory: .arena) { _ in
                        maxChunks = max(maxChunks, arena.pointee.chunkCount)
                    }
                    return CommonMark.html(from: document, options: MarkdownOptions(), memory: .arena)
                }
                #expect(
                    arenaHTML == system,
                    "\(document.utf8.count)-byte document: the arena's HTML differs from the system allocator's")
            }
            if chunkBytes < CmarkArena.defaultChunkBytes {
                #expect(maxChunks > 1, "with \(chunkBytes)-byte chunks no document spanned a second chunk")
            }
        }
    }

    /// Every document gives back all it took: after many in a row the thread's arena holds one
    /// empty chunk, whatever the documents needed.
    @Test func arenaIsEmptyAfterEachDocument() {
        var generator = SplitMix64(seed: 5)
        CmarkArena.withThreadArena(chunkBytes: 2_048) { arena in
            for index in 0..<1_000 {
                let document = Self.generatedNote(size: 50 + index * 7 % 9_000, &generator)
                let html = CommonMark.html(from: document, options: MarkdownOptions(), memory: .arena)
                #expect(!html.isEmpty, "document \(index) rendered as nothing")
                let (used, chunks) = (arena.pointee.bytesInUse, arena.pointee.chunkCount)
                #expect(
                    used == 0 && chunks == 1, "after document \(index): \(used) bytes in \(chunks) chunks, want 0 in 1")
            }
        }
    }

    @Test func emptyDocumentInTheArena() {
        CmarkArena.withThreadArena(chunkBytes: 1_024) { arena in
            let html = CommonMark.html(from: "", options: MarkdownOptions(), memory: .arena)
            #expect(html == "", "got \(html.debugDescription), want \"\"")
            #expect(arena.pointee.bytesInUse == 0, "\(arena.pointee.bytesInUse) bytes left in the arena")
        }
    }

    /// One paragraph of 300 KB grows cmark's buffers by `realloc` far past a chunk, in place
    /// while they are the last block and by copying when not.
    @Test func reallocGrowthKeepsTheBytes() {
        let words = (0..<40_000).map { "w\($0)" }.joined(separator: " ")
        let document = "Start *of* " + words + " `end`\n\n" + words + "\n"
        let system = CommonMark.html(from: document, options: MarkdownOptions(), memory: .system)
        let arenaHTML = CmarkArena.withThreadArena(chunkBytes: 4_096) { _ in
            CommonMark.html(from: document, options: MarkdownOptions(), memory: .arena)
        }
        #expect(system.hasPrefix("<p>Start <em>of</em> w0 w1 "), "unexpected rendering: \(system.prefix(40))")
        #expect(arenaHTML == system, "the arena's HTML of a \(document.utf8.count)-byte paragraph differs")
    }

    /// The callbacks directly: `calloc` zeroes a reused block, `realloc` keeps the contents when it
    /// grows in place and when it moves, `free` of the last block makes its room free again.
    @Test func allocatorCallbacks() {
        CmarkArena.withThreadArena(chunkBytes: 1_024) { arena in
            CmarkArena.withScope { allocator in
                let memory = allocator.pointee
                let first = memory.calloc(1, 100)!
                first.initializeMemory(as: UInt8.self, repeating: 0xAB, count: 100)
                memory.free(first)
                #expect(arena.pointee.bytesInUse == 0, "free of the last block left \(arena.pointee.bytesInUse) bytes")
                let zeroed = memory.calloc(10, 10)!
                let zeroedBytes = UnsafeRawBufferPointer(start: zeroed, count: 100)
                #expect(zeroedBytes.allSatisfy { $0 == 0 }, "calloc returned a reused block that is not zeroed")

                var grown = memory.realloc(nil, 10)!
                for index in 0..<10 { grown.storeBytes(of: UInt8(index), toByteOffset: index, as: UInt8.self) }
                let before = grown
                grown = memory.realloc(grown, 200)!
                #expect(grown == before, "the last block did not grow in place")
                let blocker = memory.calloc(1, 16)!
                grown = memory.realloc(grown, 3_000)!  // not last, and larger than a chunk
                #expect(grown != before, "a block that is not last grew in place over the next one")
                let kept = (0..<10).map { grown.load(fromByteOffset: $0, as: UInt8.self) }
                #expect(kept == Array(0..<10), "realloc lost the contents: \(kept)")
                #expect(
                    arena.pointee.chunkCount == 2,
                    "a 3,000-byte block in 1 KiB chunks: \(arena.pointee.chunkCount) chunks")
                memory.free(blocker)
                memory.free(nil)
            }
            #expect(
                arena.pointee.bytesInUse == 0 && arena.pointee.chunkCount == 1,
                "after the scope: \(arena.pointee.bytesInUse) bytes in \(arena.pointee.chunkCount) chunks")
        }
    }

    /// Documents over the arena's limit use the system allocator, so memory stays bounded.
    @Test func largeDocumentsUseTheSystemAllocator() {
        #expect(CmarkMemory.forDocument(bytes: CmarkArena.largestDocument) == .arena, "at the limit")
        #expect(CmarkMemory.forDocument(bytes: CmarkArena.largestDocument + 1) == .system, "over the limit")
        let document = String(repeating: "- item *x*\n", count: CmarkArena.largestDocument / 10)
        let html = CommonMark.html(from: document)
        #expect(html.hasPrefix("<ul>\n<li>item <em>x</em></li>\n"), "unexpected rendering: \(html.prefix(40))")
    }

    /// Threads render at once, each in its own arena.
    @Test func threadsRenderInTheirOwnArenas() {
        var generator = SplitMix64(seed: 3)
        let documents = (0..<64).map { Self.generatedNote(size: 500 + $0 * 97, &generator) }
        let expected = documents.map { CommonMark.html(from: $0, options: MarkdownOptions(), memory: .system) }
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<20 {
                let index = (worker * 13 + round * 7) % documents.count
                if CommonMark.html(from: documents[index]) != expected[index] { mismatches.add() }
            }
        }
        #expect(mismatches.count == 0, "\(mismatches.count) of 160 concurrent renderings differed")
    }

    // MARK: - Helpers

    /// cmark's flags for safe rendering.
    static let safeFlags = CmarkDocument.cmarkOptions(MarkdownOptions())

    /// Markdown of about `size` bytes with every kind of block and inline cmark allocates for.
    static func generatedNote(size: Int, _ generator: inout SplitMix64) -> String {
        let pieces = [
            "## Heading \(generator.next(below: 100))\n\n", "Some *emphasis* and **strong** text, `code`.\n",
            "- a list item with [a link](https://example.com/x?a=1&b=2)\n", "1. ordered\n2. items\n\n",
            "> quoted\n> text\n\n", "```swift\nlet x = 1 < 2\n```\n\n", "Text ![image](/i.png \"title\") and\n",
            "a hard  \nbreak, <b>raw</b> &amp; entities &copy;\n\n", "[ref]: https://example.com/ref\n\n",
            "See [ref] and [another][ref] — ünïcödé 日本語.\n\n", "---\n\n", "    indented code\n\n",
        ]
        var text = ""
        while text.utf8.count < size { text += pieces[generator.next(below: pieces.count)] }
        return text
    }
}

/// A count shared by the threads of a test.
private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    var count: Int { lock.withLock { value } }

    func add() { lock.withLock { value += 1 } }
}

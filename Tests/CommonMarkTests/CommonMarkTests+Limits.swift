import TestSupport
import Testing

@testable import CommonMark

extension CommonMarkTests {
    // MARK: - Limits

    @Test func defaultLimits() {
        let limits = MarkdownLimits.default
        #expect(limits.maxBytes == 1024 * 1024, "maxBytes \(limits.maxBytes), want 1 MiB")
        #expect(limits.maxNesting == 32, "maxNesting \(limits.maxNesting), want 32")
        #expect(
            limits.maxUnclosedBrackets == 1_000,
            "maxUnclosedBrackets \(limits.maxUnclosedBrackets), want 1000")
        #expect(
            limits.maxBracketWork == 20_000_000, "maxBracketWork \(limits.maxBracketWork), want 20000000")
    }

    @Test func deepBlockQuotes() {
        let markdown = "ok\n\n" + String(repeating: "> ", count: 5_000) + "x\n"
        let violations = CommonMark.limitViolations(in: markdown)
        let expected = [
            MarkdownLimitViolation(line: 3, message: "block nesting 5000 exceeds the limit of 32")
        ]
        #expect(violations == expected, "got \(violations), want \(expected)")
        #expect(
            violations.first?.description == "line 3: block nesting 5000 exceeds the limit of 32",
            "description")
    }

    @Test(arguments: [
        (String(repeating: "- ", count: 50_000) + "x", 1, 50_000),
        (String(repeating: "1. ", count: 100) + "x", 1, 100),
        (String(repeating: "* > ", count: 40) + "x", 1, 80),
        (
            (0..<100).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n"),
            100, 100
        ),
        (
            (0..<80).map { String(repeating: "\t", count: $0) + "+ item" }.joined(separator: "\n"),
            80, 80
        ),
    ])
    func deepLists(markdown: String, line: Int, nesting: Int) {
        let violations = CommonMark.limitViolations(in: markdown)
        let expected = [
            MarkdownLimitViolation(
                line: line, message: "block nesting \(nesting) exceeds the limit of 32")
        ]
        #expect(violations == expected, "got \(violations), want \(expected)")
    }

    @Test func nestingAtTheLimitPasses() {
        let atLimit = CommonMark.limitViolations(in: String(repeating: ">", count: 32) + " x\n")
        #expect(atLimit.isEmpty, "32 levels are allowed, got \(atLimit)")
        let overLimit = CommonMark.limitViolations(in: String(repeating: ">", count: 33) + " x\n")
        #expect(overLimit.count == 1, "33 levels are not, got \(overLimit)")
    }

    @Test func deepIndentationWithoutOpenContainersIsNotNesting() {
        let markdown =
            "```\n" + String(repeating: " ", count: 400) + "- x\n```\n\n"
            + String(repeating: "\t", count: 100) + "code\n"
        let violations = CommonMark.limitViolations(in: markdown)
        #expect(violations.isEmpty, "indented code opens no containers, got \(violations)")
    }

    /// Each `![[]()` leaves its `![` open; the peak includes the inner `[` of the last one.
    @Test func manyUnclosedImageBrackets() {
        let markdown = "Intro.\n" + String(repeating: "![[]()", count: 2_000) + "\n"
        let violations = CommonMark.limitViolations(in: markdown)
        let expected = [
            MarkdownLimitViolation(
                line: 2, message: "2001 unclosed link brackets exceed the limit of 1000")
        ]
        #expect(violations == expected, "got \(violations), want \(expected)")
    }

    @Test func bracketsAreCountedPerParagraph() {
        let half = String(repeating: "![[]()", count: 600)
        let apart = CommonMark.limitViolations(in: half + "\n\n" + half + "\n")
        #expect(
            apart.isEmpty, "a blank line ends the paragraph and its bracket stack, got \(apart)")
        let together = CommonMark.limitViolations(in: half + "\r\n" + half + "\r\n")
        let expected = [
            MarkdownLimitViolation(
                line: 2, message: "1201 unclosed link brackets exceed the limit of 1000")
        ]
        #expect(
            together == expected, "one paragraph over two lines: got \(together), want \(expected)")
    }

    /// CVE-2023-22486's other shape: few openers left open, then many links, each of which makes
    /// cmark walk every opener; the count of open openers stays under its limit.
    @Test func linksAfterUnclosedOpenersAreBoundedByBracketWork() {
        let markdown =
            "Intro.\n\n" + String(repeating: "![", count: 999) + "\n"
            + String(repeating: "[]()", count: 30_000) + "\n"
        let violations = CommonMark.limitViolations(in: markdown)
        let expected = [
            MarkdownLimitViolation(
                line: 4,
                message:
                    "too many links after unclosed '[' or '![': 30000000 bracket steps exceed the limit of 20000000")
        ]
        #expect(violations == expected, "got \(violations), want \(expected)")
        let fewer = String(repeating: "![", count: 999) + String(repeating: "[]()", count: 19_000)
        #expect(CommonMark.limitViolations(in: fewer).isEmpty, "19 million steps are allowed")
    }

    @Test func escapedAndClosedBracketsAreNotOpeners() {
        let markdown =
            String(repeating: "\\[", count: 20_000)
            + String(repeating: "[a](b) [c] ", count: 20_000)
        let violations = CommonMark.limitViolations(in: markdown)
        #expect(violations.isEmpty, "got \(violations)")
    }

    @Test func sizeLimit() {
        let limits = MarkdownLimits(maxBytes: 10)
        let fits = CommonMark.limitViolations(in: "ééééé", limits: limits)
        #expect(fits.isEmpty, "5 × 2 bytes fit in 10, got \(fits)")
        let tooBig = CommonMark.limitViolations(in: "ééééé!", limits: limits)
        let expected = [
            MarkdownLimitViolation(line: 1, message: "size 11 bytes exceeds the limit of 10 bytes")
        ]
        #expect(tooBig == expected, "got \(tooBig), want \(expected)")
    }

    @Test func lineNumbersFollowEveryLineEnding() {
        let markdown = "a\r\nb\rc\n\n" + String(repeating: ">", count: 70) + "\n"
        let lines = CommonMark.limitViolations(in: markdown).map(\.line)
        #expect(lines == [5], "\\r\\n, \\r and \\n each end one line; got \(lines)")
    }

    @Test func ordinaryDocumentHasNoViolations() {
        let section = """
            ## Section title

            A paragraph with *emphasis*, a [link](https://example.com/a-b?c=d), an image
            ![chart](chart.svg) and [a reference][ref]. Footnote-like [1] text and \\[escaped\\].

            > A quote
            > - with a list
            >   - nested
            >     1. deeper

            - one
              - two
                - three
                  - four

            ```swift
            func f() {
                if true {
                    print("[")
                }
            }
            ```

            [ref]: https://example.com


            """
        let markdown = String(repeating: section, count: 200_000 / section.utf8.count + 1)
        #expect(
            markdown.utf8.count >= 200_000, "document is \(markdown.utf8.count) bytes, want 200 KB")
        let violations = CommonMark.limitViolations(in: markdown)
        #expect(violations.isEmpty, "got \(violations.prefix(3))")
    }

    /// The scan skips eight bytes at a time; from every start it must stop where a byte loop
    /// stops, whatever the alignment, with the bytes it looks for next to their neighbours
    /// (`Z`, `^`, VT, FF, and the same values with the high bit set).
    @Test func nextInterestingByteAgreesWithAByteLoop() {
        let alphabet: [UInt8] = [0x5B, 0x5C, 0x5D, 0x0A, 0x0D, 0x5A, 0x5E, 0x0B, 0x0C, 0xDB, 0xDD, 0x8A, 0x61, 0x20]
        let wanted: Set<UInt8> = [0x5B, 0x5C, 0x5D, 0x0A, 0x0D]
        var generator = SplitMix64(seed: 13)
        for _ in 0..<300 {
            let length = generator.next(below: 80)
            let sparse = generator.chance(0.5)  // mostly plain bytes, so whole words are skipped
            let bytes = (0..<length).map { _ in
                sparse && !generator.chance(0.05) ? 0x61 : alphabet[generator.next(below: alphabet.count)]
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...length {
                    let found = StructureScan.nextInteresting(buffer, from: start)
                    let expected = bytes[start...].firstIndex { wanted.contains($0) } ?? length
                    #expect(found == expected, "\(bytes) from \(start): stopped at \(found), want \(expected)")
                }
            }
        }
    }
}

import AftermailCLI
import CommonMark
import Foundation
import Testing

/// SPEC §5 and issue 6 §4: every note renders or is refused in about a second, whatever it holds.
/// The published quadratic inputs of cmark 0.30.2 are refused by the structural limits before
/// cmark sees them; the worst inputs the limits let through still render in time. Bounds are
/// generous (2 s, 500 MB of peak memory) because the suite runs in parallel on shared machines;
/// RELIABILITY.md has the measured times.
@Suite(.serialized)
struct HostileMarkdownTests {
    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    /// `text` padded with `unit` up to 1 MiB, the largest note allowed.
    static func mebibyte(_ head: String, _ unit: String) -> String {
        head + repeated(unit, ((1 << 20) - head.utf8.count) / unit.utf8.count)
    }

    /// What a note gets: the limits, then (if none is broken) cmark; within `seconds`.
    static func check(
        _ markdown: String, refused: Bool, seconds: Double = 2, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let peak = Measure.peakResidentBytes()
        let (violations, elapsed) = Measure.time { () -> [MarkdownLimitViolation] in
            let violations = CommonMark.limitViolations(in: markdown)
            if violations.isEmpty { _ = CommonMark.html(from: markdown) }
            return violations
        }
        let grown = (Measure.peakResidentBytes() - peak) >> 20
        #expect(violations.isEmpty != refused, "violations: \(violations)", sourceLocation: sourceLocation)
        #expect(elapsed < .seconds(seconds * Measure.timeScale), "took \(elapsed)", sourceLocation: sourceLocation)
        #expect(
            grown < 500 || Measure.underAddressSanitizer, "peak memory grew by \(grown) MB",
            sourceLocation: sourceLocation)
    }

    // MARK: - Refused

    /// Expected: refused at line 1 as nesting 50,000 > 32.
    @Test(arguments: ["> ", ">", "- ", "1. ", "* > "])
    func fiftyThousandLevelsOnOneLineAreRefused(marker: String) {
        let markdown = Self.repeated(marker, 50_000 / (marker == "* > " ? 2 : 1)) + "a\n"
        Self.check(markdown, refused: true, seconds: 1)
        #expect(CommonMark.limitViolations(in: markdown).first?.message.hasSuffix("exceeds the limit of 32") == true)
    }

    /// Expected: a list nested deeper than the limit line by line, then tens of thousands of blank
    /// lines (each of which cmark would walk through every open list), is refused.
    @Test func aDeepListFollowedByBlankLinesIsRefused() {
        let list = (0..<1_000).map { Self.repeated("  ", $0) + "* a\n" }.joined()
        Self.check(list + Self.repeated("\n", 50_000), refused: true, seconds: 1)
    }

    /// CVE-2023-22486: `![[]()` repeated. Expected: 20,000 repetitions are refused (unclosed brackets).
    @Test func cve2023_22486IsRefused() {
        Self.check(Self.repeated("![[]()", 20_000), refused: true, seconds: 1)
        Self.check(Self.repeated("![", 999) + Self.repeated("[]()", 250_000), refused: true, seconds: 1)
    }

    /// CVE-2023-24824: block quotes 50,000 deep, then runs of emphasis. Expected: refused.
    @Test func cve2023_24824IsRefused() {
        Self.check(Self.repeated("> ", 50_000) + Self.repeated("*a ", 100_000), refused: true, seconds: 1)
        Self.check(Self.repeated(Self.repeated(">", 50) + " *a **b\n", 20_000), refused: true, seconds: 1)
    }

    /// Expected: one byte over 1 MiB is refused from its size alone.
    @Test func overOneMebibyteIsRefused() {
        Self.check(Self.repeated("a", (1 << 20) + 1), refused: true, seconds: 0.5)
    }

    // MARK: - Rendered in time

    /// The worst inputs the limits allow, by name (arguments are names: Swift Testing prints them).
    static let worstAllowed: [String: String] = [
        "32-deep list markers on every line": mebibyte("", repeated("- ", 32) + "*a\n"),
        "32-deep list, then blank lines": mebibyte((0..<32).map { repeated("  ", $0) + "* a\n" }.joined(), "\n"),
        "32-deep quotes, then emphasis": mebibyte(repeated("> ", 32), "*a "),
        "32-deep quotes with emphasis on every line": mebibyte("", repeated(">", 32) + " " + repeated("*a", 50) + "\n"),
        "999 open ![ then 19,000 links": repeated("![", 999) + repeated("[]()", 19_000),
        "![[]() × 999": repeated("![[]()", 999),
        "nested strong emphasis": mebibyte("", "*a **a "),
        "unclosed link destinations": mebibyte("", "[a](<b"),
        "HTML comment openers": mebibyte("a", "<!--"),
        "many references": (1..<30_000).map { "[\($0)]: u\n" }.joined() + repeated("[0] ", 30_000),
    ]

    /// Expected: the worst inputs the limits allow render within the bound (measured: under 1 s).
    @Test(arguments: worstAllowed.keys.sorted())
    func theWorstAllowedInputsRenderInTime(name: String) {
        Self.check(Self.worstAllowed[name]!, refused: false)
    }

    /// Expected: through `aftermail build`, a note 50,000 levels deep stops the build with
    /// `path:line: error: …` and exit status 2 within a second, and no output is written.
    @Test func aDeepNoteStopsTheBuildWithItsPlaceAndExitStatusTwo() async {
        let site = HostileSite()
        site.write(
            "content/incidents/deep.md", "---\ntitle: Deep\n---\n\nIntro.\n\n" + Self.repeated("> ", 50_000) + "*a*\n")
        site.write(
            "content/incidents/brackets/index.md",
            "---\ntitle: Brackets\n---\n\n" + Self.repeated("![[]()", 20_000) + "\n")
        let (result, elapsed) = await Measure.time {
            await Aftermail.runCapturingOutput(["build", "--site", site.root.path])
        }
        #expect(result.status == 2, "exit \(result.status)")
        #expect(
            result.err.contains("content/incidents/deep.md:7: error: block nesting 50000 exceeds the limit of 32"),
            "\(result.err)")
        #expect(
            result.err.contains(
                "content/incidents/brackets/index.md:5: error: 20001 unclosed link brackets exceed the limit of 1000"),
            "\(result.err)")
        #expect(elapsed < .seconds(2 * Measure.timeScale), "took \(elapsed)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// Expected: invalid UTF-8 and NUL in a note become U+FFFD, never a crash.
    @Test func invalidUTF8AndNULBecomeReplacementCharacters() {
        let markdown = String(
            decoding: [0x61, 0xFF, 0xC0, 0x80, 0x00, 0xED, 0xA0, 0x80, 0x62] as [UInt8], as: UTF8.self)
        let html = CommonMark.html(from: markdown + "\u{0000}")
        #expect(html.hasPrefix("<p>a\u{FFFD}") && html.contains("b"), "\(html.debugDescription)")
        #expect(!html.contains("\u{0000}"))
    }
}

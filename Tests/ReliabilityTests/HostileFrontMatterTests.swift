import Foundation
import SiteBuilder
import Testing

/// SPEC §5: front matter is decoded into typed values with aliases bounded; a YAML alias bomb, a
/// huge front matter or a 5,000-deep nesting is refused quickly with a clear error, never
/// expanded. Each case builds a site and bounds the time and the memory it takes.
struct HostileFrontMatterTests {
    /// "Billion laughs": nine levels of nine aliases, 9⁹ strings if expanded.
    static let aliasBomb: String = {
        var yaml = "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [" + Array(repeating: previous, count: 9).joined(separator: ",") + "]\n"
        }
        return yaml
    }()

    /// Builds `site` and checks it failed with `message` within `seconds`, growing the peak
    /// resident memory by less than `megabytes`.
    static func expectRefusal(
        _ site: HostileSite, containing message: String, seconds: Double = 1, megabytes: Int = 200,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        let peak = Measure.peakResidentBytes()
        let (result, elapsed) = await Measure.time { await site.build() }
        let grown = (Measure.peakResidentBytes() - peak) >> 20
        guard case .failure(let error) = result else {
            Issue.record("the build succeeded", sourceLocation: sourceLocation)
            return
        }
        #expect("\(error)".contains(message), "\(error)", sourceLocation: sourceLocation)
        #expect(
            elapsed < .seconds(seconds * Measure.timeScale), "refused after \(elapsed)", sourceLocation: sourceLocation)
        #expect(
            grown < megabytes || Measure.underAddressSanitizer, "peak memory grew by \(grown) MB",
            sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), sourceLocation: sourceLocation)
    }

    /// Expected: refused at the first anchor, `index.md:3: error: YAML aliases are not allowed`.
    @Test func aYAMLAliasBombInFrontMatterIsRefusedAtItsFirstAnchor() async {
        let site = HostileSite()
        site.write("content/incidents/bomb.md", "---\ntitle: Bomb\n" + Self.aliasBomb + "---\nText\n")
        await Self.expectRefusal(
            site, containing: "content/incidents/bomb.md:3: error: YAML aliases are not allowed in front matter")
    }

    /// Expected: the same bomb hidden from the lexical guard's view (inside a flow mapping, after
    /// a tag) is still refused, by the check on the composed tree.
    @Test(arguments: [
        "x: {k: &a [1,2], j: [*a, *a]}\n",
        "x: !!seq &a [1, 2]\ny: [*a, *a]\n",
        "? &a key\n: v\ny: *a\n",
        "x:\n  - &a\n    - 1\n  - *a\n",
    ])
    func aliasesInEveryPositionAreRefused(yaml: String) async {
        let site = HostileSite()
        site.write("content/incidents/bomb.md", "---\ntitle: Bomb\n" + yaml + "---\nText\n")
        await Self.expectRefusal(site, containing: "YAML aliases are not allowed in front matter")
    }

    /// Expected: `aftermail.yml` gets the same treatment.
    @Test func aYAMLAliasBombInTheSettingsIsRefused() async {
        let site = HostileSite()
        site.write("aftermail.yml", Self.aliasBomb)
        await Self.expectRefusal(
            site, containing: "aftermail.yml:1: error: YAML aliases are not allowed in aftermail.yml")
    }

    /// Expected: a 50 MB note is refused from its size alone (16 MiB is the most any note is read),
    /// without reading it into memory.
    @Test func a50MBFrontMatterIsRefusedBeforeItIsRead() async throws {
        let site = HostileSite()
        let line = "k: " + String(repeating: "x", count: 1_000) + "\n"
        let text = "---\ntitle: Big\n" + String(repeating: line, count: 50_000) + "---\nText\n"
        site.write("content/incidents/big.md", text)
        await Self.expectRefusal(
            site, containing: "content/incidents/big.md: error: is larger than 16 MiB", megabytes: 60)
    }

    /// Expected: a front matter of 10 MB in a note under 16 MiB is refused once it passes 64 KiB,
    /// with the hint that the closing `---` may be missing.
    @Test func a10MBFrontMatterIsRefusedAt64KiB() async throws {
        let site = HostileSite()
        let line = "k: " + String(repeating: "x", count: 1_000) + "\n"
        site.write(
            "content/incidents/big.md", "---\ntitle: Big\n" + String(repeating: line, count: 10_000) + "---\nText\n")
        await Self.expectRefusal(
            site, containing: "content/incidents/big.md:1: error: front matter is larger than 64 KiB", seconds: 2)
    }

    /// Nesting 5,000 deep, by name (arguments are names: Swift Testing prints them).
    static let deep: [String: String] = [
        "flow sequences": "x: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n",
        "flow mappings": "x: " + String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
            + "\n",
        "block sequences": "x:\n" + (1...5_000).map { String(repeating: " ", count: $0) + "- \n" }.joined(),
        "block mappings": "x:\n" + (1...2_000).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined(),
        "compact sequences": String(repeating: "- ", count: 5_000) + "x\n",
    ]

    /// Expected: nesting 5,000 deep (flow, block, mixed) is refused as deeper than 32 (or, for
    /// the block mappings whose indentation makes them large, as over 64 KiB).
    @Test(arguments: deep.keys.sorted())
    func deepNestingIsRefused(shape: String) async {
        let site = HostileSite()
        site.write("content/incidents/deep.md", "---\ntitle: Deep\n" + Self.deep[shape]! + "---\nText\n")
        await Self.expectRefusal(site, containing: "error:")
        let error = await site.build()
        #expect("\(error)".contains("nesting deeper than 32") || "\(error)".contains("larger than 64 KiB"), "\(error)")
    }

    /// Expected: front matter that is not UTF-8 is refused with a hint, not decoded with U+FFFD.
    @Test func invalidUTF8InANoteIsRefused() async {
        let site = HostileSite()
        site.folder.write(
            "content/incidents/bad.md",
            Array("---\ntitle: \"".utf8) + [0xFF, 0xFE, 0xC0, 0x80] + Array("\"\n---\nText\n".utf8))
        await Self.expectRefusal(site, containing: "content/incidents/bad.md: error: is not valid UTF-8 text")
    }
}

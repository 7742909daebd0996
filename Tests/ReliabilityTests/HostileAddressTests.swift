import Foundation
import SiteBuilder
import Testing

/// SPEC §5: a recipient address from a log never appears anywhere in `output/`. The build checks
/// every page for the addresses it read and refuses to write a site that holds one, however it
/// is spelled.
struct HostileAddressTests {
    static let log = """
        timestamp,campaign,variant,recipient,event
        2026-09-10T14:00:00Z,c,A,Ann.Lee@Example.com,send
        2026-09-10T14:00:00Z,c,B,josé@exämple.org,send
        2026-09-10T14:03:00Z,c,B,josé@exämple.org,complaint

        """

    /// A site whose one incident has the log above and `note` as its notes.
    static func site(note: String, frontMatter: String = "") -> HostileSite {
        let site = HostileSite()
        site.write("content/incidents/leak/index.md", "---\ntitle: Leak\n\(frontMatter)---\n\n\(note)\n")
        site.write("content/incidents/leak/logs/events.csv", log)
        return site
    }

    /// Expected: without any mention, the built site holds no address from the log, in any
    /// spelling, in any file.
    @Test func aSiteBuiltFromLogsHoldsNoAddress() async throws {
        let site = Self.site(note: "Two people got two copies.")
        guard case .success = await site.build() else {
            Issue.record("the build failed")
            return
        }
        let everything = site.allOutput.lowercased().decodingHTMLText
        for address in [
            "ann.lee@example.com", "josé@exämple.org", "jose\u{301}@exa\u{308}mple.org", "ann.lee", "josé@",
        ] {
            #expect(!everything.contains(address), "\(address) is published")
        }
    }

    /// Expected: an address in the notes, front matter or a log id stops the build with the page
    /// named, and nothing is written: in its own case or another, as an HTML entity, inside a
    /// mailto link, as an autolink, decomposed (NFD).
    @Test(arguments: [
        ("note", "Ann.Lee@Example.com wrote in."),
        ("note", "ANN.LEE@EXAMPLE.COM wrote in."),
        ("note", "ann.lee&#64;example.com wrote in."),
        ("note", "ann.lee&#x40;example.com wrote in."),
        ("note", "[write](mailto:ann.lee@example.com)"),
        ("note", "<ann.lee@example.com>"),
        ("note", "JOSÉ@EXÄMPLE.ORG complained."),
        ("note", "jose\u{301}@exa\u{308}mple.org complained."),
        ("note", "`ann.lee@example.com` in code"),
        ("front matter", "summary: \"ann.lee@example.com\"\n"),
        ("front matter", "owner: \"Ann <ann.lee@example.com>\"\n"),
        ("front matter", "tags: [\"ann.lee@example.com\"]\n"),
    ])
    func anAddressAnywhereStopsTheBuild(place: String, text: String) async throws {
        let site = place == "note" ? Self.site(note: text) : Self.site(note: "Text.", frontMatter: text)
        guard case .failure(let error) = await site.build() else {
            Issue.record("built a site holding \(text.debugDescription)")
            return
        }
        #expect("\(error)".contains("holds a recipient address from the logs"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing was written")
    }

    /// Expected: an address percent-encoded in a link (as pasted from an admin tool's search URL)
    /// is still the address, and stops the build.
    @Test
    func aPercentEncodedAddressInALinkStopsTheBuild() async throws {
        let site = Self.site(note: "[search](https://admin.example.com/search?q=ann.lee%40example.com)")
        guard case .failure(let error) = await site.build() else {
            Issue.record("published ann.lee%40example.com: \(site.allOutput.contains("ann.lee%40example.com"))")
            return
        }
        #expect("\(error)".contains("holds a recipient address from the logs"), "\(error)")
    }

    /// Expected: with `markdown: {unsafe: true}` raw HTML reaches the page as written, so an
    /// address spelled with any character reference a browser decodes (`&#x40;`, `&commat;`,
    /// `&#0064;`) must still stop the build.
    @Test(
        arguments: [
            "ann.lee&#x40;example.com", "ann.lee&commat;example.com", "ann.lee&#0064;example.com",
            "ann.lee&#X40;example.com",
        ])
    func anAddressInRawHTMLWithAnyCharacterReferenceStopsTheBuild(spelling: String) async throws {
        // An HTML block: cmark passes it through verbatim (in Markdown text it decodes references).
        let site = Self.site(note: "<div class=\"contact\">\n\(spelling)\n</div>")
        site.write("aftermail.yml", "markdown: {unsafe: true}\n")
        guard case .failure(let error) = await site.build() else {
            Issue.record("published \(spelling)")
            return
        }
        #expect("\(error)".contains("holds a recipient address from the logs"), "\(error)")
    }

    /// Expected: the address check costs little whatever the pages hold. A note of 2,000 runs of
    /// 64 letters, `@` and 255 letters (0.6 MB, within the Markdown limits) is checked within a
    /// second or two.
    @Test
    func manyAtSignsAreCheckedQuickly() async throws {
        let run = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 255) + " "
        let site = Self.site(note: String(repeating: run, count: 2_000))
        let (result, elapsed) = await Measure.time { await site.build() }
        #expect(elapsed < .seconds(2 * Measure.timeScale), "the build took \(elapsed)")
        guard case .success = result else {
            Issue.record("the build failed: \(result)")
            return
        }
    }
}

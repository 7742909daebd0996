import Foundation
import SiteBuilder
import Testing

/// SPEC §5: text from a log, a note or front matter never reaches a page unescaped. Every field
/// that reaches a page gets each payload below, the site is built with `SiteBuild` into a
/// temporary folder, and every output file is scanned: no tag or event-handler attribute from
/// the input, no `javascript:`, `vbscript:` or `data:` link, well-formed XML and JSON.
struct HostileSiteTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "</title><svg onload=alert(1)><script>alert(2)</script>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
        "{{{body}}} {{#x}}{{/x}} {{ figures.sends }}",
        "]]><!-- --><![CDATA[<script>x</script>]]>",
        "&lt;script&gt; &amp;amp; &#60;script&#62;",
        "\u{202E}rtl override \u{200B}zero width \u{FEFF}bom",
    ]

    /// Expected: the build succeeds; the payload shows on the pages as text (escaped) and nowhere
    /// as markup, in the site title, front matter (title, summary, owner, severity, tags,
    /// campaign), the apology's subject and text, campaign and variant ids from the log, and the
    /// notes (where raw HTML is dropped in safe mode).
    @Test(arguments: payloads)
    func aPayloadInEveryFieldThatReachesAPageIsEscapedEverywhere(payload: String) async throws {
        let site = HostileSite()
        let y = HostileSite.yaml(payload)
        site.write("aftermail.yml", "title: \(y)\nbase_url: https://example.org/post-mortems/\n")
        site.write(
            "content/incidents/hostile/index.md",
            """
            ---
            title: \(y)
            date: 2026-09-11
            campaign: \(y)
            severity: \(y)
            owner: \(y)
            summary: \(y)
            tags: [\(y), "plain"]
            ---

            ## \(payload)

            \(payload)

            [link](\(payload)) ![image](\(payload)) <\(payload)>

            We sent {{ figures.sends }} messages in {{ figures.campaign }}.
            """)
        site.write(
            "content/incidents/hostile/apology.md",
            """
            ---
            subject: \(y)
            sent_at: 2026-09-12
            ---

            \(payload)
            """)
        let campaign = HostileSite.csv(payload)
        site.write(
            "content/incidents/hostile/logs/events.csv",
            """
            timestamp,campaign,variant,recipient,event,event_id,detail
            2026-09-10T14:00:00Z,\(campaign),\(campaign),ann@example.com,send,1,\(campaign)
            2026-09-10T14:00:01Z,\(campaign),B,bob@example.com,send,2,
            2026-09-10T14:00:02Z,\(campaign),\(campaign),ann@example.com,bounce,3,\(campaign)
            2026-09-10T14:05:00Z,\(campaign),B,bob@example.com,complaint,4,\(campaign)

            """)
        let result = await site.build()
        guard case .success = result else {
            Issue.record("the build failed: \(result)")
            return
        }
        let problems = PublishedSiteScan.problems(in: site.output)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let incident = site.page("incidents/hostile/index.html")
        let printable = String(payload.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0xFFFE })
        #expect(
            incident.decodingHTMLText.contains(printable.trimmingCharacters(in: .whitespaces)),
            "the title shows as text on the incident page")
        #expect(site.page("index.html").decodingHTMLText.contains(printable.trimmingCharacters(in: .whitespaces)))
        #expect(!site.allOutput.contains("ann@example.com") && !site.allOutput.contains("bob@example.com"))
    }

    /// Expected: cmark's safe mode drops raw HTML and empties dangerous link destinations in
    /// notes and apologies, however they are spelled.
    @Test func rawHTMLAndDangerousLinksInNotesAreDropped() async throws {
        let site = HostileSite()
        let note = """
            <script>alert(1)</script>

            <div onclick="alert(1)">block</div>

            Inline <img src=x onerror=alert(1)> and <b onmouseover=alert(1)>bold</b> and <iframe src=//evil.example>.

            [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](jav&#x61;script:alert(1)) [d](java\\u0009script:x)
            [e](vbscript:msgbox(1)) [f](data:text/html,<script>alert(1)</script>) [g](file:///etc/passwd)
            [h](<javascript:alert(1)>) <javascript:alert(1)> [i][ref] ![j](javascript:alert(1))
            [k](data:text/html;base64,PHNjcmlwdD4=) [l]( javascript:alert(1) "title")

            [ref]: javascript:alert(1)

            <style>body{display:none}</style>

            <!-- a comment --> <?php echo 1; ?> <![CDATA[ x ]]>

            <svg><script>alert(1)</script></svg> <math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>
            """
        site.write("content/incidents/notes.md", "---\ntitle: Notes\n---\n\n" + note)
        site.write("content/incidents/bundle/index.md", "---\ntitle: Bundle\n---\n\nSee the apology.\n")
        site.write("content/incidents/bundle/apology.md", "---\nsubject: Sorry\n---\n\n" + note)
        guard case .success = await site.build() else {
            Issue.record("the build failed")
            return
        }
        let problems = PublishedSiteScan.problems(in: site.output)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let page = site.page("incidents/notes/index.html")
        #expect(page.contains("<!-- raw HTML omitted -->"), "raw HTML is replaced by cmark's marker")
    }

    /// The scan itself finds what it looks for (else every test above would pass vacuously).
    @Test func theScanFindsPlantedMarkup() {
        let planted = """
            <p>ok</p><SCRIPT>x</SCRIPT><img src=x onerror=alert(1)><a href="jav&#x61;script:x">a</a>
            <a href=' data:text/html,x'>b</a><svg><animate xlink:href="javascript:x"/></svg><div style="x">
            """
        let found = PublishedSiteScan.problems(in: Data(planted.utf8), name: "x.html")
        #expect(found.count == 7, "\(found)")
        #expect(
            PublishedSiteScan.problems(in: Data("<feed><title>a</feed>".utf8), name: "f.xml") == [
                "f.xml: not well-formed XML"
            ])
        #expect(PublishedSiteScan.problems(in: Data("{\"a\": }".utf8), name: "m.json") == ["m.json: not valid JSON"])
        #expect(
            PublishedSiteScan.problems(in: Data("<p>&lt;script&gt;</p><!-- <script> -->".utf8), name: "ok.html").isEmpty
        )
    }

    /// Expected: control characters (which YAML forbids) in front matter are refused with the
    /// file and line; in log ids and notes they cannot break the pages: the build succeeds, the
    /// feed stays well-formed XML and metrics.json valid JSON.
    @Test func controlCharactersAreRefusedInFrontMatterAndHarmlessElsewhere() async throws {
        let site = HostileSite()
        site.write("content/incidents/x.md", "---\ntitle: \"a\u{0001}b\"\n---\n\nText.\n")
        guard case .failure(let error) = await site.build() else {
            Issue.record("front matter with U+0001 was accepted")
            return
        }
        #expect(
            "\(error)".contains("content/incidents/x.md:2: error:") && "\(error)".contains("control characters"),
            "\(error)")

        let other = HostileSite()
        other.write("aftermail.yml", "base_url: https://example.org/\n")
        other.write(
            "content/incidents/ctl/index.md",
            "---\ntitle: Control\n---\n\nNUL \u{0000} BEL \u{0007} \u{FFFE} {{ figures.campaign }}\n")
        other.write(
            "content/incidents/ctl/logs/a.csv",
            "timestamp,campaign,variant,recipient,event\n2026-09-10T14:00:00Z,c\u{0001}\u{001B}[31m,\u{0000}A\u{FFFE},ann@example.com,send\n"
        )
        guard case .success = await other.build() else {
            Issue.record("the build failed: \(await other.build())")
            return
        }
        let problems = PublishedSiteScan.problems(in: other.output)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Expected: with `markdown: {unsafe: true}` the site's owner asked for raw HTML, and gets it
    /// (documented); text from front matter and logs is still escaped.
    @Test func unsafeMarkdownKeepsRawHTMLOnlyFromNotes() async throws {
        let site = HostileSite()
        site.write("aftermail.yml", "markdown: {unsafe: true}\n")
        site.write("content/incidents/x.md", "---\ntitle: \"<script>t()</script>\"\n---\n\n<kbd>Ctrl</kbd>\n")
        guard case .success = await site.build() else {
            Issue.record("the build failed")
            return
        }
        let page = site.page("incidents/x/index.html")
        #expect(page.contains("<kbd>Ctrl</kbd>"), "raw HTML in notes is kept when asked for")
        #expect(!page.contains("<script>t()</script>"), "the title is still escaped")
    }

    /// Expected: a `base_url` that is no http(s) address is refused with a clear error, so the
    /// feed and sitemap never link to `javascript:`.
    @Test(arguments: ["javascript:alert(1)//", "data:text/html,x", "https://example.org/\"><script>x</script>"])
    func aHostileBaseURLIsRefused(url: String) async throws {
        let site = HostileSite()
        site.write("content/incidents/x.md", "---\ntitle: X\n---\n\nText.\n")
        let result = await site.build(baseURL: url)
        guard case .failure(let error) = result else {
            Issue.record("built with base_url \(url); feed: \(site.page("feed.xml").prefix(400))")
            return
        }
        #expect("\(error)".contains("base_url must be an absolute http(s) address"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing was written")
    }
}

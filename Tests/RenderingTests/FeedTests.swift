import Foundation
import Incidents
import Rendering
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects element names and text of an XML document, failing on any parse error.
final class XMLOutline: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String: [String]] = [:]
    private var current = ""
    private var text = ""

    static func parse(_ xml: String) -> XMLOutline? {
        let outline = XMLOutline()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = outline
        return parser.parse() ? outline : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(name)
        current = name
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[name, default: []].append(text)
        text = ""
    }
}

struct FeedTests {
    static func site(baseURL: String?, title: String = "Northwind & co <post-mortems>") async throws -> [String: String]
    {
        let input = IncidentInput(
            incident: Fixtures.incident(title: "Seven <copies> & \"more\"", tags: ["A/B test", "segmentation"]),
            metrics: Fixtures.report([Fixtures.campaign()]))
        return try await Fixtures.render([input], settings: SiteSettings(title: title, baseURL: baseURL))
    }

    @Test func feedAndSitemapAreWellFormedXMLWithAbsoluteLinks() async throws {
        let pages = try await Self.site(baseURL: "https://northwind.example/post-mortems")
        let feedText = try #require(pages["feed.xml"])
        let feed = try #require(XMLOutline.parse(feedText), "feed.xml is not well-formed XML")
        #expect(feed.elements.first == "feed")
        #expect(feed.texts["title"] == ["Northwind & co <post-mortems>", "Seven <copies> & \"more\""])
        #expect(
            feed.texts["id"] == [
                "https://northwind.example/post-mortems/",
                "https://northwind.example/post-mortems/incidents/seven-copies/",
            ])
        #expect(feed.texts["updated"]?.first == "2026-09-11T00:00:00Z")
        let sitemapText = try #require(pages["sitemap.xml"])
        let sitemap = try #require(XMLOutline.parse(sitemapText), "sitemap.xml is not well-formed XML")
        #expect(
            sitemap.texts["loc"] == [
                "https://northwind.example/post-mortems/incidents/seven-copies/index.html",
                "https://northwind.example/post-mortems/index.html",
                "https://northwind.example/post-mortems/tags/a-b-test/index.html",
                "https://northwind.example/post-mortems/tags/segmentation/index.html",
            ])
        #expect(pages["index.html"]!.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
    }

    @Test func withoutABaseURLThereIsNoFeed() async throws {
        let pages = try await Self.site(baseURL: nil)
        #expect(pages["feed.xml"] == nil && pages["sitemap.xml"] == nil)
        #expect(!pages["index.html"]!.contains("feed.xml"))
    }

    @Test func aBaseURLMustBeAbsolute() async {
        await #expect {
            try await Self.site(baseURL: "javascript:alert(1)")
        } throws: { error in
            "\(error)".hasPrefix("aftermail.yml: error: base_url must be an absolute http(s) address")
        }
    }

    @Test func tagPagesListTheirIncidentsAndAreLinked() async throws {
        let pages = try await Self.site(baseURL: nil)
        let tag = try #require(pages["tags/a-b-test/index.html"])
        #expect(tag.contains("<h1>Incidents tagged “A/B test”</h1>"))
        #expect(tag.contains("<a href=\"../../incidents/seven-copies/index.html\">"))
        #expect(
            pages["incidents/seven-copies/index.html"]!.contains(
                "<a href=\"../../tags/a-b-test/index.html\">A/B test</a>"))
    }
}

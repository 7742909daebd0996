import Foundation
import Rendering
import Testing

struct TemplateSetTests {
    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func anOverrideReplacesTheBuiltInTemplate() async throws {
        let url = try folder(["index.mustache": "<p>Custom index for {{siteTitle}}</p>\n"])
        defer { try? FileManager.default.removeItem(at: url) }
        let pages = try await SiteRenderer(settings: .init(title: "T&T"), templates: TemplateSet.load(overridesIn: url))
            .render([])
        let index = String(decoding: pages.first { $0.path == "index.html" }!.bytes, as: UTF8.self)
        #expect(index.contains("<p>Custom index for T&amp;T</p>"))
        #expect(index.hasPrefix("<!doctype html>"), "the built-in layout still wraps it")
    }

    @Test func aTemplateThatDoesNotParseIsNamedWithItsLine() throws {
        let url = try folder(["incident.mustache": "<h1>{{title}}</h1>\n{{#campaigns}}\n<p>{{name}}</p>\n{{/tags}}\n"])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try TemplateSet.load(overridesIn: url)
        } throws: { error in
            "\(error)".hasPrefix("templates/incident.mustache:4: error: template does not parse")
        }
    }

    @Test func anUnknownTemplateNameIsAnError() throws {
        let url = try folder(["indx.mustache": "typo"])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try TemplateSet.load(overridesIn: url)
        } throws: { error in
            "\(error)".hasPrefix("templates/indx.mustache: error: no built-in template has this name")
        }
    }

    @Test func theBuiltInThemeParses() throws {
        _ = try TemplateSet.builtin()
        #expect(TemplateSet.builtinNames.contains("layout.mustache"))
    }
}

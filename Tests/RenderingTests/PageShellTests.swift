import Foundation
import Incidents
import Testing

@testable import Rendering

/// Filling the layout in without Mustache gives the bytes Mustache gives, for the built-in
/// layout and for layouts that use their values in other ways, or that cannot be filled in.
struct PageShellTests {
    static let tricky = "<b>\"x\"</b> & 'y' \u{E000}<0\u{E001} \u{E000}&lt;5\u{E001} Ünï"

    static let inputs = [
        IncidentInput(
            incident: Fixtures.incident(
                title: tricky, summary: tricky, apology: Fixtures.apology(subject: tricky)),
            metrics: Fixtures.report([Fixtures.campaign()])),
        IncidentInput(incident: Fixtures.incident(slug: "quiet", summary: nil), metrics: nil),
        IncidentInput(incident: Fixtures.incident(slug: "empty", title: "", summary: ""), metrics: nil),
    ]

    @Test(arguments: [
        (nil, true),
        (
            "{{#description}}[{{.}}|{{pageTitle}}]{{/description}}{{^description}}none{{/description}}{{{body}}}",
            true
        ),
        ("{{body}}", false),
        (
            "{{#pageTitle}}{{siteTitle}}{{root}}{{/pageTitle}}{{#hasFeed}}feed{{/hasFeed}}{{language}}{{x}}{{{body}}}",
            true
        ),
        ("{{{pageTitle}}}{{{body}}}", false),
        ("{{> figures}}{{{body}}}", false),
        ("\u{E000}{{{body}}}", false),
    ])
    func theShellGivesMustachesBytes(layout: String?, splits: Bool) async throws {
        var templates = try TemplateSet.builtin()
        if let layout {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "aftermail-shell-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: url) }
            try Data(layout.utf8).write(to: url.appendingPathComponent("layout.mustache"))
            templates = try TemplateSet.load(overridesIn: url)
        }
        for baseURL in [nil, "https://example.com/pm/"] {
            let settings = SiteSettings(title: Self.tricky, baseURL: baseURL, language: "en\"<")
            #expect((PageShell(templates: templates, settings: settings) != nil) == splits)
            let filled = try await SiteRenderer(settings: settings, templates: templates, fillsLayout: true).render(
                Self.inputs)
            let rendered = try await SiteRenderer(settings: settings, templates: templates, fillsLayout: false)
                .render(Self.inputs)
            #expect(filled.map(\.path) == rendered.map(\.path))
            for (one, other) in zip(filled, rendered) {
                #expect(
                    one == other, "\(one.path) differs when the layout is filled in (layout \(layout ?? "built-in"))")
            }
        }
    }

    @Test func theBuiltInLayoutIsFilledInAndOthersOnlyWhenSafe() throws {
        let settings = SiteSettings()
        #expect(PageShell(templates: try TemplateSet.builtin(), settings: settings) != nil)
        for layout in ["{{body}}", "{{> figures}}{{{body}}}", "{{{pageTitle}}}", "\u{E001}"] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "aftermail-shell-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: url) }
            try Data(layout.utf8).write(to: url.appendingPathComponent("layout.mustache"))
            let shell = PageShell(templates: try TemplateSet.load(overridesIn: url), settings: settings)
            #expect(shell == nil, "\(layout) should be rendered by Mustache")
        }
    }
}

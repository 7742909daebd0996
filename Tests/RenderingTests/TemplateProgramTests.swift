import Foundation
import Incidents
import Mustache
import TestSupport
import Testing

@testable import Rendering

/// Aftermail's own rendering of a theme (``TemplateProgram``) gives Mustache's bytes: for whole
/// sites, and for generated templates over the views, white space and standalone lines included.
struct TemplateProgramTests {
    @Test func theBuiltInThemeIsAProgram() throws {
        let templates = try TemplateSet.builtin()
        #expect(templates.program != nil)
        #expect(
            templates.program?.templates.keys.sorted() == ["apology", "figures", "incident", "index", "layout", "tag"])
    }

    /// A site with every page kind, a diagnosed campaign (charts, overlap and timeline tables),
    /// hostile and combining text, and absent values, rendered both ways.
    @Test func theProgramGivesMustachesPages() async throws {
        var log = "timestamp,campaign,variant,recipient,event\n"
        for index in 0..<30 {
            log += "2026-09-10T14:0\(index % 10):00Z,c,\"A \"\"<b>\"\"\u{301}\",r\(index)@x.org,send\n"
            log += "2026-09-10T14:1\(index % 10):30Z,c,B & 'b',r\(index)@x.org,send\n"
            if index % 4 == 0 { log += "2026-09-10T14:2\(index % 10):40Z,c,B & 'b',r\(index)@x.org,complaint\n" }
            if index % 5 == 0 { log += "2026-09-10T14:3\(index % 10):40Z,c,,r\(index)@x.org,unsubscribe\n" }
        }
        let report = try Fixtures.report(fromLog: log)
        #expect(report.campaigns.first?.isDiagnosed == true)
        let hostile = "<i>\"x\"\u{301}</i> & 'y' Ünï 日本"
        let inputs = [
            IncidentInput(
                incident: Fixtures.incident(
                    title: hostile, summary: hostile, severity: hostile, owner: hostile, tags: [hostile, "ok"],
                    apology: Fixtures.apology(subject: hostile, sentAt: nil)),
                metrics: report),
            IncidentInput(
                incident: Fixtures.incident(
                    slug: "two", summary: "", severity: nil, owner: nil, tags: [], status: .draft),
                metrics: Fixtures.report([Fixtures.campaign(name: hostile, variantNames: [hostile, "B", "C"])])),
            IncidentInput(incident: Fixtures.incident(slug: "quiet", summary: nil, tags: ["ok"]), metrics: nil),
        ]
        for settings in [SiteSettings(title: hostile, language: "en\"x"), SiteSettings(baseURL: "https://e.org/pm/")] {
            var templates = try TemplateSet.builtin()
            let program = try await SiteRenderer(settings: settings, templates: templates, fillsLayout: false).render(
                inputs)
            templates.program = nil
            let mustache = try await SiteRenderer(settings: settings, templates: templates, fillsLayout: false).render(
                inputs)
            #expect(program.map(\.path) == mustache.map(\.path))
            for (one, other) in zip(program, mustache) {
                let same = one == other
                #expect(same, "\(one.path) differs between the program and Mustache")
            }
        }
    }

    /// Templates with tags the program leaves to Mustache get no program, and still render.
    @Test(arguments: [
        "{{<figures}}{{/figures}}",
        "{{$block}}default{{/block}}",
        "  {{> figures}}\n",
        "{{=<% %>=}}<% title %>",
        "{{%CONTENT_TYPE:TEXT}}",
        "{{first(tags)}}",
        "{{>*name}}",
        "{{#title}}",
    ])
    func templatesWithOtherTagsAreLeftToMustache(template: String) {
        #expect(TemplateProgram(sources: ["incident.mustache": template]) == nil)
    }

    /// Generated templates of the tags the program takes, text with every kind of white space and
    /// line end between them, over generated views: where Mustache parses a template the program
    /// either declines it or renders Mustache's bytes; where Mustache does not, neither does it.
    @Test func generatedTemplatesRenderAsMustacheRendersThem() throws {
        var random = SplitMix64(seed: 0xA17E_3A11)
        var compared = 0
        var declined = 0
        var refused = 0
        for round in 0..<5000 {
            let main = Self.template(&random, depth: 0, partials: true)
            // A partial that includes itself would recurse in Mustache until the stack ends.
            let partial = Self.template(&random, depth: 1, partials: false)
            var library = MustacheLibrary()
            guard let mainTemplate = try? MustacheTemplate(string: main) else {
                let program = TemplateProgram(sources: ["main.mustache": main, "part.mustache": "x"])
                #expect(program == nil, "round \(round): Mustache refuses \(main.debugDescription), the program not")
                refused += 1
                continue
            }
            guard let partialTemplate = try? MustacheTemplate(string: partial) else { continue }
            library.register(mainTemplate, named: "main")
            library.register(partialTemplate, named: "part")
            guard let program = TemplateProgram(sources: ["main.mustache": main, "part.mustache": partial]) else {
                declined += 1
                continue
            }
            let view = Self.view(&random)
            let expected = library.render(view, withTemplate: "main")
            guard let actual = program.render(view, template: "main") else {
                declined += 1
                continue
            }
            compared += 1
            #expect(
                actual == expected,
                "round \(round): \(main.debugDescription) with part \(partial.debugDescription): \(actual.debugDescription) vs \(String(describing: expected).debugDescription)"
            )
        }
        #expect(
            compared > 1000,
            "only \(compared) templates compared (\(declined) declined, \(refused) refused by Mustache)")
    }

    // MARK: - Generators

    private static let names = [
        "title", "summary", "owner", "severity", "date", "isDraft", "hasTags", "tags", "name", "href", "campaigns",
        "headline", "headline.sends", "variants", "sends", "notesHTML", "skippedRecords", "missing", ".", ".title",
        "tags.name", "text", "tokens", "*title", "root", "apologyHref", "totals", "totals.name", "diagnosis",
        "findings",
    ]

    private static let rawNames = ["notesHTML", "sends", "headline.sends", "isDraft", "missing", "."]

    private static let texts = [
        "", " ", "  ", "\t", "\n", "\r\n", " \n", "x", "a b", "<p>", "{", "}", "{ {", "é", "\"\u{301}", "\r",
        "\u{2028}",
        " x \n", "\n\n", "}}",
    ]

    private static func template(_ random: inout SplitMix64, depth: Int, partials: Bool) -> String {
        var text = ""
        for _ in 0..<random.next(below: 8) {
            text += random.pick(texts)
            let name = random.pick(names)
            let space = random.chance(0.2) ? " " : ""
            switch random.next(below: 10) {
            case 0, 1: text += "{{\(space)\(name)\(space)}}"
            // Raw text of a view shows HTMLText's template, which no theme wants: the program
            // declines it, so raw tags are mostly of HTML and figures.
            case 2: text += "{{{\(random.chance(0.9) ? random.pick(rawNames) : name)}}}"
            case 3: text += "{{&\(space)\(random.chance(0.9) ? random.pick(rawNames) : name)}}"
            case 4 where depth < 3, 5 where depth < 3:
                let open = random.chance(0.7) ? "#" : "^"
                let close = random.chance(0.97) ? name : "other"
                let line = random.chance(0.5) ? "\n" : ""
                text +=
                    "\(random.pick(["", " ", "\t"])){{\(open)\(name)}}\(line)\(template(&random, depth: depth + 1, partials: partials))\(random.pick(["", " "])){{/\(close)}}\(line)"
            case 6: text += "{{! a comment }}" + random.pick(["", "\n", " \n"])
            case 7 where partials && depth > 0: text += "{{> part}}"
            case 7 where partials: text += random.pick(["", "\n"]) + "{{>part}}" + random.pick(["", "\n"])
            // `.` on a view shows the view's description, which the program declines.
            case 8 where depth > 0 || random.chance(0.1): text += "{{.}}"
            default: text += random.pick(texts)
            }
        }
        return text
    }

    private static func view(_ random: inout SplitMix64) -> IncidentView {
        let words = ["Seven copies", "<b>&\"'</b>", "\"\u{301} x", "Ünï", "", "a\r\nb"]
        func maybe(_ random: inout SplitMix64) -> String? { random.chance(0.3) ? nil : random.pick(words) }
        let tags = (0..<random.next(below: 3)).map { index in
            TagLinkView(name: random.pick(words), href: "../../tags/t\(index)/index.html")
        }
        let campaigns = (0..<random.next(below: 2)).map { index in
            CampaignView(Fixtures.campaign(name: random.pick(words)), index: index, failLevel: 0.001)
        }
        return IncidentView(
            root: "../../", title: random.pick(words), date: maybe(&random), isoDay: maybe(&random),
            severity: maybe(&random), owner: maybe(&random), isDraft: random.chance(0.5), summary: maybe(&random),
            hasTags: !tags.isEmpty, tags: tags, apologyHref: maybe(&random), campaigns: campaigns,
            skippedRecords: maybe(&random), metricsHref: maybe(&random), notesHTML: "<p>notes & more</p>")
    }
}

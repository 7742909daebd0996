import Foundation
import Testing

@testable import Incidents

struct SiteSettingsTests {
    @Test func absentFileGivesDefaults() throws {
        let site = TempSite()
        let settings = try SiteSettings.load(siteRoot: site.root)
        #expect(settings == .default, "got \(settings)")
        #expect(settings.title == "Post-mortems" && settings.language == "en" && settings.privateDir == "private")
        #expect(settings.baseURL == nil && settings.markdownUnsafe == false)
        #expect(settings.thresholds.complaintRate == .init(warn: 0.001, fail: 0.003))
        #expect(settings.thresholds.unsubscribeRate == .init(warn: 0.005, fail: 0.01))
        #expect(settings.thresholds.bounceRate == .init(warn: 0.02, fail: 0.05))
        #expect(settings.thresholds.recipientsWithMultipleVariants == 0 && settings.thresholds.sendsAfterOptOut == 0)
    }

    @Test func emptyFileGivesDefaults() throws {
        #expect(try SiteSettings.parse("# nothing yet\n") == .default)
    }

    @Test func overrides() throws {
        let site = TempSite()
        site.write(
            "aftermail.yml",
            """
            title: Mail incidents
            base_url: https://example.com/pm/
            language: de
            private_dir: ./secret/lists/
            markdown: { unsafe: true }
            thresholds:
              complaint_rate: { warn: 0.2%, fail: "0.4%" }
              unsubscribe_rate: { fail: 0.02 }
              bounce_rate: { warn: null }
              recipients_with_multiple_variants: 3
              sends_after_opt_out: 1

            """)
        let settings = try SiteSettings.load(siteRoot: site.root)
        #expect(settings.title == "Mail incidents")
        #expect(settings.baseURL == "https://example.com/pm/")
        #expect(settings.language == "de")
        #expect(settings.privateDir == "secret/lists")
        #expect(settings.markdownUnsafe)
        let t = settings.thresholds
        #expect(abs(t.complaintRate.warn! - 0.002) < 1e-12 && abs(t.complaintRate.fail! - 0.004) < 1e-12, "\(t)")
        #expect(t.unsubscribeRate == .init(warn: 0.005, fail: 0.02), "unspecified level keeps its default: \(t)")
        #expect(t.bounceRate == .init(warn: nil, fail: 0.05), "null turns a level off: \(t)")
        #expect(t.recipientsWithMultipleVariants == 3 && t.sendsAfterOptOut == 1)
    }

    @Test(arguments: [
        ("0.003", 0.003), ("0.3%", 0.003), ("0.3 %", 0.003), ("1%", 0.01), ("0", 0.0), ("100%", 1.0), ("1e-3", 0.001),
    ])
    func rates(text: String, expected: Double) {
        let rate = Thresholds.rate(text)
        #expect(
            rate.map { abs($0 - expected) < 1e-12 } == true, "\(text) -> \(String(describing: rate)), want \(expected)")
    }

    @Test(arguments: ["", "%", "abc", "-0.1", "1.5", "150%", "nan", "inf"])
    func badRates(text: String) {
        #expect(Thresholds.rate(text) == nil, "\(text) must be refused")
    }

    @Test(arguments: [
        (
            "title: x\ntitel: y\n",
            "aftermail.yml:2: error: unknown key 'titel' in aftermail.yml\n  hint: did you mean 'title'?"
        ),
        (
            "thresholds:\n  complaint_rate:\n    warn: 0.1%\n    fial: 0.3%\n",
            "aftermail.yml:4: error: unknown key 'fial' in complaint_rate\n  hint: did you mean 'fail'?"
        ),
        (
            "thresholds:\n  bounce_rate: {warn: 2, fail: 0.05}\n",
            "aftermail.yml:2: error: 'bounce_rate.warn' must be a rate between 0 and 1\n"
                + "  hint: write a fraction (0.003) or a percentage (\"0.3%\"), or null to turn it off"
        ),
        (
            "thresholds:\n  complaint_rate: {warn: 0.5%, fail: 0.3%}\n",
            "aftermail.yml:2: error: 'complaint_rate' warns at 0.005, above where it fails (0.003)"
        ),
        (
            "thresholds:\n  sends_after_opt_out: -1\n",
            "aftermail.yml:2: error: 'sends_after_opt_out' must be a whole number, 0 or more"
        ),
        ("markdown:\n  unsafe: yes please\n", "aftermail.yml:2: error: 'markdown.unsafe' must be true or false"),
        (
            "private_dir: ../elsewhere\n",
            "aftermail.yml:1: error: 'private_dir' must be a relative folder inside the site, outside output/: "
                + "'../elsewhere'\n  hint: lists that name people must never be published; the default is 'private'"
        ),
        ("- a\n- b\n", "aftermail.yml:1: error: aftermail.yml must be a mapping of keys, not a list"),
        (
            "base: &b x\nother: *b\n",
            "aftermail.yml:1: error: YAML aliases are not allowed in aftermail.yml\n"
                + "  hint: write the value out instead of using '&anchor' and '*alias'"
        ),
    ])
    func problems(yaml: String, expected: String) {
        let site = TempSite()
        site.write("aftermail.yml", yaml)
        do {
            let settings = try SiteSettings.load(siteRoot: site.root)
            Issue.record("expected an error, got \(settings)")
        } catch {
            #expect(error.description == expected, "got:\n\(error.description)\nwant:\n\(expected)")
        }
    }

    @Test(arguments: ["/abs", "~/x", "a/../../b", "output", "output/private", ".", "./"])
    func privateDirMustStayInsideAndUnpublished(dir: String) {
        #expect(SiteSettings.normalizedPrivateDir(dir) == nil, "\(dir) must be refused")
    }

    @Test func everyProblemIsReportedTogether() {
        let site = TempSite()
        site.write("aftermail.yml", "titel: x\nlanguage: [en]\nthresholds:\n  bounce_rate: {warn: lots}\n")
        #expect(throws: ContentErrors.self) { try SiteSettings.load(siteRoot: site.root) }
        do {
            _ = try SiteSettings.load(siteRoot: site.root)
        } catch {
            #expect(error.errors.map(\.line) == [1, 2, 4], "\(error)")
        }
    }
}

import Foundation
import SiteBuilder
import Testing

/// `providers:` in aftermail.yml reaches the readers.
struct ProviderSettingsTests {
    static let sendGrid = """
        [{"email":"ann@example.org","timestamp":1772442000,"event":"processed","sg_event_id":"a1","test_arm":"B","campaign":"spring"},
         {"email":"bob@example.org","timestamp":1772442001,"event":"processed","sg_event_id":"a2","category":["arm:C"],"campaign":"spring"}]

        """

    func site(settings: String) -> TestSite {
        let site = TestSite()
        site.write("content/incidents/spring/index.md", "---\ntitle: Spring\ndate: 2026-03-02\n---\nNotes.\n")
        site.write("content/incidents/spring/logs/sendgrid.json", Self.sendGrid)
        site.write("aftermail.yml", settings)
        return site
    }

    func variants(_ site: TestSite) async throws -> String {
        _ = try await SiteBuild(options: BuildOptions(siteRoot: site.root)).run()
        let data = try Data(contentsOf: site.root.appendingPathComponent("output/incidents/spring/metrics.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let campaign = try #require((json["campaigns"] as? [[String: Any]])?.first)
        let variants = try #require(campaign["variants"] as? [[String: Any]])
        return variants.compactMap { $0["variant"] as? String }.joined(separator: ",")
    }

    @Test func defaultsLookForTheVariantKey() async throws {
        #expect(try await variants(site(settings: "title: T\n")) == "unassigned")
    }

    @Test func settingsChooseTheCustomArgAndCategoryPrefix() async throws {
        let configured = site(
            settings: "providers:\n  sendgrid:\n    variant_keys: [test_arm]\n    variant_prefix: \"arm:\"\n")
        #expect(try await variants(configured) == "B,C")
    }

    @Test func unknownProvidersAndKeysAreErrors() async {
        let typo = site(settings: "providers:\n  sendgrid:\n    varient_keys: [x]\n  sparkpost: {}\n")
        await #expect {
            try await SiteBuild(options: BuildOptions(siteRoot: typo.root)).run()
        } throws: { error in
            let text = "\(error)"
            return text.contains("aftermail.yml:3: error: unknown key 'varient_keys' in providers.sendgrid")
                && text.contains("aftermail.yml:4: error: unknown key 'sparkpost' in providers")
        }
    }
}

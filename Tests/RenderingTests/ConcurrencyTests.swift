import Rendering
import Testing

/// A site large enough to be rendered in chunks on several cores gives the pages and the
/// problems that rendering one incident at a time gives, in the same order.
struct ConcurrencyTests {
    static let inputs = (0..<150).map { number in
        IncidentInput(
            incident: Fixtures.incident(
                slug: "incident-\(1000 + number)", title: "Incident \(number)",
                body: "## Part \(number)\n\nText with *emphasis* \(number).\n"),
            metrics: number % 7 == 0 ? Fixtures.report([Fixtures.campaign()]) : nil)
    }

    @Test func pagesAreThoseOfOneIncidentAtATime() async throws {
        let site = try await Fixtures.render(Self.inputs)
        let again = try await Fixtures.render(Self.inputs)
        #expect(again == site, "two renderings differ")
        for input in Self.inputs {
            let alone = try await Fixtures.render([input])
            for (path, text) in alone where path.hasPrefix("incidents/") {
                #expect(site[path] == text, "\(path) differs when rendered with the others")
            }
        }
        let expected = 150 + 150 / 7 + 1 + 3
        #expect(site.count == expected, "every incident page, metrics file, the home, tag and css")
    }

    @Test func problemsComeInTheIncidentsOrder() async {
        let deep = String(repeating: ">", count: 100) + " deep\n"
        var inputs = Self.inputs
        for index in stride(from: 3, to: inputs.count, by: 10) {
            inputs[index] = IncidentInput(
                incident: Fixtures.incident(slug: "incident-\(1000 + index)", body: deep), metrics: nil)
        }
        await #expect {
            try await Fixtures.render(inputs)
        } throws: { error in
            let paths = "\(error)".split(separator: "\n").map { $0.prefix { $0 != ":" } }
            let expected = stride(from: 3, to: inputs.count, by: 10).map {
                "content/incidents/incident-\(1000 + $0)/index.md"
            }
            return paths == expected.map { Substring($0) }
        }
    }
}

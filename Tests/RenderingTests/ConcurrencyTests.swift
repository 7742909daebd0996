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

    @Test func pagesAreThoseOfOneIncidentAtATime() throws {
        let site = try Fixtures.render(Self.inputs)
        #expect(try Fixtures.render(Self.inputs) == site, "two renderings differ")
        for input in Self.inputs {
            let alone = try Fixtures.render([input])
            for (path, text) in alone where path.hasPrefix("incidents/") {
                #expect(site[path] == text, "\(path) differs when rendered with the others")
            }
        }
        #expect(site.count == 150 + 150 / 7 + 1 + 3, "every incident page, metrics file, the home, tag and css")
    }

    @Test func problemsComeInTheIncidentsOrder() {
        let deep = String(repeating: ">", count: 100) + " deep\n"
        var inputs = Self.inputs
        for index in stride(from: 3, to: inputs.count, by: 10) {
            inputs[index] = IncidentInput(
                incident: Fixtures.incident(slug: "incident-\(1000 + index)", body: deep), metrics: nil)
        }
        #expect {
            try Fixtures.render(inputs)
        } throws: { error in
            let paths = "\(error)".split(separator: "\n").map { $0.prefix { $0 != ":" } }
            let expected = stride(from: 3, to: inputs.count, by: 10).map {
                "content/incidents/incident-\(1000 + $0)/index.md"
            }
            return paths == expected.map { Substring($0) }
        }
    }
}

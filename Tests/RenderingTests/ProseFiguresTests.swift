import Rendering
import Testing

struct ProseFiguresTests {
    let prose = ProseFigures(campaign: Fixtures.campaign())

    @Test(arguments: [
        ("{{ figures.sends }} emails", "3,000 emails"),
        ("{{figures.recipients_with_multiple_variants}} of {{ figures.recipients }}", "1,000 of 1,000"),
        ("B drew {{ figures.variants.B.complaint_rate }}", "B drew 0\\.303%"),
        ("first complaint {{ figures.first_complaint }}", "first complaint 2026\\-09\\-10 14:03 UTC"),
        ("{{ figures.totals.bounce_rate }}", "1%"),
        ("code {{ not.a.figure }} and {{ open", "code {{ not.a.figure }} and {{ open"),
        ("{ {x} {", "{ {x} {"),
        ("no braces at all", "no braces at all"),
        ("ends with {{", "ends with {{"),
        ("x{{{ figures.sends }}", "x{{{ figures.sends }}"),
    ])
    func fillsNamedFigures(text: String, expected: String) throws {
        #expect(try prose.fill(text, path: "n.md", firstLine: 1) == expected)
    }

    @Test func anUnknownNameIsAnErrorWithItsLine() {
        #expect {
            try prose.fill("one\ntwo {{ figures.complaint_rat }}\n", path: "content/incidents/x/index.md", firstLine: 7)
        } throws: { error in
            "\(error)" == "content/incidents/x/index.md:8: error: unknown figure 'figures.complaint_rat'"
        }
    }

    @Test func figuresWithoutLogsAreAnError() {
        #expect {
            try ProseFigures(campaign: nil).fill("{{ figures.sends }}", path: "x.md", firstLine: 3)
        } throws: { error in
            "\(error)" == "x.md:3: error: 'figures.sends' is used, but this incident has no logs to take figures from"
        }
    }

    @Test func aHostileCampaignIdIsLiteralText() throws {
        let hostile = ProseFigures(campaign: Fixtures.campaign(name: "<b>*x*</b>"))
        #expect(try hostile.fill("{{ figures.campaign }}", path: "x.md", firstLine: 1) == "\\<b\\>\\*x\\*\\</b\\>")
    }
}

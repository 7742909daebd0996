import Testing

@testable import Incidents

struct LogGlobTests {
    static let files = [
        "apology.md", "index.md", "logs/.DS_Store", "logs/a.csv", "logs/b.jsonl", "logs/day1/c.csv",
        "logs/day1/deep/d.csv", "plan.csv",
    ]

    @Test(
        arguments: [
            ("logs/*", ["logs/a.csv", "logs/b.jsonl"]),
            ("logs/*.csv", ["logs/a.csv"]),
            ("logs/?.csv", ["logs/a.csv"]),
            ("logs/**", ["logs/a.csv", "logs/b.jsonl", "logs/day1/c.csv", "logs/day1/deep/d.csv"]),
            ("logs/**/*.csv", ["logs/a.csv", "logs/day1/c.csv", "logs/day1/deep/d.csv"]),
            ("**/*.csv", ["logs/a.csv", "logs/day1/c.csv", "logs/day1/deep/d.csv", "plan.csv"]),
            ("./logs/day1/*", ["logs/day1/c.csv"]),
            ("logs/.*", ["logs/.DS_Store"]),
            ("logs", []),
            ("other/*", []),
        ] as [(String, [String])])
    func matches(pattern: String, expected: [String]) {
        let got = LogGlob.matches(pattern, in: Self.files)
        #expect(got == expected, "\(pattern): got \(got)")
    }

    @Test(arguments: ["/etc/*", "~/logs/*", "../../etc/*", "logs/../../x", "..", "logs\\*", ""])
    func unsafePatternsAreRefused(pattern: String) {
        #expect(LogGlob.problem(with: pattern) != nil, "\(pattern) must be refused")
    }

    @Test(arguments: ["logs/*", "logs/**/*.csv", "logs/a..b.csv", "./logs/*"])
    func safePatternsPass(pattern: String) {
        #expect(LogGlob.problem(with: pattern) == nil, "\(pattern) must pass")
    }

    @Test func manyDoubleStarsStayFast() {
        let pattern = Array(repeating: "**", count: 40).joined(separator: "/") + "/x"
        let path = Array(repeating: "a", count: 40).joined(separator: "/") + "/y"
        #expect(LogGlob.matches(pattern, in: [path]).isEmpty)
    }
}

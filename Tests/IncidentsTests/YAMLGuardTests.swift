import Testing

@testable import Incidents

struct YAMLGuardTests {
    @Test(arguments: [
        "a: &x 1\n", "a: *x\n", "- &x a\n- *x\n", "[&x a, *x]\n", "{a: *x}\n", "&x a: b\n", "a: !!str &x b\n",
        "a:\n  - b\n  - *x\n",
    ])
    func anchorsAndAliasesAreRefused(yaml: String) {
        let problem = YAMLGuard.check(yaml, what: "front matter")
        #expect(
            problem?.message == "YAML aliases are not allowed in front matter",
            "\(yaml.debugDescription): \(String(describing: problem))")
    }

    @Test(arguments: [
        "title: Q&A about *bold* claims\n", "title: 'it''s & *'\n", "title: \"a \\\" *b\"\n", "a: x # *comment\n",
        "summary: |\n  *starts with a star*\n  &amp;\nnext: 1\n", "tags: [a&b, c*d]\n", "a: 3 * 4\n",
        "title: \"multi\n  *line* quoted\"\n",
    ])
    func starsAndAmpersandsInTextAreFine(yaml: String) throws {
        #expect(YAMLGuard.check(yaml, what: "front matter") == nil, "\(yaml.debugDescription) must pass")
        #expect(throws: Never.self, "Yams must compose \(yaml.debugDescription)") {
            try YAMLNode.compose(yaml, what: "front matter")
        }
    }

    @Test(arguments: [
        String(repeating: "[", count: 33) + String(repeating: "]", count: 33),
        String(repeating: "- ", count: 33) + "x",
        (0..<33).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " x",
    ])
    func deepNestingIsRefused(yaml: String) {
        let problem = YAMLGuard.check(yaml, what: "front matter")
        #expect(
            problem?.message == "YAML nesting deeper than 32 levels is not allowed", "\(String(describing: problem))")
    }

    @Test func nestingOf32IsAccepted() throws {
        let yaml = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        #expect(YAMLGuard.check(yaml, what: "x") == nil)
        #expect(try YAMLNode.compose(yaml, what: "x") != nil)
    }

    @Test func composedTreeIsCheckedToo() {
        // A sequence at its key's indentation is one level the lexical estimate does not see.
        let lines = ["k0:"] + (1...16).map { String(repeating: " ", count: ($0 - 1) * 2) + "- k\($0):" }
        let yaml = lines.joined(separator: "\n") + " x\n"
        #expect(YAMLGuard.check(yaml, what: "x") == nil, "estimated at 32, really 33 deep")
        #expect(throws: YAMLProblem.self) { try YAMLNode.compose(yaml, what: "x") }
        let shallower = (["k0:"] + lines.dropFirst(2)).joined(separator: "\n") + " x\n"
        #expect(throws: Never.self) { try YAMLNode.compose(shallower, what: "x") }
    }

    @Test func compactNestingOverManyLinesIsCounted() {
        // Each line opens four levels under the previous one: 9 lines are 36 deep.
        let yaml =
            (0..<9).map { String(repeating: " ", count: $0 * 8) + "- - - k\($0):" }.joined(separator: "\n") + " x\n"
        #expect(YAMLGuard.check(yaml, what: "x")?.message == "YAML nesting deeper than 32 levels is not allowed")
    }

    @Test func sizeLimit() {
        let big = String(repeating: "a", count: YAMLGuard.maxBytes + 1)
        #expect(
            YAMLGuard.check(big, what: "front matter")?.message.hasPrefix("front matter is larger than 64 KiB") == true)
    }
}

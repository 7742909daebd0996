import FuzzSupport

@testable import Incidents

/// A note's front matter and an apology's, as `SiteContent.load` reads them (split, guard,
/// compose with Yams, typed decoding), and the same bytes as `aftermail.yml`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    if let parsed = try? FrontMatter.parse(text, path: "fuzz.md") {
        var diagnostics = Diagnostics(path: "fuzz.md", lineOffset: FrontMatter.yamlLineOffset)
        var logLines: [Int] = []
        if let front = IncidentFrontMatter.read(parsed.root, into: &diagnostics, logLines: &logLines) {
            for pattern in front.logs ?? [] where LogGlob.problem(with: pattern) == nil {
                let matched = LogGlob.matches(pattern, in: ["logs/a.csv", "logs/.hidden", "x/y/z.json", "index.md"])
                precondition(matched.allSatisfy { !$0.contains("..") })
            }
        }
    }
    _ = try? SiteSettings.parse(text)
    return 0
}

import Foundation
import Testing

@testable import Incidents

/// `TextFile.read(file:path:)` (plain system calls) must give what the checked read gives.
struct TextFileTests {
    static let contents: [[UInt8]] = [
        [], Array("---\ntitle: x\n---\nBody\n".utf8), [0xEF, 0xBB, 0xBF, 0x61],
        [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x61],
        [0x61, 0x00, 0x62], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], Array("é😀\r\n".utf8),
        Array(repeating: 0x61, count: 200_000),
    ]

    static func both(_ site: TempSite, _ path: String) -> (quick: String, checked: String) {
        func run(_ read: () throws(ContentErrors) -> String) -> String {
            do { return "text: " + (try read()).debugDescription } catch { return "error: \(error)" }
        }
        let url = site.url(path)
        return (
            run { () throws(ContentErrors) in try TextFile.read(file: url.path, path: path) },
            run { () throws(ContentErrors) in try TextFile.read(url, path: path) }
        )
    }

    @Test(arguments: contents)
    func sameTextAsTheCheckedRead(bytes: [UInt8]) throws {
        let site = TempSite()
        site.mkdir("content")
        try Data(bytes).write(to: site.url("content/x.md"))
        let (quick, checked) = Self.both(site, "content/x.md")
        #expect(quick == checked)
    }

    @Test func sameProblemsAsTheCheckedRead() {
        let site = TempSite()
        site.write("content/a.md", "text")
        site.symlink("content/link.md", to: site.url("content/a.md").path)
        site.mkdir("content/folder.md")
        mkfifo(site.url("content/fifo.md").path, 0o600)
        for path in ["content/link.md", "content/folder.md", "content/fifo.md", "content/missing.md"] {
            let (quick, checked) = Self.both(site, path)
            #expect(quick.hasPrefix("error: \(path): error: "), "\(quick)")
            #expect(quick == checked)
        }
    }
}

import Foundation
import Testing

@testable import Incidents

struct FileTreeTests {
    @Test func everyKindOfEntryIsSortedIntoItsList() throws {
        let site = TempSite()
        site.write("t/b.md", "")
        site.write("t/a/index.md", "")
        site.write("t/a/logs/.hidden", "")
        site.write("t/a/logs/x.csv", "")
        site.write("t/é.md", "")
        site.mkdir("t/empty")
        site.symlink("t/link.md", to: site.url("t/b.md").path)
        site.symlink("t/a/logs/folder-link", to: site.url("t/empty").path)
        mkfifo(site.url("t/a/fifo").path, 0o600)
        let tree = try FileTree.walk(site.url("t"), path: "t")
        #expect(tree.files == ["a/index.md", "a/logs/.hidden", "a/logs/x.csv", "b.md", "é.md"])
        #expect(tree.directories == ["a", "a/logs", "empty"])
        #expect(tree.symlinks == ["a/logs/folder-link", "link.md"])
        #expect(tree.others == ["a/fifo"])
    }

    @Test func aFolderThatCannotBeListedIsNamed() {
        #expect {
            try FileTree.walk(URL(fileURLWithPath: "/nonexistent-\(UUID())"), path: "content/incidents")
        } throws: { error in
            "\(error)".hasPrefix("content/incidents: error: cannot list folder: ")
        }
    }
}

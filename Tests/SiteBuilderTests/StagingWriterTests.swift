import Foundation
import Rendering
import Testing

@testable import SiteBuilder

/// Pages land exactly where their paths say, inside the staging folder, and nowhere else.
struct StagingWriterTests {
    /// A fresh empty folder, removed afterwards by the caller.
    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-staging-\(UUID())")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `url`, relative, with its text.
    static func files(under url: URL) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: url.path)!
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path + "/" + path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                result[path] = try! String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
            }
        }
        return result
    }

    @Test(arguments: [
        "", "/etc/passwd", "..", "../x", "a/../../x", "a/..", "./a", "a/.", "a//b", "a/", "/", "a\u{0}b", "\u{0}",
    ])
    func pathsThatCouldLeaveAreRefused(path: String) {
        #expect(!StagingWriter.isSafe(path), "\(path.debugDescription)")
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try StagingWriter(folder: folder).write([
                RenderedPage(path: "index.html", text: "ok"), RenderedPage(path: path, text: "bad"),
            ])
        } throws: { error in
            "\(error)" == "error: refusing to write '\(path)': it would leave the output folder"
        }
    }

    @Test(arguments: ["index.html", "a/b/c.html", ".hidden", "a/..b", "...", "a/.../b", "é/ü.html"])
    func ordinaryPathsAreAccepted(path: String) {
        #expect(StagingWriter.isSafe(path), "\(path.debugDescription)")
    }

    @Test func manyPagesLandWhereTheirPathsSay() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages = [RenderedPage(path: "index.html", text: "home"), RenderedPage(path: "style.css", text: "")]
        for n in 0..<500 {
            pages.append(
                RenderedPage(path: "incidents/i-\(n / 3)/\(n % 3 == 2 ? "apology/" : "")p\(n).html", text: "\(n)"))
        }
        try StagingWriter(folder: folder).write(pages)
        let expected = Dictionary(
            uniqueKeysWithValues: pages.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(Self.files(under: folder) == expected)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path + "/incidents/i-7")[.posixPermissions]
        let reference = Self.folder()
        defer { try? FileManager.default.removeItem(at: reference) }
        try FileManager.default.createDirectory(
            atPath: reference.path + "/x", withIntermediateDirectories: true)
        #expect(
            mode as? Int == (try FileManager.default.attributesOfItem(atPath: reference.path + "/x")[.posixPermissions])
                as? Int)
    }

    @Test func aRefusedPathStopsTheWriteAfterThePagesBeforeIt() {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = (0..<100).map { RenderedPage(path: $0 == 70 ? "../escape.html" : "p/\($0).html", text: "x") }
        #expect(throws: OutputError.self) { try StagingWriter(folder: folder).write(pages) }
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().path + "/escape.html"))
        #expect(Self.files(under: folder).count == 70)
    }

    @Test func theLastOfTwoPagesWithOnePathWins() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages = (0..<100).map { RenderedPage(path: "p/\($0).html", text: "first") }
        pages.append(RenderedPage(path: "p/5.html", text: "second"))
        try StagingWriter(folder: folder).write(pages)
        #expect(Self.files(under: folder)["p/5.html"] == "second")
    }

    @Test func aFileWhereAFolderIsNeededFails() {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = [RenderedPage(path: "a", text: "file"), RenderedPage(path: "a/b.html", text: "page")]
        #expect {
            try StagingWriter(folder: folder).write(pages)
        } throws: { error in
            "\(error)".hasPrefix("error: cannot write \(folder.path): ")
        }
    }
}

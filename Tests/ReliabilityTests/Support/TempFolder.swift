import Foundation

/// A temporary folder for one test, removed when the value goes away.
final class TempFolder: @unchecked Sendable {
    // MARK: - Internal

    let url: URL
    var path: String { url.path }

    init(_ label: String = "reliability") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aftermail-\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // A test may have made parts read-only; make them writable again so they can go.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` at the relative `name` (creating folders) and returns the full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file.path
    }

    /// Writes `text` as UTF-8 at the relative `name` and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    /// The relative paths of every regular file below `folder` (default: this folder), sorted.
    func files(under folder: URL? = nil) -> [String] {
        let root = (folder ?? url).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        let prefix = root.path + "/"
        return walker.compactMap { item -> String? in
            guard let file = item as? URL,
                (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            else { return nil }
            return String(file.standardizedFileURL.path.dropFirst(prefix.count))
        }.sorted()
    }
}

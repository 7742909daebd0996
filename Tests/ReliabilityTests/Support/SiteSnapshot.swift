import Foundation

/// The files of a folder and a hash of each, to compare whole sites.
struct SiteSnapshot: Equatable, CustomStringConvertible {
    // MARK: - Internal

    /// Relative path → FNV-1a 64 hash of the content.
    var files: [String: UInt64]

    /// The snapshot of `folder` (empty when it does not exist).
    init(_ folder: URL) {
        files = [:]
        let root = folder.standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return
        }
        for case let file as URL in walker {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                let data = try? Data(contentsOf: file)
            else { continue }
            files[String(file.standardizedFileURL.path.dropFirst(root.path.count + 1))] = Self.hash(data)
        }
    }

    var description: String { "\(files.count) files" }

    /// How `self` differs from `other`, briefly.
    func difference(from other: SiteSnapshot) -> String {
        let missing = Set(other.files.keys).subtracting(files.keys).sorted()
        let extra = Set(files.keys).subtracting(other.files.keys).sorted()
        let changed = files.keys.filter { other.files[$0] != nil && other.files[$0] != files[$0] }.sorted()
        return "missing \(missing.prefix(3)) (\(missing.count)), extra \(extra.prefix(3)) (\(extra.count)), "
            + "changed \(changed.prefix(3)) (\(changed.count))"
    }

    // MARK: - Private

    private static func hash(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}

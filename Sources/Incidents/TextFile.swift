import Foundation

// MARK: - Internal

/// Reads the text files of a site: UTF-8, at most `maxBytes`, never through a symbolic link.
enum TextFile {
    /// Largest note or settings file read, in bytes (16 MiB): memory stays bounded whatever the input.
    static let maxBytes: Int64 = 16 * 1024 * 1024

    /// The text of `url`; problems are reported at `path` (site-relative).
    static func read(_ url: URL, path: String) throws(ContentErrors) -> String {
        switch FileKind.of(url) {
        case .regularFile(let size) where size > maxBytes:
            throw ContentErrors(ContentError(path: path, message: "is larger than 16 MiB (\(size) bytes)"))
        case .regularFile:
            break
        case .symlink:
            throw ContentErrors(ContentError(path: path, message: "is a symbolic link; links are never followed"))
        case .missing:
            throw ContentErrors(ContentError(path: path, message: "does not exist"))
        case .unreadable(let reason):
            throw ContentErrors(ContentError(path: path, message: "cannot be read: \(reason)"))
        case .directory, .other:
            throw ContentErrors(ContentError(path: path, message: "is not a regular file"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ContentErrors(ContentError(path: path, message: "cannot be read: \(error.localizedDescription)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ContentErrors(
                ContentError(path: path, message: "is not valid UTF-8 text", hint: "save the file as UTF-8"))
        }
        return text
    }
}

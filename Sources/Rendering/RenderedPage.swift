/// One file of the site, ready to write: its path below `output/` and its bytes.
public struct RenderedPage: Sendable, Equatable {
    /// The path relative to the output folder, with `/` separators (`incidents/x/index.html`).
    public var path: String
    /// The file's content.
    public var bytes: [UInt8]

    /// Makes a page.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Makes a page from text, stored as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

// MARK: - Internal

extension FrontMatter {
    /// Splits `text` and composes its YAML (nil when there is none, or it is empty).
    /// Problems are thrown at lines of the file `path`.
    static func parse(_ text: String, path: String) throws(ContentErrors) -> (parts: FrontMatter, root: YAMLNode?) {
        let parts: FrontMatter
        do {
            parts = try split(text)
        } catch {
            throw ContentErrors(ContentError(path: path, line: error.line, message: error.message, hint: error.hint))
        }
        guard let yaml = parts.yaml else { return (parts, nil) }
        do {
            return (parts, try YAMLNode.compose(yaml, what: "front matter"))
        } catch {
            throw ContentErrors(
                ContentError(path: path, line: error.line + yamlLineOffset, message: error.message, hint: error.hint))
        }
    }
}

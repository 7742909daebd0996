import Foundation
import Mustache

/// The templates a build renders with: the built-in theme, with any file of the same name in the
/// site's `templates/` folder in its place.
public struct TemplateSet: Sendable {
    // MARK: - Public API

    /// The names of the template files the built-in theme has.
    public static var builtinNames: [String] { BuiltinTemplates.files.keys.sorted() }

    /// The text of a built-in template file, by name.
    public static func builtin(_ name: String) -> String? { BuiltinTemplates.files[name] }

    /// The built-in theme only.
    public static func builtin() throws(RenderErrors) -> TemplateSet {
        try TemplateSet(files: BuiltinTemplates.files, origins: [:])
    }

    /// The built-in theme with the overrides found in `folder` (missing folder: none).
    ///
    /// - Parameters:
    ///   - folder: the site's `templates/` folder.
    ///   - displayPrefix: how to name files of that folder in errors (`templates/`).
    /// - Throws: ``RenderErrors`` naming the file and line of a template that does not parse, or
    ///   a file whose name the theme does not have (a typo would otherwise be silently ignored).
    public static func load(overridesIn folder: URL, displayPrefix: String = "templates/") throws(RenderErrors)
        -> TemplateSet
    {
        var files = BuiltinTemplates.files
        var origins: [String: String] = [:]
        var problems: [RenderError] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Dotfiles and notes (`README.md`) are not templates.
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasSuffix(".md") {
            let shown = displayPrefix + name
            guard files[name] != nil else {
                problems.append(
                    RenderError(
                        path: shown, line: nil,
                        message:
                            "no built-in template has this name (expected one of \(builtinNames.joined(separator: ", ")))"
                    ))
                continue
            }
            let url = folder.appendingPathComponent(name)
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
            guard !isLink, let data = FileManager.default.contents(atPath: url.path) else {
                problems.append(
                    RenderError(
                        path: shown, line: nil, message: isLink ? "is a symbolic link (not followed)" : "cannot be read"
                    ))
                continue
            }
            files[name] = String(decoding: data, as: UTF8.self)
            origins[name] = shown
        }
        if !problems.isEmpty { throw RenderErrors(errors: problems) }
        return try TemplateSet(files: files, origins: origins)
    }

    // MARK: - Internal

    /// The compiled Mustache templates, registered by name without extension.
    let library: MustacheLibrary
    /// Static files (the stylesheet), by name.
    let assets: [String: String]
    /// The text of every template, by file name (`layout.mustache`).
    let sources: [String: String]

    /// Whether text reaches the pages escaped by Aftermail (``HTMLText``): true unless a
    /// template asks for text raw, transformed or in another content type, which only Mustache's
    /// own escaping honours (the same bytes, escaped a `Character` at a time).
    var escapesText: Bool

    /// The templates as Aftermail's own program (``TemplateProgram``), when text is Aftermail's
    /// to escape and every template uses only tags the program takes; `nil` renders with Mustache.
    var program: TemplateProgram?

    /// Renders `view` with the template `name` (without `.mustache`): by the program when it can,
    /// else by Mustache, with the same result.
    func render(_ view: any MustacheView, template name: String) throws(RenderError) -> String {
        if escapesText, let program, let text = program.render(view, template: name) { return text }
        let shown: Any = escapesText ? view : PlainTextView(base: view)
        guard let text = library.render(shown, withTemplate: name) else {
            throw RenderError(path: "\(name).mustache", line: nil, message: "template not found")
        }
        return text
    }

    // MARK: - Private

    private init(files: [String: String], origins: [String: String]) throws(RenderErrors) {
        var library = MustacheLibrary()
        var assets: [String: String] = [:]
        var problems: [RenderError] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else {
                assets[name] = text
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                problems.append(
                    RenderError(
                        path: origins[name] ?? "built-in \(name)", line: error.context.lineNumber,
                        message: "template does not parse: \(error.error)"))
            } catch {
                problems.append(RenderError(path: origins[name] ?? "built-in \(name)", line: nil, message: "\(error)"))
            }
        }
        if !problems.isEmpty { throw RenderErrors(errors: problems) }
        self.library = library
        self.assets = assets
        sources = files.filter { $0.key.hasSuffix(".mustache") }
        escapesText = files.allSatisfy { name, text in
            !name.hasSuffix(".mustache") || TemplateTags.leaveTextToAftermail(text)
        }
        program = escapesText ? TemplateProgram(sources: sources) : nil
    }
}

/// A theme's templates parsed by Aftermail into a small program that renders Aftermail's views
/// directly: the same output as swift-mustache, without its cost per name (issue 7: splitting the
/// name, dynamic casts and copying the context on every lookup were a quarter of a 10,000-note
/// build).
///
/// Like ``FlatYAML`` beside Yams, it is a fast path with the engine behind it: it takes the tags
/// the built-in theme uses — text, `{{name}}`, `{{{name}}}`, `{{&name}}`, dotted names, `{{.}}`,
/// sections, inverted sections, comments and partials that are not indented — and parses them as
/// swift-mustache's parser does (a port of it, white space and standalone lines included). A
/// theme with any other tag (delimiter changes, pragmas, transforms, parents and blocks, dynamic
/// or indented partials) gets no program, and a page whose values the program does not model
/// (``TemplateProgram/render(_:template:)`` answers `nil`) is rendered by Mustache. Both are
/// compared on generated templates and views in `TemplateProgramTests`.
struct TemplateProgram: Sendable {
    // MARK: - Internal

    /// The program of `sources` (file name → text), or `nil` when a template uses a tag the
    /// program does not take or does not parse.
    init?(sources: [String: String]) {
        var templates: [String: [Token]] = [:]
        for (file, text) in sources where file.hasSuffix(".mustache") {
            var parser = Parser(text)
            guard let tokens = parser.parse(section: nil, newLine: true) else { return nil }
            templates[String(file.dropLast(".mustache".count))] = tokens
        }
        self.templates = templates
    }

    /// A piece of a template.
    indirect enum Token: Sendable {
        /// Text shown as it is.
        case text(String)
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
        case variable(Name, escaped: Bool)
        /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
        case section(Name, [Token], inverted: Bool)
        /// `{{> name}}`, not indented.
        case partial(String)
    }

    /// A name as a tag gives it.
    struct Name: Sendable {
        /// The tag's text (`headline.sends`, `.`).
        let text: String
        /// The parts between dots, empty ones dropped, as swift-mustache splits them.
        let parts: [String]
        /// `.`: the object on top of the stack.
        let isDot: Bool
        /// A name that starts with a dot is looked up on the top of the stack only.
        let isAnchored: Bool

        /// Whether the last part is a text name that Aftermail escapes (``HTMLText/names``).
        let isSlot: Bool

        init(_ text: String) {
            self.text = text
            parts = text.split(separator: ".").map(String.init)
            isSlot = parts.last.map(HTMLText.names.contains) ?? false
            isDot = text == "."
            isAnchored = text.first == "."
        }
    }

    /// Every template's tokens, by name without `.mustache`.
    let templates: [String: [Token]]

    // MARK: - Private

    /// swift-mustache's parser (`MustacheTemplate.parse`), ported for the tags the program takes:
    /// it reads `Character`s as the original does, and answers `nil` wherever the original
    /// throws or meets a tag the program leaves to Mustache.
    private struct Parser {
        let characters: [Character]
        var position = 0

        init(_ text: String) { characters = Array(text) }

        var atEnd: Bool { position == characters.count }
        /// The current character, or NUL at the end (as the original).
        var current: Character { atEnd ? "\0" : characters[position] }

        /// The tokens up to the end of the text (`section` nil) or of the section `section`.
        mutating func parse(section: String?, newLine: Bool) -> [Token]? {
            var tokens: [Token] = []
            var newLine = newLine
            var whiteSpaceBefore = ""
            while !atEnd {
                if newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
                guard let text = readUntilTagOrNewline() else { return nil }
                if current.isNewline {
                    tokens.append(.text(whiteSpaceBefore + text + String(current)))
                    newLine = true
                    position += 1
                    continue
                }
                if !text.isEmpty {
                    tokens.append(.text(whiteSpaceBefore + text))
                    whiteSpaceBefore = ""
                    newLine = false
                }
                if atEnd { break }
                var setNewLine = false
                switch current {
                case "#", "^":
                    let inverted = current == "^"
                    position += 1
                    guard let name = parseName() else { return nil }
                    if isStandalone(newLine) {
                        setNewLine = true
                    } else if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = ""
                    }
                    guard let inner = parse(section: name, newLine: setNewLine) else { return nil }
                    tokens.append(.section(Name(name), inner, inverted: inverted))
                case "/":
                    position += 1
                    guard let name = parseName(), name == section else { return nil }
                    if !isStandalone(newLine), !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                    }
                    return tokens
                case "!":
                    position += 1
                    guard skipComment() else { return nil }
                    setNewLine = isStandalone(newLine)
                case "{", "&":
                    let braced = current == "{"
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = ""
                    }
                    position += 1
                    guard let name = parseName() else { return nil }
                    if braced {
                        guard !atEnd, current == "}" else { return nil }
                        position += 1
                    }
                    tokens.append(.variable(Name(name), escaped: false))
                case ">":
                    position += 1
                    _ = read(while: \.isWhitespace)
                    guard current != "*", let name = parsePartialName() else { return nil }
                    if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                    // An indented standalone partial indents every line it renders: not taken.
                    if isStandalone(newLine) {
                        guard whiteSpaceBefore.isEmpty else { return nil }
                        setNewLine = true
                    }
                    tokens.append(.partial(name))
                    whiteSpaceBefore = ""
                case "<", "$", "=", "%":
                    return nil
                default:
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                        whiteSpaceBefore = ""
                    }
                    guard let name = parseName() else { return nil }
                    tokens.append(.variable(Name(name), escaped: true))
                }
                newLine = setNewLine
            }
            return section == nil ? tokens : nil
        }

        /// Text up to a newline or past `{{`; `nil` where the original throws (a `{` too near
        /// the end to hold a delimiter).
        private mutating func readUntilTagOrNewline() -> String? {
            var text = ""
            while !atEnd {
                text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
                if current.isNewline { break }
                if current == "{" {
                    guard characters.count - position >= 2 else { return nil }
                    if characters[position + 1] == "{" {
                        position += 2
                        break
                    }
                    text += "{"
                    position += 1
                }
            }
            return text
        }

        /// A tag's name up to `}}`; `nil` for a malformed tag or a transform (`f(name)`).
        private mutating func parseName() -> String? {
            _ = read(while: \.isWhitespace)
            let name = read { Self.nameCharacters.contains($0) }
            _ = read(while: \.isWhitespace)
            guard readClosingDelimiter(), !name.contains("("), !name.contains(")") else { return nil }
            return name
        }

        private mutating func parsePartialName() -> String? {
            _ = read(while: \.isWhitespace)
            let name = read { Self.partialNameCharacters.contains($0) }
            _ = read(while: \.isWhitespace)
            guard readClosingDelimiter() else { return nil }
            return name
        }

        /// Past the next `}}`, as the original's comment reader matches it.
        private mutating func skipComment() -> Bool {
            let delimiter: [Character] = ["}", "}"]
            var matched = 0
            while !atEnd {
                if characters[position] == delimiter[matched] {
                    matched += 1
                    if matched == delimiter.count {
                        position += 1
                        return true
                    }
                } else {
                    matched = 0
                }
                position += 1
            }
            return false
        }

        private mutating func readClosingDelimiter() -> Bool {
            guard characters.count - position >= 2, characters[position] == "}", characters[position + 1] == "}"
            else { return false }
            position += 2
            return true
        }

        /// Whether the tag just read stands alone on its line: past the line's end if so.
        private mutating func isStandalone(_ newLine: Bool) -> Bool {
            guard newLine else { return false }
            if atEnd { return true }
            var probe = position
            while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
            guard probe < characters.count, characters[probe].isNewline else { return false }
            position = probe + 1
            return true
        }

        private mutating func read(while keep: (Character) -> Bool) -> String {
            let start = position
            while !atEnd, keep(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }

        private mutating func read(while keyPath: KeyPath<Character, Bool>) -> String {
            read { $0[keyPath: keyPath] }
        }

        private static let nameCharacters = Set<Character>(
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
        private static let partialNameCharacters = Set<Character>(
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    }
}

import Mustache

extension TemplateProgram {
    // MARK: - Internal

    /// `view` rendered with the template `name`, exactly as swift-mustache renders it for a theme
    /// whose text Aftermail escapes (``TemplateSet/escapesText``); `nil` when the template is
    /// missing or the page needs something the program does not model (a value that is not a
    /// view, text, list, flag or number; a name that reaches into text or a non-view object),
    /// and Mustache must render it.
    func render(_ view: any MustacheView, template name: String) -> String? {
        guard let tokens = templates[name] else { return nil }
        var renderer = Renderer(templates: templates, stack: [.view(view)])
        guard renderer.render(tokens, depth: 0) else { return nil }
        return renderer.output
    }

    // MARK: - Private

    /// What a name finds, as Mustache would see it.
    private enum Found {
        /// Nothing: an empty variable, a false section.
        case nothing
        /// Text of a view: Mustache sees ``HTMLText``'s template for the names Aftermail escapes
        /// (`slot`), and the text itself for the others.
        case text(String, slot: Bool)
        /// Any other value of a view.
        case value(Any)
    }

    /// An object on Mustache's context stack, sorted once when it is pushed rather than cast at
    /// every name looked up in it.
    private enum Entry {
        /// A view of Aftermail.
        case view(any MustacheView)
        /// Text (the text of a section over text Mustache escapes, an element of a list).
        case text(String)
        /// ``HTMLText``'s template, which Mustache pushes for a section over text Aftermail
        /// escapes (`{{#summary}}`).
        case slot
        /// Anything else.
        case other(Any)

        init(_ object: Any) {
            switch object {
            case let view as any MustacheView: self = .view(view)
            case let text as String: self = .text(text)
            default: self = .other(object)
            }
        }
    }

    /// One page's rendering: the output so far and Mustache's context stack.
    private struct Renderer {
        let templates: [String: [Token]]
        var stack: [Entry]
        var output = ""

        init(templates: [String: [Token]], stack: [Entry]) {
            self.templates = templates
            self.stack = stack
            output.reserveCapacity(4096)
        }

        /// Appends `tokens`' output; `false` when Mustache must render the page instead.
        mutating func render(_ tokens: [Token], depth: Int) -> Bool {
            // Deeper than any theme nests: a partial that includes itself.
            guard depth < 64 else { return false }
            for token in tokens {
                switch token {
                case .text(let text):
                    output += text
                case .variable(let name, let escaped):
                    guard let found = lookUp(name) else { return false }
                    guard show(found, escaped: escaped, name: name) else { return false }
                case .section(let name, let inner, let inverted):
                    guard let found = lookUp(name) else { return false }
                    let done =
                        inverted
                        ? renderInverted(found, inner, depth: depth) : renderSection(found, inner, depth: depth)
                    guard done else { return false }
                case .partial(let name):
                    // Mustache renders a missing partial as nothing.
                    guard let partial = templates[name] else { continue }
                    guard render(partial, depth: depth + 1) else { return false }
                }
            }
            return true
        }

        /// `{{name}}` or `{{{name}}}` (MustacheTemplate.renderToken).
        private mutating func show(_ found: Found, escaped: Bool, name: Name) -> Bool {
            switch found {
            case .nothing:
                return true
            case .text(let text, let slot):
                // A slot shown raw would show the template's own text: themes that do that
                // are not ``TemplateSet/escapesText``.
                if slot {
                    guard escaped else { return false }
                    output += HTMLText.escape(text)
                } else {
                    output += escaped ? Self.mustacheEscape(text) : text
                }
                return true
            case .value(let value):
                let text: String
                switch value {
                case let string as String: text = string
                case let flag as Bool: text = String(describing: flag)
                case let number as Int: text = String(describing: number)
                default: return false
                }
                output += escaped ? Self.mustacheEscape(text) : text
                return true
            }
        }

        /// `{{#name}}…{{/name}}` (MustacheTemplate.renderSection).
        private mutating func renderSection(_ found: Found, _ inner: [Token], depth: Int) -> Bool {
            switch found {
            case .nothing:
                return true
            case .text(let text, let slot):
                return renderPushing(slot ? .slot : .text(text), inner, depth: depth)
            case .value(let value):
                if let sequence = value as? any MustacheSequence {
                    return renderEach(sequence, inner, depth: depth)
                }
                if let flag = value as? Bool {
                    return flag ? render(inner, depth: depth + 1) : true
                }
                guard Self.isPlain(value) else { return false }
                return renderPushing(Entry(value), inner, depth: depth)
            }
        }

        /// `{{^name}}…{{/name}}` (MustacheTemplate.renderInvertedSection).
        private mutating func renderInverted(_ found: Found, _ inner: [Token], depth: Int) -> Bool {
            switch found {
            case .nothing:
                return render(inner, depth: depth + 1)
            case .text:
                return true
            case .value(let value):
                if let sequence = value as? any MustacheSequence {
                    return Self.isEmpty(sequence) ? renderPushing(.other(value), inner, depth: depth) : true
                }
                if let flag = value as? Bool {
                    return flag ? true : render(inner, depth: depth + 1)
                }
                return Self.isPlain(value)
            }
        }

        private mutating func renderPushing(_ entry: Entry, _ inner: [Token], depth: Int) -> Bool {
            stack.append(entry)
            defer { stack.removeLast() }
            return render(inner, depth: depth + 1)
        }

        private mutating func renderEach<S: Sequence>(_ sequence: S, _ inner: [Token], depth: Int) -> Bool {
            for element in sequence {
                guard renderPushing(Entry(element), inner, depth: depth) else { return false }
            }
            return true
        }

        private static func isEmpty<S: Sequence>(_ sequence: S) -> Bool {
            var iterator = sequence.makeIterator()
            return iterator.next() == nil
        }

        /// A value Mustache puts on the stack as it is: not a lambda, a template or a custom
        /// renderable (which may be a null object), none of which a view of Aftermail holds.
        private static func isPlain(_ value: Any) -> Bool {
            !(value is MustacheLambda) && !(value is MustacheTemplate) && !(value is MustacheCustomRenderable)
                && !(value is MustacheCustomRepresentation)
        }

        /// What `name` finds (MustacheTemplate.getChild): `.` the top of the stack; otherwise
        /// the first part in the first object of the stack, from the top, that has it, then
        /// each further part in what the one before found. `nil` when an object is not one the
        /// program can look into as Mustache would.
        private func lookUp(_ name: Name) -> Found? {
            if name.isDot {
                return Self.found(stack[stack.count - 1])
            }
            guard let first = name.parts.first else { return nil }
            var found: ViewValue? = nil
            if name.isAnchored {
                guard let value = Self.child(first, of: stack[stack.count - 1]) else { return nil }
                found = value
            } else {
                for object in stack.reversed() {
                    guard let value = Self.child(first, of: object) else { return nil }
                    if Self.isPresent(value) {
                        found = value
                        break
                    }
                }
            }
            for part in name.parts.dropFirst() {
                guard let value = found, Self.isPresent(value) else { return .nothing }
                // Only a view can be looked into without Mirror.
                guard case .value(let object?) = value, let view = object as? any MustacheView,
                    let next = Self.child(part, of: .view(view))
                else { return nil }
                found = next
            }
            switch found {
            case .text(let text?):
                // A dotted name that reaches text Aftermail escapes renders its slot against the
                // whole stack: themes that do that are not ``TemplateSet/escapesText``.
                if name.isSlot, name.parts.count > 1 || name.isAnchored { return nil }
                return .text(text, slot: name.isSlot)
            case .value(let object?):
                return .value(object)
            default:
                return .nothing
            }
        }

        /// `.` on `entry`.
        private static func found(_ entry: Entry) -> Found? {
            switch entry {
            case .slot, .view: nil
            case .text(let text): .text(text, slot: false)
            case .other(let object): .value(object)
            }
        }

        /// What `object` holds under `name`, wrapped once more: `.some(nil)` when it has nothing
        /// there (Mustache goes on down the stack), `nil` when the program cannot tell.
        private static func child(_ name: String, of entry: Entry) -> ViewValue?? {
            switch entry {
            case .view(let view):
                // `*name` is the escaped text that ``HTMLText``'s template shows.
                return name.utf8.first == UInt8(ascii: "*") ? nil : .some(view.value(named: name))
            case .text:
                // A string has no children for Mirror.
                return .some(nil)
            case .slot:
                // HTMLText's template is a MustacheTemplate, whose Mirror has these three.
                return ["tokens", "text", "filename"].contains(name) ? nil : .some(nil)
            case .other:
                return nil
            }
        }

        /// Whether Mustache's `child(named:)` gives a value for `value` (absent text and absent
        /// values are `nil` to it).
        private static func isPresent(_ value: ViewValue?) -> Bool {
            switch value {
            case .text(.some), .value(.some): true
            default: false
            }
        }

        /// `text` as swift-mustache's `htmlEscape` gives it, which replaces whole `Character`s:
        /// on ASCII the same as escaping bytes; otherwise a `Character` at a time, so that a
        /// quote followed by a combining mark stays as Mustache leaves it.
        static func mustacheEscape(_ text: String) -> String {
            var text = text
            let ascii = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
            if ascii { return HTMLText.escape(text) }
            var escaped = ""
            escaped.reserveCapacity(text.utf8.count)
            for character in text {
                switch character {
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "&": escaped += "&amp;"
                case "\"": escaped += "&quot;"
                case "'": escaped += "&#39;"
                default: escaped.append(character)
                }
            }
            return escaped
        }
    }
}

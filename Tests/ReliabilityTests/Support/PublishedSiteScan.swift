import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Looks through every file of a built site for what hostile input could have planted: tags that
/// run code or load content, event-handler attributes, `javascript:` / `vbscript:` / `data:` links,
/// malformed XML and JSON. Each finding is one line naming the file.
enum PublishedSiteScan {
    // MARK: - Internal

    /// Tags no page of ours uses, and that input must never be able to add (SVG charts may come,
    /// so `<svg>` itself is allowed, but not its scripting and animation elements).
    static let forbiddenTags: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "math", "style", "form", "input",
        "button", "textarea", "base", "template", "noscript", "foreignobject", "animate", "set", "handler",
    ]
    /// Attributes whose value is a URL.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset",
    ]

    /// The problems of every file under `folder` (paths relative to it).
    static func problems(in folder: URL) -> [String] {
        var problems: [String] = []
        let root = folder.standardizedFileURL
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = walker?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                let data = try? Data(contentsOf: file)
            else { continue }
            let name = String(file.standardizedFileURL.path.dropFirst(root.path.count + 1))
            problems += self.problems(in: data, name: name)
        }
        return problems
    }

    /// The problems of one file, by kind.
    static func problems(in data: Data, name: String) -> [String] {
        guard let text = String(data: data, encoding: .utf8) else { return ["\(name): not UTF-8"] }
        switch (name as NSString).pathExtension {
        case "html", "svg": return htmlProblems(text).map { "\(name): \($0)" }
        case "xml":
            var found = htmlProblems(text, allowAnyTag: true).map { "\(name): \($0)" }
            if !isWellFormedXML(data) { found.append("\(name): not well-formed XML") }
            return found
        case "json":
            return (try? JSONSerialization.jsonObject(with: data)) == nil ? ["\(name): not valid JSON"] : []
        case "css":
            let lowered = text.lowercased()
            return ["expression(", "javascript:", "</style"].filter(lowered.contains).map { "\(name): holds \($0)" }
        default:
            return []
        }
    }

    /// Every tag of `html`, as (name, [(attribute, value)]); a small tokenizer that knows quotes,
    /// comments and the end of tags, which is all the checks need.
    static func tags(_ html: String) -> [(name: String, attributes: [(String, String)])] {
        let bytes = Array(html.utf8)
        var tags: [(String, [(String, String)])] = []
        var index = 0
        func isNameByte(_ byte: UInt8) -> Bool {
            !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "="))
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            if bytes[(index + 1)...].starts(with: Array("!--".utf8)) {
                index += 4
                while index + 2 < bytes.count, !(bytes[index] == 45 && bytes[index + 1] == 45 && bytes[index + 2] == 62)
                {
                    index += 1
                }
                index += 3
                continue
            }
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index + 1] | 0x20) else {
                index += 1
                continue
            }
            var cursor = index + 1
            var name: [UInt8] = []
            while cursor < bytes.count, isNameByte(bytes[cursor]) {
                name.append(bytes[cursor])
                cursor += 1
            }
            var attributes: [(String, String)] = []
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
                guard isNameByte(bytes[cursor]) else {
                    cursor += 1
                    continue
                }
                var attribute: [UInt8] = []
                while cursor < bytes.count, isNameByte(bytes[cursor]) {
                    attribute.append(bytes[cursor])
                    cursor += 1
                }
                var value: [UInt8] = []
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    if cursor < bytes.count, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 {
                        let quote = bytes[cursor]
                        cursor += 1
                        while cursor < bytes.count, bytes[cursor] != quote {
                            value.append(bytes[cursor])
                            cursor += 1
                        }
                        cursor += 1
                    } else {
                        while cursor < bytes.count, bytes[cursor] != 0x20, bytes[cursor] != UInt8(ascii: ">") {
                            value.append(bytes[cursor])
                            cursor += 1
                        }
                    }
                }
                attributes.append(
                    (String(decoding: attribute, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self)))
            }
            tags.append((String(decoding: name, as: UTF8.self).lowercased(), attributes))
            index = cursor + 1
        }
        return tags
    }

    /// `text` with the character references HTML decodes in attribute values (named ones we use,
    /// decimal, hex), and without the white space and control characters browsers ignore in a
    /// URL's scheme.
    static func decodedURL(_ value: String) -> String {
        var text = value
        for (entity, character) in [
            ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">"),
            ("&colon;", ":"), ("&tab;", "\t"), ("&newline;", "\n"), ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character, options: .caseInsensitive)
        }
        var decoded = ""
        var rest = Substring(text)
        while let start = rest.range(of: "&#") {
            decoded += rest[..<start.lowerBound]
            var after = rest[start.upperBound...]
            let hex = after.first == "x" || after.first == "X"
            if hex { after = after.dropFirst() }
            let digits = after.prefix { hex ? $0.isHexDigit : $0.isNumber }
            if let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                decoded.unicodeScalars.append(scalar)
                rest = after[digits.endIndex...]
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                decoded += "&#"
                rest = rest[start.upperBound...]
            }
        }
        decoded += rest
        return String(decoded.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
    }

    // MARK: - Private

    private static func htmlProblems(_ html: String, allowAnyTag: Bool = false) -> [String] {
        var problems: [String] = []
        for tag in tags(html) {
            if !allowAnyTag && forbiddenTags.contains(tag.name) { problems.append("a <\(tag.name)> tag") }
            for (attribute, value) in tag.attributes {
                if attribute.hasPrefix("on") {
                    problems.append("an event-handler attribute \(attribute)= on <\(tag.name)>")
                }
                if attribute == "style" { problems.append("a style= attribute on <\(tag.name)>") }
                if urlAttributes.contains(attribute) {
                    let url = decodedURL(value)
                    // cmark keeps `data:` for images of four raster types, which cannot run script.
                    let rasterImage =
                        tag.name == "img" && attribute == "src"
                        && ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains {
                            url.hasPrefix($0)
                        }
                    for scheme in ["javascript:", "vbscript:", "data:", "file:"]
                    where url.hasPrefix(scheme) && !rasterImage {
                        problems.append("a \(scheme) link in \(attribute)= of <\(tag.name)>")
                    }
                }
                if tag.name == "meta" && attribute == "http-equiv" { problems.append("a <meta http-equiv>") }
            }
        }
        return problems
    }

    /// Well-formed XML: swift-corelibs' `parse()` returns true on some errors (an unclosed tag),
    /// so its `parserError` decides.
    private static func isWellFormedXML(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        return parser.parse() && parser.parserError == nil
    }
}

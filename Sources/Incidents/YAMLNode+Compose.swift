import Foundation
import Yams

// MARK: - Internal

extension YAMLNode {
    /// Composes `text` with Yams' Node API into a `YAMLNode` tree, or nil for an empty document.
    ///
    /// The text must first pass `YAMLGuard` (size, no anchors or aliases, bounded nesting); the
    /// composed tree is then checked again exactly, while the parser (which owns the anchors) is alive.
    /// `what` names the text in messages ("front matter", "aftermail.yml").
    /// Flat `key: scalar` texts (nearly all front matter) take `FlatYAML`'s fast path, which yields
    /// exactly the tree Yams would; everything else goes through Yams.
    static func compose(_ text: String, what: String) throws(YAMLProblem) -> YAMLNode? {
        if let problem = YAMLGuard.check(text, what: what) { throw problem }
        if let flat = FlatYAML.compose(text) { return flat }
        return try composeWithYams(text, what: what)
    }

    /// `compose` without the fast path: the reference `FlatYAML` is tested against.
    /// The text must already have passed `YAMLGuard`.
    static func composeWithYams(_ text: String, what: String) throws(YAMLProblem) -> YAMLNode? {
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw problem(from: error)
        } catch {
            throw YAMLProblem(line: 1, message: "invalid YAML: \(error)")
        }
        guard let root else { return nil }
        defer { withExtendedLifetime(parser) {} }
        return try convert(root, depth: 1, what: what)
    }

    // MARK: - Private

    /// Copies `node` into a `YAMLNode`, refusing anchors, aliases and collections nested deeper than allowed.
    /// Walks in document order and looks at a node before its children, so it stops at the first
    /// anchor before any alias to it could be expanded.
    private static func convert(_ node: Node, depth: Int, what: String) throws(YAMLProblem) -> YAMLNode {
        let line = node.mark?.line ?? 1
        if node.anchor != nil { throw YAMLGuard.aliasProblem(line: line, what: what) }
        switch node {
        case .alias:
            throw YAMLGuard.aliasProblem(line: line, what: what)
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            return YAMLNode(kind: .scalar(scalar.string, plain: plain), line: line)
        case .mapping(let mapping):
            guard depth <= YAMLGuard.maxDepth else { throw YAMLGuard.depthProblem(line: line) }
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            for (key, value) in mapping {
                pairs.append(
                    (try convert(key, depth: depth + 1, what: what), try convert(value, depth: depth + 1, what: what)))
            }
            return YAMLNode(kind: .mapping(pairs), line: line)
        case .sequence(let sequence):
            guard depth <= YAMLGuard.maxDepth else { throw YAMLGuard.depthProblem(line: line) }
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, depth: depth + 1, what: what))
            }
            return YAMLNode(kind: .sequence(items), line: line)
        }
    }

    /// A `YAMLProblem` at the line Yams reports, with libyaml's wording.
    private static func problem(from error: YamlError) -> YAMLProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return YAMLProblem(line: mark.line, message: "invalid YAML: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return YAMLProblem(line: context.mark.line, message: "duplicate key \(names)")
        case .reader(let problem, _, _, _):
            return YAMLProblem(line: 1, message: "invalid YAML: \(problem)")
        default:
            return YAMLProblem(line: 1, message: "invalid YAML: \(error)")
        }
    }
}

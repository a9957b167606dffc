import Foundation
import Yams

/// A YAML file read into a node tree that remembers line numbers.
///
/// ```swift
/// let source = try YAMLSource(contentsOf: url)     // throws a FormProblem naming file and line
/// let id = source.root.mapping?["id"]?.string
/// ```
struct YAMLSource {
    let file: String
    let url: URL
    let root: Node
    /// The file's bytes as read, when it was read from a file.
    private(set) var bytes: Data?

    init(contentsOf url: URL, displayPath: String) throws(FormProblem) {
        try self.init(bytes: try YAMLSource.bytes(of: url, displayPath: displayPath), displayPath: displayPath, url: url)
    }

    /// The YAML in `data`, read from `url`.
    init(bytes data: Data, displayPath: String, url: URL) throws(FormProblem) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormProblem(file: displayPath, line: 1, "the file is not UTF-8 text", fix: "save it as UTF-8")
        }
        try self.init(text: text, displayPath: displayPath, url: url)
        bytes = data
    }

    /// The bytes of the file at `url`, or a problem naming it when it cannot be read.
    static func bytes(of url: URL, displayPath: String) throws(FormProblem) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw FormProblem(file: displayPath, line: 1, "the file cannot be read (\(error.localizedDescription))",
                              fix: "check that it exists and that you may read it")
        }
    }

    init(text: String, displayPath: String, url: URL) throws(FormProblem) {
        file = displayPath
        self.url = url
        do {
            // Every value is read as text, so YAML's regular-expression tag guessing
            // (numbers, booleans, dates) is not needed, and is the slowest part of reading.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw FormProblem(file: displayPath, line: 1, "the file is empty", fix: "add its content, or remove the file")
            }
            try YAMLSource.checkShape(of: node, textSize: text.utf8.count, file: displayPath)
            root = node
        } catch let problem as FormProblem {
            throw problem
        } catch let error as YamlError {
            throw YAMLSource.problem(from: error, file: displayPath)
        } catch {
            throw FormProblem(file: displayPath, line: 1, "the YAML cannot be read: \(error)", fix: "check the file's indentation and quoting")
        }
    }

    /// How deep a form, catalog or rules file may nest (the shipped ones go six deep), so
    /// that nothing reading the tree runs out of stack. YAML's own parser stops at 1,000.
    static let maximumDepth = 64

    /// Refuses a tree nested past ``maximumDepth``, or made far larger than its own text by
    /// aliases (`*name` stands for the whole of what `&name` marks, so a few lines can stand
    /// for billions of values). Walks without recursion, and stops as soon as either is found.
    static func checkShape(of root: Node, textSize: Int, file: String) throws(FormProblem) {
        // Without aliases every value takes at least half a byte of the text.
        var budget = 2 * textSize + 64
        var pending: [(node: Node, depth: Int)] = [(root, 1)]
        while let (node, depth) = pending.popLast() {
            budget -= 1
            guard budget >= 0 else { throw FormProblem(file: file, line: node.line, refusal: .aliasesRepeat) }
            guard depth <= maximumDepth else { throw FormProblem(file: file, line: node.line, refusal: .yamlTooDeep) }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping { pending += [(key, depth + 1), (value, depth + 1)] }
            case .sequence(let sequence):
                for item in sequence { pending.append((item, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
    }

    static func problem(from error: YamlError, file: String) -> FormProblem {
        let fix = "check the indentation and quoting around this line (text with ': ' or '#' needs quotes)"
        switch error {
        // libyaml's own limit, met before ours when brackets never close.
        case .scanner(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"),
             .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"):
            return FormProblem(file: file, line: mark.line, refusal: .yamlTooDeep)
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return FormProblem(file: file, line: mark.line, "broken YAML at column \(mark.column): \(detail)", fix: fix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return FormProblem(file: file, line: context.mark.line,
                               "the key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appears twice in the same mapping",
                               fix: "keep one of them")
        case .reader(let problem, _, _, _):
            return FormProblem(file: file, line: 1, "the file cannot be read as YAML: \(problem)", fix: "save it as UTF-8 text")
        default:
            return FormProblem(file: file, line: 1, "the YAML cannot be read: \(error)", fix: fix)
        }
    }
}

extension Node {
    /// The line of this node in its file (1 when unknown).
    var line: Int { mark?.line ?? 1 }

    /// The pairs of a mapping with their keys as text, in file order.
    var stringPairs: [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping else { return nil }
        return mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// A kind name for messages: "text", "a list", "a mapping".
    var shapeDescription: String {
        switch self {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}

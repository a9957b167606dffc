import Yams

/// The one way forms, catalogs and costing rules are read from their YAML: every value is
/// taken the same way in every file, and anything it cannot take is a problem naming the
/// file, the line and the key — never a silent default.
///
/// - Booleans are exactly `true` or `false`; `yes`, `no`, `True` or anything else is reported.
/// - Whole numbers are digits (an optional sign), within the range the key allows.
/// - Text is a single value; a list or mapping where text belongs is reported.
/// - Keys a mapping may not have are reported on their own line, with the closest known key.
///
/// ```swift
/// var yaml = YAMLReader(file: source.file)
/// yaml.checkKeys(of: rate, allowed: ["id", "name", "unit"], in: "a rate")
/// let free = yaml.bool(rate.mapping?["personal-care"], key: "personal-care") ?? false
/// ```
struct YAMLReader {
    /// The file as named in problems.
    let file: String
    /// Everything reported so far, in the order found.
    var problems: [FormProblem] = []

    init(file: String) {
        self.file = file
    }

    mutating func report(_ node: Node, _ message: String, fix: String) {
        problems.append(FormProblem(file: file, line: node.line, message, fix: fix))
    }

    /// Reports each key of `node` not among `allowed`, with its line and the closest allowed key.
    mutating func checkKeys(of node: Node, allowed: [String], in place: String) {
        for pair in node.stringPairs ?? [] where !allowed.contains(pair.key) {
            report(pair.keyNode, "'\(pair.key)' is not a key \(place) can have", fix: ClosestMatch.fix(for: pair.key, among: allowed, noun: "keys of \(place)"))
        }
    }

    /// `true` or `false`; `nil` when the key is absent, or when it holds anything else (reported).
    mutating func bool(_ node: Node?, key: String) -> Bool? {
        guard let node else { return nil }
        switch node {
        case .scalar(let scalar) where scalar.string == "true": return true
        case .scalar(let scalar) where scalar.string == "false": return false
        default:
            report(node, "\(key) must be true or false, not '\(node.string ?? node.shapeDescription)'", fix: "write \(key): true or \(key): false")
            return nil
        }
    }

    /// A whole number within `range`; `nil` when absent, or not one (reported with `fix`).
    mutating func integer(_ node: Node?, key: String, in range: ClosedRange<Int>, fix: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            report(node, "\(key) must be a whole number, not '\(node.string ?? node.shapeDescription)'", fix: fix)
            return nil
        }
        guard range.contains(value) else {
            let bounds = range.upperBound == Int.max ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
            report(node, "\(key) must be \(bounds), not \(value)", fix: fix)
            return nil
        }
        return value
    }

    /// A single value as text; `nil` when absent, or a list or mapping (reported).
    mutating func text(_ node: Node?, key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node, "\(key) must be a single value, but this is \(node.shapeDescription)", fix: "write \(key): on one line with its value")
            return nil
        }
        return scalar.string
    }

    /// The items of a list; `nil` when absent, or not a list (reported).
    mutating func list(_ node: Node?, key: String, fix: String) -> [Node]? {
        guard let node else { return nil }
        guard let items = node.sequence else {
            report(node, "\(key) must be a list, but this is \(node.shapeDescription)", fix: fix)
            return nil
        }
        return Array(items)
    }

    /// The pairs of a mapping in file order; `nil` when absent, or not a mapping (reported).
    mutating func pairs(_ node: Node?, key: String, fix: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let node else { return nil }
        guard let pairs = node.stringPairs else {
            report(node, "\(key) must be a mapping, but this is \(node.shapeDescription)", fix: fix)
            return nil
        }
        return pairs
    }
}

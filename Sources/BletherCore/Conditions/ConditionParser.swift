/// A mistake in the text of a condition, at a column (1-based, in characters).
package struct ConditionSyntaxError: Error, Equatable, Sendable {
    package let column: Int
    package let message: String
    package var kind: Kind = .mistake

    /// What is wrong: a mistake in the wording, or a condition refused whole for its depth.
    package enum Kind: Sendable, Equatable {
        case mistake
        /// Deeper than ``Condition/maximumDepth``: the column is where the limit is passed.
        case tooDeeplyNested
    }
}

extension Condition {
    /// How deep a condition may go: each `(`, each `not` and each `and` or `or` joining
    /// tests counts one. Far beyond any real form, and shallow enough that reading,
    /// checking and evaluating a condition never runs out of stack.
    package static let maximumDepth = 100

    /// Parses a condition, throwing the column and nature of the first mistake.
    ///
    /// ```swift
    /// let condition = try Condition(parsing: "not (has-carer = yes)")
    /// ```
    package init(parsing text: String) throws(ConditionSyntaxError) {
        var parser = ConditionParser(tokens: try ConditionLexer.tokens(of: text), end: text.count + 1)
        self = try parser.parseCondition(level: 0).condition
        if let extra = parser.peek {
            throw ConditionSyntaxError(column: extra.column, message: "unexpected \(extra.kind.described) after the end of the condition")
        }
    }
}

struct ConditionToken: Equatable {
    enum Kind: Equatable {
        case word(String)
        case string(String)
        case number(hundredths: Int)
        case dot, open, close
        case comparator(Condition.Comparator)

        var described: String {
            switch self {
            case .word(let word): "'\(word)'"
            case .string(let text): "the text '\(text)'"
            case .number: "a number"
            case .dot: "'.'"
            case .open: "'('"
            case .close: "')'"
            case .comparator(let comparator): "'\(comparator.rawValue)'"
            }
        }
    }
    let kind: Kind
    let column: Int
}

enum ConditionLexer {
    static func tokens(of text: String) throws(ConditionSyntaxError) -> [ConditionToken] {
        let characters = Array(text)
        var tokens: [ConditionToken] = []
        var index = 0
        func isWordCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "_" || character == "-"
        }
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace { index += 1; continue }
            switch character {
            case "(": tokens.append(.init(kind: .open, column: column)); index += 1
            case ")": tokens.append(.init(kind: .close, column: column)); index += 1
            case ".": tokens.append(.init(kind: .dot, column: column)); index += 1
            case "=": tokens.append(.init(kind: .comparator(.equal), column: column)); index += 1
            case "!":
                guard index + 1 < characters.count, characters[index + 1] == "=" else {
                    throw ConditionSyntaxError(column: column, message: "'!' must be followed by '=' (write != for 'is not')")
                }
                tokens.append(.init(kind: .comparator(.notEqual), column: column)); index += 2
            case "<", ">":
                let orEqual = index + 1 < characters.count && characters[index + 1] == "="
                let comparator: Condition.Comparator = character == "<"
                    ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
                tokens.append(.init(kind: .comparator(comparator), column: column))
                index += orEqual ? 2 : 1
            case "'", "\"":
                var end = index + 1
                while end < characters.count && characters[end] != character { end += 1 }
                guard end < characters.count else {
                    throw ConditionSyntaxError(column: column, message: "this quoted text is never closed: add a closing \(character)")
                }
                tokens.append(.init(kind: .string(String(characters[(index + 1)..<end])), column: column))
                index = end + 1
            default:
                if character.isASCIIDigit || (character == "-" && index + 1 < characters.count && characters[index + 1].isASCIIDigit) {
                    var end = index + 1
                    while end < characters.count && (characters[end].isASCIIDigit || characters[end] == ".") { end += 1 }
                    let literal = String(characters[index..<end])
                    guard let amount = try? Money(parsing: literal) else {
                        throw ConditionSyntaxError(column: column, message: "'\(literal)' is not a number (use at most two digits after the point)")
                    }
                    tokens.append(.init(kind: .number(hundredths: amount.pence), column: column))
                    index = end
                } else if isWordCharacter(character) {
                    var end = index + 1
                    while end < characters.count && isWordCharacter(characters[end]) { end += 1 }
                    tokens.append(.init(kind: .word(String(characters[index..<end])), column: column))
                    index = end
                } else {
                    throw ConditionSyntaxError(column: column, message: "'\(character)' cannot be used in a condition")
                }
            }
        }
        return tokens
    }
}

struct ConditionParser {
    let tokens: [ConditionToken]
    /// The column just past the text, for "ended too soon" messages.
    let end: Int
    var position = 0

    init(tokens: [ConditionToken], end: Int) {
        self.tokens = tokens
        self.end = end
    }

    var peek: ConditionToken? { position < tokens.count ? tokens[position] : nil }

    mutating func advance() -> ConditionToken? {
        defer { position += 1 }
        return peek
    }

    func isKeyword(_ token: ConditionToken?, _ keyword: String) -> Bool {
        if case .word(let word)? = token?.kind { return word == keyword }
        return false
    }

    /// The tree read so far and its height; `level` is how deep the enclosing brackets and
    /// `not`s already go. Every step down checks the limit before it recurses.
    typealias Parsed = (condition: Condition, height: Int)

    func checkDepth(_ depth: Int, at token: ConditionToken?) throws(ConditionSyntaxError) {
        guard depth <= Condition.maximumDepth else {
            throw ConditionSyntaxError(column: token?.column ?? end,
                                       message: "the condition goes more than \(Condition.maximumDepth) deep", kind: .tooDeeplyNested)
        }
    }

    mutating func parseCondition(level: Int) throws(ConditionSyntaxError) -> Parsed {
        var result = try parseAnd(level: level)
        while isKeyword(peek, "or") {
            let joint = peek
            position += 1
            let rhs = try parseAnd(level: level)
            result = (.or(result.condition, rhs.condition), max(result.height, rhs.height) + 1)
            try checkDepth(level + result.height, at: joint)
        }
        return result
    }

    mutating func parseAnd(level: Int) throws(ConditionSyntaxError) -> Parsed {
        var result = try parseUnary(level: level)
        while isKeyword(peek, "and") {
            let joint = peek
            position += 1
            let rhs = try parseUnary(level: level)
            result = (.and(result.condition, rhs.condition), max(result.height, rhs.height) + 1)
            try checkDepth(level + result.height, at: joint)
        }
        return result
    }

    mutating func parseUnary(level: Int) throws(ConditionSyntaxError) -> Parsed {
        if isKeyword(peek, "not") {
            try checkDepth(level + 1, at: peek)
            position += 1
            let inner = try parseUnary(level: level + 1)
            return (.not(inner.condition), inner.height + 1)
        }
        return try parsePrimary(level: level)
    }

    mutating func parsePrimary(level: Int) throws(ConditionSyntaxError) -> Parsed {
        guard let token = peek else {
            throw ConditionSyntaxError(column: end, message: "the condition ends too soon: something to test is missing")
        }
        if token.kind == .open {
            try checkDepth(level + 1, at: token)
            position += 1
            let inner = try parseCondition(level: level + 1)
            guard peek?.kind == .close else {
                throw ConditionSyntaxError(column: peek?.column ?? end, message: "a '(' opened at column \(token.column) is not closed: add ')'")
            }
            position += 1
            return inner
        }
        return (try parseTest(first: token), 1)
    }

    /// `operand is [not] answered`, `'choice' in question` or `operand comparator operand`.
    mutating func parseTest(first token: ConditionToken) throws(ConditionSyntaxError) -> Condition {
        let lhs = try parseOperand()
        if isKeyword(peek, "is") {
            position += 1
            var negated = false
            if isKeyword(peek, "not") { position += 1; negated = true }
            guard isKeyword(peek, "answered") else {
                throw ConditionSyntaxError(column: peek?.column ?? end, message: "expected 'answered' after 'is' (write 'x is answered' or 'x is not answered')")
            }
            position += 1
            return negated ? .not(.isAnswered(lhs)) : .isAnswered(lhs)
        }
        if isKeyword(peek, "in") {
            guard case .string(let choice) = lhs else {
                throw ConditionSyntaxError(column: token.column, message: "the left of 'in' must be a quoted choice id, as in 'transport' in needs")
            }
            position += 1
            guard let questionToken = advance(), case .word(let question) = questionToken.kind, !ConditionParser.keywords.contains(question) else {
                throw ConditionSyntaxError(column: tokens.last.map { $0.column } ?? end, message: "'in' must be followed by the id of a multiple choice question")
            }
            return .includes(question: question, choice: choice)
        }
        guard let comparatorToken = peek, case .comparator(let comparator) = comparatorToken.kind else {
            let column = peek?.column ?? end
            throw ConditionSyntaxError(column: column, message: "expected a comparison (=, !=, <, <=, >, >=), 'is answered' or 'in' here")
        }
        position += 1
        let rhs = try parseOperand()
        return .compare(lhs, comparator, rhs)
    }

    static let keywords: Set<String> = ["and", "or", "not", "is", "answered", "in"]

    mutating func parseOperand() throws(ConditionSyntaxError) -> ConditionOperand {
        guard let token = advance() else {
            throw ConditionSyntaxError(column: end, message: "the condition ends too soon: a question id or a value is missing")
        }
        switch token.kind {
        case .dot: return .currentAnswer
        case .number(let hundredths): return .number(hundredths: hundredths)
        case .string(let text): return .string(text)
        case .word("yes"): return .bool(true)
        case .word("no"): return .bool(false)
        case .word(let word) where !ConditionParser.keywords.contains(word): return .question(word)
        default:
            throw ConditionSyntaxError(column: token.column, message: "expected a question id or a value, found \(token.kind.described)")
        }
    }
}

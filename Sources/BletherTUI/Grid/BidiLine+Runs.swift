import BletherCore

/// The marks the program puts around a run inside a line, which only it can write: Unicode
/// noncharacters, kept for a program's own use. A person's text never acts on a line: a mark
/// in what they typed is shown as `�`. ``BidiLine`` gives ICU the Unicode isolate for each.
enum RunMark: UInt32 {
    case ownDirection = 0xFDD0, leftToRight = 0xFDD1, rightToLeft = 0xFDD2, end = 0xFDD3

    init(_ direction: LayoutDirection?) {
        switch direction {
        case nil: self = .ownDirection
        case .leftToRight?: self = .leftToRight
        case .rightToLeft?: self = .rightToLeft
        }
    }

    var scalar: Unicode.Scalar { Unicode.Scalar(rawValue)! }

    /// The Unicode isolate ICU is given for it.
    var isolate: UInt16 {
        switch self {
        case .ownDirection: 0x2068   // FSI
        case .leftToRight: 0x2066    // LRI
        case .rightToLeft: 0x2067    // RLI
        case .end: 0x2069            // PDI
        }
    }
}

/// Isolated runs: what a person gave, and what always reads left to right, put into a line
/// of the program's words.
///
/// ```swift
/// grid.write("  " + BidiLine.personsWords(answer, direction: BidiLine.direction(of: answer)), row: 7, column: 32)
/// grid.write(BidiLine.leftToRight(fingerprint), row: 9, column: 2)
/// ```
extension BidiLine {
    /// A person's words (a name, an answer, their own words) to put into a line: one run in
    /// `direction` (or that of its own letters), neither moving the words around it nor moved
    /// by them; and inside it each sentence is a run of its own, in the direction most of its
    /// letters take, so an English sentence in Urdu text keeps its full stop at its end.
    package static func personsWords(_ words: String, direction: LayoutDirection? = nil) -> String {
        var wrapped = String.UnicodeScalarView()
        wrapped.append(RunMark(direction).scalar)
        for (text, isSentence) in sentences(of: words) {
            let sentenceDirection = isSentence ? Self.direction(of: text) : nil
            if let sentenceDirection { wrapped.append(RunMark(sentenceDirection).scalar) }
            // Marks inside the person's text are not the program's: they show as �.
            wrapped.append(contentsOf: text.unicodeScalars.map { RunMark(rawValue: $0.value) == nil ? $0 : "\u{FFFD}" })
            if sentenceDirection != nil { wrapped.append(RunMark.end.scalar) }
        }
        wrapped.append(RunMark.end.scalar)
        return String(wrapped)
    }

    /// Numbers, ids, fingerprints, times and money, which always read left to right, as one run.
    package static func leftToRight(_ text: String) -> String {
        var wrapped = String.UnicodeScalarView()
        wrapped.append(RunMark.leftToRight.scalar)
        wrapped.append(contentsOf: text.unicodeScalars.map { RunMark(rawValue: $0.value) == nil ? $0 : "\u{FFFD}" })
        wrapped.append(RunMark.end.scalar)
        return String(wrapped)
    }

    /// The direction most of the letters in `text` take (the first letter's on a tie), or
    /// `nil` when it has none: an Urdu sentence that names "Morag" is still Urdu.
    package static func direction(of text: some Sequence<Character>) -> LayoutDirection? {
        var rightToLeft = 0, leftToRight = 0
        var first: LayoutDirection?
        for character in text {
            for scalar in character.unicodeScalars {
                if BidiIsolation.isRightToLeft(scalar) {
                    rightToLeft += 1
                    first = first ?? .rightToLeft
                } else if scalar.properties.isAlphabetic {
                    leftToRight += 1
                    first = first ?? .leftToRight
                }
            }
        }
        if rightToLeft == leftToRight { return first }
        return rightToLeft > leftToRight ? .rightToLeft : .leftToRight
    }

    /// A document line with each run a person gave (``DocumentText/Run/inserted(_:)``) made
    /// one of ``personsWords(_:direction:)``.
    package static func drawn(_ text: DocumentText) -> String {
        text.runs.map { run in
            switch run {
            case .words(let words), .emphasised(let words): words
            case .inserted(let words): personsWords(words, direction: direction(of: words))
            }
        }.joined()
    }

    /// Wrapped lines of marked text, each line reopening the runs still open at the end of
    /// the line before, so a run wrapped over lines keeps its direction on every one.
    static func reopened(_ lines: [String]) -> [String] {
        guard lines.count > 1, lines.contains(where: { $0.unicodeScalars.contains { RunMark(rawValue: $0.value) != nil } }) else { return lines }
        var open: [RunMark] = []
        return lines.map { line in
            var reopened = String.UnicodeScalarView(open.map(\.scalar))
            for scalar in line.unicodeScalars {
                if let mark = RunMark(rawValue: scalar.value) {
                    if mark == .end { _ = open.popLast() } else { open.append(mark) }
                }
                reopened.append(scalar)
            }
            return String(reopened)
        }
    }

    /// `text` split into sentences (each ending at a full stop, question or exclamation mark
    /// followed by a space or the end, and any closing quote or bracket after it) and the
    /// spaces between them.
    private static func sentences(of text: String) -> [(text: String, isSentence: Bool)] {
        let characters = Array(text)
        var parts: [(String, Bool)] = []
        var index = 0
        while index < characters.count {
            var end = index
            if characters[index].isWhitespace {
                while end < characters.count, characters[end].isWhitespace { end += 1 }
                parts.append((String(characters[index..<end]), false))
                index = end
                continue
            }
            while end < characters.count {
                let character = characters[end]
                end += 1
                guard ".!?。！？؟۔".contains(character) else { continue }
                while end < characters.count, ".!?。！？؟۔\"'”’»)]".contains(characters[end]) { end += 1 }
                if end == characters.count || characters[end].isWhitespace { break }
            }
            // A sentence's own trailing spaces (a line break in it) stay outside it.
            var last = end
            while last > index, characters[last - 1].isWhitespace { last -= 1 }
            parts.append((String(characters[index..<last]), true))
            if last < end { parts.append((String(characters[last..<end]), false)) }
            index = end
        }
        return parts
    }
}

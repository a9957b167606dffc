import BletherCore
import Foundation

/// A ``Document`` as a BRF file: translated by liblouis (`lou_translate`, Debian's
/// `liblouis-bin` with the tables of `liblouis-data`) in the language's best table (see
/// ``BrailleTable``), then laid out as an embosser expects — lines of at most 40 cells broken
/// between words, pages of 25 lines, lines ended with CR LF and pages with a form feed; the
/// blank line between sections kept, and what the plain text sets in set in by as many cells.
///
/// The command line program is used rather than linking liblouis: it is the same library,
/// one process per copy, and a missing package is then one clear message instead of a
/// program that does not start.
///
/// ```swift
/// let brf = try BrailleCopy(document, language: "en-GB").make()
/// ```
package struct BrailleCopy: Sendable {
    /// Cells a line, and lines a page, of the BRF file.
    package static let cellsPerLine = 40
    package static let linesPerPage = 25

    package let document: Document
    package let table: BrailleTable

    package init(_ document: Document, language: String) {
        self.document = document
        table = BrailleTable.best(for: language)
    }

    /// The BRF file's bytes: ASCII braille, one page after another.
    package func make(tool: ExternalTool = .louTranslate) throws(ExternalTool.Problem) -> Data {
        let lines = DocumentPlainText(document).lines.flatMap { $0.components(separatedBy: "\n") }.map { line in
            // The indent is laid out here, not translated.
            let indent = line.prefix { $0 == " " }.count
            let words = BrailleCopy.brailleInput(String(line.dropFirst(indent)))
            return (indent: indent, words: words)
        }
        // lou_translate cuts an input line of about 2,000 bytes or more in two: each line goes in
        // as pieces of at most 500 characters, cut between words, and is put together after.
        let pieces = lines.map { BrailleCopy.pieces(of: $0.words) }
        let folder = try WorkFolder()
        defer { folder.remove() }
        // lou_translate reads `\` as the start of an escape (`\x41`): a backslash in the text is written `\\`.
        let input = pieces.flatMap { $0 }.map { $0.replacingOccurrences(of: "\\", with: "\\\\") }.joined(separator: "\n") + "\n"
        let output = try tool.run(["--forward", table.tables], input: Data(input.utf8), in: folder)
        var translated = String(decoding: output, as: UTF8.self).components(separatedBy: "\n")
        if translated.last == "" { translated.removeLast() }
        let count = pieces.reduce(0) { $0 + $1.count }
        guard translated.count == count else {
            throw .failed(tool: tool.name, status: 0, said: "gave \(translated.count) lines for \(count)")
        }
        var laidOut: [String] = []
        var next = translated[...]
        for (line, parts) in zip(lines, pieces) {
            let braille = next.prefix(parts.count).map(BrailleCopy.ascii).joined(separator: " ")
            next = next.dropFirst(parts.count)
            laidOut += BrailleCopy.wrap(braille, indent: min(line.indent, 6))
        }
        return Data(BrailleCopy.pages(laidOut).utf8)
    }

    /// A line of text as liblouis is given it. Bidi controls (isolates, embeddings, overrides
    /// and marks) order text on a screen; braille is read in one direction, has no use for them,
    /// and liblouis would spell each as escape junk (`\x2068`): they are taken out. A control
    /// character (a tab, a carriage return) would end or cut a line: it is a space here.
    ///
    /// ```swift
    /// BrailleCopy.brailleInput("Name: \u{2068}Morag\u{2069}")   // "Name: Morag"
    /// ```
    package static func brailleInput(_ line: String) -> String {
        var input = String.UnicodeScalarView()
        for scalar in line.unicodeScalars where !BidiIsolation.isControl(scalar) {
            input.append(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : scalar)
        }
        return String(input)
    }

    /// A line cut between words into pieces of at most `limit` characters (a longer word cut
    /// where it must); an empty line is one empty piece.
    static func pieces(of line: String, limit: Int = 500) -> [String] {
        var pieces: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.unicodeScalars.count > limit {
                if !current.isEmpty { pieces.append(current); current = "" }
                let cut = word.unicodeScalars.index(word.unicodeScalars.startIndex, offsetBy: limit)
                pieces.append(String(word.unicodeScalars[..<cut]))
                word = Substring(word.unicodeScalars[cut...])
            }
            if current.isEmpty {
                current = String(word)
            } else if current.unicodeScalars.count + 1 + word.unicodeScalars.count <= limit {
                current += " " + word
            } else {
                pieces.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
        return pieces
    }

    /// A translated line as BRF characters: what the display table could not write (a
    /// character no table defines) becomes `?`, so the file stays ASCII braille.
    static func ascii(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { (0x20...0x7E).contains($0.value) ? $0 : "?" }))
            .trimmingCharacters(in: .whitespaces)
    }

    /// One line cut into lines of at most 40 cells, between braille words where it can be,
    /// each set in by `indent` cells.
    static func wrap(_ line: String, indent: Int) -> [String] {
        guard !line.isEmpty else { return [""] }
        let width = cellsPerLine - indent
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ") {
            var word = Substring(word)
            if current.isEmpty, word.count > width {
                // A word longer than a line is cut: there is nowhere else for it to go.
                while word.count > width {
                    lines.append(margin + word.prefix(width))
                    word = word.dropFirst(width)
                }
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(margin + current)
                current = ""
                while word.count > width {
                    lines.append(margin + word.prefix(width))
                    word = word.dropFirst(width)
                }
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(margin + current) }
        return lines
    }

    /// Lines laid out in pages of 25, a blank line at the top of a page dropped; CR LF ends
    /// each line and a form feed each page but the last.
    static func pages(_ lines: [String]) -> String {
        var pages: [[String]] = [[]]
        for line in lines {
            if pages[pages.count - 1].count == linesPerPage { pages.append([]) }
            if line.isEmpty && pages[pages.count - 1].isEmpty { continue }
            pages[pages.count - 1].append(line)
        }
        return pages.map { $0.map { $0 + "\r\n" }.joined() }.joined(separator: "\u{0C}")
    }
}

import BletherCore
import BletherTUI
import Testing

/// Lines as an Urdu reader sees them: the paragraph direction is the language's, and a
/// person's words, names, numbers and times inside it are isolated runs in their own order.
@Suite struct BidiLineTests {
    let sentence = "She is kind and funny."

    @Test func anEnglishSentenceInUrduKeepsItsFullStopAtItsEnd() {
        #expect(BidiLine(BidiLine.personsWords(sentence), paragraph: .rightToLeft).text == sentence)
        // Without the run the full stop takes the Urdu direction and moves to the front.
        #expect(BidiLine(sentence, paragraph: .rightToLeft).text == ".She is kind and funny")
        let inside = BidiLine("اس نے کہا " + BidiLine.personsWords(sentence) + " اور", paragraph: .rightToLeft)
        #expect(inside.text == "روا She is kind and funny. اہک ےن سا", "read from the right: the Urdu words, then the sentence whole")
        var grid = CellGrid(columns: 40, rows: 1, direction: .rightToLeft)
        grid.write("  " + BidiLine.personsWords(sentence), row: 0, column: 0)
        #expect(grid.line(0) == String(repeating: " ", count: 16) + sentence, "aligned right, its indent at the right margin")
    }

    @Test func numbersTimesAndFingerprintsReadLeftToRightInUrdu() {
        #expect(BidiLine("عمر 82 سال", paragraph: .rightToLeft).text == "لاس 82 رمع")
        #expect(BidiLine("تبدیلی " + BidiLine.leftToRight("2026-11-28 10:30"), paragraph: .rightToLeft).text == "2026-11-28 10:30 یلیدبت")
        #expect(BidiLine("تبدیلی 2026-11-28 10:30", paragraph: .rightToLeft).text == "10:30 28-11-2026 یلیدبت",
                "without the run the date and time change places, and the date turns round")
        let fingerprint = "3F2A 9B1C 44D0 7E21"
        #expect(BidiLine("کلید: " + BidiLine.leftToRight(fingerprint), paragraph: .rightToLeft).text == fingerprint + " :دیلک")
    }

    @Test func aNameInLatinLettersKeepsItsOrderAndTheLineKeepsTheLanguagesDirection() {
        let title = BidiLine(BidiLine.personsWords("Morag Campbell Jr.") + " — آپ کا ریکارڈ", paragraph: .rightToLeft)
        #expect(title.text == "ڈراکیر اک پآ — Morag Campbell Jr.")
        #expect(BidiLine("Morag Campbell Jr. — آپ کا ریکارڈ", paragraph: .rightToLeft).text != title.text,
                "without the run the full stop leaves the name")
        // The paragraph is Urdu although the line starts with a Latin letter.
        #expect(BidiLine("Morag کا نام", paragraph: .rightToLeft).text == "مان اک Morag")
        // And an Urdu name in an English line reads from the right without moving the words after it.
        #expect(BidiLine("Record for " + BidiLine.personsWords("علی.") + " 2", paragraph: .leftToRight).text == "Record for .یلع 2")
    }

    @Test func aRunCutByWrappingStaysARun() {
        let lines = TextLayout.lines("  " + BidiLine.personsWords("She is kind and funny. She likes the choir."), width: 26)
        #expect(lines.count == 2)
        #expect(lines.map { BidiLine($0, paragraph: .rightToLeft).text } == ["She is kind and funny.  ", "She likes the choir."])
    }

    @Test func aPersonsTextCannotOpenOrCloseARunNorTurnTheLine() {
        // U+FDD3 and U+FDD0 are the marks that end and begin a run, typed by a person.
        let marks = (end: String(Unicode.Scalar(0xFDD3)!), begin: String(Unicode.Scalar(0xFDD0)!))
        let line = BidiLine("x " + BidiLine.personsWords("a\(marks.end)b\(marks.begin)\u{202E}c"), paragraph: .leftToRight)
        #expect(line.text == "x a\u{FFFD}b\u{FFFD}\u{FFFD}c")
        #expect(BidiLine("(ا)", paragraph: .rightToLeft).text == "(ا)", "brackets in a right-to-left run are mirrored, so they still face the word")
        #expect(BidiLine("┌── مدد ──┐", paragraph: .rightToLeft).text == "┌── ددم ──┐", "a box's corners stay where they belong")
        #expect(BidiLine("▶ 1 بات", paragraph: .rightToLeft).text == "تاب 1 ◀", "the pointer points at the item")
    }

    @Test func aMirroredGridPutsLogicalColumnsFromTheRight() {
        var grid = CellGrid(columns: 20, rows: 2, direction: .rightToLeft)
        grid.write("ab", row: 0, column: 0)
        grid.write("|", row: 0, column: 5)
        grid.fill(row: 1, from: 0, to: 3, style: CellStyle(.selected))
        grid.cursor = GridPoint(row: 1, column: 0)
        #expect(grid.line(0) == String(repeating: " ", count: 14) + "|   ab")
        #expect(grid[1, 19].style == CellStyle(.selected) && grid[1, 17].style == CellStyle(.selected) && grid[1, 16].style == .normal)
        #expect(grid.screenCursor == GridPoint(row: 1, column: 19))
        var cut = CellGrid(columns: 20, rows: 1, direction: .rightToLeft)
        cut.write("نام کی فہرست", row: 0, column: 0, limit: 6)
        #expect(cut.line(0) == String(repeating: " ", count: 14) + "یک مان", "the logical end is what is cut: the start stays at the right")
    }
}

/// The editors in a right-to-left layout: what is typed shows as it will once saved, and the
/// cursor is where the next letter appears.
@Suite struct RightToLeftEditorTests {
    static let texts = ["نام", "میرا نام Morag ہے.", "She is kind and funny.", "Morag کا نام 12", "(۱۲) ok"]

    @Test(arguments: texts)
    func theEditorShowsTextAsTheSavedAnswerIsShown(text: String) {
        var grid = CellGrid(columns: 40, rows: 3, direction: .rightToLeft)
        grid.write(BidiLine.personsWords(text, direction: BidiLine.direction(of: text)), row: 0, column: 2)
        LineEditor(text: text).draw(into: &grid, row: 1, column: 2, width: 36, style: .normal)
        var editor = TextEditor(text: text)
        editor.draw(into: &grid, row: 2, column: 2, width: 36, height: 1, style: .normal)
        #expect(grid.line(1) == grid.line(0))
        #expect(grid.line(2) == grid.line(0))
    }

    @Test func leftAndRightMoveAsUrduTextLooks() {
        var urdu = LineEditor(text: "میرا نام")
        urdu.handle(.right)
        #expect(urdu.caret == 7, "Right moves towards the start, drawn at the right")
        urdu.handle(.wordRight)
        #expect(urdu.caret == 5)
        urdu.handle(.left)
        #expect(urdu.caret == 6)
        var english = LineEditor(text: "She is kind")
        english.handle(.left)
        #expect(english.caret == 10)
    }

    @Test(arguments: [LayoutDirection.rightToLeft, .leftToRight])
    func theCursorIsWhereTheNextLetterAppears(direction: LayoutDirection) {
        let cases: [(String, Character, [Key])] = [
            ("", "ب", []), ("نام", "ب", []), ("نام", "ب", [.home]), ("نام", "ب", [.left]),
            ("Morag", "s", []), ("Morag", "s", [.left, .left]), ("میرا نام Morag", "s", []), ("Morag کا", "ب", []),
        ]
        for (text, next, keys) in cases {
            var editor = LineEditor(text: text)
            for key in keys { editor.handle(key) }
            var before = CellGrid(columns: 30, rows: 1, direction: direction)
            before.cursor = editor.draw(into: &before, row: 0, column: 2, width: 20, style: .normal)
            editor.handle(.character(next))
            var after = CellGrid(columns: 30, rows: 1, direction: direction)
            after.cursor = editor.draw(into: &after, row: 0, column: 2, width: 20, style: .normal)
            let cursor = before.screenCursor!
            #expect(after[0, cursor.column].text == String(next), "\(text) + \(next) after \(keys): cursor at \(cursor.column), then \(after.line(0))")
        }
    }
}

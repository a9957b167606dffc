import BletherCore
import BletherTUI
import Testing

@Suite struct EditorTests {
    @Test func theTextEditorMovesByCharacterWordAndLine() {
        var editor = TextEditor(text: "我喜欢 simple words\nand a second line")
        var grid = CellGrid(columns: 40, rows: 6)
        editor.draw(into: &grid, row: 0, column: 0, width: 21, height: 4, style: .normal)
        editor.handle(.up)
        #expect(editor.caret == 14, "up keeps the column in cells: 17 cells in is after the r of words")
        editor.handle(.wordLeft)
        #expect(editor.caret == 11)
        editor.handle(.home)
        #expect(editor.caret == 0)
        editor.handle(.wordRight)
        #expect(editor.caret == 3)
        editor.handle(.right)
        editor.handle(.wordRight)
        #expect(editor.caret == 10)
        editor.handle(.end)
        editor.handle(.backspace)
        #expect(editor.text == "我喜欢 simple word\nand a second line")
    }

    @Test func theCaretIsDrawnWhereTheCharacterIs() {
        var editor = TextEditor(text: "我喜欢")
        var grid = CellGrid(columns: 20, rows: 3)
        #expect(editor.draw(into: &grid, row: 1, column: 2, width: 10, height: 2, style: .normal) == GridPoint(row: 1, column: 8))
        editor.handle(.left)
        #expect(editor.draw(into: &grid, row: 1, column: 2, width: 10, height: 2, style: .normal) == GridPoint(row: 1, column: 6))
        editor.handle(.character("e"))
        editor.handle(.character("\u{301}"))
        #expect(editor.text == "我喜e\u{301}欢")
    }

    @Test func theLineEditorScrollsToKeepTheCaretInView() {
        var line = LineEditor(text: "A rather long name for a field")
        var grid = CellGrid(columns: 12, rows: 1)
        let caret = line.draw(into: &grid, row: 0, column: 0, width: 10, style: .normal)
        #expect(caret.column == 9)
        #expect(grid.line(0) == "r a field", "one cell is kept for the caret")
        line.handle(.home)
        line.handle(.delete)
        #expect(line.text == " rather long name for a field")
    }

    @Test func choicesAreChosenByNumberOrSpaceAndSomethingElseTakesWords() {
        var list = ChoiceList(choices: [("phone", "A phone"), ("alarm", "An alarm")], multiple: true, allowsOther: true, otherLabel: "Something else")
        list.handle(.character("1"))
        list.handle(.down)
        list.handle(.down)
        list.handle(.character(" "))
        #expect(list.value == .failure(.otherEmpty))
        for character in "A tablet 2" { list.handle(.character(character)) }
        #expect(list.value == .success(.choices(["phone"], other: "A tablet 2")))
        var grid = CellGrid(columns: 40, rows: 5)
        let drawn = list.draw(into: &grid, row: 0, column: 0, width: 40, chosenWord: "chosen", glyphs: .ascii, focused: true)
        #expect(grid.text.hasPrefix("[x] 1. A phone — chosen\n[ ] 2. An alarm\n[x] 3. Something else — chosen\n    A tablet 2"))
        #expect(drawn.caret == GridPoint(row: 3, column: 14))
    }

    @Test func aPersonIsAddedFieldByField() {
        var list = ListEditor(kind: .people, value: nil)
        #expect(list.handle(.enter, groups: [], yes: "yes", no: "no") == .handled)
        for character in "Ann" { _ = list.handle(.character(character), groups: [], yes: "yes", no: "no") }
        _ = list.handle(.tab, groups: [], yes: "yes", no: "no")
        for character in "daughter" { _ = list.handle(.character(character), groups: [], yes: "yes", no: "no") }
        let saved = list.handle(.control("s"), groups: [], yes: "yes", no: "no")
        #expect(saved == .commit(.people([PersonEntry(name: "Ann", relationship: "daughter")])))
        _ = list.handle(.up, groups: [], yes: "yes", no: "no")
        #expect(list.handle(.delete, groups: [], yes: "yes", no: "no") == .confirmRemove(index: 0, name: "Ann"))
    }
}

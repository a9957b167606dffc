import BletherCore
import BletherTUI
import Testing

@Suite struct CellGridTests {
    @Test func wideCharactersTakeTwoCellsAndCombiningMarksNone() {
        #expect(TextWidth.of("我的家") == 6)
        #expect(TextWidth.of("Cafe\u{301}") == 4)
        #expect(TextWidth.of("Gàidhlig") == 8)
        let ascii = String((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) })
        #expect(TextWidth.of(ascii) == ascii.reduce(0) { $0 + TextWidth.of($1) }, "printable ASCII, the quick way and a character at a time")
        #expect(TextWidth.of("Morag\u{7}") == 6 && TextWidth.of("a\r\nb") == 3, "a control character is one cell, shown as �")
        var grid = CellGrid(columns: 10, rows: 1)
        let end = grid.write("a我e\u{301}", row: 0, column: 0)
        #expect(end == 4)
        #expect(grid[0, 1].width == 2 && grid[0, 2].width == 0)
        #expect(grid.line(0) == "a我e\u{301}")
    }

    @Test func aWideCharacterThatDoesNotFitIsNotSplit() {
        var grid = CellGrid(columns: 5, rows: 1)
        grid.write("abcd我", row: 0, column: 0)
        #expect(grid.line(0) == "abcd")
        grid.write("我我我", row: 0, column: 0, limit: 3)
        #expect(grid.line(0) == "我 d")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(columns: 6, rows: 1)
        grid.write("我的", row: 0, column: 0)
        grid.write("x", row: 0, column: 1)
        #expect(grid.line(0) == " x的")
    }

    @Test func controlCharactersAreShownSafely() {
        var grid = CellGrid(columns: 20, rows: 1)
        grid.write("a\u{1B}[2Jb\u{7}", row: 0, column: 0)
        #expect(grid.line(0) == "a\u{FFFD}[2Jb\u{FFFD}")
        #expect(!grid.text.contains("\u{1B}"))
    }

    @Test func wrappingCountsCellsNotCharacters() {
        #expect(TextLayout.lines("我喜欢用简单的话 and plain words", width: 10) == ["我喜欢用简", "单的话 and", "plain", "words"])
        #expect(TextLayout.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextLayout.lines("abcdefghijkl", width: 5) == ["abcde", "fghij", "kl"])
        #expect(TextLayout.truncate("About this conversation", width: 10) == "About thi…")
        #expect(TextLayout.truncate("About this conversation", width: 10, ascii: true) == "About t...")
    }
}

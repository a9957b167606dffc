import BletherApp
import BletherCore
import BletherTUI
import Testing

/// `--ascii`: every screen is ASCII, the catalogs' punctuation included; letters stay.
@Suite struct ASCIIDrawingTests {
    static func nonASCII(_ grid: CellGrid) -> Set<Character> {
        Set(grid.text.filter { !$0.isASCII })
    }

    @Test func everyScreenIsASCIIInASCIIMode() throws {
        let fixture = try TUIFixture(columns: 80, rows: 24, settings: DisplaySettings(asciiOnly: true))
        _ = try fixture.store.create(form: fixture.adultForm, person: "Morag Campbell", language: "en-GB", at: TUIFixture.clock())
        try fixture.restart()
        var screens: [(String, CellGrid)] = [("home", fixture.app.render())]
        fixture.press(.enter)
        screens.append(("the conversation", fixture.app.render()))
        fixture.press(.function(2))
        screens.append(("the section list", fixture.app.render()))
        fixture.press(.escape, .function(1))
        screens.append(("the help", fixture.app.render()))
        fixture.press(.escape, .function(3))
        screens.append(("who is speaking", fixture.app.render()))
        fixture.press(.escape, .character("1"), .tab, .function(8))
        screens.append(("clear, asked first", fixture.app.render()))
        fixture.press(.escape, .function(7))
        screens.append(("the read-back", fixture.app.render()))
        for (name, grid) in screens {
            #expect(Self.nonASCII(grid).isEmpty, "\(name) in ASCII mode shows \(Self.nonASCII(grid).sorted()):\n\(grid.text)")
        }
        // The same screens drawn normally do use typographic punctuation: the mode is what changed them.
        fixture.press(.escape, .function(6))
        #expect(!Self.nonASCII(fixture.app.render()).isEmpty)
    }

    @Test func theCatalogsPunctuationIsDrawnAsASCIIAndLettersStay() {
        var grid = CellGrid(columns: 60, rows: 1)
        grid.asciiOnly = true
        grid.write("“Tha” — ’s e Màiri · 3×4 … „tak” ▶ ─│┌", row: 0, column: 0)
        #expect(grid.line(0) == "\"Tha\" - 's e Màiri | 3x4 ... \"tak\" > -|+")
    }

    @Test func aControlCharacterIsAQuestionMarkInASCIIMode() {
        var grid = CellGrid(columns: 10, rows: 1)
        grid.asciiOnly = true
        grid.write("a\u{202E}b\u{7}c", row: 0, column: 0)
        #expect(grid.line(0) == "a?b?c")
    }
}

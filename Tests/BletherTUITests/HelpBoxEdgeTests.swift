import BletherApp
import BletherCore
@testable import BletherTUI
import CTextWidth
import Foundation
import Testing

/// Every help box, in every language and at both sizes, stays inside its border on every line
/// as it is scrolled through: nothing is drawn past its edges, and its borders are whole.
@Suite struct HelpBoxEdgeTests {
    static let languages = ["en-GB", "gd", "pl", "zh-Hans", "ur"]
    static let sizes = [(80, 24), (100, 30)]

    /// Opens the help over the screen as it is, then scrolls to its end line by line, checking each frame.
    func checkHelp(_ fixture: TUIFixture, _ what: String) {
        let under = fixture.app.render()
        fixture.press(.function(1))
        let (columns, rows) = (under.columns, under.rows)
        let (left, right) = (2, columns - 3)
        var previous = ""
        for step in 0..<80 {
            let grid = fixture.app.render()
            for row in 2..<(rows - 2) {
                let border = String(fixture.app.settings.glyphs.vertical)
                #expect(grid[row, left].text == border && grid[row, right].text == border,
                        "\(what) step \(step) row \(row): a border is broken\n\(grid.text)")
                for column in 0..<columns {
                    let cell = grid[row, column]
                    if let first = cell.text.unicodeScalars.first, cell.width > 0, Int(blether_wcwidth(first.value)) != Int(cell.width) {
                        Issue.record("\(what) step \(step) row \(row) column \(column): cell “\(cell.text)” (U+\(String(first.value, radix: 16))) is \(cell.width) wide in the grid, \(blether_wcwidth(first.value)) on a terminal")
                    }
                    let extra = grid[row, column].text.unicodeScalars.dropFirst().filter { Int(blether_wcwidth($0.value)) != 0 }
                    if !extra.isEmpty { Issue.record("\(what) step \(step) row \(row) column \(column): cell “\(grid[row, column].text)” holds \(extra.map { String($0.value, radix: 16) }) that a terminal gives a cell of its own") }
                }
                // A wide character the box half covers is blanked: its other half is not drawn past the edge.
                let halfCovered = { (column: Int) in (column == left - 1 && under[row, column].width == 2) || (column == right + 1 && under[row, column].width == 0) }
                for column in Array(0..<left) + Array((right + 1)..<columns)
                where grid[row, column].text != under[row, column].text && !(halfCovered(column) && grid[row, column].text == " ") {
                    Issue.record("\(what) step \(step) row \(row): “\(grid[row, column].text)” drawn past the box's edge at column \(column)\n\(grid.text)")
                }
            }
            if grid.text == previous { break }
            previous = grid.text
            fixture.press(.down)
        }
    }

    @Test(arguments: sizes, languages)
    func theWorkersHelpStaysInItsBox(size: (Int, Int), language: String) throws {
        for settings in [DisplaySettings(), DisplaySettings(asciiOnly: true)] {
            let fixture = try TUIFixture(language: language, columns: size.0, rows: size.1, settings: settings)
            checkHelp(fixture, "\(language) \(size.0)×\(size.1) home ascii \(settings.asciiOnly)")
        }
    }

    @Test(arguments: sizes, languages)
    func thePersonsHelpStaysInItsBox(size: (Int, Int), language: String) throws {
        let fixture = try TUIFixture(language: language, columns: size.0, rows: size.1)
        let summary = try fixture.store.create(form: fixture.adultForm, person: "Morag Campbell", language: language, at: TUIFixture.clock())
        fixture.app.reviewLock = { $0 == "the worker's passphrase" }
        try fixture.app.review(conversation: summary.id)
        checkHelp(fixture, "\(language) \(size.0)×\(size.1) review")
    }

    /// Every key in the person's help stands in the one column of keys, its words beside it: the
    /// ASCII-drawing key (F6) was set at the box's edge, in bold as if a heading, in every language.
    @Test(arguments: languages)
    func everyKeyOfThePersonsHelpIsInTheColumnOfKeys(language: String) throws {
        let fixture = try TUIFixture(language: language, columns: 80, rows: 24)
        let summary = try fixture.store.create(form: fixture.adultForm, person: "Morag Campbell", language: language, at: TUIFixture.clock())
        fixture.app.reviewLock = { $0 == "the worker's passphrase" }
        try fixture.app.review(conversation: summary.id)
        fixture.press(.function(1))
        let lines = fixture.screen.components(separatedBy: "\n")
        func column(of key: String) throws -> Int {
            let line = try #require(lines.first { $0.contains(key) }, "\(language): \(key) is in the help")
            return line.distance(from: line.startIndex, to: line.range(of: key)!.lowerBound)
        }
        #expect(try column(of: "F6, Ctrl-Y") == (try column(of: "F5, Ctrl-L")), "\(language)\n\(fixture.screen)")
        #expect(try column(of: "F4, Ctrl-O") == (try column(of: "F5, Ctrl-L")), "\(language)\n\(fixture.screen)")
        if language == "ur" { try expectSnapshot(fixture.app.render(), named: "review-help-80x24-ur") }
        // In every catalog, each key a help names is set in, as the keys' column has it.
        for key in ["ui.review.help", "ui.tui.help"] {
            let text = fixture.app.catalog.text(key)
            for line in text.components(separatedBy: "\n") where line.contains("{f") {
                #expect(line.hasPrefix("  {f"), "\(language) \(key): “\(line)” is not in the column of keys")
            }
        }
    }
}

import BletherTUI
import Testing

@Suite struct GridDiffTests {
    @Test func onlyWhatChangedIsWritten() {
        var before = CellGrid(columns: 20, rows: 3)
        before.write("Section 4 of 15", row: 1, column: 0)
        var after = before
        #expect(GridDiff.runs(from: before, to: after) == [])
        after.write("5", row: 1, column: 8)
        #expect(GridDiff.runs(from: before, to: after) == [GridDiff.Run(row: 1, column: 8, text: "5", style: .normal)])
    }

    @Test func runsSplitWhereTheStyleChanges() {
        let before = CellGrid(columns: 10, rows: 1)
        var after = before
        after.write("ab", row: 0, column: 0, style: CellStyle(.problem, bold: true))
        after.write("cd", row: 0, column: 2)
        #expect(GridDiff.runs(from: before, to: after).map(\.text) == ["ab", "cd"])
    }

    @Test func wideCharactersAreWrittenWhole() {
        var before = CellGrid(columns: 10, rows: 1)
        before.write("我的", row: 0, column: 0)
        var after = before
        after.write("家", row: 0, column: 2)
        #expect(GridDiff.runs(from: before, to: after) == [GridDiff.Run(row: 0, column: 2, text: "家", style: .normal)])
    }

    @Test func aNewSizeRedrawsEverything() {
        let before = CellGrid(columns: 10, rows: 2)
        var after = CellGrid(columns: 12, rows: 2)
        after.write("x", row: 0, column: 0)
        let runs = GridDiff.runs(from: before, to: after)
        #expect(runs.count == 2)
        #expect(runs[0].text.count == 12)
    }
}

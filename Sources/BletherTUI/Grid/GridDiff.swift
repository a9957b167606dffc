/// What must be written to turn one frame into the next: runs of changed cells that share
/// a style, row by row. The terminal driver writes only these.
///
/// ```swift
/// for run in GridDiff.runs(from: previous, to: grid) { write(run.text, at: run.row, run.column, run.style) }
/// ```
package enum GridDiff {
    package struct Run: Sendable, Equatable {
        package let row: Int
        package let column: Int
        package let text: String
        package let style: CellStyle

        package init(row: Int, column: Int, text: String, style: CellStyle) {
            self.row = row
            self.column = column
            self.text = text
            self.style = style
        }
    }

    /// Changed cells of `next` as runs; every cell when `previous` is `nil` or another size.
    /// The right half of a wide character is never a run of its own.
    package static func runs(from previous: CellGrid?, to next: CellGrid) -> [Run] {
        let whole = previous.map { $0.columns != next.columns || $0.rows != next.rows } ?? true
        var runs: [Run] = []
        for row in 0..<next.rows {
            var column = 0
            var start = -1
            var text = ""
            var style = CellStyle.normal
            func flush() {
                if start >= 0 { runs.append(Run(row: row, column: start, text: text, style: style)) }
                start = -1
                text = ""
            }
            while column < next.columns {
                let cell = next[row, column]
                let width = max(Int(cell.width), 1)
                let isContinuation = cell.width == 0 && cell.text.isEmpty
                let changed = whole || previous![row, column] != cell || (cell.width == 2 && column + 1 < next.columns && previous![row, column + 1] != next[row, column + 1])
                if isContinuation || !changed {
                    if !isContinuation { flush() }
                } else {
                    if start >= 0 && cell.style != style { flush() }
                    if start < 0 { start = column; style = cell.style }
                    text += cell.text
                }
                column += isContinuation ? 1 : width
            }
            flush()
        }
        return runs
    }
}

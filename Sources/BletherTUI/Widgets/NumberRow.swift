import BletherCore

/// A row of whole numbers to choose one from — the full-screen editor for the
/// ``AnswerEditingStyle/numberRow(_:)`` style (a `scale`). ← and → move the choice along
/// the row, a digit chooses that number (0 chooses 10 on a scale that has 10 and no 0),
/// Home and End choose the ends, Backspace clears the choice. The chosen number is said
/// in words beside the row, not by a mark alone.
///
/// ```swift
/// var row = NumberRow(points: 1...5, chosen: nil)
/// row.handle(.character("4"))     // chosen: 4
/// row.handle(.right)              // chosen: 5
/// ```
package struct NumberRow: Sendable, Equatable {
    package let points: ClosedRange<Int>
    package private(set) var chosen: Int?

    /// The cells each number takes: "[10]".
    static let slot = 4

    package init(points: ClosedRange<Int>, chosen: Int?) {
        self.points = points
        self.chosen = chosen.flatMap { points.contains($0) ? $0 : nil }
    }

    /// Applies a key; returns false for keys it does not use, and for a number not on the row.
    @discardableResult
    package mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .left: chosen = chosen.map { max($0 - 1, points.lowerBound) } ?? points.upperBound
        case .right: chosen = chosen.map { min($0 + 1, points.upperBound) } ?? points.lowerBound
        case .home: chosen = points.lowerBound
        case .end: chosen = points.upperBound
        case .backspace, .delete: chosen = nil
        case .character(let typed) where typed.isASCII && typed.isNumber:
            guard let digit = typed.wholeNumberValue else { return false }
            if points.contains(digit) { chosen = digit } else if digit == 0, points.contains(10) { chosen = 10 } else { return false }
        default:
            return false
        }
        return true
    }

    /// Draws the row, and the chosen number in words after it; a row wider than `width` goes on
    /// over as many lines as it needs, so every number shows. Returns the rows used and the caret.
    @discardableResult
    package func draw(into grid: inout CellGrid, row: Int, column: Int, width: Int, chosenWord: String, focused: Bool) -> (rows: Int, caret: GridPoint) {
        var x = column, y = row
        var caret = GridPoint(row: row, column: column + 1)
        for point in points {
            if x + Self.slot > column + width, x > column { x = column; y += 1 }
            let isChosen = point == chosen
            let text = isChosen ? "[\(point)]" : " \(point) "
            grid.write(text, row: y, column: x, style: CellStyle(isChosen && focused ? .selected : .normal, bold: isChosen), limit: column + width)
            if isChosen { caret = GridPoint(row: y, column: x + 1) }
            x += Self.slot
        }
        if let chosen {
            let words = " \(chosen) — \(chosenWord)"
            if x + TextWidth.of(words) > column + width { x = column + 1; y += 1 }
            grid.write(words, row: y, column: x, style: CellStyle(.normal), limit: column + width)
        }
        return (y - row + 1, caret)
    }
}

/// What a click on a cell means, recorded while a screen is laid out, so a click is read
/// against exactly what was drawn: the model never guesses from coordinates.
///
/// ```swift
/// grid.mark(.section(3), row: 7, columns: 0..<30)
/// grid.target(row: 7, column: 12)   // .section(3)
/// ```
package enum HitTarget: Sendable, Equatable {
    /// A question in the conversation, by id: a click focuses it.
    case question(String)
    /// A choice of the list being answered, by its place (0 first): a click chooses it.
    case choice(Int)
    /// A section in the section list, by its place: a click opens it.
    case section(Int)
    /// A line of the home list: 0 starts a new conversation, 1… the conversations shown.
    case homeLine(Int)
}

/// Cells of one row that a click there means ``target`` for.
package struct HitRegion: Sendable, Equatable {
    package let target: HitTarget
    package let row: Int
    package let columns: Range<Int>
}

extension CellGrid {
    /// Records that a click on `row`, within `columns`, means `target`. A region marked later
    /// (drawn over an earlier one) wins.
    package mutating func mark(_ target: HitTarget, row: Int, columns: Range<Int>) {
        guard row >= 0, row < rows, !columns.isEmpty else { return }
        let clamped = max(columns.lowerBound, 0)..<min(columns.upperBound, self.columns)
        guard !clamped.isEmpty else { return }
        hitRegions.append(HitRegion(target: target, row: row, columns: clamped))
    }

    /// What a click on this cell means, if anything.
    package func target(row: Int, column: Int) -> HitTarget? {
        hitRegions.last { $0.row == row && $0.columns.contains(column) }?.target
    }
}

/// Which rows of something taller than its space are shown, and whether the space says there
/// is more above or below: a row at the top ("▲ more above") and one at the foot
/// ("▼ more below"), each taken only when there is more that way.
///
/// ```swift
/// let window = ScrollWindow.around(total: 40, height: 18, keep: 22..<27)
/// for row in window.shown { … }   // content rows to draw, from `top + window.offset`
/// ```
package struct ScrollWindow: Sendable, Equatable {
    /// The first content row shown.
    package let first: Int
    /// How many content rows are shown.
    package let count: Int
    package let moreAbove: Bool
    package let moreBelow: Bool

    /// The content rows shown.
    package var shown: Range<Int> { first..<(first + count) }
    /// Rows of the space before the first content row: the "more above" sign's.
    package var offset: Int { moreAbove ? 1 : 0 }

    package init(first: Int, count: Int, moreAbove: Bool, moreBelow: Bool) {
        self.first = first
        self.count = count
        self.moreAbove = moreAbove
        self.moreBelow = moreBelow
    }

    /// The window starting as near `first` as it can (a stored scroll position), showing as much as fits.
    package static func from(first wanted: Int, total: Int, height: Int) -> ScrollWindow {
        let height = max(height, 0)
        guard total > height else { return ScrollWindow(first: 0, count: max(total, 0), moreAbove: false, moreBelow: false) }
        // Too little room for signs and a line between them: show what fits, and no sign.
        guard height >= 3 else {
            let first = min(max(wanted, 0), total - height)
            return ScrollWindow(first: first, count: height, moreAbove: false, moreBelow: false)
        }
        let last = total - (height - 1)
        if wanted <= 0 { return ScrollWindow(first: 0, count: height - 1, moreAbove: false, moreBelow: true) }
        if wanted >= last { return ScrollWindow(first: last, count: height - 1, moreAbove: true, moreBelow: false) }
        return ScrollWindow(first: wanted, count: height - 2, moreAbove: true, moreBelow: true)
    }

    /// The window that shows all of `keep` (the focused question and its answer) when it fits,
    /// with as much as fits above it; when it does not fit, its start, or, further down, the
    /// row `caret` is on.
    package static func around(total: Int, height: Int, keep: Range<Int>, caret: Int? = nil) -> ScrollWindow {
        guard total > height else { return from(first: 0, total: total, height: height) }
        guard height >= 3 else { return from(first: (caret ?? keep.lowerBound) - height + 1, total: total, height: height) }
        let caret = caret.map { min(max($0, keep.lowerBound), max(keep.upperBound - 1, keep.lowerBound)) }
        // At the top, or at the foot, one row goes to a sign; in between, two.
        if keep.upperBound <= height - 1, (caret ?? 0) < height - 1 { return from(first: 0, total: total, height: height) }
        let last = total - (height - 1)
        if keep.lowerBound >= last { return from(first: last, total: total, height: height) }
        let room = height - 2
        var first = keep.count <= room ? keep.upperBound - room : keep.lowerBound
        if let caret, caret >= first + room { first = caret - room + 1 }
        if let caret, caret < first { first = caret }
        return from(first: max(first, 1), total: total, height: height)
    }
}

extension ScreenFrame {
    /// Says there is more above or below in the rows a ``ScrollWindow`` keeps for it, in `column..<column+width`
    /// of the space from `top` to `bottom`.
    func moreSigns(_ window: ScrollWindow, top: Int, bottom: Int, column: Int, width: Int, style: CellStyle = CellStyle(.muted, bold: true),
                   into grid: inout CellGrid) {
        if window.moreAbove {
            grid.fill(row: top, from: column, to: column + width, style: style)
            grid.write(catalog.text(.tuiMoreAbove, ["mark": glyphs.moreAbove]), row: top, column: column, style: style, limit: column + width)
        }
        if window.moreBelow {
            grid.fill(row: bottom, from: column, to: column + width, style: style)
            grid.write(catalog.text(.tuiMoreBelow, ["mark": glyphs.moreBelow]), row: bottom, column: column, style: style, limit: column + width)
        }
    }
}

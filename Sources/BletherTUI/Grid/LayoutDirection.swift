import BletherCore

/// Which way a screen runs: left to right, or mirrored for a right-to-left language (Urdu),
/// with the section list on the right, text aligned right and the key bar read from the
/// right. Screens draw in logical columns (0 is where a line starts); this is the one place
/// that turns a logical column into a column on the screen.
///
/// ```swift
/// let direction = LayoutDirection(catalog)          // .rightToLeft for ur
/// direction.screenColumn(0, columns: 80)            // 79: a line starts at the right edge
/// ```
package enum LayoutDirection: Sendable, Equatable {
    case leftToRight
    case rightToLeft

    /// The direction of a language, from its catalog (`direction: rtl`): decided here only.
    package init(_ catalog: Catalog) {
        self = catalog.rightToLeft ? .rightToLeft : .leftToRight
    }

    package var isRightToLeft: Bool { self == .rightToLeft }

    /// The screen column of logical cell `logical` on a row `columns` wide.
    package func screenColumn(_ logical: Int, columns: Int) -> Int {
        isRightToLeft ? columns - 1 - logical : logical
    }

    /// The screen column where something `width` cells wide starts, when it starts (logically)
    /// at `logical`: in a mirrored row it ends there instead.
    package func screenStart(_ logical: Int, width: Int, columns: Int) -> Int {
        isRightToLeft ? columns - logical - width : logical
    }
}

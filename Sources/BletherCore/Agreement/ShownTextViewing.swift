import Foundation

/// One showing of a text in progress: which of its lines have been on screen, and since when.
/// A face reports each window of lines it shows; the text counts as gone through only when
/// every line — so every page — has been shown. Plain mode prints the whole text at once.
///
/// ```swift
/// var viewing = ShownTextViewing(openedAt: now)
/// viewing.show(lines: 0..<25, of: 60)     // the first page of 60 lines
/// viewing.show(lines: 35..<60, of: 60)    // Page Down to the end: lines 25–34 were never shown
/// viewing.isComplete                      // false
/// ```
package struct ShownTextViewing: Sendable, Equatable {
    package let openedAt: Date
    package private(set) var lineCount = 0
    private var unseen = IndexSet()

    package init(openedAt: Date) {
        self.openedAt = openedAt
    }

    /// Notes that `lines` of a text laid out in `lineCount` lines are on screen. A new layout
    /// (the window was resized) starts the count again: what was seen cannot be mapped onto it.
    package mutating func show(lines: Range<Int>, of lineCount: Int) {
        if lineCount != self.lineCount {
            self.lineCount = lineCount
            unseen = IndexSet(integersIn: 0..<max(lineCount, 0))
        }
        unseen.remove(integersIn: lines.clamped(to: 0..<max(lineCount, 0)))
    }

    /// Every line has been on screen at least once.
    package var isComplete: Bool { lineCount > 0 && unseen.isEmpty }

    /// The note for the store and the record, as the showing ends at `closedAt`.
    package func note(language: String, sha256: String, closedAt: Date) -> ShownTextNote {
        ShownTextNote(language: language, sha256: sha256, firstShownAt: openedAt,
                      seconds: Int(closedAt.timeIntervalSince(openedAt).rounded(.down)), complete: isComplete)
    }
}

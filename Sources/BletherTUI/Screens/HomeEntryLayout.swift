import BletherCore
import Synchronization

/// The home list's conversations measured and laid out in their columns — each cell wrapped
/// to its column, the person's name in its own direction, the time left to right — each once
/// for a set of column widths and a language. Every conversation's height is known (a cell
/// that fits its column is one line, found without wrapping it); only the conversations in
/// view are laid out. Typing to find then only chooses which to show, however many there are.
///
/// ```swift
/// let heights = layout.heights(of: shownIndices, fitting: fitting) { index in rows of conversations[index] }
/// let cells = layout.cells(of: index, fitting: fitting) { index in lay out conversations[index] }
/// ```
final class HomeEntryLayout: Sendable {
    /// What a measured or laid-out entry depends on besides the conversation itself.
    struct Fitting: Equatable, Sendable {
        let widths: [Int]
        let language: String
    }

    private struct Laid: Sendable {
        var fitting: Fitting?
        /// By position in the home's conversations: how many rows each takes.
        var heights: [Int: Int] = [:]
        /// By position in the home's conversations: each column's lines.
        var cells: [Int: [[String]]] = [:]

        mutating func fit(_ wanted: Fitting) {
            if fitting != wanted { self = Laid(fitting: wanted) }
        }
    }

    private let laid = Mutex(Laid())

    /// The rows each conversation at `indices` takes, measured by `measure` for `fitting`
    /// only where they have not been yet (a new size or language measures them afresh).
    func heights(of indices: [Int], fitting: Fitting, measure: (Int) -> Int) -> [Int] {
        laid.withLock { laid in
            laid.fit(fitting)
            return indices.map { index in
                if let height = laid.heights[index] { return height }
                let height = measure(index)
                laid.heights[index] = height
                return height
            }
        }
    }

    /// The cells of the conversation at `index`, laid out by `layOut` for `fitting` once.
    func cells(of index: Int, fitting: Fitting, layOut: (Int) -> [[String]]) -> [[String]] {
        laid.withLock { laid in
            laid.fit(fitting)
            if let cells = laid.cells[index] { return cells }
            let cells = layOut(index)
            laid.cells[index] = cells
            return cells
        }
    }
}

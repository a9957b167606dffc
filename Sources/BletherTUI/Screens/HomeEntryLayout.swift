import BletherCore
import Synchronization

/// The home list's conversations laid out in their columns — each cell wrapped to its
/// column, the person's name in its own direction, the time left to right — each once for a
/// set of column widths and a language. Typing to find then only chooses which laid-out
/// entries to show, however many conversations there are.
///
/// ```swift
/// let cells = layout.cells(of: shownIndices, fitting: widths) { index in lay out conversations[index] }
/// ```
final class HomeEntryLayout: Sendable {
    /// What a laid-out entry depends on besides the conversation itself.
    struct Fitting: Equatable, Sendable {
        let widths: [Int]
        let language: String
    }

    private struct Laid: Sendable {
        var fitting: Fitting?
        /// By position in the home's conversations: each column's lines.
        var cells: [Int: [[String]]] = [:]
    }

    private let laid = Mutex(Laid())

    /// The cells of the conversations at `indices`, laid out by `layOut` for `fitting` only
    /// where they have not been yet (a new size or language lays them out afresh).
    func cells(of indices: [Int], fitting: Fitting, layOut: (Int) -> [[String]]) -> [[[String]]] {
        laid.withLock { laid in
            if laid.fitting != fitting { laid = Laid(fitting: fitting) }
            return indices.map { index in
                if let cells = laid.cells[index] { return cells }
                let cells = layOut(index)
                laid.cells[index] = cells
                return cells
            }
        }
    }
}

import Foundation

/// One line of the benchmark's table: the figure, its peer measured in the same run, the
/// target the figure is held to, and what the figure includes.
///
/// ```swift
/// report.add(BenchRow(what: "start → passphrase prompt drawn", figure: "41 ms", peer: "dialog 9 ms", target: "≤ 1.5× dialog", met: false, includes: "…"))
/// ```
struct BenchRow {
    let what: String
    let figure: String
    let peer: String
    let target: String
    /// Nil when the row has no target (a scaling row, or a figure given for comparison).
    let met: Bool?
    let includes: String
}

/// The rows gathered in a run, printed as they come and as a table at the end.
final class BenchReport {
    private(set) var rows: [BenchRow] = []

    func add(_ row: BenchRow) {
        rows.append(row)
        let verdict = row.met.map { $0 ? "met" : "MISSED" } ?? "—"
        print("• \(row.what): \(row.figure)   [peer: \(row.peer)]   target \(row.target): \(verdict)")
        fflush(nil)
    }

    func note(_ text: String) {
        print("  \(text)")
        fflush(nil)
    }

    /// The table, in Markdown, for the README.
    func table() -> String {
        var lines = ["| what | figure | peer, same run | target | met | includes |", "|---|---|---|---|---|---|"]
        for row in rows {
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? "—"
            lines.append("| \(row.what) | \(row.figure) | \(row.peer) | \(row.target) | \(met) | \(row.includes) |")
        }
        return lines.joined(separator: "\n")
    }
}

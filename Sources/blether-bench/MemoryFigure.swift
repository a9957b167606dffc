import Foundation

/// Memory of the real `blether` after unlocking, on the busiest screen: a 200×60 terminal,
/// the home list, then a conversation open at eight outcomes. Resident now (VmRSS) and at its
/// peak (VmHWM), from /proc.
///
/// ```swift
/// try MemoryFigure(setup: setup).run(into: report)
/// ```
struct MemoryFigure {
    let setup: BenchSetup

    func run(into report: BenchReport) throws {
        for data in setup.datasets {
            let terminal = try PseudoTerminal([setup.blether.path], environment: setup.environment(data, passphraseFile: true), columns: 200, rows: 60)
            _ = try terminal.wait(for: BenchData.busyPerson)
            try terminal.drain()
            let offset = terminal.output.count
            terminal.type("\u{1b}[B")
            try terminal.drain()
            terminal.type("\r")
            _ = try terminal.wait(for: "Outcome 8", after: offset)
            try terminal.drain()
            let memory = terminal.memory()
            terminal.end()
            let target = data.records.count + 1 >= 1_000 && data.records.count + 1 < 10_000
            report.add(BenchRow(
                what: "memory after unlocking, busiest screen, \(data.records.count + 1) conversations",
                figure: "\(memory.resident / 1024) MB resident, \(memory.peak / 1024) MB peak", peer: "—",
                target: target ? "≤ 40 MB resident" : "—", met: target ? memory.resident <= 40 * 1024 : nil,
                includes: "VmRSS and VmHWM of the process at 200×60 with eight outcomes drawn; the peak holds scrypt's 128 MiB for the moment of unlocking"))
        }
    }
}

import Foundation

/// Type-to-find on the home list: after the home is drawn, letters of a name are typed one at
/// a time, then taken back with Backspace; each key is timed from being written to the
/// pseudo-terminal to the first byte of the redrawn list arriving (the program draws only
/// after it has filtered).
///
/// ```swift
/// try TypeToFindFigure(setup: setup).run(into: report)
/// ```
struct TypeToFindFigure {
    let setup: BenchSetup

    func run(into report: BenchReport) throws {
        for data in setup.datasets {
            let terminal = try PseudoTerminal([setup.blether.path], environment: setup.environment(data, passphraseFile: true))
            _ = try terminal.wait(for: BenchData.busyPerson)
            try terminal.drain()
            var keys = Samples()
            let word = "mac"
            for _ in 0..<max(3, setup.samples) {
                for key in Array(word).map(String.init) + Array(repeating: "\u{7f}", count: word.count) {
                    let offset = terminal.output.count
                    let typed = terminal.type(key)
                    keys.add(try terminal.waitForOutput(after: offset) - typed)
                    try terminal.drain(quiet: .milliseconds(40))
                }
            }
            terminal.end()
            let target = data.records.count + 1 >= 10_000
            report.add(BenchRow(
                what: "type-to-find, one key, \(data.records.count + 1) conversations",
                figure: "p50 \(ms(keys.median)), p99 \(ms(keys.p99))", peer: "—",
                target: target ? "≤ 16 ms per key at 10,000" : "—", met: target ? keys.p99 <= 16 : nil,
                includes: "\(keys.count) keys (m, a, c and Backspace); key written to first byte of the redrawn list"))
        }
    }
}

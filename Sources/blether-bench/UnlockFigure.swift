import BletherRecords
import Foundation

/// Passphrase typed → home drawn: the real `blether` in a pseudo-terminal, timed from the
/// moment the passphrase and Enter are written to the moment the home list's first name has
/// arrived; beside it, the same key unlocked in this process (scrypt with the key's own cost,
/// then opening the sealed private key) — the part of the wait that is deliberate. The data
/// directory is dropped from the page cache before each start.
///
/// ```swift
/// try UnlockFigure(setup: setup).run(into: report)
/// ```
struct UnlockFigure {
    let setup: BenchSetup

    func run(into report: BenchReport) throws {
        for data in setup.datasets {
            var home = Samples(), unlock = Samples(), started = Samples()
            for _ in 0..<setup.samples {
                ColdCache.evict([data.directory.path])
                let terminal = try PseudoTerminal([setup.blether.path], environment: setup.environment(data, passphraseFile: false))
                _ = try terminal.wait(for: "Passphrase for the signing key")
                try terminal.drain(quiet: .milliseconds(30))
                let typed = terminal.type(BenchData.passphrase + "\r")
                home.add(try terminal.wait(for: BenchData.busyPerson, after: terminal.output.count) - typed)
                terminal.end()

                ColdCache.evict([data.directory.path])
                let withFile = try PseudoTerminal([setup.blether.path], environment: setup.environment(data, passphraseFile: true))
                started.add(try withFile.wait(for: BenchData.busyPerson) - withFile.started)
                withFile.end()

                unlock.add(try ContinuousClock().measure { _ = try data.keyFile.unlock(passphrase: BenchData.passphrase) })
            }
            let beyond = home.median - unlock.median
            report.add(BenchRow(
                what: "passphrase → home drawn, \(data.records.count + 1) conversations",
                figure: "\(ms(home.median)) (\(ms(beyond)) beyond unlocking)", peer: "unlocking the key alone \(ms(unlock.median))",
                target: "≤ unlock + 30 ms", met: beyond <= 30,
                includes: "medians of \(home.count); Enter written to the first name read back; data dropped from the page cache"))
            report.add(BenchRow(
                what: "start → home drawn with a passphrase file, \(data.records.count + 1) conversations",
                figure: ms(started.median), peer: "unlocking the key alone \(ms(unlock.median))", target: "—", met: nil,
                includes: "medians of \(started.count); exec to the first name read back, key read from BLETHER_PASSPHRASE_FILE"))
        }
    }
}

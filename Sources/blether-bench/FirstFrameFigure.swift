import Foundation

/// Start → the first thing a worker sees: the real `blether` started in an 80×24
/// pseudo-terminal, timed from just before it is spawned to the moment the passphrase prompt's
/// words have arrived; beside it, `dialog --msgbox` started and timed the same way. Cold
/// (the programs, their shared libraries, forms, catalogs and data dropped from the page
/// cache before each start) and warm (started again at once).
///
/// ```swift
/// try FirstFrameFigure(setup: setup).run(into: report)
/// ```
struct FirstFrameFigure {
    let setup: BenchSetup

    func run(into report: BenchReport) throws {
        guard let dialog = ["/usr/bin/dialog", "/bin/dialog"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            report.note("dialog is not installed (apt-get install dialog): the first-frame figure needs it as its peer")
            return
        }
        let data = setup.largest
        for cold in [true, false] {
            var blether = Samples(), peer = Samples()
            for _ in 0..<setup.samples {
                if cold { ColdCache.evict(setup.bletherFiles + [data.directory.path]) }
                let started = try PseudoTerminal([setup.blether.path], environment: setup.environment(data, passphraseFile: false))
                blether.add(try started.wait(for: "Passphrase for the signing key") - started.started)
                started.end()
                if cold { ColdCache.evict(ColdCache.programFiles(dialog)) }
                let box = try PseudoTerminal([dialog, "--msgbox", "Blether benchmark", "6", "40"], environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
                peer.add(try box.wait(for: "Blether benchmark") - box.started)
                box.end()
            }
            let ratio = blether.median / peer.median
            report.add(BenchRow(
                what: "start → passphrase prompt drawn (\(cold ? "cold" : "warm"), \(data.records.count + 1) conversations)",
                figure: "\(ms(blether.median)) (\(String(format: "%.1f", ratio))× dialog)", peer: "dialog --msgbox \(ms(peer.median))",
                target: "≤ 1.5× dialog", met: ratio <= 1.5,
                includes: "medians of \(blether.count); exec to the prompt's words read from the pseudo-terminal\(cold ? "; page cache dropped for both programs, their libraries, forms, catalogs, data" : "")"))
        }
    }
}

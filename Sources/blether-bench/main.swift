import Foundation

// Blether's speed, as a worker meets it: every figure is the real `blether` started as a new
// process (in a pseudo-terminal where a screen is drawn), with the real key's scrypt cost and
// cold caches where a cold start is what a worker meets, each beside a peer measured in the
// same run. Figures, not pass/fail: run in release,
//   swift build -c release && .build/release/blether-bench
// and see README, "Speed", for what each figure includes.

let report = BenchReport()
do {
    let options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
    print("Blether benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores; data in \(options.directory.path); sizes \(options.sizes.map(String.init).joined(separator: ", "))")
    let setup = try BenchSetup(options: options, report: report)
    defer { if options.keep { print("kept: \(setup.scratch.path)") } else { setup.removeScratch() } }
    if BenchFigure.firstFrame.isWanted(by: options) { try FirstFrameFigure(setup: setup).run(into: report) }
    if BenchFigure.unlock.isWanted(by: options) { try UnlockFigure(setup: setup).run(into: report) }
    if BenchFigure.verify.isWanted(by: options) { try VerifyFigure(setup: setup).run(into: report) }
    if BenchFigure.autosave.isWanted(by: options) { try AutosaveFigure(setup: setup).run(into: report) }
    if BenchFigure.find.isWanted(by: options) { try TypeToFindFigure(setup: setup).run(into: report) }
    if BenchFigure.forms.isWanted(by: options) { try FormsLoadFigure(setup: setup).run(into: report) }
    if BenchFigure.memory.isWanted(by: options) { try MemoryFigure(setup: setup).run(into: report) }
    print("\n" + report.table())
} catch {
    FileHandle.standardError.write(Data("blether-bench: \(error)\n".utf8))
    exit(1)
}

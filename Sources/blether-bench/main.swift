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
    defer { setup.removeScratch() }
    try FirstFrameFigure(setup: setup).run(into: report)
    try UnlockFigure(setup: setup).run(into: report)
    try VerifyFigure(setup: setup).run(into: report)
    try AutosaveFigure(setup: setup).run(into: report)
    try TypeToFindFigure(setup: setup).run(into: report)
    try FormsLoadFigure(setup: setup).run(into: report)
    try MemoryFigure(setup: setup).run(into: report)
    print("\n" + report.table())
} catch {
    FileHandle.standardError.write(Data("blether-bench: \(error)\n".utf8))
    exit(1)
}

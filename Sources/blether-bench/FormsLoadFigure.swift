import Foundation

/// Forms and catalogs loaded from cold, as a whole process: `blether forms check` (every form
/// and all five languages read and checked) beside `blether --help` (the same program started
/// and ended without reading any), each with the program, its libraries, forms and catalogs
/// dropped from the page cache first. The figure is the difference of the medians.
///
/// ```swift
/// try FormsLoadFigure(setup: setup).run(into: report)
/// ```
struct FormsLoadFigure {
    let setup: BenchSetup

    func run(into report: BenchReport) throws {
        var check = Samples(), bare = Samples()
        let data = setup.datasets[0]
        for _ in 0..<setup.samples {
            ColdCache.evict(setup.bletherFiles)
            check.add(try ContinuousClock().measure { _ = try setup.runToExit(["forms", "check"], data: data) })
            ColdCache.evict(setup.bletherFiles)
            bare.add(try ContinuousClock().measure { _ = try setup.runToExit(["--help"], data: data) })
        }
        let load = check.median - bare.median
        report.add(BenchRow(
            what: "forms and catalogs load, cold", figure: "\(ms(load)) (\(ms(check.median)) for the whole check)",
            peer: "the same program doing nothing, cold: \(ms(bare.median))", target: "≤ 20 ms", met: load <= 20,
            includes: "medians of \(check.count); blether forms check minus blether --help, both whole processes"))
    }
}

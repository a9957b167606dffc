import BletherCore
import BletherForms
import BletherStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An answer saved as the full screen saves it — handled by the engine, sealed, committed to
/// the store on the disk being measured — beside a bare write and fdatasync of the same
/// size to a file in the same directory, the two taken in turn so both meet the same disk.
///
/// ```swift
/// try AutosaveFigure(setup: setup).run(into: report)
/// ```
struct AutosaveFigure {
    let setup: BenchSetup

    func run(into report: BenchReport) throws {
        let directory = setup.scratch.appendingPathComponent("autosave")
        try? FileManager.default.removeItem(at: directory)
        let store = try ConversationStore.open(directory: directory, key: setup.key)
        guard let form = setup.library.latestForm(id: "adult-good-conversation") else { throw BenchFailure("the adult-good-conversation form is missing") }
        let summary = try store.create(form: form, person: "Autosave Person", language: "en-GB", at: Date())
        var session = try store.restore(id: summary.id, form: form)
        let questions = form.sections[0...2].flatMap(\.questions).filter { $0.kind == .text && $0.relevant == nil }.map(\.id)
        let bareFile = directory.appendingPathComponent("bare-fdatasync")
        let descriptor = open(bareFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw BenchFailure("cannot write \(bareFile.path)") }
        defer { close(descriptor) }
        var saves = Samples(), bare = Samples()
        let clock = ContinuousClock()
        for index in 0..<setup.autosaves {
            let answer = "Answer number \(index), in the person's own words."
            saves.add(try clock.measure {
                let now = Date()
                let effects = try session.handle(.answer(question: questions[index % questions.count], value: .text(answer)), at: now)
                try store.save(effects, of: session, conversation: summary.id, at: now)
            })
            let bytes = Array(answer.utf8)
            bare.add(clock.measure {
                _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(index % 64) * 4096) }
                _ = fdatasync(descriptor)
            })
        }
        let ratio = saves.p99 / bare.p99
        report.add(BenchRow(
            what: "autosave one answer",
            figure: "p50 \(ms(saves.median)), p99 \(ms(saves.p99)) (\(String(format: "%.1f", ratio))× bare at p99)",
            peer: "write + fdatasync p50 \(ms(bare.median)), p99 \(ms(bare.p99))",
            target: "p99 ≤ 1.5× bare", met: ratio <= 1.5,
            includes: "\(saves.count) answers, each engine + seal + SQLite commit on \(directory.path)"))
    }
}

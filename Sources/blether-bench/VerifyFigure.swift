import BletherRecords
import BletherStore
import Foundation

/// `blether verify --all` as a worker runs it: the real program, a new process, its data
/// dropped from the page cache, timed from spawn to exit and divided by the records it
/// checked; beside it, in this process and the same run, a bare Ed25519 check of the same
/// signatures over the same bytes on every core (the envelopes read from the store
/// beforehand, so only the arithmetic is timed). The figure is the bare check's time as a
/// share of the program's.
///
/// ```swift
/// try VerifyFigure(setup: setup).run(into: report)
/// ```
struct VerifyFigure {
    let setup: BenchSetup

    func run(into report: BenchReport) throws {
        for data in setup.datasets {
            let store = try ConversationStore.open(directory: data.directory, key: try data.keyFile.unlock(passphrase: BenchData.passphrase))
            guard let key = data.keyFile.identity.signingPublicKey else { throw BenchFailure("the benchmark key has no public key") }
            var checks: [(signature: Data, bytes: Data)] = []
            for record in data.records {
                for revision in try store.revisions(record: record) {
                    let envelope = try Envelope(decoding: revision.envelope)
                    let bytes = envelope.signedBytes
                    for signature in envelope.signatures where signature.keyID == data.keyFile.identity.keyID {
                        checks.append((signature.bytes, bytes))
                    }
                }
            }
            var whole = Samples(), bare = Samples()
            for _ in 0..<setup.samples {
                ColdCache.evict([data.directory.path])
                let elapsed = try ContinuousClock().measure {
                    let status = try setup.runToExit(["verify", "--all"], data: data)
                    guard status == 0 else { throw BenchFailure("blether verify --all exited \(status) on the benchmark's records") }
                }
                whole.add(elapsed)
                // The limit of Ed25519 on this machine: every core checking its share.
                let cores = ProcessInfo.processInfo.activeProcessorCount
                let checks = checks
                bare.add(ContinuousClock().measure {
                    DispatchQueue.concurrentPerform(iterations: cores) { core in
                        for index in stride(from: core, to: checks.count, by: cores) {
                            precondition(key.isValidSignature(checks[index].signature, for: checks[index].bytes))
                        }
                    }
                })
            }
            let count = Double(data.records.count)
            let share = bare.median / whole.median
            // Held to its target where the start and the unlock (a deliberate 0.1–0.2 s) are small
            // beside the checking: the largest size measured, when it is 1,000 records or more.
            let held = data.records.count >= 1_000 && data.records.count == setup.datasets.map(\.records.count).max()
            report.add(BenchRow(
                what: "verify --all, \(data.records.count) signed records",
                figure: "\(String(format: "%.3f", whole.median / count)) ms a record (\(String(format: "%.0f", 100 * share))% of bare Ed25519)",
                peer: "bare Ed25519 on all \(ProcessInfo.processInfo.activeProcessorCount) cores \(String(format: "%.3f", bare.median / count)) ms a record",
                target: held ? "≥ 75% of bare" : "—", met: held ? share >= 0.75 : nil,
                includes: "medians of \(whole.count); whole process (start, unlock, read, decrypt, check, audit) over the checks alone; data dropped from the page cache"))
        }
    }
}

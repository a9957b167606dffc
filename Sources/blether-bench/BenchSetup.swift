import BletherForms
import BletherRecords
import Foundation

/// What every figure shares: the real `blether` beside this program, the data directories
/// at each size, how many samples to take, and the environment `blether` is started with.
///
/// ```swift
/// let setup = try BenchSetup(options: options, report: report)
/// try UnlockFigure(setup: setup).run(into: report)
/// ```
struct BenchSetup {
    let blether: URL
    /// The program, its shared libraries, the forms and catalogs: what a cold start reads.
    let bletherFiles: [String]
    let library: FormLibrary
    let scratch: URL
    let key: UnlockedKey
    let datasets: [BenchData]
    let samples: Int
    let autosaves: Int

    /// The dataset nearest 1,000 conversations, where the single-size figures are taken.
    var largest: BenchData {
        datasets.min { abs($0.records.count - 1_000) < abs($1.records.count - 1_000) }!
    }

    init(options: BenchOptions, report: BenchReport) throws {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        blether = here.appendingPathComponent("blether")
        guard FileManager.default.isExecutableFile(atPath: blether.path) else {
            throw BenchFailure("\(blether.path) is missing: build both with swift build -c release")
        }
        let location = ContentLocation.shipped(executable: blether)
        library = FormLibrary.load(from: location)
        guard library.problems.isEmpty else { throw BenchFailure("the shipped forms have problems; run blether forms check") }
        bletherFiles = ColdCache.programFiles(blether.path) + [location.formsDirectory.path, location.localesDirectory.path]
        scratch = options.directory.appendingPathComponent("blether-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        samples = options.samples
        autosaves = options.autosaves

        // The key is made as `blether keys init` makes it, with the same scrypt cost.
        let made = try WorkerKeyFile.create(name: "Benchmark Worker", role: .worker, passphrase: BenchData.passphrase)
        key = made.key
        var datasets: [BenchData] = []
        for size in options.sizes {
            let clock = ContinuousClock()
            let started = clock.now
            datasets.append(try BenchData.make(conversations: max(0, size - 1), in: scratch, library: library, keyFile: made.file, key: made.key))
            report.note("made \(size) conversations (\(size - 1) signed, one busy draft) in \(ms((clock.now - started).milliseconds))")
        }
        self.datasets = datasets
    }

    /// The environment `blether` is started with for `data`.
    func environment(_ data: BenchData, passphraseFile: Bool) -> [String: String] {
        var environment = ["BLETHER_HOME": data.directory.path, "LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": scratch.path,
                           "PATH": "/usr/bin:/bin"]
        if passphraseFile { environment["BLETHER_PASSPHRASE_FILE"] = data.passphraseFile.path }
        return environment
    }

    /// Runs `blether` with `arguments` and no terminal, its output thrown away; its exit status.
    func runToExit(_ arguments: [String], data: BenchData) throws -> Int32 {
        let process = Process()
        process.executableURL = blether
        process.arguments = arguments
        process.environment = environment(data, passphraseFile: true)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func removeScratch() { try? FileManager.default.removeItem(at: scratch) }
}

import BletherApp
import BletherCore
import BletherForms
import BletherPlain
import BletherRecords
import BletherStore
import BletherTUI
import Foundation

// Figures for the foundation's speed targets. Run in release:
//   swift run -c release blether-bench
// Each figure is printed with its target; nothing here fails a build.

/// Milliseconds of a duration.
func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// The value at `fraction` (0…1) of sorted samples.
func percentile(_ samples: [Double], _ fraction: Double) -> Double {
    let sorted = samples.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
}

func report(_ name: String, _ samples: [Double], target: String) {
    let line = String(format: "%-44@ p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms   (n=%d; target %@)",
                      name as NSString, percentile(samples, 0.5), percentile(samples, 0.99), samples.max() ?? 0, samples.count, target as NSString)
    print(line)
}

let clock = ContinuousClock()
let location = ContentLocation.shipped()

/// Resident set size of this process in kB, from /proc.
func residentKilobytes() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    return status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        .flatMap { $0.split(separator: " ").dropFirst().first.map(String.init) } ?? "?"
}

/// The benchmark worker's passphrase; its key is made with few scrypt rounds, as only the
/// work after unlocking is measured here.
let benchPassphrase = "benchmark passphrase"

if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "rss-probe" {
    let library = FormLibrary.load(from: location)
    let directory = URL(fileURLWithPath: CommandLine.arguments[2])
    let keyFile = try JSONDecoder().decode(WorkerKeyFile.self, from: Data(contentsOf: directory.appendingPathComponent("key.json")))
    let store = try ConversationStore.open(directory: directory, key: try keyFile.unlock(passphrase: benchPassphrase))
    let app = try FullScreenApp(library: library, catalog: library.catalog(language: "en-GB")!, language: "en-GB", store: store, size: (200, 60))
    try app.open(conversation: CommandLine.arguments[3])
    app.handle(.enter)
    for character in "Get to choir every week 我想每个星期去唱诗班" { app.handle(.character(character)) }
    _ = GridDiff.runs(from: nil, to: app.render())
    print(residentKilobytes())
    exit(0)
}
print("Blether foundation benchmarks — forms from \(location.formsDirectory.path)")

// 1. Loading and validating every shipped form and catalog.
var loadSamples: [Double] = []
var library = FormLibrary.load(from: location)
for _ in 0..<50 {
    let elapsed = clock.measure { library = FormLibrary.load(from: location) }
    loadSamples.append(milliseconds(elapsed))
}
guard library.problems.isEmpty, let form = library.latestForm(id: "adult-good-conversation") else {
    print("The shipped forms have problems; run blether forms check."); exit(1)
}
report("load + validate forms and catalogs", loadSamples, target: "≤ 20 ms")

// 2. Autosave: 10,000 answers, each handled by the engine, sealed and committed to disk.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("blether-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: scratch) }
let benchKey = try WorkerKeyFile.create(name: "Benchmark Worker", role: .worker, passphrase: benchPassphrase, rounds: 1 << 10)
let store = try ConversationStore.open(directory: scratch.appendingPathComponent("autosave"), key: benchKey.key)
let summary = try store.create(form: form, person: "Benchmark Person", language: "en-GB", at: Date())
var session = try store.restore(id: summary.id, form: form)
let textQuestions = form.sections[0...2].flatMap(\.questions).filter { $0.kind == .text && $0.relevant == nil }.map(\.id)
var saveSamples: [Double] = []
saveSamples.reserveCapacity(10_000)
for index in 0..<10_000 {
    let question = textQuestions[index % textQuestions.count]
    let elapsed = try clock.measure {
        let now = Date()
        let effects = try session.handle(.answer(question: question, value: .text("Answer number \(index), in the person's own words.")), at: now)
        try store.save(effects, of: session, conversation: summary.id, at: now)
    }
    saveSamples.append(milliseconds(elapsed))
}
report("autosave one answer (engine + SQLite commit)", saveSamples, target: "p99 ≤ 5 ms")

// 3. Listing with 5,000 drafts in the store.
let listingStore = try ConversationStore.open(directory: scratch.appendingPathComponent("listing"), key: benchKey.key)
let catalog = library.catalog(language: "en-GB")!
let fillTime = try clock.measure {
    for index in 0..<5_000 {
        _ = try listingStore.create(form: form, person: "Person \(index)", language: "en-GB", at: Date())
    }
}
print(String(format: "(filled 5,000 drafts in %.1f s)", milliseconds(fillTime) / 1000))
var listSamples: [Double] = []
for _ in 0..<30 {
    let elapsed = try clock.measure {
        let lines = ConversationListing.lines(try listingStore.summaries(), catalog: catalog)
        precondition(lines.count == 5_001)
    }
    listSamples.append(milliseconds(elapsed))
}
report("list 5,000 conversations", listSamples, target: "≤ 100 ms")

// 4. Full screen: first frame with 1,000 conversations in the store.
let crowded = scratch.appendingPathComponent("crowded")
do {
    let store = try ConversationStore.open(directory: crowded, key: benchKey.key)
    for index in 0..<1_000 { _ = try store.create(form: form, person: "Person \(index)", language: "en-GB", at: Date()) }
}
var firstFrameSamples: [Double] = []
for _ in 0..<20 {
    let elapsed = try clock.measure {
        let library = FormLibrary.load(from: location)
        let store = try ConversationStore.open(directory: crowded, key: try benchKey.file.unlock(passphrase: benchPassphrase))
        let app = try FullScreenApp(library: library, catalog: library.catalog(language: "en-GB")!, language: "en-GB", store: store, size: (80, 24))
        let grid = app.render()
        precondition(!GridDiff.runs(from: nil, to: grid).isEmpty)
    }
    firstFrameSamples.append(milliseconds(elapsed))
}
report("first frame, 1,000 conversations (in process)", firstFrameSamples, target: "≤ 60 ms")

// The same, as a new process: `blether list` reads forms, catalogs and the store and prints.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("blether")
if FileManager.default.isExecutableFile(atPath: binary.path) {
    try KeyStore(dataDirectory: crowded).saveOwnKey(benchKey.file)
    try (benchPassphrase + "\n").write(to: crowded.appendingPathComponent("passphrase.txt"), atomically: true, encoding: .utf8)
    var processSamples: [Double] = []
    for _ in 0..<10 {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["list"]
        process.environment = ["BLETHER_HOME": crowded.path, "LANG": "C.UTF-8", "HOME": NSHomeDirectory(),
                               "BLETHER_PASSPHRASE_FILE": crowded.appendingPathComponent("passphrase.txt").path]
        process.standardOutput = FileHandle.nullDevice
        let elapsed = try clock.measure {
            try process.run()
            process.waitUntilExit()
        }
        processSamples.append(milliseconds(elapsed))
    }
    report("new process to 1,000 listed (blether list)", processSamples, target: "≤ 60 ms")
}

// 5. Render and diff of the busiest screen, 200×60: a long section, an outcome being written.
let busyStore = try ConversationStore.open(directory: scratch.appendingPathComponent("busy"), key: benchKey.key)
try JSONEncoder().encode(benchKey.file).write(to: scratch.appendingPathComponent("busy/key.json"))
let busy = try busyStore.create(form: form, person: "李小梅 (Li Xiaomei)", language: "en-GB", at: Date())
var busySession = try busyStore.restore(id: busy.id, form: form)
var busyEvents: [SessionEvent] = [.jump(section: "outcomes")]
busyEvents.append(.answer(question: "agreed-outcomes", value: .outcomes((1...8).map {
    OutcomeEntry(outcome: "Outcome \($0): get to the choir every week, 我想每个星期去唱诗班", group: .qualityOfLife, milestones: "First with Ann, then alone",
                 timescale: "\($0) months", howWeWillKnow: "We will both see it in the diary", mayNeedFundedSupport: $0 % 2 == 0)
})))
for event in busyEvents { try busyStore.save(try busySession.handle(event, at: Date()), of: busySession, conversation: busy.id, at: Date()) }
let busyApp = try FullScreenApp(library: library, catalog: library.catalog(language: "en-GB")!, language: "en-GB", store: busyStore, size: (200, 60))
try busyApp.open(conversation: busy.id)
busyApp.handle(.enter)
var previousFrame = busyApp.render()
var renderSamples: [Double] = []
for index in 0..<2_000 {
    busyApp.handle(.character(index % 2 == 0 ? "a" : "我"))
    let elapsed = clock.measure {
        let frame = busyApp.render()
        _ = GridDiff.runs(from: previousFrame, to: frame)
        previousFrame = frame
    }
    renderSamples.append(milliseconds(elapsed))
}
report("render + diff, busiest screen at 200×60", renderSamples, target: "p99 ≤ 2 ms")

// 6. Resident memory of a process that holds only the busiest screen: this program run
// again as a probe, so the benchmark's own samples and stores are not counted.
let probe = Process()
probe.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
probe.arguments = ["rss-probe", scratch.appendingPathComponent("busy").path, busy.id]
let probeOutput = Pipe()
probe.standardOutput = probeOutput
try probe.run()
probe.waitUntilExit()
let rss = String(decoding: probeOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
print("resident memory with the busiest screen drawn: \(rss) kB (target ≤ 40 MB)")

// 7. Signed records: seal-plus-sign of a full adult record, and verification throughput
// for 10,000 sealed records next to raw Ed25519 verification in the same run.
let signing = benchKey.key
let fullSession: Session = {
    var session = Session(form: form)
    var events: [SessionEvent] = []
    for question in form.allQuestions {
        let value: AnswerValue
        switch question.kind {
        case .text, .line: value = .text("In the person's own words, about \(question.id).")
        case .singleChoice(let ids, _): value = .choice(ids.first, other: nil)
        case .multipleChoice(let ids, _): value = .choices(Array(ids.prefix(2)), other: nil)
        case .wholeNumber: value = .number(2)
        case .scale(let from, _): value = .number(from)
        case .money: value = .money(Money(pence: 10_000))
        case .date: value = .date(try! CalendarDate(parsing: "2027-03-01"))
        case .yesNo: value = .yesNo(question.id != "direct-payment-available")
        case .people: value = .people([PersonEntry(name: "Ann", relationship: "daughter", doesNow: "shopping", willingAndAble: "visits")])
        case .outcomes: value = .outcomes([OutcomeEntry(outcome: "Choir every week", group: .qualityOfLife, mayNeedFundedSupport: true)])
        case .supportPlan: value = .supportPlan([SupportPlan.Line(support: "personal-assistant-hour", quantity: 2, frequency: .perWeek, outcome: "Choir every week")])
        }
        events.append(.answer(question: question.id, value: value))
    }
    for _ in 0..<3 { for event in events { _ = try? session.handle(event, at: Date()) } }
    return session
}()
let shown = ReadBackShown(language: "en-GB", sha256: ContentHash.sha256("summary"), at: Date())
let benchWords = ConversationWording(catalog: library.catalog(language: "en-GB")!, form: form)
var sealSamples: [Double] = []
var sealed: [Data] = []
for index in 0..<200 {
    let elapsed = try clock.measure {
        let payload = AssessmentPayload(record: "bench\(index)", revision: 1, previous: nil, form: form, formSHA256: ContentHash.sha256("form"),
                                        person: "Benchmark Person", language: "en-GB", session: fullSession, readBack: shown,
                                        signer: signing.identity, sealedAt: Date(),
                                        costing: try CostingRecord(costing: ConversationCosting(session: fullSession)!, words: benchWords, rulesSHA256: "0"))
        sealed.append(try Envelope.sign(payload: payload.canonical.encoded, type: Envelope.assessmentType, with: signing).encoded)
    }
    sealSamples.append(milliseconds(elapsed))
}
report("work out, explain, seal + sign a full adult record (\(fullSession.answers.count) answers)", sealSamples, target: "≤ 10 ms")

let verifier = RevisionVerifier(trusted: [signing.identity])
let records = (0..<10_000).map { sealed[$0 % sealed.count] }
let verifyTime = clock.measure {
    for (index, envelope) in records.enumerated() {
        precondition(verifier.verify(record: "bench\(index % sealed.count)", envelopes: [envelope]).failure == nil)
    }
}
let decoded = try records.map { try Envelope(decoding: $0) }
let publicKey = signing.identity.signingPublicKey!
let rawTime = clock.measure {
    for envelope in decoded { precondition(publicKey.isValidSignature(envelope.signatures[0].bytes, for: envelope.signedBytes)) }
}
let recordsPerSecond = 10_000 / (milliseconds(verifyTime) / 1000)
let rawPerSecond = 10_000 / (milliseconds(rawTime) / 1000)
print(String(format: "verify 10,000 sealed records, one core: %.0f records/s; raw Ed25519 verify: %.0f/s; %.0f%% of raw (target ≥ 75%%)",
             recordsPerSecond, rawPerSecond, 100 * recordsPerSecond / rawPerSecond))

// 8. Every redraw works out each section's state; with the costing, its constraints cost a calculation.
var stateSamples: [Double] = []
for _ in 0..<500 {
    stateSamples.append(milliseconds(clock.measure { _ = fullSession.sectionStates }))
}
report("section states of a whole costed conversation (each redraw)", stateSamples, target: "well inside the 2 ms frame")

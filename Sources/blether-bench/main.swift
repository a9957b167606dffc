import BletherCore
import BletherForms
import BletherPlain
import BletherStore
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

// 2. Autosave: 10,000 answers, each handled by the engine and committed to disk.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("blether-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: scratch) }
let store = try ConversationStore.open(directory: scratch.appendingPathComponent("autosave"))
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
let listingStore = try ConversationStore.open(directory: scratch.appendingPathComponent("listing"))
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

import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation

/// A worker's data directory as the benchmark measures it: a key made with the same scrypt
/// cost `blether` gives a new key, a passphrase file, `count` conversations each signed
/// through the same sealing `blether sign` uses, and on top of the home list one draft with a
/// long outcomes list open (the busiest screen).
///
/// Made in memory-backed scratch (so making 10,000 signed records takes a minute, not the
/// disk's time), then copied to `parent` on the disk being measured.
///
/// ```swift
/// let data = try BenchData.make(conversations: 1_000, in: scratch, library: library)
/// ```
struct BenchData {
    static let passphrase = "a benchmark passphrase, long as a real one"
    static let busyPerson = "Zoë Busy-Outcomes"

    let directory: URL
    let passphraseFile: URL
    let keyFile: WorkerKeyFile
    let busyConversation: String
    let records: [String]

    static func make(conversations count: Int, in parent: URL, library: FormLibrary, keyFile: WorkerKeyFile, key: UnlockedKey) throws -> BenchData {
        let name = "data-\(count)"
        let memory = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : parent
        let building = memory.appendingPathComponent("blether-bench-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: building)
        defer { try? FileManager.default.removeItem(at: building) }
        try FileManager.default.createDirectory(at: building, withIntermediateDirectories: true)
        try KeyStore(dataDirectory: building).saveOwnKey(keyFile)

        let store = try ConversationStore.open(directory: building, key: key)
        guard let loaded = library.loadedForm(id: "outcomes-review", version: library.latestForm(id: "outcomes-review")?.version ?? 0) else {
            throw BenchFailure("the shipped outcomes-review form is missing")
        }
        let formHash = try ContentHash.sha256(fileAt: loaded.url)
        let words = ConversationWording(catalog: library.catalog(language: "en-GB")!, form: loaded.form)
        let sealing = RecordSealing(store: store)
        var records: [String] = []
        for index in 0..<count {
            let summary = try store.create(form: loaded.form, person: personName(index), language: "en-GB", at: Date())
            let session = try finished(store, summary, loaded.form, words: words)
            try sealing.seal(conversation: summary, session: session, formSHA256: formHash, key: key, at: Date(),
                             readBackText: { _ in ReadBackSummary(session: session, words: words, person: summary.person).text })
            records.append(summary.id)
        }
        let busy = try busyDraft(store, library: library)

        let directory = parent.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.copyItem(at: building, to: directory)
        let passphraseFile = parent.appendingPathComponent("\(name)-passphrase.txt")
        guard FileManager.default.createFile(atPath: passphraseFile.path, contents: Data((passphrase + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw BenchFailure("cannot write \(passphraseFile.path)")
        }
        return BenchData(directory: directory, passphraseFile: passphraseFile, keyFile: keyFile, busyConversation: busy, records: records)
    }

    /// Names as a council's list has them: many first names and surnames, some accented.
    static func personName(_ index: Int) -> String {
        let first = ["Morag", "Iain", "Ailsa", "Ruairidh", "Siobhán", "Mairi", "Wojciech", "Agnieszka", "李", "Fatima", "Euan", "Kirsty", "Hamish", "Eilidh"]
        let last = ["Campbell", "MacLeod", "Pentland", "Ó Briain", "Nowak", "小梅", "Khan", "Stewart", "Robertson", "Fraser", "Murray", "Thomson"]
        return "\(first[index % first.count]) \(last[(index / first.count) % last.count]) \(index)"
    }

    /// An outcomes review finished as a face finishes one: who was here and consent, three
    /// sections talked about, the summary read back in full, the person's agreement.
    private static func finished(_ store: ConversationStore, _ summary: ConversationSummary, _ form: Form, words: ConversationWording) throws -> Session {
        var session = try store.restore(id: summary.id, form: form)
        let now = Date()
        func apply(_ event: SessionEvent) throws {
            try store.save(try session.handle(event, at: now), of: session, conversation: summary.id, at: now)
        }
        try apply(.answer(question: "present", value: .choices(["person"], other: nil)))
        try apply(.answer(question: "consent-record", value: .yesNo(true)))
        for section in ["outcomes-met", "what-changed", "support"] {
            try apply(.jump(section: section))
            try apply(.markNothingHere(note: "We talked it through; nothing to add"))
        }
        let text = ReadBackSummary(session: session, words: words, person: summary.person).text
        try apply(.shown(.summary, ShownTextNote(language: "en-GB", sha256: ContentHash.sha256(text), firstShownAt: now, seconds: 60, complete: true)))
        try apply(.answer(question: "read-back", value: .yesNo(true)))
        try apply(.answer(question: "agreement", value: .choice("agrees", other: nil)))
        try apply(.answer(question: "copy-wanted", value: .yesNo(true)))
        try apply(.answer(question: "next-review", value: .date(try CalendarDate(parsing: "2027-06-01"))))
        return session
    }

    /// A good-conversation draft with eight outcomes, left open at them: made last, so it is
    /// first on the home list.
    private static func busyDraft(_ store: ConversationStore, library: FormLibrary) throws -> String {
        guard let form = library.latestForm(id: "adult-good-conversation") else { throw BenchFailure("the shipped adult-good-conversation form is missing") }
        let summary = try store.create(form: form, person: busyPerson, language: "en-GB", at: Date())
        var session = try store.restore(id: summary.id, form: form)
        let outcomes = (1...8).map {
            OutcomeEntry(outcome: "Outcome \($0): get to the choir every week, 我想每个星期去唱诗班", group: .qualityOfLife, milestones: "First with Ann, then alone",
                         timescale: "\($0) months", howWeWillKnow: "We will both see it in the diary", mayNeedFundedSupport: $0 % 2 == 0)
        }
        for event: SessionEvent in [.jump(section: "outcomes"), .answer(question: "agreed-outcomes", value: .outcomes(outcomes))] {
            try store.save(try session.handle(event, at: Date()), of: session, conversation: summary.id, at: Date())
        }
        return summary.id
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation
import Testing

/// Sealing refuses a revision that would say nothing new; copies read every revision with its
/// signatures; exports and copies given are told apart in the audit log; copies are private files.
@Suite final class RecordSealingTests {
    static let key = ConversationStoreTests.key
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    let form = RecordSealingTests.library.latestForm(id: "outcomes-review")!
    var words: ConversationWording { ConversationWording(catalog: Self.library.catalog(language: "en-GB")!, form: form) }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-sealing-\(UUID().uuidString)")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A finished outcomes review, saved as a face would save it: who was here and consent, three
    /// sections talked about with nothing to add, the summary read back, and the person's agreement.
    func finished(_ store: ConversationStore, _ summary: ConversationSummary) throws -> Session {
        var session = try store.restore(id: summary.id, form: form)
        func apply(_ event: SessionEvent) throws {
            try store.save(try session.handle(event, at: now), of: session, conversation: summary.id, at: now)
        }
        try apply(.answer(question: "present", value: .choices(["person"], other: nil)))
        try apply(.answer(question: "consent-record", value: .yesNo(true)))
        for section in ["outcomes-met", "what-changed", "support"] {
            try apply(.jump(section: section))
            try apply(.markNothingHere(note: "We talked it through; nothing to add"))
        }
        // The summary is read back, every page, before the person is asked.
        let text = ReadBackSummary(session: session, words: words, person: summary.person).text
        try apply(.shown(.summary, ShownTextNote(language: "en-GB", sha256: ContentHash.sha256(text), firstShownAt: now, seconds: 60, complete: true)))
        try apply(.answer(question: "read-back", value: .yesNo(true)))
        try apply(.answer(question: "agreement", value: .choice("agrees", other: nil)))
        try apply(.answer(question: "copy-wanted", value: .yesNo(true)))
        try apply(.answer(question: "next-review", value: .date(try CalendarDate(parsing: "2027-06-01"))))
        return session
    }

    @discardableResult
    func seal(_ sealing: RecordSealing, _ summary: ConversationSummary, _ session: Session, at seconds: TimeInterval) throws(RecordSealing.Problem) -> Envelope {
        try sealing.seal(conversation: summary, session: session, formSHA256: "0", key: Self.key, at: Date(timeIntervalSince1970: seconds),
                         readBackText: { _ in ReadBackSummary(session: session, words: self.words, person: summary.person).text })
    }

    @Test func manyRecordsAreCheckedInSharesAndReportedInTheOrderAsked() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let sealing = RecordSealing(store: store)
        var records: [String] = []
        for index in 0..<70 {
            let summary = try store.create(form: form, person: "Person \(index)", language: "en-GB", at: now)
            try seal(sealing, summary, try finished(store, summary), at: 1_800_000_100)
            records.append(summary.id)
        }
        records.insert("nosuchid", at: 33)
        let checked = sealing.verify(records: records, trusted: [Self.key.identity])
        #expect(checked.map(\.record) == records, "in the order asked, whichever core checked each")
        for (record, outcome) in checked {
            let result = try outcome.get()
            #expect(result.record == record)
            #expect(result.revisions == (record == "nosuchid" ? 0 : 1))
            #expect((result.failure == nil) == (record != "nosuchid"), "only the record that is not there fails")
        }
    }

    @Test func signingAnUnchangedRecordAgainIsRefused() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag Campbell", language: "en-GB", at: now)
        let sealing = RecordSealing(store: store)
        let session = try finished(store, summary)
        try seal(sealing, summary, session, at: 1_800_000_100)
        #expect(throws: RecordSealing.Problem.unchanged(revision: 1)) { try self.seal(sealing, summary, session, at: 1_800_000_200) }
        #expect(try store.revisions(record: summary.id).count == 1)
        #expect(try store.auditEntries(record: summary.id).filter { $0.action == .sealed }.count == 1)

        // The person's own words, added in review, are something new to sign; after that, nothing is again.
        try store.addReviewComment(conversation: summary.id, text: "Please come on a Tuesday.", at: Date(timeIntervalSince1970: 1_800_000_300))
        let second = try seal(sealing, summary, session, at: 1_800_000_400)
        #expect(try CanonicalValue(decoding: second.payload)["comments"]?.array?.first?["text"]?.string == "Please come on a Tuesday.")
        #expect(throws: RecordSealing.Problem.unchanged(revision: 2)) { try self.seal(sealing, summary, session, at: 1_800_000_500) }

        // So is a changed answer.
        var changed = session
        _ = try changed.handle(.answer(question: "copy-wanted", value: .yesNo(false)), at: now)
        try seal(sealing, summary, changed, at: 1_800_000_600)
        #expect(try store.revisions(record: summary.id).count == 3)
    }

    @Test func theHistoryNamesEverySignatureOnEveryRevision() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag Campbell", language: "en-GB", at: now)
        let sealing = RecordSealing(store: store)
        try seal(sealing, summary, try finished(store, summary), at: 1_800_000_100)
        let advocate = try WorkerKeyFile.create(name: "Jo Advocate", role: .advocate, passphrase: "the advocate's own words", rounds: 1 << 10).key
        _ = try sealing.countersign(record: summary.id, key: advocate, at: Date(timeIntervalSince1970: 1_800_500_000))
        let history = try sealing.history(record: summary.id, form: form, trusted: [Self.key.identity, advocate.identity])
        #expect(history.count == 1)
        #expect(history[0].signatures == [
            SignedRevision.Signature(name: "Test Worker", role: .worker, keyID: Self.key.identity.keyID, date: "2027-01-15"),
            SignedRevision.Signature(name: "Jo Advocate", role: .advocate, keyID: advocate.identity.keyID, date: "2027-01-21"),
        ])
        // A countersignature by a key not trusted here is never named.
        #expect(throws: SignedRecordContent.Unreadable.self) { try sealing.history(record: summary.id, form: self.form, trusted: [Self.key.identity]) }
    }

    @Test func aCopyGivenToThePersonIsItsOwnEventApartFromExports() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag Campbell", language: "en-GB", at: now)
        let sealing = RecordSealing(store: store)
        let envelope = try seal(sealing, summary, try finished(store, summary), at: 1_800_000_100)
        try sealing.noteExport(record: summary.id, revision: (1, envelope.revisionID), formats: ["html"], language: "en-GB", given: false,
                               actor: "worker", at: now)
        try sealing.noteExport(record: summary.id, revision: (1, envelope.revisionID), formats: ["text", "braille"], language: "gd", given: true,
                               actor: "worker", at: now)
        let entries = try store.auditEntries(record: summary.id).filter { [AuditAction.exported, .copyGiven].contains($0.action) }
        #expect(entries.map(\.action) == [.exported, .copyGiven])
        #expect(entries.map(\.detail) == ["html en-GB revision 1 \(envelope.revisionID)", "text,braille gd revision 1 \(envelope.revisionID)"], "one entry for the run, naming every format made")
    }

    @Test func aCopyIsWrittenReadableOnlyByItsOwner() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func mode(_ url: URL) throws -> Int { try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) }
        // A new file, even under a permissive umask.
        let fresh = directory.appendingPathComponent("copy.txt")
        let old = umask(0)
        defer { umask(old) }
        try PrivateFile.write(Data("Morag Campbell".utf8), to: fresh.path)
        #expect(try mode(fresh) == 0o600)
        #expect(try String(contentsOf: fresh, encoding: .utf8) == "Morag Campbell")
        // An existing world-readable file, longer than the copy: made private, and holding only the copy.
        let existing = directory.appendingPathComponent("old-copy.txt")
        try Data(repeating: UInt8(ascii: "x"), count: 4096).write(to: existing)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: existing.path)
        try PrivateFile.write(Data("Morag".utf8), to: existing.path)
        #expect(try mode(existing) == 0o600)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "Morag")
        // A path that cannot be written is named, with the reason.
        let missing = #expect(throws: PrivateFile.Problem.self) { try PrivateFile.write(Data("x".utf8), to: "/no/such/dir/copy.txt") }
        #expect(missing?.description == "/no/such/dir/copy.txt: No such file or directory")
    }

    /// A copy is never written over the database, the lock or the keys — by name or through a link —
    /// though other files may sit beside them.
    @Test func aCopyIsNeverWrittenOverWhatBletherKeeps() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        _ = try store.summaries()
        for own in ["blether.sqlite", "blether.sqlite-wal", "blether.lock", "keys/signing-key.json", "keys/new.json", "."] {
            #expect(PrivateFile.isBletherOwn(directory.appendingPathComponent(own).path, dataDirectory: directory), "\(own)")
        }
        #expect(PrivateFile.isBletherOwn(directory.path + "/keys/../blether.sqlite", dataDirectory: directory))
        let link = directory.deletingLastPathComponent().appendingPathComponent("innocent-\(UUID().uuidString).txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: directory.appendingPathComponent("blether.sqlite"))
        defer { try? FileManager.default.removeItem(at: link) }
        #expect(PrivateFile.isBletherOwn(link.path, dataDirectory: directory))
        #expect(!PrivateFile.isBletherOwn(directory.appendingPathComponent("morag-copy.txt").path, dataDirectory: directory))
        #expect(!PrivateFile.isBletherOwn(directory.deletingLastPathComponent().appendingPathComponent("blether.sqlite").path, dataDirectory: directory))
    }
}

import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation
import Testing

/// What was shown and agreed to survives a restart, and signing holds the record to the
/// read-back the person agreed to; countersigning is refused in words, before the database.
@Suite final class AgreementStoreTests {
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    var form = AgreementStoreTests.library.latestForm(id: "outcomes-review")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-agreement-\(UUID().uuidString)")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    deinit { try? FileManager.default.removeItem(at: directory) }

    var words: ConversationWording { ConversationWording(catalog: AgreementStoreTests.library.catalog(language: "en-GB")!, form: form) }

    /// An outcomes review answered up to its agreement, saved as a face would save it.
    func reviewed(_ store: ConversationStore) throws -> (ConversationSummary, Session) {
        let summary = try store.create(form: form, person: "Morag Campbell", language: "en-GB", at: now)
        var session = try store.restore(id: summary.id, form: form)
        func apply(_ event: SessionEvent) throws {
            try store.save(try session.handle(event, at: now), of: session, conversation: summary.id, at: now)
        }
        for (question, value) in [("present", AnswerValue.choices(["person"], other: nil)), ("consent-record", .yesNo(true)),
                                  ("overall", .choice("met", other: nil)), ("each-outcome", .text("Choir every week: yes.")),
                                  ("changes", .text("None.")), ("support-working", .choice("working-well", other: nil))] {
            try apply(.answer(question: question, value: value))
        }
        let text = ReadBackSummary(session: session, words: words, person: summary.person).text
        var viewing = ShownTextViewing(openedAt: now)
        viewing.show(lines: 0..<1, of: 1)
        try apply(.shown(.summary, viewing.note(language: "en-GB", sha256: ContentHash.sha256(text), closedAt: now.addingTimeInterval(75))))
        for (question, value) in [("read-back", AnswerValue.yesNo(true)), ("agreement", .choice("agrees", other: nil)),
                                  ("copy-wanted", .yesNo(false)), ("next-review", .date(try CalendarDate(parsing: "2027-06-01")))] {
            try apply(.answer(question: question, value: value))
        }
        return (summary, session)
    }

    func seal(_ store: ConversationStore, _ summary: ConversationSummary, _ session: Session, key: UnlockedKey = AgreementStoreTests.key) throws(RecordSealing.Problem) -> Envelope {
        try RecordSealing(store: store).seal(conversation: summary, session: session, formSHA256: "0", key: key, at: now,
                                             readBackText: { _ in ReadBackSummary(session: session, words: self.words, person: summary.person).text })
    }

    @Test func whatWasShownAndAgreedToComesBackAfterARestart() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let (summary, session) = try reviewed(store)
        let restored = try store.restore(id: summary.id, form: form)
        #expect(restored.shownTexts == session.shownTexts)
        #expect(restored.shownTexts.agreedTo?.seconds == 75 && restored.shownTexts.agreedTo?.complete == true)
        // A change withdraws both, and the restored session knows.
        var changed = restored
        try store.save(try changed.handle(.answer(question: "changes", value: .text("A new day centre.")), at: now), of: changed, conversation: summary.id, at: now)
        let again = try store.restore(id: summary.id, form: form)
        #expect(again.shownTexts.notes[.summary] == nil && again.shownTexts.agreedTo == nil && again.answers["agreement"] == nil)
        #expect(try store.agreedReadBack(conversation: summary.id) == nil)
    }

    @Test func anAgreementSavedWithoutItsReadBackIsAskedAgain() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let (summary, session) = try reviewed(store)
        // As a draft saved before the agreement kept its read-back: the answers, with no note of it.
        let old = Session(form: form, answers: session.answers, marks: session.marks)
        try store.save([.withdrawAgreement], of: old, conversation: summary.id, at: now)
        let restored = try store.restore(id: summary.id, form: form)
        #expect(restored.answers["agreement"] == nil && restored.answers["read-back"] == nil)
        #expect(restored.answers["copy-wanted"] != nil, "the rest of the agreement section stays")
        #expect(throws: RecordSealing.Problem.incomplete(sections: ["agreement"])) { try self.seal(store, summary, restored) }
    }

    @Test func signingNeedsTheReadBackTheAgreementWasGivenTo() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let (summary, session) = try reviewed(store)
        // The same answers read back differently (another text than the one agreed to) cannot be signed.
        #expect(throws: RecordSealing.Problem.readBackOutdated) {
            try RecordSealing(store: store).seal(conversation: summary, session: session, formSHA256: "0", key: Self.key, at: now,
                                                 readBackText: { _ in "a summary the person never heard" })
        }
        let envelope = try seal(store, summary, session)
        let payload = try CanonicalValue(decoding: envelope.payload)
        let agreed = try #require(session.shownTexts.agreedTo)
        #expect(payload["readBack"]?["sha256"]?.string == agreed.sha256 && payload["readBack"]?["seconds"]?.integer == 75)
        #expect(payload["countersignatureNeeded"] == nil)
    }

    /// The outcomes review with the adult form's rule: "cannot indicate" needs a witness and a countersignature.
    static func witnessed(_ form: Form) -> Form {
        Form(id: form.id, version: form.version, sections: form.sections.map { section in
            guard section.id == "agreement" else { return section }
            var questions = section.questions.map { question in
                question.id == "agreement" ? Question(id: question.id, kind: question.kind, required: true, witnessedWhen: ["cannot-indicate"]) : question
            }
            questions.insert(Question(id: "witness", kind: .line), at: 2)
            return Section(id: section.id, gate: section.gate, allowsNothingHere: section.allowsNothingHere, questions: questions)
        })
    }

    @Test func aWitnessedAgreementWaitsForAnAdvocatesOrWitnesssCountersignature() throws {
        form = Self.witnessed(form)
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        var (summary, session) = try reviewed(store)
        for (question, value) in [("agreement", AnswerValue.choice("cannot-indicate", other: nil)), ("witness", .text("Jo Murray"))] {
            try store.save(try session.handle(.answer(question: question, value: value), at: now), of: session, conversation: summary.id, at: now)
        }
        let envelope = try seal(store, summary, session)
        #expect(try CanonicalValue(decoding: envelope.payload)["countersignatureNeeded"] == .array([.string("advocate"), .string("witness")]))
        summary = try store.summary(id: summary.id)
        #expect(summary.state == .awaitingCountersignature)
        let catalog = AgreementStoreTests.library.catalog(language: "en-GB")!
        #expect(catalog.conversationState(summary.state) == "awaiting countersignature")
        // A manager's countersignature is not the witness the person needed; a witness's is.
        let sealing = RecordSealing(store: store)
        let manager = try WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: "the team leader's words", rounds: 1 << 10).key
        _ = try sealing.countersign(record: summary.id, key: manager, at: now)
        #expect(try store.summary(id: summary.id).state == .awaitingCountersignature)
        let witness = try WorkerKeyFile.create(name: "Jo Murray", role: .witness, passphrase: "the witness's own words", rounds: 1 << 10).key
        _ = try sealing.countersign(record: summary.id, key: witness, at: now)
        #expect(try store.summary(id: summary.id).state == .signed)
        let trusted = [Self.key.identity, manager.identity, witness.identity]
        #expect(RevisionVerifier(trusted: trusted).verify(record: summary.id, envelopes: try sealing.envelopes(record: summary.id)).awaitingCountersignature == false)
    }

    @Test func countersigningOwnOrTwiceIsRefusedBeforeTheDatabase() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let (summary, session) = try reviewed(store)
        _ = try seal(store, summary, session)
        let sealing = RecordSealing(store: store)
        #expect(throws: RecordSealing.Problem.countersignOwn(revision: 1)) {
            try sealing.countersign(record: summary.id, key: Self.key, at: now)
        }
        let advocate = try WorkerKeyFile.create(name: "Jo Advocate", role: .advocate, passphrase: "the advocate's own words", rounds: 1 << 10).key
        _ = try sealing.countersign(record: summary.id, key: advocate, at: now)
        #expect(throws: RecordSealing.Problem.countersignedAlready(revision: 1, at: now)) {
            try sealing.countersign(record: summary.id, key: advocate, at: now.addingTimeInterval(60))
        }
        #expect(try store.revisions(record: summary.id).last?.countersignatures.map(\.keyID) == [advocate.identity.keyID])
        // A later revision signed by someone else (a team leader's decision, say): the assessing worker still cannot countersign.
        let leader = try WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: "the leader's own words", rounds: 1 << 10).key
        let next = try Envelope.sign(payload: CanonicalValue.object(["record": .string(summary.id), "revision": .integer(2)]).encoded,
                                     type: Envelope.assessmentType, with: leader)
        try store.appendRevision(record: summary.id, number: 2, revisionID: next.revisionID, envelope: next.encoded, actor: leader.identity.keyID, at: now)
        #expect(throws: RecordSealing.Problem.countersignOwn(revision: 1)) {
            try sealing.countersign(record: summary.id, key: Self.key, at: now)
        }
    }
}

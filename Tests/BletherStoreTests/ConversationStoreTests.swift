import BletherCore
import BletherForms
import BletherRecords
import BletherStore
import Foundation
import GRDB
import Testing

@Suite final class ConversationStoreTests {
    /// A worker's key with few scrypt rounds: these tests are about the store, not the KDF.
    static let key = try! WorkerKeyFile.create(name: "Test Worker", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key

    let form = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath))).latestForm(id: "adult-good-conversation")!
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blether-store-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func everyKindOfAnswerComesBackExactly() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Morag Campbell", language: "en-GB", at: now)
        var session = try store.restore(id: summary.id, form: form)
        let answers: [(String, AnswerValue)] = [
            ("present", .choices(["person", "carer"], other: "A neighbour, Jim")),
            ("language", .text("Gàidhlig")),
            ("communication", .text("Short sentences.\nWrite things down.")),
            ("advocacy-offered", .yesNo(true)),
            ("advocacy-wanted", .choice("yes-later", other: nil)),
            ("own-words", .text("我的家人 — my family")),
            ("people", .people([PersonEntry(name: "Ann", relationship: "daughter", doesNow: "shopping", willingAndAble: "visits")])),
        ]
        for (index, (question, value)) in answers.enumerated() {
            if index == 3 { try store.save(try session.handle(.setSpeaker(.advocate), at: now), of: session, conversation: summary.id, at: now) }
            let effects = try session.handle(.answer(question: question, value: value), at: now.addingTimeInterval(Double(index)))
            try store.save(effects, of: session, conversation: summary.id, at: now)
        }
        let outcome = OutcomeEntry(outcome: "Get to choir", group: .qualityOfLife, timescale: "3 months", mayNeedFundedSupport: true)
        try store.save(try session.handle(.jump(section: "outcomes"), at: now), of: session, conversation: summary.id, at: now)
        try store.save(try session.handle(.answer(question: "agreed-outcomes", value: .outcomes([outcome])), at: now), of: session, conversation: summary.id, at: now)

        let restored = try ConversationStore.open(directory: directory, key: Self.key).restore(id: summary.id, form: form)
        #expect(restored.answers == session.answers)
        #expect(restored.cursor == session.cursor)
        #expect(restored.speaker == .advocate)
        #expect(restored.answers["communication"]?.speaker == .person)
        #expect(restored.answers["advocacy-wanted"]?.speaker == .advocate)
        #expect(restored.answers["advocacy-offered"]?.speaker == .worker, "the form asks the worker whether advocacy was offered")
    }

    @Test func marksAndTheirRemovalAreSaved() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let summary = try store.create(form: form, person: "Iain", language: "gd", at: now)
        var session = try store.restore(id: summary.id, form: form)
        try store.save(try session.handle(.jump(section: "technology"), at: now), of: session, conversation: summary.id, at: now)
        try store.save(try session.handle(.markNothingHere(note: "Talked it through; nothing to add"), at: now), of: session, conversation: summary.id, at: now)
        #expect(try store.restore(id: summary.id, form: form).marks["technology"] != nil)
        try store.save(try session.handle(.answer(question: "tech-to-try", value: .text("A tablet")), at: now), of: session, conversation: summary.id, at: now)
        #expect(try store.restore(id: summary.id, form: form).marks["technology"] == nil)
    }

    @Test func listsMostRecentlyChangedFirst() throws {
        let store = try ConversationStore.open(directory: directory, key: Self.key)
        let first = try store.create(form: form, person: "First", language: "en-GB", at: now)
        let second = try store.create(form: form, person: "Second", language: "en-GB", at: now.addingTimeInterval(10))
        #expect(try store.summaries().map(\.id) == [second.id, first.id])
        var session = try store.restore(id: first.id, form: form)
        try store.save(try session.handle(.answer(question: "language", value: .text("English")), at: now), of: session, conversation: first.id, at: now.addingTimeInterval(20))
        #expect(try store.summaries().map(\.person) == ["First", "Second"])
        #expect(throws: StoreError.noConversation(id: "nosuchid")) { try store.summary(id: "nosuchid") }
    }

    @Test func aDatabaseFromANewerBletherIsRefusedUntouched() throws {
        _ = try ConversationStore.open(directory: directory, key: Self.key)
        let url = directory.appendingPathComponent(ConversationStore.fileName)
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
        try queue.close()
        let before = try Data(contentsOf: url)
        #expect(throws: StoreError.newerDatabase(path: url.path, unknown: ["v9-from-the-future"])) {
            try ConversationStore.open(directory: directory, key: Self.key)
        }
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func aDirectoryThatCannotBeWrittenIsNamed() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let blocker = directory.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let impossible = blocker.appendingPathComponent("data")
        #expect(throws: StoreError.directoryNotWritable(path: impossible.path)) { try ConversationStore.open(directory: impossible, key: Self.key) }
    }

    @Test func twoWritersAtOnceLoseNothing() async throws {
        let first = try ConversationStore.open(directory: directory, key: Self.key)
        let second = try ConversationStore.open(directory: directory, key: Self.key)
        let a = try first.create(form: form, person: "A", language: "en-GB", at: now)
        let b = try second.create(form: form, person: "B", language: "en-GB", at: now)
        let form = self.form, now = self.now
        let questions = form.allQuestions.filter { if case .text = $0.kind { $0.relevant == nil } else { false } }.map(\.id)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, id) in [(first, a.id), (second, b.id)] {
                group.addTask {
                    var session = try store.restore(id: id, form: form)
                    for question in questions {
                        if let section = form.section(containing: question), session.isLocked(section) { continue }
                        let effects = try session.handle(.answer(question: question, value: .text("\(id) \(question)")), at: now)
                        try store.save(effects, of: session, conversation: id, at: now)
                    }
                }
            }
            try await group.waitForAll()
        }
        let check = try ConversationStore.open(directory: directory, key: Self.key)
        for id in [a.id, b.id] {
            let answers = try check.restore(id: id, form: form).answers
            #expect(answers.values.allSatisfy { if case .text(let text) = $0.value { text.hasPrefix(id) } else { false } })
            #expect(answers.count >= 10)
        }
    }

    @Test func personalDataDirectoryIsPrivate() throws {
        // Even one made by hand, readable by everyone, before Blether first used it.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        _ = try ConversationStore.open(directory: directory, key: Self.key)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
    }

    @Test func dataDirectoryFollowsTheEnvironment() {
        #expect(DataDirectory.resolve(environment: ["BLETHER_HOME": "/srv/b"]).path == "/srv/b")
        #expect(DataDirectory.resolve(environment: ["XDG_DATA_HOME": "/x"]).path == "/x/blether")
        #expect(DataDirectory.resolve(environment: ["HOME": "/home/w"]).path == "/home/w/.local/share/blether")
    }
}

import BletherCore
import BletherRecords
import Crypto
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Drafts on disk: every committed answer is written, in its own transaction, the moment
/// it is given, so a killed process loses at most the answer being typed.
///
/// SQLite in WAL mode with full sync; several Blether processes may share one data
/// directory, each waiting its turn to write.
///
/// ```swift
/// let store = try ConversationStore.open(directory: DataDirectory.resolve(environment: env))
/// let summary = try store.create(form: form, person: "Morag", language: "en-GB", at: .now)
/// let effects = try session.handle(event, at: now)
/// try store.save(effects, of: session, conversation: summary.id, at: now)
/// ```
package final class ConversationStore: Sendable {
    package let databaseURL: URL
    let pool: DatabasePool
    /// The worker's opened key; `nil` when the store was opened for routing data only.
    let key: UnlockedKey?
    private let dataKeys = Mutex<[String: SymmetricKey]>([:])

    package static let fileName = "blether.sqlite"

    private init(databaseURL: URL, pool: DatabasePool, key: UnlockedKey?) {
        self.databaseURL = databaseURL
        self.pool = pool
        self.key = key
    }

    /// Opens (creating if needed) the store in `directory`. Refuses, changing nothing, a
    /// directory it cannot write or a database from a newer Blether.
    ///
    /// - Parameter key: the worker's opened key, which seals and opens personal content.
    ///   Without it only routing data (ids, states, dates, forms) and the audit log can be used.
    package static func open(directory: URL, key: UnlockedKey?) throws(StoreError) -> ConversationStore {
        let fileManager = FileManager.default
        try prepare(directory: directory)
        let opening = try OpeningLock(directory: directory)
        defer { opening.release() }
        let url = directory.appendingPathComponent(fileName)
        let migrator = StoreSchema.migrator
        if fileManager.fileExists(atPath: url.path) {
            try refuseIfNewer(url, migrator: migrator)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Every commit reaches the disk before Blether says an answer is saved, and
            // removed content is overwritten, not left in free pages. (This covers the
            // readers; the writer is set again below.)
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // The WAL and its index stay on disk when the last connection closes, so the next
            // opening needs no new space: reading works on a full disk.
            var persist: Int32 = 1
            sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            // The pool's WAL set-up runs after `prepareDatabase` and lowers the writer to
            // NORMAL, which may lose the last commits on power loss: set FULL once it is done.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try migrator.migrate(pool)
            for suffix in ["", "-wal", "-shm"] {
                try? fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path + suffix)
            }
            let store = ConversationStore(databaseURL: url, pool: pool, key: nil)
            guard let key else { return store }
            return try store.unlocked(with: key)
        } catch let error as DatabaseError {
            throw .unreadable(path: url.path, reason: error.message ?? error.description)
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    /// This store's database with `key`: the same connections, so a store opened without a key
    /// while the key was being unlocked (scrypt, the passphrase's deliberate cost) is used at
    /// once, with what opening with the key does besides.
    ///
    /// ```swift
    /// let locked = try ConversationStore.open(directory: directory, key: nil)   // on another core
    /// let store = try locked.unlocked(with: try file.unlock(passphrase: passphrase))
    /// ```
    package func unlocked(with key: UnlockedKey) throws(StoreError) -> ConversationStore {
        let store = ConversationStore(databaseURL: databaseURL, pool: pool, key: key)
        try store.sealClearRows()
        store.relistAgreedBudgets()
        return store
    }

    /// Makes the data directory (readable only by its owner) or says it cannot be written.
    package static func prepare(directory: URL) throws(StoreError) {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .directoryNotWritable(path: directory.path)
        }
        guard fileManager.isWritableFile(atPath: directory.path) else { throw .directoryNotWritable(path: directory.path) }
        // A directory made by hand (mkdir, 0755) is made private too: it holds personal data.
        if let mode = (try? fileManager.attributesOfItem(atPath: directory.path))?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            try? fileManager.setAttributes([.posixPermissions: mode & 0o700], ofItemAtPath: directory.path)
        }
    }

    private static func refuseIfNewer(_ url: URL, migrator: DatabaseMigrator) throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(15)
        let unknown: [String]
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            unknown = try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                let applied = try migrator.appliedIdentifiers(db)
                return applied.subtracting(migrator.migrations).sorted()
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw .unreadable(path: url.path, reason: error.message ?? error.description)
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
        if !unknown.isEmpty { throw .newerDatabase(path: url.path, unknown: unknown) }
    }

    // MARK: Conversations

    /// Starts a conversation and saves it at once, with the cursor at the form's start.
    package func create(form: Form, person typedName: String, language: String, at now: Date) throws(StoreError) -> ConversationSummary {
        let person = AnswerText.oneLine(typedName)
        let session = Session(form: form)
        guard let unlocked = key else { throw .locked }
        return try writing { db in
            var id = ConversationStore.newID()
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM conversation WHERE id = ?", arguments: [id]) == true {
                id = ConversationStore.newID()
            }
            let dataKey = PersonalDataSealing.newDataKey()
            try db.execute(sql: """
                INSERT INTO conversation (id, formID, formVersion, person, personSealed, language, state, cursor, speaker, chosenSpeaker, createdAt, updatedAt)
                VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, form.id, form.version, try ConversationStore.seal(Data(person.utf8), dataKey, "\(id) person"), language,
                                 ConversationState.draft, session.cursor.storageText, session.speaker, session.chosenSpeaker, now, now])
            try db.execute(sql: "INSERT INTO dataKey (conversationID, wrapped, wrappedBy) VALUES (?, ?, ?)",
                           arguments: [id, try unlocked.wrap(dataKey, context: id), unlocked.identity.keyID])
            dataKeys.withLock { $0[id] = dataKey }
            return ConversationSummary(id: id, formID: form.id, formVersion: form.version, person: person, language: language,
                                       state: .draft, createdAt: now, updatedAt: now)
        }
    }

    /// Every conversation, most recently changed first.
    package func summaries() throws(StoreError) -> [ConversationSummary] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM conversation ORDER BY updatedAt DESC, id").map { try self.summary(from: $0, db) }
        }
    }

    /// Every conversation that can be opened, most recently changed first, and the ids of those
    /// that cannot (damaged, or sealed with another worker's key) with why: one such
    /// conversation never hides the others.
    ///
    /// ```swift
    /// let (conversations, unreadable) = try store.readableSummaries()
    /// ```
    package func readableSummaries() throws(StoreError) -> (summaries: [ConversationSummary], unreadable: [(id: String, problem: StoreError)]) {
        try reading { db in
            var summaries: [ConversationSummary] = []
            var unreadable: [(id: String, problem: StoreError)] = []
            // Each conversation with its wrapped data key, in one query: not one more per conversation.
            let rows = try Row.fetchAll(db, sql: """
                SELECT conversation.*, dataKey.wrapped AS wrapped, dataKey.wrappedBy AS wrappedBy
                FROM conversation LEFT JOIN dataKey ON dataKey.conversationID = conversation.id
                ORDER BY conversation.updatedAt DESC, conversation.id
                """)
            // Opening each name (its data key, then the name: two AES-GCM opens) is most of the
            // work, and needs nothing from the database, so the cores share it; the list keeps its order.
            let copied = CopiedRows(rows)
            let parts = rows.count < 512 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
            let each = (rows.count + parts - 1) / max(parts, 1)
            let opened = Mutex<[Int: [Result<ConversationSummary, UnreadableConversation>]]>([:])
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = min(part * each, copied.rows.count)..<min((part + 1) * each, copied.rows.count)
                let results = range.map { index -> Result<ConversationSummary, UnreadableConversation> in
                    let row = copied.rows[index]
                    do { return .success(try self.summary(fromRowWithKey: row)) } catch {
                        let id: String = (try? row.decode(forColumn: "id")) ?? "?"
                        return .failure(UnreadableConversation(id: id, problem: (error as? StoreError) ?? .damaged(what: "conversation \(id)")))
                    }
                }
                opened.withLock { $0[part] = results }
            }
            for result in opened.withLock({ parts in (0..<parts.count).flatMap { parts[$0] ?? [] } }) {
                switch result {
                case .success(let summary): summaries.append(summary)
                case .failure(let unread): unreadable.append((unread.id, unread.problem))
                }
            }
            return (summaries, unreadable)
        }
    }

    package func summary(id: String) throws(StoreError) -> ConversationSummary {
        let found = try reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM conversation WHERE id = ?", arguments: [id]).map { try self.summary(from: $0, db) }
        }
        guard let found else { throw .noConversation(id: id) }
        return found
    }

    /// The conversation exactly as last saved: answers, marks, cursor and speaker.
    package func restore(id: String, form: Form) throws(StoreError) -> Session {
        let loaded: Result<Session, StoreError> = try reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT cursor, speaker, chosenSpeaker FROM conversation WHERE id = ?", arguments: [id]) else {
                return .failure(.noConversation(id: id))
            }
            var answers: [String: Answer] = [:]
            for answerRow in try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE conversationID = ?", arguments: [id]) {
                let questionID: String = answerRow["questionID"]
                let sealed: Data? = answerRow["valueSealed"]
                let json = try sealed.map { try self.open($0, conversation: id, context: "\(id) answer \(questionID)", db) } ?? Data((answerRow["value"] as String).utf8)
                guard let value = try? AnswerValue(canonical: CanonicalValue(decoding: json)),
                      let speaker = try? answerRow.decode(Speaker.self, forColumn: "speaker") else {
                    return .failure(.damagedAnswer(conversation: id, question: questionID))
                }
                answers[questionID] = Answer(value: value, speaker: speaker, at: answerRow["answeredAt"])
            }
            var marks: [String: SectionMark] = [:]
            for markRow in try Row.fetchAll(db, sql: "SELECT * FROM sectionMark WHERE conversationID = ?", arguments: [id]) {
                let sectionID: String = markRow["sectionID"]
                let sealedNote: Data? = markRow["noteSealed"]
                let note = try sealedNote.map { String(decoding: try self.open($0, conversation: id, context: "\(id) mark \(sectionID)", db), as: UTF8.self) }
                let speaker = try markRow.decodeEnum(Speaker.self, forColumn: "speaker", what: "conversation \(id), the mark on section \(sectionID)")
                marks[sectionID] = SectionMark(speaker: speaker, at: markRow["markedAt"], note: note ?? "")
            }
            let cursor = SessionCursor(storageText: (try row.decode(forColumn: "cursor")))
            // Conversations saved before the chosen speaker was kept have none.
            let chosen: Speaker? = try (row["chosenSpeaker"] as String?).map { _ in
                try row.decodeEnum(Speaker.self, forColumn: "chosenSpeaker", what: "conversation \(id)")
            }
            let shown = try self.shownTexts(conversation: id, db)
            // An agreement saved without the read-back it was given to (before Blether kept it) does
            // not count: the summary is read back and the person asked again.
            if let agreement = form.agreement, agreement.readBack != nil, answers[agreement.agreement] != nil, shown.agreedTo == nil {
                answers[agreement.agreement] = nil
                if let readBack = agreement.readBack { answers[readBack] = nil }
            }
            return .success(Session(form: form, answers: answers, marks: marks, cursor: cursor,
                                    speaker: try row.decodeEnum(Speaker.self, forColumn: "speaker", what: "conversation \(id)"),
                                    chosenSpeaker: chosen,
                                    shownTexts: shown))
        }
        return try loaded.get()
    }

    /// Writes what the engine said changed, in one transaction, before returning.
    package func save(_ effects: [SessionEffect], of session: Session, conversation id: String, at now: Date) throws(StoreError) {
        guard !effects.isEmpty else { return }
        try writing { db in
            for effect in effects {
                switch effect {
                case .saveAnswer(let question):
                    guard let answer = session.answers[question] else { continue }
                    let sealed = try seal(answer.value.canonical.encoded, conversation: id, context: "\(id) answer \(question)", db)
                    try db.cachedStatement(sql: """
                        INSERT INTO answer (conversationID, questionID, value, valueSealed, speaker, answeredAt) VALUES (?, ?, '', ?, ?, ?)
                        ON CONFLICT(conversationID, questionID) DO UPDATE SET valueSealed = excluded.valueSealed, speaker = excluded.speaker, answeredAt = excluded.answeredAt
                        """).execute(arguments: [id, question, sealed, answer.speaker, answer.at])
                case .deleteAnswer(let question):
                    try db.cachedStatement(sql: "DELETE FROM answer WHERE conversationID = ? AND questionID = ?").execute(arguments: [id, question])
                case .saveSectionMark(let section):
                    guard let mark = session.marks[section] else { continue }
                    let note = try seal(Data(mark.note.utf8), conversation: id, context: "\(id) mark \(section)", db)
                    try db.cachedStatement(sql: """
                        INSERT OR REPLACE INTO sectionMark (conversationID, sectionID, speaker, markedAt, noteSealed) VALUES (?, ?, ?, ?, ?)
                        """).execute(arguments: [id, section, mark.speaker, mark.at, note])
                case .deleteSectionMark(let section):
                    try db.cachedStatement(sql: "DELETE FROM sectionMark WHERE conversationID = ? AND sectionID = ?").execute(arguments: [id, section])
                case .saveCursor:
                    try db.cachedStatement(sql: "UPDATE conversation SET cursor = ? WHERE id = ?").execute(arguments: [session.cursor.storageText, id])
                case .saveSpeaker:
                    try db.cachedStatement(sql: "UPDATE conversation SET speaker = ?, chosenSpeaker = ? WHERE id = ?").execute(arguments: [session.speaker, session.chosenSpeaker, id])
                case .saveShown(let kind):
                    try insertShown(session.shownTexts.notes[kind], kind: kind, agreed: false, conversation: id, at: now, db)
                case .withdrawShown(let kind):
                    try insertShown(nil, kind: kind, agreed: false, conversation: id, at: now, db)
                case .saveAgreedReadBack:
                    try insertShown(session.shownTexts.agreedTo, kind: .summary, agreed: true, conversation: id, at: now, db)
                case .withdrawAgreement:
                    try insertShown(nil, kind: .summary, agreed: true, conversation: id, at: now, db)
                case .agreementCleared:
                    break
                }
            }
            try db.cachedStatement(sql: "UPDATE conversation SET updatedAt = ? WHERE id = ?").execute(arguments: [now, id])
            if db.changesCount == 0 { throw StoreError.noConversation(id: id) }
        }
    }

    // MARK: Plumbing

    func writing<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(work)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .cannotSave(reason: error.message ?? error.description)
        } catch {
            throw .cannotSave(reason: "\(error)")
        }
    }

    func reading<T>(_ work: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(work)
        } catch {
            throw problem(reading: error)
        }
    }

    /// What went wrong reading, as a ``StoreError``.
    func problem(reading error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as DatabaseError: .unreadable(path: databaseURL.path, reason: error.message ?? error.description)
        default: .unreadable(path: databaseURL.path, reason: "\(error)")
        }
    }

    private func summary(from row: Row, _ db: Database) throws -> ConversationSummary {
        try summary(from: row) { id in try dataKey(for: id, db) }
    }

    /// A summary from a row that also holds the conversation's wrapped data key (`wrapped`,
    /// `wrappedBy`): nothing more is read from the database, so any thread may make it.
    private func summary(fromRowWithKey row: Row) throws -> ConversationSummary {
        try summary(from: row) { id in try dataKey(for: id, stored: row) }
    }

    private func summary(from row: Row, dataKey: (String) throws -> SymmetricKey) throws -> ConversationSummary {
        let id: String = (try row.decode(forColumn: "id"))
        let sealed: Data? = (try row.decode(forColumn: "personSealed"))
        let clear: String = (try row.decode(forColumn: "person"))
        let person = try sealed.map { sealed in
            String(decoding: try open(sealed, context: "\(id) person") { try dataKey(id) }, as: UTF8.self)
        } ?? clear
        return ConversationSummary(id: id, formID: (try row.decode(forColumn: "formID")), formVersion: (try row.decode(forColumn: "formVersion")), person: person,
                                   language: (try row.decode(forColumn: "language")), state: try row.decodeEnum(ConversationState.self, forColumn: "state", what: "conversation \(id)"), createdAt: (try row.decode(forColumn: "createdAt")), updatedAt: (try row.decode(forColumn: "updatedAt")))
    }

    // MARK: Sealing personal content

    static func seal(_ plaintext: Data, _ key: SymmetricKey, _ context: String) throws -> Data {
        try PersonalDataSealing.seal(plaintext, with: key, context: context)
    }

    /// The conversation's data key, unwrapped once and then kept in memory.
    func dataKey(for conversation: String, _ db: Database) throws -> SymmetricKey {
        if let cached = dataKeys.withLock({ $0[conversation] }) { return cached }
        return try dataKey(for: conversation, stored: try Row.fetchOne(try db.cachedStatement(sql: "SELECT wrapped, wrappedBy FROM dataKey WHERE conversationID = ?"), arguments: [conversation]))
    }

    /// The conversation's data key from its stored row (`wrapped`, `wrappedBy`), already read
    /// with the conversation's own row as the home list reads them all in one query; `nil`
    /// or a null `wrapped` when the conversation has no data key.
    func dataKey(for conversation: String, stored: Row?) throws -> SymmetricKey {
        if let cached = dataKeys.withLock({ $0[conversation] }) { return cached }
        guard let unlocked = key else { throw StoreError.locked }
        guard let row = stored, let wrapped: Data = (try row.decode(forColumn: "wrapped") as Data?) else {
            throw StoreError.damaged(what: "conversation \(conversation) has no data key")
        }
        let dataKey: SymmetricKey
        do { dataKey = try unlocked.unwrap(wrapped, context: conversation) } catch {
            // Only a key wrapped by someone else is another worker's; one wrapped by this key that
            // no longer opens was damaged.
            let wrappedBy: String? = (try row.decode(forColumn: "wrappedBy"))
            if let wrappedBy, wrappedBy != unlocked.identity.keyID {
                throw StoreError.sealedWithAnotherKey(what: "the data key of conversation \(conversation) (key \(KeyIdentity.fingerprint(of: wrappedBy)))")
            }
            throw StoreError.damaged(what: "the data key of conversation \(conversation)")
        }
        dataKeys.withLock { $0[conversation] = dataKey }
        return dataKey
    }

    func open(_ sealed: Data, conversation: String, context: String, _ db: Database) throws -> Data {
        try open(sealed, context: context) { try dataKey(for: conversation, db) }
    }

    /// Opens `sealed` with the data key `key` gives: a key that cannot be had says why; bytes
    /// the key does not open were sealed with it and have since been damaged.
    func open(_ sealed: Data, context: String, key: () throws -> SymmetricKey) throws -> Data {
        do { return try PersonalDataSealing.open(sealed, with: try key(), context: context) } catch let error as StoreError {
            throw error
        } catch {
            // The conversation's data key opened, so these bytes were sealed with it and have since been damaged.
            throw StoreError.damaged(what: context)
        }
    }

    func seal(_ plaintext: Data, conversation: String, context: String, _ db: Database) throws -> Data {
        try ConversationStore.seal(plaintext, try dataKey(for: conversation, db), context)
    }

    /// Seals whatever personal content is still in clear (drafts from before sealing at
    /// rest), then rewrites the file so no clear copy survives in free pages or the WAL.
    func sealClearRows() throws(StoreError) {
        guard let unlocked = key else { return }
        // Most openings have nothing to do, and must not need to write (a full disk still reads).
        let pending = try reading { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM conversation WHERE personSealed IS NULL) OR EXISTS (SELECT 1 FROM answer WHERE valueSealed IS NULL)
                    OR EXISTS (SELECT 1 FROM dataKey WHERE wrappedBy IS NULL)
                """) ?? false
        }
        guard pending else { return }
        let changed: Bool = try writing { db in
            var changed = false
            for row in try Row.fetchAll(db, sql: "SELECT id, person FROM conversation WHERE personSealed IS NULL") {
                let id: String = (try row.decode(forColumn: "id"))
                if try Data.fetchOne(db, sql: "SELECT wrapped FROM dataKey WHERE conversationID = ?", arguments: [id]) == nil {
                    try db.execute(sql: "INSERT INTO dataKey (conversationID, wrapped, wrappedBy) VALUES (?, ?, ?)",
                                   arguments: [id, try unlocked.wrap(PersonalDataSealing.newDataKey(), context: id), unlocked.identity.keyID])
                }
                let person: String = (try row.decode(forColumn: "person"))
                try db.execute(sql: "UPDATE conversation SET personSealed = ?, person = '' WHERE id = ?",
                               arguments: [try seal(Data(person.utf8), conversation: id, context: "\(id) person", db), id])
                changed = true
            }
            for row in try Row.fetchAll(db, sql: "SELECT conversationID, questionID, value FROM answer WHERE valueSealed IS NULL") {
                let id: String = (try row.decode(forColumn: "conversationID")), question: String = (try row.decode(forColumn: "questionID")), value: String = (try row.decode(forColumn: "value"))
                try db.execute(sql: "UPDATE answer SET valueSealed = ?, value = '' WHERE conversationID = ? AND questionID = ?",
                               arguments: [try seal(Data(value.utf8), conversation: id, context: "\(id) answer \(question)", db), id, question])
                changed = true
            }
            // Data keys from before their wrapper was noted: noted now, for those this key opens.
            for row in try Row.fetchAll(db, sql: "SELECT conversationID, wrapped FROM dataKey WHERE wrappedBy IS NULL") {
                let id: String = (try row.decode(forColumn: "conversationID"))
                if (try? unlocked.unwrap((try row.decode(forColumn: "wrapped")), context: id)) != nil {
                    try db.execute(sql: "UPDATE dataKey SET wrappedBy = ? WHERE conversationID = ?", arguments: [unlocked.identity.keyID, id])
                }
            }
            return changed
        }
        guard changed else { return }
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {
            throw .cannotSave(reason: "\(error)")
        }
    }

    /// Lists each record noted for relisting (see the `v9-relist-agreed-budgets` migration) in the
    /// state its latest revision says, by the one rule of ``ConversationState/of(payload:awaitingCountersignature:)``:
    /// a budget the worker approved within their limit becomes `approved`. Only `signed` is ever
    /// changed, and only to `approved`. It never stops the store opening: a revision that does not
    /// read is left for `verify` to report, and a note that cannot be written (a full disk) waits
    /// for the next opening.
    func relistAgreedBudgets() {
        guard key != nil, let pending = try? reading({ db in try String.fetchAll(db, sql: "SELECT recordID FROM relisting") }) else { return }
        for record in pending {
            guard let latest = (try? revisions(record: record))?.last,
                  let payload = (try? Envelope(decoding: latest.envelope)).flatMap({ try? CanonicalValue(decoding: $0.payload) }) else { continue }
            _ = try? writing { db in
                if BudgetStanding.of(payload: payload) == .approvedWithinWorkerLimit {
                    try db.execute(sql: "UPDATE conversation SET state = ? WHERE id = ? AND state = ?",
                                   arguments: [ConversationState.approved, record, ConversationState.signed])
                }
                try db.execute(sql: "DELETE FROM relisting WHERE recordID = ?", arguments: [record])
            }
        }
    }

    /// Eight characters a worker can read out and type: no 0/o, 1/l/i.
    static func newID() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}

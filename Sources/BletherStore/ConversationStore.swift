import BletherCore
import Foundation
import GRDB

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
public final class ConversationStore: Sendable {
    public let databaseURL: URL
    let pool: DatabasePool

    public static let fileName = "blether.sqlite"

    private init(databaseURL: URL, pool: DatabasePool) {
        self.databaseURL = databaseURL
        self.pool = pool
    }

    /// Opens (creating if needed) the store in `directory`. Refuses, changing nothing, a
    /// directory it cannot write or a database from a newer Blether.
    public static func open(directory: URL) throws(StoreError) -> ConversationStore {
        let fileManager = FileManager.default
        let path = directory.path
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .directoryNotWritable(path: path)
        }
        guard fileManager.isWritableFile(atPath: path) else { throw .directoryNotWritable(path: path) }
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
            // Every commit reaches the disk before Blether says an answer is saved.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            try migrator.migrate(pool)
            for suffix in ["", "-wal", "-shm"] {
                try? fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path + suffix)
            }
            return ConversationStore(databaseURL: url, pool: pool)
        } catch let error as DatabaseError {
            throw .unreadable(path: url.path, reason: error.message ?? error.description)
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
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
    public func create(form: Form, person: String, language: String, at now: Date) throws(StoreError) -> ConversationSummary {
        let session = Session(form: form)
        return try writing { db in
            var id = ConversationStore.newID()
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM conversation WHERE id = ?", arguments: [id]) == true {
                id = ConversationStore.newID()
            }
            try db.execute(sql: """
                INSERT INTO conversation (id, formID, formVersion, person, language, state, cursor, speaker, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)
                """, arguments: [id, form.id, form.version, person, language, session.cursor.storageText, session.speaker.rawValue, now, now])
            return ConversationSummary(id: id, formID: form.id, formVersion: form.version, person: person, language: language,
                                       state: "draft", createdAt: now, updatedAt: now)
        }
    }

    /// Every conversation, most recently changed first.
    public func summaries() throws(StoreError) -> [ConversationSummary] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM conversation ORDER BY updatedAt DESC, id").map(ConversationStore.summary(from:))
        }
    }

    public func summary(id: String) throws(StoreError) -> ConversationSummary {
        let found = try reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM conversation WHERE id = ?", arguments: [id]).map(ConversationStore.summary(from:))
        }
        guard let found else { throw .noConversation(id: id) }
        return found
    }

    /// The conversation exactly as last saved: answers, marks, cursor and speaker.
    public func restore(id: String, form: Form) throws(StoreError) -> Session {
        let loaded: Result<Session, StoreError> = try reading { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT cursor, speaker FROM conversation WHERE id = ?", arguments: [id]) else {
                return .failure(.noConversation(id: id))
            }
            let decoder = JSONDecoder()
            var answers: [String: Answer] = [:]
            for answerRow in try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE conversationID = ?", arguments: [id]) {
                let questionID: String = answerRow["questionID"]
                let json: String = answerRow["value"]
                guard let value = try? decoder.decode(AnswerValue.self, from: Data(json.utf8)),
                      let speaker = Speaker(rawValue: answerRow["speaker"]) else {
                    return .failure(.damagedAnswer(conversation: id, question: questionID))
                }
                answers[questionID] = Answer(value: value, speaker: speaker, at: answerRow["answeredAt"])
            }
            var marks: [String: SectionMark] = [:]
            for markRow in try Row.fetchAll(db, sql: "SELECT * FROM sectionMark WHERE conversationID = ?", arguments: [id]) {
                marks[markRow["sectionID"]] = SectionMark(speaker: Speaker(rawValue: markRow["speaker"]) ?? .worker, at: markRow["markedAt"])
            }
            let cursor = SessionCursor(storageText: row["cursor"])
            return .success(Session(form: form, answers: answers, marks: marks, cursor: cursor,
                                    speaker: Speaker(rawValue: row["speaker"]) ?? .person))
        }
        return try loaded.get()
    }

    /// Writes what the engine said changed, in one transaction, before returning.
    public func save(_ effects: [SessionEffect], of session: Session, conversation id: String, at now: Date) throws(StoreError) {
        guard !effects.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try writing { db in
            for effect in effects {
                switch effect {
                case .saveAnswer(let question):
                    guard let answer = session.answers[question] else { continue }
                    let json = String(decoding: try encoder.encode(answer.value), as: UTF8.self)
                    try db.execute(sql: """
                        INSERT INTO answer (conversationID, questionID, value, speaker, answeredAt) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(conversationID, questionID) DO UPDATE SET value = excluded.value, speaker = excluded.speaker, answeredAt = excluded.answeredAt
                        """, arguments: [id, question, json, answer.speaker.rawValue, answer.at])
                case .deleteAnswer(let question):
                    try db.execute(sql: "DELETE FROM answer WHERE conversationID = ? AND questionID = ?", arguments: [id, question])
                case .saveSectionMark(let section):
                    guard let mark = session.marks[section] else { continue }
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO sectionMark (conversationID, sectionID, speaker, markedAt) VALUES (?, ?, ?, ?)
                        """, arguments: [id, section, mark.speaker.rawValue, mark.at])
                case .deleteSectionMark(let section):
                    try db.execute(sql: "DELETE FROM sectionMark WHERE conversationID = ? AND sectionID = ?", arguments: [id, section])
                case .saveCursor:
                    try db.execute(sql: "UPDATE conversation SET cursor = ? WHERE id = ?", arguments: [session.cursor.storageText, id])
                case .saveSpeaker:
                    try db.execute(sql: "UPDATE conversation SET speaker = ? WHERE id = ?", arguments: [session.speaker.rawValue, id])
                }
            }
            try db.execute(sql: "UPDATE conversation SET updatedAt = ? WHERE id = ?", arguments: [now, id])
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
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .unreadable(path: databaseURL.path, reason: error.message ?? error.description)
        } catch {
            throw .unreadable(path: databaseURL.path, reason: "\(error)")
        }
    }

    private static func summary(from row: Row) -> ConversationSummary {
        ConversationSummary(id: row["id"], formID: row["formID"], formVersion: row["formVersion"], person: row["person"],
                            language: row["language"], state: row["state"], createdAt: row["createdAt"], updatedAt: row["updatedAt"])
    }

    /// Eight characters a worker can read out and type: no 0/o, 1/l/i.
    static func newID() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}

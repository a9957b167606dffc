import BletherRecords
import Crypto
import Foundation
import GRDB

extension ConversationStore {
    /// Checks the store against its chained, signed audit log (see ``StoreIntegrity``).
    /// Needs no key: only hashes, signatures and routing data are read.
    ///
    /// - Parameter trusted: the keys that may sign the store's head (this worker's, and any trusted here).
    package func integrity(trusted: [KeyIdentity]) throws(StoreError) -> StoreIntegrity {
        let keys = Dictionary(trusted.compactMap { identity in identity.signingPublicKey.map { (identity.keyID, (identity, $0)) } },
                              uniquingKeysWith: { first, _ in first })
        return try reading { db in
            var problems: [StoreIntegrity.Problem] = []
            var previousHash = ""
            var previousSequence = 0
            var head: StoreIntegrity.Head?
            var entries = 0
            /// Entries written without a head signature, with their actions.
            var unsigned: [(sequence: Int, action: String)] = []
            /// Entries with a head signature: the chain's hash up to each, and who signed it.
            var signedHeads: [(sequence: Int, signer: String, signature: Data, chainHash: String)] = []
            /// What the log says each record holds: revision number → id.
            var expected: [String: [Int: String]] = [:]
            var recordOrder: [String] = []
            var expectedCounters: [(record: String, number: Int, revisionID: String, keyID: String)] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT sequence, CAST(at AS TEXT) AS atText, actor, action, recordID, detail, revisionNumber, revisionID, chainHash, headSignature, headSigner
                FROM auditEntry ORDER BY sequence
                """)
            while let row = try rows.next() {
                entries += 1
                let fields = AuditChain.Fields(sequence: (try row.decode(forColumn: "sequence")), at: (try row.decode(forColumn: "atText")), actor: (try row.decode(forColumn: "actor")), action: (try row.decode(forColumn: "action")),
                                               recordID: (try row.decode(forColumn: "recordID")), detail: (try row.decode(forColumn: "detail")),
                                               revisionNumber: (try row.decode(forColumn: "revisionNumber")), revisionID: (try row.decode(forColumn: "revisionID")))
                let gap = fields.sequence != previousSequence + 1
                if gap { problems.append(.auditEntriesMissing(after: previousSequence, before: fields.sequence)) }
                let stored: String? = (try row.decode(forColumn: "chainHash"))
                let computed = AuditChain.link(previous: previousHash, fields)
                // After a gap the link cannot be checked: the removal is what is reported.
                if stored != computed && !gap { problems.append(.auditEntryChanged(sequence: fields.sequence)) }
                // The chain goes on from what is stored, so one change is reported once.
                previousHash = stored ?? computed
                previousSequence = fields.sequence
                if let signature: Data = (try row.decode(forColumn: "headSignature")) {
                    signedHeads.append((fields.sequence, (try row.decode(forColumn: "headSigner")) ?? "", signature, previousHash))
                } else {
                    unsigned.append((fields.sequence, fields.action))
                }
                // The chain hashes the action as written; what it means is read through the enum.
                guard let action = AuditAction(rawValue: fields.action) else {
                    problems.append(.unknownAction(sequence: fields.sequence, action: fields.action))
                    continue
                }
                guard let record = fields.recordID, let number = fields.revisionNumber, let revisionID = fields.revisionID else { continue }
                if action.addsRevision {
                    if expected[record] == nil { recordOrder.append(record) }
                    expected[record, default: [:]][number] = revisionID
                } else if action.addsCountersignature {
                    expectedCounters.append((record, number, revisionID, fields.actor))
                }
            }
            // The latest head that verifies covers every entry before it through the chain, so
            // heads are checked from the end back only until one does: a later head that does
            // not verify, or is signed by a key not trusted here, is reported.
            var headProblems: [StoreIntegrity.Problem] = []
            for candidate in signedHeads.reversed() {
                guard let (identity, publicKey) = keys[candidate.signer] else {
                    headProblems.append(.headSignedByUnknownKey(sequence: candidate.sequence, keyID: candidate.signer))
                    continue
                }
                if publicKey.isValidSignature(candidate.signature, for: AuditChain.headBytes(sequence: candidate.sequence, chainHash: candidate.chainHash)) {
                    head = .init(sequence: candidate.sequence, signer: identity)
                    break
                }
                headProblems.append(.headSignatureInvalid(sequence: candidate.sequence))
            }
            problems += headProblems.reversed()
            let tail = unsigned.filter { entry in head.map { entry.sequence > $0.sequence } ?? true }
            var actual: [String: [Int: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT CAST(recordID AS TEXT) AS recordID, number, revisionID FROM revision") {
                let record: String = (try? row.decode(forColumn: "recordID")) ?? "?"
                // A row whose values are not of their kind was edited by hand: reported, and the rest still checked.
                guard let number: Int = try? row.decode(forColumn: "number"), let revisionID: String = try? row.decode(forColumn: "revisionID") else {
                    problems.append(.revisionUnreadable(record: record))
                    continue
                }
                actual[record, default: [:]][number] = revisionID
            }
            if head == nil && !actual.isEmpty { problems.append(.noSignedHead) }
            // Without the key only a wrong passphrase is noted; anything else after the head was rewritten.
            if head != nil {
                for entry in tail where !(AuditAction(rawValue: entry.action)?.isWrittenWithoutKey ?? false) {
                    problems.append(.unsignedAfterHead(sequence: entry.sequence, action: entry.action))
                }
            }
            let conversations = Set(try String.fetchAll(db, sql: "SELECT id FROM conversation"))
            for record in recordOrder {
                let logged = expected[record] ?? [:]
                guard let held = actual[record], !held.isEmpty else {
                    problems.append(.recordDisappeared(record: record, revisions: logged.count))
                    continue
                }
                for (number, revisionID) in logged.sorted(by: { $0.key < $1.key }) {
                    if let id = held[number] {
                        if id != revisionID { problems.append(.revisionReplaced(record: record, number: number)) }
                    } else {
                        problems.append(.revisionMissing(record: record, number: number, revisionID: revisionID))
                    }
                }
                if !conversations.contains(record) { problems.append(.conversationMissing(record: record)) }
            }
            for (record, held) in actual.sorted(by: { $0.key < $1.key }) {
                for number in held.keys.sorted() where expected[record]?[number] == nil {
                    problems.append(.revisionNotInLog(record: record, number: number))
                }
            }
            let counters = Set(try Row.fetchAll(db, sql: "SELECT revisionID, keyID FROM countersignature").map { "\((try $0.decode(String.self, forColumn: "revisionID"))) \((try $0.decode(String.self, forColumn: "keyID")))" })
            for counter in expectedCounters where !counters.contains("\(counter.revisionID) \(counter.keyID)") {
                problems.append(.countersignatureMissing(record: counter.record, number: counter.number, keyID: counter.keyID))
            }
            return StoreIntegrity(problems: problems, head: head, entries: entries, unsignedAfterHead: tail.count, recordsInLog: recordOrder)
        }
    }
}

import BletherCore
import Foundation
import GRDB

extension ConversationStore {
    /// Saves the person's own words about their record, sealed, attributed to them.
    package func addReviewComment(conversation: String, text typed: String, speaker: Speaker = .person, at now: Date) throws(StoreError) {
        let text = AnswerText.cleaned(typed)
        try writing { db in
            let sequence = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviewComment WHERE conversationID = ?", arguments: [conversation]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO reviewComment (conversationID, textSealed, speaker, addedAt) VALUES (?, ?, ?, ?)",
                           arguments: [conversation, try seal(Data(text.utf8), conversation: conversation, context: "\(conversation) comment \(sequence)", db),
                                       speaker, now])
        }
        try note(.commentAdded, record: conversation, at: now)
    }

    /// Every comment on a conversation, oldest first.
    package func reviewComments(conversation: String) throws(StoreError) -> [ReviewComment] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reviewComment WHERE conversationID = ? ORDER BY sequence", arguments: [conversation])
                .enumerated().map { index, row in
                    let text = try open((try row.decode(forColumn: "textSealed")), conversation: conversation, context: "\(conversation) comment \(index + 1)", db)
                    return ReviewComment(text: String(decoding: text, as: UTF8.self), speaker: try row.decodeEnum(Speaker.self, forColumn: "speaker", what: "\(conversation) comment \(index + 1)"), at: (try row.decode(forColumn: "addedAt")))
                }
        }
    }
}

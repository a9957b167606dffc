import BletherCore
import BletherRecords
import Foundation
import Testing

/// The signed form of every kind of answer, pinned byte for byte in `Golden/answer-*.json`:
/// writing the value gives exactly the golden bytes, and reading the golden bytes gives the
/// value back. A change here is a change of the record format — a visible, versioned
/// decision, never a side effect of renaming a Swift property. A missing golden file fails;
/// `BLETHER_UPDATE_SNAPSHOTS=1` writes them afresh.
@Suite struct AnswerGoldenTests {
    /// One answer of each kind (and both shapes of a single choice), as a worker and Morag might give them.
    static let answers: [String: AnswerValue] = [
        "text": .text("Morag’s choir meets on Tuesdays.\nShe says: \"I'd miss it\" — and the tea after."),
        "line": .text("Catriona (daughter) — 07700 900123"),
        "choice": .choice("yes-now", other: nil),
        "choice-other": .choice(nil, other: "Only when her daughter is there"),
        "choices": .choices(["phone", "letter"], other: "Gàidhlig speaker at the door"),
        "number": .number(-3),
        "money": .money(Money(pence: 3_092_14)),
        "date": .date(try! CalendarDate(year: 2027, month: 2, day: 28)),
        "yes-no": .yesNo(false),
        "people": .people([
            PersonEntry(name: "Catriona", relationship: "daughter", doesNow: "Shopping on Saturdays", willingAndAble: "Lifts to choir"),
            PersonEntry(name: "Mr Wójcik"),
        ]),
        "outcomes": .outcomes([
            OutcomeEntry(outcome: "Get to choir every week", group: .qualityOfLife, milestones: "First rehearsal by March", timescale: "3 months",
                         howWeWillKnow: "Morag says she went", mayNeedFundedSupport: true),
            OutcomeEntry(outcome: "Be listened to", group: .process),
        ]),
        "support-plan": .supportPlan([
            SupportPlan.Line(support: "personal-assistant-hour", quantity: 3, frequency: .perWeek, outcome: "Get to choir every week", underOption4: .option1),
            SupportPlan.Line(support: "community-alarm-install", quantity: 1, frequency: .once),
        ]),
    ]

    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/answer-\(name).json")
    }

    @Test(arguments: answers.keys.sorted())
    func eachKindOfAnswerIsWrittenAndReadAsItsGoldenBytes(kind: String) throws {
        let value = try #require(Self.answers[kind])
        let written = value.canonical.encoded
        if ProcessInfo.processInfo.environment["BLETHER_UPDATE_SNAPSHOTS"] == "1" {
            try written.write(to: Self.url(kind))
            return
        }
        guard let golden = try? Data(contentsOf: Self.url(kind)) else {
            Issue.record("Golden/answer-\(kind).json is missing: check the bytes, then write it with BLETHER_UPDATE_SNAPSHOTS=1")
            return
        }
        #expect(written == golden, "writing differs from Golden/answer-\(kind).json: \(String(decoding: written, as: UTF8.self))")
        #expect(try AnswerValue(canonical: CanonicalValue(decoding: golden)) == value, "reading Golden/answer-\(kind).json")
    }

    /// Answers saved in a draft by the earlier JSONEncoder (keys sorted, slashes unescaped, any
    /// spacing) still read through the one codec.
    @Test func answersSavedByTheEarlierEncoderStillRead() throws {
        let saved: [(String, AnswerValue)] = [
            (#"{"other":"Only when her daughter is there"}"#, .choice(nil, other: "Only when her daughter is there")),
            (#"{"choices":["phone"],"other":"a\/b"}"#, .choices(["phone"], other: "a/b")),
            (#"{ "plan" : [ {"frequency":"once","outcome":"","quantity":1,"support":"alarm"} ] }"#,
             .supportPlan([SupportPlan.Line(support: "alarm", quantity: 1, frequency: .once)])),
            (#"{"text":"tab\tand \u00e9"}"#, .text("tab\tand é")),
        ]
        for (json, value) in saved {
            #expect(try AnswerValue(canonical: CanonicalValue(decoding: Data(json.utf8))) == value, "\(json)")
        }
    }

    /// An answer Blether did not write is refused with what is wrong — never read as something else.
    @Test(arguments: [
        #"{"text":"a","yes":true}"#, #"{"number":3,"pence":300}"#, #"{"colour":"blue"}"#, #"{"yes":"true"}"#, #"{"pence":12.5}"#,
        #"{"date":"2027-02-30"}"#, #"{"choices":"phone"}"#, #"{"choice":"yes","choices":[]}"#, #"[]"#, #"{"text":null}"#,
        #"{"people":[{"name":"A"}]}"#, #"{"people":[{"name":"A","relationship":"","doesNow":"","willingAndAble":"","age":"9"}]}"#,
        #"{"outcomes":[{"outcome":"a","group":"joy","milestones":"","timescale":"","howWeWillKnow":"","mayNeedFundedSupport":false}]}"#,
        #"{"plan":[{"support":"a","quantity":1,"frequency":"daily","outcome":""}]}"#,
        #"{"plan":[{"support":"a","quantity":1,"frequency":"once","outcome":"","underOption4":"option-9"}]}"#,
    ])
    func anAnswerBletherDidNotWriteIsRefused(json: String) throws {
        let value = try? CanonicalValue(decoding: Data(json.utf8))
        guard let value else { return }   // not even JSON: the reader refused it already
        #expect(throws: AnswerDecodingError.self, "\(json)") { try AnswerValue(canonical: value) }
    }
}

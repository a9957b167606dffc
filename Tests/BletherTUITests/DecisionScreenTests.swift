import BletherApp
import BletherCore
import BletherRecords
import BletherStore
import BletherTUI
import Foundation
import Testing

/// A team leader decides a referred budget in the full screen: the costing as signed,
/// approve or refuse, reasons required to refuse, F9 and their passphrase sign it.
@Suite struct DecisionScreenTests {
    let leader = try! WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: "the team leader's words", rounds: 1 << 10)

    /// A whole conversation, signed by the worker with Option 3 at £11,367.14 (10 h × £21.80 a week): referred.
    func referredRecord(_ fixture: TUIFixture) throws -> String {
        let form = fixture.adultForm
        let summary = try fixture.store.create(form: form, person: "Morag Campbell", language: "en-GB", at: TUIFixture.clock())
        var session = try fixture.store.restore(id: summary.id, form: form)
        let chosen: [String: AnswerValue] = [
            "costing-rules": .choice("example-rate-card", other: nil), "chosen-option": .choice("option-3", other: nil),
            "support-plan": .supportPlan([SupportPlan.Line(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek, outcome: "Choir")]),
            "decision": .choice("referred", other: nil), "direct-payment-available": .yesNo(true), "countersign": .choice("nobody", other: nil),
        ]
        let events = try TUIFixture.everyAnswer(of: form, chosen: chosen)
        let words = ConversationWording(catalog: TUIFixture.library.catalog(language: "en-GB")!, form: form)
        func show(_ kind: ShownText, _ text: String) throws {
            let note = ShownTextNote(language: "en-GB", sha256: ContentHash.sha256(text), firstShownAt: TUIFixture.clock(), seconds: 30, complete: true)
            try fixture.store.save(try session.handle(.shown(kind, note), at: TUIFixture.clock()), of: session, conversation: summary.id, at: TUIFixture.clock())
        }
        // The costing is gone through once the plan is written; the summary once everything before the agreement is.
        for _ in 0..<3 { for event in events { _ = try? session.handle(event, at: TUIFixture.clock()) } }
        try show(.costing, try CostingRecord(costing: ConversationCosting(session: session)!, words: words, rulesSHA256: "0").explanation)
        for event in events { _ = try? session.handle(event, at: TUIFixture.clock()) }
        let readBack = ReadBackSummary(session: session, words: words, person: summary.person).text
        try show(.summary, readBack)
        for _ in 0..<2 { for event in events { _ = try? session.handle(event, at: TUIFixture.clock()) } }
        let costing = try CostingRecord(costing: ConversationCosting(session: session)!, words: words, rulesSHA256: "0")
        try fixture.store.save([.saveCursor, .saveAgreedReadBack] + form.allQuestions.map { .saveAnswer(question: $0.id) }.filter {
            if case .saveAnswer(let id) = $0 { return session.answers[id] != nil } else { return true }
        }, of: session, conversation: summary.id, at: TUIFixture.clock())
        try RecordSealing(store: fixture.store).seal(
            conversation: summary, session: session, formSHA256: "0", key: TUIFixture.key, at: TUIFixture.clock(), readBackText: { _ in readBack },
            costing: { _ in costing })
        return summary.id
    }

    @Test func aRefusalNeedsReasonsAndIsSignedWithTheDecidersKey() throws {
        let fixture = try TUIFixture()
        let id = try referredRecord(fixture)
        let state = try fixture.store.summary(id: id).state
        try #require(state == .referred, "\(state)")
        try fixture.restart()
        fixture.app.deciding = FullScreenApp.Deciding { decision in
            #expect(decision.keyFile == "/media/rhona/signing-key.json")
            let key = try leader.file.unlock(passphrase: decision.passphrase)
            try RecordSealing(store: fixture.store).decide(record: decision.record, key: key, identity: key.identity,
                                                           outcome: decision.outcome,
                                                           reasons: decision.reasons, installedRules: { _, _ in "0" }, at: TUIFixture.clock())
            return "Rhona Baird \(decision.outcome) the budget of \(decision.record)."
        }
        // Home: the referred record, then F9 to decide it.
        fixture.press(.down)
        #expect(fixture.screen.contains("referred") && fixture.screen.contains("F9/^F decide"))
        fixture.press(.function(9))
        #expect(fixture.screen.contains("Decision on the budget — Morag Campbell"))
        #expect(fixture.screen.contains("How the indicative budget was worked out"))
        try expectSnapshot(fixture.app.render(), named: "decision-80x24-en-GB")

        fixture.press(.function(9))
        #expect(fixture.screen.contains("Problem: Choose whether to approve or refuse the budget first."))
        fixture.press(.character("2"), .function(9))
        #expect(fixture.screen.contains("Problem: A refusal needs its reasons"))
        fixture.type("\u{200B}\u{2060}")
        fixture.press(.function(9))
        #expect(fixture.screen.contains("Problem: A refusal needs its reasons"), "characters that show nothing are not reasons")
        for _ in 0..<2 { fixture.press(.backspace) }
        fixture.type("Choir transport is already offered by the community bus.")
        fixture.press(.tab)
        fixture.type("/media/rhona/signing-key.json")
        fixture.press(.function(9))
        fixture.type("the team leader's words")
        fixture.press(.enter)
        #expect(fixture.screen.contains("Rhona Baird refused the budget of \(id)."), "\(fixture.screen)")
        #expect(try fixture.store.summary(id: id).state == .refused)
        let latest = try Envelope(decoding: try #require(try fixture.store.revisions(record: id).last).envelope)
        let payload = try CanonicalValue(decoding: latest.payload)
        #expect(payload["decision"]?["reasons"]?.string == "Choir transport is already offered by the community bus.")
        #expect(payload["signer"]?["name"]?.string == "Rhona Baird")
    }
}

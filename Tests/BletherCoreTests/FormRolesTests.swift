import BletherCore
import Foundation
import Testing

/// Every rule that depends on a question's part takes the question from the form's roles,
/// never from its id.
@Suite struct FormRolesTests {
    let now = SampleForm.noon

    /// The agreement and its read-back under other ids, beside an ordinary question that happens to be called `agreement`.
    static let form = Form(id: "named", version: 1, sections: [
        Section(id: "about", questions: [
            Question(id: "who", kind: .multipleChoice(choices: ["person", "carer"], allowsOther: false)),
            Question(id: "agreement", kind: .singleChoice(choices: ["yes-please", "no-thanks"], allowsOther: false)),
        ]),
        Section(id: "ending", allowsNothingHere: false, questions: [
            Question(id: "heard", kind: .yesNo, required: true),
            Question(id: "consent", kind: .singleChoice(choices: ["agrees", "cannot-indicate"], allowsOther: false), required: true,
                     witnessedWhen: ["cannot-indicate"]),
            Question(id: "seen-by", kind: .line),
        ]),
    ], roles: FormRoles([.present: "who", .readBack: "heard", .agreement: "consent", .witness: "seen-by"]))

    @Test func theRolesNotTheIdsSayWhichQuestionsHoldTheAgreement() throws {
        let agreement = try #require(Self.form.agreement)
        #expect(agreement.agreement == "consent" && agreement.readBack == "heard" && agreement.witness == "seen-by" && agreement.section == "ending")
        #expect(Self.form.presentQuestion?.id == "who")
        var session = Session(form: Self.form)
        // The ordinary question called "agreement" is answered like any other, with nothing shown first.
        _ = try session.handle(.answer(question: "agreement", value: .choice("yes-please", other: nil)), at: now)
        #expect(throws: SessionRefusal.notGoneThrough(.summary)) {
            try session.handle(.answer(question: "consent", value: .choice("agrees", other: nil)), at: now)
        }
        var viewing = ShownTextViewing(openedAt: now)
        viewing.show(lines: 0..<10, of: 10)
        _ = try session.handle(.shown(.summary, viewing.note(language: "en-GB", sha256: "h", closedAt: now)), at: now)
        _ = try session.handle(.answer(question: "heard", value: .yesNo(true)), at: now)
        _ = try session.handle(.answer(question: "consent", value: .choice("cannot-indicate", other: nil)), at: now)
        #expect(session.isRequired(try #require(Self.form.question(id: "seen-by"))))
        let effects = try session.handle(.answer(question: "agreement", value: .choice("no-thanks", other: nil)), at: now)
        #expect(effects.contains(.deleteAnswer(question: "consent")) && effects.contains(.deleteAnswer(question: "heard")),
                "a change to what was read back asks the person again")
    }

    @Test func aFormBuiltWithoutRolesPlaysThemByMatchingIDs() {
        let form = Form(id: "plain", version: 1, sections: [Section(id: "s", questions: [
            Question(id: "present", kind: .multipleChoice(choices: ["person"], allowsOther: false)), Question(id: "notes", kind: .text),
        ])])
        #expect(form.roles[.present] == "present" && form.roles[.agreement] == nil && form.agreement == nil)
        let none = Form(id: "none", version: 1, sections: form.sections, roles: FormRoles())
        #expect(none.roles.isEmpty && none.presentQuestion == nil)
    }
}

import BletherCore
import BletherForms
import Foundation
import Testing

/// The `roles:` block names which question plays each part Blether's rules depend on, and
/// `forms check` holds it to the form: renaming a question without its role is reported with
/// its line; renaming both keeps every rule working.
@Suite struct FormRolesCheckTests {
    let adult = "forms/adult-good-conversation.yaml"
    let review = "forms/outcomes-review.yaml"
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func descriptions(_ fixture: FormFixture) -> [String] {
        fixture.check().problems.map { $0.description.replacingOccurrences(of: fixture.root.standardizedFileURL.path + "/", with: "") }
    }

    @Test func theShippedFormsNameEveryRole() throws {
        let library = FormLibrary.load(from: FormFixture.shipped)
        #expect(library.problems.isEmpty, "\(library.problems)")
        for id in ["adult-good-conversation", "outcomes-review"] {
            let form = try #require(library.latestForm(id: id))
            // Every role the form has a question for; the outcomes review asks whether a copy is wanted, not in what form.
            for role in FormRole.allCases where form.question(id: role.keyword) != nil {
                #expect(form.roles[role] == role.keyword, "\(id) \(role)")
            }
            #expect(form.presentQuestion?.id == "present")
        }
    }

    @Test func renamingTheAgreementWithoutItsRoleIsReportedWithItsLine() throws {
        let fixture = try FormFixture()
        try fixture.edit(review, replacing: "      - id: agreement\n", with: "      - id: person-agrees\n")
        let line = try fixture.line(of: "  agreement: agreement", in: review)
        let problems = descriptions(fixture)
        #expect(problems.contains("\(review):\(line): roles agreement: names 'agreement', which is not a question of this form — name a question of the form, or remove the line"),
                "\(problems)")
    }

    @Test func aQuestionWithARolesNameButNotNamedForItIsReported() throws {
        let fixture = try FormFixture()
        try fixture.edit(review, replacing: "  witness: witness        # the witness's name, when the agreement needs one\n", with: "")
        let line = try fixture.line(of: "      - id: witness", in: review)
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("\(review):\(line): the question 'witness' has the name of the witness role, but roles: does not name it")
            && $0.contains("add 'witness: witness' under roles:") }, "\(problems)")
    }

    @Test func anUnknownRoleIsNamedWithItsLineAndTheClosestRole() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "  read-back: read-back", with: "  readback: read-back")
        let line = try fixture.line(of: "  readback: read-back", in: adult)
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("\(adult):\(line): 'readback' is not a role a question can play — did you mean 'read-back'?") }, "\(problems)")
    }

    @Test func aRoleNeedsAQuestionOfItsKindAndOneQuestionPlaysOneRole() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "  witness: witness ", with: "  witness: copy-wanted ")
        try fixture.edit(review, replacing: "  read-back: read-back ", with: "  read-back: agreement ")
        let problems = descriptions(fixture)
        let witness = try fixture.line(of: "  witness: copy-wanted", in: adult)
        #expect(problems.contains("\(adult):\(witness): roles witness: 'copy-wanted' is of kind yesno, but the witness must be kind: line — give 'copy-wanted' kind: line, or name another question"),
                "\(problems)")
        let twice = try fixture.line(of: "  agreement: agreement", in: review)
        #expect(problems.contains { $0.hasPrefix("\(review):\(twice): the question 'agreement' is named for two roles, read-back and agreement") }, "\(problems)")
    }

    @Test func whoIsHereIsTheFirstQuestion() throws {
        let fixture = try FormFixture()
        try fixture.edit(review, replacing: "  present: present ", with: "  present: consent-told ")
        let line = try fixture.line(of: "  present: consent-told", in: review)
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("\(review):\(line): roles present: 'consent-told' is not the form's first question") }, "\(problems)")
    }

    @Test func aFormWithNoRolesBlockIsReportedAndAnEmptyOneIsEnough() throws {
        let fixture = try FormFixture()
        try fixture.write("id: tiny\nversion: 1\nsections:\n  - id: only\n    questions:\n      - id: q\n        kind: text\n", to: "forms/tiny.yaml")
        let missing = FormsCheck.run(paths: [fixture.forms.appendingPathComponent("tiny.yaml").path], shipped: FormFixture.shipped)
        #expect(missing.problems.contains { $0.message.hasPrefix("the form has no roles: block") && $0.fix.contains("'roles: {}'") }, "\(missing.problems)")
        try fixture.write("id: tiny\nversion: 1\nroles: {}\nsections:\n  - id: only\n    questions:\n      - id: q\n        kind: text\n", to: "forms/tiny.yaml")
        let empty = FormsCheck.run(paths: [fixture.forms.appendingPathComponent("tiny.yaml").path], shipped: FormFixture.shipped)
        #expect(!empty.problems.contains { $0.message.contains("roles") }, "\(empty.problems)")
    }

    @Test func aReadBackWithoutAnAgreementIsReported() throws {
        let fixture = try FormFixture()
        try fixture.write("""
            id: tiny
            version: 1
            roles:
              read-back: heard
            sections:
              - id: only
                questions:
                  - id: heard
                    kind: yesno
            """, to: "forms/tiny.yaml")
        let report = FormsCheck.run(paths: [fixture.forms.appendingPathComponent("tiny.yaml").path], shipped: FormFixture.shipped)
        #expect(report.problems.contains { $0.line == 4 && $0.message == "roles read-back: belongs to an agreement, but roles: names no agreement" }, "\(report.problems)")
    }

    /// The outcomes review with its read-back, agreement and witness under other ids, named so in `roles:`.
    func renamedReview() throws -> Form {
        let fixture = try FormFixture()
        for (old, new) in [("read-back", "summary-heard"), ("agreement", "person-agrees"), ("witness", "witnessed-by")] {
            try fixture.edit(review, replacing: "      - id: \(old)\n", with: "      - id: \(new)\n")
            try fixture.edit(review, replacing: "  \(old): \(old) ", with: "  \(old): \(new) ")
        }
        try fixture.edit(review, replacing: "relevant: agreement = 'agrees-with-changes' or agreement = 'does-not-agree'",
                         with: "relevant: person-agrees = 'agrees-with-changes' or person-agrees = 'does-not-agree'")
        let library = fixture.check()
        // The catalogs still use the old ids; the form itself is sound.
        #expect(library.problems.filter { $0.file.hasSuffix(review) }.isEmpty, "\(library.problems.filter { $0.file.hasSuffix(review) })")
        return try #require(library.latestForm(id: "outcomes-review"))
    }

    func note(_ text: String) -> ShownTextNote {
        var viewing = ShownTextViewing(openedAt: now)
        viewing.show(lines: 0..<20, of: 20)
        return viewing.note(language: "en-GB", sha256: "hash of \(text)", closedAt: now.addingTimeInterval(30))
    }

    @Test func renamedConsistentlyEveryAgreementRuleStillHolds() throws {
        let form = try renamedReview()
        let agreement = try #require(form.agreement)
        #expect(agreement.agreement == "person-agrees" && agreement.readBack == "summary-heard" && agreement.witness == "witnessed-by")
        #expect(agreement.section == "agreement" && agreement.witnessedWhen == ["cannot-indicate"])
        var session = Session(form: form)
        let before: [(String, AnswerValue)] = [
            ("present", .choices(["person"], other: nil)), ("consent-record", .yesNo(true)), ("overall", .choice("met", other: nil)),
            ("each-outcome", .text("Out to the choir each week")), ("changes", .text("None")), ("support-working", .choice("working-well", other: nil)),
        ]
        for (question, value) in before { _ = try session.handle(.answer(question: question, value: value), at: now) }
        #expect(session.shownText(confirmedBy: "summary-heard") == .summary)
        // "Yes, it was read back" and the agreement wait for the read-back to be shown.
        #expect(throws: SessionRefusal.notGoneThrough(.summary)) {
            try session.handle(.answer(question: "summary-heard", value: .yesNo(true)), at: now)
        }
        #expect(throws: SessionRefusal.notGoneThrough(.summary)) {
            try session.handle(.answer(question: "person-agrees", value: .choice("agrees", other: nil)), at: now)
        }
        _ = try session.handle(.shown(.summary, note("summary v1")), at: now)
        _ = try session.handle(.answer(question: "summary-heard", value: .yesNo(true)), at: now)
        let agreed = try session.handle(.answer(question: "person-agrees", value: .choice("cannot-indicate", other: nil)), at: now)
        #expect(agreed.contains(.saveAgreedReadBack) && session.shownTexts.agreedTo?.sha256 == "hash of summary v1")
        // A witnessed agreement needs the renamed witness question answered.
        let witness = try #require(form.question(id: "witnessed-by"))
        #expect(session.isRequired(witness))
        // A change to what was read back clears the read-back and the agreement under their new ids.
        let changed = try session.handle(.answer(question: "changes", value: .text("A new day centre")), at: now)
        #expect(changed.contains(.agreementCleared))
        #expect(changed.contains(.deleteAnswer(question: "summary-heard")) && changed.contains(.deleteAnswer(question: "person-agrees")))
        #expect(session.answers["person-agrees"] == nil && session.shownTexts.agreedTo == nil)
    }
}

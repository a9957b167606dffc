import BletherCore
import BletherForms
import Testing

/// `forms check` holds every form that ends in an agreement to reading back first, and checks
/// `witnessed_when:`.
@Suite struct AgreementFormsCheckTests {
    let adult = "forms/adult-good-conversation.yaml"
    let review = "forms/outcomes-review.yaml"

    func descriptions(_ fixture: FormFixture) -> [String] {
        fixture.check().problems.map { $0.description.replacingOccurrences(of: fixture.root.standardizedFileURL.path + "/", with: "") }
    }

    @Test func theShippedFormsReadBackBeforeTheAgreement() throws {
        let library = FormFixture.shipped
        let loaded = FormLibrary.load(from: library)
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        for id in ["adult-good-conversation", "outcomes-review"] {
            let form = try #require(loaded.latestForm(id: id))
            let agreement = try #require(form.agreement, "\(id) asks for an agreement")
            let order = form.allQuestions.map(\.id)
            let readBack = try #require(agreement.readBack, "\(id) reads back")
            #expect(order.firstIndex(of: readBack)! < order.firstIndex(of: agreement.agreement)!)
        }
        // Every shipped form that lets the person's agreement be "cannot indicate" asks for a witness and a countersignature.
        for id in ["adult-good-conversation", "outcomes-review"] {
            #expect(loaded.latestForm(id: id)?.agreement?.witnessedWhen == ["cannot-indicate"], "\(id)")
        }
    }

    @Test func theReadBackAndTheAgreementAreAlwaysAskedAndTheWitnessNeverHidden() throws {
        let fixture = try FormFixture()
        try fixture.edit(review, replacing: "      - id: read-back\n        kind: yesno\n        required: true\n", with: "      - id: read-back\n        kind: yesno\n        relevant: people-changed = yes\n")
        try fixture.edit(review, replacing: "      - id: witness\n        kind: line\n", with: "      - id: witness\n        kind: line\n        relevant: people-changed = yes\n")
        let readBack = try fixture.line(of: "      - id: read-back", in: review)
        let witness = try fixture.line(of: "      - id: witness", in: review)
        let problems = descriptions(fixture)
        #expect(problems.contains("\(review):\(readBack): the read-back question 'read-back' has relevant:, so it could go unasked and the agreement's rules with it — remove relevant: from 'read-back'"), "\(problems)")
        #expect(problems.contains("\(review):\(readBack): the read-back question 'read-back' is not required, so it could be left unanswered — add required: true to 'read-back'"), "\(problems)")
        #expect(problems.contains("\(review):\(witness): the witness question 'witness' has relevant:, so it could go unasked and the agreement's rules with it — remove relevant: from 'witness'"), "\(problems)")
    }

    @Test func whatThePersonSaysAfterTheAgreementWouldGoUnreadAndIsRefused() throws {
        let fixture = try FormFixture()
        let text = try String(contentsOf: fixture.root.appendingPathComponent(review), encoding: .utf8)
        try (text + "\n  - id: afterwards\n    nothing_here: false\n    questions:\n      - id: secret\n        kind: text\n        required: true\n")
            .write(to: fixture.root.appendingPathComponent(review), atomically: true, encoding: .utf8)
        let line = try fixture.line(of: "      - id: secret", in: review)
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("\(review):\(line): the question 'secret' comes after the agreement's section and is not asked of the worker, so what the person says to it would be signed without being read back to them") },
                "\(problems)")
    }

    @Test func anAgreementWithNoReadBackIsRefused() throws {
        let fixture = try FormFixture()
        try fixture.edit(review, replacing: "      - id: read-back\n        kind: yesno\n        required: true\n        constraint: . = yes\n", with: "")
        let line = try fixture.line(of: "      - id: agreement", in: review)
        let problems = descriptions(fixture)
        #expect(problems.contains { $0.hasPrefix("\(review):\(line): the agreement 'agreement' has no read-back before it") && $0.contains("add a question '- id: read-back'") },
                "\(problems)")
    }

    @Test func aReadBackAfterTheAgreementIsRefused() throws {
        let fixture = try FormFixture()
        let readBack = "      - id: read-back\n        kind: yesno\n        required: true\n        constraint: . = yes\n"
        try fixture.edit(review, replacing: readBack, with: "")
        try fixture.edit(review, replacing: "      - id: copy-wanted\n", with: readBack + "      - id: copy-wanted\n")
        let line = try fixture.line(of: "      - id: read-back", in: review)
        #expect(descriptions(fixture).contains { $0.hasPrefix("\(review):\(line): the read-back question 'read-back' comes after the agreement") })
    }

    @Test func witnessedWhenMustNameAgreementChoicesAndHaveAWitness() throws {
        let fixture = try FormFixture()
        try fixture.edit(adult, replacing: "witnessed_when: [cannot-indicate]", with: "witnessed_when: [cannot-indicat]")
        let line = try fixture.line(of: "witnessed_when: [cannot-indicat]", in: adult)
        #expect(descriptions(fixture).contains { $0.hasPrefix("\(adult):\(line): witnessed_when names 'cannot-indicat', which is not a choice of 'agreement'")
            && $0.contains("did you mean 'cannot-indicate'?") })

        let moved = try FormFixture()
        try moved.edit(adult, replacing: "        witnessed_when: [cannot-indicate]\n", with: "")
        try moved.edit(adult, replacing: "        choices: [advocate, witness, nobody]\n", with: "        choices: [advocate, witness, nobody]\n        witnessed_when: [nobody]\n")
        #expect(descriptions(moved).contains { $0.contains("witnessed_when only applies to the agreement question ('agreement'), not 'countersign'") })

        let noWitness = try FormFixture()
        try noWitness.edit(adult, replacing: "      - id: witness\n        kind: line\n", with: "      - id: witness-name\n        kind: line\n")
        try noWitness.edit("locales/en-GB.yaml", replacing: "      witness:\n", with: "      witness-name:\n")
        #expect(descriptions(noWitness).contains { $0.contains("the agreement says witnessed_when, but the form has no question 'witness'") })
    }
}

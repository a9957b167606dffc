import BletherCore
import Testing

@Suite struct ConditionParserTests {
    @Test func andBindsTighterThanOr() throws {
        let condition = try Condition(parsing: "a = yes or b = no and c is answered")
        #expect(condition == .or(
            .compare(.question("a"), .equal, .bool(true)),
            .and(.compare(.question("b"), .equal, .bool(false)), .isAnswered(.question("c")))
        ))
    }

    @Test func readsEveryForm() throws {
        #expect(try Condition(parsing: "not (x is not answered)") == .not(.not(.isAnswered(.question("x")))))
        #expect(try Condition(parsing: "'transport' in needs") == .includes(question: "needs", choice: "transport"))
        #expect(try Condition(parsing: ". <= 12.50") == .compare(.currentAnswer, .lessOrEqual, .number(hundredths: 1250)))
        #expect(try Condition(parsing: "hours >= -3") == .compare(.question("hours"), .greaterOrEqual, .number(hundredths: -300)))
        #expect(try Condition(parsing: "living != \"alone\"") == .compare(.question("living"), .notEqual, .string("alone")))
    }

    @Test(arguments: [
        ("x == yes", 4),
        ("x = ", 5),
        ("(x = yes", 9),
        ("x = 'yes", 5),
        ("x is present", 6),
        ("x = yes yes", 9),
        ("x ! y", 3),
        ("x = 1.234", 5),
        ("x @ 3", 3),
        ("needs in 'transport'", 1),
    ])
    func syntaxErrorsNameTheirColumn(text: String, column: Int) {
        #expect {
            try Condition(parsing: text)
        } throws: { error in
            (error as? ConditionSyntaxError)?.column == column
        }
    }

    @Test func findsReferencesAndCurrentAnswer() throws {
        let condition = try Condition(parsing: "not (budget is answered) or . <= budget")
        #expect(condition.questionReferences == ["budget", "budget"])
        #expect(condition.usesCurrentAnswer)
    }

    @Test func checksNamesAgainstTheForm() throws {
        let form = SampleForm.form
        let problems = try Condition(parsing: "has-carrer = yes and 'friend' in present and . = 1")
            .referenceProblems(in: form, for: "tech-now", isConstraint: false)
        #expect(problems.contains(.unknownQuestion("has-carrer")))
        #expect(problems.contains(.unknownChoice(question: "present", choice: "friend")))
        #expect(problems.contains(.currentAnswerOutsideConstraint))
        #expect(try Condition(parsing: "'x' in has-carer").referenceProblems(in: form, for: "tech-now", isConstraint: false)
            == [.notMultipleChoice(question: "has-carer")])
        #expect(try Condition(parsing: "tech-now is answered").referenceProblems(in: form, for: "tech-now", isConstraint: false)
            == [.refersToItself("tech-now")])
    }
}

import BletherCore
import Testing

@Suite struct ConditionEvaluatorTests {
    func holds(_ text: String, _ answers: [String: AnswerValue], current: AnswerValue? = nil) throws -> Bool {
        ConditionEvaluator(form: SampleForm.form, answers: answers, currentAnswer: current).holds(try Condition(parsing: text))
    }

    @Test func unansweredComparisonsAreFalse() throws {
        #expect(try holds("has-carer = yes", [:]) == false)
        #expect(try holds("not (has-carer = yes)", [:]))
        #expect(try holds("has-carer is answered", [:]) == false)
        #expect(try holds("has-carer is answered", ["has-carer": .yesNo(false)]))
    }

    @Test func comparesNumbersMoneyAndDates() throws {
        #expect(try holds("carer-hours > 35", ["carer-hours": .number(40)]))
        #expect(try holds("carer-hours > 35.5", ["carer-hours": .number(35)]) == false)
        #expect(try holds(". <= budget", ["budget": .money(Money(pence: 500_00))], current: .money(Money(pence: 499_99))))
        #expect(try holds(". <= budget", ["budget": .money(Money(pence: 500_00))], current: .money(Money(pence: 500_01))) == false)
        #expect(try holds("review < '01/06/2027'", ["review": .date(try CalendarDate(parsing: "2027-05-31"))]))
    }

    @Test func theLargestWholeNumbersAnAnswerCanHoldAreComparedWithoutACrash() throws {
        #expect(try holds("carer-hours > 35", ["carer-hours": .number(Int.max)]))
        #expect(try holds("carer-hours > -1", ["carer-hours": .number(Int.min)]) == false)
        #expect(try holds(". = 5", [:], current: .number(Int.max)) == false)
        #expect(try holds(". < 0", [:], current: .number(Int.min)))
    }

    @Test func readsChoices() throws {
        let present = AnswerValue.choices(["carer"], other: "Neighbour")
        #expect(try holds("'carer' in present", ["present": present]))
        #expect(try holds("'person' in present", ["present": present]) == false)
        #expect(try holds("'other' in present", ["present": present]))
        #expect(try holds("living = 'other'", ["living": .choice(nil, other: "With my sister")]))
        #expect(try holds("living != 'alone'", ["living": .choice("family", other: nil)]))
    }

    @Test func blankTextIsNotAnswered() throws {
        #expect(try holds("tech-now is answered", ["tech-now": .text("   ")]) == false)
    }
}

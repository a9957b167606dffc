import BletherCore
import BletherPlain
import Foundation
import Testing

/// In plain mode every accepted item of a list is saved at once: people, outcomes and support
/// plan lines typed before the input ends (or a command is given) are all there afterwards.
@Suite final class PlainListSavingTests {
    let conversation = PlainConversationTests()

    static let ann = PersonEntry(name: "Ann", relationship: "daughter", doesNow: "shopping", willingAndAble: "visits twice a week")
    static let jim = PersonEntry(name: "Jim", relationship: "neighbour")

    @Test func peopleAcceptedBeforeTheInputEndsAreKept() throws {
        let result = try conversation.run([":jump 4", "Ann", "daughter", "shopping", "visits twice a week", "Jim", "neighbour", "", "", "Sue", "fri"])
        #expect(result.ending == .endOfInput)
        #expect(result.saved.answers["people"]?.value == .people([Self.ann, Self.jim]), "the half-typed third person is not kept")
        #expect(result.saved.cursor == .question("people"), "the list was not finished, so the conversation is still there")
    }

    @Test func aCommandPartWayThroughAPersonKeepsThoseAccepted() throws {
        let result = try conversation.run([":jump 4", "Ann", "daughter", "shopping", "visits twice a week", "Jim", ":quit"])
        #expect(result.ending == .quit)
        #expect(result.saved.answers["people"]?.value == .people([Self.ann]))
    }

    @Test func outcomesAcceptedBeforeTheInputEndsAreKept() throws {
        let result = try conversation.run([":jump 9", "Get to choir every week", "1", "", "3 months", "", "yes", "Walk to the shop", "2"])
        #expect(result.saved.answers["agreed-outcomes"]?.value == .outcomes([
            OutcomeEntry(outcome: "Get to choir every week", group: .qualityOfLife, timescale: "3 months", mayNeedFundedSupport: true),
        ]))
        #expect(result.text.contains("Item 2"), "the second outcome was being asked for")
    }

    @Test func supportPlanLinesAcceptedBeforeTheInputEndsAreKept() throws {
        let lines = [":jump costing", "1", "12", "1", "10", "1", "Get to choir", "", "2", "1"]
        let result = try conversation.run(lines, before: PlainCostingLockTests.done(except: nil))
        #expect(result.saved.answers["support-plan"]?.value == .supportPlan([
            SupportPlan.Line(support: "personal-assistant-hour", quantity: 10, frequency: .perWeek, outcome: "Get to choir"),
        ]))
    }

    @Test func againKeepsTheOldListUntilTheFirstNewItemIsAccepted() throws {
        let before: [SessionEvent] = [.answer(question: "people", value: .people([Self.jim]))]
        let unchanged = try conversation.run([":jump 4", ":back", "again", "Ann", "daughter"], before: before)
        #expect(unchanged.text.contains("1. Jim, neighbour"))
        #expect(unchanged.saved.answers["people"]?.value == .people([Self.jim]), "nothing new was accepted, so the old list stands")

        let replaced = try PlainConversationTests().run([":jump 4", ":back", "again", "Ann", "daughter", "shopping", "visits twice a week", "Sue"], before: before)
        #expect(replaced.saved.answers["people"]?.value == .people([Self.ann]), "the first new person replaced the old list")

        let added = try PlainConversationTests().run([":jump 4", ":back", "add", "Ann", "daughter", "shopping", "visits twice a week"], before: before)
        #expect(added.saved.answers["people"]?.value == .people([Self.jim, Self.ann]))

        let kept = try PlainConversationTests().run([":jump 4", ":back", "", ":quit"], before: before)
        #expect(kept.saved.answers["people"]?.value == .people([Self.jim]))
        #expect(kept.saved.cursor != .question("people"), "Enter keeps the list and moves on")
    }

    @Test func againWithNoNewItemClearsTheListOnPurpose() throws {
        let before: [SessionEvent] = [.answer(question: "people", value: .people([Self.jim]))]
        let result = try conversation.run([":jump 4", ":back", "again", "", ":quit"], before: before)
        #expect(result.saved.answers["people"] == nil)
    }
}

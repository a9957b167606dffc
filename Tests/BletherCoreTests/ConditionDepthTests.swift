import BletherCore
import Testing

/// Conditions deeper than ``Condition/maximumDepth`` are refused whole, at the column where
/// the limit is passed, instead of overflowing the stack (which crashed `forms check`).
@Suite struct ConditionDepthTests {
    static let limit = Condition.maximumDepth

    func refusal(_ text: String) -> ConditionSyntaxError? {
        do {
            _ = try Condition(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func bracketsFiveThousandDeepAreRefused() {
        let text = String(repeating: "(", count: 5_000) + "a = yes" + String(repeating: ")", count: 5_000)
        let error = refusal(text)
        #expect(error?.kind == .tooDeeplyNested)
        #expect(error?.column == ConditionDepthTests.limit + 1)
    }

    @Test func aChainOfFiveThousandNotsIsRefused() {
        let error = refusal(String(repeating: "not ", count: 5_000) + "a = yes")
        #expect(error?.kind == .tooDeeplyNested)
        #expect(error?.column == 4 * ConditionDepthTests.limit + 1)
    }

    @Test func fiveThousandTestsJoinedByAndAreRefused() {
        let error = refusal(Array(repeating: "a = yes", count: 5_000).joined(separator: " and "))
        #expect(error?.kind == .tooDeeplyNested)
        let orChain = refusal(Array(repeating: "a = yes", count: 5_000).joined(separator: " or "))
        #expect(orChain?.kind == .tooDeeplyNested)
    }

    @Test func conditionsAtTheLimitAreRead() throws {
        let limit = ConditionDepthTests.limit
        let brackets = String(repeating: "(", count: limit) + "a = yes" + String(repeating: ")", count: limit)
        #expect(try Condition(parsing: brackets) == .compare(.question("a"), .equal, .bool(true)))
        let nots = try Condition(parsing: String(repeating: "not ", count: limit) + "a = yes")
        #expect(nots.questionReferences == ["a"])
        let joined = try Condition(parsing: Array(repeating: "a = yes", count: limit).joined(separator: " and "))
        #expect(joined.questionReferences.count == limit)
    }

    @Test func oneStepPastTheLimitIsRefusedEachWay() {
        let limit = ConditionDepthTests.limit
        let brackets = String(repeating: "(", count: limit + 1) + "a = yes" + String(repeating: ")", count: limit + 1)
        #expect(refusal(brackets)?.kind == .tooDeeplyNested)
        #expect(refusal(String(repeating: "not ", count: limit + 1) + "a = yes")?.kind == .tooDeeplyNested)
        #expect(refusal(Array(repeating: "a = yes", count: limit + 1).joined(separator: " and "))?.kind == .tooDeeplyNested)
        // Brackets, nots and joins add up.
        let mixed = String(repeating: "not (", count: limit / 2 + 1) + "a = yes" + String(repeating: ")", count: limit / 2 + 1)
        #expect(refusal(mixed)?.kind == .tooDeeplyNested)
    }

    @Test func ordinaryMistakesAreStillMistakes() {
        #expect(refusal("(x = yes")?.kind == .mistake)
    }
}

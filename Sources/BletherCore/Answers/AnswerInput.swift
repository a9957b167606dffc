/// Reads what a person typed into the answer a question takes, or says in terms a
/// face can put into words why it is not one. Shared by every face.
///
/// ```swift
/// let hours = try AnswerInput.wholeNumber("12")            // 12
/// let picks = try AnswerInput.choiceNumbers("1, 3", count: 5, single: false)   // [1, 3]
/// ```
package enum AnswerInput {
    package static func wholeNumber(_ text: String) throws(AnswerInputProblem) -> Int {
        let trimmed = text.trimmingWhitespace()
        guard let number = Int(trimmed.replacingOccurrences(of: ",", with: "")) else { throw .notANumber(trimmed) }
        return number
    }

    package static func money(_ text: String) throws(AnswerInputProblem) -> Money {
        do {
            return try Money(parsing: text)
        } catch {
            throw .money(error, text.trimmingWhitespace())
        }
    }

    package static func date(_ text: String) throws(AnswerInputProblem) -> CalendarDate {
        do {
            return try CalendarDate(parsing: text)
        } catch {
            throw .date(error, text.trimmingWhitespace())
        }
    }

    /// `yes`, `y`, `no`, `n`, or the catalog's own words for yes and no.
    package static func yesNo(_ text: String, yes: String, no: String) throws(AnswerInputProblem) -> Bool {
        let word = text.trimmingWhitespace().lowercased()
        if ["yes", "y", yes.lowercased()].contains(word) { return true }
        if ["no", "n", no.lowercased()].contains(word) { return false }
        throw .yesOrNo
    }

    /// 1-based numbers of the chosen items among `count`, in the order typed, without repeats.
    package static func choiceNumbers(_ text: String, count: Int, single: Bool) throws(AnswerInputProblem) -> [Int] {
        let parts = text.split { $0 == "," || $0 == " " }.map { String($0) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw .choiceNotNumber }
        var numbers: [Int] = []
        for part in parts {
            guard let number = Int(part) else { throw .choiceNotNumber }
            guard (1...max(count, 1)).contains(number) else { throw .choiceOutOfRange(number, count) }
            if !numbers.contains(number) { numbers.append(number) }
        }
        if single && numbers.count > 1 { throw .chooseOne }
        return numbers
    }
}

/// Why typed text is not an answer to the question.
package enum AnswerInputProblem: Error, Equatable, Sendable {
    case notANumber(String)
    case money(Money.ParseError, String)
    case date(CalendarDate.ParseError, String)
    case yesOrNo
    case choiceNotNumber
    case choiceOutOfRange(Int, Int)
    case chooseOne
    case otherEmpty
    case emptyName
    /// Not a whole number on the question's scale, which runs `from` … `to`.
    case notOnScale(String, from: Int, to: Int)
    /// Not a whole number of one support from 1 to ``SupportPlan/Line/maximumQuantity``.
    case quantity(String)
}

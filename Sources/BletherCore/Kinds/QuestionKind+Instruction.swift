/// The line that says how to give an answer of each kind, in the catalog's words.
///
/// ```swift
/// question.kind.instruction(question: question.id, words: words, lineByLine: true)
/// // "Choose a number from 1 to 5. 1 means “Not at all”; 5 means “Completely”."
/// ```
extension QuestionKind {
    /// - Parameter lineByLine: the answer is typed as lines of text (plain mode), not edited
    ///   on a screen, so even the shape of text and choices needs saying.
    /// - Returns: `nil` when the face's own editor says it all (a list of entries has its own intro).
    package func instruction(question: String, words: ConversationWording, lineByLine: Bool) -> String? {
        let catalog = words.catalog
        switch self {
        case .text: return lineByLine ? catalog.text(.inputText) : nil
        case .line: return lineByLine ? catalog.text(.inputLine) : nil
        case .singleChoice: return lineByLine ? catalog.text(.inputChoice) : nil
        case .multipleChoice: return lineByLine ? catalog.text(.inputChoices) : nil
        case .yesNo: return lineByLine ? catalog.text(.inputYesno) : nil
        case .wholeNumber(let minimum, let maximum):
            switch (minimum, maximum) {
            case (let low?, let high?): return catalog.text(.inputNumberBetween, ["minimum": String(low), "maximum": String(high)])
            case (let low?, nil): return catalog.text(.inputNumberAtLeast, ["minimum": String(low)])
            case (nil, let high?): return catalog.text(.inputNumberAtMost, ["maximum": String(high)])
            case (nil, nil): return catalog.text(.inputNumber)
            }
        case .money: return catalog.text(.inputMoney)
        case .date: return catalog.text(.inputDate)
        case .scale(let from, let to):
            var text = catalog.text(.inputScale, ["from": String(from), "to": String(to)])
            if let ends = scaleEnds(question: question, words: words) {
                text += " " + catalog.text(.inputScaleEnds, ["from": String(from), "low": ends.low, "to": String(to), "high": ends.high])
            }
            return text
        case .people, .outcomes, .supportPlan: return nil
        }
    }

    /// The words for a scale's two ends, when the catalog gives both
    /// (`forms.<form>.questions.<id>.low` and `.high`).
    package func scaleEnds(question: String, words: ConversationWording) -> (low: String, high: String)? {
        let low = FormTextKey.scaleLow(form: words.form.id, question: question)
        let high = FormTextKey.scaleHigh(form: words.form.id, question: question)
        guard words.catalog.has(low), words.catalog.has(high) else { return nil }
        return (words.catalog.text(low), words.catalog.text(high))
    }

    /// Catalog keys a form may give for a question of this kind beyond its label, hint and
    /// required message (``FormTextKey/optionalKeys(for:)``), in groups that are given together
    /// or not at all.
    package func optionalTextKeys(form: String, question: String) -> [[String]] {
        switch self {
        case .scale: [[FormTextKey.scaleLow(form: form, question: question), FormTextKey.scaleHigh(form: form, question: question)]]
        case .text, .line, .singleChoice, .multipleChoice, .wholeNumber, .money, .date, .yesNo, .people, .outcomes, .supportPlan: []
        }
    }
}

extension FormTextKey {
    /// Optional, for a `scale`: the words for its lowest and highest points ("Not at all", "Completely").
    package static func scaleLow(form: String, question: String) -> String { "forms.\(form).questions.\(question).low" }
    package static func scaleHigh(form: String, question: String) -> String { "forms.\(form).questions.\(question).high" }
}

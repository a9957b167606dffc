/// The summary read back to the person before they say whether they agree: every section
/// up to the agreement, with each answer in plain words and whose words they were.
/// The exact text is hashed into the signed record with its language.
///
/// ```swift
/// let text = ReadBackSummary(session: session, words: words, person: "Morag").text
/// ```
public struct ReadBackSummary: Sendable {
    public let session: Session
    public let words: ConversationWording
    public let person: String
    /// Sections from this one on are not read back (the agreement and signing themselves).
    public let stopAt: String

    public init(session: Session, words: ConversationWording, person: String, stopAt: String = "agreement") {
        self.session = session
        self.words = words
        self.person = person
        self.stopAt = stopAt
    }

    /// The question that asks whether the summary was read back, by convention.
    public static let questionID = "read-back"

    public var text: String {
        let catalog = words.catalog
        var lines = [catalog.text(.readbackTitle, ["person": person]), catalog.text(.readbackIntro), ""]
        for section in session.form.sections {
            // The agreement's own section is never read back, whatever it is called (see `Form.isReadBack`).
            if section.id == stopAt || section.id == session.form.agreement?.section { break }
            lines.append(words.sectionTitle(section.id))
            if let mark = session.marks[section.id] {
                lines.append("  " + catalog.text(.readbackNothingHere))
                if !mark.note.isEmpty {
                    let note = catalog.text(.readbackNothingHereNote, ["note": mark.note])
                    for line in note.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("    " + line) }
                    lines.append("    " + catalog.text(.readbackBy, ["speaker": words.speakerName(mark.speaker)]))
                }
            }
            for question in session.relevantQuestions(in: section) {
                guard let answer = session.answers[question.id], !answer.value.isEmpty else { continue }
                lines.append("  " + words.label(question.id))
                let by = catalog.text(.readbackBy, ["speaker": words.speakerName(answer.speaker)])
                for line in detail(answer.value, question: question.id) { lines.append("    " + line) }
                lines.append("    " + by)
            }
            lines.append("")
        }
        lines.append(catalog.text(.readbackEnd))
        return lines.joined(separator: "\n")
    }

    /// Lists are read back item by item, every field; other answers as they are shown.
    private func detail(_ value: AnswerValue, question: String) -> [String] {
        let catalog = words.catalog
        func field(_ key: UIText, _ text: String) -> [String] {
            text.isEmpty ? [] : ["  " + catalog.text(key) + ": " + text]
        }
        switch value {
        case .people(let people):
            var lines: [String] = []
            for person in people {
                lines.append(person.relationship.isEmpty ? person.name : person.name + " — " + person.relationship)
                lines += field(.peopleDoesNow, person.doesNow)
                lines += field(.peopleWillingAndAble, person.willingAndAble)
            }
            return lines
        case .outcomes(let outcomes):
            var lines: [String] = []
            for outcome in outcomes {
                lines.append(outcome.outcome)
                lines.append("  " + words.outcomeGroupName(outcome.group))
                lines += field(.outcomesMilestones, outcome.milestones)
                lines += field(.outcomesTimescale, outcome.timescale)
                lines += field(.outcomesHowWeWillKnow, outcome.howWeWillKnow)
                let funded: UIText = outcome.mayNeedFundedSupport ? .answerYes : .answerNo
                lines.append("  " + catalog.text(.outcomesMayNeedFundedSupport) + " " + catalog.text(funded))
            }
            return lines
        case .supportPlan(let plan):
            return plan.map(words.planLine)
        case .text, .choice, .choices, .number, .money, .date, .yesNo:
            return words.answerText(value, question: question).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

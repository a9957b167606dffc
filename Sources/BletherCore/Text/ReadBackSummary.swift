/// The summary read back to the person before they say whether they agree: every section
/// up to the agreement, with each answer in plain words and whose words they were.
/// The exact text is hashed into the signed record with its language.
///
/// ```swift
/// let text = ReadBackSummary(session: session, words: words, person: "Morag").text
/// let copy = DocumentHTML(ReadBackSummary(session: session, words: words, person: "Morag").document)
/// ```
package struct ReadBackSummary: Sendable {
    package let session: Session
    package let words: ConversationWording
    package let person: String
    /// Sections from this one on are not read back; the agreement's own section always stops it.
    package let stopAt: String?
    /// For the person's own copy: whose words each answer was, said to them ("You said this."),
    /// and dates in words. `nil` — always, for what is read back and hashed — keeps "(the person)"
    /// and dates as they were read.
    package let addressed: AddressedAttribution?

    package init(session: Session, words: ConversationWording, person: String, stopAt: String? = nil, addressed: AddressedAttribution? = nil) {
        self.session = session
        self.words = words
        self.person = person
        self.stopAt = stopAt
        self.addressed = addressed
    }

    /// Whose words they were: as read back, or said to the person in their copy.
    private func by(_ speaker: Speaker) -> DocumentText {
        addressed?.line(for: speaker) ?? words.catalog.document(.readbackBy, ["speaker": words.speakerName(speaker)])
    }

    /// The summary as it is read: exactly the document's plain text (see ``DocumentPlainText``).
    package var text: String { document.text }

    /// The summary as a document: its title and introduction, a section per form section up to
    /// the agreement with each answer attributed, and its closing line.
    package var document: Document {
        let catalog = words.catalog
        var sections = [DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.readbackTitle, ["person": person], inserted: ["person"])),
                                        blocks: [.paragraph(catalog.document(.readbackIntro))])]
        for section in session.form.sections {
            // The agreement's own section is never read back, whatever it is called (see `Form.isReadBack`).
            if section.id == stopAt || section.id == session.form.agreement?.section { break }
            var blocks: [DocumentBlock] = []
            if let mark = session.marks[section.id] {
                let noted = !mark.note.isEmpty
                let note = noted ? catalog.document(.readbackNothingHereNote, ["note": mark.note], inserted: ["note"]).lines : []
                blocks.append(.answer(AttributedAnswer(question: catalog.document(.readbackNothingHere), body: .text(note),
                                                       by: noted ? by(mark.speaker) : nil)))
            }
            for question in session.relevantQuestions(in: section) {
                guard let answer = session.answers[question.id], !answer.value.isEmpty else { continue }
                blocks.append(.answer(AttributedAnswer(question: DocumentText(words.label(question.id)), body: body(answer.value, question: question.id),
                                                       by: by(answer.speaker))))
            }
            sections.append(DocumentSection(heading: DocumentHeading(level: 2, text: DocumentText(words.sectionTitle(section.id))), blocks: blocks))
        }
        sections.append(DocumentSection(blocks: [.paragraph(catalog.document(.readbackEnd))]))
        return Document(sections: sections)
    }

    /// An answer as it is read back: lists item by item, every field; other answers as they are
    /// shown (a date in words, in the person's copy).
    package func body(_ value: AnswerValue, question: String) -> AttributedAnswer.Body {
        let catalog = words.catalog
        func field(_ key: UIText, _ text: String) -> [DocumentText] {
            text.isEmpty ? [] : [DocumentText(catalog.text(key) + ": ") + .inserted(text)]
        }
        switch value {
        case .people(let people):
            return .items(people.map { person in
                let name = person.relationship.isEmpty ? .inserted(person.name) : .inserted(person.name) + " — " + .inserted(person.relationship)
                return DocumentItem(name, details: field(.peopleDoesNow, person.doesNow) + field(.peopleWillingAndAble, person.willingAndAble))
            })
        case .outcomes(let outcomes):
            return .items(outcomes.map { outcome in
                let funded: UIText = outcome.mayNeedFundedSupport ? .answerYes : .answerNo
                // In the person's copy the kind of outcome is said to them, not of them.
                let addressedGroup: UIText = switch outcome.group {
                case .qualityOfLife: .summaryGroupQualityOfLife
                case .process: .summaryGroupProcess
                case .change: .summaryGroupChange
                }
                let group = addressed == nil ? words.outcomeGroupName(outcome.group) : catalog.text(addressedGroup)
                let details = [DocumentText(group)] + field(.outcomesMilestones, outcome.milestones)
                    + field(.outcomesTimescale, outcome.timescale) + field(.outcomesHowWeWillKnow, outcome.howWeWillKnow)
                    + [DocumentText(catalog.text(.outcomesMayNeedFundedSupport) + " " + catalog.text(funded))]
                return DocumentItem(.inserted(outcome.outcome), details: details)
            })
        case .supportPlan(let plan):
            return .items(plan.map { DocumentItem(words.planLineText($0)) })
        case .date(let day) where addressed != nil:
            return .text([.inserted(DateInWords.text(day, language: catalog.language))])
        case .money(let amount) where addressed != nil:
            // In the person's copy an amount is written as their language writes it; what is read back keeps £1,234.50.
            return .text([.inserted(catalog.money(amount))])
        case .text, .choice, .choices, .number, .money, .date, .yesNo:
            return .text(DocumentText.inserted(words.answerText(value, question: question)).lines)
        }
    }
}

import BletherCore
import Foundation

/// The copy a supported person keeps of one signed revision: first the one-page summary written
/// to them (``personSummary``), then the full record (``fullRecord``) — the summary as signed,
/// each answer said to them as theirs or another's, what they said about it and their own words
/// added in review, every signature on the revision (and on the revisions before it) with each
/// key's fingerprint, every decision on the budget up to it, how to check it and how to challenge
/// a decision — as plain text wrapped at 72 columns, or as one accessible HTML page. The
/// easy-read summary (``easyRead``) is a document of its own, for any format.
///
/// ```swift
/// let copy = RecordCopy(revision: history.last!, earlier: history.dropLast(), words: words)
/// try copy.text.write(to: url, atomically: true, encoding: .utf8)
/// let easy = copy.html(of: copy.easyRead)
/// ```
package struct RecordCopy: Sendable {
    /// The revision copied.
    package let revision: SignedRevision
    /// The revisions before it, oldest first: its history.
    package let earlier: [SignedRevision]
    package let words: ConversationWording

    package init(revision: SignedRevision, earlier: some Sequence<SignedRevision>, words: ConversationWording) {
        self.revision = revision
        self.earlier = Array(earlier)
        self.words = words
    }

    package var content: SignedRecordContent { revision.content }

    var catalog: Catalog { words.catalog }

    /// The decision on a referred budget: who decided, when, and why; or that it is referred.
    package static func decisionParagraphs(_ content: SignedRecordContent, catalog: Catalog) -> [String] {
        decisionParagraphs(history: [content], catalog: catalog)
    }

    /// ``decisionText(history:catalog:)`` as plain lines.
    package static func decisionParagraphs(history: [SignedRecordContent], catalog: Catalog) -> [String] {
        decisionText(history: history, catalog: catalog).map(\.plain)
    }

    /// Every decision on the budget in a record's revisions up to the last of `history` (oldest
    /// first), each once, in order: who decided, when (in words) and why, the decider's name and
    /// reasons kept apart to be isolated. A decision on a plan changed since says so; a budget
    /// referred and not yet decided says that last.
    package static func decisionText(history: [SignedRecordContent], catalog: Catalog) -> [DocumentText] {
        guard let current = history.last else { return [] }
        var lines: [DocumentText] = []
        var standing: SignedRecordContent.Decision?
        for content in history {
            // A decision carried unchanged into later revisions is one decision, said once.
            guard let decided = content.decision else { standing = nil; continue }
            if decided == standing { continue }
            standing = decided
            lines.append(catalog.document(decided.outcome == .refused ? .decisionRefused : .decisionApproved,
                                          ["name": decided.name, "role": catalog.roleName(decided.role), "date": day(decided.date, catalog)],
                                          inserted: ["name"]))
            if !decided.reasons.isEmpty { lines.append(catalog.document(.decisionReasons, ["reasons": decided.reasons], inserted: ["reasons"])) }
            if decided != current.decision { lines.append(catalog.document(.copyDecisionEarlier)) }
        }
        if current.decision == nil && current.isReferred {
            lines.append(catalog.document(.decisionReferred, ["date": day(current.sealedAt, catalog)]))
        }
        return lines
    }

    /// A day a record gives as `YYYY-MM-DD…`, in words in the catalog's language ("15 January 2027");
    /// as it is written when it is not a day.
    package static func day(_ iso: String, _ catalog: Catalog) -> String {
        guard let date = try? CalendarDate(parsing: String(iso.prefix(10))) else { return iso }
        return DateInWords.text(date, language: catalog.language)
    }

    /// The line before a part shown as it was signed, when it was signed in another language
    /// than the copy's: "This part is shown as it was signed, in English."; `nil` in the same language.
    package static func asSignedNote(signedIn language: String, catalog: Catalog) -> DocumentText? {
        func primary(_ tag: String) -> Substring { tag.split(separator: "-").first ?? Substring(tag) }
        guard primary(language) != primary(catalog.language) else { return nil }
        return catalog.document(primary(language) == "en" ? .copyAsSignedEnglish : .copyAsSigned)
    }

    /// How to challenge a decision: the council's own words where its rules give them.
    package static func challengeParagraphs(_ content: SignedRecordContent?, catalog: Catalog) -> [String] {
        if let council = content?.challenge, !council.isEmpty { return [catalog.text(.decisionChallenge, ["text": council])] }
        return [catalog.text(.copyChallenge)]
    }

    /// The one-page summary addressed to the person, that opens every copy (``PersonSummary``).
    package var personSummary: Document { summary.document }

    /// The summary in easy read, with the places for its pictures (``PersonSummary/easyRead``).
    package var easyRead: Document { summary.easyRead }

    var summary: PersonSummary { PersonSummary(revision: revision, earlier: earlier, words: words) }

    /// The copy as a document, shared by both formats: the one-page summary first, then the
    /// full record.
    package var document: Document {
        Document(sections: personSummary.sections + fullRecord.sections)
    }

    /// The signature line of one signature: who, as what, and the day in words, the name kept apart.
    func signedLine(_ signature: SignedRevision.Signature) -> DocumentText {
        catalog.document(.copySigned, ["name": signature.name, "role": catalog.roleName(signature.role), "date": RecordCopy.day(signature.date, catalog)],
                         inserted: ["name"])
    }

    /// The full record, under its own heading: the person and the record, the signatures, the
    /// summary as read back (its sections as parts of the copy, each answer said to the person as
    /// theirs or another's, dates in words), how the budget was worked out, the decision, what the
    /// person said, their own words, the revisions, and how to challenge a decision.
    package var fullRecord: Document {
        let history = earlier + [revision]
        var signed = revision.signatures.map(signedLine)
        // Key fingerprints let anyone check a bundle's keys against this page: every key that
        // signed this revision or an earlier one, each once.
        var keys = Set<String>()
        for signature in history.reversed().flatMap(\.signatures) where keys.insert(signature.keyID).inserted {
            signed.append(catalog.document(.copyKey, ["name": signature.name, "fingerprint": KeyIdentity.fingerprint(of: signature.keyID)], inserted: ["name"]))
        }
        if let agreement = content.session.form.agreement, agreement.needsWitness(content.session.answers[agreement.agreement]?.value),
           !revision.signatures.dropFirst().contains(where: { AgreementQuestions.countersigningRoles.contains($0.role) }) {
            signed.append(catalog.document(.copyAwaitingCountersignature))
        }
        signed.append(catalog.document(.copyFingerprint, ["fingerprint": KeyIdentity.fingerprint(of: content.revisionID)]))
        signed.append(catalog.document(.copyCheck))
        var agreement: [DocumentBlock] = []
        if let id = content.session.form.agreement?.section, let section = content.session.form.section(id: id) {
            for question in content.session.relevantQuestions(in: section) {
                guard let answer = content.session.answers[question.id], !answer.value.isEmpty else { continue }
                agreement.append(.paragraph(DocumentText(words.label(question.id) + " — ") + .inserted(words.answerText(answer.value, question: question.id))))
            }
        }
        var sections = [
            DocumentSection(heading: DocumentHeading(level: 1, text: catalog.document(.copyFullRecord)), blocks: [
                .paragraph(catalog.document(.copyFullRecordIntro)),
                .paragraph(.inserted(content.person)),
                .paragraph(catalog.document(.copyRecordLine, ["form": words.formTitle, "id": content.record, "number": String(content.revision)])),
            ]),
            DocumentSection(blocks: signed.map(DocumentBlock.paragraph)),
        ]
        sections += RecordCopy.parts(of: ReadBackSummary(session: content.session, words: words, person: content.person, addressed: summary.attribution).document)
        if let explanation = content.costingDocument(words) {
            // Shown as signed: when signed in another language, one line of the copy's own first says so.
            if let note = RecordCopy.asSignedNote(signedIn: content.language, catalog: catalog) {
                sections.append(DocumentSection(blocks: [.paragraph(note)]))
            }
            sections += RecordCopy.parts(of: explanation)
            let choice = content.choiceLines(words)
            if !choice.isEmpty { sections.append(DocumentSection(blocks: choice.map { .paragraph(DocumentText($0)) })) }
        }
        let decision = RecordCopy.decisionText(history: history.map(\.content), catalog: catalog)
        if !decision.isEmpty {
            sections.append(DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(.decisionTitle)),
                                            blocks: decision.map(DocumentBlock.paragraph)))
        }
        sections.append(DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(.copyAgreement)), blocks: agreement))
        if !content.comments.isEmpty {
            // Each of the person's additions, as signed: who and when, then their words line by line.
            let blocks = content.comments.map { comment in
                DocumentBlock.answer(AttributedAnswer(
                    question: catalog.document(.copyOwnWordsOn, ["date": RecordCopy.day(comment.date, catalog)]),
                    body: .text(AnswerText.cleaned(comment.text).components(separatedBy: "\n").map(DocumentText.inserted)),
                    by: summary.attribution.line(for: comment.speaker)))
            }
            sections.append(DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(.copyOwnWordsTitle)), blocks: blocks))
        }
        if !earlier.isEmpty {
            // The revisions up to this one, each with everyone who signed it.
            let blocks = history.map { past in
                DocumentBlock.entry(DocumentEntry(
                    term: catalog.document(.copyRevisionLine, ["number": String(past.content.revision),
                                                               "fingerprint": KeyIdentity.fingerprint(of: past.content.revisionID)]),
                    descriptions: past.signatures.map(signedLine)))
            }
            sections.append(DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(.copyRevisionsTitle)), blocks: blocks))
        }
        sections.append(DocumentSection(heading: DocumentHeading(level: 2, text: catalog.document(.copyChallengeTitle)),
                                        blocks: RecordCopy.challengeParagraphs(content, catalog: catalog).map { .paragraph(DocumentText($0)) }))
        return Document(sections: sections)
    }

    /// A shown text as parts of the copy. The summary's title and introduction open it as
    /// paragraphs, its sections become the copy's parts; the explanation's title heads its
    /// first part, and its own headings sit a level below the copy's parts.
    static func parts(of document: Document) -> [DocumentSection] {
        guard let first = document.sections.first, let title = first.heading, title.level == 1 else { return document.sections }
        let rest = Array(document.sections.dropFirst())
        if !first.blocks.isEmpty {
            // The summary: its title read as the first line, its sections the copy's parts.
            return [DocumentSection(blocks: [.paragraph(title.text)] + first.blocks)] + rest
        }
        // The explanation: its title heads the opening paragraphs; its steps' headings go a level down.
        let opening = rest.first.flatMap { $0.heading == nil ? $0 : nil }
        let steps = rest.dropFirst(opening == nil ? 0 : 1).map { section in
            DocumentSection(heading: section.heading.map { DocumentHeading(level: $0.level + 1, text: $0.text) }, blocks: section.blocks)
        }
        return [DocumentSection(heading: DocumentHeading(level: 2, text: title.text), blocks: opening?.blocks ?? [])] + steps
    }

    /// UTF-8 text wrapped at 72 columns, read top to bottom; every name and answer isolated
    /// wherever directions could mix (see ``DocumentWrappedText``).
    package var text: String { text(of: document) }

    /// Any document of this copy (``personSummary``, ``easyRead``) as text wrapped at 72 columns,
    /// in the copy's direction.
    package func text(of document: Document) -> String {
        DocumentWrappedText(document, width: 72, rightToLeft: catalog.rightToLeft).text
    }

    /// One self-contained, semantic page: headings and lists, no scripts, a print style and a
    /// large-print style, in the copy's language and direction. A word longer than the screen
    /// is wide (a web address pasted in) breaks rather than running off a phone's screen.
    package var html: String { html(of: document) }

    /// Any document of this copy (``personSummary``, ``easyRead``) as the same self-contained page.
    package func html(of document: Document) -> String {
        let escape = RecordCopy.htmlText
        let direction = catalog.rightToLeft ? "rtl" : "ltr"
        let body = DocumentHTML(document).elements
        return """
            <!DOCTYPE html>
            <html lang="\(escape(catalog.language))" dir="\(direction)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(catalog.text(.copyTitle))) — \(escape(BidiIsolation.isolate(content.person, amidRightToLeft: catalog.rightToLeft)))</title>
            <style>
            body { font-family: sans-serif; font-size: 1.25rem; line-height: 1.6; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #000; background: #fff; overflow-wrap: anywhere; }
            h1 { font-size: 2rem; } h2 { font-size: 1.5rem; margin-top: 2rem; }
            h3 { font-size: 1.25rem; } dt { font-weight: bold; margin-top: 1rem; } dd { margin-inline-start: 1.5rem; }
            section { margin-bottom: 1.5rem; } li { margin: 0.25rem 0; }
            .idea { display: flex; align-items: center; gap: 1rem; margin: 0.75rem 0; } .idea p { margin: 0; }
            .picture { flex: none; width: 4rem; height: 4rem; border: 2px dashed #555; border-radius: 0.5rem; display: flex; align-items: flex-end; justify-content: center; font-size: 0.7rem; color: #555; }
            @media print { body { font-size: 14pt; max-width: none; margin: 0; } }
            </style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    /// Text for the page: a bidi control a person typed is shown (`<U+202E>`), never obeyed,
    /// and then the characters html gives meaning to are escaped.
    ///
    /// ```swift
    /// RecordCopy.htmlText("Morag \u{202E}evil")   // "Morag &lt;U+202E&gt;evil"
    /// ```
    package static func htmlText(_ text: String) -> String { DocumentHTML.escape(text) }
}

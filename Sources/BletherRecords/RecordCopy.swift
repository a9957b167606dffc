import BletherCore
import Foundation

/// The copy a supported person keeps of one signed revision: the summary as signed, what they
/// said about it and their own words added in review, every signature on the revision (and on
/// the revisions before it) with each key's fingerprint, every decision on the budget up to it,
/// how to check it and how to challenge a decision — as plain text wrapped at 72 columns, or as
/// one accessible HTML page.
///
/// ```swift
/// let copy = RecordCopy(revision: history.last!, earlier: history.dropLast(), words: words)
/// try copy.text.write(to: url, atomically: true, encoding: .utf8)
/// ```
public struct RecordCopy: Sendable {
    /// The revision copied.
    public let revision: SignedRevision
    /// The revisions before it, oldest first: its history.
    public let earlier: [SignedRevision]
    public let words: ConversationWording

    public init(revision: SignedRevision, earlier: some Sequence<SignedRevision>, words: ConversationWording) {
        self.revision = revision
        self.earlier = Array(earlier)
        self.words = words
    }

    public var content: SignedRecordContent { revision.content }

    var catalog: Catalog { words.catalog }

    /// The document as headed blocks of paragraphs, shared by both formats.
    struct Block {
        let heading: String?
        let paragraphs: [String]
        /// Steps of a worked explanation: in html, paragraphs (indented ones set in), not a definition list.
        var isSteps = false
    }

    /// The decision on a referred budget: who decided, when, and why; or that it is referred.
    public static func decisionParagraphs(_ content: SignedRecordContent, catalog: Catalog) -> [String] {
        decisionParagraphs(history: [content], catalog: catalog)
    }

    /// Every decision on the budget in a record's revisions up to the last of `history` (oldest
    /// first), each once, in order: who decided, when and why. A decision on a plan changed since
    /// says so; a budget referred and not yet decided says that last.
    public static func decisionParagraphs(history: [SignedRecordContent], catalog: Catalog) -> [String] {
        guard let current = history.last else { return [] }
        var lines: [String] = []
        var standing: SignedRecordContent.Decision?
        for content in history {
            // A decision carried unchanged into later revisions is one decision, said once.
            guard let decided = content.decision else { standing = nil; continue }
            if decided == standing { continue }
            standing = decided
            lines.append(catalog.text(decided.outcome == .refused ? .decisionRefused : .decisionApproved,
                                      ["name": decided.name, "role": catalog.roleName(decided.role), "date": decided.date]))
            if !decided.reasons.isEmpty { lines.append(catalog.text(.decisionReasons, ["reasons": decided.reasons])) }
            if decided != current.decision { lines.append(catalog.text(.copyDecisionEarlier)) }
        }
        if current.decision == nil && current.isReferred {
            lines.append(catalog.text(.decisionReferred, ["date": String(current.sealedAt.prefix(10))]))
        }
        return lines
    }

    /// How to challenge a decision: the council's own words where its rules give them.
    public static func challengeParagraphs(_ content: SignedRecordContent?, catalog: Catalog) -> [String] {
        if let council = content?.challenge, !council.isEmpty { return [catalog.text(.decisionChallenge, ["text": council])] }
        return [catalog.text(.copyChallenge)]
    }

    var blocks: [Block] {
        let history = earlier + [revision]
        var signed = revision.signatures.map {
            catalog.text(.copySigned, ["name": $0.name, "role": catalog.roleName($0.role), "date": $0.date])
        }
        // Key fingerprints let anyone check a bundle's keys against this page: every key that
        // signed this revision or an earlier one, each once.
        var keys = Set<String>()
        for signature in history.reversed().flatMap(\.signatures) where keys.insert(signature.keyID).inserted {
            signed.append(catalog.text(.copyKey, ["name": signature.name, "fingerprint": KeyIdentity.fingerprint(of: signature.keyID)]))
        }
        if let agreement = content.session.form.agreement, agreement.needsWitness(content.session.answers[agreement.agreement]?.value),
           !revision.signatures.dropFirst().contains(where: { AgreementQuestions.countersigningRoles.contains($0.role) }) {
            signed.append(catalog.text(.copyAwaitingCountersignature))
        }
        signed.append(catalog.text(.copyFingerprint, ["fingerprint": KeyIdentity.fingerprint(of: content.revisionID)]))
        signed.append(catalog.text(.copyCheck))
        let summary = ReadBackSummary(session: content.session, words: words, person: content.person).text
        var agreement: [String] = []
        if let id = content.session.form.agreement?.section, let section = content.session.form.section(id: id) {
            for question in content.session.relevantQuestions(in: section) {
                guard let answer = content.session.answers[question.id], !answer.value.isEmpty else { continue }
                agreement.append(words.label(question.id) + " — " + words.answerText(answer.value, question: question.id))
            }
        }
        // The summary's title and introduction, then one block per section with its title as heading.
        let chunks = summary.components(separatedBy: "\n\n").map { $0.components(separatedBy: "\n") }
        let sections = chunks.dropFirst().map { lines in
            lines.first.map { Block(heading: $0.hasPrefix(" ") ? nil : $0, paragraphs: $0.hasPrefix(" ") ? lines : Array(lines.dropFirst())) }
                ?? Block(heading: nil, paragraphs: [])
        }
        var costing: [Block] = []
        if let explanation = content.costingExplanation {
            let lines = explanation.components(separatedBy: "\n")
            costing.append(Block(heading: lines.first, paragraphs: Array(lines.dropFirst().drop { $0.isEmpty }) + [""] + content.choiceLines(words),
                                 isSteps: true))
        }
        let decision = RecordCopy.decisionParagraphs(history: history.map(\.content), catalog: catalog)
        if !decision.isEmpty { costing.append(Block(heading: catalog.text(.decisionTitle), paragraphs: decision)) }
        let challenge = RecordCopy.challengeParagraphs(content, catalog: catalog)
        var after: [Block] = []
        if !content.comments.isEmpty {
            // Each of the person's additions, as signed: who and when, then their words line by line.
            let paragraphs = content.comments.flatMap { comment in
                ["  " + catalog.text(.copyOwnWordsBy, ["date": comment.date, "speaker": words.speakerName(comment.speaker)])]
                    + AnswerText.cleaned(comment.text).components(separatedBy: "\n").map { "    " + $0 }
            }
            after.append(Block(heading: catalog.text(.copyOwnWordsTitle), paragraphs: paragraphs))
        }
        if !earlier.isEmpty {
            // The revisions up to this one, each with everyone who signed it.
            let paragraphs = history.flatMap { past in
                ["  " + catalog.text(.copyRevisionLine, ["number": String(past.content.revision),
                                                          "fingerprint": KeyIdentity.fingerprint(of: past.content.revisionID)])]
                    + past.signatures.map { "    " + catalog.text(.copySigned, ["name": $0.name, "role": catalog.roleName($0.role), "date": $0.date]) }
            }
            after.append(Block(heading: catalog.text(.copyRevisionsTitle), paragraphs: paragraphs))
        }
        return [
            Block(heading: catalog.text(.copyTitle), paragraphs: [content.person,
                catalog.text(.copyRecordLine, ["form": words.formTitle, "id": content.record, "number": String(content.revision)])]),
            Block(heading: nil, paragraphs: signed),
            Block(heading: nil, paragraphs: chunks.first ?? []),
        ] + sections + costing + [
            Block(heading: catalog.text(.copyAgreement), paragraphs: agreement),
        ] + after + [
            Block(heading: catalog.text(.copyChallengeTitle), paragraphs: challenge),
        ]
    }

    /// UTF-8 text wrapped at 72 columns, read top to bottom.
    public var text: String {
        var lines: [String] = []
        for block in blocks {
            if let heading = block.heading {
                lines.append(heading)
                lines.append(String(repeating: "=", count: min(heading.count, 72)))
            }
            for paragraph in block.paragraphs {
                let indent = String(paragraph.prefix { $0 == " " })
                let body = String(paragraph.dropFirst(indent.count))
                if body.isEmpty { lines.append(""); continue }
                lines += RecordCopy.wrap(body, width: 72 - indent.count).map { indent + $0 }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Greedy word wrap by characters (copies are read aloud and printed, not drawn in cells);
    /// a word longer than a line (a web address, say) is broken across lines.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 1)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            if !current.isEmpty && current.count + 1 + word.count <= width {
                current += " " + word
                continue
            }
            if !current.isEmpty { lines.append(current) }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            current = String(word)
        }
        lines.append(current)
        return lines
    }

    /// One self-contained, semantic page: headings and lists, no scripts, a print style and a
    /// large-print style, in the copy's language and direction.
    public var html: String {
        let escape = RecordCopy.htmlText
        let direction = catalog.rightToLeft ? "rtl" : "ltr"
        var body: [String] = []
        for (index, block) in blocks.enumerated() {
            body.append("<section>")
            if let heading = block.heading { body.append(index == 0 ? "<h1>\(escape(heading))</h1>" : "<h2>\(escape(heading))</h2>") }
            // Questions and their answers: a definition list (question, then the answer and whose words).
            if block.isSteps {
                for paragraph in block.paragraphs where !paragraph.trimmingCharacters(in: .whitespaces).isEmpty {
                    let indented = paragraph.hasPrefix(" ")
                    body.append(indented ? "<p class=\"step\">\(escape(paragraph.trimmingCharacters(in: .whitespaces)))</p>" : "<p>\(escape(paragraph))</p>")
                }
                body.append("</section>")
                continue
            }
            var inList = false
            for paragraph in block.paragraphs {
                let trimmed = paragraph.trimmingCharacters(in: .whitespaces)
                let depth = paragraph.prefix { $0 == " " }.count
                if depth > 0 && !inList { body.append("<dl>"); inList = true }
                if depth == 0 && inList { body.append("</dl>"); inList = false }
                if trimmed.isEmpty { continue }
                switch depth {
                case 0: body.append("<p>\(escape(trimmed))</p>")
                case 1...2: body.append("<dt>\(escape(trimmed))</dt>")
                default: body.append("<dd>\(escape(trimmed))</dd>")
                }
            }
            if inList { body.append("</dl>") }
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="\(escape(catalog.language))" dir="\(direction)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(catalog.text(.copyTitle))) — \(escape(content.person))</title>
            <style>
            body { font-family: sans-serif; font-size: 1.25rem; line-height: 1.6; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #000; background: #fff; }
            h1 { font-size: 2rem; } h2 { font-size: 1.5rem; margin-top: 2rem; }
            dt { font-weight: bold; margin-top: 1rem; } dd { margin-inline-start: 1.5rem; }
            section { margin-bottom: 1.5rem; } p.step { margin: 0.25rem 0; margin-inline-start: 1.5rem; }
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
    public static func htmlText(_ text: String) -> String {
        BidiIsolation.safeText(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

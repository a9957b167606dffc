import BletherCore
import Foundation

/// The copy a supported person keeps: the summary as signed, what they said about it,
/// who signed and when, the fingerprint, how to check it and how to challenge a decision —
/// as plain text wrapped at 72 columns, or as one accessible HTML page.
///
/// ```swift
/// let copy = RecordCopy(content: content, words: words, countersigners: [])
/// try copy.text.write(to: url, atomically: true, encoding: .utf8)
/// ```
public struct RecordCopy: Sendable {
    public let content: SignedRecordContent
    public let words: ConversationWording
    /// Further signatures on the revision: name, role, key id, and the day each was added.
    public let countersigners: [(name: String, role: String, keyID: String, date: String)]

    public init(content: SignedRecordContent, words: ConversationWording,
                countersigners: [(name: String, role: String, keyID: String, date: String)]) {
        self.content = content
        self.words = words
        self.countersigners = countersigners
    }

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
        if let decided = content.decision {
            var lines = [catalog.text(decided.outcome == "refused" ? .decisionRefused : .decisionApproved,
                                      ["name": decided.name, "role": catalog.roleName(decided.role), "date": decided.date])]
            if !decided.reasons.isEmpty { lines.append(catalog.text(.decisionReasons, ["reasons": decided.reasons])) }
            return lines
        }
        return content.isReferred ? [catalog.text(.decisionReferred, ["date": String(content.sealedAt.prefix(10))])] : []
    }

    /// How to challenge a decision: the council's own words where its rules give them.
    public static func challengeParagraphs(_ content: SignedRecordContent?, catalog: Catalog) -> [String] {
        if let council = content?.challenge, !council.isEmpty { return [catalog.text(.decisionChallenge, ["text": council])] }
        return [catalog.text(.copyChallenge)]
    }

    var blocks: [Block] {
        let date = String(content.sealedAt.prefix(10))
        var signed = [catalog.text(.copySigned, ["name": content.signer.name, "role": catalog.roleName(content.signer.role), "date": date])]
        signed += countersigners.map { catalog.text(.copySigned, ["name": $0.name, "role": catalog.roleName($0.role), "date": $0.date]) }
        // Key fingerprints let anyone check a bundle's keys against this page.
        signed.append(catalog.text(.copyKey, ["name": content.signer.name, "fingerprint": KeyIdentity.fingerprint(of: content.signer.keyID)]))
        signed += countersigners.map { catalog.text(.copyKey, ["name": $0.name, "fingerprint": KeyIdentity.fingerprint(of: $0.keyID)]) }
        if let agreement = content.session.form.agreement, agreement.needsWitness(content.session.answers[agreement.agreement]?.value),
           !countersigners.contains(where: { AgreementQuestions.countersigningRoles.contains($0.role) }) {
            signed.append(catalog.text(.copyAwaitingCountersignature))
        }
        signed.append(catalog.text(.copyFingerprint, ["fingerprint": KeyIdentity.fingerprint(of: content.revisionID)]))
        signed.append(catalog.text(.copyCheck))
        let summary = ReadBackSummary(session: content.session, words: words, person: content.person).text
        var agreement: [String] = []
        if let section = content.session.form.section(id: AssessmentPayload.agreementSection) {
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
        let decision = RecordCopy.decisionParagraphs(content, catalog: catalog)
        if !decision.isEmpty { costing.append(Block(heading: catalog.text(.decisionTitle), paragraphs: decision)) }
        let challenge = RecordCopy.challengeParagraphs(content, catalog: catalog)
        return [
            Block(heading: catalog.text(.copyTitle), paragraphs: [content.person,
                catalog.text(.copyRecordLine, ["form": words.formTitle, "id": content.record, "number": String(content.revision)])]),
            Block(heading: nil, paragraphs: signed),
            Block(heading: nil, paragraphs: chunks.first ?? []),
        ] + sections + costing + [
            Block(heading: catalog.text(.copyAgreement), paragraphs: agreement),
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

    /// Greedy word wrap by characters (copies are read aloud and printed, not drawn in cells).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty { current = String(word); continue }
            if current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines
    }

    /// One self-contained, semantic page: headings and lists, no scripts, a print style and a
    /// large-print style, in the copy's language and direction.
    public var html: String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
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
}

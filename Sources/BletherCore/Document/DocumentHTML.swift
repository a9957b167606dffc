/// A ``Document`` as html for the person's copy: each section a `<section>` under an
/// `<h1>`–`<h6>` of its level, paragraphs as `<p>`, lists as `<ul>` or `<ol>`, answers as a
/// definition list (the question, the answer, whose words they were). Everything is escaped,
/// and what a person gave is isolated from the words around it: an inserted name in `<bdi>`,
/// an answer in a `dir="auto"` element, so an Urdu answer in an English page (or the
/// reverse) keeps its own direction and never turns the line around. Key words an easy-read
/// sentence marks are `<strong>`; an easy-read idea is a `<div class="idea">` holding the empty,
/// labelled box for its picture (`data-symbol="symbol:money"`, labelled in the copy's language) and its sentence.
///
/// ```swift
/// let body = DocumentHTML(document).body   // "<section>\n<h2>…</h2>\n…</section>"
/// ```
package struct DocumentHTML: Sendable {
    package let document: Document

    package init(_ document: Document) { self.document = document }

    /// The sections as html elements, one a line.
    package var body: String { elements.joined(separator: "\n") }

    /// The elements, one a line, without the page around them.
    package var elements: [String] {
        var lines: [String] = []
        for section in document.sections {
            lines.append(section.ownDirection ? "<section dir=\"auto\">" : "<section>")
            if let heading = section.heading {
                let level = min(max(heading.level, 1), 6)
                lines.append("<h\(level)>\(DocumentHTML.inline(heading.text))</h\(level)>")
            }
            var inAnswers = false
            for block in section.blocks {
                if block.isDefinition {
                    if !inAnswers { lines.append("<dl>"); inAnswers = true }
                } else if inAnswers {
                    lines.append("</dl>"); inAnswers = false
                }
                lines += DocumentHTML.elements(of: block)
            }
            if inAnswers { lines.append("</dl>") }
            lines.append("</section>")
        }
        return lines
    }

    static func elements(of block: DocumentBlock) -> [String] {
        switch block {
        case .paragraph(let text):
            return ["<p>\(inline(text))</p>"]
        case .list(let list):
            let tag = list.numbered ? "ol" : "ul"
            return ["<\(tag)>"] + list.items.map(item) + ["</\(tag)>"]
        case .answer(let answer):
            var lines = ["<dt>\(inline(answer.question))</dt>"]
            switch answer.body {
            case .text(let body) where !body.isEmpty:
                // The answer as given, its lines kept, its direction its own; words around it
                // (a note's "What we talked about:") keep the answer apart in <bdi>.
                let answer = body.map { line in line.runs.count == 1 ? escape(line.plain) : inline(line) }
                lines.append("<dd dir=\"auto\">" + answer.joined(separator: "<br>") + "</dd>")
            case .text:
                break
            case .items(let items):
                lines.append("<dd><ul>" + items.map(item).joined() + "</ul></dd>")
            }
            if let by = answer.by { lines.append("<dd class=\"by\">\(inline(by))</dd>") }
            return lines
        case .entry(let entry):
            return ["<dt>\(inline(entry.term))</dt>"] + entry.descriptions.map { "<dd>\(inline($0))</dd>" }
        case .pictured(let place, let text):
            // An empty box keyed for a council's own symbol, labelled in the copy's language; the
            // sentence carries the meaning, so a screen reader skips the box.
            return ["<div class=\"idea\"><span class=\"picture\" data-symbol=\"\(place.symbol.key)\" aria-hidden=\"true\">\(escape(place.name))</span>"
                    + "<p>\(inline(text))</p></div>"]
        }
    }

    static func item(_ item: DocumentItem) -> String {
        let details = item.details.isEmpty ? "" : "<ul>" + item.details.map { "<li>\(inline($0))</li>" }.joined() + "</ul>"
        return "<li>\(inline(item.text))\(details)</li>"
    }

    /// The text escaped, each inserted run in `<bdi>` so it takes its own direction, each
    /// emphasised run in `<strong>`.
    package static func inline(_ text: DocumentText) -> String {
        text.runs.map { run in
            switch run {
            case .words(let words): escape(words)
            case .inserted(let inserted): "<bdi>" + escape(inserted) + "</bdi>"
            case .emphasised(let words): "<strong>" + escape(words) + "</strong>"
            }
        }.joined()
    }

    /// Text for a page: a bidi control a person typed is shown (`<U+202E>`), never obeyed,
    /// and then the characters html gives meaning to are escaped.
    ///
    /// ```swift
    /// DocumentHTML.escape("Morag \u{202E}evil")   // "Morag &lt;U+202E&gt;evil"
    /// ```
    package static func escape(_ text: String) -> String {
        BidiIsolation.safeText(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension DocumentBlock {
    /// Answers and entries: html sets consecutive ones in one definition list.
    var isDefinition: Bool {
        switch self {
        case .answer, .entry: true
        case .paragraph, .list, .pictured: false
        }
    }
}

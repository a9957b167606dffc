/// A line of a document's text: the program's own words, and what was inserted into them
/// from a person (a name, an answer, their own words), kept apart so a renderer can isolate
/// an inserted run's direction from the words around it (html `<bdi>`), while the plain text
/// is exactly the words joined.
///
/// ```swift
/// let title = catalog.document(.readbackTitle, ["person": "Morag"], inserted: ["person"])
/// title.plain   // "What we have written together, for Morag"
/// ```
package struct DocumentText: Sendable, Equatable, ExpressibleByStringLiteral {
    /// One stretch of the text.
    package enum Run: Sendable, Equatable {
        /// The program's words, in the reader's language.
        case words(String)
        /// A name, an answer or words a person gave, in whatever script they wrote it.
        case inserted(String)
        /// The program's key words, set in bold where the format can (an easy-read page).
        case emphasised(String)

        package var text: String {
            switch self {
            case .words(let text), .inserted(let text), .emphasised(let text): text
            }
        }
    }

    package let runs: [Run]

    package init(runs: [Run]) { self.runs = runs }

    /// The program's own words, nothing inserted.
    package init(_ words: String) { runs = [.words(words)] }

    package init(stringLiteral value: String) { self.init(value) }

    /// Words a person gave, as one inserted run.
    package static func inserted(_ text: String) -> DocumentText { DocumentText(runs: [.inserted(text)]) }

    /// The text as it is read: every run joined, nothing added.
    package var plain: String { runs.map(\.text).joined() }

    /// This text followed by `other`.
    package static func + (lhs: DocumentText, rhs: DocumentText) -> DocumentText { DocumentText(runs: lhs.runs + rhs.runs) }
}

extension DocumentText {
    /// The text cut at each line break, every run kept whole on its side of the break.
    ///
    /// ```swift
    /// DocumentText.inserted("one\ntwo").lines   // [.inserted("one"), .inserted("two")]
    /// ```
    package var lines: [DocumentText] {
        var lines: [[Run]] = [[]]
        for run in runs {
            let parts = run.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, part) in parts.enumerated() {
                if index > 0 { lines.append([]) }
                guard !part.isEmpty else { continue }
                switch run {
                case .words: lines[lines.count - 1].append(.words(part))
                case .inserted: lines[lines.count - 1].append(.inserted(part))
                case .emphasised: lines[lines.count - 1].append(.emphasised(part))
                }
            }
        }
        return lines.map { DocumentText(runs: $0.isEmpty ? [.words("")] : $0) }
    }
}

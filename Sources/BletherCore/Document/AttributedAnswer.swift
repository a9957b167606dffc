/// A question as it is read back, the answer given and whose words they were — or a section
/// talked about with nothing to add, its note and who gave it.
///
/// ```swift
/// AttributedAnswer(question: "What matters to you?", body: .text([.inserted("My garden")]), by: "(the person)")
/// ```
package struct AttributedAnswer: Sendable, Equatable {
    package var question: DocumentText
    package var body: Body
    /// Whose words they were, as read out; `nil` when there is nothing to attribute.
    package var by: DocumentText?

    /// The answer itself.
    package enum Body: Sendable, Equatable {
        /// An answer read as it was given, line by line (empty: nothing but the question).
        case text([DocumentText])
        /// A list answer, item by item with every field.
        case items([DocumentItem])
    }

    package init(question: DocumentText, body: Body, by: DocumentText?) {
        self.question = question
        self.body = body
        self.by = by
    }
}

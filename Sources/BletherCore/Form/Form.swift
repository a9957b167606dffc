/// A conversation definition loaded from `forms/*.yaml`: ordered sections of questions.
///
/// A form holds structure only; every word it shows comes from a ``Catalog`` under the
/// keys that ``FormTextKey`` derives from the ids here.
///
/// ```swift
/// let section = form.section(id: "what-matters")
/// ```
public struct Form: Sendable, Equatable {
    /// Stable identifier, e.g. `adult-good-conversation`.
    public let id: String
    /// Monotonic version: a changed form gets a higher number.
    public let version: Int
    public let sections: [Section]

    public init(id: String, version: Int, sections: [Section]) {
        self.id = id
        self.version = version
        self.sections = sections
    }

    public func section(id: String) -> Section? {
        sections.first { $0.id == id }
    }

    public func sectionIndex(id: String) -> Int? {
        sections.firstIndex { $0.id == id }
    }

    public func question(id: String) -> Question? {
        for section in sections {
            if let question = section.questions.first(where: { $0.id == id }) { return question }
        }
        return nil
    }

    /// The section that holds the question with this id.
    public func section(containing questionID: String) -> Section? {
        sections.first { $0.questions.contains { $0.id == questionID } }
    }

    /// Every question in form order.
    public var allQuestions: [Question] {
        sections.flatMap(\.questions)
    }
}

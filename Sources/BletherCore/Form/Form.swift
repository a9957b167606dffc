/// A conversation definition loaded from `forms/*.yaml`: ordered sections of questions.
///
/// A form holds structure only; every word it shows comes from a ``Catalog`` under the
/// keys that ``FormTextKey`` derives from the ids here.
///
/// ```swift
/// let section = form.section(id: "what-matters")
/// ```
package struct Form: Sendable, Equatable {
    /// Stable identifier, e.g. `adult-good-conversation`.
    package let id: String
    /// Monotonic version: a changed form gets a higher number.
    package let version: Int
    package let sections: [Section]
    /// The councils' costing rules written for this form (`forms/costing/*.yaml`), attached when
    /// the forms are loaded; a support plan question is costed by one of them.
    package var costingRules: [CostingRules]
    /// Which questions hold the costing, when the form costs support.
    package let costing: CostingQuestions?
    /// Which questions play the parts Blether's rules depend on: who is here, the read-back,
    /// the agreement and its witness (the form file's `roles:` block).
    package let roles: FormRoles

    /// A form; without `roles`, each role is played by the question of the same id
    /// (``FormRoles/matchingIDs(in:)``) — form files always name theirs.
    package init(id: String, version: Int, sections: [Section], costing: CostingQuestions? = nil, roles: FormRoles? = nil,
                costingRules: [CostingRules] = []) {
        self.id = id
        self.version = version
        self.sections = sections
        self.costing = costing
        self.roles = roles ?? FormRoles.matchingIDs(in: sections)
        self.costingRules = costingRules
    }

    /// The rules with this id, if they are written for this form.
    package func costingRules(id: String) -> CostingRules? {
        costingRules.first { $0.id == id }
    }

    package func section(id: String) -> Section? {
        sections.first { $0.id == id }
    }

    package func sectionIndex(id: String) -> Int? {
        sections.firstIndex { $0.id == id }
    }

    package func question(id: String) -> Question? {
        for section in sections {
            if let question = section.questions.first(where: { $0.id == id }) { return question }
        }
        return nil
    }

    /// The section that holds the question with this id.
    package func section(containing questionID: String) -> Section? {
        sections.first { $0.questions.contains { $0.id == questionID } }
    }

    /// Who normally answers the question: its own `asked_of`, else its section's; `nil` when the form does not say.
    ///
    /// ```swift
    /// form.speaker(askedFor: "reasons")   // .worker
    /// ```
    package func speaker(askedFor questionID: String) -> Speaker? {
        question(id: questionID)?.askedOf ?? section(containing: questionID)?.askedOf
    }

    /// Every question in form order.
    package var allQuestions: [Question] {
        sections.flatMap(\.questions)
    }
}

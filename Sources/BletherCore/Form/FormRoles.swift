/// Which question plays each ``FormRole`` in a form: read from the form file's `roles:` block,
/// so that renaming a question can never quietly turn off the rule that depends on it.
///
/// ```yaml
/// roles:
///   present: present        # who is here (asked when a conversation starts)
///   read-back: read-back    # yes/no: the summary was read back
///   agreement: agreement    # the person's agreement (a choice)
///   witness: witness        # the witness's name (a line)
/// ```
///
/// ```swift
/// let roles = FormRoles([.agreement: "consent-given", .readBack: "summary-heard"])
/// roles[.agreement]             // "consent-given"
/// roles.role(of: "summary-heard")  // .readBack
/// ```
package struct FormRoles: Sendable, Equatable {
    private let questions: [FormRole: String]

    /// The roles named, each with the id of the question that plays it.
    package init(_ questions: [FormRole: String] = [:]) {
        self.questions = questions
    }

    /// The id of the question that plays `role`, if the form names one.
    package subscript(role: FormRole) -> String? { questions[role] }

    /// The role the question with this id plays, if any.
    package func role(of questionID: String) -> FormRole? {
        FormRole.allCases.first { questions[$0] == questionID }
    }

    package var isEmpty: Bool { questions.isEmpty }

    /// For a form built in Swift without roles (tests, tools): each role is played by the question
    /// whose id is the role's name, when the form has one. Form files never fall back to this:
    /// their reader always gives the roles their `roles:` block names.
    package static func matchingIDs(in sections: [Section]) -> FormRoles {
        let ids = Set(sections.flatMap(\.questions).map(\.id))
        return FormRoles(Dictionary(uniqueKeysWithValues: FormRole.allCases.filter { ids.contains($0.rawValue) }.map { ($0, $0.rawValue) }))
    }
}

extension Form {
    /// The question asked when a conversation starts — who is here: the one the roles name
    /// `present`, which `forms check` holds to being the form's first question.
    ///
    /// ```swift
    /// if let question = form.presentQuestion { … ask it beside the person's name … }
    /// ```
    package var presentQuestion: Question? {
        guard let id = roles[.present], let first = sections.first?.questions.first, first.id == id else { return nil }
        return first
    }
}

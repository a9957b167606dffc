/// Whether the section at the cursor may be marked *talked about — nothing here*: the
/// rule every face asks before it asks for the few words on what was explored.
extension Session {
    /// The section at the cursor, if it may be marked *nothing here* once the words (where
    /// required) are given; throws why not otherwise.
    ///
    /// ```swift
    /// let section = try session.sectionToMarkNothingHere()
    /// if section.nothingHereNote == .required { /* ask for a few words */ }
    /// ```
    package func sectionToMarkNothingHere() throws(SessionRefusal) -> Section {
        guard case .question(let id) = cursor, let section = form.section(containing: id) else { throw .noQuestionHere }
        guard section.allowsNothingHere else { throw .nothingHereNotAllowed(section: section.id) }
        guard !relevantQuestions(in: section).contains(where: { isAnswered($0.id) }) else {
            throw .sectionHasAnswers(section: section.id)
        }
        return section
    }
}

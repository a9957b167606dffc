extension Catalog {
    /// A conversation's state as listed: `draft` until its record is signed, then `signed`.
    public func conversationState(_ state: String) -> String {
        state == "signed" ? text(.listStateSigned) : text(.listStateDraft)
    }
}

extension Catalog {
    /// A conversation's state as listed (see ``ConversationState``), in this language.
    package func conversationState(_ state: ConversationState) -> String {
        switch state {
        case .draft: text(.listStateDraft)
        case .signed: text(.listStateSigned)
        case .referred: text(.listStateReferred)
        case .approved: text(.listStateApproved)
        case .refused: text(.listStateRefused)
        case .awaitingCountersignature: text(.listStateAwaitingCountersignature)
        }
    }
}

extension Catalog {
    /// A key holder's role in this language (`team-leader` → "team leader").
    package func roleName(_ role: SignerRole) -> String {
        switch role {
        case .worker: text(.roleWorker)
        case .advocate: text(.roleAdvocate)
        case .witness: text(.roleWitness)
        case .teamLeader: text(.roleTeamLeader)
        case .serviceManager: text(.roleServiceManager)
        }
    }

    /// A decision-limit role in this language.
    package func roleName(_ role: DecisionRole) -> String {
        switch role {
        case .worker: text(.roleWorker)
        case .teamLeader: text(.roleTeamLeader)
        case .serviceManager: text(.roleServiceManager)
        }
    }
}

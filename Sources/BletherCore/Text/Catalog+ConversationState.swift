extension Catalog {
    /// A conversation's state as listed: `draft` until its record is signed, then `signed`;
    /// a signed record whose budget is above the worker's limit is `referred` until a team
    /// leader or service manager has `approved` or `refused` it; one whose agreement needs
    /// witnessing is `awaiting-countersignature` until an advocate or witness countersigns it.
    public func conversationState(_ state: String) -> String {
        switch state {
        case "signed": text(.listStateSigned)
        case "referred": text(.listStateReferred)
        case "approved": text(.listStateApproved)
        case "refused": text(.listStateRefused)
        case "awaiting-countersignature": text(.listStateAwaitingCountersignature)
        default: text(.listStateDraft)
        }
    }
}

extension Catalog {
    /// A key holder's role in this language (`team-leader` → "team leader"); an unknown role as written.
    public func roleName(_ role: String) -> String {
        switch role {
        case "worker": text(.roleWorker)
        case "advocate": text(.roleAdvocate)
        case "witness": text(.roleWitness)
        case DecisionRole.teamLeader.rawValue: text(.roleTeamLeader)
        case DecisionRole.serviceManager.rawValue: text(.roleServiceManager)
        default: role
        }
    }
}

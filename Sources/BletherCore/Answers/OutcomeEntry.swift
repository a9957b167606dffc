/// One personal outcome, as recorded in an *outcomes* list.
package struct OutcomeEntry: Sendable, Hashable {
    /// The outcome in the person's own words.
    package var outcome: String
    package var group: OutcomeGroup
    /// Steps on the way, and when each is hoped for.
    package var milestones: String
    package var timescale: String
    /// How the person and the worker will both know it has been met.
    package var howWeWillKnow: String
    /// Still unmet after natural, technology, community and money supports, so it may need funded support.
    package var mayNeedFundedSupport: Bool

    package init(
        outcome: String, group: OutcomeGroup, milestones: String = "", timescale: String = "",
        howWeWillKnow: String = "", mayNeedFundedSupport: Bool = false
    ) {
        self.outcome = outcome
        self.group = group
        self.milestones = milestones
        self.timescale = timescale
        self.howWeWillKnow = howWeWillKnow
        self.mayNeedFundedSupport = mayNeedFundedSupport
    }
}

/// The Talking Points groups of personal outcomes.
package enum OutcomeGroup: String, Sendable, Hashable, Codable, CaseIterable {
    /// Quality of life: feeling safe, seeing people, staying as well as possible.
    case qualityOfLife = "quality-of-life"
    /// Process: being listened to, treated with respect, having a say.
    case process
    /// Change: improved confidence, skills, mobility; reduced symptoms.
    case change
}

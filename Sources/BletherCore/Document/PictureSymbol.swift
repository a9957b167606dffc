/// The picture that goes beside one idea of an easy-read page, named by a stable key a
/// council maps to its own symbol set (Widgit, Photosymbols, its own drawings). Blether draws
/// no pictures: html leaves an empty, labelled box (`data-symbol="symbol:money"`), text leaves
/// `[picture: money]`, so every easy-read copy has its pictures in the same places, in every
/// language. The keys are listed in the README; a new key is a new case, never a renamed one.
///
/// ```swift
/// DocumentBlock.pictured(.money, catalog.emphasised(.easyBudget, ["amount": amount.formatted]))
/// PictureSymbol.money.key   // "symbol:money"
/// ```
package enum PictureSymbol: String, CaseIterable, Sendable {
    /// This page: your plan, your record.
    case document
    /// What matters to the person.
    case heart
    /// Words someone said (a speech bubble).
    case said
    /// Whose words they were, when someone else said them (the carer, an advocate, the worker):
    /// never the picture for the person's own words.
    case saidBy = "said-by"
    /// What the person is good at.
    case star
    /// The people who help.
    case people
    /// What the person wants to work towards: their outcomes.
    case goal
    /// The budget.
    case money
    /// A day, a period of time.
    case calendar
    /// How the support is arranged: the option chosen.
    case choose
    /// What the budget may be spent on.
    case spend
    /// What it may not be spent on.
    case notSpend = "not-spend"
    /// The budget was agreed.
    case agreed
    /// The budget was not agreed.
    case notAgreed = "not-agreed"
    /// Waiting for someone else to decide.
    case waiting
    /// Saying you disagree; asking for a decision to be looked at again.
    case disagree
    /// Someone who can help: an advocate.
    case helper
    /// Meeting again to see how it is going.
    case meeting
    /// Who to contact.
    case contact

    /// The key a council maps to its own picture: `symbol:` and the name.
    package var key: String { "symbol:" + rawValue }
}

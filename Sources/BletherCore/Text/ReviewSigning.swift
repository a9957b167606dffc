import Foundation

/// What the top of the person's review says about signing: "Signed by Ailsa Grant on
/// 30 November 2026", "Not signed yet", or — for a signed revision that does not verify here —
/// that the signature cannot be checked, with no name at all. The name is only ever the one
/// this machine trusts the verified signing key with (built in BletherRecords from a
/// ``RevisionVerifier`` result), never a name the record gives itself.
///
/// ```swift
/// ReviewSigning.signed(name: "Ailsa Grant", at: signedAt).text(catalog) { BidiIsolation.isolate($0) }
/// ```
package enum ReviewSigning: Sendable, Equatable {
    /// The record has no signed revision: the person reads what has been written so far.
    case notSigned
    /// The latest revision, verified, was signed by the key this machine trusts as `name`, at `at`.
    case signed(name: String, at: Date)
    /// There is a signed revision, but it does not verify here (changed, or signed by a key not trusted here).
    case unchecked

    /// The line in the catalog's language, the day in words there; `shown` sets the name apart
    /// for the face that draws it (isolated from the sentence's direction).
    package func text(_ catalog: Catalog, name shown: (String) -> String) -> String {
        switch self {
        case .notSigned: catalog.text(.reviewNotSigned)
        case .signed(let name, let at): catalog.text(.reviewSignedBy, ["name": shown(name), "date": DateInWords.text(at, language: catalog.language)])
        case .unchecked: catalog.text(.reviewSignatureUnchecked)
        }
    }
}

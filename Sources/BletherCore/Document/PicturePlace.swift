/// The place for one picture on an easy-read page, as a copy in one language shows it: the
/// stable ``PictureSymbol`` a council's symbol set is keyed on (kept where a machine finds it,
/// the html's `data-symbol="symbol:money"`), and what a reader sees or a screen reader hears
/// instead of the picture, in the copy's language — `[picture: money]`, `[obrazek: pieniądze]`.
/// The words are catalog texts: `picture.frame` around `picture.<key>`.
///
/// ```swift
/// let place = PicturePlace(.money, catalog: polish)
/// place.name    // "pieniądze"
/// place.shown   // "[obrazek: pieniądze]"
/// ```
package struct PicturePlace: Sendable, Equatable {
    /// The key a council maps to its own picture; never translated.
    package let symbol: PictureSymbol
    /// What the picture is of, in the copy's language: the label inside an empty box on a page.
    package let name: String
    /// The place in a text copy: the name in the language's frame.
    package let shown: String

    package init(_ symbol: PictureSymbol, catalog: Catalog) {
        self.symbol = symbol
        name = catalog.text(symbol.name)
        shown = catalog.text(.pictureFrame, ["name": name])
    }
}

extension PictureSymbol {
    /// The catalog text that says what this picture is of.
    package var name: UIText {
        switch self {
        case .document: .pictureDocument
        case .heart: .pictureHeart
        case .said: .pictureSaid
        case .saidBy: .pictureSaidBy
        case .star: .pictureStar
        case .people: .picturePeople
        case .goal: .pictureGoal
        case .money: .pictureMoney
        case .calendar: .pictureCalendar
        case .choose: .pictureChoose
        case .spend: .pictureSpend
        case .notSpend: .pictureNotSpend
        case .agreed: .pictureAgreed
        case .notAgreed: .pictureNotAgreed
        case .waiting: .pictureWaiting
        case .disagree: .pictureDisagree
        case .helper: .pictureHelper
        case .meeting: .pictureMeeting
        case .contact: .pictureContact
        }
    }
}

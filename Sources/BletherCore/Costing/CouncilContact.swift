/// How a supported person reaches the council, as its rules give it (`contact:` in
/// `forms/costing/<id>.yaml`): a phone number, and the days they have to ask for a decision to
/// be looked at again. Either may be missing; a copy then says only what it has.
///
/// ```swift
/// let contact = CouncilContact(phone: "0300 123 4567", challengeDays: 28)
/// contact.phone   // "0300 123 4567"
/// ```
package struct CouncilContact: Sendable, Equatable {
    /// A number to call, only ever as the rules wrote it.
    package let phone: String?
    /// The days a person has to ask for a decision to be looked at again.
    package let challengeDays: Int?

    package init(phone: String? = nil, challengeDays: Int? = nil) {
        self.phone = phone
        self.challengeDays = challengeDays
    }

    /// The days a rules file may give: at least one, at most a year.
    package static let challengeDaysRange = 1...366

    /// Whether `text` reads as a phone number a person can dial: digits with spaces, hyphens or
    /// brackets between them, an optional leading `+`, from 3 to 15 digits — nothing else, so
    /// no words or hidden characters reach a copy through it.
    package static func isPhoneNumber(_ text: String) -> Bool {
        var digits = 0
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case " ", "-", "(", ")": if index == 0 { return false }
            case "+": if index != 0 { return false }
            default: return false
            }
        }
        return (3...15).contains(digits) && text.last?.isNumber == true
    }
}

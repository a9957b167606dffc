/// The values of a question's own keys (``KindOwnKey``) as read from a form file, for
/// ``KindKeyword/makeKind(_:)``. A key that is absent, or could not be read, is `nil`.
///
/// ```swift
/// let settings = KindSettings(choices: ["yes-now", "later"], other: true)
/// ```
package struct KindSettings: Sendable, Equatable {
    /// `choices:` — `nil` when the key is absent; empty when it was there but unreadable (already reported).
    package var choices: [String]?
    package var other: Bool?
    package var wholeNumbers: [KindOwnKey: Int]
    package var money: [KindOwnKey: Money]

    package init(choices: [String]? = nil, other: Bool? = nil, wholeNumbers: [KindOwnKey: Int] = [:], money: [KindOwnKey: Money] = [:]) {
        self.choices = choices
        self.other = other
        self.wholeNumbers = wholeNumbers
        self.money = money
    }

    /// What is wrong with a kind's own keys: at `key`'s line, or the question's when `key` is `nil`.
    /// The message follows "the question '<id>' ".
    package struct Problem: Sendable, Equatable {
        package let key: KindOwnKey?
        package let message: String
        package let fix: String

        package init(key: KindOwnKey?, _ message: String, fix: String) {
            self.key = key
            self.message = message
            self.fix = fix
        }
    }
}

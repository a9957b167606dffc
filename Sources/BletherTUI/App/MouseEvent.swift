/// A click or a turn of the wheel, where the terminal reports them (xterm's SGR mouse mode,
/// 1006). Never needed: every click and turn has a key that does the same.
///
/// ```swift
/// let click = MouseEvent(kind: .press, row: 5, column: 12)   // rows and columns from 0
/// ```
package struct MouseEvent: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The left button pressed.
        case press
        case wheelUp
        case wheelDown
    }

    package let kind: Kind
    /// The cell, counted from 0 at the top left.
    package let row: Int
    package let column: Int

    package init(kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }

    /// Reads the parameters of an SGR mouse report, `ESC [ < button ; column ; row M`, without
    /// the `<`: `final` is `M` for a press and `m` for a release. Only a left press (no
    /// modifier, no motion) and the wheel mean something; anything else is `nil`.
    ///
    /// ```swift
    /// MouseEvent.sgr(parameters: "0;12;4", final: "M")   // a press at row 3, column 11
    /// ```
    package static func sgr(parameters: String, final: Character) -> MouseEvent? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let button = Int(fields[0]), let column = Int(fields[1]), let row = Int(fields[2]), column >= 1, row >= 1 else { return nil }
        let kind: Kind
        switch (button, final) {
        case (0, "M"): kind = .press
        case (64, "M"): kind = .wheelUp
        case (65, "M"): kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind: kind, row: row - 1, column: column - 1)
    }
}

extension MouseEvent {
    /// Reads the three bytes after `ESC [ M` in the older X10 form: button, column and row,
    /// each plus 32. Only a left press and the wheel mean something.
    ///
    /// ```swift
    /// MouseEvent.x10([32, 33, 33])   // a press at the top left
    /// ```
    package static func x10(_ bytes: [UInt32]) -> MouseEvent? {
        guard bytes.count == 3, bytes.allSatisfy({ (33...255).contains($0) || $0 == 32 }),
              bytes[1] >= 33, bytes[2] >= 33 else { return nil }
        let kind: Kind
        switch bytes[0] - 32 {
        case 0: kind = .press
        case 64: kind = .wheelUp
        case 65: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind: kind, row: Int(bytes[2]) - 33, column: Int(bytes[1]) - 33)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

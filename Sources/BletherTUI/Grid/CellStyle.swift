/// What a cell is for, which each theme turns into attributes and colours. Meaning is
/// always also carried by words on screen; a style only adds emphasis.
package enum CellRole: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    case title
    case heading
    case muted
    case selected
    case field
    case problem
    case keyBar
    case dialog
}

/// The look of one cell.
package struct CellStyle: Sendable, Hashable {
    package var role: CellRole
    package var bold: Bool
    package var underline: Bool

    package init(_ role: CellRole = .normal, bold: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
    }

    package static let normal = CellStyle()
}

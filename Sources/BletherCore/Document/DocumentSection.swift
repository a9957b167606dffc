/// One part of a ``Document``: an optional heading, then its blocks in order. In the plain
/// text a blank line follows every section but the last.
///
/// ```swift
/// DocumentSection(heading: DocumentHeading(level: 2, text: "About you"), blocks: [.paragraph("…")])
/// ```
package struct DocumentSection: Sendable, Equatable {
    package var heading: DocumentHeading?
    package var blocks: [DocumentBlock]
    /// Whether the section keeps the direction of its own words rather than the page's: text
    /// kept exactly as it was signed, perhaps in another language than the copy (an English
    /// costing explanation in an Urdu copy reads left to right, its dates whole).
    package var ownDirection: Bool

    package init(heading: DocumentHeading? = nil, blocks: [DocumentBlock] = [], ownDirection: Bool = false) {
        self.heading = heading
        self.blocks = blocks
        self.ownDirection = ownDirection
    }
}

/// A section's heading: level 1 names the whole document, level 2 a part of it.
///
/// ```swift
/// DocumentHeading(level: 1, text: catalog.document(.costingTitle))
/// ```
package struct DocumentHeading: Sendable, Equatable {
    package let level: Int
    package let text: DocumentText

    package init(level: Int, text: DocumentText) {
        self.level = level
        self.text = text
    }
}

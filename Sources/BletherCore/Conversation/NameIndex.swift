import Foundation

/// Finds people by part of their name, ignoring case and accents, as the home list's
/// type-to-find does: each name is folded once when the list is made, so a key typed costs
/// one pass over bytes, not a Unicode comparison of every name.
///
/// ```swift
/// let index = NameIndex(names: ["Siobhán Nowak", "Iain Pentland"])
/// index.matches("siobhan")   // [0]
/// ```
package struct NameIndex: Sendable {
    /// Each name folded, as UTF-8, in the order given.
    private let folded: [[UInt8]]

    package init(names: [String]) {
        folded = names.map { Array(NameIndex.fold($0).utf8) }
    }

    /// `text` without case or accents, composed, so that the same letters give the same bytes.
    package static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).precomposedStringWithCanonicalMapping
    }

    /// The positions of the names that contain `wanted` (surrounding spaces ignored), in order;
    /// every position when nothing is wanted.
    package func matches(_ wanted: String) -> [Int] {
        let needle = Array(NameIndex.fold(wanted.trimmingCharacters(in: .whitespaces)).utf8)
        guard let first = needle.first else { return Array(folded.indices) }
        // UTF-8 never starts a character inside another, so a match of the bytes is a match of the letters.
        return folded.indices.filter { index in
            let name = folded[index]
            guard name.count >= needle.count else { return false }
            var start = 0
            while start <= name.count - needle.count {
                if name[start] == first, name[start..<(start + needle.count)].elementsEqual(needle) { return true }
                start += 1
            }
            return false
        }
    }
}

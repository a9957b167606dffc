import Foundation
import Synchronization

/// Finds people by part of their name, ignoring case and accents, as the home list's
/// type-to-find does: each name is folded once when the list is made, so a key typed costs
/// one pass over bytes, not a Unicode comparison of every name.
///
/// ```swift
/// let index = NameIndex(names: ["Siobhán Nowak", "Iain Pentland"])
/// index.matches("siobhan")   // [0]
/// ```
package struct NameIndex: Sendable {
    private let folding: FoldedNames

    /// A list longer than ``foldedAside`` names is folded on a thread of its own, started
    /// here, so the home is drawn without waiting for it; the first key typed waits only for
    /// what is left.
    package init(names: [String]) {
        folding = FoldedNames(names, aside: names.count > NameIndex.foldedAside)
    }

    /// How many names are folded at once, before anything is drawn: more are folded aside
    /// (a thousand names, folded at once, held the home back by about 2 ms).
    package static let foldedAside = 200

    /// Each name folded, as UTF-8, in the order given.
    private var folded: [[UInt8]] { folding.folded }

    /// `text` without case or accents, composed, so that the same letters give the same bytes.
    package static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// ``fold(_:)`` as UTF-8. A name all in ASCII (most names, in a list of thousands) folds to
    /// its letters in lower case, which is what Foundation's folding gives it, without the cost
    /// of Foundation's Unicode tables; any other goes through Foundation.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else {
                return Array(text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
                    .precomposedStringWithCanonicalMapping.utf8)
            }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return bytes
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

/// The names of a ``NameIndex`` folded: at once, or on a thread of its own.
private final class FoldedNames: Sendable {
    private let done: Mutex<[[UInt8]]?>
    private let finished = DispatchSemaphore(value: 0)

    init(_ names: [String], aside: Bool) {
        guard aside else {
            done = Mutex(names.map(NameIndex.foldedBytes))
            return
        }
        done = Mutex(nil)
        Thread.detachNewThread { [self] in
            let folded = names.map(NameIndex.foldedBytes)
            done.withLock { $0 = folded }
            finished.signal()
        }
    }

    var folded: [[UInt8]] {
        if let ready = done.withLock({ $0 }) { return ready }
        finished.wait()
        finished.signal()
        return done.withLock { $0! }
    }
}

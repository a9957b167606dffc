/// Text that came from a person (a name, an answer, their own words), made safe to print
/// beside other text: it can never turn the rest of a line around.
///
/// Bidi control characters — embeddings and overrides (U+202A–U+202E), isolates
/// (U+2066–U+2069) and marks (U+200E, U+200F, U+061C) — have no place in what a person
/// says for their record, and one unclosed right-to-left override reverses everything
/// after it on the line. So each one a person typed is shown visibly, as `<U+202E>`, where
/// the worker can see it; and a field holding right-to-left letters (or such a control) is
/// wrapped in an isolate (U+2068 FSI … U+2069 PDI), so an Urdu name keeps its own
/// direction without pulling the words or numbers beside it into it. Plain Latin text is
/// left exactly as it was.
///
/// ```swift
/// print("Person: " + BidiIsolation.isolate(summary.person))   // "Person: \u{2068}<U+202E>evil\u{2069}"
/// output.line(BidiIsolation.safeLine(line))                   // a whole line made safe at the edge
/// ```
package enum BidiIsolation {
    /// First strong isolate: starts an isolated field.
    package static let firstStrongIsolate: Unicode.Scalar = "\u{2068}"
    /// Pop directional isolate: ends it.
    package static let popDirectionalIsolate: Unicode.Scalar = "\u{2069}"

    /// Whether `scalar` is an explicit bidi formatting character or a directional mark.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// Whether `scalar` is a control character that would move or restyle the terminal's output
    /// rather than show: C0 controls but the tab (a line break, an escape), DEL and the C1 controls.
    /// A person's name or words never hold one; each is shown, like a bidi control.
    package static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0A...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// A character that is shown by name rather than printed: a bidi control or a terminal control.
    static func isShownByName(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) || isTerminalControl(scalar) }

    /// Whether `scalar` is a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
    /// N'Ko and their presentation forms, and the other historic right-to-left blocks).
    package static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }

    /// `<U+202E>` for U+202E: how a control a person typed is shown.
    package static func visibleName(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(4 - hex.count, 0)) + hex + ">"
    }

    /// Every bidi control in `text` shown visibly; nothing else changed.
    package static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isShownByName) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if isShownByName(scalar) { shown += visibleName(of: scalar) } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }

    /// One field from a person, ready to be put in a line of other text: its controls shown
    /// visibly and, when it holds right-to-left letters or had controls, wrapped in an isolate.
    package static func isolate(_ field: String) -> String {
        let scalars = field.unicodeScalars
        guard scalars.contains(where: { isShownByName($0) || isRightToLeft($0) }) else { return field }
        var isolated = String(Character(firstStrongIsolate))
        isolated += visible(field)
        isolated.unicodeScalars.append(popDirectionalIsolate)
        return isolated
    }

    /// Whether a field from a person needs an isolate around it in a line of text whose own
    /// words run right to left (`amidRightToLeft`) or left to right: when it holds right-to-left
    /// letters or a control (as ``isolate(_:)`` decides), and always amid right-to-left words,
    /// where an English answer would otherwise show its full stop at the wrong end.
    package static func needsIsolating(_ field: String, amidRightToLeft: Bool) -> Bool {
        guard !field.isEmpty else { return false }
        return amidRightToLeft || field.unicodeScalars.contains { isShownByName($0) || isRightToLeft($0) }
    }

    /// One field from a person, for a line of text in either direction: isolated as
    /// ``isolate(_:)`` does, and also whenever the words around it run right to left.
    ///
    /// ```swift
    /// BidiIsolation.isolate("I like tea.", amidRightToLeft: true)   // "\u{2068}I like tea.\u{2069}"
    /// ```
    package static func isolate(_ field: String, amidRightToLeft: Bool) -> String {
        guard needsIsolating(field, amidRightToLeft: amidRightToLeft) else { return field }
        var isolated = String(Character(firstStrongIsolate))
        isolated += visible(field)
        isolated.unicodeScalars.append(popDirectionalIsolate)
        return isolated
    }

    /// A whole line made safe where it leaves the program: isolates that open and close
    /// within the line (those ``isolate(_:)`` made) are kept; every other bidi control —
    /// an override, an embedding, a mark, an isolate left open or a stray close — is shown
    /// visibly, so nothing can reorder the line beyond its own field.
    package static func safeLine(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        guard scalars.contains(where: isShownByName) else { return line }
        var keep = [Bool](repeating: false, count: scalars.count)
        var open: [Int] = []
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x2066...0x2068: open.append(index)
            case 0x2069:
                if let start = open.popLast() {
                    keep[start] = true
                    keep[index] = true
                }
            default: break
            }
        }
        var safe = ""
        for (index, scalar) in scalars.enumerated() {
            if isShownByName(scalar) && !keep[index] { safe += visibleName(of: scalar) } else { safe.unicodeScalars.append(scalar) }
        }
        return safe
    }

    /// Every line of `text` made safe with ``safeLine(_:)``; a paragraph ends at each line break.
    package static func safeText(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isShownByName) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { safeLine(String($0)) }.joined(separator: "\n")
    }
}

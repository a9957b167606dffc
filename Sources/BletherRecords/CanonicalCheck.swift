import Foundation

/// A fast check that bytes are exactly what ``CanonicalValue/encoded`` writes — no
/// whitespace, keys in strictly rising byte order (so none twice), whole numbers without
/// leading zeros, only the escapes the encoder uses, valid UTF-8 in NFC — without
/// building the value. Verification runs it on every revision, so it reads each byte once.
///
/// ```swift
/// let fields = try CanonicalCheck.topLevelFields(of: payload, named: ["record", "revision", "prev"])
/// ```
package enum CanonicalCheck {
    /// Checks `data` and returns the named top-level members that are text, numbers or null.
    package static func topLevelFields(of data: Data, named wanted: Set<String>) throws(CanonicalReadError) -> [String: CanonicalValue] {
        let ranges = try topLevelRanges(of: data, named: wanted)
        return ranges.compactMapValues { try? CanonicalValue(decoding: data[$0]) }
    }

    /// Checks `data` and returns where each named top-level member's value lies.
    package static func topLevelRanges(of data: Data, named wanted: Set<String>) throws(CanonicalReadError) -> [String: Range<Data.Index>] {
        var found: [String: Range<Data.Index>] = [:]
        let result: CanonicalReadError? = data.withUnsafeBytes { raw -> CanonicalReadError? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self), wanted: wanted)
            do {
                try scanner.value(depth: 0)
                guard scanner.position == scanner.bytes.count else { return scanner.error("bytes after the end of the value") }
                found = scanner.found.mapValues { (data.startIndex + $0.lowerBound)..<(data.startIndex + $0.upperBound) }
                return nil
            } catch let problem as CanonicalReadError {
                return problem
            } catch {
                return CanonicalReadError(offset: 0, problem: "\(error)")
            }
        }
        if let result { throw result }
        return found
    }

    /// Whether any byte of `word` is a quote, a backslash, below 0x20 or 0x80 and above.
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
        return word & highs != 0 || belowSpace || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let wanted: Set<String>
        var position = 0
        var found: [String: Range<Int>] = [:]

        let wantedLengths: Set<Int>

        init(bytes: UnsafeBufferPointer<UInt8>, wanted: Set<String>) {
            self.bytes = bytes
            self.wanted = wanted
            wantedLengths = Set(wanted.map(\.utf8.count))
        }

        func error(_ problem: String) -> CanonicalReadError { CanonicalReadError(offset: position, problem: problem) }

        mutating func value(depth: Int) throws(CanonicalReadError) {
            guard depth < 64 else { throw error("nested too deeply") }
            guard position < bytes.count else { throw error("the value ends too soon") }
            switch bytes[position] {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try integer()
            default: throw error("not a value Blether writes")
            }
        }

        mutating func literal(_ text: StaticString) throws(CanonicalReadError) {
            let count = text.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw error("the value ends too soon") }
            for index in 0..<count where bytes[position + index] != text.utf8Start[index] { throw error("expected \(text)") }
            position += count
        }

        mutating func object(depth: Int) throws(CanonicalReadError) {
            position += 1
            guard position < bytes.count else { throw error("the object is not closed") }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return }
            var previousKey: Range<Int>?
            while true {
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key") }
                let keyStart = position
                let key = try string()
                if let previousKey, !rises(from: previousKey, to: key) {
                    throw CanonicalReadError(offset: keyStart, problem: "keys are not in Blether's order, or one appears twice")
                }
                previousKey = key
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected :") }
                position += 1
                if depth == 0, let name = wantedName(key) {
                    let valueStart = position
                    try value(depth: depth + 1)
                    found[name] = valueStart..<position
                } else {
                    try value(depth: depth + 1)
                }
                guard position < bytes.count else { throw error("the object is not closed") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "}") { position += 1; return }
                throw error("expected , or }")
            }
        }

        func wantedName(_ key: Range<Int>) -> String? {
            // Most keys are not wanted: compare lengths before making a string to look up.
            guard wantedLengths.contains(key.count) else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[key]), as: UTF8.self)
            return wanted.contains(name) ? name : nil
        }

        /// Whether the key in `next` sorts strictly after the one in `previous`, as the encoder
        /// sorts them: by the bytes of the text, before escaping.
        func rises(from previous: Range<Int>, to next: Range<Int>) -> Bool {
            let backslash = UInt8(ascii: "\\")
            if bytes[previous].contains(backslash) || bytes[next].contains(backslash) {
                return unescaped(previous).lexicographicallyPrecedes(unescaped(next))
            }
            let count = min(previous.count, next.count)
            for offset in 0..<count {
                let a = bytes[previous.lowerBound + offset], b = bytes[next.lowerBound + offset]
                if a != b { return a < b }
            }
            return previous.count < next.count
        }

        /// The bytes of checked text with its escapes (only those ``string()`` lets through) undone.
        func unescaped(_ range: Range<Int>) -> [UInt8] {
            var result: [UInt8] = []
            var index = range.lowerBound
            while index < range.upperBound {
                guard bytes[index] == UInt8(ascii: "\\") else { result.append(bytes[index]); index += 1; continue }
                switch bytes[index + 1] {
                case UInt8(ascii: "n"): result.append(0x0A); index += 2
                case UInt8(ascii: "r"): result.append(0x0D); index += 2
                case UInt8(ascii: "t"): result.append(0x09); index += 2
                case UInt8(ascii: "u"):
                    let hex = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<(index + 6)]), as: UTF8.self)
                    result.append(UInt8(hex, radix: 16) ?? 0)
                    index += 6
                default: result.append(bytes[index + 1]); index += 2
                }
            }
            return result
        }

        mutating func array(depth: Int) throws(CanonicalReadError) {
            position += 1
            guard position < bytes.count else { throw error("the array is not closed") }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return }
            while true {
                try value(depth: depth + 1)
                guard position < bytes.count else { throw error("the array is not closed") }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return }
                throw error("expected , or ]")
            }
        }

        mutating func integer() throws(CanonicalReadError) -> Range<Int> {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            let digits = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            guard position > digits else { throw error("not a whole number") }
            if bytes[digits] == UInt8(ascii: "0"), position - digits > 1 || digits > start { throw error("a number Blether would not write") }
            // Nineteen digits or more may not fit a whole number of pence: the reader must be able to read what passes here.
            if position - digits >= 19, Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)) == nil {
                throw CanonicalReadError(offset: start, problem: "a whole number too large for a record")
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] | 0x20 == UInt8(ascii: "e") {
                throw error("a record holds whole numbers only (money is in pence)")
            }
            return start..<position
        }

        /// Checks a string; returns the range of its bytes between the quotes.
        mutating func string() throws(CanonicalReadError) -> Range<Int> {
            position += 1
            let start = position
            var ascii = true
            while true {
                // Plain runs (base64 payloads, words between escapes) are checked a word at a
                // time: no quote, backslash, control character or non-ASCII byte in eight bytes.
                if let base = bytes.baseAddress {
                    while position + 8 <= bytes.count {
                        let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                        if CanonicalCheck.hasSpecialByte(word) { break }
                        position += 8
                    }
                }
                guard position < bytes.count else { break }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let range = start..<position
                    position += 1
                    if !ascii { try checkNonASCII(range) }
                    return range
                }
                if byte == UInt8(ascii: "\\") {
                    guard position + 1 < bytes.count else { throw error("the text ends inside an escape") }
                    switch bytes[position + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): position += 2
                    case UInt8(ascii: "u"):
                        // Only control characters without a short escape are written as \u00xx, in lower case.
                        guard position + 5 < bytes.count, bytes[position + 2] == UInt8(ascii: "0"), bytes[position + 3] == UInt8(ascii: "0") else {
                            throw error("an escape Blether would not write")
                        }
                        let high = bytes[position + 4], low = bytes[position + 5]
                        let lowValue: UInt8? = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(low) ? low - UInt8(ascii: "0")
                            : (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(low) ? low - UInt8(ascii: "a") + 10 : nil
                        guard high == UInt8(ascii: "0") || high == UInt8(ascii: "1"), let lowValue,
                              ![0x09, 0x0A, 0x0D].contains((high - UInt8(ascii: "0")) * 16 + lowValue) else {
                            throw error("an escape Blether would not write")
                        }
                        position += 6
                    default: throw error("an escape Blether would not write")
                    }
                    continue
                }
                if byte < 0x20 { throw error("a control character inside text") }
                if byte >= 0x80 {
                    // The rest of a multi-byte character cannot be a quote, backslash or control
                    // character; it is checked as UTF-8 with the whole text below.
                    ascii = false
                    position += 1
                    while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
                    continue
                }
                position += 1
            }
            throw error("the text is not closed")
        }

        /// Non-ASCII text must be valid UTF-8 and already in NFC (escapes never touch
        /// non-ASCII characters, so the raw bytes are checked as they are).
        func checkNonASCII(_ range: Range<Int>) throws(CanonicalReadError) {
            if CanonicalCheck.isValidAlwaysNFC(UnsafeBufferPointer(rebasing: bytes[range])) { return }
            guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
                throw CanonicalReadError(offset: range.lowerBound, problem: "the text is not valid UTF-8")
            }
            let normalised = text.precomposedStringWithCanonicalMapping
            if normalised.utf8.count != range.count || normalised != text || !normalised.utf8.elementsEqual(text.utf8) {
                throw CanonicalReadError(offset: range.lowerBound, problem: "text not in NFC")
            }
        }
    }

    /// Whether UTF-8 `bytes` are well formed and made only of characters that are NFC whatever
    /// surrounds them (``isAlwaysNFC(_:)``): most text — Latin letters, dashes and quotes, £,
    /// Chinese — is checked here without building a string; anything else is normalised to compare.
    static func isValidAlwaysNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let scalar: UInt32
            switch lead {
            case 0x00..<0x80:
                index += 1
                continue
            case 0xC2...0xDF:
                guard index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 else { return false }
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            case 0xE0...0xEF:
                guard index + 2 < bytes.count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { return false }
                scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                // Overlong forms and surrogates are not UTF-8.
                guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { return false }
                index += 3
            default:
                return false
            }
            guard let value = Unicode.Scalar(scalar), isAlwaysNFC(value) else { return false }
        }
        return true
    }

    /// Characters with Unicode's NFC quick check "yes" and combining class 0, in ranges where
    /// every character is so: text made only of these is in NFC, with nothing to compose.
    static func isAlwaysNFC(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x02FF,  // Latin, Latin-1, Latin Extended A and B, IPA, spacing modifiers
             0x2010...0x2027,  // dashes, quotation marks, bullets, ellipsis
             0x20A0...0x20C0,  // currency signs
             0x3000...0x3029,  // CJK spaces and punctuation (before the tone marks)
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xFF01...0xFF60:  // fullwidth punctuation and letters
            true
        default:
            false
        }
    }
}

import Foundation

/// Why bytes are not a record's JSON, and where (a byte offset).
package struct CanonicalReadError: Error, Equatable, Sendable, CustomStringConvertible {
    package let offset: Int
    package let problem: String

    package var description: String { "at byte \(offset): \(problem)" }
}

extension CanonicalValue {
    /// Reads JSON strictly: one value, no duplicate keys, no fractions or exponents,
    /// no invalid UTF-8, nothing after the value.
    package init(decoding data: Data) throws(CanonicalReadError) {
        var reader = CanonicalReader(bytes: Array(data))
        reader.skipSpace()
        self = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.position != reader.bytes.count { throw reader.error("unexpected bytes after the end of the value") }
    }
}

struct CanonicalReader {
    let bytes: [UInt8]
    var position = 0

    func error(_ problem: String) -> CanonicalReadError { CanonicalReadError(offset: position, problem: problem) }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    mutating func expect(_ literal: String) throws(CanonicalReadError) {
        let expected = Array(literal.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected else {
            throw error("expected \(literal)")
        }
        position += expected.count
    }

    mutating func value(depth: Int) throws(CanonicalReadError) -> CanonicalValue {
        guard depth < 64 else { throw error("nested too deeply") }
        guard position < bytes.count else { throw error("the value ends too soon") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try integer())
        default: throw error("unexpected character")
        }
    }

    mutating func object(depth: Int) throws(CanonicalReadError) -> CanonicalValue {
        position += 1
        var members: [String: CanonicalValue] = [:]
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
            let keyStart = position
            let key = try string()
            guard members[key] == nil else { throw CanonicalReadError(offset: keyStart, problem: "the key \"\(key)\" appears twice") }
            skipSpace()
            try expect(":")
            skipSpace()
            members[key] = try value(depth: depth + 1)
            skipSpace()
            guard position < bytes.count else { throw error("the object is not closed") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            throw error("expected , or }")
        }
    }

    mutating func array(depth: Int) throws(CanonicalReadError) -> CanonicalValue {
        position += 1
        var items: [CanonicalValue] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard position < bytes.count else { throw error("the array is not closed") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            throw error("expected , or ]")
        }
    }

    mutating func integer() throws(CanonicalReadError) -> Int {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let digits = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) {
            throw error("a record holds whole numbers only (money is in pence)")
        }
        // JSON writes no leading zeros: 012 is not a number.
        guard position > digits, bytes[digits] != UInt8(ascii: "0") || position - digits == 1 else {
            throw CanonicalReadError(offset: start, problem: "not a whole number")
        }
        guard let number = Int(String(decoding: bytes[start..<position], as: UTF8.self)) else {
            throw CanonicalReadError(offset: start, problem: "a whole number too large for a record")
        }
        return number
    }

    /// Four hexadecimal digits after `\u`, as a UTF-16 code unit.
    mutating func codeUnit() throws(CanonicalReadError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("a \\u escape is cut short") }
        var unit: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hexadecimal digits")
            }
            unit = unit << 4 | UInt32(digit)
        }
        position += 4
        return unit
    }

    /// The character of a `\u` escape; one outside the Basic Multilingual Plane is a pair of them.
    mutating func escapedScalar() throws(CanonicalReadError) -> Unicode.Scalar {
        let first = try codeUnit()
        var code = first
        if (0xD800...0xDBFF).contains(first) {
            guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw error("a \\u escape is not a character (half of a surrogate pair)")
            }
            position += 2
            let second = try codeUnit()
            guard (0xDC00...0xDFFF).contains(second) else { throw error("a \\u escape is not a character (half of a surrogate pair)") }
            code = 0x10000 + (first - 0xD800) << 10 + (second - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("a \\u escape is not a character (half of a surrogate pair)") }
        return scalar
    }

    mutating func string() throws(CanonicalReadError) -> String {
        position += 1
        // Fast path: a run with no escapes becomes one String at once.
        var end = position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            guard let text = bytes.withUnsafeBufferPointer({ String(validating: UnsafeBufferPointer(rebasing: $0[position..<end]), as: UTF8.self) }) else {
                throw error("the text is not valid UTF-8")
            }
            position = end + 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        var run: [UInt8] = []
        func flush() throws(CanonicalReadError) {
            guard !run.isEmpty else { return }
            guard let text = String(validating: run, as: UTF8.self) else { throw error("the text is not valid UTF-8") }
            scalars.append(contentsOf: text.unicodeScalars)
            run.removeAll(keepingCapacity: true)
        }
        while true {
            guard position < bytes.count else { throw error("the text is not closed") }
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush()
                guard position < bytes.count else { throw error("the text ends inside an escape") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "u"):
                    scalars.append(try escapedScalar())
                default: throw error("unknown escape")
                }
            case 0..<0x20:
                throw error("a control character inside text")
            default:
                run.append(byte)
            }
        }
    }
}

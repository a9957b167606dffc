import Foundation

/// A JSON value as a signed record holds it: objects, arrays, text, whole numbers,
/// booleans and null — never a floating-point number. One encoder writes it (keys sorted,
/// text NFC-normalised); one strict reader reads it (duplicate keys and fractions refused).
///
/// ```swift
/// let bytes = CanonicalValue.object(["form": .string("adult"), "version": .integer(1)]).encoded
/// let back = try CanonicalValue(decoding: bytes)
/// ```
package indirect enum CanonicalValue: Sendable, Equatable {
    case object([String: CanonicalValue])
    case array([CanonicalValue])
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null

    /// The one encoding: UTF-8, no whitespace, keys sorted by their UTF-8 bytes, text NFC.
    package var encoded: Data {
        var output = [UInt8]()
        output.reserveCapacity(1024)
        write(into: &output)
        return Data(output)
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .integer(let number): output += Array(String(number).utf8)
        case .string(let text): CanonicalValue.writeString(text, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let sorted = members.map { member in
                let key = member.key.utf8.allSatisfy { $0 < 0x80 } ? member.key : member.key.precomposedStringWithCanonicalMapping
                return (key: Array(key.utf8), value: member.value)
            }
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                CanonicalValue.writeString(String(decoding: member.key, as: UTF8.self), into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // ASCII is already NFC; only other text needs normalising.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let normalised = isASCII ? text : text.precomposedStringWithCanonicalMapping
        for byte in normalised.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    // MARK: Reading members

    package subscript(key: String) -> CanonicalValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    package var string: String? { if case .string(let text) = self { text } else { nil } }
    package var integer: Int? { if case .integer(let number) = self { number } else { nil } }
    package var array: [CanonicalValue]? { if case .array(let items) = self { items } else { nil } }
    package var bool: Bool? { if case .bool(let flag) = self { flag } else { nil } }
}

import BletherRecords
import Foundation

/// The record's JSON, three ways:
/// - what the fast checker (``CanonicalCheck``) accepts is exactly what the encoder writes:
///   the reader takes it, and encoding the value gives back the same bytes;
/// - whatever the strict reader accepts encodes to bytes the checker accepts and the reader
///   reads back to the same value, and is JSON Foundation reads to the same value;
/// - JSON that Foundation reads and that lies inside what a record may hold (whole numbers,
///   no key twice, nesting within the limit) is read by Blether's reader too, to the same value.
enum CanonicalJSONFuzzing {
    static func run(_ data: Data) {
        let value: CanonicalValue?
        var refusal: CanonicalReadError?
        do { value = try CanonicalValue(decoding: data) } catch { value = nil; refusal = error }
        let checked = (try? CanonicalCheck.topLevelRanges(of: data, named: ["a", "payload"])) != nil

        if checked {
            fuzzPromise(value != nil, "the checker accepts bytes the reader refuses (\(refusal.map(\.description) ?? ""))")
            fuzzPromise(value?.encoded == data, "the checker accepts bytes that are not the encoder's")
        }
        if let value {
            let encoded = value.encoded
            fuzzPromise((try? CanonicalCheck.topLevelRanges(of: encoded, named: [])) != nil, "the checker refuses the encoder's bytes")
            let again = try? CanonicalValue(decoding: encoded)
            fuzzPromise(again == value, "the encoder's bytes read back to another value")
            fuzzPromise(again?.encoded == encoded, "encoding is not stable")
            guard let foundation = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
                fuzzPromise(false, "Blether reads JSON that Foundation refuses")
                return
            }
            fuzzPromise(same(value, foundation), "Blether and Foundation read different values")
            return
        }
        // Blether refused: Foundation may read it only when it lies outside a record's JSON.
        guard isPlainUTF8(data), let foundation = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let expected = canonical(foundation, depth: 0) else { return }
        let reason = refusal?.problem ?? ""
        let outsideRecords = ["whole numbers only", "too large", "appears twice", "not a character"].contains { reason.contains($0) }
        fuzzPromise(outsideRecords || isTrailingComma(data, at: refusal?.offset ?? 0),
                    "Blether refuses JSON a record may hold (\(refusal.map(\.description) ?? "")); Foundation reads \(expected)")
    }

    /// Whether the refusal is at a `]` or `}` straight after a comma, which Foundation lets
    /// through (`[1,]`) although it is not JSON.
    static func isTrailingComma(_ data: Data, at offset: Int) -> Bool {
        let bytes = Array(data)
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "]") || bytes[offset] == UInt8(ascii: "}") else { return false }
        let before = bytes[..<offset].last { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        return before == UInt8(ascii: ",")
    }

    /// UTF-8 without a byte-order mark, beginning with ASCII: what Foundation would not take as UTF-16 or UTF-32.
    static func isPlainUTF8(_ data: Data) -> Bool {
        guard String(data: data, encoding: .utf8) != nil, !data.starts(with: [0xEF, 0xBB, 0xBF]) else { return false }
        return data.prefix(4).allSatisfy { $0 != 0 }
    }

    /// Foundation's value as a record would hold it; `nil` when it holds a fraction, a number
    /// too large for a whole number of pence, or nests deeper than the reader allows.
    static func canonical(_ object: Any, depth: Int) -> CanonicalValue? {
        guard depth < 64 else { return nil }
        switch object {
        case is NSNull: return .null
        case let text as String: return .string(text)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return .bool(number.boolValue)
            case "q", "l", "i", "s": return .integer(number.intValue)
            default: return nil
            }
        case let items as [Any]:
            var values: [CanonicalValue] = []
            for item in items {
                guard let value = canonical(item, depth: depth + 1) else { return nil }
                values.append(value)
            }
            return .array(values)
        case let members as [String: Any]:
            var values: [String: CanonicalValue] = [:]
            for (key, item) in members {
                guard let value = canonical(item, depth: depth + 1) else { return nil }
                values[key] = value
            }
            return .object(values)
        default:
            return nil
        }
    }

    /// Whether Foundation's value is Blether's, text compared scalar by scalar.
    static func same(_ value: CanonicalValue, _ object: Any) -> Bool {
        switch value {
        case .null: return object is NSNull
        case .string(let text):
            guard let other = object as? String else { return false }
            return Array(text.unicodeScalars) == Array(other.unicodeScalars)
        case .bool(let flag):
            guard let number = object as? NSNumber, ["c", "B"].contains(String(cString: number.objCType)) else { return false }
            return number.boolValue == flag
        case .integer(let whole):
            guard let number = object as? NSNumber else { return false }
            switch String(cString: number.objCType) {
            case "c", "B": return false
            // Foundation may read a large whole number as a double, and then not always the
            // nearest one (it reads -9223337206854771610 one step off): close is all it can say.
            case "d", "f":
                let expected = Double(whole)
                return whole.magnitude < 1 << 53 ? number.doubleValue == expected : abs(number.doubleValue - expected) <= abs(expected) * 1e-15
            case "Q", "L", "I", "S": return whole >= 0 && number.uint64Value == UInt64(whole)
            default: return number.int64Value == Int64(whole)
            }
        case .array(let items):
            guard let others = object as? [Any], others.count == items.count else { return false }
            return zip(items, others).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let others = object as? [String: Any], others.count == members.count else { return false }
            return members.allSatisfy { key, item in
                guard let match = others.first(where: { Array($0.key.unicodeScalars) == Array(key.unicodeScalars) }) else { return false }
                return same(item, match.value)
            }
        }
    }
}

import Foundation

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, as record and key ids and the audit log's hashes are written.
    ///
    /// ```swift
    /// Data([0x0f, 0xa0]).hex   // "0fa0"
    /// ```
    package var hex: String {
        var digits: [UInt8] = []
        digits.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            digits.append(hexDigits[Int(byte >> 4)])
            digits.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: digits, as: UTF8.self)
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)

extension Data {
    /// Base64 read strictly: only the one spelling Blether writes — padded, no line breaks, and
    /// the unused bits of the last character zero — so no two texts give the same bytes.
    ///
    /// ```swift
    /// Data(strictBase64: Data("AA==".utf8))   // [0]; "AB==" gives nil
    /// ```
    init?(strictBase64 text: Data) {
        guard let data = Data(base64Encoded: text), text.count == (data.count + 2) / 3 * 4 else { return nil }
        let remainder = data.count % 3
        if remainder != 0, !text.suffix(4).elementsEqual(Data(data.suffix(remainder)).base64EncodedData()) { return nil }
        self = data
    }

    init?(strictBase64 text: String) {
        self.init(strictBase64: Data(text.utf8))
    }
}

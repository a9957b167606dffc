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

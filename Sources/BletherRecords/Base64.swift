import Foundation

extension Data {
    /// Lower-case hexadecimal, as record and key ids are written.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

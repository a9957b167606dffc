import Crypto
import Foundation

/// SHA-256 of bytes as hex: the fingerprint of a form file, or of the exact read-back text.
package enum ContentHash {
    package static func sha256(_ data: Data) -> String {
        Data(SHA256.hash(data: data)).hex
    }

    package static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    package static func sha256(fileAt url: URL) throws -> String {
        sha256(try Data(contentsOf: url))
    }
}

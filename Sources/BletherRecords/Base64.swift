import Foundation


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

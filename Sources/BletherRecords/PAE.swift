import Foundation

/// DSSE's Pre-Authentication Encoding: the exact bytes that are signed, binding the
/// payload's type to its bytes.
///
/// `PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, with lengths
/// as ASCII decimal byte counts.
///
/// ```swift
/// let signed = PAE.encode(payloadType: "http://example.com/HelloWorld", payload: Data("hello world".utf8))
/// ```
package enum PAE {
    package static func encode(payloadType: String, payload: Data) -> Data {
        let type = Data(payloadType.utf8)
        var bytes = Data("DSSEv1 \(type.count) ".utf8)
        bytes.append(type)
        bytes.append(Data(" \(payload.count) ".utf8))
        bytes.append(payload)
        return bytes
    }
}

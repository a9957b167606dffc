import Foundation

/// A test's reference file — a screen snapshot, a golden copy — compared with what the code
/// makes now. A missing reference is a failure, never a pass: it is written only when
/// `BLETHER_UPDATE_SNAPSHOTS=1` asks for references to be written afresh, after a person has
/// looked at what changed.
///
/// ```swift
/// switch try ReferenceFile(url).check(grid.text) {
/// case .matches, .written: break
/// case .missing: Issue.record("\(url.lastPathComponent) is missing")
/// case .differs(let expected): #expect(grid.text == expected)
/// }
/// ```
package struct ReferenceFile: Sendable {
    /// What comparing with the reference found.
    package enum Outcome: Sendable, Equatable {
        /// The reference holds exactly this text.
        case matches
        /// The reference holds other text: this.
        case differs(expected: String)
        /// There is no reference; nothing was written.
        case missing
        /// References are being written afresh, and this one was.
        case written
    }

    package let url: URL

    package init(_ url: URL) { self.url = url }

    /// Whether this run writes references afresh (`BLETHER_UPDATE_SNAPSHOTS=1`).
    package static var updating: Bool { ProcessInfo.processInfo.environment["BLETHER_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `text` with the reference, writing it only when `updating`.
    package func check(_ text: String, updating: Bool = ReferenceFile.updating) throws -> Outcome {
        if updating {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return .written
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
        let expected = try String(contentsOf: url, encoding: .utf8)
        return expected == text ? .matches : .differs(expected: expected)
    }
}

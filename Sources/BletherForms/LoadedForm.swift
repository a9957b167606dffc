import BletherCore
import Foundation

/// A form read from a file, with the lines of its parts for later messages.
package struct LoadedForm: Sendable {
    /// The form, with the costing rules written for it attached once they are read.
    package internal(set) var form: Form
    /// The file as shown in messages.
    package let file: String
    /// Where the file is, so its exact bytes can be fingerprinted into a record.
    package let url: URL
    let sectionLines: [String: Int]
    let questionLines: [String: Int]
    /// The line of the top-level `id`, used for problems about the form as a whole.
    let idLine: Int
}

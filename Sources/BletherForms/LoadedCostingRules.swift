import BletherCore
import Foundation

/// Costing rules read from `forms/costing/<id>.yaml`, with the form their points refer to.
package struct LoadedCostingRules: Sendable {
    package var rules: CostingRules
    /// The form whose questions the points rules name.
    package let formID: String
    package let file: String
    /// The line of the rules' `id`, for problems about the file as a whole.
    let idLine: Int
    /// Where the file is, so its exact bytes can be fingerprinted into a record.
    package let url: URL
}

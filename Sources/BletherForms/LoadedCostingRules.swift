import BletherCore
import Foundation

/// Costing rules read from `forms/costing/<id>.yaml`, with the form their points refer to.
public struct LoadedCostingRules: Sendable {
    public let rules: CostingRules
    /// The form whose questions the points rules name.
    public let formID: String
    public let file: String
    /// The line of the rules' `id`, for problems about the file as a whole.
    let idLine: Int
    /// Where the file is, so its exact bytes can be fingerprinted into a record.
    public let url: URL
}

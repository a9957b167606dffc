import BletherCore
import GRDB

// The enums the store writes into its columns, stored by their raw values through GRDB's
// enum support: reading a value not listed in the enum fails the row (a damaged conversation,
// named), never becomes a default.
extension ConversationState: DatabaseValueConvertible {}
extension Speaker: DatabaseValueConvertible {}
extension AuditAction: DatabaseValueConvertible {}

extension Row {
    /// The enum in `column`, or `.damaged` naming `what` and the value found when it is not one Blether writes.
    func decodeEnum<Value: DatabaseValueConvertible & RawRepresentable>(_: Value.Type, forColumn column: String, what: String) throws(StoreError) -> Value
    where Value.RawValue == String {
        do {
            return try decode(Value.self, forColumn: column)
        } catch {
            let found: String? = try? decode(String?.self, forColumn: column)
            throw .damaged(what: "\(what): the \(column) \"\(found ?? "(none)")\" is not one Blether writes")
        }
    }
}

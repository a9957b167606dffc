/// A key of a JSON object in a signed record, named once in an enum so the code that writes
/// a member and the code that reads it back cannot spell it differently. Renaming a case is a
/// compile error at every use; changing a raw value is a change of the record format (and the
/// golden payloads under Tests/BletherRecordsTests/Golden say so).
///
/// ```swift
/// let entry = CanonicalValue.keyed([PayloadKey.Signer.name: .string("Ailsa Grant")])
/// entry[PayloadKey.Signer.name]?.string   // "Ailsa Grant"
/// ```
package protocol CanonicalKey: RawRepresentable, Hashable, Sendable where RawValue == String {}

extension CanonicalValue {
    /// An object whose members are named by one key enum.
    package static func keyed<Key: CanonicalKey>(_ members: [Key: CanonicalValue]) -> CanonicalValue {
        .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key.rawValue, $0.value) }))
    }

    /// The member named `key`, when this is an object that has it.
    package subscript<Key: CanonicalKey>(key: Key) -> CanonicalValue? { self[key.rawValue] }

    /// The names of this object's members that are not cases of `Key` (empty for anything but an object).
    func unknownMembers<Key: CanonicalKey>(_: Key.Type) -> [String] {
        guard case .object(let members) = self else { return [] }
        return members.keys.filter { Key(rawValue: $0) == nil }.sorted()
    }
}

/// One person in the supported person's life, as recorded in a *people* list.
public struct PersonEntry: Sendable, Hashable {
    public var name: String
    /// How they know the person: daughter, neighbour, friend from church.
    public var relationship: String
    /// What they do now.
    public var doesNow: String
    /// What they are willing and able to do from here on.
    public var willingAndAble: String

    public init(name: String, relationship: String = "", doesNow: String = "", willingAndAble: String = "") {
        self.name = name
        self.relationship = relationship
        self.doesNow = doesNow
        self.willingAndAble = willingAndAble
    }

    /// The fields in the order they are asked, for faces that walk them.
    public enum Field: String, CaseIterable, Sendable {
        case name, relationship, doesNow, willingAndAble
    }

    public subscript(field: Field) -> String {
        get {
            switch field {
            case .name: name
            case .relationship: relationship
            case .doesNow: doesNow
            case .willingAndAble: willingAndAble
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .relationship: relationship = newValue
            case .doesNow: doesNow = newValue
            case .willingAndAble: willingAndAble = newValue
            }
        }
    }
}

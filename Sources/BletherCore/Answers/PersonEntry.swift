/// One person in the supported person's life, as recorded in a *people* list.
package struct PersonEntry: Sendable, Hashable {
    package var name: String
    /// How they know the person: daughter, neighbour, friend from church.
    package var relationship: String
    /// What they do now.
    package var doesNow: String
    /// What they are willing and able to do from here on.
    package var willingAndAble: String

    package init(name: String, relationship: String = "", doesNow: String = "", willingAndAble: String = "") {
        self.name = name
        self.relationship = relationship
        self.doesNow = doesNow
        self.willingAndAble = willingAndAble
    }

    /// The fields in the order they are asked, for faces that walk them.
    package enum Field: String, CaseIterable, Sendable {
        case name, relationship, doesNow, willingAndAble
    }

    package subscript(field: Field) -> String {
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

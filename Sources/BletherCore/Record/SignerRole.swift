/// The part a key holder plays when they sign: the worker who holds the conversation, an
/// advocate or witness who countersigns the person's agreement, or a team leader or service
/// manager who decides a referred budget. A key file, a trusted key or a signed payload naming
/// any other role is refused, never read as one of these.
///
/// ```swift
/// let made = try WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: words)
/// made.file.identity.role.decisionRole   // .teamLeader
/// ```
package enum SignerRole: String, Sendable, Hashable, CaseIterable, Codable {
    case worker
    case advocate
    case witness
    case teamLeader = "team-leader"
    case serviceManager = "service-manager"

    /// Whether this role countersigns a witnessed agreement (``AgreementQuestions/countersigningRoles``).
    package var countersigns: Bool { AgreementQuestions.countersigningRoles.contains(self) }

    /// The role's place in the council's delegated limits, when it has one.
    package var decisionRole: DecisionRole? {
        switch self {
        case .worker: .worker
        case .teamLeader: .teamLeader
        case .serviceManager: .serviceManager
        case .advocate, .witness: nil
        }
    }

    /// Every role's raw value, for messages that list what may be written.
    package static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

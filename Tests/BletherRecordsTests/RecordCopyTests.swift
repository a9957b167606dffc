import BletherCore
import BletherForms
import BletherRecords
import Foundation
import Testing

/// The person's copies of a full record, compared with golden files
/// (`BLETHER_UPDATE_SNAPSHOTS=1` writes them afresh after a deliberate change).
@Suite struct RecordCopyTests {
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    let form = RecordCopyTests.library.latestForm(id: "adult-good-conversation")!
    let key = try! WorkerKeyFile.create(name: "Ailsa Grant", role: "worker", passphrase: "a long enough passphrase", rounds: 1 << 10).key

    /// A whole conversation's answers, as a worker and Morag might give them.
    func fullSession(option: String = "option-2", decision: String = "approved") throws -> Session {
        var session = Session(form: form)
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let answers: [(String, AnswerValue)] = [
            ("present", .choices(["person", "carer"], other: nil)), ("language", .text("English")),
            ("advocacy-offered", .yesNo(true)), ("advocacy-wanted", .choice("no", other: nil)),
            ("consent-record", .yesNo(true)), ("consent-share", .yesNo(true)),
            ("own-words", .text("Seeing my grandchildren, and singing in the choir on a Thursday.")),
            ("skills", .text("Baking, and remembering everyone's birthday.")),
            ("people", .people([PersonEntry(name: "Ann", relationship: "daughter", doesNow: "shopping on Saturdays", willingAndAble: "a visit midweek")])),
            ("unpaid-carer", .yesNo(true)), ("carer-plan", .choice("offered-accepted", other: nil)),
            ("signposted", .yesNo(false)), ("benefits-check", .choice("done", other: nil)), ("decision-question", .yesNo(false)),
            ("agreed-outcomes", .outcomes([OutcomeEntry(outcome: "Get to the choir every week", group: .qualityOfLife, timescale: "3 months",
                                                        howWeWillKnow: "We will both see it in the diary", mayNeedFundedSupport: true)])),
            ("costing-rules", .choice("example-rate-card", other: nil)), ("hours-per-week", .number(3)),
            ("support-plan", .supportPlan([SupportPlan.Line(support: "personal-assistant-hour", quantity: 3, frequency: .perWeek, outcome: "Get to the choir every week"),
                                           SupportPlan.Line(support: "community-alarm-install", quantity: 1, frequency: .once)])),
            ("budget-explained", .yesNo(true)), ("independent-support", .yesNo(true)), ("chosen-option", .choice(option, other: nil)),
        ] + (option == "option-4" ? [("option-4-mix", AnswerValue.text("The personal assistant as a direct payment; the rest arranged by the council."))] : []) + [
            ("direct-payment-available", .yesNo(true)), ("decision", .choice(decision, other: nil)),
            ("reasons", .text("Within the worker's limit, and it meets the outcome agreed.")), ("told-how-to-challenge", .yesNo(true)),
            ("review-date", .date(try CalendarDate(parsing: "2027-03-01"))), ("how-checked", .text("At the review visit, with the diary.")),
            ("read-back", .yesNo(true)), ("agreement", .choice("agrees-with-changes", other: nil)), ("agreement-method", .choice("said", other: nil)),
            ("person-words", .text("Please add that I like to sit near the door.")), ("copy-wanted", .yesNo(true)),
            ("copy-format", .choice("large-print", other: nil)),
        ]
        _ = try session.handle(.jump(section: "technology"), at: at)
        _ = try session.handle(.markNothingHere, at: at)
        for (question, value) in answers {
            // The costing explanation and the summary are gone through, every page, before "yes".
            if let kind = session.shownText(confirmedBy: question) {
                _ = try session.handle(.shown(kind, ShownTextNote(language: "en-GB", sha256: "0", firstShownAt: at, seconds: 60, complete: true)), at: at)
            }
            _ = try session.handle(.answer(question: question, value: value), at: at)
        }
        return session
    }

    func words(_ language: String) -> ConversationWording {
        ConversationWording(catalog: RecordCopyTests.library.catalog(language: language)!, form: form)
    }

    /// The first revision of a full record, signed by the worker, with its costing explained in `language`.
    func signed(language: String, session: Session) throws -> Envelope {
        let costing = try CostingRecord(costing: try #require(ConversationCosting(session: session)), words: words(language), rulesSHA256: "0")
        let payload = AssessmentPayload(record: "k7m2qx9a", revision: 1, previous: nil, form: form, formSHA256: "0", person: "Morag Campbell",
                                        language: language, session: session, readBack: nil, signer: key.identity,
                                        sealedAt: Date(timeIntervalSince1970: 1_800_000_000), costing: costing)
        return try Envelope.sign(payload: payload.canonical.encoded, type: Envelope.assessmentType, with: key)
    }

    func copy(language: String) throws -> RecordCopy {
        let content = try SignedRecordContent(envelope: try signed(language: language, session: try fullSession()), form: form)
        return RecordCopy(content: content, words: words(language), countersigners: [("Jo Advocate", "advocate", String(repeating: "ab", count: 32), "2027-01-20")])
    }

    func expectGolden(_ text: String, named name: String, fingerprint: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let normalised = text.replacingOccurrences(of: fingerprint, with: "FINGERPRINT")
            .replacingOccurrences(of: key.identity.fingerprint, with: "KEY-FINGERPRINT")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["BLETHER_UPDATE_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
            try normalised.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(normalised == (try String(contentsOf: url, encoding: .utf8)), "differs from Golden/\(name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["en-GB", "gd"])
    func textAndPageCopiesOfAFullRecord(language: String) throws {
        let copy = try copy(language: language)
        let fingerprint = KeyIdentity.fingerprint(of: copy.content.revisionID)
        #expect(copy.text.split(separator: "\n").allSatisfy { $0.count <= 72 }, "the text copy is wrapped at 72 columns")
        #expect(!copy.html.lowercased().contains("<script"))
        try expectGolden(copy.text, named: "copy-\(language).txt", fingerprint: fingerprint)
        try expectGolden(copy.html, named: "copy-\(language).html", fingerprint: fingerprint)
    }

    /// A referred Option 4 budget, refused by a team leader with reasons: the person's copy says
    /// who decided, why, and how to challenge it in the council's words.
    @Test func aRefusalCopyCarriesTheReasonsAndHowToChallenge() throws {
        let session = try fullSession(option: "option-4", decision: "referred")
        let first = try signed(language: "en-GB", session: session)
        let leader = try WorkerKeyFile.create(name: "Rhona Baird", role: "team-leader", passphrase: "the team leader's words", rounds: 1 << 10).key
        let decision = try DecisionRevision(after: first, number: 2, decider: leader.identity, outcome: .refused,
                                            reasons: "A community alarm is already fitted by the housing association.",
                                            installedRules: { _, _ in "0" }, at: Date(timeIntervalSince1970: 1_800_100_000))
        let envelope = try Envelope.sign(payload: decision.payload.encoded, type: Envelope.assessmentType, with: leader)
        let content = try SignedRecordContent(envelope: envelope, form: form)
        #expect(content.decision?.outcome == "refused" && content.isReferred)
        // Reviewing their record, the person reads the same: how it was worked out, the decision, how to challenge it.
        let review = PersonReviewText.lines(session: content.session, words: words("en-GB"), person: "Morag Campbell", content: content, comments: [])
        #expect(review.contains("How the indicative budget was worked out"))
        #expect(review.contains("Reasons: A community alarm is already fitted by the housing association."))
        #expect(review.contains { $0.hasPrefix("How to challenge or appeal this decision: If you disagree with a decision") })
        let copy = RecordCopy(content: content, words: words("en-GB"), countersigners: [])
        try expectGolden(copy.text.replacingOccurrences(of: leader.identity.fingerprint, with: "LEADER-FINGERPRINT"), named: "copy-refused-en-GB.txt",
                         fingerprint: KeyIdentity.fingerprint(of: content.revisionID))
    }

    @Test func anUrduPageIsRightToLeft() throws {
        #expect(try copy(language: "ur").html.contains("<html lang=\"ur\" dir=\"rtl\">"))
    }
}

import BletherCore
import BletherForms
import BletherRecords
import BletherTestSupport
import Foundation
import Testing

/// The person's copies of a full record, compared with golden files
/// (`BLETHER_UPDATE_SNAPSHOTS=1` writes them afresh after a deliberate change).
@Suite struct RecordCopyTests {
    static let library = FormLibrary.load(from: .shipped(executable: URL(fileURLWithPath: #filePath)))
    let form = RecordCopyTests.library.latestForm(id: "adult-good-conversation")!
    let key = try! WorkerKeyFile.create(name: "Ailsa Grant", role: .worker, passphrase: "a long enough passphrase", rounds: 1 << 10).key

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
        _ = try session.handle(.markNothingHere(note: "Phones and alarms; her tablet is enough for now."), at: at)
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

    /// A revision of a full record (the first, unless `after` is given), signed by the worker,
    /// with its costing explained in `language` and the person's own words, if any.
    func signed(language: String, session: Session, after previous: Envelope? = nil, comments: [PersonComment] = [],
                at seconds: TimeInterval = 1_800_000_000) throws -> Envelope {
        let costing = try CostingRecord(costing: try #require(ConversationCosting(session: session)), words: words(language), rulesSHA256: "0")
        let number = try previous.map { try #require(CanonicalValue(decoding: $0.payload)["revision"]?.integer) + 1 } ?? 1
        let payload = AssessmentPayload(record: "k7m2qx9a", revision: number, previous: previous?.revisionID, form: form, formSHA256: "0",
                                        person: "Morag Campbell", language: language, session: session, readBack: nil, signer: key.identity,
                                        sealedAt: Date(timeIntervalSince1970: seconds), comments: comments, costing: costing)
        return try Envelope.sign(payload: payload.canonical.encoded, type: Envelope.assessmentType, with: key)
    }

    let advocate = try! WorkerKeyFile.create(name: "Jo Advocate", role: .advocate, passphrase: "the advocate's own words", rounds: 1 << 10).key

    /// The person's words added in review, carried in the revision.
    static let ownWords = [PersonComment(text: "I would rather the visits were in the morning.\nAnd please call me Morag, not Mrs Campbell.",
                                         speaker: .person, at: Date(timeIntervalSince1970: 1_799_990_000))]

    /// `envelope` with the advocate's countersignature added after the worker's.
    func countersigned(_ envelope: Envelope) throws -> Envelope {
        Envelope(payloadType: envelope.payloadType, payload: envelope.payload,
                 signatures: envelope.signatures + [.init(keyID: advocate.identity.keyID, bytes: try advocate.sign(envelope.signedBytes))])
    }

    func copy(language: String) throws -> RecordCopy {
        let envelope = try countersigned(try signed(language: language, session: try fullSession(), comments: RecordCopyTests.ownWords))
        let revision = try SignedRevision(envelope: envelope, form: form, trusted: [key.identity, advocate.identity],
                                          countersignedAt: [advocate.identity.keyID: Date(timeIntervalSince1970: 1_800_500_000)])
        return RecordCopy(revision: revision, earlier: [], words: words(language))
    }

    /// Compares `text` with `Golden/name`, after replacing fingerprints that change from run to run.
    /// A missing reference fails; `BLETHER_UPDATE_SNAPSHOTS=1` writes the references afresh.
    func expectGolden(_ text: String, named name: String, fingerprint: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let normalised = text.replacingOccurrences(of: fingerprint, with: "FINGERPRINT")
            .replacingOccurrences(of: key.identity.fingerprint, with: "KEY-FINGERPRINT")
            .replacingOccurrences(of: advocate.identity.fingerprint, with: "ADVOCATE-FINGERPRINT")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        switch try ReferenceFile(url).check(normalised) {
        case .matches, .written: break
        case .missing:
            Issue.record("Golden/\(name) is missing: look at the copy, then write it with BLETHER_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
        case .differs(let reference):
            #expect(normalised == reference, "differs from Golden/\(name)", sourceLocation: sourceLocation)
        }
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
        let leader = try WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: "the team leader's words", rounds: 1 << 10).key
        let decision = try DecisionRevision(after: first, number: 2, decider: leader.identity, outcome: .refused,
                                            reasons: "A community alarm is already fitted by the housing association.",
                                            installedRules: { _, _ in "0" }, at: Date(timeIntervalSince1970: 1_800_100_000))
        let envelope = try Envelope.sign(payload: decision.payload.encoded, type: Envelope.assessmentType, with: leader)
        let content = try SignedRecordContent(envelope: envelope, form: form)
        #expect(content.decision?.outcome == .refused && content.isReferred)
        // Reviewing their record, the person reads the same: how it was worked out, the decision, how to challenge it.
        let review = PersonReviewText.lines(session: content.session, words: words("en-GB"), person: "Morag Campbell", content: content, comments: [])
        #expect(review.contains("How the indicative budget was worked out"))
        #expect(review.contains("Reasons: A community alarm is already fitted by the housing association."))
        #expect(review.contains { $0.hasPrefix("How to challenge or appeal this decision: If you disagree with a decision") })
        let copy = RecordCopy(revision: try SignedRevision(envelope: envelope, form: form, trusted: [leader.identity]),
                              earlier: [try SignedRevision(envelope: first, form: form, trusted: [key.identity])], words: words("en-GB"))
        try expectGolden(copy.text.replacingOccurrences(of: leader.identity.fingerprint, with: "LEADER-FINGERPRINT")
                            .replacingOccurrences(of: KeyIdentity.fingerprint(of: first.revisionID), with: "FIRST-FINGERPRINT"), named: "copy-refused-en-GB.txt",
                         fingerprint: KeyIdentity.fingerprint(of: content.revisionID))
    }

    /// Text with every run of spaces and line breaks as one space, to find wrapped sentences.
    func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Referred, refused, the plan revised and referred again, then approved: the last copy keeps
    /// the refusal and its reasons, the approval, and the worker's signature beside the decider's.
    @Test func anApprovedCopyAfterARefusalKeepsTheRefusalAndEverySignature() throws {
        let leader = try WorkerKeyFile.create(name: "Rhona Baird", role: .teamLeader, passphrase: "the team leader's words", rounds: 1 << 10).key
        let referred = try fullSession(option: "option-4", decision: "referred")
        let first = try signed(language: "en-GB", session: referred)
        let refusal = try Envelope.sign(
            payload: try DecisionRevision(after: first, number: 2, decider: leader.identity, outcome: .refused,
                                          reasons: "A community alarm is already fitted by the housing association.",
                                          installedRules: { _, _ in "0" }, at: Date(timeIntervalSince1970: 1_800_100_000)).payload.encoded,
            type: Envelope.assessmentType, with: leader)
        var revised = referred
        _ = try revised.handle(.answer(question: "support-plan", value: .supportPlan([
            SupportPlan.Line(support: "personal-assistant-hour", quantity: 3, frequency: .perWeek, outcome: "Get to the choir every week"),
        ])), at: Date(timeIntervalSince1970: 1_800_150_000))
        let third = try signed(language: "en-GB", session: revised, after: refusal, at: 1_800_200_000)
        let approval = try Envelope.sign(
            payload: try DecisionRevision(after: third, number: 4, decider: leader.identity, outcome: .approved, reasons: "",
                                          assessmentSigners: [key.identity.keyID], installedRules: { _, _ in "0" },
                                          at: Date(timeIntervalSince1970: 1_800_300_000)).payload.encoded,
            type: Envelope.assessmentType, with: leader)
        let trusted = [key.identity, leader.identity]
        let chain = [first, refusal, third, approval]
        #expect(RevisionVerifier(trusted: trusted).verify(record: "k7m2qx9a", envelopes: chain.map(\.encoded)).failure == nil)
        let history = try chain.map { try SignedRevision(envelope: $0, form: form, trusted: trusted) }
        let copy = RecordCopy(revision: history[3], earlier: history.dropLast(), words: words("en-GB"))
        let text = flat(copy.text)
        #expect(text.contains("Decision on the budget ====================== "
            + "Decision: refused by Rhona Baird (team leader) on 16 January 2027. "
            + "Reasons: A community alarm is already fitted by the housing association. "
            + "That decision was on an earlier plan, which has since been changed. "
            + "Decision: approved by Rhona Baird (team leader) on 18 January 2027."), "\(copy.text)")
        // This revision's signature, every signer's key, and the worker's signature on the revisions before.
        #expect(text.contains("Signed by Rhona Baird (team leader) on 18 January 2027. Key fingerprint of Rhona Baird: \(leader.identity.fingerprint) "
            + "Key fingerprint of Ailsa Grant: \(key.identity.fingerprint) Fingerprint of this revision: \(KeyIdentity.fingerprint(of: approval.revisionID))"))
        for (number, envelope, signer) in [(1, first, "Ailsa Grant (worker) on 15 January 2027"), (2, refusal, "Rhona Baird (team leader) on 16 January 2027"),
                                           (3, third, "Ailsa Grant (worker) on 17 January 2027"), (4, approval, "Rhona Baird (team leader) on 18 January 2027")] {
            #expect(text.contains("Revision \(number) (fingerprint \(KeyIdentity.fingerprint(of: envelope.revisionID))): Signed by \(signer)."))
        }
        #expect(copy.html.contains("<p>Reasons: <bdi>A community alarm is already fitted by the housing association.</bdi></p>"))
        #expect(copy.html.contains("<dd>Signed by <bdi>Ailsa Grant</bdi> (worker) on 15 January 2027.</dd>"))
        // The copy of the third revision, referred again, keeps the refusal and says it waits for a decision.
        let waiting = flat(RecordCopy(revision: history[2], earlier: history.prefix(2), words: words("en-GB")).text)
        #expect(waiting.contains("That decision was on an earlier plan, which has since been changed. Decision: referred on 17 January 2027"))
        // A decision carried unchanged into later revisions is said once.
        #expect(RecordCopy.decisionParagraphs(history: [history[0].content, history[1].content, history[1].content], catalog: words("en-GB").catalog)
            .filter { $0.hasPrefix("Decision:") }.count == 1)
    }

    /// A right-to-left override a person typed is shown on the page, never obeyed, and the page's own markup stays its own.
    @Test func aBidiOverrideInTheRecordIsShownNotObeyedOnThePage() {
        #expect(RecordCopy.htmlText("Morag \u{202E}evil <b>") == "Morag &lt;U+202E&gt;evil &lt;b&gt;")
        #expect(!RecordCopy.htmlText("\u{202E}\u{2066}x").unicodeScalars.contains { BidiIsolation.isControl($0) })
    }

    /// What the person added while reading their record, carried in the signed revision, is in both copies.
    @Test func thePersonsOwnWordsAreInTheTextAndThePage() throws {
        let copy = try copy(language: "en-GB")
        #expect(flat(copy.text).contains("Your own words, added when you read your record =============================================== "
            + "Added on 15 January 2027: I would rather the visits were in the morning. And please call me Morag, not Mrs Campbell. You said this."))
        // Their words are one answer, its lines kept, in its own direction.
        #expect(copy.html.contains("<dt>Added on 15 January 2027:</dt>\n<dd dir=\"auto\">I would rather the visits were in the morning.<br>"
            + "And please call me Morag, not Mrs Campbell.</dd>\n<dd class=\"by\">You said this.</dd>"))
        // Both signatures on the revision, each with its key; the advocate's on the day they countersigned.
        #expect(copy.text.contains("Signed by Ailsa Grant (worker) on 15 January 2027.\nSigned by Jo Advocate (advocate) on 21 January 2027."))
        #expect(copy.text.contains("Key fingerprint of Jo Advocate: \(advocate.identity.fingerprint)"))
    }

    /// A name on a copy comes from what is authenticated: the signed payload's signer, whose key
    /// made the first signature, and keys trusted here for countersignatures.
    @Test func aSignatureIsNamedOnlyFromWhatIsAuthenticated() throws {
        let envelope = try countersigned(try signed(language: "en-GB", session: try fullSession()))
        #expect(throws: SignedRecordContent.Unreadable.self) { try SignedRevision(envelope: envelope, form: form, trusted: [key.identity]) }
        // A countersignature whose bytes do not verify is not named either.
        let bad = Envelope(payloadType: envelope.payloadType, payload: envelope.payload,
                           signatures: [envelope.signatures[0], .init(keyID: advocate.identity.keyID, bytes: Data(repeating: 7, count: 64))])
        #expect(throws: SignedRecordContent.Unreadable.self) { try SignedRevision(envelope: bad, form: form, trusted: [key.identity, advocate.identity]) }
        // Trusted here under another name: the name trusted is the one shown, not any the key file claims.
        let trustedAs = KeyIdentity(name: "Jo Advocate (Circles Network)", role: .advocate, publicKey: advocate.identity.publicKey)
        let revision = try SignedRevision(envelope: envelope, form: form, trusted: [key.identity, trustedAs])
        #expect(revision.signatures.map(\.name) == ["Ailsa Grant", "Jo Advocate (Circles Network)"])
        // A payload naming the worker but signed by another key names nobody.
        let forged = Envelope(payloadType: envelope.payloadType, payload: envelope.payload,
                              signatures: [.init(keyID: advocate.identity.keyID, bytes: try advocate.sign(envelope.signedBytes))])
        #expect(throws: SignedRecordContent.Unreadable.self) { try SignedRevision(envelope: forged, form: form, trusted: [key.identity, advocate.identity]) }
    }

    /// A word longer than a line — a web address pasted in — is broken, never left past 72 columns.
    @Test func aLongWordIsBrokenAt72Columns() throws {
        let long = "https://example.org/" + String(repeating: "a1", count: 90)
        let envelope = try signed(language: "en-GB", session: try fullSession(),
                                  comments: [PersonComment(text: "See " + long, speaker: .person, at: Date(timeIntervalSince1970: 1_800_000_000))])
        let copy = RecordCopy(revision: try SignedRevision(envelope: envelope, form: form, trusted: [key.identity]), earlier: [], words: words("en-GB"))
        #expect(copy.text.split(separator: "\n").allSatisfy { $0.count <= 72 })
        #expect(copy.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains(long))
    }

    @Test func anUrduPageIsRightToLeft() throws {
        #expect(try copy(language: "ur").html.contains("<html lang=\"ur\" dir=\"rtl\">"))
    }

    /// An explanation signed in English, copied for a reader of Urdu, keeps its own direction:
    /// "2026-04-01 to 2027-03-31" is not turned around by the page's right-to-left lines.
    @Test func anExplanationSignedInAnotherLanguageKeepsItsDirectionInTheCopy() throws {
        let envelope = try signed(language: "en-GB", session: try fullSession())
        let revision = try SignedRevision(envelope: envelope, form: form, trusted: [key.identity])
        let html = RecordCopy(revision: revision, earlier: [], words: words("ur")).html
        let explanation = try #require(html.range(of: "These are the rules of"), "the English explanation, as signed, is in the Urdu copy")
        let section = try #require(html[..<explanation.lowerBound].range(of: "<section", options: .backwards))
        #expect(html[section.lowerBound...].hasPrefix("<section dir=\"auto\">"), "its section takes the direction of its own words")
        // In the reader's own language the explanation is worked out again, structured, in the page's direction.
        #expect(!(try copy(language: "ur").html.contains("<section dir=\"auto\">")))
    }

    /// A line's width in display columns as a terminal shows it, the isolates around names aside.
    static func columns(_ line: some StringProtocol) -> Int {
        TextWidth.of(String(String.UnicodeScalarView(line.unicodeScalars.filter { !BidiIsolation.isControl($0) })))
    }

    /// A Chinese copy is wrapped at 72 display columns (a Chinese character takes two), and
    /// every `=` underline is as wide as the heading it underlines.
    @Test func aChineseTextCopyIsWrappedAndUnderlinedByDisplayColumns() throws {
        let text = try copy(language: "zh-Hans").text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "the copy is in Chinese")
        for line in lines { #expect(Self.columns(line) <= 72, "\(Self.columns(line)) columns: \(line)") }
        // Wide lines are filled: Chinese has no spaces, so a long paragraph runs to the margin.
        #expect(lines.contains { Self.columns($0) >= 70 })
        let underlines = lines.indices.filter { $0 > 0 && !lines[$0].isEmpty && lines[$0].allSatisfy { $0 == "=" } }
        #expect(underlines.count >= 3)
        for index in underlines {
            #expect(lines[index].count == Self.columns(lines[index - 1]), "underline \(lines[index].count) under \(lines[index - 1])")
        }
    }

    /// A 300-character word breaks on a phone's screen, in the page and in large print.
    @Test func aPageBreaksAWordTooLongForTheScreen() throws {
        let copy = try copy(language: "en-GB")
        let style = try #require(copy.html.firstMatch(of: /body \{[^}]*\}/)?.0)
        #expect(style.contains("overflow-wrap: anywhere"), "\(style)")
        let large = String(decoding: try copy.made(.largePrint).data, as: UTF8.self)
        #expect(try #require(large.firstMatch(of: /body \{[^}]*\}/)?.0).contains("overflow-wrap: anywhere"))
    }
}

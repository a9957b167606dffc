import BletherCore
import BletherTUI
import Testing

/// Each overlay on its own: its keys, and what it asks the program to do.
@Suite struct OverlayTests {
    @Test func whoIsSpeakingIsChosenByNumberOrByEnterAndNeverPastTheEnds() {
        var who = WhoOverlay(highlighted: 0)
        #expect(who.handle(.up) == .stay)
        #expect(who.highlighted == 0)
        for _ in 0..<20 { _ = who.handle(.down) }
        #expect(who.highlighted == Speaker.allCases.count - 1)
        #expect(who.handle(.enter) == .choose(Speaker.allCases.last!))
        #expect(who.handle(.character("2")) == .choose(Speaker.allCases[1]))
        #expect(who.handle(.character("9")) == .stay)
        #expect(who.handle(.escape) == .close)
    }

    @Test func aShownTextScrollsNoFurtherThanItsLastPage() {
        let long = Document(sections: [DocumentSection(blocks: (1...60).map { .paragraph(DocumentText("Line \($0)")) })])
        var shown = ShownTextOverlay(title: "Read back", document: long)
        #expect(shown.handle(.end, columns: 80, rows: 24) == .stay)
        let window = shown.window(columns: 80, rows: 24)
        #expect(window.shown.upperBound == window.of)
        #expect(shown.handle(.pageDown, columns: 80, rows: 24) == .stay)
        #expect(shown.window(columns: 80, rows: 24) == window)
        _ = shown.handle(.home, columns: 80, rows: 24)
        #expect(shown.scroll == 0)
        #expect(shown.handle(.function(7), columns: 80, rows: 24) == .close)
    }

    @Test func theNoteOnAnEmptySectionIsGivenWithEnterAndThePersonsWordsWithCtrlS() {
        var ask = NothingHereOverlay(section: "technology", required: true)
        for key in "Talked it through" { _ = ask.handle(.character(key)) }
        #expect(ask.handle(.enter) == .mark(note: "Talked it through"))
        var comment = CommentOverlay()
        for key in "Fine" { _ = comment.handle(.character(key)) }
        #expect(comment.handle(.control("s")) == .save("Fine"))
        // Esc on words in the box asks before they are thrown away; on an empty box it just closes.
        #expect(comment.handle(.escape) == .stay && comment.asking == .close)
        #expect(comment.handle(.character("y")) == .close)
        var empty = CommentOverlay()
        #expect(empty.handle(.escape) == .close)
    }

    @Test func onlyYesDoesTheDestructiveThing() {
        #expect(ConfirmAction.answer(.character("y")) == true)
        #expect(ConfirmAction.answer(.character("Y")) == true)
        #expect(ConfirmAction.answer(.character("n")) == false)
        #expect(ConfirmAction.answer(.escape) == false)
        #expect(ConfirmAction.answer(.enter) == nil)
        #expect(ConfirmAction.answer(.character("j")) == nil)
    }

    @Test func aPassphraseBoxNeverLetsAKeyThrough() {
        var field = PassphraseField()
        for key in "secret words" { #expect(field.handleInBox(.character(key)) == .stay) }
        #expect(field.handleInBox(.enter) == .submit)
        #expect(field.passphrase == "secret words")
        #expect(field.handleInBox(.escape) == .close)
    }
}

import BletherCore
import Testing

/// Type-to-find on the home list finds a person by any part of their name, however it is
/// typed: without capitals or accents, in any script, in the order the list has them.
@Suite struct NameIndexTests {
    let index = NameIndex(names: ["Siobhán Ó Briain", "Iain Pentland", "李小梅 (Li Xiaomei)", "MORAG CAMPBELL", "Agnieszka Łukasik", "Ｍａｉｒｉ"])

    @Test func caseAndAccentsAreIgnored() {
        #expect(index.matches("siobhan o") == [0])
        #expect(index.matches("SIOBHÁN") == [0])
        #expect(index.matches("morag") == [3])
        #expect(index.matches("ain") == [0, 1])
    }

    @Test func everyScriptIsFound() {
        #expect(index.matches("小梅") == [2])
        #expect(index.matches("xiaomei") == [2])
        #expect(index.matches("mairi") == [5], "full-width letters are found by the letters typed")
    }

    @Test func nothingWantedShowsEveryoneAndNothingFoundShowsNoOne() {
        #expect(index.matches("") == Array(0..<6))
        #expect(index.matches("   ") == Array(0..<6))
        #expect(index.matches(" pentland ") == [1])
        #expect(index.matches("Fraser").isEmpty)
        #expect(index.matches("Siobhán Ó Briain and more").isEmpty)
    }

    @Test func aNameInASCIIFoldsAsFoundationFoldsIt() {
        let every = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        let foundation = every.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).precomposedStringWithCanonicalMapping
        #expect(NameIndex.fold(every) == foundation, "every ASCII character, the quick way and Foundation's")
        #expect(NameIndex.fold("MacDonald-O'Neill") == "macdonald-o'neill")
        #expect(NameIndex.fold("Seán MacDonald") == "sean macdonald", "one letter beyond ASCII folds the whole name the full way")
    }

    @Test func aLongListFoldedAsideFindsWhatAShortOneFinds() {
        let count = 2_500
        #expect(count > NameIndex.foldedAside, "the list is folded aside")
        let names = (0..<count).map { "\(["Siobhán", "Iain", "李", "MORAG"][$0 % 4]) Nowak \($0)" }
        let aside = NameIndex(names: names)
        let atOnce = names.indices.filter { NameIndex.fold(names[$0]).contains(NameIndex.fold("siobhan nowak 24")) }
        #expect(aside.matches("SIOBHAN NOWAK 24") == atOnce)
        #expect(aside.matches("siobhan nowak 24").count == 29, "24, then 240 to 249 and 2400 to 2499, every fourth")
        #expect(aside.matches("") == Array(names.indices))
    }
}

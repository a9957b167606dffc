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
}

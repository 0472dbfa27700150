import Foundation
import Testing
@testable import MnemoSearch

/// The keys a name is searched under.
@Suite struct NameKeysTests {
    func skel(_ s: String) -> String { NameKeys(s).tokens[0].primarySkeleton }

    @Test func spellingVariantsShareASkeleton() {
        #expect(skel("Valikhanov") == "valihanov")
        #expect(skel("Valihanov") == "valihanov")
        #expect(skel("Walikhanow") == "valihanov")
        #expect(skel("Уәлиханов") == "valihanov")
        #expect(skel("Shokan") == skel("Chokan"))
        #expect(skel("Šokan") == skel("Chokan"))
        #expect(skel("Şoqan") == skel("Шоқан"))
        #expect(skel("Dostoevsky") == skel("Dostoyevskiy"))
        #expect(skel("Yusufjon") == skel("Юсуфжон"))
        #expect(skel("Abaj") == skel("Abay"))
        #expect(skel("Valikhanov") != skel("Valiev"))
    }

    @Test func kazakhAndUzbekLetters() {
        // Kazakh қ ұ ү ң ғ ө һ and Uzbek ў ғ қ ҳ against their Latin spellings.
        #expect(skel("Құнанбайұлы") == skel("Qunanbaiuly"))
        #expect(skel("Ибраһим") == skel("Ibrahim"))
        #expect(skel("Шыңғыстау") == skel("Shyngystau"))
        #expect(skel("Мұхтар") == skel("Mukhtar"))
        #expect(skel("Өтеген") == skel("Oteghen"))
        #expect(skel("Күлтегін") == skel("Kultegin"))
        #expect(skel("Қўнонбоев") == skel("Qoʻnonboyev"))
        #expect(skel("Афғонистон") == skel("Afgʻoniston"))
        #expect(skel("Ҳирот") == skel("Hirot"))
        #expect(skel("Choʻqon") == skel("Чўқон"))
        // Uzbek x is Russian х (kh), folded before gh, and its o for a folds doubled letters like any skeleton.
        #expect(NameIndex.level(NameKeys("Мингхан").tokens[0], NameKeys("Mingxon").tokens[0]) == .variant)
        #expect(NameIndex.level(NameKeys("Саай").tokens[0], NameKeys("Саой").tokens[0]) == .variant)
        // Kazakh initial Ж for Й reaches the consonant keys too: Жорқұов meets Yorkhuov.
        #expect(NameIndex.level(NameKeys("Жорқұов").tokens[0], NameKeys("Yorkhuov").tokens[0]) == .variant)
        #expect(NameIndex.level(NameKeys("Мингхан").tokens[0], NameKeys("Мирхан").tokens[0]) == nil)
        // The Uzbek apostrophe is part of the letter, not a word break.
        #expect(NameKeys("Qoʻnonboyev").tokens.count == 1)
    }

    @Test func icuTransliterationsAreKeys() {
        let t = NameKeys("Валиханов").tokens[0]
        #expect(t.forms.contains("valikhanov"))           // Russian-Latin/BGN
        #expect(t.forms.contains("valihanov"))            // Any-Latin; Latin-ASCII
        #expect(Transliteration.available.contains("Russian-Latin/BGN"))
    }

    @Test func headingsYieldYearsPatronymicsAndInitials() {
        let k = NameKeys("Валиханов, Чокан Чингисович, 1835-1865")
        #expect(k.years == [1835, 1865])
        #expect(k.tokens.map(\.norm) == ["валиханов", "чокан", "чингисович"])
        #expect(k.tokens[2].isPatronymic)
        #expect(!k.tokens[1].isPatronymic)
        #expect(NameKeys("Шоқан Шыңғысұлы").tokens[1].isPatronymic)
        #expect(NameKeys("Mukhtar Omarkhanovna").tokens[1].isPatronymic)
        let i = NameKeys("Valikhanov, Ch. Ch.")
        #expect(i.tokens.map(\.isInitial) == [false, true, true])
        #expect(NameKeys("Ч. Валиханов").tokens[0].isInitial)
        #expect(NameKeys("Ludwig van Beethoven").tokens[1].isParticle)
        #expect(NameKeys("Chingisovich").tokens[0].primarySkeleton.hasPrefix("singis"))
        #expect(NameKeys("Shyngysuly").tokens[0].primarySkeleton.hasPrefix("singis"))
    }

    @Test func normalisationIsNFKCAndCaseFolded() {
        #expect(NameKeys.normalize("ＡＢＡＩ") == "abai")
        #expect(NameKeys.normalize("ЁЛКА") == "ёлка")
        #expect(NameKeys.normalize("Oʻtkan") == "otkan")
        #expect(NameKeys("Фёдор").tokens[0].primarySkeleton == NameKeys("Fedor").tokens[0].primarySkeleton)
    }
}

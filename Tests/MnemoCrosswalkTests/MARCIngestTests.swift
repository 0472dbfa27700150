import Foundation
import MnemoCrosswalk
import MnemoStore
import Testing

@Suite struct MARCIngestTests {
    @Test func russianMARCXMLWhoWroteItWhenAndWhere() throws {
        let d = try Ingested(.marcxml, ["marc/russian-utf8.xml"], institution: "nlrk", dataset: "books")
        // Who wrote «Война и мир», when was he born, and which authority files know him?
        let rows = try d.select("""
            SELECT ?name ?born ?role WHERE {
              ?book dc:title "Война и мир : роман в четырех томах"@ru .
              ?c crm:P94_has_created ?book ; crm:P14_carried_out_by ?a .
              ?pc crm:P01_has_domain ?c ; crm:P02_has_range ?a ; crm:P14.1_in_the_role_of ?r .
              ?r skos:prefLabel ?role . FILTER(?r = <http://id.loc.gov/vocabulary/relators/aut>)
              ?a rdfs:label ?name ; ^crm:P98_brought_into_life/crm:P4_has_time-span/crm:P82a_begin_of_the_begin ?born .
            }
            """)
        #expect(rows.count == 1)
        #expect(rows.first?["name"] == "Толстой, Лев Николаевич, граф")
        #expect(rows.first?["born"] == "1828-01-01T00:00:00")
        #expect(try d.column("SELECT ?m WHERE { ?a rdfs:label \"Толстой, Лев Николаевич, граф\" ; skos:exactMatch ?m }", "m")
                == ["http://viaf.org/viaf/999000101", "http://www.wikidata.org/entity/Q7243"])
        // Published where, by whom, when?
        let pub = try d.select("""
            SELECT ?place ?publisher ?date WHERE {
              ?e crm:P16_used_specific_object/dc:title "Война и мир : роман в четырех томах"@ru ;
                 crm:P7_took_place_at/rdfs:label ?place ; crm:P14_carried_out_by/rdfs:label ?publisher ;
                 crm:P4_has_time-span/crm:P82b_end_of_the_end ?date .
            }
            """)
        #expect(pub.first?["place"] == "Москва")
        #expect(pub.first?["publisher"] == "Художественная литература")
        #expect(pub.first?["date"] == "1978-12-31T23:59:59")
    }

    @Test func seriesAndVariantTitlesAcrossMARC21AndRUSMARC() throws {
        let store = try Store.open("memory:")
        let d = try Ingested(.marcxml, ["marc/russian-utf8.xml"], institution: "nlrk", dataset: "books", store: store)
        _ = try Ingested(.rusmarc, ["marc/rusmarc.xml"], institution: "nlrk", dataset: "rusmarc", store: store)
        // Which books belong to the series «Азбука-классика»? One from each catalogue (MARC 21 490, RUSMARC 225),
        // both parts of the one series resource of the institution.
        let rows = try d.select("""
            SELECT ?book ?series ?title WHERE {
              ?series a crm:E73_Information_Object ; rdfs:label "Азбука-классика"@ru ;
                      crm:P2_has_type/skos:prefLabel "series"@en .
              ?book crm:P106i_forms_part_of ?series ; dcterms:isPartOf ?series ; rdfs:label ?title .
            }
            """)
        #expect(rows.count == 2)
        #expect(Set(rows.compactMap { $0["series"] }).count == 1)
        #expect(Set(rows.compactMap { $0["title"] }) == ["Евгений Онегин : роман в стихах@ru"])
        // The 246 variant title is a second E35 title and dc:title; rdfs:label stays the title proper.
        #expect(try d.column("""
            SELECT ?t WHERE { ?o dc:title "Онегин"@ru ; crm:P102_has_title/crm:P190_has_symbolic_content ?t }
            """, "t") == ["Евгений Онегин : роман в стихах@ru", "Онегин@ru"])
        #expect(try d.column("SELECT ?l WHERE { ?o dc:title \"Онегин\"@ru ; rdfs:label ?l }", "l") == ["Евгений Онегин : роман в стихах@ru"])
    }

    @Test func articlesOfOneJournal() throws {
        let d = try Ingested(.marcxml, ["marc/analytics.xml"], institution: "nlrk", dataset: "articles")
        // Which articles appeared in «Қазақ әдебиеті тарихының мәселелері», and who wrote them?
        let rows = try d.select("""
            SELECT ?title ?author WHERE {
              ?journal a crm:E73_Information_Object ; rdfs:label "Қазақ әдебиеті тарихының мәселелері"@kk ;
                       crm:P2_has_type/skos:prefLabel "host item"@en .
              ?article crm:P106i_forms_part_of ?journal ; rdfs:label ?title ; dc:creator/rdfs:label ?author .
            }
            """)
        #expect(rows.count == 2)
        #expect(Set(rows.compactMap { $0["author"] }) == ["Сейітов, Ержан", "Омарова, Гүлнар"])
        // Linking entries: 776 (another format) and 787 (a related work) as Dublin Core relations.
        #expect(try d.column("SELECT ?f WHERE { ?a dcterms:hasFormat ?f }", "f")
                == ["Абай шығармаларының алғашқы басылымдары (электрондық нұсқа)@kk"])
        #expect(try d.column("SELECT ?r WHERE { ?a dc:relation ?r }", "r") == ["Жамбыл Жабаев. Шығармалар жинағы@kk"])
    }

    @Test func rusmarcSetFromTheEmbeddedTitle() throws {
        let d = try Ingested(.rusmarc, ["marc/rusmarc.xml"], institution: "nlrk", dataset: "rusmarc")
        // 461 embeds the set's 200 (its title) and a 700 (its author): the set is named by the 200 $a alone.
        #expect(try d.column("""
            SELECT ?set WHERE { ?o dc:title ?t ; crm:P106i_forms_part_of/rdfs:label ?set FILTER(STRSTARTS(STR(?t), "Война и мир")) }
            """, "set") == ["Собрание сочинений@ru"])
    }

    @Test func alternateScriptFieldsGiveBothForms() throws {
        let d = try Ingested(.marcxml, ["marc/russian-utf8.xml"], institution: "nlrk", dataset: "books")
        // The 245/880 pair: romanised and Cyrillic titles, told apart by their tags.
        #expect(try d.column("""
            SELECT ?t WHERE { ?o dc:title "Преступление и наказание : роман"@ru ; dc:title ?t }
            """, "t") == ["Prestuplenie i nakazanie : roman@ru-latn", "Преступление и наказание : роман@ru"])
        #expect(try d.ask("""
            ASK { ?a skos:exactMatch <http://www.wikidata.org/entity/Q991> ; skos:prefLabel "Достоевский, Федор Михайлович"@ru ;
                  skos:prefLabel "Dostoevskiĭ, Fedor Mikhaĭlovich"@ru-latn }
            """))
    }

    @Test func isoEncodingsAndACorruptRecord() throws {
        let d = try Ingested(.marc21, ["marc/utf8.mrc", "marc/cp1251.mrc", "marc/marc8.mrc", "marc/bad.mrc"],
                             institution: "nlrk", dataset: "iso")
        #expect(d.result.summary.skipped == 1)
        let bad = d.reports.first { $0.status == .skipped }
        #expect(bad?.location?.hasSuffix("bad.mrc#2") == true)
        #expect(bad?.problems.first?.message.contains("at byte 228") == true)
        // Windows-1251 (leader 9 blank) decoded to the same Cyrillic as UTF-8.
        #expect(try d.ask("ASK { ?o dc:title \"Вишнёвый сад : комедия в четырёх действиях\"@ru }"))
        #expect(try d.ask("ASK { ?o dc:title \"Кобзар\"@uk ; dc:creator/rdfs:label \"Шевченко, Тарас Григорович\" }"))
        // MARC-8: combining diacritics before their letters, recomposed.
        #expect(try d.column("SELECT ?n WHERE { ?o dc:title ?t FILTER(STRSTARTS(?t, \"Symfonie\")) . ?o dc:creator/rdfs:label ?n }", "n")
                == ["Dvořák, Antonín"])
        #expect(try d.ask("ASK { ?a rdfs:label \"Müller, Wilhelm\" }"))
    }

    @Test func rusmarcRolesFromCodes() throws {
        for file in ["marc/rusmarc.xml", "marc/rusmarc.mrc"] {
            let d = try Ingested(.rusmarc, [file], institution: "nlrk", dataset: "rusmarc")
            #expect(d.result.summary.stored == 3)
            let rows = try d.select("""
                SELECT ?name ?role WHERE {
                  ?c crm:P94_has_created/dc:title "Война и мир : роман в четырех томах"@ru .
                  ?pc crm:P01_has_domain ?c ; crm:P02_has_range/rdfs:label ?name ; crm:P14.1_in_the_role_of/skos:prefLabel ?role .
                } ORDER BY ?name
                """)
            #expect(rows.map { "\($0["name"]!) (\($0["role"]!))" } == [
                "Скатов, Николай Николаевич (author of introduction@en)",
                "Толстой, Лев Николаевич (author@en)",
                "Храпченко, Михаил Борисович (editor@en)",
            ], "\(file)")
            #expect(try d.ask("""
                ASK { ?e crm:P16_used_specific_object/dc:title "Золотой телёнок : роман"@ru ;
                      crm:P7_took_place_at/rdfs:label "Москва" ; crm:P14_carried_out_by/rdfs:label "АСТ" }
                """))
        }
    }

    @Test func reingestingTheSameFilesChangesNothing() throws {
        let first = try Ingested(.marcxml, ["marc/russian-utf8.xml", "marc/kazakh-uzbek.xml"], institution: "nlrk", dataset: "books")
        let n = first.store.snapshot.count
        let again = try Ingested(.marcxml, ["marc/russian-utf8.xml", "marc/kazakh-uzbek.xml"], institution: "nlrk",
                                 dataset: "books", store: first.store)
        #expect(again.store.snapshot.count == n)
        #expect(again.result.replace?.added == 0 && again.result.replace?.removed == 0)
        // A dataset that shrinks loses what is gone: ingest one file of the two.
        let smaller = try Ingested(.marcxml, ["marc/russian-utf8.xml"], institution: "nlrk", dataset: "books", store: first.store)
        #expect(smaller.store.snapshot.count < n)
        #expect(try !smaller.ask("ASK { ?o dc:title ?t FILTER(STRSTARTS(?t, \"Қара сөздер\")) }"))
    }
}

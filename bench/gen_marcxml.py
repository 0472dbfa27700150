#!/usr/bin/env python3
"""Write N synthetic MARCXML bibliographic records (deterministic) for the
crosswalk benchmark: Cyrillic and Latin names with life dates and roles,
titles, publication, extent, language, subjects, places, links.

Usage: gen_marcxml.py N OUTPUT
"""
import random
import sys
from xml.sax.saxutils import escape

SURNAMES = ["Толстой", "Пушкин", "Абай Құнанбайұлы", "Navoiy", "Достоевский", "Ауэзов", "Қадыри", "Чехов",
            "Jambyl", "Сейфуллин", "Ломоносов", "Fitrat", "Cholpon", "Байтұрсынұлы", "Гоголь", "Muller"]
FORENAMES = ["Лев Николаевич", "Александр Сергеевич", "Alisher", "Мұхтар", "Абдулла", "Антон Павлович",
             "Сәкен", "Михаил Васильевич", "Abdurauf", "Ахмет", "Николай Васильевич", "Johann"]
WORDS = ["история", "мир", "степь", "тарих", "kitob", "жизнь", "поэзия", "ғылым", "dostonlar", "письма",
         "собрание", "сочинений", "летопись", "шежіре", "qo'shiqlar", "Bukhara", "Самарканд"]
PLACES = ["Москва", "Санкт-Петербург", "Алматы", "Ташкент", "Казань", "Toshkent", "Samarqand", "Астана"]
PUBLISHERS = ["Наука", "Жазушы", "G'afur G'ulom", "Художественная литература", "Мектеп", "Фан"]
SUBJECTS = ["Литература -- История", "Поэзия", "Тарих", "Этнография", "Folklore", "Философия"]
ROLES = [("aut", "автор"), ("edt", "редактор"), ("trl", "переводчик"), ("ill", "иллюстратор"), ("com", "составитель")]
LANGS = ["rus", "kaz", "uzb", "eng", "rus", "rus"]


def sf(code, value):
    return '<subfield code="%s">%s</subfield>' % (code, escape(value))


def df(tag, ind1, ind2, *subs):
    return '<datafield tag="%s" ind1="%s" ind2="%s">%s</datafield>' % (tag, ind1, ind2, "".join(subs))


def fixed008(year, lang):
    """The 40-character 008: date entered, type s, date 1 at 07-10, place, language at 35-37."""
    v = "240101" + "s" + "%04d" % year + "    " + "ru " + " " * 17 + lang + " " + "d"
    assert len(v) == 40
    return v


def record(i, rnd):
    born = rnd.randint(1500, 1960)
    died = born + rnd.randint(25, 90)
    name = "%s, %s" % (rnd.choice(SURNAMES), rnd.choice(FORENAMES))
    year = rnd.randint(1700, 2024)
    lang = rnd.choice(LANGS)
    title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 6))).capitalize()
    fields = [
        '<leader>00000nam a2200000 i 4500</leader>',
        '<controlfield tag="001">bench%07d</controlfield>' % i,
        '<controlfield tag="008">%s</controlfield>' % fixed008(year, lang),
        df("020", " ", " ", sf("a", "978-5-%05d-%03d-%d" % (i % 99999, i % 997, i % 10))),
        df("041", "0", " ", sf("a", lang)),
        df("100", "1", " ", sf("a", name + ","), sf("d", "%d-%d" % (born, died)), sf("e", "автор"),
           sf("0", "http://viaf.org/viaf/%d" % (1000 + i % 50000))),
        df("245", "1", "0", sf("a", title + " :"), sf("b", rnd.choice(WORDS) + " /"), sf("c", name)),
        df("260", " ", " ", sf("a", rnd.choice(PLACES) + " :"), sf("b", rnd.choice(PUBLISHERS) + ","), sf("c", "%d." % year)),
        df("300", " ", " ", sf("a", "%d с. :" % rnd.randint(20, 900)), sf("c", "21 см")),
        df("650", " ", "7", sf("a", rnd.choice(SUBJECTS))),
        df("651", " ", "7", sf("a", rnd.choice(PLACES))),
        df("856", "4", "0", sf("u", "https://library.example/records/%d" % i)),
    ]
    if rnd.random() < 0.5:
        code, label = rnd.choice(ROLES)
        fields.append(df("700", "1", " ", sf("a", "%s, %s," % (rnd.choice(SURNAMES), rnd.choice(FORENAMES))),
                         sf("d", "%d-" % rnd.randint(1800, 1990)), sf("e", label), sf("4", code)))
    return "<record>" + "".join(fields) + "</record>\n"


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(42)
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n')
        for i in range(n):
            f.write(record(i, rnd))
        f.write("</collection>\n")


if __name__ == "__main__":
    main()

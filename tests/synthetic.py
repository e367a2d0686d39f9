#!/usr/bin/env python3
"""Random reference records, rendered by make_docs.py's own APA 7, Harvard
and Chicago renderers and by this file's Springer renderer (the
author-date house style of many life- and earth-science journals: bare
initials, "(eds)", "J Ecol 12(3):1–9", "Publisher, Place") and Elsevier
Harvard renderer (no "and", "2010." after the names, "12 (3), 1–9",
"[dataset]"), one citation each, clean, with make_docs.py's
simulated PDF damage, and with that damage plus links cut by line ends or
spaces and page furniture between entries; citemap's analysis of each document is scored with
score.py. Prints JSON {style[.noisy]: {metric: value}}.

usage: [SYNTH_SEEDS=LO-HI] [SYNTH_CLEAN=1] [SYNTH_STYLES="apa7 springer"] synthetic.py CITEMAP_BIN SHARED_DIR WORK_DIR

The records mix what JATS reference lists hold: journals with and without
volume, issue or pages, article numbers, preprints, chapters with editors,
books with editions, reports, organisations as authors, particles, no
date, DOIs and URLs. Used by tests/renderings.rs.
"""
import json, os, random, re, sys

import gen_common

bin_, shared, work = sys.argv[1:4]
m = gen_common.make_docs(shared, os.path.join(work, "synthetic-dev"))

FAMILY = ["Smith", "García", "Müller", "O'Brien", "Nguyen", "Kowalski", "Da Silva", "Lee",
          "Andersson", "Rossi", "Chen", "Dubois", "Okafor", "Fernández-López", "MacDonald",
          "Ivanova", "Santos", "Park", "Yamamoto", "Brown", "Wilson", "Costa", "Pereira"]
PARTICLE = [("van der", "Berg"), ("de", "Souza"), ("van", "Dijk"), ("da", "Silva")]
GIVEN = ["John", "Maria A.", "J. R.", "Ana Paula", "K.", "Hans-Peter", "Li", "Ngozi", "Sarah J."]
ORGS = ["World Health Organization", "OECD", "Intergovernmental Panel on Climate Change (IPCC)", "Instituto Brasileiro de Geografia e Estatística",
        "National Research Council", "R Core Team", "United Nations Development Programme"]
WORDS = ("effects of climate on growth in coastal systems policy analysis reform public health "
         "evidence from a field experiment the role of institutions and markets review methods "
         "gender tax equity Brazilian forests modelling uncertainty data").split()
JOURNALS = ["Journal of Ecology", "PLOS ONE", "Revista de Administração Pública", "Nature",
            "The Lancet", "American Economic Review", "Ciência da Informação",
            "Journal of Applied Ecology: Evidence and Practice", "BMC Public Health",
            # Abbreviated as ISO 4 does, periods and all.
            "J. Appl. Ecol.", "Proc. Natl. Acad. Sci. USA", "Phys. Rev. Lett.",
            "Rev. Bras. Ciênc. Soc.", "Ann. Bot."]
TITLE_PIECES = ["U.S.", "vs.", "COVID-19", "(1990\u20132010)", "in the EU", "Homo sapiens",
                "e.g.", "St. Louis", "the 1918 flood", "H2O", "3D", "p53"]
INSTITUTIONS = ["World Bank", "National Bureau of Economic Research", "University of Oxford",
                "Universidade de São Paulo", "Statistics Canada"]
PUBLISHERS = ["Oxford University Press", "Springer", "Sage", "Editora Fiocruz", "MIT Press",
              "Routledge", "Cambridge University Press", "Academic Press"]


def make_records(rng, n):
    def title():
        t = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
        t = t[0].upper() + t[1:]
        # What real titles hold: abbreviations with periods, acronyms with
        # digits, a species name, years in parentheses, a question.
        if rng.random() < 0.25:
            words = t.split(" ")
            at = rng.randint(1, len(words))
            words.insert(at, rng.choice(TITLE_PIECES))
            t = " ".join(words)
        if rng.random() < 0.15:
            t += ": " + " ".join(rng.choice(WORDS) for _ in range(3))
        if rng.random() < 0.08:
            t += "?"
        return t

    def person():
        if rng.random() < 0.1:
            prefix, fam = rng.choice(PARTICLE)
            return {"family": prefix + " " + fam, "given": rng.choice(GIVEN)}
        return {"family": rng.choice(FAMILY), "given": rng.choice(GIVEN)}

    def authors():
        if rng.random() < 0.1:
            return [{"family": rng.choice(ORGS), "given": "", "collab": True}]
        # Consortium papers list dozens; APA 7 shows 19, ". . .", the last.
        return [person() for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 5, 7, 12, 25]))]

    recs, seen = [], set()
    for i in range(n):
        kind = rng.choice(["article"] * 6 + ["book"] * 2 + ["chapter"] * 2 + ["preprint"]
                          + ["report", "thesis", "web", "software", "dataset"])
        r = {"id": "r%d" % i, "type": kind, "authors": authors(),
             "year": str(rng.randint(1950, 2024)) if rng.random() > 0.05 else None,
             "title": title(), "container": None, "volume": None, "issue": None,
             "pages": None, "publisher": None, "doi": None}
        if kind == "article":
            r["container"] = rng.choice(JOURNALS)
            if rng.random() < 0.9:
                r["volume"] = str(rng.randint(1, 120))
            if rng.random() < 0.5:
                r["issue"] = str(rng.randint(1, 12))
        elif kind == "preprint":
            r["container"] = rng.choice(["bioRxiv", "SSRN", "medRxiv"])
        if kind in ("article", "preprint") and rng.random() < 0.85:
            a = rng.randint(1, 900)
            r["pages"] = ("%d\u2013%d" % (a, a + rng.randint(2, 30)) if rng.random() < 0.8
                          else "e%d" % rng.randint(1000, 99999))
        if kind == "chapter":
            r["container"] = title()
            r["editors"] = [person() for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.8:
                a = rng.randint(1, 400)
                r["pages"] = "%d\u2013%d" % (a, a + 20)
        if kind in ("chapter", "book"):
            r["publisher"] = rng.choice(PUBLISHERS)
        if kind in ("report", "thesis"):
            r["publisher"] = rng.choice(INSTITUTIONS)
        if kind in ("software", "dataset"):
            # JATS names the repository as the source.
            r["container"] = rng.choice(["Zenodo", "GitHub", "figshare", "Dryad"])
        if kind == "web":
            r["url"] = "https://www.example.org/pages/%d" % rng.randint(1, 999)
        if kind == "book" and rng.random() < 0.2:
            r["edition"] = rng.choice(["2nd", "3rd", "5th"])
        if kind == "web":
            pass
        elif rng.random() < 0.4:
            r["doi"] = "10.%d/j.x.%d" % (rng.randint(1000, 9999), rng.randint(1, 99999))
        elif rng.random() < 0.3:
            r["url"] = "https://www.example.org/docs/%d" % rng.randint(1, 999)
        # One work per first author, year and "et al." reading, so that
        # each citation has one answer.
        key = (r["authors"][0]["family"], r["year"], len(r["authors"]) > 2)
        if key not in seen:
            seen.add(key)
            recs.append(r)
    return recs


# Springer's basic author-date style (and many life-science journals'):
# names as "Family GI" with no "and", the year in parentheses, journals
# abbreviated without periods, "volume(issue):pages", "Publisher, Place",
# chapters "In: Editor A (ed) Book. Publisher, Place, pp 1-20".
SPRINGER_JOURNAL = {
    "Journal of Ecology": "J Ecol", "The Lancet": "Lancet",
    "Revista de Administração Pública": "Rev Adm Pública",
    "American Economic Review": "Am Econ Rev", "Ciência da Informação": "Ciênc Inf",
    "Journal of Applied Ecology: Evidence and Practice": "J Appl Ecol Evid Pract",
    "J. Appl. Ecol.": "J Appl Ecol", "Proc. Natl. Acad. Sci. USA": "Proc Natl Acad Sci USA",
    "Phys. Rev. Lett.": "Phys Rev Lett", "Rev. Bras. Ciênc. Soc.": "Rev Bras Ciênc Soc",
    "Ann. Bot.": "Ann Bot"}
PLACE = {"Oxford University Press": "Oxford", "Springer": "Cham", "Sage": "Thousand Oaks",
         "Editora Fiocruz": "Rio de Janeiro", "MIT Press": "Cambridge",
         "Routledge": "London", "Cambridge University Press": "Cambridge",
         "Academic Press": "San Diego", "World Bank": "Washington",
         "National Bureau of Economic Research": "Cambridge", "University of Oxford": "Oxford",
         "Universidade de São Paulo": "São Paulo", "Statistics Canada": "Ottawa"}


def journal_part(r, journals, issue, pages):
    """An article's journal as the house style abbreviates it (`journals`),
    and " Journal 12(3):1–9." with the issue and the pages' separator as
    the style prints them. Without a volume the issue is not printed, and
    an article number or pages follow the journal after a comma."""
    cont = journals.get(r["container"], r["container"])
    t = " " + cont
    if r["volume"]:
        t += " " + r["volume"] + (issue % r["issue"] if r["issue"] else "")
        t += (pages + r["pages"]) if r["pages"] else ""
    else:
        r["issue"] = None
        t += (", " + r["pages"]) if r["pages"] else ""
    return cont, t + "."


def springer_person(p):
    if p.get("collab"):
        return p["family"]
    initials = "".join(w[0] for w in re.split(r"[\s.-]+", p["given"]) if w)
    return p["family"] + " " + initials


def render_springer(r):
    """One entry in Springer's basic style, and the container as printed."""
    shown = r["authors"] if len(r["authors"]) <= 10 else r["authors"][:3]
    names = ", ".join(springer_person(p) for p in shown)
    if len(shown) < len(r["authors"]):
        names += " et al."
    head = "%s (%s) %s" % (names, r["year"] or "n.d.", r["title"])
    head += "" if head.endswith(("?", ".")) else "."
    kind, cont = r["type"], r["container"]
    if kind == "article":
        cont, part = journal_part(r, SPRINGER_JOURNAL, "(%s)", ":")
        t = head + part
    elif kind == "preprint":
        t = head + " " + cont + "." + (" " + r["pages"] + "." if r["pages"] else "")
    elif kind == "chapter":
        eds = ", ".join(springer_person(p) for p in r["editors"])
        t = "%s In: %s (%s) %s%s %s, %s" % (head, eds, "eds" if len(r["editors"]) > 1 else "ed",
                                           cont, "" if cont.endswith("?") else ".",
                                           r["publisher"], PLACE[r["publisher"]])
        t += (", pp " + r["pages"] if r["pages"] else "") + "."
    elif kind == "book":
        t = head
        if r.get("edition"):
            t = t[:-1] + ", %s edn." % r["edition"] if t.endswith(".") else t + " %s edn." % r["edition"]
        t += " %s, %s." % (r["publisher"], PLACE[r["publisher"]])
    elif kind == "report":
        t = "%s %s, %s." % (head, r["publisher"], PLACE[r["publisher"]])
    elif kind == "thesis":
        t = "%s PhD thesis, %s." % (head, r["publisher"])
    elif kind in ("software", "dataset"):
        t = "%s %s." % (head, cont)
    else:
        t = head
    if r.get("doi"):
        t += " https://doi.org/" + r["doi"]
    elif r.get("url"):
        t += " " + r["url"]
    return t, cont


# Elsevier's Harvard style (the author-date style of most Elsevier
# journals): "Family, G.I., Family, G.I., 2010." with no "and", the year
# after a comma, ISO 4 abbreviations with periods, "12 (3), 45–67", "in:
# Editor, G. (Ed.), Book. Publisher, Place, pp. 1–20", "2nd ed.", a
# "[dataset]" label before a data entry and "(accessed …)" after a link.
ELSEVIER_JOURNAL = {
    "Journal of Ecology": "J. Ecol.", "The Lancet": "Lancet",
    "Revista de Administração Pública": "Rev. Adm. Pública",
    "American Economic Review": "Am. Econ. Rev.", "Ciência da Informação": "Ciênc. Inf.",
    "Journal of Applied Ecology: Evidence and Practice": "J. Appl. Ecol. Evid. Pract.",
    "BMC Public Health": "BMC Public Health"}


def elsevier_person(p):
    if p.get("collab"):
        return p["family"]
    parts = []
    for w in p["given"].split():
        parts.append("-".join(h[0] + "." for h in w.split("-") if h))
    return p["family"] + ", " + "".join(parts)


def elsevier_names(people):
    shown = people if len(people) <= 7 else people[:6]
    names = ", ".join(elsevier_person(p) for p in shown)
    return names + (", et al." if len(shown) < len(people) else ""), shown


def render_elsevier(r, rng):
    """One entry in Elsevier's Harvard style, the container as printed,
    and the authors the entry shows."""
    names, shown = elsevier_names(r["authors"])
    head = "%s, %s %s" % (names, r["year"] + "." if r["year"] else "n.d.", r["title"])
    end = "" if head.endswith(("?", ".")) else "."
    kind, cont = r["type"], r["container"]
    if kind == "article":
        cont, part = journal_part(r, ELSEVIER_JOURNAL, " (%s)", ", ")
        t = head + end + part
    elif kind == "preprint":
        t = head + end + " " + cont + ((", " + r["pages"]) if r["pages"] else "") + "."
    elif kind == "chapter":
        eds, _ = elsevier_names(r["editors"])
        t = "%s, in: %s (%s), %s%s %s, %s" % (head, eds,
                                              "Eds." if len(r["editors"]) > 1 else "Ed.",
                                              cont, "" if cont.endswith("?") else ".",
                                              r["publisher"], PLACE[r["publisher"]])
        t += (", pp. " + r["pages"] if r["pages"] else "") + "."
    elif kind == "book":
        t = head
        if r.get("edition"):
            t += ", %s ed." % r["edition"]
        else:
            t += end
        t += " %s, %s." % (r["publisher"], PLACE[r["publisher"]])
    elif kind == "report":
        t = "%s%s %s, %s." % (head, end, r["publisher"], PLACE[r["publisher"]])
    elif kind == "thesis":
        t = "%s%s Ph.D. Thesis. %s." % (head, end, r["publisher"])
    elif kind in ("software", "dataset"):
        t = "%s%s %s." % (head, end, cont)
        if kind == "dataset":
            t = "[dataset] " + t
    else:
        t = head + end
    if r.get("doi"):
        t += " https://doi.org/" + r["doi"] + "."
    elif r.get("url"):
        t += " %s (accessed %d %s %d)." % (r["url"], rng.randint(1, 28),
                                            rng.choice(["March", "June", "October"]),
                                            rng.randint(2015, 2024))
    return t, cont, shown


def citation(r, style):
    a = [n["family"] for n in r["authors"]]
    if len(a) == 1:
        names = a[0]
    elif len(a) == 2:
        names = a[0] + (" & " if style == "apa7" else " and ") + a[1]
    else:
        names = a[0] + " et al."
    return names + (" " if style in ("chicago", "springer") else ", ") + (r["year"] or "n.d.")


def document(recs, style, rng):
    text = "A synthetic study\n\nIntroduction\n\n"
    cites = []
    for k, r in enumerate(recs):
        c = citation(r, style)
        sent = "Claim %d on %s is supported (%s)." % (k + 1, rng.choice(WORDS), c)
        cites.append({"text": c, "ref_ids": [r["id"]], "section": "Introduction",
                      "top_section": "Introduction", "sentence": sent,
                      "offset": len(text) + sent.index(c), "source": "xref"})
        text += sent + "\n\n"
    text += "References\n\n"
    refs = []
    for r in recs:
        # An article number alone prints as "Article e1234" in APA.
        eloc = (r["pages"] or "").startswith("e")
        if style == "springer":
            r["text"], r["container"] = render_springer(r)
        elif style == "elsevier":
            r["text"], r["container"], r["_shown"] = render_elsevier(r, rng)
        else:
            r["text"] = m.render_ref(dict(r, _eloc_only=eloc), style)
    for r in sorted(recs, key=lambda r: r["text"].removeprefix("[dataset] ")):
        # The gold names what the entry prints: APA 7 shows 19 names, ". .
        # .", and the last; Chicago the first 7 of more than 10.
        shown = r["authors"]
        if style == "apa7" and len(shown) > 20:
            shown = shown[:19] + shown[-1:]
        elif style == "chicago" and len(shown) > 10:
            shown = shown[:7]
        elif style == "springer" and len(shown) > 10:
            shown = shown[:3]
        elif style == "elsevier":
            shown = r.pop("_shown")
        refs.append(dict(r, offset=len(text), authors=shown))
        text += r["text"] + "\n"
    return text, {"document": "synthetic", "title": "A synthetic study",
                  "references": refs, "citations": cites}


LINK = re.compile(r"(?:https?://|10\.\d{4,9}/)\S+")


def cut_links_and_add_furniture(text, gold, rng):
    """More of what PDF extraction does to a reference list: a long link
    broken after a slash or period, by a line end or a space, and a page
    number or running head between two entries with no blank line around
    it. Only the list changes, so the citations' offsets hold."""
    at = text.rfind("\nReferences\n")
    head, refs = text[:at], text[at:]
    out, last = [], 0
    for mt in LINK.finditer(refs):
        cuts = [k for k in range(8, len(mt.group(0)) - 2) if mt.group(0)[k] in "/."]
        if cuts and rng.random() < 0.6:
            k = mt.start() + rng.choice(cuts) + 1
            out.append(refs[last:k] + ("\n" if rng.random() < 0.7 else " "))
            last = k
    out.append(refs[last:])
    refs = "".join(out)
    for r in gold["references"]:
        k = refs.find("\n" + r["text"][:25])
        if k > 0 and rng.random() < 0.15:
            mark = rng.choice(["JOURNAL OF SYNTHETIC STUDIES", str(rng.randint(2, 300))])
            refs = refs[:k + 1] + mark + "\n" + refs[k + 1:]
    return head + refs, gold


def score(base, text, gold):
    with open(base + ".txt", "w", encoding="utf-8") as fh:
        fh.write(text)
    return gen_common.analyze_and_score(bin_, shared, base, base + ".txt", gold=gold)


scores = {}
# SYNTH_SEEDS=4-13 draws other documents than the test's, for measuring on
# documents no rule was written against; SYNTH_CLEAN=1 renders only the
# clean variant (one entry a line, as tests/check_seeded.rs plants in).
lo, _, hi = os.environ.get("SYNTH_SEEDS", "1-3").partition("-")
seeds = range(int(lo), int(hi or lo) + 1)
variants = [""] if os.environ.get("SYNTH_CLEAN") else ["", ".noisy", ".cut"]
for style in os.environ.get("SYNTH_STYLES", "apa7 harvard chicago springer elsevier").split():
    for variant in variants:
        totals = {}
        for seed in seeds:
            rng = random.Random(seed)
            text, gold = document(make_records(rng, 120), style, rng)
            if variant:
                # Hard-wrapped lines, hyphenation and page breaks with a
                # running header, as make_docs.py damages its documents.
                text, gold = m.make_noisy(text, gold, "Journal of Synthetic Studies 12(3)")
            if variant == ".cut":
                text, gold = cut_links_and_add_furniture(text, gold, rng)
            base = os.path.join(work, "synthetic-%s%s-%d" % (style, variant, seed))
            for k, v in score(base, text, gold).items():
                if isinstance(v, (int, float)) and k != "refs.type_acc":
                    totals[k] = totals.get(k, 0.0) + v / len(seeds)
        scores[style + variant] = totals
json.dump(scores, sys.stdout, indent=1, sort_keys=True)

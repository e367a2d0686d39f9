#!/usr/bin/env python3
"""Random document outlines, for the dimension inference: nobody tunes to
these, because they are drawn anew from the seed.

Each document has two or three heading levels and heading conventions drawn
at random: numbered or not, capitals, title or sentence case, questions,
colons, long headings, parents without text of their own, very short
sections, research articles (conventional section names among others) and
essays (only their own names). Every paragraph cites a work, so every
section is scored. The gold dimension of a citation is its top-level
heading. Rendered as plain text, clean and with make_docs.py's simulated
PDF damage, as Markdown, and (when pandoc is at hand) from that Markdown
through pandoc as .docx, .odt, HTML and LaTeX, which citemap reads back;
each analysis is scored with score.py, structured files against the text
`citemap extract` gives.
Prints JSON {variant: {metric: mean}}.

usage: structure.py CITEMAP_BIN SHARED_DIR WORK_DIR [N_DOCS]

Used by tests/renderings.rs, against tests/structure_baseline.json.
"""
import json, os, random, shutil, subprocess, sys

import gen_common

bin_, shared, work = sys.argv[1:4]
n_docs = int(sys.argv[4]) if len(sys.argv) > 4 else 24
m = gen_common.make_docs(shared, os.path.join(work, "structure-dev"))

TOPIC = ("soil water nitrogen growth forest coastal urban policy market health school "
         "labour migration climate river species habitat income tax trade energy "
         "transport housing network signal protein cell model sample survey").split()
VERB = ("drives shapes limits explains predicts changes affects").split()
CONVENTIONAL = {
    "intro": ["Introduction", "Background"],
    "methods": ["Methods", "Materials and methods", "Methodology", "Data and methods"],
    "results": ["Results", "Findings"],
    "discussion": ["Discussion", "Results and discussion"],
    "conclusion": ["Conclusion", "Conclusions", "Concluding remarks"],
}
SURNAMES = ["Abbot", "Brandt", "Castillo", "Dimitrov", "Eze", "Fischer", "Gupta", "Holm",
            "Ibarra", "Jansen", "Kato", "Lindqvist", "Moreau", "Novak", "Ortiz", "Petrov",
            "Quaresma", "Rahman", "Sato", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz",
            "Zhou", "Almeida", "Bauer", "Cruz", "Dahl", "Engel", "Ferri", "Gallo", "Horvat"]


def phrase(rng, lo=2, hi=5):
    return " ".join(rng.choice(TOPIC) for _ in range(rng.randint(lo, hi)))


def topical(rng, long_ok):
    """A heading of the document's own: a phrase, a question, a colon."""
    r = rng.random()
    if r < 0.15:
        return "What %s %s %s?" % (rng.choice(VERB), phrase(rng, 1, 2), phrase(rng, 1, 2))
    if r < 0.3:
        return "%s: %s" % (phrase(rng, 1, 2).capitalize(), phrase(rng, 2, 3))
    if long_ok and r < 0.4:
        return phrase(rng, 9, 14).capitalize()
    return phrase(rng).capitalize()


def cased(text, case):
    if case == "upper":
        return text.upper()
    if case == "title":
        small = {"and", "of", "the", "in", "on", "a", "for"}
        return " ".join(w if (k and w in small) else w[:1].upper() + w[1:]
                        for k, w in enumerate(text.split()))
    return text


def outline(rng):
    """[(level, text, has_body)], the top-level texts, and conventions."""
    research = rng.random() < 0.6
    depth = rng.choice([2, 2, 3])
    tops = []
    if research:
        tops.append(rng.choice(CONVENTIONAL["intro"]))
        if rng.random() < 0.4:
            tops.append(topical(rng, False))       # a section of its own name
        tops.append(rng.choice(CONVENTIONAL["methods"]))
        tops.append(rng.choice(CONVENTIONAL["results"]))
        if rng.random() < 0.3:
            tops.append(topical(rng, False))
        if "discussion" not in tops[-1].lower():
            tops.append(rng.choice(CONVENTIONAL["discussion"]))
        if rng.random() < 0.6:
            tops.append(rng.choice(CONVENTIONAL["conclusion"]))
    else:
        tops.append(rng.choice(["Introduction", "Main text", topical(rng, False)]))
        for _ in range(rng.randint(2, 5)):
            tops.append(topical(rng, True))
        if rng.random() < 0.7:
            tops.append(rng.choice(CONVENTIONAL["conclusion"]))
    conv = {
        "numbered": rng.random() < 0.35,
        "top_case": rng.choice(["upper", "title", "sentence", "sentence"]),
        "sub_case": rng.choice(["title", "sentence", "sentence"]),
        "bodyless": rng.random() < 0.4,   # parents start with a sub-heading
    }
    items = []
    for t, top in enumerate(tops):
        subs = rng.choice([0, 0, 2, 3, 4]) if t else rng.choice([0, 0, 2])
        items.append((1, top, not (subs and conv["bodyless"]), (t + 1,)))
        for s in range(subs):
            items.append((2, topical(rng, False), True, (t + 1, s + 1)))
            if depth == 3 and rng.random() < 0.3:
                for u in range(rng.randint(2, 3)):
                    items.append((3, phrase(rng).capitalize(), True, (t + 1, s + 1, u + 1)))
    return items, conv


def heading_text(level, text, number, conv):
    text = cased(text, conv["top_case"] if level == 1 else conv["sub_case"])
    if conv["numbered"]:
        label = ".".join(str(n) for n in number) + ("." if level == 1 else "")
        text = label + " " + text
    return text


def document(rng, refs_per_doc=40):
    items, conv = outline(rng)
    used = rng.sample(SURNAMES, min(refs_per_doc, len(SURNAMES)))
    refs = []
    for k, fam in enumerate(used):
        year = str(rng.randint(1960, 2023))
        refs.append({"id": "r%d" % k, "type": "article",
                     "authors": [{"family": fam, "given": rng.choice("ABCDEFGH") + "."}],
                     "year": year, "title": phrase(rng, 3, 7).capitalize(),
                     "container": "Journal of " + phrase(rng, 1, 2).title(),
                     "volume": str(rng.randint(1, 90)), "issue": None,
                     "pages": "%d\u2013%d" % (k + 1, k + 9), "publisher": None, "doi": None})
    text = "A study of %s\n\n" % phrase(rng)
    cites = []
    top = None
    for level, raw, has_body, number in items:
        h = heading_text(level, raw, number, conv)
        if level == 1:
            top = h
        text += h + "\n\n"
        if not has_body:
            continue
        for _ in range(rng.choice([1, 1, 2, 3])):
            r = rng.choice(refs)
            c = "%s, %s" % (r["authors"][0]["family"], r["year"])
            sent = "The %s of %s is %s (%s)." % (phrase(rng, 1, 2), phrase(rng, 1, 3),
                                                 rng.choice(["large", "small", "uneven"]), c)
            body = "%s %s." % (phrase(rng, 6, 12).capitalize(), phrase(rng, 4, 9))
            para = body + " " + sent
            cites.append({"text": c, "ref_ids": [r["id"]], "top_section": top,
                          "sentence": sent, "offset": len(text) + para.index(c),
                          "source": "xref"})
            text += para + "\n\n"
    text += "References\n\n"
    for r in sorted(refs, key=lambda r: r["authors"][0]["family"]):
        r["text"] = m.render_ref(r, "apa7")
        r["offset"] = len(text)
        text += r["text"] + "\n"
    return text, {"document": "structure", "title": "", "references": refs,
                  "citations": cites}, items, conv


def score(base, text, gold, md=False):
    ext = ".md" if md else ".txt"
    with open(base + ext, "w", encoding="utf-8") as fh:
        fh.write(text)
    return gen_common.analyze_and_score(bin_, shared, base, base + ext, gold=gold)


def with_levels(text, gold, items, conv):
    """Markdown: each heading line gets its level's `#` marks; the gold
    offsets are found again in the new text."""
    heads = {heading_text(lv, raw, num, conv): lv for lv, raw, _, num in items}
    new = "\n".join("#" * heads[l] + " " + l if l in heads else l for l in text.split("\n"))
    g = json.loads(json.dumps(gold))
    at = 0
    for c in g["citations"]:
        k = new.find(c["sentence"], at)
        c["offset"] = k + c["sentence"].index(c["text"])
        at = k
    at = new.find("References")
    for r in g["references"]:
        r["offset"] = new.find(r["text"], at)
    return new, g


def relocate(text, gold):
    """Gold offsets found again in `text` (the text citemap extracted from
    a structured file): each citation by its sentence, in order."""
    g = json.loads(json.dumps(gold))
    at = 0
    for c in g["citations"]:
        k = text.find(c["sentence"], at)
        if k < 0:
            c["offset"] = 0
            continue
        c["offset"] = k + c["sentence"].index(c["text"])
        at = k
    at = max(text.rfind("References"), 0)
    for r in g["references"]:
        r["offset"] = max(text.find(r["text"], at), 0)
    return g


PANDOC = {"docx": "docx", "odt": "odt", "html": "html", "latex": "tex"}


def score_structured(base, md_text, gold, fmt):
    """The Markdown rendered by pandoc as `fmt`, read back by citemap."""
    src = base + ".src.md"
    with open(src, "w", encoding="utf-8") as fh:
        fh.write(md_text)
    out = base + "." + PANDOC[fmt]
    subprocess.run(["pandoc", "-f", "commonmark", "-s", "--metadata", "title=Generated",
                    src, "-o", out], check=True, capture_output=True)
    extracted = subprocess.run([bin_, "extract", out], capture_output=True, check=True)
    text = extracted.stdout.decode("utf-8")
    with open(base + ".extracted.md", "w", encoding="utf-8") as fh:
        fh.write(text)
    return gen_common.analyze_and_score(bin_, shared, base, out, scored=base + ".extracted.md",
                                        gold=relocate(text, gold))


variants = ["text", "text.noisy", "markdown"]
if shutil.which("pandoc"):
    variants += list(PANDOC)
scores = {}
for variant in variants:
    totals = {}
    for seed in range(1, n_docs + 1):
        rng = random.Random(seed)
        text, gold, items, conv = document(rng)
        base = os.path.join(work, "structure-%s-%d" % (variant, seed))
        if variant == "text.noisy":
            text, gold = m.make_noisy(text, gold, "Journal of Generated Studies 4(2)")
        if variant in ["markdown"] + list(PANDOC):
            text, gold = with_levels(text, gold, items, conv)
        if variant in PANDOC:
            got = score_structured(base, text, gold, variant)
        else:
            got = score(base, text, gold, md=variant == "markdown")
        for k in ["cites.dim_acc", "cites.detect_r", "cites.link_acc"]:
            totals[k] = totals.get(k, 0.0) + got.get(k, 0.0) / n_docs
    scores[variant] = totals
json.dump(scores, sys.stdout, indent=1, sort_keys=True)

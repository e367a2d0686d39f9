#!/usr/bin/env python3
"""Each development article as Markdown (its sections as `#` levels), and
that Markdown through pandoc as .docx, .odt, HTML and LaTeX. citemap reads
every rendering; each must give the Markdown's dimensions and the same
citations in each dimension. Prints JSON {doc: {format: share}}, where
share is the part of the Markdown's (dimension, citation) pairs that the
rendering gives too (1.0 when they agree), over the larger of the two.

usage: formats.py CITEMAP_BIN SHARED_DIR WORK_DIR

Used by tests/renderings.rs.
"""
import collections, json, os, subprocess, sys

import gen_common

bin_, shared, work = sys.argv[1:4]
m = gen_common.make_docs(shared, os.path.join(work, "formats-dev"))

plain_sections = m.collect_sections


def fix(items):
    out = []
    for kind, obj, info in items:
        if kind == "heading":
            out.append((kind, "#" * (info + 2) + " " + obj, info))
        else:
            out.append((kind, obj, info))
    return out


m.collect_sections = lambda body: fix(plain_sections(body))


def pairs(path):
    a = json.loads(subprocess.run([bin_, "analyze", path], capture_output=True,
                                  check=True).stdout)
    heads = {d["id"]: d.get("heading", d["id"]) for d in a.get("dimensions", [])}
    return collections.Counter(
        (heads.get(c.get("dimension"), None), " ".join(c["text"].split()))
        for c in a.get("citations", []))


out_dir = os.path.join(work, "formats")
os.makedirs(out_dir, exist_ok=True)
result = {}
for cfg in m.DOCS:
    full, _gold = m.build(cfg)
    full = full.replace("\n\nAbstract\n\n", "\n\n## Abstract\n\n", 1)
    # In Markdown, lines of one block are one paragraph: each reference
    # entry is a paragraph of its own, as in a word processor.
    k = full.rfind("\nReferences\n\n")
    if k >= 0:
        head, refs = full[:k], full[k:]
        full = head + "\n".join(l + "\n" if l.strip() else l for l in refs.split("\n"))
    base = os.path.join(out_dir, cfg["name"])
    with open(base + ".md", "w", encoding="utf-8") as fh:
        fh.write(full)
    want = pairs(base + ".md")
    got = {}
    for fmt, ext in [("docx", "docx"), ("odt", "odt"), ("html", "html"), ("latex", "tex")]:
        path = base + "." + ext
        subprocess.run(["pandoc", "-f", "commonmark", "-s", "--metadata", "title=" + cfg["name"],
                        base + ".md", "-o", path], check=True, capture_output=True)
        have = pairs(path)
        common = sum((want & have).values())
        got[fmt] = common / max(sum(want.values()), sum(have.values()), 1)
    result[cfg["name"]] = got
json.dump(result, sys.stdout, indent=1, sort_keys=True)

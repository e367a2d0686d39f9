#!/usr/bin/env python3
"""Writes the committed seed corpora under fuzz/corpus/<target>/seed-*.

Seeds start the fuzzer inside real documents instead of at random bytes:
a heading and its first paragraphs, a paragraph dense with citations, the
reference heading and the entries after it. Each seed is a small window
(at most MAX bytes, cut at paragraph or line ends) of the development
documents and the chapter, so the committed corpus stays small.

    python3 fuzz/seeds.py [SHARED_DIR]   # default ../shared
"""
import glob, os, re, sys

MAX = 3000
here = os.path.dirname(os.path.abspath(__file__))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared")
docs = sorted(glob.glob(os.path.join(shared, "dev", "*.txt"))) + [
    os.path.join(shared, "seed", "kassen2016-ch2.txt")
]
REFS = re.compile(r"^\s*(references|bibliography|works cited|literature cited|referências)\s*$", re.I | re.M)
CITE = re.compile(r"\([^()]*\d{4}[a-z]?\)")


def window(text, start, limit=MAX, unit="\n\n"):
    """Text from `start`, cut at the last `unit` before `limit` bytes."""
    chunk = text[start : start + limit]
    cut = chunk.rfind(unit)
    return chunk[: cut if cut > limit // 4 else len(chunk)]


def pieces(text):
    """The windows worth starting from: the opening, the paragraph with
    the most citations, the reference list's start, its middle."""
    out = {"open": window(text, 0)}
    heads = list(REFS.finditer(text))
    body = text[: heads[-1].start()] if heads else text
    paras = [(m.start(), m.group()) for m in re.finditer(r"(?s).+?(?:\n\n|$)", body)]
    if paras:
        at, _ = max(paras, key=lambda p: len(CITE.findall(p[1])))
        out["cites"] = window(text, at)
    if heads:
        m = heads[-1]
        out["refs"] = window(text, m.start(), unit="\n")
        mid = text.find("\n", m.end() + (len(text) - m.end()) // 2)
        if mid >= 0:
            out["refs-mid"] = window(text, mid + 1, unit="\n")
    return out


def write(target, name, data):
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"seed-{name}"), "wb") as fh:
        fh.write(data)


def markup(kind, body):
    """The structured formats' seeds: a first byte choosing the format (as
    the formats target reads it), then the text in that format's markup."""
    paras = [p for p in body.split("\n\n") if p.strip()]
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
    if kind == 2:
        inner = "".join(f"<h1>{esc(p)}</h1>" if len(p) < 60 else f"<p>{esc(p)}</p>" for p in paras)
        return b"\x02<html><body>" + inner.encode() + b"</body></html>"
    if kind == 3:
        inner = "\n\n".join(f"\\section{{{p}}}" if len(p) < 60 else p for p in paras)
        return b"\x03\\documentclass{article}\\begin{document}\n" + inner.encode() + b"\n\\end{document}\n"
    inner = "".join(f"<sec><title>{esc(p)}</title></sec>" if len(p) < 60 else f"<p>{esc(p)}</p>" for p in paras)
    return b"\x04<article><body>" + inner.encode() + b"</body></article>"


for path in docs:
    if not os.path.exists(path):
        continue
    stem = os.path.basename(path).rsplit(".", 1)[0].replace(".", "-")
    text = open(path, encoding="utf-8").read()
    for part, chunk in pieces(text).items():
        data = chunk.encode()
        write("analyze", f"{stem}-{part}", data)
        if part.startswith("refs"):
            write("refs", f"{stem}-{part}", data)
        if part in ("open", "cites"):
            # The structure-aware target reads these bytes as choices.
            write("document", f"{stem}-{part}", data)
            for kind in (2, 3, 4):
                write("formats", f"{stem}-{part}-{kind}", markup(kind, chunk))
# Libraries to merge into, hand-shaped: LF, CRLF, comments and strings.
write("merge", "small", b"@article{lee2001,\n  author = {Lee, A.},\n  title = {A title},\n  year = {2001},\n}\n")
write("merge", "crlf", b"@book{warf2013,\r\n  author = {Warf, B.},\r\n  title = {The divide},\r\n  year = {2013},\r\n}\r\n")
write("merge", "comment", b"% a comment\n@string{j = {Journal}}\n@misc{x, title = {T}, note = {a {nested} brace}}\n")

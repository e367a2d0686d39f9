#!/usr/bin/env python3
"""Writes a document whose reference list has N entries, for measuring
memory and time on very long lists (`/usr/bin/time -f %M citemap analyze
OUT --format json`).

    python3 benches/make_refs.py 1000000 /tmp/refs1m.txt

Half the entries are APA entries with a different surname each (a journal
article, a chapter, a book); the other half are the strings of GROBID's
held-out evaluation set (data/refs/, Apache-2.0) behind an APA name and
date, so the list is neither all regular nor all mixed. Deterministic.
"""
import json
import os
import random
import sys

APA = [
    "{a}, J. ({y}). A study of things number {i}. Journal of Studies, {v}(2), 1–20. https://doi.org/10.1000/x{i}",
    "{a}, M., & Other, P. ({y}). Another title about matters {i}. In E. Editor (Ed.), Book of chapters (pp. 3–9). Press.",
    "{a}, K. ({y}). The book of {i} things. City: Publisher.",
]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "data", "refs", "grobid-evaluation.jsonl")) as f:
        texts = [json.loads(l)["text"].replace("\n", " ") for l in f if l.strip()]
    texts = [t for t in texts if 60 < len(t) < 260]
    rng = random.Random(7)
    with open(out, "w") as f:
        f.write("Introduction\n\nText cites (Author0, 1990) and (Author1, 1991).\n\nReferences\n\n")
        for i in range(n):
            y = 1900 + i % 120
            if rng.random() < 0.5:
                f.write(rng.choice(APA).format(a=f"Author{i}", y=y, i=i, v=i % 80) + "\n")
            else:
                f.write(f"Author{i}, Z. ({y}). {rng.choice(texts)}\n")


if __name__ == "__main__":
    main()

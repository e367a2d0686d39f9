#!/usr/bin/env python3
"""Render every development article in every style, clean and with
simulated PDF damage (two settings), and once without section numbers;
score citemap on each, print JSON.

usage: renderings.py CITEMAP_BIN SHARED_DIR WORK_DIR

The development set ships a few of these renderings; its generator,
make_docs.py, can make them all. Used by tests/renderings.rs.
"""
import json, os, re, sys

import gen_common

bin_, shared, work = sys.argv[1:4]
m = gen_common.make_docs(shared, os.path.join(work, "dev"))

out = os.path.join(work, "renderings")
os.makedirs(out, exist_ok=True)
docs = []
for cfg in m.DOCS:
    header = cfg.get("header") or ("Journal of " + cfg["name"].split("_")[0].title() + " (2020) 12(3)")
    for st in ["apa7", "harvard", "chicago"]:
        full, gold = m.build(cfg, style=None if st == "apa7" else st)
        base = os.path.join(out, cfg["name"] + "." + st)
        m.write_pair(base, full, gold)
        docs.append(base)
        for tag, kw in [("noisy", {}), ("noisy2", dict(seed=7, width=75, page_chars=2500))]:
            noisy, ngold = m.make_noisy(full, gold, header, **kw)
            with open(f"{base}.{tag}.txt", "w", encoding="utf-8") as fh:
                fh.write(noisy)
            with open(f"{base}.{tag}.gold.json", "w", encoding="utf-8") as fh:
                json.dump(ngold, fh, ensure_ascii=False)
            docs.append(f"{base}.{tag}")

# Without section numbers ("2.1 Data" becomes "Data"): the top level must
# come from the names, typography and shape of the headings.
numbered_heading = m.heading_of
m.heading_of = lambda sec: re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.?)\s+", "", numbered_heading(sec))
for cfg in m.DOCS:
    full, gold = m.build(cfg)
    base = os.path.join(out, cfg["name"] + ".apa7.unnumbered")
    m.write_pair(base, full, gold)
    docs.append(base)
m.heading_of = numbered_heading

scores = {}
for base in docs:
    scores[os.path.basename(base)] = gen_common.analyze_and_score(bin_, shared, base, base + ".txt")
print(json.dumps(scores, indent=1, sort_keys=True))

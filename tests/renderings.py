#!/usr/bin/env python3
"""Render every development article in every style, clean and with
simulated PDF damage (two settings), and once without section numbers;
score citemap on each, print JSON.

usage: renderings.py CITEMAP_BIN SHARED_DIR WORK_DIR

The development set ships a few of these renderings; its generator,
make_docs.py, can make them all. Used by tests/renderings.rs.
"""
import json, os, re, shutil, subprocess, sys

bin_, shared, work = sys.argv[1:4]
dev = os.path.join(work, "dev")
shutil.rmtree(dev, ignore_errors=True)
shutil.copytree(os.path.join(shared, "dev"), dev)
os.chmod(dev, 0o755)
for root, dirs, files in os.walk(dev):
    for d in dirs:
        os.chmod(os.path.join(root, d), 0o755)
    for f in files:
        os.chmod(os.path.join(root, f), 0o644)
sys.path.insert(0, dev)
sys.argv = ["make_docs.py"]
import make_docs as m  # noqa: E402

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
score_py = os.path.join(shared, "eval", "score.py")
for base in docs:
    analysis = subprocess.run([bin_, "analyze", base + ".txt"], capture_output=True, check=True).stdout
    with open(base + ".analysis.json", "wb") as fh:
        fh.write(analysis)
    r = subprocess.run([sys.executable, score_py, base + ".analysis.json", base + ".gold.json", base + ".txt", "--json"],
                       capture_output=True, text=True, check=True)
    scores[os.path.basename(base)] = json.loads(r.stdout)
print(json.dumps(scores, indent=1, sort_keys=True))

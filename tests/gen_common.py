"""What the generator scripts share: a private copy of the development
set's make_docs.py, and scoring an analysis with ../shared/eval/score.py.

Imported by renderings.py, synthetic.py, structure.py and formats.py, which
run as `python3 tests/NAME.py`, so this folder is on the import path.
"""
import json, os, shutil, subprocess, sys


def make_docs(shared, dev):
    """make_docs, imported from a writable copy of `shared/dev` at `dev`
    (its files may be read-only, and it writes beside itself)."""
    shutil.rmtree(dev, ignore_errors=True)
    shutil.copytree(os.path.join(shared, "dev"), dev)
    os.chmod(dev, 0o755)
    for root, dirs, files in os.walk(dev):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o755)
        for f in files:
            os.chmod(os.path.join(root, f), 0o644)
    sys.path.insert(0, dev)
    argv, sys.argv = sys.argv, ["make_docs.py"]
    try:
        import make_docs
    finally:
        sys.argv = argv
    return make_docs


def analyze_and_score(bin_, shared, base, doc, scored=None, gold=None):
    """Runs `citemap analyze doc` into base.analysis.json and scores it
    against base.gold.json (written from `gold` when given), with the
    text `scored` (default: `doc`) as the document the offsets point into."""
    if gold is not None:
        with open(base + ".gold.json", "w", encoding="utf-8") as fh:
            json.dump(gold, fh, ensure_ascii=False)
    an = subprocess.run([bin_, "analyze", doc], capture_output=True, check=True)
    with open(base + ".analysis.json", "wb") as fh:
        fh.write(an.stdout)
    res = subprocess.run(
        [sys.executable, os.path.join(shared, "eval", "score.py"), base + ".analysis.json",
         base + ".gold.json", scored or doc, "--json"],
        capture_output=True, check=True)
    return json.loads(res.stdout)

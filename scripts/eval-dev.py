#!/usr/bin/env python3
"""Score dealgraph on the hand-annotated development set in tests/data/eval/<lang>/.

    python3 scripts/eval-dev.py [--corpora ../shared/corpora] [--bin target/release/dealgraph]
                                [--scorer ../shared/eval/score.py] [--lang en,de,nl]
                                [--verbose] [--keep DIR] [--check] [-- extra dealgraph args]

The annotation files hold no article text: each names a corpus document ("corpus" = the
corpus file name without .jsonl.xz, "id" = the document id in it) and gives evidence as
character offsets {"start", "end"} into that document's "text". For each language
directory present (or those given with --lang) this script

  1. reads the annotation files and loads the referenced texts from the corpora
     (each .jsonl.xz file is read once, keeping only the documents needed);
  2. writes, in a temporary directory only, a gold directory in the scorer's format
     (evidence turned back into text) and docs.jsonl with one {"id","text","lang","date"}
     per document;
  3. runs  <bin> extract --format jsonl <extra args> docs.jsonl > pred.jsonl;
  4. runs  <scorer> --gold <gold dir> --pred pred.jsonl [--verbose]  and prints its output
     under "== dev set: <lang> (N documents) ==";

and finally does the same for all languages together ("== dev set: all (N documents) ==").

--check only validates the annotation files against the corpora (no binary needed) and
exits 1 if any file has an error.

Exit status: 0 whenever scoring ran (whatever the scores; if dealgraph itself exits with
an error, a warning is printed and whatever it wrote is scored); 2 if the corpora, a corpus
document, the binary or the scorer are missing, or the annotations cannot be read.
Python 3 standard library only; nothing is written outside the temporary directory
(or --keep DIR).
"""
import argparse
import json
import lzma
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL_DIR = os.path.join(REPO, "tests", "data", "eval")

STATUSES = {
    "acquisition": {"completed", "agreed", "pursuing", "abandoned"},
    "merger": {"completed", "agreed", "pursuing", "abandoned"},
    "lawsuit": {"threatened", "filed", "resolved"},
    "investment": {"completed", "pursuing"},
    "partnership": {None},
    "ceo_of": {None},
    "founder_of": {None},
    "executive_of": {None},
}
ENTITY_TYPES = {"Organization", "Person"}
# Fallback when an annotation file has no "corpus" field: guess it from the id prefix.
ID_PREFIXES = {"reuters-": "reuters", "bbc-": "bbc", "10kgnad-": "10kgnad",
               "dpgmedia2019-": "dpgmedia2019"}


def die(msg):
    print(f"eval-dev: error: {msg}", file=sys.stderr)
    sys.exit(2)


def split_extra(argv):
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1:]
    return argv, []


def parse_args(argv):
    own, extra = split_extra(argv)
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=os.path.join(REPO, "..", "shared", "corpora"),
                    help="folder with the *.jsonl.xz corpora (default: ../shared/corpora)")
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "dealgraph"),
                    help="dealgraph binary (default: target/release/dealgraph)")
    ap.add_argument("--scorer", default=os.path.join(REPO, "..", "shared", "eval", "score.py"),
                    help="scorer script (default: ../shared/eval/score.py)")
    ap.add_argument("--eval-dir", default=EVAL_DIR,
                    help="annotation root with one folder per language (default: tests/data/eval)")
    ap.add_argument("--lang", default=None,
                    help="comma-separated languages to score (default: every folder present)")
    ap.add_argument("--verbose", action="store_true",
                    help="pass --verbose to the scorer (lists false positives/negatives)")
    ap.add_argument("--keep", metavar="DIR", default=None,
                    help="write the gold/docs/pred files to DIR (outside the repo!) and keep them")
    ap.add_argument("--check", action="store_true",
                    help="only validate the annotation files against the corpora")
    a = ap.parse_args(own)
    a.extra = extra
    return a


def corpus_of(ann):
    c = ann.get("corpus")
    if c:
        return c[:-len(".jsonl.xz")] if c.endswith(".jsonl.xz") else c
    for prefix, name in ID_PREFIXES.items():
        if str(ann.get("id", "")).startswith(prefix):
            return name
    return None


def load_annotations(eval_dir, langs):
    """{lang: [(path, annotation dict)]}"""
    if not os.path.isdir(eval_dir):
        die(f"annotation folder not found: {eval_dir}")
    present = sorted(d for d in os.listdir(eval_dir)
                     if os.path.isdir(os.path.join(eval_dir, d)) and not d.startswith("."))
    if langs:
        missing = [l for l in langs if l not in present]
        if missing:
            die(f"no annotation folder for language(s) {', '.join(missing)} in {eval_dir} "
                f"(present: {', '.join(present) or 'none'})")
        present = langs
    out = {}
    for lang in present:
        folder = os.path.join(eval_dir, lang)
        files = sorted(f for f in os.listdir(folder) if f.endswith(".json"))
        anns = []
        for f in files:
            path = os.path.join(folder, f)
            try:
                with open(path, encoding="utf-8") as fh:
                    anns.append((path, json.load(fh)))
            except (OSError, json.JSONDecodeError) as e:
                die(f"cannot read annotation {path}: {e}")
        if anns:
            out[lang] = anns
    if not out:
        die(f"no annotation files found under {eval_dir}")
    return out


def load_texts(corpora, wanted):
    """wanted: {corpus name: set of ids} -> {(corpus, id): record}. Reads each file once."""
    if not os.path.isdir(corpora):
        die(f"corpora folder not found: {corpora} (use --corpora)")
    found = {}
    for corpus, ids in sorted(wanted.items()):
        path = os.path.join(corpora, corpus + ".jsonl.xz")
        opener = lambda p: lzma.open(p, "rt", encoding="utf-8")
        if not os.path.isfile(path):
            plain = os.path.join(corpora, corpus + ".jsonl")
            if os.path.isfile(plain):
                path, opener = plain, (lambda p: open(p, encoding="utf-8"))
            else:
                die(f"corpus file not found: {path} (needed for {len(ids)} annotated document(s))")
        todo = set(ids)
        try:
            with opener(path) as fh:
                for line in fh:
                    if not todo:
                        break
                    # cheap pre-filter before parsing every line
                    if '"id"' not in line:
                        continue
                    rec = json.loads(line)
                    rid = str(rec.get("id"))
                    if rid in todo:
                        found[(corpus, rid)] = rec
                        todo.discard(rid)
        except (OSError, EOFError, lzma.LZMAError, json.JSONDecodeError) as e:
            die(f"cannot read corpus file {path}: {e}")
        if todo:
            die(f"{len(todo)} annotated document(s) not found in {path}: {', '.join(sorted(todo))}")
    return found


def evidence_span(ev, text):
    """Return (evidence text or None, problem or None)."""
    if isinstance(ev, str):
        return (ev, None) if ev.strip() else (None, "empty evidence")
    if not isinstance(ev, dict):
        return None, "evidence is neither text nor {start, end}"
    s, e = ev.get("start"), ev.get("end")
    if not isinstance(s, int) or not isinstance(e, int):
        return None, "evidence start/end are not integers"
    if not 0 <= s < e <= len(text):
        return None, f"evidence offsets {s}-{e} outside the text (length {len(text)})"
    span = text[s:e]
    if not span.strip():
        return None, f"evidence {s}-{e} is blank"
    return span, None


def validate(path, ann, text, lang):
    """Return (errors, warnings) for one annotation file."""
    errs, warns = [], []
    for k in ("id", "entities", "relations"):
        if k not in ann:
            errs.append(f"missing field {k!r}")
    if errs:
        return errs, warns
    if ann.get("lang") not in (None, lang):
        warns.append(f"lang {ann.get('lang')!r} but file is under {lang}/")
    stem = os.path.splitext(os.path.basename(path))[0]
    if stem != str(ann["id"]):
        warns.append(f"file name {stem!r} differs from id {ann['id']!r}")
    flat = " ".join(text.split())
    ids = Counter(e.get("id") for e in ann["entities"])
    for eid, n in ids.items():
        if n > 1:
            errs.append(f"entity id {eid!r} used {n} times")
    for e in ann["entities"]:
        if e.get("type") not in ENTITY_TYPES:
            errs.append(f"entity {e.get('id')!r}: type {e.get('type')!r}")
        if not e.get("label"):
            errs.append(f"entity {e.get('id')!r}: no label")
        if not isinstance(e.get("aliases"), list):
            errs.append(f"entity {e.get('id')!r}: aliases is not a list")
            continue
        for a in e["aliases"]:
            if " ".join(str(a).split()) not in flat:
                warns.append(f"entity {e.get('id')!r}: alias {a!r} does not occur in the text")
    seen = set()
    for i, r in enumerate(ann["relations"]):
        where = f"relation {i} ({r.get('type')} {r.get('subject')}->{r.get('object')})"
        t = r.get("type")
        if t not in STATUSES:
            errs.append(f"{where}: unknown type")
            continue
        if r.get("status") not in STATUSES[t]:
            errs.append(f"{where}: status {r.get('status')!r} not allowed for {t}")
        for side in ("subject", "object"):
            if r.get(side) not in ids:
                errs.append(f"{where}: {side} {r.get(side)!r} is not an entity")
        if r.get("subject") == r.get("object"):
            errs.append(f"{where}: subject equals object")
        _, problem = evidence_span(r.get("evidence"), text)
        if problem:
            errs.append(f"{where}: {problem}")
        k = (t, r.get("subject"), r.get("object"), r.get("status"))
        if k in seen:
            warns.append(f"{where}: duplicate of an earlier relation with the same status")
        seen.add(k)
    return errs, warns


def gold_doc(ann, text, lang, corpus):
    rels = []
    for r in ann["relations"]:
        ev, _ = evidence_span(r.get("evidence"), text)
        rr = dict(r)
        rr["evidence"] = ev or ""
        rels.append(rr)
    return {"id": str(ann["id"]), "lang": ann.get("lang") or lang, "date": ann.get("date"),
            "source": str(ann["id"]), "entities": ann["entities"], "relations": rels}


def run_extract(binary, extra, docs_path, pred_path):
    cmd = [binary, "extract", "--format", "jsonl", *extra, docs_path]
    with open(pred_path, "w", encoding="utf-8") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-15:]
        print(f"WARNING: `{' '.join(cmd)}` exited with status {proc.returncode}; "
              "scoring whatever it wrote", file=sys.stderr)
        for line in tail:
            print(f"  | {line}", file=sys.stderr)
    return proc.returncode


def run_scorer(scorer, gold_dir, pred_path, verbose, title):
    print(f"== dev set: {title} ==", flush=True)
    cmd = [sys.executable, scorer, "--gold", gold_dir, "--pred", pred_path]
    if verbose:
        cmd.append("--verbose")
    proc = subprocess.run(cmd)
    if proc.returncode != 0:
        print(f"WARNING: scorer exited with status {proc.returncode}", file=sys.stderr)
    print(flush=True)


def main():
    a = parse_args(sys.argv[1:])
    langs = [l.strip() for l in a.lang.split(",") if l.strip()] if a.lang else None
    by_lang = load_annotations(a.eval_dir, langs)

    wanted = defaultdict(set)
    for lang, anns in by_lang.items():
        for path, ann in anns:
            c = corpus_of(ann)
            if not c:
                die(f"{path}: no 'corpus' field and the id does not tell which corpus it is from")
            wanted[c].add(str(ann.get("id")))

    if not a.check:
        # Check prerequisites before the (slow) corpus reading.
        if not os.path.isfile(a.bin):
            die(f"dealgraph binary not found: {a.bin} (build it with `cargo build --release` or use --bin)")
        if not os.access(a.bin, os.X_OK):
            die(f"dealgraph binary is not executable: {a.bin}")
        if not os.path.isfile(a.scorer):
            die(f"scorer not found: {a.scorer} (use --scorer)")
    records = load_texts(a.corpora, wanted)

    # Validate everything first.
    n_err = 0
    seen_ids = {}
    for lang, anns in by_lang.items():
        for path, ann in anns:
            rec = records[(corpus_of(ann), str(ann["id"]))]
            errs, warns = validate(path, ann, rec["text"], lang)
            if str(ann["id"]) in seen_ids:
                errs.append(f"document id also annotated in {seen_ids[str(ann['id'])]}")
            seen_ids[str(ann["id"])] = path
            rel = os.path.relpath(path, REPO)
            for w in warns:
                print(f"warning: {rel}: {w}", file=sys.stderr)
            for e in errs:
                print(f"error: {rel}: {e}", file=sys.stderr)
            n_err += len(errs)
    if a.check:
        n_docs = sum(len(v) for v in by_lang.values())
        print(f"checked {n_docs} annotation file(s) in {', '.join(by_lang)}: "
              f"{n_err} error(s)")
        sys.exit(1 if n_err else 0)

    if a.keep:
        work = os.path.abspath(a.keep)
        if os.path.commonpath([work, REPO]) == REPO:
            die(f"--keep {a.keep} is inside the repository; the corpus texts must not be copied there")
        os.makedirs(work, exist_ok=True)
        for sub in [*by_lang, "all"]:  # no stale files from an earlier run
            shutil.rmtree(os.path.join(work, sub), ignore_errors=True)
    else:
        work = tempfile.mkdtemp(prefix="dealgraph-eval-dev-")
    try:
        all_gold = os.path.join(work, "all", "gold")
        os.makedirs(all_gold, exist_ok=True)
        all_pred = os.path.join(work, "all", "pred.jsonl")
        total = 0
        with open(all_pred, "w", encoding="utf-8") as all_out:
            for lang, anns in by_lang.items():
                ldir = os.path.join(work, lang)
                gdir = os.path.join(ldir, "gold")
                os.makedirs(gdir, exist_ok=True)
                docs_path = os.path.join(ldir, "docs.jsonl")
                pred_path = os.path.join(ldir, "pred.jsonl")
                with open(docs_path, "w", encoding="utf-8") as docs:
                    for path, ann in anns:
                        corpus = corpus_of(ann)
                        rec = records[(corpus, str(ann["id"]))]
                        text = rec["text"]
                        g = gold_doc(ann, text, lang, corpus)
                        for d in (gdir, all_gold):
                            with open(os.path.join(d, g["id"] + ".json"), "w", encoding="utf-8") as f:
                                json.dump(g, f, ensure_ascii=False, indent=1)
                        docs.write(json.dumps({"id": g["id"], "text": text, "lang": g["lang"],
                                               "date": ann.get("date")}, ensure_ascii=False) + "\n")
                run_extract(a.bin, a.extra, docs_path, pred_path)
                with open(pred_path, encoding="utf-8", errors="replace") as p:
                    for line in p:
                        if line.strip():
                            all_out.write(line if line.endswith("\n") else line + "\n")
                run_scorer(a.scorer, gdir, pred_path, a.verbose, f"{lang} ({len(anns)} documents)")
                total += len(anns)
        run_scorer(a.scorer, all_gold, all_pred, a.verbose, f"all ({total} documents)")
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(0)


if __name__ == "__main__":
    main()

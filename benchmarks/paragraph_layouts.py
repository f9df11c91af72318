"""How many of a document's paragraphs are the author's: the workbook's reading and
cleaning scored against known paragraphs.

    python benchmarks/paragraph_layouts.py gold FOLDER       # FOLDER/manifest.json + gold files
    python benchmarks/paragraph_layouts.py lines FOLDER ...  # every non-blank line a paragraph

``gold``: a folder with a ``manifest.json`` listing ``{"file", "gold"}`` entries, each gold
file holding ``paragraphs`` (whitespace-normalised), ``title`` and ``date``, and for
web pages ``code`` (the page's code blocks).
``lines``: plain-text files whose every non-blank line is one of the author's paragraphs
(transcribed speeches: the inaugural addresses, the State of the Union files).

Each file goes through the product as ``analyze`` reads it (``read_file`` and
``clean_document``). For each file and kind: *recall*, the share of the known paragraphs
reproduced exactly (counted with multiplicity) among the body paragraphs, the title and
the lines taken out; *precision*, the share of body paragraphs that are known paragraphs;
the layout recorded, and whether the title and the date are the known ones.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from discourse_workbook.clean import clean_document, load_furniture
from discourse_workbook.read import FileRef, Skipped, read_file, read_text

SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def overlap(produced: list[str], known: list[str]) -> int:
    """How many of ``known`` are in ``produced`` (each produced one used once)."""
    have = Counter(norm(p) for p in produced)
    hits = 0
    for paragraph in known:
        key = norm(paragraph)
        if have[key] > 0:
            have[key] -= 1
            hits += 1
    return hits


def document(path: Path) -> dict | None:
    raw = read_file(FileRef(path, path.stem, path.stat().st_size))
    if isinstance(raw, Skipped):
        return None
    return clean_document(raw, load_furniture())


def score(path: Path, gold: dict, kind: str) -> dict:
    record = document(path)
    body = record["text"].split("\n\n") if record and record["text"] else []
    units = body + [record["title"] or ""] + list(record["removed"]) if record else []
    known = gold["paragraphs"]
    row = {
        "kind": kind, "file": path.name, "known": len(known), "made": len(body),
        "found": overlap(units, known), "right": overlap(known, body),
        "layout": (record or {}).get("layout", "-"),
        "title_ok": (gold.get("title") or None) == (record or {}).get("title"),
        "date_ok": (gold.get("date") or None) == (record or {}).get("date"),
        "title": (record or {}).get("title"), "date": (record or {}).get("date"),
    }
    if "code" in gold:
        row["code"] = (len(gold["code"]), len((record or {}).get("non_prose") or []))
    return row


def gold_rows(folder: Path) -> list[dict]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    for entry in manifest:
        gold = json.loads((folder / entry["gold"]).read_text(encoding="utf-8"))
        rows.append(score(folder / entry["file"], gold, entry["file"].split("/")[0]))
    return rows


def line_rows(folders: list[Path]) -> list[dict]:
    rows = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text, _ = read_text(path)  # decoded as the product decodes it
            gold = {"paragraphs": [norm(x) for x in text.splitlines() if x.strip()]}
            row = score(path, gold, folder.name)
            row["title_ok"] = row["date_ok"] = True  # no known title or date
            rows.append(row)
    return rows


def report(rows: list[dict], verbose: bool) -> None:
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
        if verbose:
            code = f" code {row['code'][1]}/{row['code'][0]}" if "code" in row else ""
            print(f"{row['kind']:10} {row['file'][:36]:36} known={row['known']:4} "
                  f"made={row['made']:4} recall={row['found'] / max(row['known'], 1):.3f} "
                  f"precision={row['right'] / max(row['made'], 1):.3f} "
                  f"layout={row['layout']:14} "
                  f"title={'ok' if row['title_ok'] else row['title']!r:.40}"
                  f" date={'ok' if row['date_ok'] else row['date']}{code}")
    print(f"\n{'kind':10} files known  recall  precision  all-right  layouts")
    for kind, group in by_kind.items():
        known = sum(r["known"] for r in group)
        made = sum(r["made"] for r in group)
        recall = sum(r["found"] for r in group) / max(known, 1)
        precision = sum(r["right"] for r in group) / max(made, 1)
        perfect = sum(r["right"] == r["made"] for r in group)
        layouts = dict(Counter(r["layout"] for r in group).most_common())
        titles = sum(r["title_ok"] for r in group)
        dates = sum(r["date_ok"] for r in group)
        print(f"{kind:10} {len(group):5} {known:5}  {recall:6.3f}  {precision:9.3f}  "
              f"{perfect:4}/{len(group):<4}  {layouts} titles {titles}/{len(group)} "
              f"dates {dates}/{len(group)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("gold", "lines"))
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.mode == "gold":
        rows = [row for folder in args.folders for row in gold_rows(folder)]
    else:
        rows = line_rows(args.folders)
    report(rows, args.verbose)


if __name__ == "__main__":
    main()

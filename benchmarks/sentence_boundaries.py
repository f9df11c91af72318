"""Precision and recall of sentence boundaries, the workbook's against NLTK's Punkt.

    python benchmarks/sentence_boundaries.py FILE.jsonl [FILE.jsonl ...] [--misses N]

Each line of a file is a record with ``text`` and ``sentences`` (the gold sentences, in
order, each a substring of the text with only whitespace between them). A boundary is
the position where a sentence after the first starts. For each splitter it prints the
boundaries it found that are gold (precision), the gold ones it found (recall), and the
records it got exactly right; ``--misses N`` lists up to N records it got wrong.

Splitters, each given the record's whole text:

- ``workbook``: :func:`discourse_workbook.segment.sentence_spans` (the shipped list);
- ``punkt+list``: NLTK's Punkt with the same abbreviation list as its only parameters;
- ``punkt``: NLTK's Punkt with no parameters at all.

NLTK's trained English model is not used: it is downloaded, and nothing here downloads.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from discourse_workbook.resources import load_abbreviations
from discourse_workbook.segment import sentence_spans


def gold_starts(text: str, sentences: list[str]) -> set[int]:
    """Where each gold sentence after the first starts in the text."""
    starts, at = [], 0
    for sentence in sentences:
        found = text.find(sentence, at)
        if found < 0:
            raise ValueError(f"gold sentence not in text: {sentence[:60]!r}")
        starts.append(found)
        at = found + len(sentence)
    return set(starts[1:])


def span_starts(spans: list[tuple[int, int]]) -> set[int]:
    return {start for start, _ in spans[1:]}


def splitters() -> dict:
    params = PunktParameters()
    params.abbrev_types = set(load_abbreviations())
    with_list = PunktSentenceTokenizer(params)
    plain = PunktSentenceTokenizer()
    return {
        "workbook": lambda text: sentence_spans(text),
        "punkt+list": lambda text: list(with_list.span_tokenize(text)),
        "punkt": lambda text: list(plain.span_tokenize(text)),
    }


def score(records: list[dict], split) -> dict:
    found = gold = hits = exact = 0
    misses = []
    for record in records:
        expected = gold_starts(record["text"], record["sentences"])
        spans = split(record["text"])
        got = span_starts(spans)
        found += len(got)
        gold += len(expected)
        hits += len(got & expected)
        if got == expected:
            exact += 1
        else:
            misses.append((record, [record["text"][a:b] for a, b in spans]))
    return {
        "precision": hits / found if found else 1.0,
        "recall": hits / gold if gold else 1.0,
        "exact": exact,
        "records": len(records),
        "boundaries": gold,
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    split = splitters()
    print(f"{'file':24} {'splitter':11} {'precision':>9} {'recall':>7} {'exact':>9}")
    for path in args.files:
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for name, function in split.items():
            result = score(records, function)
            print(f"{path.name[:24]:24} {name:11} {result['precision']:9.3f} "
                  f"{result['recall']:7.3f} {result['exact']:4}/{result['records']:<4}"
                  f" ({result['boundaries']} gold boundaries)")
            if name == "workbook":
                for record, got in result["misses"][: args.misses]:
                    print(f"   {record.get('id')}: gold {record['sentences']}")
                    print(f"   {' ' * len(str(record.get('id')))}  got  {got}")


if __name__ == "__main__":
    main()

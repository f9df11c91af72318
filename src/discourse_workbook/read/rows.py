"""Tables of documents: a CSV or JSON Lines file holds one document per row.

A ``text`` column is required; ``doc_id``, ``title``, ``author`` and ``date`` are kept
when present.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd

from ..errors import InputError

TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
TABLE_FIELDS = ("doc_id", "title", "author", "date")


def read_rows(text: str, path: Path) -> tuple[list[str], list[dict]]:
    """Return the column names and the rows of a CSV or JSONL file's text."""
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return _read_jsonl(text, path)
    return _read_csv(text, path)


def _read_csv(text: str, path: Path) -> tuple[list[str], list[dict]]:
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        reason = str(err).strip().splitlines()[0].rstrip(".")
        raise InputError(f"{path} is not a readable CSV table ({reason}).") from None
    return [str(c) for c in frame.columns], frame.to_dict("records")


def _read_jsonl(text: str, path: Path) -> tuple[list[str], list[dict]]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"{path} line {number} is not valid JSON.") from None
        if not isinstance(row, dict):
            raise InputError(f"{path} line {number} is not a JSON object.")
        rows.append(row)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    return columns, rows


def row_documents(table: tuple[list[str], list[dict]], path: Path, encoding: str) -> list[dict]:
    """Return one raw document per row (``text`` as written, not cleaned yet).

    The source of a row is ``path#N`` (N counts rows from 0); its ``doc_id`` is the
    row's ``doc_id`` cell, else N.
    """
    columns, rows = table
    if "text" not in columns:
        found = ", ".join(columns[:8]) or "none"
        raise InputError(f"{path} has no 'text' column (its columns: {found}).")
    return [
        {
            "doc_id": _cell(row.get("doc_id")) or str(number),
            "source": f"{path}#{number}",
            "title": _cell(row.get("title")),
            "author": _cell(row.get("author")),
            "date": _cell(row.get("date")),
            "encoding": encoding,
            "text": _cell(row.get("text")) or "",
            "header": False,
        }
        for number, row in enumerate(rows)
    ]


def _cell(value: object) -> str | None:
    """A table cell as text, or None when it is missing or blank."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None

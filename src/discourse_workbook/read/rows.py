"""Tables of documents: a CSV or JSON Lines file holds one document per row.

A ``text`` column is required; ``doc_id``, ``title``, ``author`` and ``date`` are kept
when present. A row that cannot be read (a line that is not JSON, a CSV row with the
wrong number of fields) is skipped and named with its line number; the other rows are
read.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .encoding import path_text

TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
TABLE_FIELDS = ("doc_id", "title", "author", "date")


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be read: where it starts in the file, and why."""

    line: int
    reason: str


def read_rows(text: str, path: Path) -> tuple[list[str], list[dict | BadRow]]:
    """Return the column names and the rows of a CSV or JSONL file's text, a row that
    cannot be read standing as a :class:`BadRow` in its place."""
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return _read_jsonl(text)
    return _read_csv(text, path)


def _read_csv(text: str, path: Path) -> tuple[list[str], list[dict | BadRow]]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows: list[dict | BadRow] = []
    end = 0  # the line where the previous record ended
    while True:
        start = end + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            end = reader.line_num
            rows.append(BadRow(start, f"is not a readable CSV row ({err})"))
            continue
        end = reader.line_num
        if not record or not any(field.strip() for field in record):
            continue  # a blank line
        if header is None:
            header = [name.strip() for name in record]
            continue
        if len(record) != len(header):
            rows.append(BadRow(start, f"has {len(record)} fields where the header has "
                                      f"{len(header)}"))
            continue
        rows.append(dict(zip(header, record, strict=True)))
    if header is None:
        raise InputError(f"{path_text(path)} is not a readable CSV table (it has no header).")
    return header, rows


def _read_jsonl(text: str) -> tuple[list[str], list[dict | BadRow]]:
    rows: list[dict | BadRow] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            rows.append(BadRow(number, "is not valid JSON"))
            continue
        if not isinstance(row, dict):
            rows.append(BadRow(number, "is not a JSON object"))
            continue
        rows.append(row)
    columns = list(dict.fromkeys(key for row in rows if isinstance(row, dict) for key in row))
    return columns, rows


def row_documents(table: tuple[list[str], list[dict | BadRow]], path: Path,
                  encoding: str, repaired: int = 0) -> list[dict | tuple[str, str]]:
    """Return one raw document per row (``text`` as written, not cleaned yet; the row's
    columns other than :data:`ROW_FIELDS` as its ``metadata``, each cell as text), and
    for a row that cannot be read a ``(source, reason)`` pair.

    Bytes of the file that had to be repaired (see :class:`~.encoding.Decoded`) are
    not charged to a row. The source of a row is ``path#N`` (N counts the file's rows
    from 0, unreadable ones included); its ``doc_id`` is the row's ``doc_id`` cell,
    else N.
    """
    columns, rows = table
    if "text" not in columns:
        found = ", ".join(columns[:8]) or "none"
        raise InputError(f"{path_text(path)} has no 'text' column (its columns: {found}).")
    name = path_text(path)
    extra = [c for c in columns if c not in ROW_FIELDS and str(c).strip()]
    documents: list[dict | tuple[str, str]] = []
    for number, row in enumerate(rows):
        if isinstance(row, BadRow):
            documents.append((name, f"line {row.line} {row.reason} (the row is skipped)"))
            continue
        documents.append({
            "doc_id": _cell(row.get("doc_id")) or str(number),
            "source": f"{name}#{number}",
            "title": _cell(row.get("title")),
            "author": _cell(row.get("author")),
            "date": _cell(row.get("date")),
            "encoding": encoding,
            "repaired": 0,
            "text": _cell(row.get("text")) or "",
            "header": False,
            "metadata": {column: _cell(row.get(column)) for column in extra},
        })
    return documents


# the columns of a row that make the document; any other column is its metadata
ROW_FIELDS = ("doc_id", "title", "author", "date", "text")
def _cell(value: object) -> str | None:
    """A table cell as text (a JSON list or object as JSON), or None when it is missing or
    blank."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = (json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict)
            else str(value)).strip()
    return text or None

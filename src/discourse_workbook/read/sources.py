"""Sources to raw documents: files, folders of files and the rows of CSV/JSONL tables.

A *source* is a file (.txt, .md, .html/.htm, .csv, .jsonl), a folder of such files
(sorted, recursive) or several of these. Listing files is cheap and reading them is
not: :func:`iter_units` lists what the sources hold (a :class:`FileRef` per text file,
a raw document per table row), and :func:`read_file` reads one file into a raw
document, in whichever process analyses it. A raw document is not cleaned yet (see
:mod:`discourse_workbook.clean`): it is a dict with ``doc_id``, ``source``, ``title``,
``author``, ``date``, ``encoding``, ``text`` and ``header`` (may the text open with a
title and a byline: true for files, false for table rows), and as a file gives them
``from_name`` (the date and author its name gives, see :mod:`.filename`), ``layout`` (a
layout the reader vouches for: ``html``, the page's block elements) and ``non_prose``
(code blocks and tables kept out of the text).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .encoding import path_text, read_text
from .filename import metadata_from_name
from .html import extract_html
from .markdown import read_markdown
from .rows import TABLE_SUFFIXES, read_rows, row_documents

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES


@dataclass(frozen=True)
class Skipped:
    """A source or record that could not be analysed, and why.

    ``reason`` is a predicate that follows the source's name ("is empty").

    >>> str(Skipped("notes.txt", "is empty"))
    'notes.txt is empty'
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source} {self.reason}"


@dataclass(frozen=True)
class FileRef:
    """A text, Markdown or HTML file not read yet, and the ``doc_id`` it will get."""

    path: Path
    doc_id: str
    size: int


def iter_files(sources: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Expand sources into files: a file as given, a folder into its supported files
    (sorted, recursive; hidden files and other file types ignored). Folders that loop
    back through a symlink or cannot be read, and pipes or devices among a folder's
    files (reading one would block or never end), are reported as :class:`Skipped`.

    A named path that does not exist is an :class:`InputError`.
    """
    for source in sources:
        path = Path(source)
        if not path.exists():
            kind = "link that points nowhere" if path.is_symlink() else "path"
            raise InputError(f"{path_text(path)} does not exist (no such {kind}).")
        if path.is_dir():
            yield from _walk_folder(path)
        else:
            yield path


def _walk_folder(root: Path) -> Iterator[Path | Skipped]:
    seen: set[tuple[int, int]] = set()

    def walk(folder: Path) -> Iterator[Path | Skipped]:
        try:
            stat = folder.stat()
            key = (stat.st_dev, stat.st_ino)
            if key in seen:
                yield Skipped(
                    path_text(folder), "is a folder link that loops back to a folder already read"
                )
                return
            seen.add(key)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            reason = f"is a folder that cannot be read ({err.strerror or err})"
            yield Skipped(path_text(folder), reason)
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            elif not path.exists():
                yield Skipped(path_text(path), "is a link that points nowhere")
            elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            elif not path.is_file():
                yield Skipped(path_text(path), "is not a regular file (a pipe, socket or device)")
            else:
                yield path

    yield from walk(root)



def iter_units(sources: Iterable[str | Path]) -> Iterator[FileRef | dict | Skipped]:
    """Yield what makes up the sources, lazily: a :class:`FileRef` per text file, a raw
    document per row of a CSV/JSONL table, a :class:`Skipped` per thing that cannot be
    read. ``doc_id`` is unique across the sources."""
    seen: set[str] = set()
    for item in iter_files(sources):
        if isinstance(item, Skipped):
            yield item
        elif item.suffix.lower() in TABLE_SUFFIXES:
            for row in _catch(_table_documents, item):
                if isinstance(row, tuple):  # a row that cannot be read
                    row = Skipped(*row)
                elif isinstance(row, dict):
                    row["doc_id"] = _unique_id(row["doc_id"], item, seen)
                yield row
        else:
            size = item.stat().st_size if item.exists() else 0
            yield FileRef(item, _unique_id(path_text(item.stem), item, seen), size)


def read_file(ref: FileRef) -> dict | Skipped:
    """Read one text, Markdown or HTML file into a raw document, or say why it cannot
    be read."""
    (document,) = _catch(_file_document, ref.path)
    if isinstance(document, dict):
        document["doc_id"] = ref.doc_id
    return document


# the file kinds read as blocks, with the layout they declare
PAGE_READERS = {**{s: ("html", extract_html) for s in HTML_SUFFIXES},
                **{s: ("markdown", read_markdown) for s in MARKDOWN_SUFFIXES}}


def _file_document(path: Path) -> list[dict]:
    suffix = path.suffix.lower()
    text, encoding, repaired = read_text(path, html=suffix in HTML_SUFFIXES)
    document = {"doc_id": path_text(path.stem), "source": path_text(path), "title": None,
                "author": None, "date": None, "encoding": encoding, "repaired": repaired,
                "text": text, "header": True}
    if suffix in PAGE_READERS:  # a page: its blocks are its paragraphs
        kind, read_page = PAGE_READERS[suffix]
        page = read_page(text)
        document.update(title=page["title"], author=page["author"], date=page["date"],
                        text=page["text"] or "", layout=kind, non_prose=page["non_prose"])
    named = metadata_from_name(path)
    if named["date"] or named["author"]:
        document["from_name"] = {k: v for k, v in named.items() if v}
    return [document]


def _table_documents(path: Path) -> list[dict]:
    text, encoding, repaired = read_text(path)
    return row_documents(read_rows(text, path), path, encoding, repaired)


def _catch(read, path: Path) -> list[dict | Skipped]:
    """Run a reader; an InputError about the file becomes a Skipped with its reason."""
    try:
        return list(read(path))
    except InputError as err:
        message = str(err).rstrip(".")
        return [Skipped(path_text(path), message.removeprefix(f"{path_text(path)} "))]


def _unique_id(doc_id: str, path: Path, seen: set[str]) -> str:
    """Keep ids unique: a clash is prefixed with the file stem, then numbered."""
    candidate = doc_id
    if candidate in seen:
        candidate = (
            f"{path_text(path.stem)}/{doc_id}" if doc_id != path_text(path.stem)
            else f"{path_text(path.parent.name)}/{doc_id}"
        )
    base, k = candidate, 2
    while candidate in seen:
        candidate, k = f"{base}-{k}", k + 1
    seen.add(candidate)
    return candidate


"""Load sources into documents: read any common file kind and encoding, then clean.

A *source* is a file (.txt, .md, .html/.htm, .csv, .jsonl), a folder of such files
(sorted, recursive) or several of these. Each yields documents with a canonical body:
paragraphs separated by one blank line, whitespace normalised, Unicode NFC, with the
title, the byline and the web-page furniture taken out and reported.
"""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import paths
from .errors import InputError
from .segment import split_paragraphs

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
TABLE_FIELDS = ("doc_id", "title", "author", "date")

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (a .docx, .xlsx or .epub?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]")
_MANY_SPACES = re.compile(r" {2,}")
_SPACES_AT_BREAK = re.compile(r" ?\n ?")
_BYLINE = re.compile(
    r"^(?:(?:submitted|written|posted|words|text|reporting)\s+)?by[:\s]\s*"
    r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){0,5}?)\s*(?:[,;|–—-].{0,80})?[.,;:]?$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|de|da|del|der|van|von|al|bin|and|&)$")
_TITLE_END_OK = re.compile(r"(?:\.\.\.|…|[^.,;:])$")
MAX_TITLE_WORDS = 25
MAX_FURNITURE_WORDS = 30


@dataclass(frozen=True)
class Skipped:
    """A source or record that could not be analysed, and why.

    ``reason`` is a predicate that follows the source's name ("is empty").
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source} {self.reason}"


@dataclass
class Cleaned:
    """A cleaned body with what was recognised and what was removed."""

    body: str
    title: str | None = None
    author: str | None = None
    removed: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- reading


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a file's bytes, returning ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are tried first; anything else is
    a legacy encoding: a Cyrillic, Greek or other non-Latin code page when
    charset-normalizer is confident of one, else Windows-1252 (a superset of Latin-1's
    printable range), else Latin-1. Nothing is ever replaced by U+FFFD.

    >>> decode_bytes("Élite".encode("cp1252"), "x.txt")
    ('Élite', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {kind}, not text; convert it to text first.")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name} is a binary file, not text.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _guess_legacy_encoding(data)
    text = data.decode(encoding)
    if len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise InputError(f"{name} is a binary file, not text.")
    return text, encoding


def _guess_legacy_encoding(data: bytes) -> str:
    """Pick a legacy encoding for bytes that are not UTF-8.

    A non-Latin code page is taken when charset-normalizer is confident of it; a
    Chinese, Japanese or Korean multibyte encoding only when the text is mostly in that
    script or when it turns every non-ASCII byte pair into punctuation (English text
    saved with Big5 dashes and quotes is found in the wild); otherwise Windows-1252.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.chaos < 0.1:
        if best.encoding in _NON_LATIN:
            return best.encoding
        if best.encoding in _CJK and _plausible_cjk(data, best.encoding):
            return best.encoding
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _plausible_cjk(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    wide = [c for c in text if ord(c) > 127]
    if not wide:
        return False
    letters = sum(c.isalpha() for c in text)
    if sum(c.isalpha() for c in wide) > 0.5 * max(letters, 1):
        return True
    return all(unicodedata.category(c)[0] in "PSZ" for c in wide)


_NON_LATIN = {
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp866",
    "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6",
    "cp874", "tis_620", "cp1254", "iso8859_9",
}  # fmt: skip
_CJK = {
    "big5",
    "cp950",
    "big5hkscs",
    "gb2312",
    "gbk",
    "gb18030",
    "hz",
    "shift_jis",
    "cp932",
    "euc_jp",
    "iso2022_jp",
    "euc_kr",
    "cp949",
    "johab",
    "iso2022_kr",
}


def read_text(path: Path) -> tuple[str, str]:
    """Read a text file in whatever encoding it has; return ``(text, encoding)``."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path} is a folder where a file was expected.") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied).") from None
    except OSError as err:
        raise InputError(f"{path} cannot be read ({err.strerror or err}).") from None
    if not data.strip():
        raise InputError(f"{path} is empty.")
    return decode_bytes(data, str(path))


# --------------------------------------------------------------------------- cleaning


def normalise_whitespace(text: str) -> str:
    """Return text in NFC with odd spaces made plain, invisible characters dropped,
    line ends unified and runs of spaces collapsed; line breaks are kept."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    text = _CONTROL.sub("", text)
    # Only plain spaces and line breaks are left: collapse the spaces, trim every line.
    return _SPACES_AT_BREAK.sub("\n", _MANY_SPACES.sub(" ", text)).strip(" ")


@dataclass(frozen=True)
class Furniture:
    """The furniture patterns, compiled for speed: those anchored at the start of a line
    are tried only there, the others searched; a line is furniture if either matches."""

    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None

    def matches(self, line: str) -> bool:
        return bool(
            (self.anchored is not None and self.anchored.match(line))
            or (self.floating is not None and self.floating.search(line))
        )

    def candidate_lines(self, text: str) -> set[int]:
        """Numbers of the lines of ``text`` on which a pattern may match (confirm each
        with ``matches``): anchored patterns are tried at each line's start, the others
        in one scan of the whole text."""
        lines = text.split("\n")
        found: set[int] = set()
        if self.anchored is not None:
            match = self.anchored.match
            found.update(number for number, line in enumerate(lines) if match(line))
        if self.floating is not None:
            starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
            multiline = re.compile(self.floating.pattern, self.floating.flags | re.MULTILINE)
            found.update(bisect_right(starts, m.start()) - 1 for m in multiline.finditer(text))
        return found


def load_patterns(path: Path | None = None) -> Furniture:
    """Read the furniture patterns: one case-insensitive regular expression per line,
    ``#`` starts a comment. A malformed line is an InputError naming its number."""
    path = path or paths.BOILERPLATE
    anchored, floating = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            re.compile(line, re.IGNORECASE)
        except re.error as err:
            raise InputError(f"{path} line {number} is not a valid pattern ({err}).") from None
        (anchored if _anchored_at_start(line) else floating).append(f"(?:{line})")
    return Furniture(*(re.compile("|".join(group), re.IGNORECASE) if group else None
                       for group in (anchored, floating)))


def _anchored_at_start(pattern: str) -> bool:
    """True when every match of the pattern must begin at the start of the line: it
    opens with ``^`` and has no ``|`` outside brackets."""
    if not pattern.startswith("^"):
        return False
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return False
        i += 1
    return True


_NEWLINE = re.compile("\n")


def is_furniture(line: str, patterns: Furniture | None) -> bool:
    """True when a short line matches a furniture pattern (comment, share, donate …)."""
    if patterns is None or len(line.split(None, MAX_FURNITURE_WORDS)) > MAX_FURNITURE_WORDS:
        return False
    return patterns.matches(line)


def find_byline(paragraph: str) -> str | None:
    """Return the author's name when a paragraph is a byline ("By …", "Submitted by …")."""
    if len(paragraph) > 160:
        return None
    match = _BYLINE.match(paragraph)
    if not match:
        return None
    name = match.group("name").strip(" .,;:")
    words = name.split()
    if not words or not all(_NAME_WORD.match(w) for w in words) or words[-1] in {"and", "&"}:
        return None
    return name


def is_title(paragraph: str) -> bool:
    """A short single line without final punctuation (an ellipsis, ? or ! is allowed)."""
    return (
        "\n" not in paragraph
        and 0 < len(paragraph.split()) <= MAX_TITLE_WORDS
        and bool(_TITLE_END_OK.search(paragraph))
        and any(ch.isalpha() for ch in paragraph)
    )


def clean_text(
    raw: str,
    patterns: Furniture | None,
    *,
    detect_title: bool = True,
    detect_byline: bool = True,
) -> Cleaned:
    """Clean raw text into a body of paragraphs and what was recognised around it.

    The title is the first paragraph when it looks like a headline; a byline in the
    first three or last six paragraphs gives the author; furniture paragraphs
    (matched by ``patterns``) are removed wherever they stand. Everything taken out
    except the title is listed in ``removed``.

    >>> clean_text("Title\\n\\nBody text.\\n\\nBy Ann Lee", None).author
    'Ann Lee'
    """
    text = normalise_whitespace(raw)
    cleaned = Cleaned(body="")
    # Furniture is judged line by line; where paragraphs are blank-line separated, a
    # removed line still separates its neighbours, so they are not glued together.
    gap = [""] if "\n\n" in text else []
    candidates = patterns.candidate_lines(text) if patterns is not None else set()
    lines: list[str] = []
    for number, line in enumerate(text.split("\n")):
        if number in candidates and line and is_furniture(line, patterns):
            cleaned.removed.append(line)
            lines.extend(gap)
        else:
            lines.append(line)
    paragraphs = split_paragraphs("\n".join(lines))
    if detect_title and len(paragraphs) > 1 and is_title(paragraphs[0]):
        cleaned.title = paragraphs.pop(0)
    keep = []
    n = len(paragraphs)
    for i, para in enumerate(paragraphs):
        near_edge = i < 3 or i >= n - 6
        name = find_byline(para) if detect_byline and near_edge else None
        if name and cleaned.author is None:
            cleaned.author = name
            cleaned.removed.insert(0, para)
        else:
            keep.append(para)
    cleaned.body = "\n\n".join(keep)
    return cleaned


_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1")


def strip_markdown(text: str) -> str:
    """Turn Markdown into plain text: headings, links, images and bold markers go."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def extract_html(html: str) -> dict[str, str | None]:
    """Return the main text (paragraphs separated by blank lines), title, author and
    date of a web page; navigation, comments and scripts are left out."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    if result is not None and not isinstance(result, dict):
        result = result.as_dict()
    if result and (result.get("text") or "").strip():
        text = "\n\n".join(line for line in result["text"].split("\n") if line.strip())
        return {
            "text": text,
            "title": result.get("title"),
            "author": result.get("author"),
            "date": result.get("date"),
        }
    return _extract_html_fallback(html)


def _extract_html_fallback(html: str) -> dict[str, str | None]:
    """Text of the paragraphs of a small page that the main-text extractor declines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form"]):
        tag.decompose()
    blocks = [p.get_text(" ", strip=True) for p in soup.find_all(["p", "h1", "h2", "h3", "li"])]
    if not any(blocks):
        blocks = [soup.get_text("\n", strip=True)]
    title = soup.title.get_text(strip=True) if soup.title else None
    return {
        "text": "\n\n".join(b for b in blocks if b),
        "title": title or None,
        "author": None,
        "date": None,
    }


# --------------------------------------------------------------------------- sources


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
            raise InputError(f"{path} does not exist (no such {kind}).")
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
                    str(folder), "is a folder link that loops back to a folder already read"
                )
                return
            seen.add(key)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            yield Skipped(str(folder), f"is a folder that cannot be read ({err.strerror or err})")
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
                yield Skipped(str(path), "is a link that points nowhere")
            elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            elif not path.is_file():
                yield Skipped(str(path), "is not a regular file (a pipe, socket or device)")
            else:
                yield path

    yield from walk(root)


@dataclass(frozen=True)
class FileRef:
    """A text, Markdown or HTML file not read yet, and the ``doc_id`` it will get.

    Listing files is cheap and reading them is not, so a corpus is listed in one
    process and each file is read and cleaned by whichever process analyses it.
    """

    path: Path
    doc_id: str
    size: int


def iter_units(
    sources: Iterable[str | Path] | None = None,
    *,
    patterns: Furniture | None = None,
) -> Iterator[FileRef | dict | Skipped]:
    """Yield what makes up the sources, lazily: a :class:`FileRef` per text file, a
    cleaned record per row of a CSV/JSONL table, a :class:`Skipped` per thing that
    cannot be read. ``doc_id`` is unique across the sources. No sources means the
    default article."""
    sources = list(sources) if sources else [paths.DEFAULT_ARTICLE]
    seen: set[str] = set()
    for item in iter_files(sources):
        if isinstance(item, Skipped):
            yield item
        elif item.suffix.lower() in TABLE_SUFFIXES:
            patterns = load_patterns() if patterns is None else patterns
            for record in _catch(_records_from_table, item, patterns):
                if isinstance(record, dict):
                    record["doc_id"] = _unique_id(record["doc_id"], item, seen)
                yield record
        else:
            size = item.stat().st_size if item.exists() else 0
            yield FileRef(item, _unique_id(item.stem, item, seen), size)


def read_document(ref: FileRef, patterns: Furniture | None = None) -> dict | Skipped:
    """Read and clean one file into a document record, or say why it cannot be read."""
    patterns = load_patterns() if patterns is None else patterns
    (record,) = _catch(_record_from_file, ref.path, patterns)
    if isinstance(record, dict):
        record["doc_id"] = ref.doc_id
    return record


def iter_documents(
    sources: Iterable[str | Path] | None = None,
    *,
    patterns: Furniture | None = None,
) -> Iterator[dict | Skipped]:
    """Yield one cleaned document record per file or table row, lazily, or a
    :class:`Skipped` for each one that cannot be read. No sources means the
    default article.

    A record has ``doc_id, source, title, author, date, encoding, text, removed``;
    ``doc_id`` is unique across the sources.
    """
    patterns = load_patterns() if patterns is None else patterns
    for unit in iter_units(sources, patterns=patterns):
        yield read_document(unit, patterns) if isinstance(unit, FileRef) else unit


def _catch(read, path: Path, patterns: Furniture) -> list[dict | Skipped]:
    """Run a reader; an InputError about the file becomes a Skipped with its reason."""
    try:
        return list(read(path, patterns))
    except InputError as err:
        message = str(err).rstrip(".")
        return [Skipped(str(path), message.removeprefix(f"{path} "))]


def _unique_id(doc_id: str, path: Path, seen: set[str]) -> str:
    """Keep ids unique: a clash is prefixed with the file stem, then numbered."""
    candidate = doc_id
    if candidate in seen:
        candidate = (
            f"{path.stem}/{doc_id}" if doc_id != path.stem else f"{path.parent.name}/{doc_id}"
        )
    base, k = candidate, 2
    while candidate in seen:
        candidate, k = f"{base}-{k}", k + 1
    seen.add(candidate)
    return candidate


def _records_from_table(path: Path, patterns: Furniture | None) -> Iterator[dict | Skipped]:
    text, encoding = read_text(path)
    suffix = path.suffix.lower()
    table = _read_jsonl(text, path) if suffix in {".jsonl", ".ndjson"} else _read_csv(text, path)
    yield from _records_from_rows(table, path, encoding, patterns)


def _record_from_file(path: Path, patterns: Furniture | None) -> Iterator[dict]:
    text, encoding = read_text(path)
    suffix = path.suffix.lower()
    meta: dict[str, str | None] = {"title": None, "author": None, "date": None}
    if suffix in HTML_SUFFIXES:
        meta = extract_html(text)
        text = meta["text"] or ""
    elif suffix in {".md", ".markdown"}:
        text = strip_markdown(text)
    cleaned = clean_text(text, patterns, detect_title=meta["title"] is None)
    if not cleaned.body.strip():
        raise InputError(f"{path} has no body text left after cleaning.")
    yield {
        "doc_id": path.stem,
        "source": str(path),
        "title": meta["title"] or cleaned.title,
        "author": meta["author"] or cleaned.author,
        "date": meta["date"],
        "encoding": encoding,
        "text": cleaned.body,
        "removed": cleaned.removed,
    }


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


def _records_from_rows(
    table: tuple[list[str], list[dict]],
    path: Path,
    encoding: str,
    patterns: Furniture | None,
) -> Iterator[dict | Skipped]:
    columns, rows = table
    if "text" not in columns:
        found = ", ".join(columns[:8]) or "none"
        raise InputError(f"{path} has no 'text' column (its columns: {found}).")
    for number, row in enumerate(rows):
        doc_id = _cell(row.get("doc_id")) or str(number)
        text = _cell(row.get("text"))
        cleaned = clean_text(text or "", patterns, detect_title=False, detect_byline=False)
        if not cleaned.body.strip():
            yield Skipped(f"{path}#{number}", "has no text")
            continue
        yield {
            "doc_id": doc_id,
            "source": f"{path}#{number}",
            "title": _cell(row.get("title")),
            "author": _cell(row.get("author")),
            "date": _cell(row.get("date")),
            "encoding": encoding,
            "text": cleaned.body,
            "removed": cleaned.removed,
        }


def _cell(value: object) -> str | None:
    """A table cell as text, or None when it is missing or blank."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def load_documents(
    sources: Iterable[str | Path] | None = None,
    *,
    patterns: Furniture | None = None,
) -> pd.DataFrame:
    """Load and clean every readable document into one table (one row per document).

    Unreadable documents are left out; :func:`iter_documents` reports them.

    >>> load_documents().loc[0, "author"]
    'Alastair Crooke'
    """
    records = [r for r in iter_documents(sources, patterns=patterns) if isinstance(r, dict)]
    columns = ["doc_id", "source", "title", "author", "date", "encoding", "text", "removed"]
    return pd.DataFrame(records, columns=columns)

"""A raw document's text made into a body of paragraphs, with what was recognised around
it (title, byline, date, layout) and what was taken out (furniture, header lines).

The steps: whitespace made plain (:mod:`.whitespace`); lines matched by a furniture
pattern marked (:mod:`.furniture`); the text cut into the author's paragraphs by its
layout, the header at its top read and taken out, and marked furniture taken out where it
stands alone (:mod:`.layout`); a byline looked for near either end of the body. The body's
paragraphs are then joined by one blank line, so segmenting finds them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .furniture import Furniture, is_furniture
from .layout import CHOICES, parse_byline, split_layout
from .whitespace import normalise_whitespace

#: What a reader may declare of a text's paragraphs instead of having them detected:
#: ``html`` and ``markdown``, the page's or file's block elements, one a blank-line block.
DECLARED = {"html": "blank", "markdown": "blank"}
_HEADER_ROLES = ("title", "byline", "date", "header")


@dataclass
class Cleaned:
    """A cleaned body with what was recognised and what was taken out.

    ``layout`` names the paragraph layout found or imposed (see
    :data:`.layout.KINDS`; ``header+`` before it when a header was taken out);
    ``removed`` lists every line taken out of the body but the title, in text order.
    """

    body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    layout: str = "blank"
    removed: list[str] = field(default_factory=list)


def find_byline(paragraph: str) -> str | None:
    """Return the author's name when a paragraph is a byline ("By …", "Submitted by …").

    >>> find_byline("By Alastair Crooke"), find_byline("By the way, we left.")
    ('Alastair Crooke', None)
    """
    found = parse_byline(paragraph)
    return found[0] if found else None


def clean_text(
    raw: str,
    patterns: Furniture | None,
    *,
    paragraphs: str = "auto",
    detect_title: bool = True,
    detect_byline: bool = True,
    declared: str | None = None,
) -> Cleaned:
    """Clean raw text into a body of paragraphs and what was recognised around it.

    ``paragraphs`` is the layout: ``auto`` (detected from the text), ``blank`` or
    ``line`` (see :func:`.layout.split_layout`); ``declared`` a layout the reader
    vouches for (:data:`DECLARED`), which overrides both. With ``detect_title`` and
    ``detect_byline`` off (a table row's text), the top of the text is body: no header
    is taken out. Otherwise the header gives the title, the author and the date, and a
    byline among the first three or last six paragraphs gives the author. Short
    furniture lines (matched by ``patterns``) that stand alone are taken out.

    >>> c = clean_text("A Title\\nMay 3, 1911\\nBody text.\\nMore text.\\nBy Ann Lee", None)
    >>> c.title, c.date, c.layout, c.body
    ('A Title', '1911-05-03', 'header+line', 'Body text.\\n\\nMore text.')
    >>> c.author, c.removed
    ('Ann Lee', ['May 3, 1911', 'By Ann Lee'])
    """
    text = normalise_whitespace(raw)
    marked = _furniture_lines(text, patterns)
    layout = DECLARED.get(declared or "", paragraphs)
    structure = split_layout(text, layout=layout, header=detect_title or detect_byline,
                             furniture=marked)
    units = list(structure.units)
    body_roles = ("paragraph",) if detect_title else ("paragraph", "title")
    author = structure.byline if detect_byline else None
    if detect_byline and author is None:
        body = [i for i, unit in enumerate(units) if unit.role in body_roles]
        for i in sorted({*body[:3], *body[-6:]}):
            author = find_byline(units[i].text)
            if author:
                units[i] = units[i]._replace(role="byline")
                break
    kind = declared or structure.layout.kind
    header_roles = ("byline", "date", "header") if "title" in body_roles else _HEADER_ROLES
    taken = any(u.role in header_roles for u in structure.units)  # a header taken out
    return Cleaned(
        body="\n\n".join(u.text for u in units if u.role in body_roles),
        title=structure.title if detect_title else None,
        author=author,
        date=structure.date,
        layout=f"header+{kind}" if taken else kind,
        removed=[u.text for u in units if u.role not in (*body_roles, "title")],
    )


def _furniture_lines(text: str, patterns: Furniture | None) -> list[int]:
    """Numbers of the lines a furniture pattern matches (see :func:`.is_furniture`)."""
    if patterns is None:
        return []
    return [n for n, line in enumerate(text.split("\n")) if line and is_furniture(line, patterns)]


def clean_document(raw: dict, patterns: Furniture | None, *, paragraphs: str = "auto") -> dict:
    """Return the document record of a raw document (see :mod:`discourse_workbook.read`):
    its ``text`` cleaned into a body, the title, author and date it declares or that
    cleaning found (else those its file name gives, ``from_name``), its ``layout``,
    ``removed`` and ``non_prose`` (code and tables the reader kept out of the text), and
    the ``metadata`` of a table row (its other columns, ``{name: text}``). A
    raw document without ``header`` (a table row) has no title, byline or date to find.

    >>> raw = {"doc_id": "a", "source": "1911-Lee.txt", "title": None, "author": None,
    ...        "date": None, "encoding": "utf-8", "text": "Title\\n\\nBody.", "header": True,
    ...        "from_name": {"date": "1911", "author": "Lee"}}
    >>> record = clean_document(raw, None)
    >>> record["title"], record["date"], record["author"], record["layout"]
    ('Title', '1911', 'Lee', 'header+blank')
    """
    if paragraphs not in CHOICES:
        raise ValueError(f"paragraphs must be one of {CHOICES}, not {paragraphs!r}")
    header = raw.get("header", True)
    cleaned = clean_text(
        raw["text"], patterns, paragraphs=paragraphs,
        detect_title=header and raw["title"] is None, detect_byline=header,
        declared=raw.get("layout"),
    )
    named = raw.get("from_name") or {}
    return {
        "doc_id": raw["doc_id"],
        "source": raw["source"],
        "title": raw["title"] or cleaned.title,
        "author": raw["author"] or cleaned.author or named.get("author") or None,
        "date": raw["date"] or cleaned.date or named.get("date") or None,
        "encoding": raw["encoding"],
        "repaired_bytes": raw.get("repaired", 0),
        "layout": cleaned.layout,
        "text": cleaned.body,
        "removed": cleaned.removed,
        "non_prose": list(raw.get("non_prose") or []),
        "metadata": dict(raw.get("metadata") or {}),
    }

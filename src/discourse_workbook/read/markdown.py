"""Markdown to text: its block elements as paragraphs, as a web page's are read.

The file is parsed as CommonMark (with tables, strikethrough and footnotes) by mistune,
and read from the parsed blocks, not from the characters of the file:

- each paragraph, heading, list item, quoted block and footnote is one paragraph, its
  wrapped lines joined; a heading that opens the file is the title;
- inline markup goes and its text stays: ``code`` keeps its words, a link its text
  (reference links included), emphasis and strikethrough their words; images go;
- fenced and indented code blocks and tables are listed in ``non_prose`` (a table a row
  a line, cells separated by " | "), never counted as prose;
- HTML comments go, and a block of HTML gives the text it shows;
- a front-matter block (YAML between ``---`` lines, or TOML between ``+++`` lines, as
  static-site generators write it; or Pandoc's title block, up to three lines opening
  with "%") gives the title, author and date.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache

import yaml

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n"
                           r"(?:(?P=fence)|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TITLE_BLOCK = re.compile(r"\A(?:%[^\n]*(?:\n|\Z)){1,3}")
_KEY = re.compile(r"^[A-Za-z_][\w-]*$")
_ISO_DATE = re.compile(r"^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d])")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# blocks whose children are blocks, read in order; anything else with children is inline
_CONTAINERS = {"block_quote", "list", "list_item", "footnotes", "footnote_item"}
_TEXT_BLOCKS = {"paragraph", "block_text"}
_DROPPED_INLINE = {"image", "footnote_ref"}
MIN_LINE_PARAGRAPH = 80  # characters: the median line of a text laid out a paragraph a line
_ENDS = frozenset(".!?:;\"”’')…")
_HTML_BLOCKS = ["p", "div", "br", "li", "dt", "dd", "tr", "td", "th", "h1", "h2", "h3", "h4",
                "h5", "h6", "summary", "details", "blockquote", "section", "figcaption"]


@lru_cache(maxsize=1)
def _parser():
    import mistune

    return mistune.create_markdown(renderer=None,
                                   plugins=["table", "strikethrough", "footnotes"])


def read_markdown(text: str) -> dict:
    """Return the paragraphs of a Markdown text (``text``, separated by blank lines), its
    ``title`` (front matter, else a heading that opens it), ``author`` and ``date`` (front
    matter), and ``non_prose``: its code blocks and tables.

    >>> found = read_markdown("# The **Big** Question\\n\\nSee [the report][r], `x`\\n"
    ...                       "wrapped.\\n\\n```\\nprint(1)\\n```\\n\\n[r]: http://x.org\\n")
    >>> found["title"], found["text"], found["non_prose"]
    ('The Big Question', 'See the report, x wrapped.', ['print(1)'])
    """
    meta, text = front_matter(text)
    paragraphs: list[str] = []
    non_prose: list[str] = []
    title = meta.get("title")
    for kind, piece in _blocks(_parser()(text)):
        if kind == "heading" and title is None and not paragraphs:
            title = piece
        elif kind == "code":
            non_prose.append(piece)
        elif piece:
            paragraphs.append(piece)
    return {"text": "\n\n".join(paragraphs), "title": title, "author": meta.get("author"),
            "date": meta.get("date"), "non_prose": non_prose}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return the title, author and date a front-matter block gives (as text; a date as
    ISO text, else left out), and the text without the block.

    >>> front_matter("---\\ntitle: On Tides\\nauthors: [Ann Lee, Bo Yin]\\n"
    ...              "date: 2021-03-04\\n---\\nBody.")
    ({'title': 'On Tides', 'author': 'Ann Lee, Bo Yin', 'date': '2021-03-04'}, 'Body.')
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return _title_block(text)
    try:
        body = match.group("body")
        fields = yaml.safe_load(body) if match.group("fence") == "---" else tomllib.loads(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError):
        return {}, text  # not front matter after all: a rule, then text
    if not isinstance(fields, dict) or not all(_KEY.match(str(k)) for k in fields):
        return {}, text  # keys are names ("title", "pub-date"), not phrases of prose
    found = {
        "title": _field_text(fields.get("title")),
        "author": _field_text(fields.get("author", fields.get("authors"))),
        "date": _field_date(fields.get("date")),
    }
    return {k: v for k, v in found.items() if v}, text[match.end():]


def _title_block(text: str) -> tuple[dict[str, str], str]:
    """Pandoc's title block: "% title", "% authors" (separated by ";"), "% date"."""
    match = _TITLE_BLOCK.match(text)
    if not match:
        return {}, text
    lines = [line[1:].strip() for line in match.group(0).splitlines()]
    title, authors, date = (*lines, "", "")[:3]
    found = {"title": " ".join(title.split()),
             "author": ", ".join(a.strip() for a in authors.split(";") if a.strip()),
             "date": _field_date(date) if date else None}
    return {k: v for k, v in found.items() if v}, text[match.end():]


def _field_text(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        names = [_field_text(v) for v in value]
        value = ", ".join(n for n in names if n)
    if value is None or isinstance(value, (dict, list)):
        return None
    return " ".join(str(value).split()) or None


def _field_date(value: object) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    match = _ISO_DATE.match(str(value)) if value is not None else None
    return match.group(1) if match else None


def _blocks(nodes: list[dict]) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` for each block, in order: kind is "heading", "text" or "code"
    (a code block or table)."""
    for node in nodes:
        kind = node["type"]
        if kind == "heading":
            yield "heading", _inline(node["children"])
        elif kind in _TEXT_BLOCKS:
            for line in _lines_or_paragraph(node["children"]):
                yield "text", line
        elif kind in _CONTAINERS:
            yield from _blocks(node.get("children", []))
        elif kind == "block_code":
            code = node.get("raw", "").strip("\n")
            if code.strip():
                yield "code", code
        elif kind == "table":
            yield "code", "\n".join(" | ".join(_inline(c["children"]) for c in row)
                                    for row in _table_rows(node))
        elif kind == "block_html":
            yield "text", _html_text(node.get("raw", ""))


def _table_rows(table: dict) -> Iterator[list[dict]]:
    for part in table.get("children", []):
        if part["type"] == "table_head":
            yield part["children"]
        else:
            for row in part.get("children", []):
                yield row["children"]


def _lines_or_paragraph(nodes: list[dict]) -> list[str]:
    """A paragraph's text; or its lines, when the paragraph is a text laid out one
    paragraph a line (a speech saved as Markdown): three lines or more, every one ending
    a sentence and most of them long, where hard-wrapped prose breaks mid-sentence."""
    lines: list[list[dict]] = [[]]
    for node in nodes:
        if node["type"] in ("softbreak", "linebreak"):
            lines.append([])
        else:
            lines[-1].append(node)
    texts = [_inline(line) for line in lines]
    if (len(texts) >= 3 and all(t and t[-1] in _ENDS for t in texts)
            and sorted(map(len, texts))[len(texts) // 2] >= MIN_LINE_PARAGRAPH):
        return texts
    return [" ".join(t for t in texts if t)]


def _inline(nodes: list[dict]) -> str:
    """The text of inline markup, on one line."""
    return " ".join("".join(_inline_pieces(nodes)).split())


def _inline_pieces(nodes: list[dict]) -> Iterator[str]:
    for node in nodes:
        kind = node["type"]
        if kind in _DROPPED_INLINE:
            continue
        if kind in ("softbreak", "linebreak"):
            yield " "
        elif kind == "inline_html":
            yield " " if re.match(r"<br\b", node.get("raw", ""), re.I) else ""
        elif "children" in node:
            yield from _inline_pieces(node["children"])
        else:
            yield node.get("raw", "")


def _html_text(html: str) -> str:
    """The text an HTML block shows: comments, scripts and styles out, tags dropped."""
    html = _COMMENT.sub("", html)
    if not html.strip():
        return ""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    for block in soup(_HTML_BLOCKS):
        block.insert_after(" ")  # words of two blocks stay apart; "<b>x</b>." stays "x."
    return " ".join(soup.get_text().split())

"""Web pages to text: the main text of an HTML page as its block elements, its title,
author and date, and the code and tables kept out of the prose.

The main text is what trafilatura finds (navigation, sidebars, comments, scripts and
footers left out), read from its element tree rather than its plain text, so that each
block element — a paragraph, a heading, a list item, a definition term or description —
is one paragraph with the line breaks of the page's source joined. Before extraction:

- permalink anchors (an ``a`` whose whole text is "¶", "#", "§" or "🔗", or whose class
  says it is a header link) and "Edit on GitHub"-style links are dropped, so headings do
  not end in a permalink sign;
- every ``pre`` block is swapped for a marker, so that code keeps its lines and is
  listed in ``non_prose`` where it stands in the main text (a code sample is not prose:
  its words are not counted, its "sentences" not scored).

Tables of the main text are listed in ``non_prose`` too, a row a line. The page's title
is not repeated as its first paragraph.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

PERMALINK_SIGNS = frozenset({"¶", "#", "§", "🔗", "⚓", "⁋", "link"})
_EDIT_LINK = re.compile(
    r"^(?:edit|view|improve|suggest (?:an )?edits? (?:to|on))(?: (?:this|the))?"
    r"(?: page| source| file)?(?: (?:on|in) (?:github|gitlab|bitbucket|codeberg))?$"
    r"|^view (?:page )?source$|^edit on (?:github|gitlab|bitbucket|codeberg)$",
    re.IGNORECASE,
)
_HEADERLINK_CLASS = re.compile(r"\b(?:headerlink|anchor-?link|permalink|heading-?link)\b", re.I)
_MARKER = "dwbcode{}x"
_MARKER_FOUND = re.compile(r"dwbcode(\d+)x")
_TITLE_PARTS = re.compile(r"\s+[|·•–—-]\s+|\s+::\s+")  # "Page | Site", "Site – Page"
_TRAILING_SIGNS = re.compile(r"(?:\s*[¶§🔗⚓⁋])+$")
_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# trafilatura's tree: blocks that hold text, and blocks that only hold blocks; anything
# else (hi, ref, code — every pre block is a marker by then —, lb) is inline
_TEXT_BLOCKS = {"p", "head", "item", "quote", "cell"}
_BLOCKS = _TEXT_BLOCKS | {"list", "table", "row", "div", "main", "body"}
MAX_CELL_WORDS = 80  # a table with a longer cell lays out a page: its cells are read
MIN_MAIN_TEXT = 400  # characters: less, and the page's own block elements are read
# HTML elements read by the fallback, when trafilatura finds no main text
_FALLBACK_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote")
_FALLBACK_DROP = ("script", "style", "noscript", "nav", "header", "footer", "form", "aside")


def extract_html(html: str) -> dict:
    """Return the main text of a web page (its block elements, one paragraph each,
    separated by blank lines), its title, author and date, and ``non_prose``: the code
    blocks and tables of the main text, kept out of the text.

    >>> page = ("<html><head><title>Notes</title></head><body><h1>Notes</h1>"
    ...         "<p>First line\\nand its end.</p><pre>x = 1\\ny = 2</pre></body></html>")
    >>> found = extract_html(page)
    >>> found["title"], found["text"], found["non_prose"]
    ('Notes', 'First line and its end.', ['x = 1\\ny = 2'])
    """
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return {"text": "", "title": None, "author": None, "date": None, "non_prose": []}
    page_title = _element_text(tree.find(".//title"))
    code = _prepare(tree)
    found = trafilatura.bare_extraction(
        tree, include_comments=False, include_tables=True, with_metadata=True
    )
    meta = {"title": None, "author": None, "date": None}
    paragraphs: list[str] = []
    non_prose: list[str] = []
    if found is not None:
        meta = {key: getattr(found, key, None) for key in meta}
        if found.body is not None and not _merged(found.body):
            heading = _main_heading(found.body)
            meta["title"] = heading or meta["title"]
            for kind, text in _read_tree(found.body, code):
                (paragraphs if kind == "text" else non_prose).append(text)
    found_title = _plain_title(meta["title"])
    title = _not_the_site(found_title, page_title)
    if sum(map(len, paragraphs)) < MIN_MAIN_TEXT:
        tree = lxml.html.fromstring(html)  # trafilatura changed the first one
        paragraphs, non_prose, page_title = _fallback(tree, _prepare(tree))
        title = title or page_title
    for repeated in dict.fromkeys(t for t in (found_title, title) if t):  # site, then page
        if paragraphs and _same(paragraphs[0], repeated):
            paragraphs.pop(0)
    return {
        "text": "\n\n".join(paragraphs),
        "title": title or None,
        "author": meta["author"],
        "date": meta["date"],
        "non_prose": non_prose,
    }


def _main_heading(body) -> str | None:
    """The text of the top-level heading that opens the main text, if it does: the
    page's own title (the page's metadata may name the site or a pop-up instead)."""
    first = next((child for child in body if isinstance(child.tag, str)), None)
    if first is not None and first.tag == "head" and first.get("rend") == "h1":
        return _SPACES.sub(" ", "".join(first.itertext())).strip() or None
    return None


def _merged(body) -> bool:
    """Did the extractor fall back to one block of the page's lines (a small page, or
    one it could not read)? Then the blocks are read from the page itself."""
    blocks = [child for child in body if isinstance(child.tag, str)]
    return len(blocks) == 1 and "\n" in "".join(blocks[0].itertext()).strip()


def _prepare(tree) -> list[str]:
    """Permalinks out, heading anchors unnamed, code blocks and data tables swapped for
    markers; return the code blocks and tables."""
    _drop_permalinks(tree)
    _unname_sections(tree)
    return _swap_code_blocks(tree)


def _unname_sections(tree) -> None:
    """Drop the ``id`` of a section named after its own heading ("new-features-related-
    to-type-hints", perhaps without the heading's number): it is an anchor, not a sign of
    what the section is (the extractor would take a "related" section for a list of
    related links)."""
    for section in tree.iter("section", "div"):
        name = section.get("id")
        if not name:
            continue
        heading = next((child for child in section.iterchildren(*_HEADINGS)), None)
        if heading is not None and _slug(name) and _slug(heading.text_content()).endswith(
            _slug(name)
        ):
            del section.attrib["id"]


def _slug(text: str) -> str:
    return "-".join(_NOT_ALNUM.split(text.casefold())).strip("-")


def _drop_permalinks(tree) -> None:
    """Take out permalink anchors and "Edit on GitHub"-style links (their tails stay)."""
    for anchor in list(tree.iter("a")):
        text = " ".join(anchor.text_content().split())
        if (
            text in PERMALINK_SIGNS
            or (not text and _HEADERLINK_CLASS.search(anchor.get("class") or ""))
            or _HEADERLINK_CLASS.search(anchor.get("class") or "") and len(text) <= 2
            or (len(text) < 40 and _EDIT_LINK.match(text))
        ):
            anchor.drop_tree()


def _swap_code_blocks(tree) -> list[str]:
    """Replace each ``pre`` block and each data table by a paragraph holding a marker;
    return their texts (a table's a row a line, cells separated by " | "), numbered as
    the markers are. A table holding another table or a long cell lays out a page and
    is left to be read."""
    kept = []
    for element in list(tree.iter("pre", "table")):
        if not _attached(element, tree):
            continue  # inside a block already swapped
        if element.tag == "pre":
            text = element.text_content().strip("\n")
        elif _lays_out(element):
            continue
        else:
            text = _html_table_text(element)
        marker = element.makeelement("p", {})
        marker.text = _MARKER.format(len(kept)) if text.strip() else ""
        marker.tail = element.tail
        element.getparent().replace(element, marker)
        if text.strip():
            kept.append(text)
    return kept


def _attached(element, root) -> bool:
    """Is the element still in the tree under ``root``?"""
    top = deque(element.iterancestors(), maxlen=1)
    return element is root or (bool(top) and top[0] is root)


def _lays_out(table) -> bool:
    """Does a table lay out a page (a table inside it, or a cell of many words)?"""
    if any(True for _ in table.iterdescendants("table")):
        return True
    return any(len(cell.text_content().split()) > MAX_CELL_WORDS
               for cell in table.iter("td", "th"))


def _html_table_text(table) -> str:
    """An HTML table as text: a row a line, its cells separated by " | "."""
    rows = []
    for row in table.iter("tr"):
        cells = [_SPACES.sub(" ", cell.text_content()).strip() for cell in row.iter("td", "th")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _read_tree(element, code: list[str]) -> Iterator[tuple[str, str]]:
    """``("text", paragraph)`` for each block of trafilatura's tree of the main text, in
    order, and ``("code", text)`` for a code block or table kept out of it."""
    for child in element:
        yield from _read_block(child, element.tag, code)


def _read_block(block, parent: str, code: list[str]) -> Iterator[tuple[str, str]]:
    """What one element of the tree gives: a block holding other blocks gives its own
    runs of text apart from theirs; a ``code`` element standing among blocks is code."""
    tag = block.tag
    if not isinstance(tag, str):
        return
    if tag == "code" and parent not in _TEXT_BLOCKS:  # code standing as a block
        yield from _pieces("".join(block.itertext()), code, keep_lines=True)
    elif tag in _TEXT_BLOCKS:
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in block):
            yield from _mixed(block, code)
        else:
            yield from _pieces("".join(block.itertext()), code)
    elif tag in _BLOCKS:
        yield from _read_tree(block, code)
    # graphics, line breaks and the like between blocks hold no text of their own


def _mixed(element, code: list[str]) -> Iterator[tuple[str, str]]:
    """A block holding other blocks: its runs of text apart, each inner block in turn."""
    run: list[str] = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in _BLOCKS:
            yield from _pieces("".join(run), code)
            run = []
            yield from _read_block(child, element.tag, code)
        elif isinstance(child.tag, str):
            run.append("".join(child.itertext()))
        run.append(child.tail or "")
    yield from _pieces("".join(run), code)


def _pieces(text: str, code: list[str], keep_lines: bool = False) -> Iterator[tuple[str, str]]:
    """The paragraph a block's text makes (its whitespace collapsed), with any code
    markers in it given back as the code they stand for."""
    at = 0
    for match in _MARKER_FOUND.finditer(text):
        yield from _piece(text[at:match.start()], keep_lines)
        number = int(match.group(1))
        if number < len(code):
            yield "code", code[number]
        at = match.end()
    yield from _piece(text[at:], keep_lines)


def _piece(text: str, keep_lines: bool) -> Iterator[tuple[str, str]]:
    if keep_lines:
        text = text.strip("\n")
        if text.strip():
            yield "code", text
        return
    text = _TRAILING_SIGNS.sub("", _SPACES.sub(" ", text).strip())
    if text:
        yield "text", text


def _plain_title(title: str | None) -> str | None:
    if not title:
        return None
    return _TRAILING_SIGNS.sub("", _SPACES.sub(" ", title).strip()) or None


def _element_text(element) -> str | None:
    return _plain_title(element.text_content()) if element is not None else None


def _not_the_site(title: str | None, page_title: str | None) -> str | None:
    """The page's own title, when the one found is the site's name: the last part of the
    page's ``title`` element, which by convention names the page, then the site
    ("Assert | Node.js v20 Documentation" beside a heading "Node.js v20 documentation"
    gives "Assert"; "8. Compound statements — Python 3.11 documentation" beside the
    heading "8. Compound statements" keeps it)."""
    parts = [p for p in _TITLE_PARTS.split(page_title or "") if p.strip()]
    if title and len(parts) >= 2 and _same(parts[-1], title):
        return _plain_title(parts[0])
    return title


def _same(paragraph: str, title: str) -> bool:
    """Is the paragraph the title again (case, spaces and final marks aside)?"""
    def key(text: str) -> str:
        return _SPACES.sub(" ", text).strip(" .:;!?").casefold()
    return key(paragraph) == key(title)


def _fallback(tree, code: list[str]) -> tuple[list[str], list[str], str | None]:
    """The block elements of a small page that the main-text extractor declines."""
    title = _element_text(tree.find(".//title"))
    for tag in _FALLBACK_DROP:
        for element in list(tree.iter(tag)):
            element.drop_tree()
    paragraphs: list[str] = []
    non_prose: list[str] = []
    for element in tree.iter(*_FALLBACK_BLOCKS):
        if any(child.tag in _FALLBACK_BLOCKS for child in element.iterdescendants()):
            continue  # its inner blocks are read on their own
        for kind, text in _pieces(element.text_content(), code):
            (paragraphs if kind == "text" else non_prose).append(text)
    if not paragraphs:
        body = tree.find(".//body")
        text = (body if body is not None else tree).text_content()
        for line in text.split("\n"):
            for kind, piece in _pieces(line, code):
                (paragraphs if kind == "text" else non_prose).append(piece)
    return paragraphs, non_prose, title

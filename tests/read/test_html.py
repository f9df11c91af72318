"""Web pages: block elements are paragraphs, their source's line breaks joined; permalink
signs and edit links go; code and tables are listed apart, never analysed; the title is
not repeated as the first paragraph."""

from __future__ import annotations

from pathlib import Path

from discourse_workbook.pipeline import iter_documents
from discourse_workbook.read import extract_html

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"
ARTICLE_BODY = " ".join(["The council met again on Tuesday and heard the harbour master's report"
                         " on the winter's damage to the quay, which was worse than feared."] * 2)


def records(sources):
    return [r for r in iter_documents(sources) if isinstance(r, dict)]


def test_a_hard_wrapped_page_gives_one_paragraph_per_block():
    (doc,) = records([PAGES / "hard-wrapped.html"])
    paragraphs = doc["text"].split("\n\n")
    assert doc["title"] == "Tide Tables Explained"
    assert doc["layout"] == "html"
    assert paragraphs[0] == (
        "A tide table gives the times and heights of high and low water for one port, day by "
        "day, for a whole year. The heights are measured from chart datum, the lowest level "
        "the tide is expected to reach in ordinary weather.")
    assert "Reading a table" in paragraphs  # a heading, without its "¶"
    assert not any("¶" in p or "Edit on GitHub" in p for p in paragraphs)
    assert paragraphs[-2:] == ["Heights in estuaries are less reliable than on the open coast.",
                               "The tables do not allow for storm surges."]
    assert len(paragraphs) == 7
    assert not any("Harbour Handbook" in p or "Copyright" in p for p in paragraphs)


def test_code_and_tables_are_listed_apart_from_the_prose():
    (doc,) = records([PAGES / "hard-wrapped.html"])
    assert ">>>" not in doc["text"] and "Burntisland" not in doc["text"]
    code, table = doc["non_prose"]
    assert code.splitlines() == ['>>> tide("Aberdour", "2019-03-21")',
                                 "High water 04:12, 5.2 m; low water 10:31, 0.6 m"]
    assert table.splitlines() == ["Port | Datum", "Aberdour | CD 2019", "Burntisland | CD 2017"]


def test_permalink_signs_of_every_kind_leave_the_headings():
    page = (
        "<html><head><title>Night trains | The Paper</title></head><body><article>"
        "<h1>The Night Train Returns<a href='#top' aria-label='Permalink'>#</a></h1>"
        f"<p>{ARTICLE_BODY}</p>"
        "<h2>Who rides it <a class='anchor-link' href='#who'>🔗</a></h2>"
        f"<p>{ARTICLE_BODY} Students, mostly.</p>"
        "<h2>What it costs<a class='headerlink' href='#cost'>§</a></h2>"
        f"<p>{ARTICLE_BODY} More than a flight.</p>"
        "<p><a href='https://github.com/x/y/edit/main/a.md'>Edit this page</a></p>"
        "</article></body></html>"
    )
    found = extract_html(page)
    paragraphs = found["text"].split("\n\n")
    assert found["title"] == "The Night Train Returns"
    assert paragraphs[0] == ARTICLE_BODY  # the title is not repeated
    assert "Who rides it" in paragraphs and "What it costs" in paragraphs
    assert not any(sign in found["text"] for sign in ("#", "🔗", "§", "Edit this page"))


def test_a_small_page_is_read_block_by_block():
    page = ("<html><head><title>Notes</title></head><body><nav>Home | About</nav>"
            "<h1>Notes</h1><p>First line\nand its end.</p><ul><li>One item</li>"
            "<li>Another\nitem</li></ul><pre>x = 1\n  y = 2</pre><footer>© me</footer>"
            "</body></html>")
    found = extract_html(page)
    assert found["title"] == "Notes"
    assert found["text"].split("\n\n") == ["First line and its end.", "One item", "Another item"]
    assert found["non_prose"] == ["x = 1\n  y = 2"]


def test_a_page_that_is_not_html_gives_no_text():
    assert extract_html("")["text"] == ""


def test_a_heading_naming_the_site_gives_way_to_the_pages_own_title():
    """Node.js's API pages open with the site's name as their heading; the title element
    names the page, then the site. A page whose heading is its own title keeps it."""
    body = "".join(f"<p>{ARTICLE_BODY} ({i})</p>" for i in range(3))
    site = ("<html><head><title>Assert | Node.js v20.20.2 Documentation</title></head><body>"
            "<main><h1>Node.js v20.20.2 documentation</h1><h2>Assert</h2>"
            f"{body}</main></body></html>")
    found = extract_html(site)
    assert found["title"] == "Assert"
    assert found["text"].startswith("The council met")  # neither heading repeated
    own = site.replace("<h1>Node.js v20.20.2 documentation</h1><h2>Assert</h2>",
                       "<h1>Assert</h1>")
    assert extract_html(own)["title"] == "Assert"
    python = site.replace("Assert | Node.js v20.20.2 Documentation",
                          "8. Compound statements — Python 3.11 documentation").replace(
        "<h1>Node.js v20.20.2 documentation</h1><h2>Assert</h2>",
        "<h1>8. Compound statements</h1>")
    assert extract_html(python)["title"] == "8. Compound statements"

"""Markdown: its blocks are the paragraphs; code and tables are listed apart; markup,
comments and link definitions go; front matter gives title, author and date."""

from __future__ import annotations

from discourse_workbook.pipeline import iter_documents
from discourse_workbook.read import front_matter, read_markdown


def document(write, text, name="notes.md"):
    (doc,) = [d for d in iter_documents([write(name, text)]) if isinstance(d, dict)]
    return doc


def test_fenced_code_is_listed_apart_from_the_prose(write):
    text = ("# Installing\n\nRun the installer:\n\n```sh\n$ pip install tides\n$ tides --help\n"
            "```\n\nThen open the **tables**.\n\n~~~~\nlast block, never closed\n")
    doc = document(write, text)
    assert doc["title"] == "Installing"
    assert doc["text"].split("\n\n") == ["Run the installer:", "Then open the tables."]
    assert doc["non_prose"] == ["$ pip install tides\n$ tides --help", "last block, never closed"]
    assert doc["layout"] == "markdown"


def test_reference_documentation_reads_as_its_sentences(write):
    """The layout of Node.js's API documentation: comments holding YAML, a quoted
    stability note, inline code, reference links, list items wrapped over lines."""
    text = (
        "# Assert\n\n<!--introduced_in=v0.1.21-->\n\n> Stability: 2 - Stable\n\n"
        "<!-- YAML\nadded: v9.9.0\nchanges:\n  - version: v15.0.0\n-->\n\n"
        "The `node:assert` module provides a set of assertion\nfunctions for verifying "
        "invariants. See [`assert.deepEqual()`][] and [the guide][guide].\n\n"
        "* `message` {string} If provided, the error message is set to this\n"
        "  value.\n* `actual` {any} The `actual` property.\n\n"
        "| Option | Default |\n|---|---|\n| `strict` | `true` |\n\n"
        "    indented code\n\n"
        "[`assert.deepEqual()`]: #assertdeepequal\n[guide]: https://nodejs.org/guide\n"
    )
    doc = document(write, text, "assert.md")
    assert doc["title"] == "Assert"
    assert doc["text"].split("\n\n") == [
        "Stability: 2 - Stable",
        "The node:assert module provides a set of assertion functions for verifying "
        "invariants. See assert.deepEqual() and the guide.",
        "message {string} If provided, the error message is set to this value.",
        "actual {any} The actual property.",
    ]
    assert doc["non_prose"] == ["Option | Default\nstrict | true", "indented code"]
    assert "YAML" not in doc["text"] and "http" not in doc["text"]


def test_setext_headings_html_blocks_images_and_footnotes():
    text = ("Field Notes\n===========\n\nA *quiet* ~~loud~~ morning![a gull](g.png) on the\n"
            "shore.[^1]\n\n<div class=\"note\"><p>Seen <b>twice</b>.</p><p>Then gone.</p>"
            "</div>\n\n---\n\n"
            "Second part\n-----------\n\nMore.\n\n[^1]: Low tide.\n")
    found = read_markdown(text)
    assert found["title"] == "Field Notes"
    assert found["text"].split("\n\n") == [
        "A quiet loud morning on the shore.", "Seen twice. Then gone.", "Second part", "More.",
        "Low tide.",
    ]


def test_front_matter_gives_title_author_and_date(write):
    text = ("---\ntitle: \"Tides: a history\"\nauthor:\n  name: Ann Lee\ndate: 2021-03-04 "
            "10:00\ntags: [sea]\n---\n\n# A heading, not the title\n\nBody text here.\n")
    doc = document(write, text, "post.md")
    assert (doc["title"], doc["author"], doc["date"]) == ("Tides: a history", "Ann Lee",
                                                          "2021-03-04")
    assert doc["text"].split("\n\n") == ["A heading, not the title", "Body text here."]
    toml = "+++\ntitle = \"Notes\"\ndate = 2020-01-02\nauthors = [\"Bo\", \"Cy\"]\n+++\nText."
    assert front_matter(toml) == ({"title": "Notes", "author": "Bo, Cy",
                                   "date": "2020-01-02"}, "Text.")


def test_pandocs_title_block_gives_title_authors_and_date():
    text = "% Rust Release Notes\n% Ann Lee; Bo Yin\n% 2026-04-16\n\nVersion 1.95\n====\n\nText."
    found = read_markdown(text)
    assert (found["title"], found["author"], found["date"]) == (
        "Rust Release Notes", "Ann Lee, Bo Yin", "2026-04-16")
    assert found["text"].split("\n\n") == ["Version 1.95", "Text."]


def test_a_speech_saved_one_paragraph_a_line_keeps_its_paragraphs():
    said = ["Mr. Mayor, members of the Council, and my fellow citizens:",
            "My fellow citizens, we meet today in a season of doubt and of hope, as every "
            "generation before us has met.",
            "The work ahead is long, and none of it will be done by one of us alone; it will be "
            "done by all of us together.",
            "So let us begin, not in fear of what we may lose, but in faith in what we may yet "
            "build together."]
    assert read_markdown("# Remarks\n\n" + "\n".join(said))["text"].split("\n\n") == said
    wrapped = ("The work ahead is long, and none of it will be done\nby one of us alone; it "
               "will be done by all of us\ntogether, as it always was.")
    assert read_markdown(wrapped)["text"] == " ".join(wrapped.split())


def test_a_rule_at_the_top_is_not_front_matter():
    text = "---\nJust a line: with a colon, then prose\n---\n\nBody."
    assert front_matter(text) == ({}, text)
    assert "Body." in read_markdown(text)["text"]

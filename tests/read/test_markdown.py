"""Markdown: fenced code is listed apart from the prose; markup goes."""

from __future__ import annotations

from discourse_workbook.pipeline import iter_documents
from discourse_workbook.read import take_code_blocks


def test_fenced_code_is_listed_apart_from_the_prose(write):
    text = ("# Installing\n\nRun the installer:\n\n```sh\n$ pip install tides\n$ tides --help\n"
            "```\n\nThen open the **tables**.\n\n~~~~\nlast block, never closed\n")
    (doc,) = [d for d in iter_documents([write("notes.md", text)]) if isinstance(d, dict)]
    assert doc["title"] == "Installing"
    assert doc["text"].split("\n\n") == ["Run the installer:", "Then open the tables."]
    assert doc["non_prose"] == ["$ pip install tides\n$ tides --help", "last block, never closed"]


def test_text_without_fences_is_left_alone():
    text = "Three `backticks` inline, and ``two`` too.\n\nNo block here."
    assert take_code_blocks(text) == (text, [])

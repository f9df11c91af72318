"""What a file name says: a leading year or ISO date, and the author after it."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse_workbook.pipeline import iter_documents
from discourse_workbook.read.filename import add_name_metadata, metadata_from_name


@pytest.mark.parametrize(("name", "date", "author"), [
    ("1945-Truman.txt", "1945", "Truman"),
    ("1790-Washington-1.txt", "1790", "Washington"),
    ("1790-Washington-2", "1790", "Washington"),  # a doc_id: no suffix
    ("corpora/sotu/1837-VanBuren.txt", "1837", "VanBuren"),
    ("2024-06-12-reuters.txt", "2024-06-12", "reuters"),
    ("20240612_Reuters.md", "2024-06-12", "Reuters"),
    ("2020.05.01 Smith.html", "2020-05-01", "Smith"),
    ("1825-John-Quincy-Adams.txt", "1825", "John Quincy Adams"),
    ("1825-J.Q.-Adams.txt", "1825", "J.Q. Adams"),
    ("2024-06.txt", "2024-06", ""),
    # a title, not a name: several words in lower case
    ("2024-06-12-russia-sanctions-analysis.txt", "2024-06-12", ""),
    # no such month or day: the date stops at what exists, and no author is guessed
    ("2024-13-notes.txt", "2024", ""),
    ("2023-02-30-ap.txt", "2023-02", ""),
    # not a leading date
    ("Washington.txt", "", ""),
    ("1984Orwell.txt", "", ""),
    ("0042-intro.txt", "", ""),
    ("speech-1945-Truman.txt", "", ""),
])
def test_a_file_name_gives_its_date_and_author(name, date, author):
    assert metadata_from_name(name) == {"date": date, "author": author}


def test_name_metadata_fills_only_empty_cells_and_reads_table_rows_by_doc_id():
    documents = pd.DataFrame({
        "doc_id": ["1861-Lincoln", "2001-Bush", "7", "2016-Obama"],
        "source": ["inaugural/1861-Lincoln.txt", "sotu/2001-Bush.txt", "2020-feed.csv#7",
                   "feed.jsonl#2"],
        "author": [None, "George W. Bush", "", ""],
        "date": ["", "2001-01-20", None, ""],
        "title": ["First Inaugural", "", "", ""],
    })
    filled = add_name_metadata(documents)
    assert filled["author"].tolist() == ["Lincoln", "George W. Bush", "", "Obama"]
    assert filled["date"].tolist() == ["1861", "2001-01-20", "", "2016"]
    assert filled["title"].tolist() == documents["title"].tolist()
    assert pd.isna(documents["author"].iloc[0])  # the input is not changed


# --------------------------------------------------------------------------- in reading


def records(sources):
    return [r for r in iter_documents(sources) if isinstance(r, dict)]


def test_a_file_name_fills_date_and_author_when_the_text_gives_none(write):
    (doc,) = records([write("1945-Truman.txt", "We meet in hard times.\nYet we go on.\n")])
    assert (doc["date"], doc["author"]) == ("1945", "Truman")


def test_the_text_header_and_byline_come_before_the_file_name(write):
    text = "Address to the Nation\n\nApril 16, 1945\n\nBy Harry S. Truman\n\nWe meet today."
    (doc,) = records([write("1945-Truman.txt", text)])
    assert (doc["date"], doc["author"]) == ("1945-04-16", "Harry S. Truman")
    assert doc["title"] == "Address to the Nation"


def test_a_page_date_comes_before_the_file_name(write):
    page = ("<html><head><title>T</title><meta name='date' content='2020-05-01'>"
            "<meta name='author' content='Ann Lee'></head><body><article><p>"
            + "A paragraph of the article that says something at some length. " * 12
            + "</p></article></body></html>")
    (doc,) = records([write("1999-Smith.html", page)])
    assert (doc["date"], doc["author"]) == ("2020-05-01", "Ann Lee")


def test_a_name_without_a_leading_date_fills_nothing(write):
    (doc,) = records([write("Truman.txt", "We meet in hard times.\n")])
    assert (doc["date"], doc["author"]) == (None, None)

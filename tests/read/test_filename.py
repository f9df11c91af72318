"""Metadata read from file names: a leading year or ISO date, and the author after it."""

from __future__ import annotations

import pandas as pd
import pytest

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

"""Groups of documents: by document, author, year, decade or metadata, in date order."""

from __future__ import annotations

import pandas as pd
import pytest

from discourse_workbook.errors import InputError
from discourse_workbook.stats.groups import (
    UNKNOWN,
    default_grouping,
    group_documents,
    group_order,
    summarise_groups,
)


def documents(rows: list[tuple]) -> pd.DataFrame:
    """A documents table from (doc_id, author, date[, n_tokens]) rows, in corpus order."""
    frame = pd.DataFrame(rows, columns=["doc_id", "author", "date", "n_tokens"][: len(rows[0])])
    return frame.assign(title="", source=frame["doc_id"] + ".txt")


SPEECHES = documents([
    ("1993-Clinton", "Clinton", "1993-01-20", 1600),
    ("1861-Lincoln", "Lincoln", "1861-03-04", 3600),
    ("1865-Lincoln", "Lincoln", "1865-03-04", 700),
    ("notes", None, "", 300),
    ("1997-Clinton", "Clinton", "1997-01-20", 2200),
    ("undated-Lincoln", "Lincoln", None, 500),
])


def test_groups_follow_the_earliest_date_and_documents_their_dates():
    groups = group_documents(SPEECHES, by="author")
    assert group_order(groups) == ["Lincoln", "Clinton", UNKNOWN]
    assert groups["doc_id"].tolist() == [
        "1861-Lincoln", "1865-Lincoln", "undated-Lincoln", "1993-Clinton", "1997-Clinton", "notes",
    ]
    assert groups["year"].tolist()[:2] == [1861, 1865]
    assert groups["grouping"].unique().tolist() == ["author"]
    assert groups["words"].sum() == SPEECHES["n_tokens"].sum()


def test_a_document_without_a_value_is_in_an_unknown_group_never_dropped():
    for by in ("author", "year", "decade"):
        groups = group_documents(SPEECHES, by=by)
        assert len(groups) == len(SPEECHES)
        assert groups.loc[groups["doc_id"] == "notes", "group"].item() == UNKNOWN
        assert group_order(groups)[-1] == UNKNOWN


def test_years_and_decades_are_labelled_and_ordered_by_time():
    assert group_order(group_documents(SPEECHES, by="year")) == ["1861", "1865", "1993", "1997",
                                                                  UNKNOWN]
    assert group_order(group_documents(SPEECHES, by="decade")) == ["1860s", "1990s", UNKNOWN]


def test_by_document_each_document_is_its_own_group_in_date_order():
    groups = group_documents(SPEECHES, by="document")
    assert groups["group"].tolist() == groups["doc_id"].tolist()
    # dated documents first, by date; undated ones after, in corpus order
    assert groups["doc_id"].tolist()[-2:] == ["notes", "undated-Lincoln"]


def test_a_metadata_column_groups_and_a_missing_one_is_named_in_the_error():
    table = SPEECHES.assign(party=["D", "R", "R", "", "D", "R"])
    groups = group_documents(table, by="party")
    assert group_order(groups) == ["R", "D", UNKNOWN]
    with pytest.raises(InputError, match="'region'.*party"):
        group_documents(table, by="region")


def test_the_default_is_author_when_several_write_and_document_for_a_small_corpus():
    assert default_grouping(SPEECHES) == "author"
    one_author = SPEECHES.assign(author="Lincoln")
    assert default_grouping(one_author) == "document"
    many = documents([(f"d{i}", "", f"{1900 + i % 30}-01-01") for i in range(100)])
    assert default_grouping(many) == "year"
    assert default_grouping(many.assign(date=[f"{1800 + 2 * i}" for i in range(100)])) == "decade"
    undated = documents([(f"d{i}", "", "") for i in range(100)])
    assert default_grouping(undated) == "document"


def test_too_many_groups_move_to_a_coarser_grouping_that_fits():
    corpus = documents([(f"{1950 + i // 2}-doc{i}", "", f"{1950 + i // 2}", 100)
                        for i in range(120)])  # 60 years, 7 decades
    groups = group_documents(corpus, by="document", max_groups=40)
    assert groups["grouping"].iloc[0] == "decade"
    assert groups["group"].nunique() == 6
    assert group_documents(corpus, by="year", max_groups=80)["grouping"].iloc[0] == "year"
    authors = corpus.assign(author=[f"A{i % 30}" for i in range(120)])
    assert group_documents(authors, by="document", max_groups=40)["grouping"].iloc[0] == "author"


def test_when_nothing_fits_the_largest_groups_stay_and_the_rest_are_pooled():
    corpus = documents([(f"d{i}", f"Author {i}", "", 10 * (i + 1)) for i in range(50)])
    groups = group_documents(corpus, by="author", max_groups=10)
    names = group_order(groups)
    assert len(names) == 10
    assert names[-1] == "(41 other groups)"
    assert set(names[:9]) == {f"Author {i}" for i in range(41, 50)}  # the most words
    assert len(groups) == 50


def test_split_gap_separates_namesakes_and_keeps_a_returning_author_whole():
    corpus = documents([
        *[(f"{y}-Bush", "Bush", str(y)) for y in (1989, 1990, 1992, 2001, 2005, 2008)],
        *[(f"{y}-Cleveland", "Cleveland", str(y)) for y in (1885, 1888, 1893, 1896)],
        ("Bush-undated", "Bush", ""),
    ])
    groups = group_documents(corpus, by="author", split_gap=8)
    assert group_order(groups) == ["Cleveland", "Bush (1989–1992)", "Bush (2001–2008)"]
    assert groups.loc[groups["doc_id"] == "Bush-undated", "group"].item() == "Bush (1989–1992)"
    assert group_order(group_documents(corpus, by="author")) == ["Cleveland", "Bush"]


def test_group_summary_counts_documents_words_and_dates():
    summary = summarise_groups(group_documents(SPEECHES, by="author"))
    lincoln = summary.set_index("group").loc["Lincoln"]
    assert (lincoln["documents"], lincoln["words"]) == (3, 4800)
    assert (lincoln["first_date"], lincoln["last_date"]) == ("1861-03-04", "1865-03-04")
    assert summary.set_index("group").loc[UNKNOWN, "first_date"] == ""

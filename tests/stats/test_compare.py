"""Comparisons of groups of documents, on a corpus of nine short pieces by three authors
(tests/fixtures/compare): Hale on the harbour (2001–2005, hopeful), Okafor on schools
(2004–2008, angry), Lindqvist on railways (2009–2012, matter-of-fact)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from discourse_workbook.errors import InputError
from discourse_workbook.pipeline import RunOptions, analyze
from discourse_workbook.read.filename import add_name_metadata
from discourse_workbook.stats import compare, vectors
from discourse_workbook.stats.compare import (
    actors_by_group,
    compare_sentiment,
    key_terms_by_group,
    term_trends,
    voices_by_group,
)
from discourse_workbook.stats.groups import group_documents
from discourse_workbook.stats.keyness import keyness
from discourse_workbook.stats.similarity import group_similarity, similar_documents
from discourse_workbook.stats.themes import find_themes

CORPUS = Path(__file__).parents[1] / "fixtures" / "compare"
AUTHORS = ["Hale", "Okafor", "Lindqvist"]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("compare") / "tables"
    tables = analyze([CORPUS], out=out, run=RunOptions(progress=False))
    tables.documents = add_name_metadata(tables.documents)
    return tables


@pytest.fixture(scope="module")
def by_author(tables):
    return group_documents(tables.documents, by="author")


@pytest.fixture(scope="module")
def by_document(tables):
    return group_documents(tables.documents, by="document")


# --------------------------------------------------------------------------- sentiment


def test_tone_per_author_tells_the_hopeful_from_the_angry(tables, by_author):
    table = compare_sentiment(tables.sentences, by_author)
    assert table["group"].tolist() == AUTHORS
    tone = table.set_index("group")["sentiment"]
    assert tone["Hale"] > 0.05 > -0.05 > tone["Okafor"]
    assert abs(tone["Lindqvist"]) < abs(tone["Hale"])
    assert table["sentences"].sum() == len(tables.sentences)
    assert table["documents"].tolist() == [3, 3, 3]
    assert (table["first_date"].tolist(), table["last_date"].tolist()) == (
        ["2001", "2004", "2009"], ["2005", "2008", "2012"])
    assert ((table["min"] <= table["q1"]) & (table["q1"] <= table["median"])
            & (table["median"] <= table["q3"]) & (table["q3"] <= table["max"])).all()


def test_tone_per_document_is_the_mean_of_its_sentences_in_date_order(tables, by_document):
    table = compare_sentiment(tables.sentences, by_document)
    assert table["group"].tolist() == sorted(table["group"])  # names start with the year
    expected = tables.documents.set_index("doc_id")["sentiment"]
    assert np.allclose(table["sentiment"], expected.loc[table["group"]], atol=1e-12)
    hale = tables.sentences[tables.sentences["doc_id"] == "2003-Hale"]["compound"]
    row = table.set_index("group").loc["2003-Hale"]
    assert row["median"] == pytest.approx(hale.median())
    assert (row["min"], row["max"], row["sentences"]) == (hale.min(), hale.max(), len(hale))


def test_a_group_without_sentences_keeps_its_row(tables):
    docs = pd.concat([tables.documents, pd.DataFrame({"doc_id": ["2013-Hale"], "author": ["Hale"],
                                                      "date": ["2013"], "n_tokens": [0]})])
    table = compare_sentiment(tables.sentences, group_documents(docs, by="year"))
    empty = table.set_index("group").loc["2013"]
    assert empty["sentences"] == 0 and math.isnan(empty["sentiment"])


def test_a_document_without_a_group_is_an_error_not_a_silent_loss(tables, by_author):
    partial = by_author[by_author["doc_id"] != "2006-Okafor"]
    with pytest.raises(InputError, match="1 document.*no group.*2006-Okafor"):
        compare_sentiment(tables.sentences, partial)
    with pytest.raises(InputError, match="terms table"):
        key_terms_by_group(tables.terms, partial)


# --------------------------------------------------------------------------- key terms


def test_key_terms_set_each_author_apart(tables, by_author):
    table = key_terms_by_group(tables.terms, by_author, min_count=3, min_g2=6.63, top=5)
    top = table.groupby("group")["term"].apply(list)
    assert "harbour" in top["Hale"]
    assert "schools" in top["Okafor"]
    assert {"signalling", "railway", "freight", "timetable"} & set(top["Lindqvist"])
    assert (table.groupby("group").size() <= 5).all()
    assert table["group"].drop_duplicates().tolist() == AUTHORS
    for _, rows in table.groupby("group"):
        assert rows["g2"].is_monotonic_decreasing


def test_key_terms_are_content_words_used_often_enough(tables, by_author):
    table = key_terms_by_group(tables.terms, by_author, min_count=2, min_g2=0, min_log_ratio=0,
                               top=None)
    stopwords = set(tables.terms.loc[tables.terms["stopword"], "term"])
    assert not set(table["term"]) & stopwords
    assert all(sum(c.isalpha() for c in term) >= 2 for term in table["term"])
    assert (table["count"] >= 2).all()
    assert (table["rate"] > table["other_rate"]).all()  # only words a group uses more
    assert (table["documents"] <= 3).all() and (table["documents"] >= 1).all()
    strict = key_terms_by_group(tables.terms, by_author, min_count=5, min_g2=0,
                                min_log_ratio=0, top=None)
    assert (strict["count"] >= 5).all() and len(strict) < len(table)


def test_key_terms_statistics_are_those_of_keyness_against_the_rest(tables, by_author):
    table = key_terms_by_group(tables.terms, by_author, min_count=2, min_g2=0, min_log_ratio=0,
                               top=None)
    hale_docs = set(by_author.loc[by_author["group"] == "Hale", "doc_id"])
    in_hale = tables.terms["doc_id"].isin(hale_docs)
    reference = keyness(tables.terms[in_hale], tables.terms[~in_hale], min_count=1)
    reference = reference.set_index("term")
    ours = table[table["group"] == "Hale"].set_index("term")
    assert len(ours) > 10
    assert np.allclose(ours["g2"], reference.loc[ours.index, "g2"])
    assert np.allclose(ours["log_ratio"], reference.loc[ours.index, "log_ratio"])
    assert np.allclose(ours["p"], reference.loc[ours.index, "p"])
    assert (ours["other_count"] == reference.loc[ours.index, "reference_count"]).all()


def test_one_group_alone_has_no_key_terms(tables):
    alone = group_documents(tables.documents.assign(author="Everyone"), by="author")
    table = key_terms_by_group(tables.terms, alone, min_count=1, min_g2=0, min_log_ratio=0)
    assert table.empty
    assert list(table.columns) == compare.KEY_TERM_COLUMNS


# --------------------------------------------------------------------------- trends


def test_trends_of_chosen_words_are_rates_per_thousand_words(tables):
    by_year = group_documents(tables.documents, by="year")
    table = term_trends(tables.terms, by_year, items=["Harbour", "schools’", "tram"])
    assert table["term"].drop_duplicates().tolist() == ["harbour", "schools", "tram"]
    assert len(table) == 3 * by_year["group"].nunique()
    counts = tables.terms.groupby("term")["count"].sum()
    assert table.groupby("term")["count"].sum().to_dict() == {
        "harbour": counts["harbour"], "schools": counts["schools"], "tram": 0}
    row = table[(table["term"] == "harbour") & (table["group"] == "2001")].iloc[0]
    words = tables.documents.set_index("doc_id").loc["2001-Hale", "n_tokens"]
    assert row["words"] == words
    assert row["rate"] == pytest.approx(1000 * row["count"] / words)
    with pytest.raises(InputError, match="single words.*'north quay' is a phrase"):
        term_trends(tables.terms, by_year, items=["north quay"])


def test_without_chosen_words_the_most_unevenly_used_content_words_are_shown(tables, by_author):
    table = term_trends(tables.terms, by_author, n=4)
    chosen = table["term"].drop_duplicates().tolist()
    assert len(chosen) == 4
    assert not set(chosen) & set(tables.terms.loc[tables.terms["stopword"], "term"])
    # each chosen word is concentrated in one author's pieces
    shares = table.groupby("term")["count"].apply(lambda c: c.max() / c.sum())
    assert (shares > 0.75).all()
    # key terms come first: here only two reach p < 0.0001
    key = set(key_terms_by_group(tables.terms, by_author)["term"])
    assert len(key) == 2
    assert set(term_trends(tables.terms, by_author, n=2)["term"]) == key


def test_with_one_group_the_trend_words_are_its_most_frequent_content_words(tables):
    alone = group_documents(tables.documents.assign(author="Everyone"), by="author")
    chosen = term_trends(tables.terms, alone, n=3)["term"].tolist()
    content = tables.terms[vectors.content_mask(tables.terms)]
    totals = content.groupby("term")["count"].sum().sort_values(ascending=False)
    assert len(chosen) == 3
    assert [totals[t] for t in chosen] == totals.iloc[:3].tolist()


# --------------------------------------------------------------------------- actors, voices


def test_actors_per_author_with_rates_and_the_tone_of_their_sentences(tables, by_author):
    table = actors_by_group(tables.mentions, tables.sentences, by_author, top=4)
    assert len(table) == 3 * 4
    japan = table[(table["group"] == "Hale") & (table["actor"] == "Japan")].iloc[0]
    hale_docs = by_author.loc[by_author["group"] == "Hale", "doc_id"]
    named = tables.mentions[(tables.mentions["actor"] == "Japan")
                            & tables.mentions["doc_id"].isin(hale_docs)]
    assert japan["mentions"] == len(named) == 3
    assert japan["rate"] == pytest.approx(1000 * 3 / japan["words"])
    scores = tables.sentences.merge(named[["doc_id", "sent_id"]].drop_duplicates())
    assert japan["sentences"] == len(scores)
    assert japan["sentiment"] == pytest.approx(scores["compound"].mean())
    nowhere = table[(table["group"] == "Okafor") & (table["actor"] == "Japan")].iloc[0]
    assert nowhere["mentions"] == 0 and math.isnan(nowhere["sentiment"])
    chosen = actors_by_group(tables.mentions, tables.sentences, by_author, actors=["France"])
    assert chosen.set_index("group")["mentions"].to_dict() == {
        "Hale": 0, "Okafor": 0, "Lindqvist": 1}


def test_voices_per_author_count_who_is_quoted_and_how_much(tables, by_author):
    table = voices_by_group(tables.quotes, by_author)
    cells = table.set_index(["group", "speaker"])
    assert cells.loc[("Hale", "Ellen Marsh"), "quotes"] == 2
    assert cells.loc[("Okafor", "Daniel Reyes"), "quotes"] == 2
    assert cells.loc[("Lindqvist", "Karin Holm"), "quotes"] == 1
    assert cells.loc[("Hale", "Daniel Reyes"), "quotes"] == 0
    marsh = tables.quotes[tables.quotes["speaker"] == "Ellen Marsh"]["n_words"].sum()
    hale_words = by_author.loc[by_author["group"] == "Hale", "words"].sum()
    assert cells.loc[("Hale", "Ellen Marsh"), "words"] == marsh
    assert cells.loc[("Hale", "Ellen Marsh"), "share"] == pytest.approx(marsh / hale_words)
    assert voices_by_group(tables.quotes, by_author, kind="scare")["quotes"].sum() == 0


# --------------------------------------------------------------------------- similarity


def test_the_most_similar_documents_share_an_author_and_name_their_words(tables, by_author):
    pairs = similar_documents(tables.terms, by_author, top=3)
    assert (pairs["group_a"] == pairs["group_b"]).all()
    assert pairs["similarity"].is_monotonic_decreasing
    assert all(" · " in words for words in pairs["shared_terms"])
    across = similar_documents(tables.terms, by_author, top=5, between_groups=True)
    assert (across["group_a"] != across["group_b"]).all()
    assert across["similarity"].max() < pairs["similarity"].min()


def test_group_similarity_is_the_mean_over_document_pairs(tables, by_author):
    table = group_similarity(tables.terms, by_author)
    grid = table.pivot(index="group_a", columns="group_b", values="similarity")
    assert np.allclose(grid, grid.T)
    for author in AUTHORS:  # each author's pieces resemble each other more than the others'
        others = grid.loc[author].drop(author)
        assert grid.loc[author, author] > others.max()
    # the same means, pair by pair
    weights, _ = vectors.tfidf(vectors.count_matrix(
        tables.terms, {d: d for d in by_author["doc_id"]}, list(by_author["doc_id"])))
    cosine = (weights @ weights.T).toarray()
    codes = by_author["group"].map({a: i for i, a in enumerate(AUTHORS)}).to_numpy()
    hale, okafor = codes == 0, codes == 1
    assert grid.loc["Hale", "Okafor"] == pytest.approx(cosine[np.ix_(hale, okafor)].mean())
    within = cosine[np.ix_(hale, hale)][~np.eye(3, dtype=bool)].mean()
    assert grid.loc["Hale", "Hale"] == pytest.approx(within)
    pairs = table.set_index(["group_a", "group_b"])["pairs"]
    assert (pairs[("Hale", "Hale")], pairs[("Hale", "Okafor")]) == (6, 9)


# --------------------------------------------------------------------------- themes


def test_themes_are_seeded_and_find_each_authors_subject(tables, by_author):
    first = find_themes(tables.terms, by_author, n_themes=3)
    again = find_themes(tables.terms, by_author, n_themes=3)
    pd.testing.assert_frame_equal(first.terms, again.terms)
    pd.testing.assert_frame_equal(first.documents, again.documents)
    main = first.groups.loc[first.groups.groupby("group", sort=False)["share"].idxmax()]
    assert main["group"].tolist() == AUTHORS
    assert main["theme"].nunique() == 3  # one theme per author
    words = first.terms.groupby("theme")["term"].apply(set)
    assert "harbour" in words[main.set_index("group").loc["Hale", "theme"]]
    assert "schools" in words[main.set_index("group").loc["Okafor", "theme"]]
    totals = first.documents.groupby("doc_id")["share"].sum()
    assert np.allclose(totals, 1.0)
    assert first.terms["label"].str.match(r"^\d: \w+ · \w+ · \w+$").all()


def test_too_few_documents_give_no_themes_and_say_why(tables):
    two = tables.documents[tables.documents["doc_id"].isin(["2001-Hale", "2004-Okafor"])]
    terms = tables.terms[tables.terms["doc_id"].isin(two["doc_id"])]
    found = find_themes(terms, group_documents(two, by="author"))
    assert found.terms.empty and found.groups.empty
    assert "at least 3 documents" in found.note
    with pytest.raises(ValueError, match="n_themes must be between 2 and 8"):
        find_themes(tables.terms, group_documents(tables.documents, by="author"), n_themes=9)

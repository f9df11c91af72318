"""A word in context (KWIC) and where it occurs (dispersion)."""

from __future__ import annotations

import pandas as pd
import pytest
from small_tables import tables_of

from discourse_workbook.errors import InputError
from discourse_workbook.stats.context import dispersion, kwic
from discourse_workbook.terms import to_term

# --------------------------------------------------------------------------- concordance

def paragraphs_and_sentences(*texts):
    tables = tables_of(*texts)
    return tables.paragraphs, tables.sentences


PEACE = ("Peace is hard. The peace of Europe, said the minister, is fragile peace-keeping.\n\n"
         "Peace holds.")


def test_kwic_words_by_hand():
    tables = tables_of(PEACE)
    lines = kwic(tables.paragraphs, tables.sentences, "peace", window=2)
    # "Peace" (sentence 0) and "peace" (sentence 1); "peace-keeping" is another word;
    # "Peace holds" is in paragraph 1.
    assert list(lines["match"]) == ["Peace", "peace", "Peace"]
    assert list(lines["para_id"]) == [0, 0, 1]
    assert list(lines["sent_id"]) == [0, 1, 2]
    assert list(lines["left"]) == ["", "hard. The", ""]
    assert list(lines["right"]) == ["is hard", "of Europe", "holds"]
    assert list(lines.columns) == ["doc_id", "para_id", "sent_id", "left", "match", "right"]
    assert len(kwic(tables.paragraphs, tables.sentences, "Peace", case_sensitive=True)) == 2


def test_kwic_context_stays_in_its_paragraph():
    lines = kwic(*paragraphs_and_sentences(PEACE), "fragile", window=5)
    # five words back: Europe, said, the, minister, is
    assert lines.iloc[0]["left"] == "Europe, said the minister, is"
    assert lines.iloc[0]["right"] == "peace-keeping"


def test_kwic_phrases_and_regular_expressions():
    tables = tables_of(PEACE)
    phrase = kwic(tables.paragraphs, tables.sentences, "the minister", window=2)
    assert list(phrase["match"]) == ["the minister"]
    assert phrase.iloc[0]["left"] == "Europe, said" and phrase.iloc[0]["right"] == ", is fragile"
    paragraphs, sentences = tables.paragraphs, tables.sentences
    assert kwic(paragraphs, sentences, "Europe said").empty  # a comma stands between them
    assert len(kwic(paragraphs, sentences, r"peace\w*", regex=True)) == 4
    assert len(kwic(paragraphs, sentences, r"peace\w*", regex=True, case_sensitive=True)) == 2
    with pytest.raises(InputError):
        kwic(tables.paragraphs, tables.sentences, "(unclosed", regex=True)
    with pytest.raises(InputError):
        kwic(tables.paragraphs, tables.sentences, "!!")


def test_kwic_of_the_article_agrees_with_term_counts(article):
    lines = kwic(article.paragraphs, article.sentences, "russia")
    counts = article.terms.set_index("term")["count"]
    assert len(lines) == counts["russia"]
    assert (lines["match"].map(to_term) == "russia").all()
    assert lines["left"].str.split().str.len().max() <= 8
    security = kwic(article.paragraphs, article.sentences, "security", window=3)
    assert len(security) == counts["security"]


# --------------------------------------------------------------------------- dispersion


def test_dispersion_by_hand():
    # war and peace and war then moscow spoke: 8 tokens; war at 0 and 4, then sentence 1
    # starts at token 5. "and war" starts at token 3.
    mentions = pd.DataFrame({"doc_id": ["d0"], "para_id": [0], "sent_id": [1],
                             "actor": ["Russia"], "alias": ["Moscow"], "start": [5], "end": [11]})
    tables = tables_of("War and peace and war. Then Moscow spoke.", mentions=mentions)
    table = dispersion(tables.sentences, ["war", "and war"])
    assert list(table["item"]) == ["war", "war", "and war"]
    assert list(table["position"]) == pytest.approx([0, 4 / 8, 3 / 8])
    actors = dispersion(tables.sentences, "russia", mentions=tables.mentions, by="actor")
    assert list(actors["position"]) == pytest.approx([6 / 8])  # Moscow: token 6 of 8
    assert list(actors["item"]) == ["russia"]


def test_dispersion_keeps_documents_apart():
    # d0: peace war (2 tokens): war at 1/2; d1: war x y z (4 tokens): war at 0.
    table = dispersion(tables_of("Peace war.", "War x y z.").sentences, "war")
    assert list(zip(table["doc_id"], table["position"], strict=True)) == [("d0", 0.5), ("d1", 0.0)]


def test_dispersion_of_the_article(article):
    table = dispersion(article.sentences, ["russia", "security"])
    counts = article.terms.set_index("term")["count"]
    assert (table["item"] == "security").sum() == counts["security"]
    assert table["position"].between(0, 1, inclusive="left").all()
    assert table.groupby("item")["position"].apply(lambda s: s.is_monotonic_increasing).all()

"""Tone: the words that carry it, whether a few of them do, and what an adjusted sentiment
lexicon changes."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import INAUGURAL
from discourse_workbook import paths
from discourse_workbook.errors import InputError
from discourse_workbook.pipeline import load_documents
from discourse_workbook.segment import segment_documents
from discourse_workbook.sentiment import get_analyzer, score_sentences_with_words
from discourse_workbook.stats.tone import (
    TONE_WORD_COLUMNS,
    changed_sentences,
    compare_lexicons,
    lexicon_tone,
    tone_dominance,
    tone_words,
)


def scored(*sources, lexicon=None):
    sentences = segment_documents(load_documents(sources))[1]
    return score_sentences_with_words(sentences, analyzer=get_analyzer(lexicon=lexicon))


@pytest.fixture(scope="module")
def article():
    return scored(paths.DEFAULT_ARTICLE)


@pytest.fixture(scope="module")
def inaugural():
    return scored(INAUGURAL)


def words_of(*rows) -> pd.DataFrame:
    return pd.DataFrame([("d", 0, k, w, v) for k, (w, v) in enumerate(rows)],
                        columns=["doc_id", "para_id", "sent_id", "word", "valence"])


# --------------------------------------------------------------------------- tone words


def test_tone_words_sum_each_words_valence_and_rank_each_side():
    words = words_of(("peace", 2.5), ("peace", 3.75), ("war", -2.9), ("good", 1.9),
                     ("good", -1.4), ("good", -1.4), ("calm", 1.3), ("bad", -2.5),
                     ("fine", 0.9), ("fine", -0.9))
    table = tone_words(words, top=5)
    assert table.columns.tolist() == TONE_WORD_COLUMNS
    assert table[["side", "rank", "word", "count"]].values.tolist() == [
        ["positive", 1, "peace", 2], ["positive", 2, "calm", 1],
        ["negative", 1, "war", 1], ["negative", 2, "bad", 1], ["negative", 3, "good", 3]]
    by_word = table.set_index("word")
    assert by_word.loc["peace", "valence"] == pytest.approx(6.25)
    assert by_word.loc["good", "valence"] == pytest.approx(-0.9)  # negated more than not
    assert by_word.loc["peace", "share"] == pytest.approx(6.25 / 7.55)
    assert by_word.loc["war", "share"] == pytest.approx(2.9 / 6.3)
    assert "fine" not in by_word.index  # its uses cancel out: no side
    assert tone_words(words, top=1)["word"].tolist() == ["peace", "war"]
    assert len(tone_words(words, top=0)) == 0


def test_tone_words_break_ties_by_count_then_alphabetically():
    words = words_of(("b", 1.0), ("a", 1.0), ("c", 0.5), ("c", 0.5))
    assert tone_words(words)["word"].tolist() == ["c", "a", "b"]


def test_tone_words_of_no_words_and_of_a_wrong_table():
    empty = words_of()
    assert tone_words(empty).columns.tolist() == TONE_WORD_COLUMNS and len(tone_words(empty)) == 0
    dominance = tone_dominance(empty)
    assert dominance["n_words"].tolist() == [0, 0] and not dominance["dominated"].any()
    with pytest.raises(InputError, match="sentiment_words"):
        tone_words(pd.DataFrame({"term": ["x"]}))
    with pytest.raises(InputError):
        tone_words(empty, top=-1)


def test_shares_of_a_side_add_up_to_one_on_real_text(inaugural):
    _, words = inaugural
    table = tone_words(words, top=100_000)
    assert table.groupby("side")["share"].sum().tolist() == pytest.approx([1.0, 1.0])
    assert table["count"].sum() <= len(words)
    net = words.groupby("word")["valence"].sum()
    sides = table.groupby("side")["valence"].sum()
    assert sides["positive"] == pytest.approx(net[net > 0].sum())
    assert sides["negative"] == pytest.approx(net[net < 0].sum())
    assert sides.sum() == pytest.approx(words["valence"].sum())
    # the speeches' warmest and darkest words
    top = table.groupby("side", sort=False).head(2)
    assert top["word"].tolist() == ["great", "peace", "war", "no"]


# --------------------------------------------------------------------------- a few words


def test_a_side_is_dominated_when_its_few_strongest_words_pass_the_share():
    # positive: 10 words, the top 3 hold 4.5 of 10.5 (43 %); negative: 3 words only
    words = words_of(("peace", 2.0), ("security", 1.5), ("safe", 1.0),
                     *((f"w{k}", 6.0 / 7) for k in range(7)),
                     ("war", -3.0), ("crisis", -2.0), ("bad", -1.0))
    dominance = tone_dominance(words).set_index("side")
    assert dominance.loc["positive", "words"] == "peace, security, safe"
    assert dominance.loc["positive", "top_share"] == pytest.approx(4.5 / 10.5)
    assert dominance.loc["positive", "n_words"] == 10 and dominance.loc["positive", "dominated"]
    assert dominance.loc["negative", "top_share"] == pytest.approx(1.0)
    assert not dominance.loc["negative", "dominated"]  # three words: too few to say
    assert not tone_dominance(words, share=0.45).set_index("side").loc["positive", "dominated"]
    assert tone_dominance(words, min_words=3).set_index("side").loc["negative", "dominated"]
    one = tone_dominance(words, few=1).set_index("side").loc["positive"]
    assert one["words"] == "peace" and one["top_share"] == pytest.approx(2 / 10.5)


def test_security_carries_the_default_articles_positive_tone(article):
    _, words = article
    dominance = tone_dominance(words).set_index("side")
    assert dominance.loc["positive", "words"].startswith("security, ")
    assert dominance.loc["positive", "dominated"]
    assert not dominance.loc["negative", "dominated"]
    assert tone_words(words, top=1).set_index("side").loc["positive", "share"] > 0.25


def test_war_carries_the_negative_tone_of_war_speeches_only(inaugural):
    _, words = inaugural
    flagged = {doc_id: tone_dominance(group).set_index("side")["dominated"]
               for doc_id, group in words.groupby("doc_id")}
    negative = {d for d, f in flagged.items() if f["negative"]}
    assert {"1813-Madison", "1865-Lincoln", "1917-Wilson", "1945-Roosevelt"} <= negative
    assert len(negative) <= 10  # a few of the 59, not most
    assert not any(f["positive"] for f in flagged.values())
    lincoln = words[words["doc_id"] == "1865-Lincoln"]
    assert tone_dominance(lincoln).set_index("side").loc["negative", "words"].startswith("war")
    assert not tone_dominance(words)["dominated"].any()  # the corpus as a whole


# --------------------------------------------------------------------------- the lexicon


def test_compare_lexicons_rescores_with_vaders_own(article, write):
    lexicon = write("security.txt", "security 0\npeace 0\n")
    sentences, _ = scored(paths.DEFAULT_ARTICLE, lexicon=lexicon)
    vader, vader_words = article
    comparison = compare_lexicons(sentences, lexicon=lexicon)
    assert comparison["vader"].tolist() == vader["compound"].tolist()
    assert comparison["adjusted"].tolist() == sentences["compound"].tolist()
    changed = comparison[comparison["change"] != 0]
    key = ["doc_id", "para_id", "sent_id"]
    carried = vader_words[vader_words["word"].isin(["security", "peace"])]
    assert set(map(tuple, changed[key].values)) == set(map(tuple, carried[key].values))
    tone = lexicon_tone(comparison)
    assert tone["n_changed"].tolist() == [len(changed)]
    assert tone["vader"].iloc[0] == pytest.approx(vader["compound"].mean())
    assert tone["adjusted"].iloc[0] < tone["vader"].iloc[0]
    assert tone[["label_vader", "label_adjusted"]].values.tolist() == [["neutral", "negative"]]
    relabelled = (changed["label_vader"] != changed["label_adjusted"]).sum()
    assert tone["n_relabelled"].tolist() == [relabelled] and 0 < relabelled < len(changed)
    top = changed_sentences(comparison, top=3)
    assert len(top) == 3 and top["change"].abs().is_monotonic_decreasing
    assert top["change"].abs().iloc[0] == changed["change"].abs().max()


def test_compare_lexicons_without_a_lexicon_changes_nothing(article):
    sentences, _ = article
    comparison = compare_lexicons(sentences, lexicon=None)
    assert (comparison["change"] == 0).all() and len(changed_sentences(comparison)) == 0
    assert lexicon_tone(comparison)["n_changed"].tolist() == [0]

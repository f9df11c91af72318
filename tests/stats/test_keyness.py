"""Keyness against general English and against a reference corpus."""

from __future__ import annotations

import math

import pytest
from small_tables import terms_table

from discourse_workbook.errors import InputError
from discourse_workbook.pipeline import load_reference_terms
from discourse_workbook.stats.keyness import keyness, keyness_general

# --------------------------------------------------------------------------- keyness


def test_keyness_by_hand():
    # target 1,000 words, x 10; reference 10,000 words, x 10, y 20.
    # x: expected 1000*20/11000 = 1.818 and 18.18 -> G² = 2*10*(ln 5.5 + ln .55) = 22.14;
    #    log ratio = log2(.01 / .001) = 3.32: key.
    # y: 0 in the target: G² = 2*20*ln(20/18.18) = 3.81 (p just above .05, since
    #    chi-square(1) at .05 is 3.84); zero counted as half an occurrence in 10,000 words:
    #    log2(.00005 / .002) = -5.32; negative, not key (G² too small).
    target = terms_table({"x": 10, "filler": 990})
    reference = terms_table({"x": 10, "filler": 9970, "y": 20}, doc_id="r")
    table = keyness(target, reference).set_index("term")
    assert table.loc["x", "g2"] == pytest.approx(22.138, abs=1e-3)
    assert table.loc["x", "log_ratio"] == pytest.approx(math.log2(10))
    assert table.loc["x", "direction"] == "positive" and table.loc["x", "key"]
    assert table.loc["y", "g2"] == pytest.approx(3.812, abs=1e-3)
    assert 0.05 < table.loc["y", "p"] < 0.052
    assert table.loc["y", "log_ratio"] == pytest.approx(-5.3219, abs=1e-4)
    assert table.loc["y", "direction"] == "negative" and not table.loc["y", "key"]
    assert not table.loc["filler", "key"]
    assert table.index[0] == "x"
    assert table.loc["x", "rate"] == pytest.approx(10) and table.loc["x", "reference_rate"] == 1


def test_keyness_min_count_counts_both_corpora():
    target = terms_table({"x": 1, "filler": 99})
    reference = terms_table({"x": 1, "filler": 99}, doc_id="r")
    assert "x" not in set(keyness(target, reference, min_count=3)["term"])
    assert "x" in set(keyness(target, reference, min_count=2)["term"])


def test_keyness_against_english_floors_unknown_words():
    # zqxwv is not in wordfreq: floor 1e-8 -> 10 in a nominal 1e9 words. Target: 3 of 10.
    # G² = 2 * (3 ln(3 / 1.3e-7) + 10 ln(10 / 13)) = 96.48; log ratio log2(.3 / 1e-8) = 24.84.
    terms = terms_table({"zqxwv": 3, "the": 7})
    row = keyness_general(terms).set_index("term").loc["zqxwv"]
    assert not row.in_reference and row.reference_count == pytest.approx(10)
    assert row.g2 == pytest.approx(96.48, abs=0.01)
    assert row.log_ratio == pytest.approx(24.838, abs=1e-3)
    assert row.key


def test_article_key_words_against_general_english(article):
    table = keyness_general(article.terms).set_index("term")
    for word in ("russia", "security"):
        assert table.loc[word, "key"] and table.loc[word, "direction"] == "positive"
    assert not table.loc["the", "key"]  # frequent, but as frequent as in any English
    assert table["g2"].is_monotonic_decreasing
    assert (table["count"] >= 3).all()


def test_inaugural_key_words_against_general_english(inaugural_tables):
    table = keyness_general(inaugural_tables.terms).set_index("term")
    assert table.loc["constitution", "key"] and table.loc["constitution", "direction"] == "positive"
    per_doc = keyness_general(inaugural_tables.terms, by="document")
    assert per_doc["doc_id"].nunique() == 59


def test_keyness_signs_flip_when_target_and_reference_swap(article, inaugural_tables):
    forward = keyness(inaugural_tables.terms, article.terms).set_index("term")
    backward = keyness(article.terms, inaugural_tables.terms).set_index("term")
    assert set(forward.index) == set(backward.index)
    backward = backward.loc[forward.index]
    assert forward["g2"].to_numpy() == pytest.approx(backward["g2"].to_numpy())
    assert forward["log_ratio"].to_numpy() == pytest.approx(-backward["log_ratio"].to_numpy())
    flipped = forward["direction"].map({"positive": "negative", "negative": "positive"})
    assert (flipped.dropna() == backward["direction"][flipped.notna()]).all()
    assert forward.loc["russia", "direction"] == "negative" and forward.loc["russia", "key"]
    assert backward.loc["russia", "direction"] == "positive"


def test_load_reference_terms(inaugural, inaugural_tables, tmp_path):
    reference = load_reference_terms(inaugural)
    assert reference["count"].sum() == inaugural_tables.terms["count"].sum()
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError):
        load_reference_terms(tmp_path / "empty")

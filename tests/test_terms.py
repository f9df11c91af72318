"""Term counts and term analysis: frequencies, vocabulary, n-grams, collocations, keyness,
concordance, dispersion, readability and their figures."""

from __future__ import annotations

import math
from collections import Counter
from operator import itemgetter

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discourse_workbook.corpus import load_documents
from discourse_workbook.errors import InputError
from discourse_workbook.plots.terms import (
    collocation_table,
    plot_dispersion,
    plot_key_terms,
    plot_top_terms,
)
from discourse_workbook.segment import TOKEN, segment_documents, to_term
from discourse_workbook.tables import Tables
from discourse_workbook.terms import (
    TERM_COLUMNS,
    _document_texts,
    _merge_pairs,
    _ranked_order,
    count_ngrams,
    count_syllables,
    count_terms,
    dispersion,
    find_collocations,
    keyness,
    keyness_general,
    kwic,
    load_reference_terms,
    load_stopwords,
    moving_average_ttr,
    readability,
    term_frequencies,
    vocabulary,
)


def sentences_of(*texts: str, doc_id: str = "d") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": doc_id, "para_id": 0, "sent_id": range(len(texts)),
                         "text": list(texts)})


def test_counts_fold_case_and_possessives():
    terms = count_terms(sentences_of("Russia’s war and the war.", "RUSSIA, Russia's ally."))
    counts = dict(zip(terms.term, terms["count"], strict=True))
    assert counts["russia"] == 3
    assert counts["war"] == 2
    assert counts["ally"] == 1
    assert terms["count"].sum() == 8


def test_stopword_flag_and_order():
    terms = count_terms(sentences_of("The war and the peace and the war."))
    assert terms.iloc[0].term == "the" and terms.iloc[0]["count"] == 3
    flags = dict(zip(terms.term, terms.stopword, strict=True))
    assert flags["the"] and flags["and"] and not flags["war"]


def test_per_document_rows():
    sents = pd.concat([sentences_of("A war.", doc_id="x"), sentences_of("A peace.", doc_id="y")])
    terms = count_terms(sents)
    assert set(terms.query("doc_id == 'x'").term) == {"a", "war"}
    assert set(terms.query("doc_id == 'y'").term) == {"a", "peace"}


def plain_count_terms(sentences: pd.DataFrame) -> pd.DataFrame:
    """The terms table built the plain way: fold every token, count, and sort each
    document's terms by falling count, then alphabetically."""
    stopwords = load_stopwords()
    columns: dict[str, list] = {name: [] for name in TERM_COLUMNS}
    for doc_id, text in _document_texts(sentences):
        ranked = sorted(Counter(to_term(t) for t in TOKEN.findall(text)).items())
        ranked.sort(key=itemgetter(1), reverse=True)
        columns["doc_id"].extend([doc_id] * len(ranked))
        columns["term"].extend(term for term, _ in ranked)
        columns["count"].extend(count for _, count in ranked)
    columns["stopword"] = [term in stopwords for term in columns["term"]]
    return pd.DataFrame(columns, columns=TERM_COLUMNS).astype({"count": "int64", "stopword": bool})


# words that fold together or apart in awkward ways: case, dotted I, sharp s, final
# sigma, both apostrophes, possessives, contractions, hyphens, digits, initials
WORDS = st.sampled_from([
    "War", "war", "WAR", "war’s", "War's", "wars'", "it's", "It’s", "İstanbul", "istanbul",
    "STRASSE", "straße", "Straße", "ΣΟΦΟΣ", "σοφός", "σοφοσ", "peace-keeping", "peace‐keeping",
    "2023", "1990s", "U.S.", "u.s", "the", "The", "a", "A", "Ä", "ä", "z", "Z", "_", "—", "'",
])  # fmt: skip
SENTENCE_TEXTS = st.lists(WORDS, max_size=8).map(" ".join)
DOC_ID_POOLS = [
    ["b", "a", "c"], ["b", "a", None], ["a", math.nan], [3, 1, 2], [2.0, math.nan],
    [None], [math.nan], ["x", 1],
]  # fmt: skip


@st.composite
def sentence_tables(draw) -> pd.DataFrame:
    """Sentences of a few documents, given in any order, their ids possibly missing."""
    pool = draw(st.sampled_from(DOC_ID_POOLS))
    rows = draw(st.lists(st.tuples(st.sampled_from(pool), SENTENCE_TEXTS), max_size=10))
    return pd.DataFrame({"doc_id": [doc_id for doc_id, _ in rows], "para_id": 0,
                         "sent_id": range(len(rows)), "text": [text for _, text in rows]})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence_tables())
def test_counts_equal_the_plain_way(sentences):
    pd.testing.assert_frame_equal(count_terms(sentences), plain_count_terms(sentences),
                                  check_exact=True)


@pytest.mark.parametrize("texts", [[], ["…"], ["…", "War and war.", "", "—"]])
def test_counts_equal_the_plain_way_without_words(texts):
    sentences = pd.DataFrame({"doc_id": [f"d{i % 2}" for i in range(len(texts))],
                              "para_id": 0, "sent_id": range(len(texts)), "text": texts})
    pd.testing.assert_frame_equal(count_terms(sentences), plain_count_terms(sentences),
                                  check_exact=True)


def test_merge_and_order_without_combined_keys():
    # counts and ids too large for one int64 key take np.lexsort: the same result
    doc = np.array([0, 0, 0, 1, 1], dtype=np.int64)
    term = np.array([2, 0, 2, 1, 0], dtype=np.int64)
    count = np.array([1, 3, 2**62, 5, 5], dtype=np.int64)
    doc, term, count = _merge_pairs(doc, term, count, 2**62)
    assert doc.tolist() == [0, 0, 1, 1] and term.tolist() == [0, 2, 0, 1]
    assert count.tolist() == [3, 2**62 + 1, 5, 5]
    order = _ranked_order(doc, term, count)
    assert order.tolist() == [1, 0, 2, 3]  # falling count, then term within each document
    small = _ranked_order(doc, term, np.array([3, 4, 5, 5], dtype=np.int64))
    assert small.tolist() == [1, 0, 2, 3]


def test_shipped_stopword_list_matches_its_source_size():
    words = load_stopwords(__import__("discourse_workbook").paths.STOPWORDS)
    assert len(words) == 179 and "the" in words and "war" not in words


# =========================================================================== term analysis

def tables_of(*texts: str, doc_ids: list[str] | None = None, mentions=None) -> Tables:
    """Tables for small documents written in the test (paragraphs split at blank lines)."""
    ids = doc_ids or [f"d{i}" for i in range(len(texts))]
    documents = pd.DataFrame({"doc_id": ids, "title": None, "text": list(texts)})
    paragraphs, sentences = segment_documents(documents)
    return Tables(documents=documents, paragraphs=paragraphs, sentences=sentences,
                  terms=count_terms(sentences),
                  mentions=mentions if mentions is not None else pd.DataFrame())


def load_tables(sources) -> Tables:
    documents = load_documents(sources)
    paragraphs, sentences = segment_documents(documents)
    return Tables(documents=documents, paragraphs=paragraphs, sentences=sentences,
                  terms=count_terms(sentences))


@pytest.fixture(scope="module")
def article() -> Tables:
    return load_tables(None)


@pytest.fixture(scope="module")
def inaugural_tables(inaugural) -> Tables:
    return load_tables([inaugural])


def terms_table(counts: dict[str, int], doc_id: str = "d") -> pd.DataFrame:
    stop = load_stopwords()
    return pd.DataFrame([(doc_id, t, c, t in stop) for t, c in counts.items()],
                        columns=["doc_id", "term", "count", "stopword"])


# --------------------------------------------------------------------------- frequencies


def test_term_frequencies_rate_per_thousand_and_tied_ranks():
    # war and peace war war and more war: 8 words; war 4 -> 500 per 1,000; and 2 -> 250;
    # peace 1 and more 1 tie at rank 3.
    table = term_frequencies(tables_of("War and peace. War, war and more war.").terms)
    row = table.set_index("term")
    assert row.loc["war", "count"] == 4 and row.loc["war", "rate"] == pytest.approx(500)
    assert row.loc["and", "rate"] == pytest.approx(250)
    assert list(table["term"][:2]) == ["war", "and"]
    assert row.loc["peace", "rank"] == row.loc["more", "rank"] == 3


def test_term_frequencies_without_stopwords_keep_rates_of_all_words():
    # Hiding "and"/"more" does not change the denominator: war stays 500 per 1,000, and
    # peace moves up to rank 2.
    table = term_frequencies(tables_of("War and peace. War, war and more war.").terms,
                             stopwords=False)
    assert not table["stopword"].any()
    assert list(table["term"]) == ["war", "peace"]
    assert table["rate"].iloc[0] == pytest.approx(500)
    assert list(table["rank"]) == [1, 2]


def test_term_frequencies_for_a_corpus_sum_documents():
    # x: war war peace; y: peace peace treaty -> corpus of 6 words: peace 3 (2 documents,
    # 500 per 1,000), war 2 (1 document), treaty 1.
    terms = tables_of("War war peace.", "Peace peace treaty.").terms
    corpus = term_frequencies(terms, by="corpus").set_index("term")
    assert corpus.loc["peace", "count"] == 3 and corpus.loc["peace", "documents"] == 2
    assert corpus.loc["peace", "rate"] == pytest.approx(500)
    assert corpus.loc["war", "documents"] == 1
    per_doc = term_frequencies(terms).query("doc_id == 'd0' and term == 'war'")
    assert per_doc["rate"].iloc[0] == pytest.approx(2000 / 3)
    assert "doc_id" not in corpus.columns
    with pytest.raises(ValueError):
        term_frequencies(terms, by="paragraph")


def test_frequencies_of_the_article_add_up(article):
    table = term_frequencies(article.terms)
    assert table["rate"].sum() == pytest.approx(1000)
    assert table["count"].is_monotonic_decreasing


# --------------------------------------------------------------------------- vocabulary


def test_moving_average_ttr_by_hand():
    # windows of 3 over a b a c b a: {a,b}=2/3, then 3/3, 3/3, 3/3 -> (2/3 + 3) / 4 = 11/12
    assert moving_average_ttr(list("abacba"), window=3) == pytest.approx(11 / 12)
    # a text no longer than the window gets its plain TTR: 3 types / 6 tokens
    assert moving_average_ttr(list("abacba"), window=6) == pytest.approx(0.5)
    assert math.isnan(moving_average_ttr([], window=3))


def test_vocabulary_by_hand():
    # the cat saw the dog the dog ran: 8 tokens, 5 types (TTR .625); hapaxes cat, saw, ran
    # (3 of 5 types). Windows of 4: 3/4, 4/4, 3/4, 2/4, 3/4 -> MATTR 15/20 = .75.
    sentences = tables_of("The cat saw the dog. The dog ran.").sentences
    row = vocabulary(sentences).iloc[0]
    assert (row.n_tokens, row.n_types, row.n_hapaxes) == (8, 5, 3)
    assert row.ttr == pytest.approx(0.625) and row.hapax_share == pytest.approx(0.6)
    assert row.mattr_is_ttr and row.mattr == pytest.approx(row.ttr)
    short_window = vocabulary(sentences, window=4).iloc[0]
    assert not short_window.mattr_is_ttr and short_window.mattr == pytest.approx(0.75)


def test_vocabulary_of_the_article_matches_its_terms(article):
    row = vocabulary(article.sentences).iloc[0]
    assert row.n_tokens == article.terms["count"].sum()
    assert row.n_types == len(article.terms)
    assert row.n_hapaxes == (article.terms["count"] == 1).sum()


def test_vocabulary_of_the_inaugural_corpus(inaugural_tables):
    table = vocabulary(inaugural_tables.sentences)
    assert len(table) == 59
    # Washington's second address (135 words) is shorter than the window: flagged.
    short = table.set_index("doc_id").loc["1793-Washington"]
    assert short.mattr_is_ttr and short.n_tokens < 500
    assert (table["mattr_is_ttr"] == (table["n_tokens"] < 500)).all()
    corpus = vocabulary(inaugural_tables.sentences, by="corpus").iloc[0]
    # TTR falls as a text grows; MATTR does not, so on 59 speeches it is far above TTR.
    assert corpus.ttr < 0.1 < corpus.mattr
    assert corpus.n_tokens == table["n_tokens"].sum()


# --------------------------------------------------------------------------- n-grams


def test_ngrams_stay_inside_sentences_and_drop_stopword_grams():
    # the war in ukraine | the war ended | most of the war
    # bigrams: the war x3, war in, in ukraine, war ended, of the war... "of the", "most of"
    # are stopwords only; "ukraine the" and "ended most" would cross sentences.
    sentences = tables_of("The war in Ukraine. The war ended. Most of the war.").sentences
    grams = count_ngrams(sentences)
    counts = dict(zip(grams["ngram"], grams["count"], strict=True))
    assert counts["the war"] == 3
    assert counts["war in"] == counts["in ukraine"] == counts["war ended"] == 1
    assert "ukraine the" not in counts and "ended most" not in counts
    assert "of the" not in counts and "most of" not in counts and "most of the" not in counts
    assert counts["of the war"] == 1 and counts["the war ended"] == 1
    assert grams.iloc[0]["ngram"] == "the war"
    assert set(count_ngrams(sentences, n=3)["n"]) == {3}


def test_ngrams_of_the_article_never_cross_a_sentence(article):
    grams = count_ngrams(article.sentences, n=2, stopwords=frozenset())
    possible = (article.sentences["n_tokens"] - 1).clip(lower=0).sum()
    assert grams["count"].sum() == possible


def test_ngrams_for_a_corpus_count_documents():
    sentences = tables_of("The war ended.", "The war ended. War ended.").sentences
    corpus = count_ngrams(sentences, n=2, by="corpus").set_index("ngram")
    assert corpus.loc["war ended", "count"] == 3 and corpus.loc["war ended", "documents"] == 2


# --------------------------------------------------------------------------- collocations


def test_collocations_by_hand():
    # new york is big | new york is old | old york: N = 10 words, new 2, york 3.
    # new york: 2 pairs. PMI = log2(2 * 10 / (2 * 3)) = 1.737.
    # G²: table [[2, 0], [1, 7]], expected [[.6, 1.4], [2.4, 5.6]]:
    # 2 * (2 ln(2/.6) + 1 ln(1/2.4) + 7 ln(7/5.6)) = 6.189.
    sentences = tables_of("New York is big. New York is old. Old York.").sentences
    table = find_collocations(sentences, min_count=1)
    pairs = table.set_index(["word1", "word2"])
    assert pairs.loc[("new", "york"), "count"] == 2
    assert pairs.loc[("new", "york"), "pmi"] == pytest.approx(1.7370, abs=1e-3)
    assert pairs.loc[("new", "york"), "g2"] == pytest.approx(6.189, abs=1e-3)
    assert ("big", "new") not in pairs.index and ("old", "old") not in pairs.index
    frequent = find_collocations(sentences, min_count=2)
    assert set(frequent["collocation"]) == {"new york", "york is"}
    content = find_collocations(sentences, min_count=2, ignore_stopwords=True)
    assert list(content["collocation"]) == ["new york"]


def test_collocations_of_the_article_are_filtered_and_sorted(article):
    table = find_collocations(article.sentences, min_count=3, ignore_stopwords=True)
    stop = load_stopwords()
    assert len(table) > 5
    assert (table["count"] >= 3).all()
    assert not (table["word1"].isin(stop) | table["word2"].isin(stop)).any()
    assert table["g2"].is_monotonic_decreasing
    assert ((table["p"] > 0) & (table["p"] < 1)).all()


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


# --------------------------------------------------------------------------- concordance

PEACE = ("Peace is hard. The peace of Europe, said the minister, is fragile peace-keeping.\n\n"
         "Peace holds.")


def test_kwic_words_by_hand():
    tables = tables_of(PEACE)
    lines = kwic(tables, "peace", window=2)
    # "Peace" (sentence 0) and "peace" (sentence 1); "peace-keeping" is another word;
    # "Peace holds" is in paragraph 1.
    assert list(lines["match"]) == ["Peace", "peace", "Peace"]
    assert list(lines["para_id"]) == [0, 0, 1]
    assert list(lines["sent_id"]) == [0, 1, 2]
    assert list(lines["left"]) == ["", "hard. The", ""]
    assert list(lines["right"]) == ["is hard", "of Europe", "holds"]
    assert list(lines.columns) == ["doc_id", "para_id", "sent_id", "left", "match", "right"]
    assert len(kwic(tables, "Peace", case_sensitive=True)) == 2


def test_kwic_context_stays_in_its_paragraph():
    lines = kwic(tables_of(PEACE), "fragile", window=5)
    # five words back: Europe, said, the, minister, is
    assert lines.iloc[0]["left"] == "Europe, said the minister, is"
    assert lines.iloc[0]["right"] == "peace-keeping"


def test_kwic_phrases_and_regular_expressions():
    tables = tables_of(PEACE)
    phrase = kwic(tables, "the minister", window=2)
    assert list(phrase["match"]) == ["the minister"]
    assert phrase.iloc[0]["left"] == "Europe, said" and phrase.iloc[0]["right"] == ", is fragile"
    assert kwic(tables, "Europe said").empty  # a comma stands between them
    assert len(kwic(tables, r"peace\w*", regex=True)) == 4
    assert len(kwic(tables, r"peace\w*", regex=True, case_sensitive=True)) == 2
    with pytest.raises(InputError):
        kwic(tables, "(unclosed", regex=True)
    with pytest.raises(InputError):
        kwic(tables, "!!")


def test_kwic_of_the_article_agrees_with_term_counts(article):
    lines = kwic(article, "russia")
    counts = article.terms.set_index("term")["count"]
    assert len(lines) == counts["russia"]
    assert (lines["match"].map(to_term) == "russia").all()
    assert lines["left"].str.split().str.len().max() <= 8
    assert len(kwic(article, "security", window=3)) == counts["security"]


# --------------------------------------------------------------------------- dispersion


def test_dispersion_by_hand():
    # war and peace and war then moscow spoke: 8 tokens; war at 0 and 4, then sentence 1
    # starts at token 5. "and war" starts at token 3.
    mentions = pd.DataFrame({"doc_id": ["d0"], "para_id": [0], "sent_id": [1],
                             "actor": ["Russia"], "alias": ["Moscow"], "start": [5], "end": [11]})
    tables = tables_of("War and peace and war. Then Moscow spoke.", mentions=mentions)
    table = dispersion(tables, ["war", "and war"])
    assert list(table["item"]) == ["war", "war", "and war"]
    assert list(table["position"]) == pytest.approx([0, 4 / 8, 3 / 8])
    actors = dispersion(tables, "russia", by="actor")
    assert list(actors["position"]) == pytest.approx([6 / 8])  # Moscow: token 6 of 8
    assert list(actors["item"]) == ["russia"]


def test_dispersion_keeps_documents_apart():
    # d0: peace war (2 tokens): war at 1/2; d1: war x y z (4 tokens): war at 0.
    table = dispersion(tables_of("Peace war.", "War x y z."), "war")
    assert list(zip(table["doc_id"], table["position"], strict=True)) == [("d0", 0.5), ("d1", 0.0)]


def test_dispersion_of_the_article(article):
    table = dispersion(article, ["russia", "security"])
    counts = article.terms.set_index("term")["count"]
    assert (table["item"] == "security").sum() == counts["security"]
    assert table["position"].between(0, 1, inclusive="left").all()
    assert table.groupby("item")["position"].apply(lambda s: s.is_monotonic_increasing).all()


# --------------------------------------------------------------------------- readability


@pytest.mark.parametrize(("word", "syllables"), [
    ("cat", 1), ("table", 2), ("whale", 1), ("make", 1), ("free", 1), ("makes", 1),
    ("houses", 2), ("jumped", 1), ("wanted", 2), ("agreed", 2), ("played", 1),
    ("beautiful", 3), ("happy", 2), ("war-weary", 3), ("démarche", 2), ("2023", 1),
])  # fmt: skip
def test_count_syllables(word, syllables):
    # vowel groups, less a silent e: ta-ble keeps its -le, wha-le loses it; jump-ed (1)
    # but want-ed (2); hou-ses (2) but makes (1); war + wea-ry = 3; dé-marche = 2.
    assert count_syllables(word) == syllables


def test_readability_by_hand():
    # 2 sentences, 6 words, 7 syllables (happy = 2): 3 words/sentence, 7/6 syllables/word.
    # Reading ease = 206.835 - 1.015 * 3 - 84.6 * 7/6 = 105.09;
    # grade = 0.39 * 3 + 11.8 * 7/6 - 15.59 = -0.653.
    row = readability(tables_of("The cat sat. It was happy.").sentences).iloc[0]
    assert (row.n_sentences, row.n_tokens, row.n_syllables) == (2, 6, 7)
    assert row.flesch_reading_ease == pytest.approx(105.09)
    assert row.flesch_kincaid_grade == pytest.approx(-0.6533, abs=1e-4)


def test_readability_of_the_article_is_harder_than_a_primer(article):
    row = readability(article.sentences).iloc[0]
    assert row.n_tokens == article.terms["count"].sum()
    assert row.flesch_reading_ease < 60 and row.flesch_kincaid_grade > 8


# --------------------------------------------------------------------------- figures


def test_plot_top_terms_has_the_most_frequent_word_on_top(article):
    fig = plot_top_terms(article, n=10)
    ax = fig.axes[0]
    ticks = sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])
    labels = [t.get_text() for t in ticks]
    top = term_frequencies(article.terms, by="corpus", stopwords=False).head(10)
    assert labels == list(top["term"])
    assert not set(labels) & load_stopwords()
    assert len(ax.patches) == 10 and ax.get_title(loc="left") and ax.get_xlabel()
    plt.close(fig)


def test_plot_key_terms(article):
    fig = plot_key_terms(article, n=5)
    ax = fig.axes[0]
    top_label = max(ax.get_yticklabels(), key=lambda t: t.get_position()[1]).get_text()
    table = keyness_general(article.terms).query("direction == 'positive'")
    assert top_label == table.iloc[0]["term"]
    assert len(ax.patches) == 5
    plt.close(fig)
    with pytest.raises(ValueError):
        plot_key_terms(article, measure="chi2")


def test_collocation_table_escapes_document_text():
    collocations = pd.DataFrame({"word1": ["<script>"], "word2": ["x"],
                                 "collocation": ["<script> x"], "count": [3], "g2": [12.345],
                                 "p": [0.001], "pmi": [2.5]})
    page = collocation_table(collocations).to_html()
    assert "<script>" not in page and "&lt;script&gt; x" in page
    assert "12.3" in page


def test_plot_dispersion_draws_a_tick_per_occurrence(article, inaugural_tables):
    fig = plot_dispersion(article, ["russia", "security"])
    ticks = sum(len(c.get_segments()) for c in fig.axes[0].collections)
    counts = article.terms.set_index("term")["count"]
    assert ticks == counts["russia"] + counts["security"]
    plt.close(fig)
    chosen = ["2009-Obama", "2013-Obama", "2017-Trump"]
    fig = plot_dispersion(inaugural_tables, ["freedom"], doc_ids=chosen)
    ax = fig.axes[0]
    boundaries = [line for line in ax.lines if line.get_linestyle() == ":"]
    assert len(boundaries) == 2  # three documents, two places where one begins
    expected = (inaugural_tables.terms.query("doc_id in @chosen and term == 'freedom'")["count"]
                .sum())
    assert sum(len(c.get_segments()) for c in ax.collections) == expected
    plt.close(fig)

"""Sentiment: VADER's rules, scores per sentence, means per paragraph and document, the arc."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from small_tables import compound, table_of
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from discourse_workbook import sentiment
from discourse_workbook.errors import InputError
from discourse_workbook.fast.vader import FastSentimentIntensityAnalyzer
from discourse_workbook.pipeline import load_documents
from discourse_workbook.segment import segment_documents
from discourse_workbook.sentiment import (
    SCORE_COLUMNS,
    add_sentiment,
    aggregate_sentiment,
    document_arc,
    extreme_sentences,
    get_analyzer,
    label_sentiment,
    score_sentences,
    score_sentences_with_words,
    sentiment_arc,
    voice_split,
)

# --------------------------------------------------------------------------- VADER's rules


def test_negation_turns_a_positive_word_negative():
    assert compound("The food was good.") > 0
    assert compound("The food was not good.") < 0


def test_but_shifts_the_weight_to_the_clause_after_it():
    with_and = compound("The food was good, and the service was terrible.")
    with_but = compound("The food was good, but the service was terrible.")
    assert with_but < with_and
    assert compound("The service was terrible, but the food was good.") > compound(
        "The service was terrible, and the food was good."
    )


def test_intensifiers_dampeners_capitals_and_exclamations_move_the_score():
    plain = compound("The food was good.")
    assert compound("The food was extremely good.") > plain
    assert compound("The food was kind of good.") < plain
    assert compound("The food was GOOD.") > plain
    assert compound("The food was good!") > plain
    assert compound("The food was good!!!") > compound("The food was good!")


# --------------------------------------------------------------------------- scores


def test_score_sentences_adds_scores_and_labels_to_a_copy(scored_article):
    _, _, scored = scored_article
    raw = segment_documents(load_documents())[1]
    again = score_sentences(raw)
    assert "compound" not in raw.columns
    assert list(again.columns[: len(raw.columns)]) == list(raw.columns)
    assert {"compound", "pos", "neu", "neg", "label"} <= set(again.columns)
    assert again["compound"].between(-1, 1).all()
    for text, row in zip(raw["text"], again.itertuples(), strict=True):
        reference = get_analyzer(reference=True).polarity_scores(text)
        assert (row.compound, row.pos, row.neu, row.neg) == (
            reference["compound"], reference["pos"], reference["neu"], reference["neg"])


def test_scores_are_deterministic(scored_article):
    _, _, scored = scored_article
    raw = scored.drop(columns=["compound", "pos", "neu", "neg", "label"])
    pd.testing.assert_frame_equal(score_sentences(raw), score_sentences(raw))
    fresh = score_sentences(raw, analyzer=FastSentimentIntensityAnalyzer())
    pd.testing.assert_frame_equal(fresh, scored)


def test_labels_follow_the_threshold():
    values = pd.Series([0.05, 0.0499, 0.0, -0.0499, -0.05, 0.9, -0.9, np.nan])
    labels = label_sentiment(values).tolist()
    assert labels == ["positive", "neutral", "neutral", "neutral", "negative",
                      "positive", "negative", "neutral"]
    wide = label_sentiment(values, threshold=0.5).tolist()
    assert wide[0] == "neutral" and wide[5] == "positive" and wide[6] == "negative"
    _, sentences = table_of("It is good. It is fine. It is a table. It is awful. It is bad.")
    for threshold in (0.05, 0.3):
        scored = score_sentences(sentences, threshold=threshold)
        expected = [
            "positive" if c >= threshold else "negative" if c <= -threshold else "neutral"
            for c in scored["compound"]
        ]
        assert scored["label"].tolist() == expected
    with pytest.raises(InputError):
        label_sentiment(values, threshold=0)
    with pytest.raises(InputError):
        score_sentences(sentences, threshold=1.5)


def test_one_analyser_per_process_and_each_text_scored_once(monkeypatch):
    built = []
    original = SentimentIntensityAnalyzer.__init__

    def counting_init(self, *args, **kwargs):
        built.append(type(self))
        original(self, *args, **kwargs)

    monkeypatch.setattr(SentimentIntensityAnalyzer, "__init__", counting_init)
    sentiment._analyzer.cache_clear()
    try:
        _, sentences = table_of("Good. Bad. Good. Fine day.", "Awful. Good.")
        score_sentences(sentences)
        score_sentences(sentences)
        assert get_analyzer() is get_analyzer()
        assert built == [FastSentimentIntensityAnalyzer]
    finally:
        sentiment._analyzer.cache_clear()

    class Counting(FastSentimentIntensityAnalyzer):
        calls = 0

        def polarity_scores(self, text):
            Counting.calls += 1
            return super().polarity_scores(text)

    score_sentences(sentences, analyzer=Counting())
    assert Counting.calls == sentences["text"].nunique() < len(sentences)


def test_the_analyser_is_cached_by_the_lexicons_entries(write):
    lexicon = write("lexicon.txt", "peace 0\nescalation -1.5\n")
    adjusted = get_analyzer(lexicon=lexicon)
    assert adjusted is get_analyzer(lexicon=str(lexicon)) and adjusted is not get_analyzer()
    assert "peace" not in adjusted.lexicon and adjusted.lexicon["escalation"] == -1.5
    assert get_analyzer().lexicon["peace"] == 2.5 and "escalation" not in get_analyzer().lexicon
    lexicon.write_text("peace 1\n", encoding="utf-8")  # edited: a new analyser
    assert get_analyzer(lexicon=lexicon).lexicon["peace"] == 1.0
    assert "escalation" not in get_analyzer(lexicon=lexicon).lexicon


def test_a_neutralised_word_takes_no_valence_from_boosters_or_capitals(write):
    lexicon = write("lexicon.txt", "security 0\n")
    text = "They completely rebuilt the SECURITY order, and very security minded."
    _, words = get_analyzer().scores_and_words(text)
    assert [w for w, _ in words] == ["security", "security"]
    scores, words = get_analyzer(lexicon=lexicon).scores_and_words(text)
    assert words == [] and scores["compound"] == 0.0


# --------------------------------------------------------------------------- the words


def test_sentiment_words_come_from_the_same_pass_as_the_scores(scored_article, write):
    sentences = scored_article[2].drop(columns=[*SCORE_COLUMNS, "label"])
    scored, words = score_sentences_with_words(sentences)
    pd.testing.assert_frame_equal(scored, score_sentences(sentences))
    assert words.columns.tolist() == ["doc_id", "para_id", "sent_id", "word", "valence"]
    assert len(words) > 100 and (words["valence"] != 0).all()
    assert words["word"].str.lower().eq(words["word"]).all()
    # reading order: sentences in table order, words in sentence order
    key = ["doc_id", "para_id", "sent_id"]
    order = scored.reset_index(drop=True).reset_index().set_index(key)["index"]
    positions = order.loc[pd.MultiIndex.from_frame(words[key])].to_numpy()
    assert (np.diff(positions) >= 0).all()
    # a sentence without a valence word has no row, and scores 0
    compound = scored.set_index(key)["compound"]
    without = ~compound.index.isin(words.set_index(key).index)
    assert 0 < without.sum() < len(compound) and (compound[without] == 0).all()


def test_sentiment_words_of_sentences_written_for_the_test():
    _, sentences = table_of("The talks were a great success.", "No deal. It is not bad, "
                            "but the war is TERRIBLE!!! Nothing here.")
    scored, words = score_sentences_with_words(sentences)
    assert words[["para_id", "sent_id", "word"]].values.tolist() == [
        [0, 0, "great"], [0, 0, "success"], [1, 1, "no"], [1, 2, "bad"], [1, 2, "war"],
        [1, 2, "terrible"]]
    signs = np.sign(words["valence"]).tolist()
    assert signs == [1, 1, -1, 1, -1, -1]  # "not bad" is positive
    sums = words.groupby(["para_id", "sent_id"])["valence"].sum()
    assert sums.loc[(0, 0)] > 0 and sums.loc[(1, 2)] < 0
    assert scored["compound"].iloc[-1] == 0.0  # "Nothing here." has no word


def test_repeated_sentences_get_the_words_of_their_first_copy(inaugural_sentences):
    texts = inaugural_sentences["text"].head(300).tolist()
    all_texts = texts + texts[::-1] + texts[::7] * 7 + [""] * 3
    repeated = pd.DataFrame({"doc_id": "r", "para_id": 0, "sent_id": range(len(all_texts)),
                             "text": all_texts})
    scored, words = score_sentences_with_words(repeated)
    analyzer = get_analyzer()
    expected = [(k, w, v) for k, text in enumerate(repeated["text"])
                for w, v in analyzer.scores_and_words(text)[1]]
    assert list(words[["sent_id", "word", "valence"]].itertuples(index=False, name=None)) \
        == expected
    assert scored["compound"].tolist() == [analyzer.polarity_scores(t)["compound"]
                                           for t in repeated["text"]]


def test_sentiment_words_of_no_sentences_and_of_a_reference_analyser():
    empty = pd.DataFrame({"doc_id": [], "para_id": [], "sent_id": [], "text": []})
    scored, words = score_sentences_with_words(empty)
    assert len(scored) == len(words) == 0
    assert words.columns.tolist() == ["doc_id", "para_id", "sent_id", "word", "valence"]
    with pytest.raises(TypeError):
        score_sentences_with_words(empty, analyzer=get_analyzer(reference=True))


# --------------------------------------------------------------------------- aggregates


def test_paragraph_sentiment_is_the_mean_of_its_sentences(scored_article):
    _, paragraphs, scored = scored_article
    merged = add_sentiment(paragraphs, scored)
    assert len(merged) == len(paragraphs)
    assert merged["para_id"].tolist() == paragraphs["para_id"].tolist()
    for row in merged.itertuples():
        values = scored.loc[scored["para_id"] == row.para_id, "compound"].tolist()
        assert row.n_scored == len(values) == row.n_sentences
        assert row.sentiment == pytest.approx(math.fsum(values) / len(values), abs=1e-12)
        assert row.sentiment_min == min(values)
        assert row.sentiment_max == max(values)
        assert row.share_positive == sum(v >= 0.05 for v in values) / len(values)
        assert row.share_negative == sum(v <= -0.05 for v in values) / len(values)


def test_document_sentiment_weighs_every_sentence_equally():
    paragraphs, sentences = table_of(
        "A wonderful, happy day. Lovely people. Great food.", "A terrible, awful disaster."
    )
    scored = score_sentences(sentences)
    document = aggregate_sentiment(scored, by="doc_id")
    assert len(document) == 1
    mean_of_sentences = math.fsum(scored["compound"]) / len(scored)
    mean_of_paragraphs = add_sentiment(paragraphs, scored)["sentiment"].mean()
    assert document["sentiment"].iloc[0] == pytest.approx(mean_of_sentences, abs=1e-12)
    assert document["sentiment"].iloc[0] != pytest.approx(mean_of_paragraphs, abs=1e-3)
    assert document["n_scored"].iloc[0] == len(scored)


def test_aggregates_score_unscored_sentences_and_keep_reading_order():
    _, sentences = table_of("Bad news.", "Good news.", "Plain words here.")
    assert "compound" not in sentences.columns
    aggregate = aggregate_sentiment(sentences)
    assert aggregate["para_id"].tolist() == [0, 1, 2]
    assert aggregate["label"].tolist() == ["negative", "positive", "neutral"]


def test_aggregates_of_rows_in_any_order_with_missing_scores():
    sentences = pd.DataFrame({
        "doc_id": ["b", "a", "b", "a", "b", "a"], "para_id": [1, 0, 0, 0, 1, 2],
        "compound": [0.5, -0.2, np.nan, 0.16, 0.3, -0.7],
    })
    out = aggregate_sentiment(sentences)
    assert list(zip(out["doc_id"], out["para_id"], strict=True)) == [
        ("b", 1), ("a", 0), ("b", 0), ("a", 2)]
    expected = sentences.groupby(["doc_id", "para_id"], sort=False)["compound"].agg(
        ["mean", "min", "max", "count"])
    assert out["sentiment"].tolist() == pytest.approx(expected["mean"].tolist(), nan_ok=True)
    assert out["sentiment_min"].tolist() == pytest.approx(expected["min"].tolist(), nan_ok=True)
    assert out["sentiment_max"].tolist() == pytest.approx(expected["max"].tolist(), nan_ok=True)
    assert out["n_scored"].tolist() == expected["count"].tolist() == [2, 2, 0, 1]
    assert out["share_positive"].tolist()[:2] == [1.0, 0.5]
    assert out["label"].tolist() == ["positive", "neutral", "neutral", "negative"]
    table = pd.DataFrame({"doc_id": ["a", "c", "b"], "para_id": [2, 0, 1], "x": [1, 2, 3]},
                         index=[7, 8, 9])
    merged = add_sentiment(table, sentences)
    assert merged.index.tolist() == [7, 8, 9] and merged["x"].tolist() == [1, 2, 3]
    assert merged["n_scored"].tolist() == [1, 0, 2]
    assert merged["label"].tolist() == ["negative", "neutral", "positive"]
    assert math.isnan(merged["sentiment"].iloc[1])


def test_one_sentence_and_empty_paragraphs():
    paragraphs, sentences = table_of("What a wonderful day.", "Nothing here.")
    scored = score_sentences(sentences)
    empty = {"doc_id": "t", "para_id": 2, "text": "", "n_sentences": 0, "n_tokens": 0}
    paragraphs = pd.concat([paragraphs, pd.DataFrame([empty])], ignore_index=True)
    merged = add_sentiment(paragraphs, scored)
    one = merged.iloc[0]
    value = scored["compound"].iloc[0]
    assert one.sentiment == one.sentiment_min == one.sentiment_max == value
    assert (one.share_positive, one.share_negative, one.n_scored) == (1.0, 0.0, 1)
    last = merged.iloc[2]
    assert last.n_scored == 0
    assert all(math.isnan(last[c]) for c in ("sentiment", "sentiment_min", "share_positive"))
    assert last.label == "neutral"
    assert merged["para_id"].tolist() == [0, 1, 2]


def test_add_sentiment_replaces_earlier_columns_and_works_on_documents(scored_article):
    documents, paragraphs, scored = scored_article
    once = add_sentiment(paragraphs, scored)
    twice = add_sentiment(once, scored)
    pd.testing.assert_frame_equal(once, twice)
    docs = add_sentiment(documents, scored, by="doc_id")
    assert len(docs) == len(documents)
    assert docs["sentiment"].iloc[0] == pytest.approx(scored["compound"].mean(), abs=1e-12)
    assert docs["n_scored"].iloc[0] == len(scored)


def test_empty_sentences_table_gives_an_empty_aggregate():
    _, sentences = table_of("Good.")
    empty = aggregate_sentiment(score_sentences(sentences).iloc[0:0])
    assert empty.empty
    assert {"sentiment", "sentiment_min", "n_scored", "label"} <= set(empty.columns)


# --------------------------------------------------------------------------- the arc


def test_arc_is_a_centred_rolling_mean_within_each_document():
    first = table_of("Good.", "Bad.", "Awful.", "Lovely.", doc_id="a")
    second = table_of("Wonderful.", "Terrible.", doc_id="b")
    paragraphs = pd.concat([first[0], second[0]], ignore_index=True)
    sentences = pd.concat([first[1], second[1]], ignore_index=True)
    paragraphs = add_sentiment(paragraphs, sentences)
    arc = sentiment_arc(paragraphs, window=3)
    values = paragraphs["sentiment"].tolist()
    a, b = values[:4], values[4:]
    expected = [
        (a[0] + a[1]) / 2, (a[0] + a[1] + a[2]) / 3, (a[1] + a[2] + a[3]) / 3, (a[2] + a[3]) / 2,
        (b[0] + b[1]) / 2, (b[0] + b[1]) / 2,
    ]
    assert arc["rolling"].tolist() == pytest.approx(expected, abs=1e-12)
    assert arc["position"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1, 0, 1])
    assert arc["doc_id"].tolist() == ["a"] * 4 + ["b"] * 2
    one = sentiment_arc(paragraphs, window=1)
    assert one["rolling"].tolist() == pytest.approx(values)


def test_arc_needs_sentiment_and_a_valid_window(scored_article):
    _, paragraphs, _ = scored_article
    with pytest.raises(InputError, match="sentiment"):
        sentiment_arc(paragraphs)
    with pytest.raises(InputError):
        sentiment_arc(paragraphs.assign(sentiment=0.0), window=0)


def test_document_arc_is_the_same_from_documents_or_paragraphs(inaugural_sentences):
    scored = score_sentences(inaugural_sentences)
    by_doc = scored.groupby("doc_id", sort=False)["compound"].mean()
    documents = pd.DataFrame({"doc_id": by_doc.index})
    paragraphs = scored.groupby(["doc_id", "para_id"], sort=False).size().reset_index()
    from_docs = document_arc(add_sentiment(documents, scored, by="doc_id"), window=5)
    from_paras = document_arc(add_sentiment(paragraphs, scored), window=5)
    assert from_docs["doc_id"].tolist() == list(by_doc.index)
    assert from_docs["sentiment"].to_numpy() == pytest.approx(by_doc.to_numpy(), abs=1e-12)
    assert from_paras["sentiment"].to_numpy() == pytest.approx(by_doc.to_numpy(), abs=1e-12)
    assert from_docs["position"].is_monotonic_increasing
    middle = by_doc.iloc[8:13].mean()
    assert from_docs["rolling"].iloc[10] == pytest.approx(middle, abs=1e-12)


# --------------------------------------------------------------------------- tables to read


def test_extreme_sentences_lists_each_side_in_order(scored_article):
    _, _, scored = scored_article
    table = extreme_sentences(scored, top=4)
    positive = table[table["side"] == "positive"]
    negative = table[table["side"] == "negative"]
    assert len(positive) == len(negative) == 4
    assert positive["rank"].tolist() == negative["rank"].tolist() == [1, 2, 3, 4]
    assert positive["compound"].is_monotonic_decreasing
    assert negative["compound"].is_monotonic_increasing
    assert positive["compound"].iloc[0] == scored["compound"].max()
    assert negative["compound"].iloc[0] == scored["compound"].min()
    assert (positive["compound"] >= 0.05).all() and (negative["compound"] <= -0.05).all()
    row = negative.iloc[0]
    source = scored[(scored["sent_id"] == row.sent_id)].iloc[0]
    assert (source["text"], source["para_id"]) == (row.text, row.para_id)


def test_extreme_sentences_never_pads_a_side():
    _, sentences = table_of("A lovely day. A plain table.")
    table = extreme_sentences(sentences, top=5)
    assert table["side"].tolist() == ["positive"]


def test_voice_split_without_and_with_a_voice_column(scored_article):
    _, _, scored = scored_article
    alone = voice_split(scored)
    assert alone["voice"].tolist() == ["author"]
    assert alone["n_scored"].iloc[0] == len(scored)
    assert alone["sentiment"].iloc[0] == pytest.approx(scored["compound"].mean(), abs=1e-12)
    voices = np.where(scored["text"].str.contains("[“”\"]"), "quoted", "author").astype(object)
    voices[0] = None
    split = voice_split(scored.assign(voice=voices))
    assert split["voice"].tolist() == ["author", "quoted"]
    assert split["n_scored"].sum() == len(scored)
    quoted = scored.loc[voices == "quoted", "compound"]
    assert split["sentiment"].iloc[1] == pytest.approx(quoted.mean(), abs=1e-12)

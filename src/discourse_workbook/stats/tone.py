"""Tone, for reading: how sentence scores spread, the paragraphs whose sentiment most
deserves a close reading, the words that carry the tone, and what an adjusted sentiment
lexicon changes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InputError
from ..sentiment import SENTENCE_KEY, THRESHOLD, get_analyzer, label_sentiment, score_sentences
from .overview import excerpt

SIDES = ("positive", "negative")
TONE_WORD_COLUMNS = ["side", "rank", "word", "count", "valence", "share"]
# A side of the tone is "carried by a few words" when its FEW strongest words hold at least
# SHARE of its valence and it has at least MIN_WORDS different words (fewer: too few to say).
# Measured on the 59 inaugural addresses (tests/fixtures/inaugural), the three strongest
# words hold a median 17 % of a speech's positive valence and 21 % of its negative valence
# (upper quartiles 21 % and 34 %); 40 % lies beyond both. It flags the negative side of the
# war speeches (Madison 1813, Lincoln 1865, Wilson 1917, Roosevelt 1945: "war" first) and
# the positive side of the default article ("security" alone holds 31 %).
FEW, SHARE, MIN_WORDS = 3, 0.4, 10


def paragraphs_to_read(paragraphs: pd.DataFrame, *, top: int = 3, limit: int = 140,
                       threshold: float = THRESHOLD) -> pd.DataFrame:
    """Return the paragraphs worth reading closely: the ``top`` most negative, the
    ``top`` most positive, and the ``top`` most mixed (widest range between their most
    negative and most positive sentence, one beyond each side of ±threshold), with the
    start of each paragraph (``paragraph`` counts from 1)."""
    columns = ["why", "doc_id", "paragraph", "sentiment", "sentiment_min", "sentiment_max",
               "n_sentences", "begins"]
    if not len(paragraphs) or "sentiment" not in paragraphs:
        return pd.DataFrame(columns=columns)
    scored = paragraphs[paragraphs["sentiment"].notna()].copy()
    scored["spread"] = scored["sentiment_max"] - scored["sentiment_min"]
    mixed = (scored["sentiment_min"] <= -threshold) & (scored["sentiment_max"] >= threshold)
    picks = [
        ("most negative", scored.nsmallest(top, "sentiment", keep="first")),
        ("most positive", scored.nlargest(top, "sentiment", keep="first")),
        ("mixed: sentences pull both ways", scored[mixed].nlargest(top, "spread", keep="first")),
    ]
    rows = []
    for why, chosen in picks:
        for row in chosen.itertuples(index=False):
            rows.append((why, row.doc_id, int(row.para_id) + 1, row.sentiment, row.sentiment_min,
                         row.sentiment_max, int(row.n_sentences), excerpt(row.text, limit=limit)))
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- tone words


def _word_totals(sentiment_words: pd.DataFrame) -> pd.DataFrame:
    """Each word's net valence and the number of times it carried valence, with its side
    (the sign of the net valence; a word whose uses cancel out has none)."""
    missing = {"word", "valence"} - set(sentiment_words.columns)
    if missing:
        raise InputError(f"The table has no {', '.join(sorted(missing))} column; pass the "
                         "sentiment_words table.")
    totals = (sentiment_words.groupby("word", sort=True)["valence"]
              .agg(count="size", valence="sum").reset_index())
    totals["count"] = totals["count"].astype("int64")
    totals["side"] = np.where(totals["valence"] > 0, "positive",
                              np.where(totals["valence"] < 0, "negative", ""))
    return totals[totals["side"] != ""]


def tone_words(sentiment_words: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """Return the words that contribute most to the positive and to the negative tone:
    for each ``side``, the ``top`` words by the size of their summed ``valence`` (VADER's
    valence after its rules, :func:`~discourse_workbook.sentiment.score_sentences_with_words`),
    with their ``rank``, ``count`` (uses carrying valence) and ``share`` of all the valence
    on that side. A word's side is the sign of its sum: "good" negated more often than not
    counts as negative. Ties are broken by count, then alphabetically.

    The sums are the raw valence VADER adds up in each sentence before normalising it to
    the compound score: they rank the words by the weight they put in, not as exact shares
    of the mean score.

    >>> tone_words(tables.sentiment_words, top=1)[["side", "word", "count"]].values.tolist()
    [['positive', 'security', 17], ['negative', 'war', 6]]
    """
    if top < 0:
        raise InputError(f"The number of words to show must be 0 or more, not {top!r}.")
    totals = _word_totals(sentiment_words)
    parts = []
    for side in SIDES:
        rows = totals[totals["side"] == side].copy()
        rows["size"] = rows["valence"].abs()
        rows["share"] = rows["size"] / rows["size"].sum() if len(rows) else 0.0
        rows = rows.sort_values(["size", "count", "word"], ascending=[False, False, True],
                                kind="stable").head(top)
        rows.insert(0, "rank", np.arange(1, len(rows) + 1))
        parts.append(rows)
    return pd.concat(parts, ignore_index=True)[TONE_WORD_COLUMNS]


def tone_dominance(sentiment_words: pd.DataFrame, *, few: int = FEW, share: float = SHARE,
                   min_words: int = MIN_WORDS) -> pd.DataFrame:
    """Return, for each side of the tone, whether a few words carry it: ``side``,
    ``n_words`` (different words on that side), ``valence`` (their sum), ``words`` (the
    ``few`` strongest, most first), ``top_share`` (their share of the side's valence) and
    ``dominated``: True when that share is at least ``share`` and the side has at least
    ``min_words`` words.

    A tone carried by a few words often reflects what the text is about rather than how
    it judges it: VADER rates "security" and "peace" positive, "war" and "crisis"
    negative, whoever uses them and to say what. The default rule (3 words, 40 %, at least
    10 words) is beyond the upper quartile of both sides of the inaugural addresses.

    >>> tone_dominance(tables.sentiment_words)[["side", "words", "dominated"]].values.tolist()
    [['positive', 'security, free, create', True], ['negative', 'war, no, conflicts', False]]
    """
    totals = _word_totals(sentiment_words)
    rows = []
    for side in SIDES:
        words = totals[totals["side"] == side].assign(size=lambda t: t["valence"].abs())
        words = words.sort_values(["size", "count", "word"], ascending=[False, False, True],
                                  kind="stable")
        total = float(words["valence"].sum())
        top_share = float(words["size"].head(few).sum() / abs(total)) if total else 0.0
        rows.append((side, len(words), total, ", ".join(words["word"].head(few)), top_share,
                     bool(top_share >= share and len(words) >= min_words)))
    return pd.DataFrame(rows, columns=["side", "n_words", "valence", "words", "top_share",
                                       "dominated"])


# --------------------------------------------------------------------------- the lexicon


def compare_lexicons(sentences: pd.DataFrame, *, lexicon: str | Path | None,
                     threshold: float = THRESHOLD) -> pd.DataFrame:
    """Return each sentence scored with VADER's own lexicon (``vader``) and with the
    adjusted one (``adjusted``: the sentences' ``compound``, as the tables were made with
    ``lexicon``), their ``change`` and labels at ±threshold, keyed by doc_id, para_id,
    sent_id, with the ``text``.

    Without a lexicon, nothing was adjusted: both columns hold the tables' scores.

    >>> compare_lexicons(tables.sentences, lexicon=None)["change"].abs().sum()
    np.float64(0.0)
    """
    key = [c for c in SENTENCE_KEY if c in sentences.columns]
    adjusted = (sentences if "compound" in sentences.columns
                else score_sentences(sentences, analyzer=get_analyzer(lexicon=lexicon)))
    table = adjusted[[*key, "text"]].reset_index(drop=True)
    table["adjusted"] = adjusted["compound"].to_numpy(dtype=float)
    if lexicon is None:
        table["vader"] = table["adjusted"]
    else:
        vader = score_sentences(sentences[[*key, "text"]], analyzer=get_analyzer())
        table["vader"] = vader["compound"].to_numpy(dtype=float)
    table["change"] = table["adjusted"] - table["vader"]
    table["label_vader"] = label_sentiment(table["vader"], threshold=threshold)
    table["label_adjusted"] = label_sentiment(table["adjusted"], threshold=threshold)
    return table[[*key, "vader", "adjusted", "change", "label_vader", "label_adjusted", "text"]]


def lexicon_tone(comparison: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Return each document's tone with VADER's lexicon and with the adjusted one, from
    :func:`compare_lexicons`: ``doc_id``, ``n_scored``, ``n_changed`` (sentences whose
    score changed, ``n_relabelled`` of them changing label), the mean sentence scores
    ``vader`` and ``adjusted`` with their labels, in corpus order.

    >>> lexicon_tone(compare_lexicons(tables.sentences, lexicon=None))["n_changed"].tolist()
    [0]
    """
    frame = comparison.assign(changed=comparison["change"] != 0,
                              relabelled=comparison["label_vader"] != comparison["label_adjusted"])
    tone = frame.groupby("doc_id", sort=False).agg(
        n_scored=("vader", "size"), n_changed=("changed", "sum"),
        n_relabelled=("relabelled", "sum"), vader=("vader", "mean"),
        adjusted=("adjusted", "mean")).reset_index()
    tone["label_vader"] = label_sentiment(tone["vader"], threshold=threshold)
    tone["label_adjusted"] = label_sentiment(tone["adjusted"], threshold=threshold)
    return tone.astype({"n_scored": "int64", "n_changed": "int64", "n_relabelled": "int64"})


def changed_sentences(comparison: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """Return the ``top`` sentences whose score the adjusted lexicon changed most (by the
    size of the change; ties in reading order), from :func:`compare_lexicons`."""
    changed = comparison[comparison["change"] != 0]
    order = changed["change"].abs().sort_values(ascending=False, kind="stable").index
    return changed.loc[order].head(top).reset_index(drop=True)


def sentence_histogram(sentences: pd.DataFrame, *, bins: int = 40,
                       threshold: float = THRESHOLD) -> pd.DataFrame:
    """Return how the sentences' compound scores spread over ``bins`` equal bins from −1
    to +1: low, high, sentences, zeros (how many score exactly 0) and the tone of the
    bin's middle (positive, neutral or negative at ±threshold).

    >>> sentence_histogram(pd.DataFrame({"compound": [0.0, 0.0, 0.5, -0.9]}), bins=4)
       low  high  sentences  zeros      tone
    0 -1.0  -0.5          1      0  negative
    1 -0.5   0.0          0      0  negative
    2  0.0   0.5          2      2  positive
    3  0.5   1.0          1      0  positive
    """
    values = sentences["compound"].astype(float).dropna().to_numpy()
    edges = np.linspace(-1, 1, bins + 1)
    counts, _ = np.histogram(values, bins=edges)
    zeros, _ = np.histogram(values[values == 0], bins=edges)
    middles = (edges[:-1] + edges[1:]) / 2
    tone = np.select([middles >= threshold, middles <= -threshold], ["positive", "negative"],
                     "neutral")
    return pd.DataFrame({"low": edges[:-1].round(6), "high": edges[1:].round(6),
                         "sentences": counts, "zeros": zeros, "tone": tone})


def first_documents(table: pd.DataFrame, *, documents: int = 6) -> pd.DataFrame:
    """Return the rows of a table (paragraphs, sentences …) that belong to its first
    ``documents`` documents in reading order: what a chart with a panel per document can
    show of a corpus.

    >>> first_documents(pd.DataFrame({"doc_id": list("aabcd")}), documents=2)["doc_id"].tolist()
    ['a', 'a', 'b']
    """
    chosen = list(dict.fromkeys(table["doc_id"]))[:max(1, documents)]
    return table[table["doc_id"].isin(chosen)]

"""Sentiment: VADER scores per sentence, aggregated to paragraphs and documents.

VADER was built and validated on sentence-sized text; its compound score is a normalised
sum of word valences, so it saturates towards ±1 on long passages. Every score here is
therefore computed per sentence, and a paragraph's or document's sentiment is the *mean of
its sentences' compound scores* — never the score of the whole passage at once. On
human-rated newspaper editorial passages, the mean of sentence compounds tracks the human
ratings better (Pearson r ≈ 0.63) than scoring each whole passage (r ≈ 0.53).

Labels follow VADER's usual rule: positive when compound ≥ 0.05, negative when
compound ≤ −0.05, neutral in between (the threshold is an analysis option).

Scores come from :class:`~discourse_workbook.fast.vader.FastSentimentIntensityAnalyzer`,
which gives exactly the scores of vaderSentiment's own analyser, and group statistics
from :mod:`discourse_workbook.fast.groups`, equal to a pandas group-by. The same pass
keeps the words that carried valence (:func:`score_sentences_with_words`: why a sentence
scored as it did), and a sentiment lexicon file can adjust VADER's entries for one
analysis (:func:`get_analyzer`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .errors import InputError
from .fast.groups import find_groups, group_statistics
from .fast.vader import SCORE_KEYS, FastSentimentIntensityAnalyzer
from .resources import load_sentiment_lexicon

THRESHOLD = 0.05
SCORE_COLUMNS = ["compound", "pos", "neu", "neg"]
AGGREGATE_COLUMNS = [
    "sentiment", "sentiment_min", "sentiment_max", "share_positive", "share_negative",
    "n_scored", "label",
]  # fmt: skip
PARAGRAPH_KEY = ("doc_id", "para_id")
SENTENCE_KEY = ("doc_id", "para_id", "sent_id")
VOICES = ("author", "quoted")


def get_analyzer(
    *, reference: bool = False, lexicon: str | Path | None = None
) -> SentimentIntensityAnalyzer:
    """Return the process's VADER analyser, built once per lexicon (VADER reads its own
    lexicon from disk).

    ``lexicon`` names a sentiment lexicon file whose entries override or add to VADER's
    (:func:`~discourse_workbook.resources.load_sentiment_lexicon`); the analyser is cached
    by those entries, so an edited file gives a new analyser. ``reference=True`` returns
    vaderSentiment's own implementation, for tests and benchmarks; the default is
    :class:`FastSentimentIntensityAnalyzer` (same scores).

    >>> get_analyzer().polarity_scores("A good day.")["compound"]
    0.4404
    """
    entries = tuple(sorted(load_sentiment_lexicon(lexicon).items())) if lexicon else ()
    return _analyzer(reference, entries)


@lru_cache(maxsize=4)
def _analyzer(reference: bool, entries: tuple[tuple[str, float], ...]):
    analyzer = SentimentIntensityAnalyzer() if reference else FastSentimentIntensityAnalyzer()
    for word, valence in entries:
        if valence:
            analyzer.lexicon[word] = valence
        else:  # neutralised: a word VADER does not know
            analyzer.lexicon.pop(word, None)
    return analyzer


# --------------------------------------------------------------------------- sentences


def _check_threshold(threshold: float) -> float:
    if not 0 < threshold < 1:
        raise InputError(f"The sentiment threshold must be between 0 and 1, not {threshold!r}.")
    return float(threshold)


def label_sentiment(values, *, threshold: float = THRESHOLD) -> pd.Series:
    """Return "positive" (≥ threshold), "negative" (≤ −threshold) or "neutral" for each
    score; a missing score (NaN) is "neutral".

    >>> label_sentiment(pd.Series([0.5, 0.01, -0.05])).tolist()
    ['positive', 'neutral', 'negative']
    """
    threshold = _check_threshold(threshold)
    values = pd.Series(values, dtype=float)
    labels = np.select(
        [values.to_numpy() >= threshold, values.to_numpy() <= -threshold],
        ["positive", "negative"],
        default="neutral",
    )
    return pd.Series(labels, index=values.index, dtype=object)


def score_sentences(
    sentences: pd.DataFrame,
    *,
    analyzer: SentimentIntensityAnalyzer | None = None,
    threshold: float = THRESHOLD,
) -> pd.DataFrame:
    """Return a copy of the sentences table with VADER's ``compound``, ``pos``, ``neu``,
    ``neg`` and a ``label`` (positive / neutral / negative at ±threshold).

    One analyser serves the whole table; a text repeated in the table is scored once.

    >>> scored = score_sentences(pd.DataFrame({"text": ["A good day.", "War."]}))
    >>> scored[["compound", "label"]].values.tolist()
    [[0.4404, 'positive'], [-0.5994, 'negative']]
    """
    threshold = _check_threshold(threshold)
    analyzer = analyzer if analyzer is not None else get_analyzer()
    scores: dict[str, dict] = {}
    rows = []
    for text in sentences["text"].tolist():
        text = text if isinstance(text, str) else ""
        row = scores.get(text)
        if row is None:
            row = scores[text] = analyzer.polarity_scores(text)
        rows.append(row)
    return _with_scores(sentences, rows, threshold)


def score_sentences_with_words(
    sentences: pd.DataFrame,
    *,
    analyzer: FastSentimentIntensityAnalyzer | None = None,
    threshold: float = THRESHOLD,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the scored sentences (as :func:`score_sentences`) and, from the same pass,
    the words that carried valence: the ``sentiment_words`` table, one row per word with
    the sentence's key (``doc_id``, ``para_id``, ``sent_id``, those the sentences have),
    the ``word`` (lower case, as VADER looks it up) and its ``valence``, in reading order.

    A word's valence is its lexicon value after VADER's rules: boosters ("very"),
    negation ("not"), "but" (halved before it, ×1.5 after) and capitals. Words scoring 0
    are left out. A sentence's valences sum to VADER's raw sum *before* it adds the
    emphasis of "!" and "??" and normalises the sum to the compound score, so they show
    what drove a score rather than add up to it.

    >>> scored, words = score_sentences_with_words(
    ...     pd.DataFrame({"sent_id": [0, 1], "text": ["Not a good day.", "No war, but PEACE!"]}))
    >>> words.values.tolist()
    [[0, 'good', -1.406], [1, 'war', 1.073], [1, 'peace', 4.8495]]

    ("good" 1.9 negated; "war" −2.9 negated by "no", then halved before "but"; "peace"
    2.5 in capitals, then ×1.5 after "but".)
    """
    threshold = _check_threshold(threshold)
    analyzer = analyzer if analyzer is not None else get_analyzer()
    if not isinstance(analyzer, FastSentimentIntensityAnalyzer):
        raise TypeError("score_sentences_with_words needs a FastSentimentIntensityAnalyzer")
    score_into = analyzer.score_into
    scores: list[float] = []  # four a sentence, in the order of SCORE_KEYS
    words: list = []  # word, valence, word, valence, …
    counts: list[int] = []  # words a sentence
    starts: list[int] = []  # where a sentence's words start in ``words``
    seen: dict[str, int] = {}  # a text's first sentence, whose results a repeat copies
    for n, text in enumerate(sentences["text"].tolist()):
        text = text if isinstance(text, str) else ""
        first = seen.setdefault(text, n)
        starts.append(len(words))
        if first == n:
            counts.append(score_into(text, scores, words))
            continue
        scores += scores[4 * first : 4 * first + 4]
        words += words[starts[first] : starts[first] + 2 * counts[first]]
        counts.append(counts[first])
    values = np.array(scores, dtype=float).reshape(-1, len(SCORE_KEYS))
    scored = sentences.copy()
    for column in SCORE_COLUMNS:
        scored[column] = pd.Series(values[:, SCORE_KEYS.index(column)], index=sentences.index)
    scored["label"] = label_sentiment(scored["compound"], threshold=threshold)
    return scored, _words_table(sentences, words, counts)


def _with_scores(sentences: pd.DataFrame, rows: list[dict], threshold: float) -> pd.DataFrame:
    scored = sentences.copy()
    for column in SCORE_COLUMNS:
        values = np.fromiter(map(itemgetter(column), rows), dtype=float, count=len(rows))
        scored[column] = pd.Series(values, index=sentences.index)
    scored["label"] = label_sentiment(scored["compound"], threshold=threshold)
    return scored


def _words_table(sentences: pd.DataFrame, words: list, counts: list[int]) -> pd.DataFrame:
    """One row per (sentence, word) pair, from the flat ``[word, valence, …]`` of all the
    sentences and each one's number of words: the sentence's key repeated for its words."""
    keys = [key for key in SENTENCE_KEY if key in sentences.columns]
    table = sentences[keys].take(np.repeat(np.arange(len(sentences)), counts))
    table = table.reset_index(drop=True)
    table["word"] = pd.Series(words[::2], dtype=object)
    table["valence"] = np.array(words[1::2], dtype=float)
    return table


def _scored(sentences: pd.DataFrame, threshold: float) -> pd.DataFrame:
    return sentences if "compound" in sentences else score_sentences(sentences, threshold=threshold)


# --------------------------------------------------------------------------- aggregates


def _key(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def aggregate_sentiment(
    sentences: pd.DataFrame,
    *,
    by: str | Sequence[str] = PARAGRAPH_KEY,
    threshold: float = THRESHOLD,
) -> pd.DataFrame:
    """Return one row per ``by`` group (default: per paragraph) with ``sentiment`` (mean of
    its sentences' compound scores), ``sentiment_min``, ``sentiment_max``,
    ``share_positive`` and ``share_negative`` (shares of its sentences labelled so),
    ``n_scored`` and the ``label`` of the mean.

    Each sentence weighs the same: a document's sentiment (``by="doc_id"``) is the mean
    over all its sentences, not the mean of its paragraphs' means. Sentences are scored
    first when the table has no ``compound`` column. Groups keep their order of first
    appearance (reading order).

    >>> aggregate_sentiment(tables.sentences, by="doc_id")["sentiment"].round(3).tolist()
    [-0.011]
    """
    threshold = _check_threshold(threshold)
    keys = _key(by)
    scored = _scored(sentences, threshold)
    out = group_statistics(scored, keys, threshold)
    out["label"] = label_sentiment(out["sentiment"], threshold=threshold)
    return out[[*keys, *AGGREGATE_COLUMNS]]



def add_sentiment(
    table: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    by: str | Sequence[str] = PARAGRAPH_KEY,
    threshold: float = THRESHOLD,
) -> pd.DataFrame:
    """Return ``table`` (paragraphs, or documents with ``by="doc_id"``) with the columns of
    :func:`aggregate_sentiment` added, rows and their order unchanged.

    A row with no scored sentence (an empty paragraph) gets ``n_scored`` 0, NaN for the
    scores and shares — nothing was measured, and a 0 would pull averages towards neutral —
    and the label "neutral", since it expresses no tone. Existing sentiment columns are
    replaced.

    >>> paragraphs = add_sentiment(tables.paragraphs, tables.sentences)
    >>> int(paragraphs["n_scored"].sum()) == len(tables.sentences)
    True
    """
    keys = _key(by)
    aggregate = aggregate_sentiment(sentences, by=keys, threshold=threshold)
    rows = find_groups(table, aggregate, keys)
    found = rows >= 0
    take = np.where(found, rows, 0)
    missing = {"n_scored": 0, "label": "neutral"}
    merged = table.drop(columns=[c for c in AGGREGATE_COLUMNS if c in table.columns])
    for column in AGGREGATE_COLUMNS:
        values = aggregate[column].to_numpy()[take] if len(aggregate) else np.zeros(len(table))
        values = np.where(found, values, missing.get(column, np.nan))
        dtype = {"n_scored": int, "label": object}.get(column, float)
        merged[column] = pd.Series(values, index=table.index).astype(dtype)
    return merged


# --------------------------------------------------------------------------- the arc


def _check_window(window: int) -> int:
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        raise InputError(f"The rolling window must be a whole number ≥ 1, not {window!r}.")
    return int(window)


def _require(table: pd.DataFrame, columns: Sequence[str], hint: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise InputError(f"The table has no {', '.join(missing)} column; {hint}.")


def _positions(groups: pd.core.groupby.DataFrameGroupBy) -> pd.Series:
    """Relative reading position in each group: 0 for the first row, 1 for the last."""
    order = groups.cumcount()
    last = groups["doc_id"].transform("size") - 1
    return (order / last.where(last > 0)).fillna(0.0).astype(float)


def sentiment_arc(paragraphs: pd.DataFrame, *, window: int = 3) -> pd.DataFrame:
    """Return the tone's arc through each document: one row per paragraph in reading order
    with ``doc_id``, ``para_id``, ``position`` (0 = first paragraph, 1 = last),
    ``sentiment`` and ``rolling``, a centred rolling mean over ``window`` paragraphs
    (``min_periods=1``, never crossing into another document).

    The paragraphs need a ``sentiment`` column (:func:`add_sentiment`).

    >>> sentiment_arc(tables.paragraphs, window=5)["rolling"].round(3).head(3).tolist()
    [0.007, -0.012, -0.124]
    """
    window = _check_window(window)
    _require(paragraphs, ("doc_id", "para_id", "sentiment"), "add it with add_sentiment")
    arc = paragraphs[["doc_id", "para_id", "sentiment"]].copy()
    arc["_doc"] = pd.factorize(arc["doc_id"])[0]
    arc = arc.sort_values(["_doc", "para_id"], kind="stable").reset_index(drop=True)
    groups = arc.groupby("_doc", sort=False)
    arc["position"] = _positions(groups)
    arc["sentiment"] = arc["sentiment"].astype(float)
    arc["rolling"] = groups["sentiment"].transform(
        lambda s: s.rolling(window, center=True, min_periods=1).mean()
    )
    return arc[["doc_id", "para_id", "position", "sentiment", "rolling"]]


def document_arc(table: pd.DataFrame, *, window: int = 3) -> pd.DataFrame:
    """Return the tone across a corpus: one row per document in corpus order with
    ``doc_id``, ``position`` (0 = first document, 1 = last), ``sentiment`` and a centred
    ``rolling`` mean over ``window`` documents (``min_periods=1``).

    ``table`` is a documents or paragraphs table with ``sentiment`` from
    :func:`add_sentiment`; several rows per document are averaged weighted by
    ``n_scored``, which gives the mean over the document's sentences.

    >>> document_arc(tables.documents)["sentiment"].round(3).tolist()
    [-0.011]
    """
    window = _check_window(window)
    _require(table, ("doc_id", "sentiment"), "add it with add_sentiment")
    sentiment = table["sentiment"].astype(float)
    if "n_scored" in table.columns:
        weight = table["n_scored"].astype(float).where(sentiment.notna(), 0.0)
    else:
        weight = sentiment.notna().astype(float)
    frame = pd.DataFrame(
        {"doc_id": table["doc_id"], "weighted": (sentiment * weight).fillna(0.0), "weight": weight}
    )
    sums = frame.groupby("doc_id", sort=False)[["weighted", "weight"]].sum()
    arc = pd.DataFrame({"doc_id": sums.index})
    arc["sentiment"] = (sums["weighted"] / sums["weight"].where(sums["weight"] > 0)).to_numpy()
    arc["position"] = _positions(arc.assign(_all=0).groupby("_all"))
    arc["rolling"] = arc["sentiment"].rolling(window, center=True, min_periods=1).mean()
    return arc[["doc_id", "position", "sentiment", "rolling"]]


# --------------------------------------------------------------------------- tables to read


def extreme_sentences(
    sentences: pd.DataFrame, *, top: int = 5, threshold: float = THRESHOLD
) -> pd.DataFrame:
    """Return the ``top`` most positive and ``top`` most negative sentences, for reading:
    ``side`` (positive / negative), ``rank`` (1 = most extreme), ``doc_id``, ``para_id``,
    ``sent_id``, ``compound`` and ``text``.

    A side lists only sentences labelled so (beyond ±threshold), so a short or mild text
    may give fewer than ``top``; ties keep reading order.
    """
    if top < 0:
        raise InputError(f"The number of sentences to show must be 0 or more, not {top!r}.")
    threshold = _check_threshold(threshold)
    scored = _scored(sentences, threshold)
    columns = ["doc_id", "para_id", "sent_id", "compound", "text"]
    compound = scored["compound"]
    positive = scored[compound >= threshold].sort_values("compound", ascending=False, kind="stable")
    negative = scored[compound <= -threshold].sort_values("compound", kind="stable")
    parts = []
    for side, rows in (("positive", positive.head(top)), ("negative", negative.head(top))):
        part = rows[columns].copy()
        part.insert(0, "rank", range(1, len(part) + 1))
        part.insert(0, "side", side)
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def voice_split(sentences: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Return sentiment by voice: one row per value of the sentences' ``voice`` column
    ("author", then "quoted", then any other) with the columns of
    :func:`aggregate_sentiment` (mean, min, max, shares, ``n_scored``, label).

    The voices stage adds ``voice``; until it has run (no such column), every sentence is
    counted as the author's, and so is a sentence whose voice is missing.

    >>> voice_split(tables.sentences)[["voice", "n_scored"]].values.tolist()
    [['author', 55], ['quoted', 26]]
    """
    scored = _scored(sentences, threshold).copy()
    if "voice" in scored.columns:
        scored["voice"] = scored["voice"].astype(object).where(scored["voice"].notna(), "author")
    else:
        scored["voice"] = "author"
    split = aggregate_sentiment(scored, by="voice", threshold=threshold)
    rank = {voice: i for i, voice in enumerate(VOICES)}
    order = sorted(split["voice"], key=lambda v: (rank.get(v, len(rank)), str(v)))
    return split.set_index("voice").loc[order].reset_index()


def titles_of(documents: pd.DataFrame) -> Mapping[str, str]:
    """Return ``{doc_id: title}`` (the doc_id where a title is missing), for chart labels."""
    titles = documents.get("title", pd.Series(index=documents.index, dtype=object))
    return {
        doc_id: title if isinstance(title, str) and title.strip() else str(doc_id)
        for doc_id, title in zip(documents["doc_id"], titles, strict=True)
    }



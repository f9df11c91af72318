"""Sentiment: VADER scores per sentence, aggregated to paragraphs and documents.

VADER was built and validated on sentence-sized text; its compound score is a normalised
sum of word valences, so it saturates towards ±1 on long passages. Every score here is
therefore computed per sentence, and a paragraph's or document's sentiment is the *mean of
its sentences' compound scores* — never the score of the whole passage at once. On
human-rated newspaper editorial passages, the mean of sentence compounds tracks the human
ratings better (Pearson r ≈ 0.63) than scoring each whole passage (r ≈ 0.53).

Labels follow VADER's usual rule: positive when compound ≥ 0.05, negative when
compound ≤ −0.05, neutral in between (the threshold is an option everywhere).

Scores come from :class:`FastSentimentIntensityAnalyzer`, which gives exactly the scores of
vaderSentiment's reference implementation (every key, equal floats) while doing each
per-sentence step once instead of once per word.
"""

from __future__ import annotations

import heapq
import math
import string
from collections.abc import Mapping, Sequence
from functools import cached_property, lru_cache
from operator import itemgetter

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    normalize,
)

from .errors import InputError

THRESHOLD = 0.05
SCORE_COLUMNS = ["compound", "pos", "neu", "neg"]
AGGREGATE_COLUMNS = [
    "sentiment", "sentiment_min", "sentiment_max", "share_positive", "share_negative",
    "n_scored", "label",
]  # fmt: skip
PARAGRAPH_KEY = ("doc_id", "para_id")
VOICES = ("author", "quoted")

_NEGATIONS = frozenset(NEGATE)
_SO_THIS = ("so", "this")
_PUNCTUATION = string.punctuation


# --------------------------------------------------------------------------- the analyser


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """VADER with the reference's scores, computed in time linear in the sentence.

    The reference lower-cases the whole sentence again inside its negation and idiom checks,
    i.e. up to four times for every lexicon word (quadratic on long sentences), walks the
    text character by character for emojis, and resolves "but" with ``list.index`` inside a
    loop. Here the words, their lower-case forms, lexicon membership and the emoji test are
    computed once per sentence. Every rule and quirk of the reference is kept, among them:

    - only single-character emojis are replaced by their description;
    - "kind of" and booster words score 0 themselves; "no" before a lexicon word scores 0;
    - the third-word-back negation check multiplies by 1.25 whenever the *previous* word is
      "so" or "this", whatever comes before it (an operator-precedence quirk);
    - the "but" rule halves/boosts the *first* position holding an equal value (the
      reference looks each value up with ``list.index`` while rewriting the list);
    - the sentiment-laden idiom check ("in the red", …) is never applied, as in the
      reference (it is unfinished there).

    >>> FastSentimentIntensityAnalyzer().polarity_scores("Not bad at all")["compound"]
    0.431
    """

    def polarity_scores(self, text):
        if not isinstance(text, str):  # the reference's own (failing) path for non-text
            return super().polarity_scores(text)
        if not text.isascii() and not self._emoji_chars.isdisjoint(text):  # emojis aren't ASCII
            text = self._describe_emojis(text).strip()
        tokens = text.split()
        if not tokens:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        lower = _lower_words(text, tokens)
        lexicon = self.lexicon
        hits = [i for i, word in enumerate(lower) if word in lexicon]
        if not hits:  # every word scores 0
            return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
        upper = list(map(str.isupper, tokens))  # the same for a word stripped of punctuation
        n_upper = sum(upper)
        is_cap_diff = 0 < n_upper < len(tokens)
        hit_set = set(hits)
        last = len(tokens) - 1
        sentiments: list[float] = [0] * len(tokens)
        for i in hits:
            word = lower[i]
            if word in BOOSTER_DICT or (word == "kind" and i < last and lower[i + 1] == "of"):
                continue
            sentiments[i] = self._word_valence(i, upper, lower, hit_set, is_cap_diff)
        if "but" in lower:
            # Only lexicon positions can hold a non-zero value, and a zero rewritten by the
            # rule stays a zero, which no score reads: the rule runs on those positions only.
            shifted = _shift_around_but([sentiments[i] for i in hits], lower.index("but"), hits)
            for i, value in zip(hits, shifted, strict=True):
                sentiments[i] = value
        return self._score_valence(sentiments, hits, text)

    @cached_property
    def _emoji_chars(self) -> frozenset[str]:
        """The emojis the reference replaces: single characters only."""
        return frozenset(key for key in self.emojis if len(key) == 1)

    def _score_valence(self, sentiments: list[float], hits: list[int], text: str) -> dict:
        """The reference's ``score_valence``, reading only the positions that can be non-zero."""
        sum_s = float(sum(sentiments))
        amplifier = self._punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        compound = normalize(sum_s)
        pos_sum = neg_sum = 0.0
        neu_count = len(sentiments)
        for i in hits:
            score = sentiments[i]
            if score > 0:
                pos_sum += float(score) + 1
            if score < 0:
                neg_sum += float(score) - 1
            if score != 0:
                neu_count -= 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {
            "neg": round(math.fabs(neg_sum / total), 3),
            "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3),
            "compound": round(compound, 4),
        }

    def _describe_emojis(self, text: str) -> str:
        """Replace each single-character emoji by its description, as the reference does."""
        emojis = self.emojis
        if emojis.keys().isdisjoint(text):
            return text
        parts = []
        prev_space = True
        for char in text:
            if char in emojis:
                if not prev_space:
                    parts.append(" ")
                parts.append(emojis[char])
                prev_space = False
            else:
                parts.append(char)
                prev_space = char == " "
        return "".join(parts)

    def _word_valence(self, i, upper, lower, hits, is_cap_diff) -> float:
        """The valence of lexicon word ``i`` after the reference's rules, in its order.

        ``upper`` tells which words are in capitals, ``hits`` holds the positions of the
        lexicon words and ``lower`` the lower-case words.
        """
        word = lower[i]
        valence = self.lexicon[word]
        if word == "no" and i != len(lower) - 1 and i + 1 in hits:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
        ):
            valence = self.lexicon[word] * N_SCALAR
        if upper[i] and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            before = i - (start_i + 1)
            if i > start_i and before not in hits:
                s = _booster_scalar(lower[before], upper[before], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        return _least_check(valence, lower, hits, i)


def _lower_words(text: str, tokens: list[str]) -> list[str]:
    """VADER's words in lower case: each token stripped of leading and trailing punctuation
    unless that leaves two characters or fewer (":)" stays).

    Lower-casing the whole text at once gives the same words (punctuation has no case, and
    no context of a case rule crosses white space) as long as no character lower-cases to
    more than one ("İ"); otherwise each word is folded on its own, as the reference does.
    """
    folded = text.lower()
    if len(folded) != len(text):
        return [SentiText._strip_punc_if_word(token).lower() for token in tokens]
    return [s if len(s) > 2 else t for t in folded.split() for s in (t.strip(_PUNCTUATION),)]


def _booster_scalar(word: str, is_upper: bool, valence: float, is_cap_diff: bool) -> float:
    """The reference's ``scalar_inc_dec`` on a word already lower-cased."""
    scalar = 0.0
    if word in BOOSTER_DICT:
        scalar = BOOSTER_DICT[word]
        if valence < 0:
            scalar *= -1
        if is_upper and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or "n't" in word


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    """The reference's negation rule for the word ``start_i + 1`` places before word ``i``."""
    if start_i == 0:
        negate = _is_negation(lower[i - 1])
    elif start_i == 1:
        if lower[i - 2] == "never" and lower[i - 1] in _SO_THIS:
            return valence * 1.25
        if lower[i - 2] == "without" and lower[i - 1] == "doubt":
            return valence
        negate = _is_negation(lower[i - 2])
    else:
        if (lower[i - 3] == "never" and lower[i - 2] in _SO_THIS) or lower[i - 1] in _SO_THIS:
            return valence * 1.25
        if lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            return valence
        negate = _is_negation(lower[i - 3])
    return valence * N_SCALAR if negate else valence


# Every idiom and multi-word booster joins two or more different words: a window holding
# fewer than two of their words can match none of them.
_IDIOM_WORDS = frozenset(
    word for phrase in [*SPECIAL_CASES, *BOOSTER_DICT] if " " in phrase for word in phrase.split()
)


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """The reference's idiom rule for lexicon word ``i``: it reads the phrases of two or
    three words from three words before it to two after it."""
    if len(_IDIOM_WORDS.intersection(lower[i - 3 : i + 3])) < 2:
        return valence
    one_zero = f"{lower[i - 1]} {lower[i]}"
    two_one_zero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    two_one = f"{lower[i - 2]} {lower[i - 1]}"
    three_two_one = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    three_two = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zero_one = f"{lower[i]} {lower[i + 1]}"
        if zero_one in SPECIAL_CASES:
            valence = SPECIAL_CASES[zero_one]
    if len(lower) - 1 > i + 1:
        zero_one_two = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zero_one_two in SPECIAL_CASES:
            valence = SPECIAL_CASES[zero_one_two]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence: float, lower: list[str], hits: set[int], i: int) -> float:
    if i > 1 and i - 1 not in hits and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and i - 1 not in hits and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _same(a, b) -> bool:
    """Equality as ``list.index`` tests it (identity first, then ==)."""
    return a is b or a == b


def _shift_around_but(
    sentiments: list, but_at: int, positions: Sequence[int] | None = None
) -> list:
    """The reference's "but" rule in O(n log n), with its exact outcome.

    The reference walks the list and, for each value, rewrites the *first* position that
    holds an equal value (``list.index``): halved before "but", times 1.5 after it. The
    value read at step k is always the original one (only positions ≤ k are rewritten), so
    keeping, per value, a heap of the positions that may hold it finds that first position
    without rescanning the list. ``positions`` gives the words' places in the sentence when
    ``sentiments`` holds only some of them (by default, value k is word k).
    """
    positions = range(len(sentiments)) if positions is None else positions
    current = list(sentiments)
    holders: dict[float, list[int]] = {}
    for k, value in enumerate(sentiments):
        heap = holders.setdefault(value, [])
        heapq.heappush(heap, k)
        while not _same(current[heap[0]], value):
            heapq.heappop(heap)
        first = heap[0]
        if positions[first] < but_at:
            new = value * 0.5
        elif positions[first] > but_at:
            new = value * 1.5
        else:
            continue
        current[first] = new
        if not _same(new, value):
            heapq.heappush(holders.setdefault(new, []), first)
    return current


@lru_cache(maxsize=2)
def get_analyzer(*, reference: bool = False) -> SentimentIntensityAnalyzer:
    """Return the process's VADER analyser (built once: it reads its lexicon from disk).

    ``reference=True`` returns vaderSentiment's own implementation, for tests and
    benchmarks; the default is :class:`FastSentimentIntensityAnalyzer` (same scores).

    >>> get_analyzer().polarity_scores("A good day.")["compound"]
    0.4404
    """
    return SentimentIntensityAnalyzer() if reference else FastSentimentIntensityAnalyzer()


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

    >>> score_sentences(sentences)[["sent_id", "compound", "label"]]
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
    scored = sentences.copy()
    for column in SCORE_COLUMNS:
        values = np.fromiter(map(itemgetter(column), rows), dtype=float, count=len(rows))
        scored[column] = pd.Series(values, index=sentences.index)
    scored["label"] = label_sentiment(scored["compound"], threshold=threshold)
    return scored


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

    >>> aggregate_sentiment(sentences, by="doc_id")[["doc_id", "sentiment", "label"]]
    """
    threshold = _check_threshold(threshold)
    keys = _key(by)
    scored = _scored(sentences, threshold)
    codes, first = _group_codes([scored[k] for k in keys])
    compound = scored["compound"].to_numpy(dtype=float, na_value=np.nan)
    out = scored[keys].iloc[first].reset_index(drop=True)
    for column, values in _group_statistics(codes, len(first), compound, threshold).items():
        out[column] = values
    out["label"] = label_sentiment(out["sentiment"], threshold=threshold)
    return out[[*keys, *AGGREGATE_COLUMNS]]


def _group_codes(columns: Sequence[pd.Series]) -> tuple[np.ndarray, np.ndarray]:
    """Number the distinct key combinations of the rows in order of first appearance
    (a missing key is a value like any other). Returns each row's group number and the
    row where each group first appears."""
    codes = np.zeros(len(columns[0]) if columns else 0, dtype=np.int64)
    for column in columns:
        column_codes, uniques = pd.factorize(column, sort=False, use_na_sentinel=False)
        codes, _ = pd.factorize(codes * len(uniques) + column_codes, sort=False)
    first = np.unique(codes, return_index=True)[1]
    return codes, first


def _group_statistics(
    codes: np.ndarray, n_groups: int, compound: np.ndarray, threshold: float
) -> dict[str, np.ndarray]:
    """Mean, min, max, shares of positive and negative scores, and count of scores per
    group, over the scores that are not missing.

    A mean is the correctly rounded sum of the group's scores (``math.fsum``) divided by
    their count, so it does not depend on the order of the rows.
    """
    scored = ~np.isnan(compound)
    n_scored = np.bincount(codes[scored], minlength=n_groups)
    positive = np.bincount(codes[scored & (compound >= threshold)], minlength=n_groups)
    negative = np.bincount(codes[scored & (compound <= -threshold)], minlength=n_groups)
    values: list[list[float]] = [[] for _ in range(n_groups)]
    for group, value in zip(codes[scored].tolist(), compound[scored].tolist(), strict=True):
        values[group].append(value)
    sums = np.array([math.fsum(v) for v in values], dtype=float)
    low = np.full(n_groups, np.nan)
    high = np.full(n_groups, np.nan)
    np.fmin.at(low, codes, compound)
    np.fmax.at(high, codes, compound)
    with np.errstate(invalid="ignore", divide="ignore"):
        return {
            "sentiment": sums / n_scored,
            "sentiment_min": low,
            "sentiment_max": high,
            "share_positive": positive / n_scored,
            "share_negative": negative / n_scored,
            "n_scored": n_scored.astype(int),
        }


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

    >>> paragraphs = add_sentiment(paragraphs, sentences)
    >>> documents = add_sentiment(documents, sentences, by="doc_id")
    """
    keys = _key(by)
    aggregate = aggregate_sentiment(sentences, by=keys, threshold=threshold)
    # number the keys of both tables together, then find each row's group
    codes, _ = _group_codes([pd.concat([table[k], aggregate[k]], ignore_index=True)
                             for k in keys])
    group_row = np.full(len(codes) + 1, -1)
    group_row[codes[len(table):]] = np.arange(len(aggregate))
    rows = group_row[codes[: len(table)]]
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

    >>> sentiment_arc(add_sentiment(paragraphs, sentences), window=5)
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

    >>> document_arc(add_sentiment(documents, sentences, by="doc_id"))
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
    sentences: pd.DataFrame, *, n: int = 5, threshold: float = THRESHOLD
) -> pd.DataFrame:
    """Return the ``n`` most positive and ``n`` most negative sentences, for reading:
    ``side`` (positive / negative), ``rank`` (1 = most extreme), ``doc_id``, ``para_id``,
    ``sent_id``, ``compound`` and ``text``.

    A side lists only sentences labelled so (beyond ±threshold), so a short or mild text
    may give fewer than ``n``; ties keep reading order.

    >>> extreme_sentences(sentences, n=3)
    """
    if n < 0:
        raise InputError(f"The number of sentences to show must be 0 or more, not {n!r}.")
    threshold = _check_threshold(threshold)
    scored = _scored(sentences, threshold)
    columns = ["doc_id", "para_id", "sent_id", "compound", "text"]
    compound = scored["compound"]
    positive = scored[compound >= threshold].sort_values("compound", ascending=False, kind="stable")
    negative = scored[compound <= -threshold].sort_values("compound", kind="stable")
    parts = []
    for side, rows in (("positive", positive.head(n)), ("negative", negative.head(n))):
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

    >>> voice_split(sentences)[["voice", "sentiment", "n_scored"]]
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

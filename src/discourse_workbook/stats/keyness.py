"""Keyness: which words set a text apart from general English (wordfreq) or from a
reference corpus, by Dunning's log-likelihood G² and Hardie's Log Ratio."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd

from .frequencies import content_counts
from .order import check_by, sort_rows

TOP = 15

KEY_G2 = 15.13  # chi-square (1 df) critical value for p < 0.0001
MIN_COUNT = 3  # words used fewer times are not tested, so never key
KEY_LOG_RATIO = 1.0  # twice as frequent (or half as frequent) as in the reference
REFERENCE_SIZE = 1e9
WORDFREQ_FLOOR = 1e-8  # the smallest frequency wordfreq lists for English


def chi2_p_value(g2: np.ndarray | float) -> np.ndarray | float:
    """Return the p-value of a chi-square statistic with 1 degree of freedom
    (``erfc(sqrt(x / 2))``).

    >>> round(chi2_p_value(3.841), 3)
    0.05
    """
    if np.ndim(g2) == 0:
        return math.erfc(math.sqrt(max(float(g2), 0.0) / 2))
    values = np.maximum(np.asarray(g2, dtype=float), 0.0)
    return np.array([math.erfc(math.sqrt(x / 2)) for x in values], dtype=float)


def _keyness_statistics(
    count: np.ndarray, total: np.ndarray, ref_count: np.ndarray, ref_total: float
) -> dict[str, np.ndarray]:
    """G² (Rayson & Garside 2000), its p-value and the Log Ratio (Hardie 2014).

    A zero count becomes half an occurrence in the larger corpus for the Log Ratio, so
    the correction never reverses the direction.
    """
    a = np.asarray(count, dtype=float)
    b = np.asarray(ref_count, dtype=float)
    n1 = np.asarray(total, dtype=float)
    n2 = float(ref_total)
    expected_a = n1 * (a + b) / (n1 + n2)
    expected_b = n2 * (a + b) / (n1 + n2)
    with np.errstate(divide="ignore", invalid="ignore"):
        term_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        term_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    g2 = np.maximum(2 * (term_a + term_b), 0.0)
    zero = 0.5 / np.maximum(n1, n2)
    rate_a, rate_b = a / n1, b / n2
    log_ratio = np.log2(np.where(a > 0, rate_a, zero) / np.where(b > 0, rate_b, zero))
    direction = np.select([rate_a > rate_b, rate_a < rate_b], ["positive", "negative"], "neither")
    return {"g2": g2, "p": chi2_p_value(g2), "log_ratio": log_ratio, "direction": direction}


def _target_counts(terms: pd.DataFrame, by: str) -> pd.DataFrame:
    """Counts to test, with the size (words) of the text each belongs to."""
    check_by(by)
    if by == "document":
        table = terms[["doc_id", "term", "count", "stopword"]].copy()
        table["total"] = table.groupby("doc_id", sort=False)["count"].transform("sum")
        return table
    table = terms.groupby("term", sort=False).agg(
        count=("count", "sum"), stopword=("stopword", "any")).reset_index()
    table["total"] = int(table["count"].sum())
    return table


def _finish_keyness(
    table: pd.DataFrame, ref_total: float, *, min_g2: float, min_log_ratio: float
) -> pd.DataFrame:
    stats = _keyness_statistics(table["count"], table["total"], table["reference_count"],
                                ref_total)
    table = table.assign(**stats)
    table["rate"] = 1000 * table["count"] / table["total"].astype(float)
    table["reference_rate"] = 1000 * table["reference_count"] / float(ref_total)
    table["key"] = (table["g2"] >= min_g2) & (table["log_ratio"].abs() >= min_log_ratio)
    columns = ["term", "count", "rate", "reference_count", "reference_rate", "g2", "p",
               "log_ratio", "direction", "key", "stopword", "in_reference"]
    if "doc_id" in table.columns:
        columns = ["doc_id", *columns]
    return sort_rows(table, ["g2", "term"], [False, True])[columns]


@lru_cache(maxsize=200_000)
def _english_frequency(term: str, language: str) -> float:
    from wordfreq import word_frequency

    return word_frequency(term, language)


def keyness_general(
    terms: pd.DataFrame,
    *,
    by: str = "corpus",
    min_count: int = MIN_COUNT,
    language: str = "en",
    reference_size: float = REFERENCE_SIZE,
    floor: float = WORDFREQ_FLOOR,
    min_g2: float = KEY_G2,
    min_log_ratio: float = KEY_LOG_RATIO,
) -> pd.DataFrame:
    """Return the keyness of a text's terms against general English (``wordfreq``).

    wordfreq gives each word's relative frequency in a large mixed corpus, not counts,
    so the reference is treated as a corpus of ``reference_size`` words (1e9) with
    those frequencies: G² and its p-value are therefore an approximation (close to a
    goodness-of-fit test against wordfreq's rate, since the reference dwarfs the text).
    A word wordfreq does not list (``in_reference`` False) gets the ``floor`` frequency,
    the smallest wordfreq lists: its true rate is lower, so G² and Log Ratio understate,
    never overstate, how unusual it is. Only terms used ``min_count`` times are tested.

    G² is Dunning's log-likelihood (Rayson & Garside 2000), p its chi-square (1 df)
    p-value, ``log_ratio`` Hardie's (2014) log2 of the ratio of the two rates,
    ``direction`` "positive" (more frequent than in English) or "negative", and ``key``
    marks terms with G² ≥ ``min_g2`` (15.13, p < 0.0001) and |log ratio| ≥
    ``min_log_ratio`` (1: twice or half as frequent): key, not merely frequent. Rates
    are per 1,000 words. Sorted by G². Columns: [doc_id,] term, count, rate,
    reference_count, reference_rate, g2, p, log_ratio, direction, key, stopword,
    in_reference.

    >>> keys = keyness_general(tables.terms)
    >>> keys.query("key and direction == 'positive' and not stopword")["term"].head(3).tolist()
    ['eurasian', 'security', 'eurasia']
    """
    if reference_size <= 0 or floor <= 0:
        raise ValueError("reference_size and floor must be positive.")
    table = _target_counts(terms, by)
    table = table[table["count"] >= min_count].copy()
    frequency = np.array([_english_frequency(t, language) for t in table["term"]], dtype=float)
    table["in_reference"] = frequency > 0
    table["reference_count"] = np.maximum(frequency, floor) * reference_size
    return _finish_keyness(table, reference_size, min_g2=min_g2, min_log_ratio=min_log_ratio)


def keyness(
    terms: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    by: str = "corpus",
    min_count: int = MIN_COUNT,
    min_g2: float = KEY_G2,
    min_log_ratio: float = KEY_LOG_RATIO,
) -> pd.DataFrame:
    """Return the keyness of terms in a target against a reference corpus (both
    ``terms`` tables; the reference's documents are summed).

    Every term of either corpus used at least ``min_count`` times in the two together
    is tested, so words the target never uses show as negative keys and swapping the
    target and the reference flips only the direction and the sign of the log ratio.
    Statistics and columns as :func:`keyness_general` (``reference_count`` is a count).

    Example: ``keyness(tables.terms, load_reference_terms(["other-columns/"]))``.
    """
    ref_total = int(reference["count"].sum())
    if ref_total == 0:
        raise ValueError("the reference corpus has no words.")
    ref = reference.groupby("term", sort=False).agg(
        reference_count=("count", "sum"), ref_stopword=("stopword", "any")).reset_index()
    target = _target_counts(terms, by)
    groups = [target] if by == "corpus" else [g for _, g in target.groupby("doc_id", sort=False)]
    parts = []
    for group in groups:
        part = group.merge(ref, on="term", how="outer")
        if by == "document":
            part["doc_id"] = group["doc_id"].iloc[0]
        part["total"] = group["total"].iloc[0] if len(group) else 0
        parts.append(part)
    table = pd.concat(parts, ignore_index=True) if parts else target.assign(reference_count=0)
    table["count"] = table["count"].fillna(0).astype("int64")
    table["reference_count"] = table["reference_count"].fillna(0).astype("int64")
    table["stopword"] = (table["stopword"].astype("boolean").fillna(False)
                         | table["ref_stopword"].astype("boolean").fillna(False)).astype(bool)
    table["in_reference"] = table["reference_count"] > 0
    table = table[(table["count"] + table["reference_count"] >= min_count) & (table["total"] > 0)]
    return _finish_keyness(table.copy(), ref_total, min_g2=min_g2, min_log_ratio=min_log_ratio)


def top_key_terms(terms: pd.DataFrame, *, top: int = 6) -> list[str]:
    """Return the ``top`` content words most characteristic of a text against general
    English (key and more frequent than in English, by G²); the most frequent content
    words when none is key.

    Example: ``top_key_terms(tables.terms, top=3)`` gives the default article's
    ['eurasian', 'security', 'lavrov'].
    """
    if not len(terms):
        return []
    keys = keyness_general(terms[terms["term"].str.contains(r"[^\W\d_]")], by="corpus")
    keys = keys[keys["key"] & (keys["direction"] == "positive") & ~keys["stopword"]]
    chosen = list(keys["term"].head(top))
    return chosen or list(content_counts(terms).head(top).index)


def key_or_frequent(terms: pd.DataFrame, *, top: int = TOP) -> pd.DataFrame:
    """Return the ``top`` most frequent content words and whether each is *key* against
    general English or merely frequent: count, rate per 1,000 words in the text and in
    general English, log ratio, G², key."""
    columns = ["term", "count", "rate", "english_rate", "log_ratio", "g2", "key"]
    frequent = content_counts(terms).head(top)
    if not len(frequent):
        return pd.DataFrame(columns=columns)
    chosen = terms[terms["term"].isin(frequent.index)]
    totals = terms.assign(term=terms["term"].where(terms["term"].isin(frequent.index), "\0other"))
    table = keyness_general(totals, by="corpus", min_count=1)
    table = table[table["term"].isin(set(chosen["term"]))].rename(
        columns={"reference_rate": "english_rate"})
    # as keyness_general tests only words used MIN_COUNT times, none used fewer is key
    table["key"] = table["key"] & (table["direction"] == "positive") & (
        table["count"] >= MIN_COUNT)
    order = {term: i for i, term in enumerate(frequent.index)}
    table = table.assign(_order=table["term"].map(order)).sort_values("_order")
    return table[columns].reset_index(drop=True)


def key_against_reference(
    terms: pd.DataFrame, reference: pd.DataFrame, *, top: int = TOP
) -> pd.DataFrame:
    """Return the ``top`` words most key in a text against a reference corpus (both
    ``terms`` tables), with counts and rates in both, G², its p-value and the log ratio;
    no rows when the reference has no words (none was named).

    >>> key_against_reference(tables.terms, tables.terms.iloc[:0]).columns.tolist()[:3]
    ['term', 'count', 'rate']
    """
    columns = ["term", "count", "rate", "reference_count", "reference_rate", "g2", "p",
               "log_ratio"]
    if not int(reference["count"].sum()):
        return pd.DataFrame(columns=columns)
    table = keyness(terms, reference, by="corpus")
    table = table[table["key"] & (table["direction"] == "positive") & ~table["stopword"]]
    return table[columns].head(top).reset_index(drop=True)


def is_content(terms: pd.Series) -> pd.Series:
    """True for terms of at least two letters (stopwords are told by the terms table's
    ``stopword`` flag): "x", "2023" and "a." are no words to show as key."""
    return terms.str.count(r"[^\W\d_]") >= 2


def key_terms_to_show(keys: pd.DataFrame, *, top: int = 20, measure: str = "g2",
                      content: bool = True) -> pd.DataFrame:
    """Return the ``top`` rows of a keyness table to show a reader: the terms more
    frequent than in the reference, by falling ``measure`` (then term), without stopwords
    and tokens of fewer than two letters unless ``content=False``.

    >>> key_terms_to_show(keyness_general(tables.terms), top=3)["term"].tolist()
    ['eurasian', 'security', 'eurasia']
    """
    shown = keys[keys["direction"] == "positive"]
    if content:
        shown = shown[~shown["stopword"].astype(bool) & is_content(shown["term"])]
    shown = shown.sort_values([measure, "term"], ascending=[False, True], kind="mergesort")
    return shown.head(top).reset_index(drop=True)

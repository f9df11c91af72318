"""Terms: counts of case-folded word forms per document, and what analysts build on them.

Frequencies and vocabulary richness (TTR, MATTR, hapaxes), n-grams and collocations
(G², PMI) counted inside sentences, keyness against general English (wordfreq) or a
named reference corpus (G², Log Ratio), keyword-in-context concordances, lexical
dispersion and Flesch readability. Every function takes tables and returns a table.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import paths
from .segment import TOKEN, to_term

TERM_COLUMNS = ["doc_id", "term", "count", "stopword"]
_INT64_MAX = int(np.iinfo(np.int64).max)


@lru_cache(maxsize=4)
def load_stopwords(path: Path | None = None) -> frozenset[str]:
    """Return the stopword list: NLTK's English list when its data is installed,
    else the list shipped in ``data/lexicons/stopwords_en.txt`` (or ``path``).

    >>> "the" in load_stopwords()
    True
    """
    if path is None:
        try:
            from nltk.corpus import stopwords

            return frozenset(w.replace("’", "'") for w in stopwords.words("english"))
        except LookupError:
            path = paths.STOPWORDS
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def count_terms(
    sentences: pd.DataFrame, *, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """Return the ``terms`` table: one row per (document, term) with its count.

    Terms are case-folded tokens with possessives removed ("Russia’s" → "russia");
    rows are ordered by document, then by falling count, then alphabetically.

    >>> count_terms(sentences).query("term == 'russia'")["count"].sum()
    """
    stopwords = load_stopwords() if stopwords is None else stopwords
    docs, lengths, forms, form_ids, counts = _tally_forms(sentences)
    # each distinct form is folded once; terms are ranked in sorted() order (code points)
    folded = list(map(to_term, forms))
    vocabulary = sorted(set(folded))
    rank = {term: i for i, term in enumerate(vocabulary)}
    term_of_form = np.fromiter(map(rank.__getitem__, folded), np.int64, len(folded))
    doc = np.repeat(np.arange(len(docs), dtype=np.int64), np.array(lengths, dtype=np.int64))
    term = term_of_form[np.array(form_ids, dtype=np.int64)]
    count = np.array(counts, dtype=np.int64)
    doc, term, count = _merge_pairs(doc, term, count, len(vocabulary))
    order = _ranked_order(doc, term, count)
    doc, term, count = doc[order], term[order], count[order]
    is_stopword = np.fromiter((t in stopwords for t in vocabulary), bool, len(vocabulary))
    columns = {
        "doc_id": _column(docs, doc),
        "term": _column(vocabulary, term),
        "count": count,
        "stopword": is_stopword[term],
    }
    return pd.DataFrame(columns, columns=TERM_COLUMNS)


class _FormIds(dict):
    """Word form → number, numbering each new form on first lookup (0, 1, 2, ...)."""

    def __missing__(self, form: str) -> int:
        self[form] = number = len(self)
        return number


def _tally_forms(
    sentences: pd.DataFrame,
) -> tuple[list[object], list[int], _FormIds, list[int], list[int]]:
    """Count each document's raw word forms (before folding, which is done once per
    distinct form afterwards).

    Returns the ids of the documents that have tokens (in order), how many distinct
    forms each has, the form numbering, and for every (document, form) pair in turn its
    form number and count.
    """
    forms = _FormIds()
    docs: list[object] = []
    lengths: list[int] = []
    form_ids: list[int] = []
    counts: list[int] = []
    for doc_id, text in _document_texts(sentences):
        tally = Counter(TOKEN.findall(text))
        if tally:
            docs.append(doc_id)
            lengths.append(len(tally))
            form_ids.extend(map(forms.__getitem__, tally))
            counts.extend(tally.values())
    return docs, lengths, forms, form_ids, counts


def _merge_pairs(
    doc: np.ndarray, term: np.ndarray, count: np.ndarray, n_terms: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sum the counts of rows with the same (document, term): forms such as "War" and
    "war" fold to one term. Returns the rows sorted by document, then term."""
    if not len(doc):
        return doc, term, count
    if (int(doc[-1]) + 1) * n_terms <= _INT64_MAX:  # doc is ascending
        order = np.argsort(doc * n_terms + term)
    else:
        order = np.lexsort((term, doc))
    doc, term, count = doc[order], term[order], count[order]
    starts = np.flatnonzero(np.r_[True, (doc[1:] != doc[:-1]) | (term[1:] != term[:-1])])
    return doc[starts], term[starts], np.add.reduceat(count, starts)


def _ranked_order(doc: np.ndarray, term: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Indices that order rows by document, then falling count, then term.

    Rows come sorted by (document, term), so a stable sort by (document, falling count)
    keeps the terms in order; one combined integer key is several times faster than
    ``np.lexsort`` over three keys.
    """
    if not len(doc):
        return np.arange(0)
    most = int(count.max())
    if (int(doc[-1]) + 1) * (most + 1) <= _INT64_MAX:
        return np.argsort(doc * (most + 1) + (most - count), kind="stable")
    return np.lexsort((term, -count, doc))


def _column(values: list, codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``[values[i] for i in codes]`` as a table column. pandas infers a column's dtype
    from the kinds of values in it, not from how often each occurs, so the column is
    built from the distinct values exactly as a table would build it from the full list,
    and then repeated by one ``take`` (instead of converting every row)."""
    return pd.DataFrame({"values": values})["values"].array.take(codes)


def _document_texts(sentences: pd.DataFrame) -> Iterator[tuple[object, str]]:
    """Each document's id and its sentences joined by spaces, documents in order of
    first appearance (a document's sentences need not be next to each other)."""
    codes, doc_ids = pd.factorize(sentences["doc_id"], sort=False, use_na_sentinel=False)
    texts = sentences["text"].tolist()
    if len(codes) and (np.diff(codes) >= 0).all():  # each document's rows together
        bounds = np.flatnonzero(np.diff(codes)) + 1
        starts, ends = [0, *bounds.tolist()], [*bounds.tolist(), len(texts)]
        for doc_id, start, end in zip(doc_ids, starts, ends, strict=True):
            yield doc_id, " ".join(texts[start:end])
        return
    by_doc: list[list[str]] = [[] for _ in doc_ids]
    for code, text in zip(codes.tolist(), texts, strict=True):
        by_doc[code].append(text)
    for doc_id, parts in zip(doc_ids, by_doc, strict=True):
        yield doc_id, " ".join(parts)


# --------------------------------------------------------------------------- shared helpers

BY = ("document", "corpus")
KEY_G2 = 15.13  # chi-square (1 df) critical value for p < 0.0001
KEY_LOG_RATIO = 1.0  # twice as frequent (or half as frequent) as in the reference
REFERENCE_SIZE = 1e9
WORDFREQ_FLOOR = 1e-8  # the smallest frequency wordfreq lists for English


def _check_by(by: str) -> None:
    if by not in BY:
        raise ValueError(f"by must be 'document' or 'corpus', not {by!r}.")


def _doc_rank(doc_ids: pd.Series) -> pd.Series:
    """Each row's document position in order of first appearance (reading order)."""
    order = {doc_id: i for i, doc_id in enumerate(dict.fromkeys(doc_ids))}
    return doc_ids.map(order)


def _sort_rows(frame: pd.DataFrame, columns: list[str], ascending: list[bool]) -> pd.DataFrame:
    """Sort by ``columns``, documents first (in reading order) when there is a doc_id."""
    if "doc_id" in frame.columns and "doc_id" not in columns:
        frame = frame.assign(_doc=_doc_rank(frame["doc_id"]))
        columns, ascending = ["_doc", *columns], [True, *ascending]
    frame = frame.sort_values(columns, ascending=ascending, kind="mergesort")
    return frame.drop(columns=["_doc"], errors="ignore").reset_index(drop=True)


def _in_reading_order(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences ordered by document (first appearance) then ``sent_id``."""
    if sentences.empty:
        return sentences
    return _sort_rows(sentences, ["sent_id"], [True])


def _sentence_terms(sentences: pd.DataFrame) -> Iterator[tuple[object, list[str]]]:
    """Yield ``(doc_id, terms of one sentence)`` in reading order."""
    ordered = _in_reading_order(sentences)
    for doc_id, text in zip(ordered["doc_id"], ordered["text"], strict=True):
        yield doc_id, [to_term(t) for t in TOKEN.findall(text)]


def _term_streams(sentences: pd.DataFrame) -> dict[object, list[str]]:
    """Each document's terms in reading order."""
    streams: dict[object, list[str]] = {}
    for doc_id, terms in _sentence_terms(sentences):
        streams.setdefault(doc_id, []).extend(terms)
    return streams


# --------------------------------------------------------------------------- frequencies


def term_frequencies(
    terms: pd.DataFrame, *, by: str = "document", stopwords: bool = True
) -> pd.DataFrame:
    """Return each term's count, its rate per 1,000 words and its rank.

    ``by="document"`` gives one row per (document, term); ``by="corpus"`` sums the
    documents (one row per term, with ``documents``: how many documents use it).
    ``stopwords=False`` leaves stopwords out; rates stay per 1,000 running words
    (stopwords included), so a word's rate is the same either way. Rank 1 is the most
    frequent; tied counts share a rank. Columns: [doc_id,] term, count, rate, rank,
    stopword[, documents].

    >>> term_frequencies(tables.terms, by="corpus", stopwords=False).head(10)
    """
    _check_by(by)
    totals = terms.groupby("doc_id", sort=False)["count"].sum()
    if by == "document":
        table = terms[["doc_id", "term", "count", "stopword"]].copy()
        table["rate"] = 1000 * table["count"] / table["doc_id"].map(totals).astype(float)
        columns = ["doc_id", "term", "count", "rate", "rank", "stopword"]
    else:
        table = terms.groupby("term", sort=False).agg(
            count=("count", "sum"), stopword=("stopword", "any"), documents=("doc_id", "nunique")
        ).reset_index()
        table["rate"] = 1000 * table["count"] / max(int(totals.sum()), 1)
        columns = ["term", "count", "rate", "rank", "stopword", "documents"]
    if not stopwords:
        table = table[~table["stopword"].astype(bool)]
    table = _sort_rows(table, ["count", "term"], [False, True])
    ranks = (table.groupby("doc_id", sort=False)["count"] if by == "document" else table["count"])
    table["rank"] = ranks.rank(method="min", ascending=False).astype("int64")
    return table[columns]


def moving_average_ttr(tokens: Sequence[str], *, window: int = 500) -> float:
    """Return the moving-average type-token ratio (Covington & McFall 2010): the mean
    TTR of every run of ``window`` consecutive tokens. Unlike plain TTR it does not fall
    as a text gets longer. A text shorter than ``window`` gets its plain TTR.

    >>> moving_average_ttr("a b a c b a".split(), window=3)  # (2/3 + 1 + 1 + 1) / 4
    0.9166666666666666
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, not {window}.")
    n = len(tokens)
    if n == 0:
        return math.nan
    if n <= window:
        return len(set(tokens)) / n
    counts = Counter(tokens[:window])
    types = len(counts)
    total = types
    for i in range(window, n):
        leaving, entering = tokens[i - window], tokens[i]
        counts[leaving] -= 1
        if counts[leaving] == 0:
            types -= 1
        if counts[entering] == 0:
            types += 1
        counts[entering] += 1
        total += types
    return total / ((n - window + 1) * window)


VOCABULARY_COLUMNS = [
    "n_tokens", "n_types", "ttr", "mattr", "mattr_is_ttr", "n_hapaxes", "hapax_share",
]  # fmt: skip


def vocabulary(sentences: pd.DataFrame, *, by: str = "document", window: int = 500) -> pd.DataFrame:
    """Return vocabulary figures: tokens, types (distinct terms), type-token ratio,
    MATTR over ``window`` tokens, and hapaxes (terms used once) with their share of the
    types.

    MATTR needs at least ``window`` tokens; for a shorter text it is the plain TTR and
    ``mattr_is_ttr`` says so (TTR falls as texts grow, so compare such texts with care).
    ``by="corpus"`` treats the documents, in reading order, as one text. Columns:
    [doc_id,] n_tokens, n_types, ttr, mattr, mattr_is_ttr, n_hapaxes, hapax_share.

    >>> vocabulary(tables.sentences)
    """
    _check_by(by)
    streams = _term_streams(sentences)
    if by == "corpus":
        streams = {None: [t for stream in streams.values() for t in stream]}
    rows = []
    for doc_id, tokens in streams.items():
        counts = Counter(tokens)
        n_tokens, n_types = len(tokens), len(counts)
        hapaxes = sum(1 for c in counts.values() if c == 1)
        rows.append({
            "doc_id": doc_id,
            "n_tokens": n_tokens,
            "n_types": n_types,
            "ttr": n_types / n_tokens if n_tokens else math.nan,
            "mattr": moving_average_ttr(tokens, window=window),
            "mattr_is_ttr": n_tokens < window,
            "n_hapaxes": hapaxes,
            "hapax_share": hapaxes / n_types if n_types else math.nan,
        })
    table = pd.DataFrame(rows, columns=["doc_id", *VOCABULARY_COLUMNS])
    return table if by == "document" else table.drop(columns=["doc_id"])


# --------------------------------------------------------------------------- n-grams


def count_ngrams(
    sentences: pd.DataFrame,
    *,
    n: int | Iterable[int] = (2, 3),
    by: str = "document",
    min_count: int = 1,
    stopwords: frozenset[str] | None = None,
) -> pd.DataFrame:
    """Return n-gram counts (terms joined by spaces), counted inside sentences only.

    A gram made of stopwords only ("of the") is dropped; a gram with one content word
    ("the west") is kept. ``rate`` is per 1,000 words of the document (or corpus).
    Columns: [doc_id,] ngram, n, count, rate[, documents].

    >>> count_ngrams(tables.sentences, n=2, by="corpus", min_count=2)
    """
    _check_by(by)
    sizes = sorted({n} if isinstance(n, int) else set(n))
    if not sizes or sizes[0] < 1:
        raise ValueError(f"n must be one or more sizes of at least 1, not {n!r}.")
    stopwords = load_stopwords() if stopwords is None else stopwords
    counts: dict[object, Counter] = {}
    words: Counter = Counter()
    for doc_id, terms in _sentence_terms(sentences):
        words[doc_id] += len(terms)
        doc_counts = counts.setdefault(doc_id, Counter())
        for size in sizes:
            for i in range(len(terms) - size + 1):
                gram = tuple(terms[i : i + size])
                if not all(t in stopwords for t in gram):
                    doc_counts[" ".join(gram), size] += 1
    rows = [(doc_id, gram, size, count)
            for doc_id, doc_counts in counts.items() for (gram, size), count in doc_counts.items()]
    table = pd.DataFrame(rows, columns=["doc_id", "ngram", "n", "count"])
    if by == "document":
        table["rate"] = 1000 * table["count"] / table["doc_id"].map(words).astype(float)
        columns = ["doc_id", "ngram", "n", "count", "rate"]
    else:
        table = table.groupby(["ngram", "n"], sort=False).agg(
            count=("count", "sum"), documents=("doc_id", "nunique")).reset_index()
        table["rate"] = 1000 * table["count"] / max(sum(words.values()), 1)
        columns = ["ngram", "n", "count", "rate", "documents"]
    table = table[table["count"] >= min_count]
    return _sort_rows(table, ["count", "n", "ngram"], [False, True, True])[columns]


# --------------------------------------------------------------------------- collocations

COLLOCATION_COLUMNS = ["word1", "word2", "collocation", "count", "g2", "p", "pmi"]


def find_collocations(
    sentences: pd.DataFrame,
    *,
    min_count: int = 3,
    window: int = 2,
    ignore_stopwords: bool = False,
    stopwords: frozenset[str] | None = None,
) -> pd.DataFrame:
    """Return word pairs that occur together more than chance would have it, scored by
    Dunning's log-likelihood (G², with its chi-square p-value) and by pointwise mutual
    information (PMI), using NLTK's bigram collocation finder.

    Pairs are counted within sentences (``window=2``: adjacent words; a larger window
    counts pairs up to ``window - 1`` words apart, in order), over all documents given.
    Pairs seen fewer than ``min_count`` times are dropped: PMI overrates rare pairs.
    ``ignore_stopwords=True`` drops every pair that contains a stopword. Sorted by G².
    Columns: word1, word2, collocation, count, g2, p, pmi.

    >>> find_collocations(tables.sentences, min_count=3, ignore_stopwords=True).head(20)
    """
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    if window < 2:
        raise ValueError(f"window must be at least 2, not {window}.")
    padding: list[str | None] = [None] * (window - 1)
    words = (w for _, terms in _sentence_terms(sentences) for w in [*terms, *padding])
    finder = BigramCollocationFinder.from_words(words, window_size=window)
    finder.apply_freq_filter(min_count)
    if ignore_stopwords:
        stopwords = load_stopwords() if stopwords is None else stopwords
        finder.apply_word_filter(lambda w: w in stopwords)
    g2 = dict(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
    pmi = dict(finder.score_ngrams(BigramAssocMeasures.pmi))
    rows = [(w1, w2, f"{w1} {w2}", int(count), max(g2[w1, w2], 0.0), pmi[w1, w2])
            for (w1, w2), count in finder.ngram_fd.items()]
    table = pd.DataFrame(rows, columns=["word1", "word2", "collocation", "count", "g2", "pmi"])
    table["p"] = chi2_p_value(table["g2"].to_numpy(dtype=float))
    return _sort_rows(table, ["g2", "word1", "word2"], [False, True, True])[COLLOCATION_COLUMNS]


# --------------------------------------------------------------------------- keyness


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
    _check_by(by)
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
    return _sort_rows(table, ["g2", "term"], [False, True])[columns]


@lru_cache(maxsize=200_000)
def _english_frequency(term: str, language: str) -> float:
    from wordfreq import word_frequency

    return word_frequency(term, language)


def keyness_general(
    terms: pd.DataFrame,
    *,
    by: str = "corpus",
    min_count: int = 3,
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

    >>> keyness_general(tables.terms).query("key and direction == 'positive'").head(10)
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
    min_count: int = 3,
    min_g2: float = KEY_G2,
    min_log_ratio: float = KEY_LOG_RATIO,
) -> pd.DataFrame:
    """Return the keyness of terms in a target against a reference corpus (both
    ``terms`` tables; the reference's documents are summed).

    Every term of either corpus used at least ``min_count`` times in the two together
    is tested, so words the target never uses show as negative keys and swapping the
    target and the reference flips only the direction and the sign of the log ratio.
    Statistics and columns as :func:`keyness_general` (``reference_count`` is a count).

    >>> keyness(tables.terms, load_reference_terms(["data/raw/other"])).head(20)
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


def load_reference_terms(
    sources: str | Path | Iterable[str | Path], *, stopwords: frozenset[str] | None = None
) -> pd.DataFrame:
    """Load, clean, segment and count a reference corpus (any source
    :func:`~discourse_workbook.corpus.load_documents` reads); return its ``terms`` table.

    >>> reference = load_reference_terms("tests/fixtures/inaugural")
    """
    from .corpus import load_documents
    from .errors import InputError
    from .segment import segment_documents

    sources = [sources] if isinstance(sources, str | Path) else list(sources)
    if not sources:
        raise InputError("No reference corpus was named; give a file or a folder.")
    documents = load_documents(sources)
    if documents.empty:
        names = ", ".join(str(s) for s in sources)
        raise InputError(f"{names} holds no readable document to use as a reference corpus.")
    _, sentences = segment_documents(documents)
    return count_terms(sentences, stopwords=stopwords)


# --------------------------------------------------------------------------- concordance

KWIC_COLUMNS = ["doc_id", "para_id", "sent_id", "left", "match", "right"]
# What may stand between the words of a phrase: spaces, hyphens, quotation marks.
_PHRASE_GAP = re.compile(r"[\s\-‐‑'’‘\"“”«»]*")


def _unify(token: str) -> str:
    return token.replace("’", "'").replace("‐", "-")


class _Phrase:
    """A word or a phrase, matched token by token as terms are counted."""

    def __init__(self, pattern: str, *, case_sensitive: bool = False) -> None:
        from .errors import InputError

        words = TOKEN.findall(pattern)
        if not words:
            raise InputError(f"The pattern {pattern!r} has no word in it.")
        self.terms = [to_term(w) for w in words]
        self.surfaces = [_unify(w) for w in words]
        self.case_sensitive = case_sensitive

    def find(self, text: str, tokens: list[re.Match], terms: list[str]) -> list[tuple[int, int]]:
        """Return ``(first, last + 1)`` token indices of each non-overlapping match."""
        size = len(self.terms)
        found, i = [], 0
        while i + size <= len(terms):
            if terms[i] == self.terms[0] and self._matches(text, tokens, terms, i):
                found.append((i, i + size))
                i += size
            else:
                i += 1
        return found

    def _matches(self, text: str, tokens: list[re.Match], terms: list[str], i: int) -> bool:
        for k, term in enumerate(self.terms):
            if terms[i + k] != term:
                return False
            gap = (tokens[i + k - 1].end(), tokens[i + k].start()) if k else (0, 0)
            if not _PHRASE_GAP.fullmatch(text, *gap):
                return False
            if self.case_sensitive:
                written, wanted = _unify(tokens[i + k].group()), self.surfaces[k]
                if not (written.startswith(wanted) or wanted.startswith(written)):
                    return False
        return True


def _compile_finder(pattern: str, *, regex: bool, case_sensitive: bool):
    """Return a function from a text to the ``(start, end)`` character spans matched."""
    from .errors import InputError

    if not regex:
        phrase = _Phrase(pattern, case_sensitive=case_sensitive)

        def find_phrase(text: str) -> list[tuple[int, int]]:
            tokens = list(TOKEN.finditer(text))
            terms = [to_term(m.group()) for m in tokens]
            return [(tokens[i].start(), tokens[j - 1].end())
                    for i, j in phrase.find(text, tokens, terms)]

        return find_phrase
    try:
        compiled = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as err:
        raise InputError(f"The pattern {pattern!r} is not a valid regular expression ({err}).") \
            from None

    def find_regex(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in compiled.finditer(text) if m.end() > m.start()]

    return find_regex


def _sentence_starts(tables) -> dict[tuple, tuple[list[int], list[int]]]:
    """``(doc_id, para_id)`` → sorted sentence start offsets and their ``sent_id``."""
    sentences = _in_reading_order(tables.sentences)
    starts: dict[tuple, tuple[list[int], list[int]]] = {}
    if "start" in sentences.columns:
        offsets = sentences["start"].astype(int).tolist()
    else:  # find each sentence in its paragraph, in order
        texts = {(d, p): t for d, p, t in zip(tables.paragraphs["doc_id"],
                 tables.paragraphs["para_id"], tables.paragraphs["text"], strict=True)}
        offsets, cursor = [], {}
        for d, p, t in zip(sentences["doc_id"], sentences["para_id"], sentences["text"],
                           strict=True):
            at = max(texts.get((d, p), "").find(t, cursor.get((d, p), 0)), cursor.get((d, p), 0))
            cursor[d, p] = at + len(t)
            offsets.append(at)
    for d, p, s, start in zip(sentences["doc_id"], sentences["para_id"], sentences["sent_id"],
                              offsets, strict=True):
        entry = starts.setdefault((d, p), ([], []))
        entry[0].append(start)
        entry[1].append(int(s))
    return starts


def kwic(
    tables, pattern: str, *, window: int = 8, regex: bool = False, case_sensitive: bool = False
) -> pd.DataFrame:
    """Return a keyword-in-context concordance: one row per match, with up to ``window``
    words either side, taken from the match's paragraph (never from the next one).

    ``pattern`` is a word or a phrase, matched as whole words the way terms are counted
    (case-folded, possessive dropped: "Russia" finds "Russia’s"; phrase words may be
    separated by spaces, hyphens or quotation marks, not by other punctuation), or with
    ``regex=True`` a Python regular expression, run on one paragraph at a time. Rows in
    reading order. Columns: doc_id, para_id, sent_id, left, match, right.

    >>> kwic(tables, "security", window=8)
    """
    if window < 0:
        raise ValueError(f"window must be 0 or more, not {window}.")
    find = _compile_finder(pattern, regex=regex, case_sensitive=case_sensitive)
    starts = _sentence_starts(tables)
    paragraphs = _sort_rows(tables.paragraphs, ["para_id"], [True])
    rows = []
    for doc_id, para_id, text in zip(paragraphs["doc_id"], paragraphs["para_id"],
                                     paragraphs["text"], strict=True):
        spans = find(text)
        if not spans:
            continue
        bounds = [m.span() for m in TOKEN.finditer(text)]
        token_starts = [s for s, _ in bounds]
        token_ends = [e for _, e in bounds]
        sent_starts, sent_ids = starts.get((doc_id, para_id), ([0], [-1]))
        for start, end in spans:
            before = bisect_right(token_ends, start)
            after = bisect_left(token_starts, end)
            left_from = token_starts[max(0, before - window)] if before and window else start
            right_to = token_ends[min(len(bounds), after + window) - 1] \
                if after < len(bounds) and window else end
            sentence = sent_ids[max(0, bisect_right(sent_starts, start) - 1)]
            rows.append((doc_id, int(para_id), sentence, text[left_from:start].strip(),
                         text[start:end], text[end:right_to].strip()))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


# --------------------------------------------------------------------------- dispersion

DISPERSION_COLUMNS = ["doc_id", "item", "position", "token_index", "para_id", "sent_id"]


def dispersion(
    tables,
    items: str | Iterable[str],
    *,
    by: str = "term",
    case_sensitive: bool = False,
) -> pd.DataFrame:
    """Return where each occurrence of the items falls in its document, for a lexical
    dispersion plot: ``position`` = token index / number of tokens in the document
    (0 = first word, approaching 1 at the last); documents are kept apart.

    ``by="term"``: items are words or phrases, matched as :func:`kwic` matches them
    (within a sentence). ``by="actor"``: items are actor names from ``tables.mentions``
    (case-insensitive); a mention's place is the token where it starts. Rows in reading
    order, items in the order given. Columns: doc_id, item, position, token_index,
    para_id, sent_id.

    >>> dispersion(tables, ["russia", "security"])
    """
    if by not in ("term", "actor"):
        raise ValueError(f"by must be 'term' or 'actor', not {by!r}.")
    items = [items] if isinstance(items, str) else list(items)
    sentences = _in_reading_order(tables.sentences)
    offsets, doc_sizes = [], Counter()
    for doc_id, text in zip(sentences["doc_id"], sentences["text"], strict=True):
        offsets.append(doc_sizes[doc_id])
        doc_sizes[doc_id] += len(TOKEN.findall(text))
    sentences = sentences.assign(_offset=offsets)
    if by == "term":
        rows = _term_positions(sentences, items, case_sensitive=case_sensitive)
    else:
        rows = _actor_positions(sentences, tables.mentions, items)
    table = pd.DataFrame(rows, columns=["doc_id", "item", "token_index", "para_id", "sent_id"])
    table["position"] = table["token_index"] / table["doc_id"].map(doc_sizes).astype(float)
    table["_item"] = table["item"].map({item: i for i, item in enumerate(items)})
    table = _sort_rows(table, ["_item", "token_index"], [True, True])
    return table[DISPERSION_COLUMNS]


def _term_positions(sentences: pd.DataFrame, items: list[str], *, case_sensitive: bool) -> list:
    phrases = [(item, _Phrase(item, case_sensitive=case_sensitive)) for item in items]
    rows = []
    for doc_id, para_id, sent_id, text, offset in zip(
        sentences["doc_id"], sentences["para_id"], sentences["sent_id"], sentences["text"],
        sentences["_offset"], strict=True,
    ):
        tokens = list(TOKEN.finditer(text))
        terms = [to_term(m.group()) for m in tokens]
        for item, phrase in phrases:
            for i, _ in phrase.find(text, tokens, terms):
                rows.append((doc_id, item, offset + i, int(para_id), int(sent_id)))
    return rows


def _actor_positions(sentences: pd.DataFrame, mentions: pd.DataFrame, items: list[str]) -> list:
    wanted: dict[str, list[str]] = {}
    for item in items:
        wanted.setdefault(item.casefold(), []).append(item)
    if mentions is None or mentions.empty:
        return []
    where = {(d, int(s)): (int(p), t, int(o)) for d, p, s, t, o in zip(
        sentences["doc_id"], sentences["para_id"], sentences["sent_id"], sentences["text"],
        sentences["_offset"], strict=True)}
    rows = []
    for doc_id, sent_id, actor, start in zip(mentions["doc_id"], mentions["sent_id"],
                                             mentions["actor"], mentions["start"], strict=True):
        names = wanted.get(str(actor).casefold())
        found = where.get((doc_id, int(sent_id)))
        if not names or found is None:
            continue
        para_id, text, offset = found
        index = offset + len(TOKEN.findall(text[: int(start)]))
        rows.extend((doc_id, name, index, para_id, int(sent_id)) for name in names)
    return rows


# --------------------------------------------------------------------------- readability

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_VOWELS = "aeiou"


def count_syllables(word: str) -> int:
    """Estimate a word's syllables: the number of vowel groups (a, e, i, o, u, y),
    less a silent final e ("make" 1, but "table" 2 and "free" 1) and a silent e in
    -es and -ed ("makes", "jumped" 1, but "houses", "wanted" 2); at least one.
    Hyphenated parts are counted separately; a number counts as one syllable.

    >>> [count_syllables(w) for w in ["cat", "table", "jumped", "wanted", "beautiful"]]
    [1, 2, 1, 2, 3]
    """
    total = 0
    for part in re.split(r"[-‐‑]", word):
        letters = "".join(c for c in unicodedata.normalize("NFKD", part.casefold())
                          if c.isalpha() and c.isascii())
        if not letters:
            total += 1 if any(c.isalnum() for c in part) else 0
            continue
        total += _syllables_of_letters(letters)
    return total


def _syllables_of_letters(w: str) -> int:
    if len(w) <= 3:
        return 1
    groups = len(_VOWEL_GROUP.findall(w))
    before_e = w[-2] if w.endswith("e") else w[-3] if w.endswith(("es", "ed")) else ""
    if before_e and before_e not in _VOWELS:  # the final e stands alone: maybe silent
        if w.endswith("e"):
            silent = not (w.endswith("le") and w[-3] not in _VOWELS + "y")
        elif w.endswith("ed"):
            silent = before_e not in "td"
        else:
            silent = before_e not in "sxzcg" and not w.endswith(("ches", "shes")) and not (
                w.endswith("les") and w[-4] not in _VOWELS + "y")
        groups -= silent
    return max(1, groups)


READABILITY_COLUMNS = [
    "n_sentences", "n_tokens", "n_syllables", "words_per_sentence", "syllables_per_word",
    "flesch_reading_ease", "flesch_kincaid_grade",
]  # fmt: skip


def readability(sentences: pd.DataFrame, *, by: str = "document") -> pd.DataFrame:
    """Return Flesch Reading Ease and the Flesch–Kincaid grade level of each document
    (or of the corpus, ``by="corpus"``).

    Reading Ease = 206.835 − 1.015 × words/sentence − 84.6 × syllables/word (Flesch
    1948; higher is easier, 60–70 is plain English, below 30 is very difficult);
    grade = 0.39 × words/sentence + 11.8 × syllables/word − 15.59 (Kincaid et al.
    1975; US school grade). Words are the word tokens; syllables are estimated by
    :func:`count_syllables` (vowel groups with silent-e rules), so scores are
    approximate. Columns: [doc_id,] n_sentences, n_tokens, n_syllables,
    words_per_sentence, syllables_per_word, flesch_reading_ease, flesch_kincaid_grade.

    >>> readability(tables.sentences)
    """
    _check_by(by)
    counts: dict[object, list[int]] = {}
    for doc_id, text in zip(sentences["doc_id"], sentences["text"], strict=True):
        tokens = TOKEN.findall(text)
        if not tokens:
            continue
        entry = counts.setdefault(doc_id, [0, 0, 0])
        entry[0] += 1
        entry[1] += len(tokens)
        entry[2] += sum(count_syllables(t) for t in tokens)
    if by == "corpus":
        counts = {None: [sum(c[i] for c in counts.values()) for i in range(3)]}
    rows = []
    for doc_id, (n_sentences, n_tokens, n_syllables) in counts.items():
        wps = n_tokens / n_sentences if n_sentences else math.nan
        spw = n_syllables / n_tokens if n_tokens else math.nan
        rows.append((doc_id, n_sentences, n_tokens, n_syllables, wps, spw,
                     206.835 - 1.015 * wps - 84.6 * spw, 0.39 * wps + 11.8 * spw - 15.59))
    table = pd.DataFrame(rows, columns=["doc_id", *READABILITY_COLUMNS])
    return table if by == "document" else table.drop(columns=["doc_id"])

"""Themes: a topic model of the corpus, as an exploratory aid.

Non-negative matrix factorisation (NMF, scikit-learn) splits the documents' tf-idf matrix
of content terms into a few themes: each theme is a weighted list of words, each document
a mix of themes. It is seeded, so the same tables give the same themes. A theme is a
pattern of co-occurring words, not a finding: the number of themes is a choice, its words
need reading in context (kwic) before they are named, and another choice of theme number
or seed gives other themes. Use it to find what to read, never as evidence on its own.

The examples use ``tables`` and ``groups`` (by author) of the test corpus
``tests/fixtures/compare``, as in :mod:`~discourse_workbook.stats.compare`.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .groups import group_index, grouping_of
from .vectors import count_matrix, tfidf

THEME_TERM_COLUMNS = ["theme", "label", "rank", "term", "weight"]
DOCUMENT_THEME_COLUMNS = ["doc_id", "group", "theme", "label", "share"]
GROUP_THEME_COLUMNS = ["grouping", "group", "theme", "label", "share", "documents"]
MIN_DOCUMENTS = 3
MAX_THEMES = 10
LABEL_TERMS = 3


@dataclass(frozen=True)
class Themes:
    """The themes found: ``terms`` (each theme's top words and their weights),
    ``documents`` (each document's share of each theme) and ``groups`` (each group's mean
    share); ``note`` says why there are none when the corpus is too small."""

    terms: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=THEME_TERM_COLUMNS))
    documents: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=DOCUMENT_THEME_COLUMNS))
    groups: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=GROUP_THEME_COLUMNS))
    note: str = ""


def suggest_themes(n_documents: int) -> int:
    """Return a default number of themes: about the square root of the number of
    documents, at least 2, at most 10, and fewer than the documents.

    >>> [suggest_themes(n) for n in (3, 9, 59, 308, 5000)]
    [2, 3, 8, 10, 10]
    """
    guess = round(math.sqrt(n_documents))
    return max(2, min(MAX_THEMES, guess, n_documents - 1))


def find_themes(
    terms: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    n_themes: int | None = None,
    top_terms: int = 8,
    seed: int = 1,
    min_df: int = 2,
    max_df: float = 0.9,
) -> Themes:
    """Return themes found by NMF over the documents' tf-idf (an exploratory aid: see the
    module's docstring), numbered by prevalence (theme 1 carries most weight across the
    corpus) and labelled by their first three words ("1: war · peace · nations").

    NMF starts from random factors drawn with ``seed`` (on 308 speeches this converged in
    about half the time of an SVD start, to a slightly closer fit); the same seed gives the
    same themes, another seed may give other ones. ``n_themes`` defaults to
    :func:`suggest_themes`. Content terms in fewer than ``min_df``
    documents or in more than ``max_df`` of them are left out (a word every document uses
    separates no theme). A document's ``share`` of a theme is its weight on the theme
    divided by its weights on all themes (shares sum to 1; NaN for a document with no
    content term); a group's is the mean of its documents' shares. A theme's words carry
    ``weight``: their share of the theme's weight, among all its words.

    Needs at least three documents with content terms; fewer give empty tables and a
    ``note`` saying why.

    >>> themes = find_themes(corpus.terms, groups, n_themes=3)
    >>> themes.terms.query("rank == 1")[["theme", "label"]]
        theme                             label
    0       1  1: schools · district · teachers
    8       2       2: freight · line · railway
    16      3     3: harbour · quay · fishermen
    >>> themes.groups.query("share > 0.5")[["group", "theme", "share"]].round(2)
           group  theme  share
    2       Hale      3   0.97
    3     Okafor      1   0.99
    7  Lindqvist      2   0.99
    """
    from sklearn.decomposition import NMF

    _, order = group_index(groups)
    doc_ids = groups["doc_id"].astype(str).tolist()
    matrix = count_matrix(terms, {d: d for d in doc_ids}, doc_ids)
    weights, vocabulary = tfidf(matrix, min_df=min_df, max_df=max_df)
    used = np.flatnonzero(np.asarray(weights.sum(axis=1)).ravel() > 0)
    if len(used) < MIN_DOCUMENTS or weights.shape[1] < 2:
        n = len(doc_ids)
        return Themes(note=f"Themes need at least {MIN_DOCUMENTS} documents sharing content "
                           f"words; these tables have {n} document{'s' if n != 1 else ''}, "
                           f"{len(used)} of them sharing words with another.")
    k = suggest_themes(len(used)) if n_themes is None else n_themes
    if not 2 <= k < len(used):
        raise ValueError(f"n_themes must be between 2 and {len(used) - 1} for "
                         f"{len(used)} documents, not {k}.")
    model = NMF(n_components=k, init="random", random_state=seed, max_iter=1000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=UserWarning)  # a slow convergence notice
        doc_weights = np.zeros((weights.shape[0], k))
        doc_weights[used] = model.fit_transform(weights[used])
    components = model.components_
    prevalence = doc_weights.sum(axis=0)
    rank = np.lexsort((np.arange(k), -prevalence))  # most prevalent first
    doc_weights, components = doc_weights[:, rank], components[rank]
    theme_terms = _theme_terms(components, vocabulary, top_terms)
    labels = theme_terms.groupby("theme", sort=True)["term"].apply(
        lambda t: " · ".join(t.head(LABEL_TERMS)))
    labels = {theme: f"{theme}: {words}" for theme, words in labels.items()}
    theme_terms["label"] = theme_terms["theme"].map(labels)
    totals = doc_weights.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(totals > 0, doc_weights / totals, np.nan)
    themes = np.arange(1, k + 1)
    documents = pd.DataFrame({
        "doc_id": np.repeat(np.asarray(doc_ids, dtype=object), k),
        "group": np.repeat(groups["group"].to_numpy(dtype=object), k),
        "theme": np.tile(themes, len(doc_ids)),
        "share": shares.ravel(),
    })
    documents["label"] = documents["theme"].map(labels)
    by_group = documents.groupby(["group", "theme"], sort=False).agg(
        share=("share", "mean"), documents=("doc_id", "size")).reset_index()
    by_group["_order"] = by_group["group"].map({g: i for i, g in enumerate(order)})
    by_group = by_group.sort_values(["_order", "theme"], kind="stable")
    by_group["label"] = by_group["theme"].map(labels)
    by_group["grouping"] = grouping_of(groups)
    return Themes(terms=theme_terms[THEME_TERM_COLUMNS],
                  documents=documents[DOCUMENT_THEME_COLUMNS],
                  groups=by_group[GROUP_THEME_COLUMNS].reset_index(drop=True))


def _theme_terms(components: np.ndarray, vocabulary: np.ndarray, top: int) -> pd.DataFrame:
    """Each theme's ``top`` words by weight (ties alphabetically), weights as shares."""
    rows = []
    alphabetical = np.empty(len(vocabulary), dtype=np.int64)
    alphabetical[np.argsort(vocabulary.astype(str), kind="stable")] = np.arange(len(vocabulary))
    for number, row in enumerate(components, start=1):
        total = row.sum()
        best = np.lexsort((alphabetical, -row))[:top]
        for place, j in enumerate(best, start=1):
            if row[j] <= 0:
                break
            rows.append((number, place, str(vocabulary[j]), float(row[j] / total)))
    return pd.DataFrame(rows, columns=["theme", "rank", "term", "weight"])

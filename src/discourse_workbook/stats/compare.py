"""Comparisons of groups of documents: tone, key terms, term trends, actors and voices.

Each function takes tables and the groups table of
:func:`~discourse_workbook.stats.groups.group_documents` (one row per document with its
``group``) and returns one tidy table, with groups in the groups table's order (date order
when there are dates). Per document, per author and per year are the same comparison with a
different grouping. Each table is exactly what its chart in
:mod:`discourse_workbook.present.plots.compare` draws, so a report can write it beside
the figure.

The examples use ``corpus``, the analysed corpus of ``tests/fixtures/compare``: nine short
pieces by Hale (on a harbour), Okafor (on schools) and Lindqvist (on railways).

>>> from discourse_workbook.stats.groups import group_documents
>>> groups = group_documents(corpus.documents, by="author", max_groups=40)
>>> compare_sentiment(corpus.sentences, groups)[["group", "sentences", "sentiment"]].round(2)
       group  sentences  sentiment
0       Hale         23       0.28
1     Okafor         24      -0.36
2  Lindqvist         20      -0.01
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..errors import InputError
from ..segment import TOKEN
from ..terms import to_term
from .groups import MAX_ASKED_GROUPS, MAX_GROUPS, SPLIT_GAP, UNKNOWN, group_index, grouping_of
from .keyness import KEY_G2, KEY_LOG_RATIO, chi2_p_value
from .vectors import CountMatrix, count_matrix

SENTIMENT_COLUMNS = ["grouping", "group", "documents", "first_date", "last_date", "sentences",
                     "sentiment", "q1", "median", "q3", "min", "max"]
KEY_TERM_COLUMNS = ["grouping", "group", "term", "count", "rate", "documents", "other_count",
                    "other_rate", "g2", "p", "log_ratio"]
TREND_COLUMNS = ["grouping", "group", "term", "count", "words", "rate"]
ACTOR_COLUMNS = ["grouping", "group", "actor", "kind", "mentions", "words", "rate",
                 "sentences", "sentiment"]
VOICE_COLUMNS = ["grouping", "group", "speaker", "quotes", "words", "share"]
MIN_KEY_COUNT = 5


# --------------------------------------------------------------------------- groups


def _group_codes(doc_ids: pd.Series, row_of_doc: dict, order: list, table: str) -> np.ndarray:
    """Each row's group number; every document must have a group."""
    codes, uniques = pd.factorize(doc_ids.astype(str), sort=False)
    missing = [d for d in uniques if d not in row_of_doc]
    if missing:
        raise InputError(f"{len(missing)} document(s) of the {table} table have no group (such "
                         f"as {missing[0]!r}); make the groups from the same tables' documents.")
    number = {g: i for i, g in enumerate(order)}
    per_doc = np.array([number[row_of_doc[d]] for d in uniques], dtype=np.int64)
    return per_doc[codes] if len(codes) else np.zeros(0, np.int64)


def _group_words(groups: pd.DataFrame, order: list, sentences: pd.DataFrame | None) -> np.ndarray:
    """Words per group: the documents' ``n_tokens`` when the groups table has them, else
    the word tokens of the sentences."""
    if "words" in groups.columns and groups["words"].notna().all():
        return groups.groupby("group", sort=False)["words"].sum().reindex(order).to_numpy(float)
    if sentences is None:
        raise InputError("The groups table has no word counts; pass the sentences table too.")
    row_of_doc, _ = group_index(groups)
    codes = _group_codes(sentences["doc_id"], row_of_doc, order, "sentences")
    if "n_tokens" in sentences.columns:
        tokens = sentences["n_tokens"].to_numpy(dtype=float)
    else:
        tokens = np.array([len(TOKEN.findall(t)) for t in sentences["text"]], dtype=float)
    return np.bincount(codes, tokens, minlength=len(order))


def _dates(groups: pd.DataFrame, order: list) -> pd.DataFrame:
    dates = groups["date"].where(groups["date"] != "") if "date" in groups.columns else \
        pd.Series(np.nan, index=groups.index)
    spans = groups.assign(_date=dates).groupby("group", sort=False).agg(
        documents=("doc_id", "size"), first_date=("_date", "min"), last_date=("_date", "max"))
    return spans.reindex(order).fillna({"first_date": "", "last_date": ""})


# --------------------------------------------------------------------------- sentiment


def compare_sentiment(sentences: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """Return the tone of each group: the mean VADER compound of its sentences (each
    sentence weighs the same, as in :func:`~discourse_workbook.sentiment.aggregate_sentiment`)
    and their spread — quartiles (``q1``, ``median``, ``q3``), ``min`` and ``max`` — with
    the number of ``sentences`` and ``documents`` and the group's first and last dates.

    Groups by document give each document's tone; by author or year, each group's. A
    group whose documents have no scored sentence keeps its row, with NaN scores. Rows in
    group order. Columns: grouping, group, documents, first_date, last_date, sentences,
    sentiment, q1, median, q3, min, max.

    >>> from discourse_workbook.stats.groups import group_documents
    >>> by_decade = group_documents(corpus.documents, by="decade")
    >>> compare_sentiment(corpus.sentences, by_decade)[["group", "documents", "median"]]
       group  documents  median
    0  2000s          7     0.0
    1  2010s          2     0.0
    """
    if "compound" not in sentences.columns:
        from ..sentiment import score_sentences

        sentences = score_sentences(sentences)
    row_of_doc, order = group_index(groups)
    codes = _group_codes(sentences["doc_id"], row_of_doc, order, "sentences")
    compound = pd.Series(sentences["compound"].to_numpy(dtype=float, na_value=np.nan))
    scored = compound.notna().to_numpy()
    by = pd.Series(codes[scored])
    values = compound[scored].reset_index(drop=True).groupby(by)
    index = pd.RangeIndex(len(order))
    quartiles = values.quantile([0.25, 0.5, 0.75]).unstack() if scored.any() else \
        pd.DataFrame(columns=[0.25, 0.5, 0.75])
    quartiles = quartiles.reindex(index)
    sums = [math.fsum(v) for v in _split(compound[scored].to_numpy(), codes[scored], len(order))]
    n = np.bincount(codes[scored], minlength=len(order))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.array(sums) / n
    spans = _dates(groups, order)
    table = pd.DataFrame({
        "grouping": grouping_of(groups),
        "group": order,
        "documents": spans["documents"].to_numpy(int),
        "first_date": spans["first_date"].to_numpy(),
        "last_date": spans["last_date"].to_numpy(),
        "sentences": n.astype(int),
        "sentiment": mean,
        "q1": quartiles[0.25].to_numpy(float),
        "median": quartiles[0.5].to_numpy(float),
        "q3": quartiles[0.75].to_numpy(float),
        "min": values.min().reindex(index).to_numpy(float),
        "max": values.max().reindex(index).to_numpy(float),
    })
    return table[SENTIMENT_COLUMNS]


def _split(values: np.ndarray, codes: np.ndarray, n: int) -> list[np.ndarray]:
    """The values of each code 0..n-1 (a stable sort keeps each group's order)."""
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(n + 1))
    return [values[order[bounds[i]:bounds[i + 1]]] for i in range(n)]


# --------------------------------------------------------------------------- key terms


def key_terms_by_group(
    terms: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    top: int | None = 10,
    min_count: int = MIN_KEY_COUNT,
    min_g2: float = KEY_G2,
    min_log_ratio: float = KEY_LOG_RATIO,
) -> pd.DataFrame:
    """Return the key terms of each group against the rest of the corpus: the words a
    group uses markedly more often than all the other groups together.

    Statistics as :func:`~discourse_workbook.terms.keyness`: Dunning's G² (Rayson & Garside
    2000) with its p-value, and Hardie's (2014) log ratio (log2 of the ratio of the two
    rates; 1 = twice as frequent). A term is key for a group when it is a content term (no
    stopword, at least two letters), the group uses it at least ``min_count`` times (rare
    words are never key), G² ≥ ``min_g2`` (15.13: p < 0.0001) and log ratio ≥
    ``min_log_ratio``. ``documents`` says in how many of the group's documents the term
    occurs: a key term from one document of many is that document's, not the group's.
    Rates are per 1,000 running words (stopwords included). Words a group avoids
    (negative keyness) are not listed.

    Each group's key terms are sorted by G² (then alphabetically); ``top`` keeps the first
    ``top`` of each (``None``: all). One group alone has nothing to be compared with, and
    gives no rows. Columns: grouping, group, term, count, rate, documents, other_count,
    other_rate, g2, p, log_ratio.

    >>> table = key_terms_by_group(corpus.terms, groups, min_count=3, min_g2=6.63, top=2)
    >>> table[["group", "term", "count", "g2", "log_ratio"]].round(1)
           group      term  count    g2  log_ratio
    0       Hale   harbour      8  16.7        4.9
    1       Hale      quay      5  10.4        4.2
    2     Okafor   schools      7  15.6        4.8
    3     Okafor  district      6  13.4        4.6
    4  Lindqvist   freight      6  13.7        4.7
    5  Lindqvist      line      5  11.4        4.4
    """
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, not {min_count}.")
    row_of_doc, order = group_index(groups)
    matrix = count_matrix(terms, row_of_doc, order)
    table = _group_keyness(matrix, min_count=min_count)
    table = table[(table["g2"] >= min_g2) & (table["log_ratio"] >= min_log_ratio)]
    table = table.sort_values(["_group", "g2", "term"], ascending=[True, False, True],
                              kind="mergesort")
    if top is not None:
        table = table.groupby("_group", sort=False).head(top)
    table = table.assign(grouping=grouping_of(groups), p=chi2_p_value(table["g2"].to_numpy()))
    return table[KEY_TERM_COLUMNS].reset_index(drop=True)


def _group_keyness(matrix: CountMatrix, *, min_count: int) -> pd.DataFrame:
    """G² and log ratio of every (group, content term) the group uses ``min_count`` times
    or more and more often than the rest of the corpus does."""
    coo = matrix.counts.tocoo()
    documents = matrix.documents.tocoo()
    keep = (coo.data >= min_count) & matrix.content[coo.col]
    group, term, a = coo.row[keep], coo.col[keep], coo.data[keep]
    # documents has the same sparsity pattern as counts, entry for entry
    n_docs = documents.data[keep]
    total = np.asarray(matrix.counts.sum(axis=0)).ravel()
    n1 = matrix.words[group]
    n2 = matrix.words.sum() - n1
    b = total[term] - a
    with np.errstate(divide="ignore", invalid="ignore"):
        rate_a, rate_b = a / n1, np.where(n2 > 0, b / n2, np.nan)
        expected_a = n1 * (a + b) / (n1 + n2)
        expected_b = n2 * (a + b) / (n1 + n2)
        g2 = 2 * (a * np.log(a / expected_a) + np.where(b > 0, b * np.log(b / expected_b), 0.0))
        zero = 0.5 / np.maximum(n1, n2)
        log_ratio = np.log2(rate_a / np.where(b > 0, rate_b, zero))
    positive = (n2 > 0) & (rate_a > rate_b)
    return pd.DataFrame({
        "_group": group[positive],
        "_term": term[positive],
        "group": np.asarray(matrix.rows, dtype=object)[group[positive]],
        "term": matrix.vocabulary[term[positive]],
        "count": a[positive].astype(np.int64),
        "rate": 1000 * rate_a[positive],
        "documents": n_docs[positive].astype(np.int64),
        "other_count": b[positive].astype(np.int64),
        "other_rate": 1000 * rate_b[positive],
        "g2": np.maximum(g2[positive], 0.0),
        "log_ratio": log_ratio[positive],
    })


# --------------------------------------------------------------------------- term trends


def term_trends(
    terms: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    items: Iterable[str] | None = None,
    n: int = 6,
    min_count: int = 5,
) -> pd.DataFrame:
    """Return how often chosen words occur in each group: ``count``, the group's ``words``
    and the ``rate`` per 1,000 words — Voyant's Trends, by author, year or decade (group by
    year for a time line).

    ``items`` are single words, matched as terms are counted (case-folded, possessive
    removed: "Terror" counts "terror" and "terror’s"). Without them, the ``n`` key terms
    whose use varies most between the groups are chosen: among the terms key for at least
    one group (as :func:`key_terms_by_group` finds them) and used ``min_count`` times in
    all, those with the largest G² of a test of equal rates in every group (the
    log-likelihood goodness-of-fit statistic Σ 2·O·ln(O/E), expected counts in proportion
    to the groups' sizes). When fewer than ``n`` terms are key (a small corpus), the most
    varying other content terms fill the list; with a single group nothing varies and its
    most frequent content terms are chosen. Every group has a row for every word, 0 where unused.
    Rows by word (in the order given or chosen), then group. Columns: grouping, group,
    term, count, words, rate.

    >>> from discourse_workbook.stats.groups import group_documents
    >>> by_decade = group_documents(corpus.documents, by="decade")
    >>> term_trends(corpus.terms, by_decade, items=["Harbour", "railway"]).round(1)
      grouping  group     term  count  words  rate
    0   decade  2000s  harbour      8    712  11.2
    1   decade  2010s  harbour      0    190   0.0
    2   decade  2000s  railway      2    712   2.8
    3   decade  2010s  railway      3    190  15.8
    """
    row_of_doc, order = group_index(groups)
    matrix = count_matrix(terms, row_of_doc, order)
    position = {t: j for j, t in enumerate(matrix.vocabulary)}
    if items is None:
        chosen = _most_varying(matrix, n=n, min_count=min_count)
    else:
        chosen = []
        for item in [items] if isinstance(items, str) else items:
            words = TOKEN.findall(str(item))
            if len(words) != 1:
                raise InputError(f"Term trends count single words; {str(item)!r} is "
                                 f"{'a phrase' if words else 'not a word'}.")
            chosen.append(to_term(words[0]))
        chosen = list(dict.fromkeys(chosen))
    dense = matrix.counts.tocsc()
    rows = []
    for term in chosen:
        j = position.get(term)
        counts = dense[:, j].toarray().ravel() if j is not None else np.zeros(len(order))
        rows.append(pd.DataFrame({"group": order, "term": term, "count": counts.astype(np.int64),
                                  "words": matrix.words.astype(np.int64)}))
    table = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(
        columns=["group", "term", "count", "words"])
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rate"] = 1000 * table["count"].astype(float) / table["words"].astype(float)
    table["grouping"] = grouping_of(groups)
    return table[TREND_COLUMNS]


def _most_varying(matrix: CountMatrix, *, n: int, min_count: int) -> list[str]:
    """The ``n`` key terms whose counts depart most from even use across the rows
    (largest G² goodness of fit; ties, such as every term of a single group, by falling
    count, then alphabetically). Terms key for at least one row (as in
    :func:`key_terms_by_group`) come first; other content terms fill the list when fewer
    than ``n`` are key."""
    total = np.asarray(matrix.counts.sum(axis=0)).ravel()
    share = matrix.words / max(matrix.words.sum(), 1.0)
    coo = matrix.counts.tocoo()
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = total[coo.col] * share[coo.row]
        cell = 2 * coo.data * np.log(coo.data / expected)
    g2 = np.bincount(coo.col, cell, minlength=len(total))
    eligible = matrix.content & (total >= min_count)
    keyed = _group_keyness(matrix, min_count=MIN_KEY_COUNT)
    keyed = keyed[(keyed["g2"] >= KEY_G2) & (keyed["log_ratio"] >= KEY_LOG_RATIO)]
    key = np.zeros(len(total), bool)
    key[keyed["_term"].to_numpy(dtype=np.int64)] = True
    eligible = np.flatnonzero(eligible)
    ranked = sorted(eligible, key=lambda j: (not key[j], -round(g2[j], 9), -total[j],
                                             matrix.vocabulary[j]))
    return [str(matrix.vocabulary[j]) for j in ranked[:n]]


# --------------------------------------------------------------------------- actors


def actors_by_group(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    actors: Iterable[str] | None = None,
    top: int = 10,
    demonyms: bool = True,
) -> pd.DataFrame:
    """Return how often each group names each actor and in what tone: ``mentions``, the
    ``rate`` per 1,000 words of the group, the number of ``sentences`` naming the actor and
    their mean VADER compound (``sentiment``; NaN when no sentence names it).

    The actors are ``actors`` (labels as in the mentions table) or the ``top`` most
    mentioned in the whole corpus. ``demonyms=False`` leaves out mentions by demonym
    ("Russian" for Russia). A sentence naming an actor twice counts once for its tone. Every
    group has a row for every actor (0 mentions where none). Rows by group, then actor
    (most mentioned first). Columns: grouping, group, actor, kind, mentions, words, rate,
    sentences, sentiment.

    >>> table = actors_by_group(corpus.mentions, corpus.sentences, groups, top=2)
    >>> table[["group", "actor", "mentions", "rate", "sentiment"]].round(2)
           group         actor  mentions  rate  sentiment
    0       Hale         Japan         3  9.43       0.31
    1       Hale  Daniel Reyes         0  0.00        NaN
    2     Okafor         Japan         0  0.00        NaN
    3     Okafor  Daniel Reyes         2  6.76      -0.33
    4  Lindqvist         Japan         0  0.00        NaN
    5  Lindqvist  Daniel Reyes         0  0.00        NaN
    """
    row_of_doc, order = group_index(groups)
    words = _group_words(groups, order, sentences)
    mentions = mentions if demonyms or "demonym" not in mentions.columns else \
        mentions[~mentions["demonym"].astype(bool)]
    totals = mentions["actor"].value_counts(sort=False)
    totals = totals.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    if actors is None:
        chosen = list(totals.index[:top])
    else:
        chosen = list(dict.fromkeys([actors] if isinstance(actors, str) else actors))
    kinds = mentions.drop_duplicates("actor").set_index("actor")["kind"] \
        if "kind" in mentions.columns else pd.Series(dtype=object)
    wanted = mentions[mentions["actor"].isin(chosen)]
    codes = _group_codes(wanted["doc_id"], row_of_doc, order, "mentions")
    actor_no = {a: i for i, a in enumerate(chosen)}
    cell = codes * len(chosen) + wanted["actor"].map(actor_no).to_numpy(dtype=np.int64)
    counts = np.bincount(cell, minlength=len(order) * len(chosen))
    tone = _actor_tone(wanted.assign(_cell=cell), sentences, len(order) * len(chosen))
    grid = len(order) * len(chosen)
    table = pd.DataFrame({
        "grouping": grouping_of(groups),
        "group": np.repeat(np.asarray(order, dtype=object), len(chosen)),
        "actor": np.tile(np.asarray(chosen, dtype=object), len(order)),
        "mentions": counts[:grid].astype(np.int64),
        "words": np.repeat(words, len(chosen)).astype(np.int64),
        "sentences": tone["sentences"].to_numpy(np.int64),
        "sentiment": tone["sentiment"].to_numpy(float),
    })
    table["kind"] = table["actor"].map(kinds).fillna("").astype(str)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rate"] = 1000 * table["mentions"] / table["words"].astype(float)
    return table[ACTOR_COLUMNS]


def _actor_tone(wanted: pd.DataFrame, sentences: pd.DataFrame, n_cells: int) -> pd.DataFrame:
    """Number and mean compound of the distinct sentences naming each (group, actor) cell."""
    index = pd.RangeIndex(n_cells)
    empty = pd.DataFrame({"sentences": 0, "sentiment": np.nan}, index=index)
    if wanted.empty or "compound" not in sentences.columns:
        if not wanted.empty:
            distinct = wanted.drop_duplicates(["doc_id", "sent_id", "_cell"])
            empty["sentences"] = np.bincount(distinct["_cell"], minlength=n_cells)
        return empty
    distinct = wanted[["doc_id", "sent_id", "_cell"]].drop_duplicates()
    scores = sentences[["doc_id", "sent_id", "compound"]].drop_duplicates(["doc_id", "sent_id"])
    joined = distinct.astype({"doc_id": str}).merge(
        scores.astype({"doc_id": str}), on=["doc_id", "sent_id"], how="left")
    per_cell = joined.groupby("_cell")["compound"].agg(["size", "mean"]).reindex(index)
    return pd.DataFrame({"sentences": per_cell["size"].fillna(0).astype(np.int64),
                         "sentiment": per_cell["mean"]}, index=index)


# --------------------------------------------------------------------------- voices


def voices_by_group(
    quotes: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    top: int = 10,
    kind: str = "speech",
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return who is quoted by whom: for each group and each of the ``top`` most quoted
    speakers (by quoted words in the whole corpus), the number of ``quotes`` of that
    ``kind`` ("speech" by default; scare quotes voice nobody), their ``words`` and their
    ``share`` of the group's words. Speech with no speaker found counts as "(unknown)".
    Every group has a row for every speaker (0 where not quoted). Rows by group, then
    speaker. Columns: grouping, group, speaker, quotes, words, share.

    The group's words come from the groups table (``n_tokens``), else from ``sentences``.

    >>> table = voices_by_group(corpus.quotes, groups)
    >>> table[table["quotes"] > 0][["group", "speaker", "quotes", "words"]]
           group       speaker  quotes  words
    1       Hale   Ellen Marsh       2     23
    3     Okafor  Daniel Reyes       2     25
    8  Lindqvist    Karin Holm       1      8
    """
    row_of_doc, order = group_index(groups)
    group_words = _group_words(groups, order, sentences)
    speech = quotes[quotes["kind"] == kind] if "kind" in quotes.columns else quotes
    speaker = speech["speaker"].astype(object).where(speech["speaker"].notna(), UNKNOWN)
    speaker = speaker.map(lambda s: str(s).strip() or UNKNOWN)
    words = speech["n_words"].to_numpy(dtype=np.int64)
    totals = pd.Series(words, index=speaker.to_numpy()).groupby(level=0).sum()
    totals = totals.sort_index().sort_values(ascending=False, kind="stable")
    chosen = list(totals.index[:top])
    speaker_no = {s: i for i, s in enumerate(chosen)}
    keep = speaker.isin(chosen).to_numpy()
    codes = _group_codes(speech["doc_id"][keep], row_of_doc, order, "quotes")
    cell = codes * len(chosen) + speaker[keep].map(speaker_no).to_numpy(dtype=np.int64)
    size = len(order) * len(chosen)
    table = pd.DataFrame({
        "grouping": grouping_of(groups),
        "group": np.repeat(np.asarray(order, dtype=object), len(chosen)),
        "speaker": np.tile(np.asarray(chosen, dtype=object), len(order)),
        "quotes": np.bincount(cell, minlength=size).astype(np.int64),
        "words": np.bincount(cell, words[keep], minlength=size).astype(np.int64),
    })
    with np.errstate(divide="ignore", invalid="ignore"):
        table["share"] = table["words"] / np.repeat(group_words, len(chosen))
    return table[VOICE_COLUMNS]


# --------------------------------------------------------------------------- all at once


def compare_groups(
    tables,
    *,
    by: str | None = None,
    max_groups: int | None = MAX_GROUPS,
    split_gap: int | None = SPLIT_GAP,
    items: Iterable[str] | None = None,
    top: int = 10,
    themes: bool = True,
) -> dict[str, pd.DataFrame]:
    """Return every comparison of a corpus, each table named as its figure would be
    (``figures/NAME.csv``), in the order a report shows them:

    - ``groups``: the groups compared (:func:`~.groups.summarise_groups`);
    - ``document_sentiment``: tone per document, or per author or decade when there are
      more than ``max_groups`` documents; ``group_sentiment``: tone per group;
    - ``key_terms_by_group`` (``top`` per group), ``term_trends`` (``items``, or the most
      varying key terms; per year or decade when the documents are dated, else per group),
      ``actors_by_group``, ``voices_by_group``;
    - ``similar_documents`` (the ``top`` most similar pairs), ``group_similarity``;
    - ``theme_terms`` and ``theme_shares`` (an exploratory topic model; left out with
      ``themes=False``, empty when the corpus is too small).

    ``tables`` has documents, sentences, terms, mentions and quotes (a
    :class:`~discourse_workbook.tables.Tables`); ``by``, ``max_groups`` and ``split_gap``
    are those of :func:`~.groups.group_documents` (``max_groups=None``: no limit; a
    grouping named in ``by`` is kept up to ``MAX_ASKED_GROUPS``, 120 groups;
    ``split_gap=None``: an author's documents stay one group however far apart). The
    documents' author and date come from the table, where reading put them (metadata, the
    text's header, the file name).

    >>> results = compare_groups(corpus, by="author")
    >>> list(results)[:4], results["group_sentiment"]["group"].tolist()
    (['groups', 'document_sentiment', 'group_sentiment', 'key_terms_by_group'], \
['Hale', 'Okafor', 'Lindqvist'])
    """
    from .groups import group_documents, summarise_groups
    from .similarity import group_similarity, similar_documents
    from .themes import find_themes

    documents = tables.documents
    asked = max_groups if by is None or max_groups is None else max(max_groups,
                                                                     MAX_ASKED_GROUPS)
    groups = group_documents(documents, by=by, max_groups=asked, split_gap=split_gap)
    each = group_documents(documents, by="document", max_groups=max_groups,
                           split_gap=split_gap)
    dated = 2 * groups["year"].notna().sum() >= len(groups) and len(groups) > 0
    timeline = group_documents(documents, by="year", max_groups=max_groups) if dated \
        else groups
    results = {
        "groups": summarise_groups(groups),
        "document_sentiment": compare_sentiment(tables.sentences, each),
        "group_sentiment": compare_sentiment(tables.sentences, groups),
        "key_terms_by_group": key_terms_by_group(tables.terms, groups, top=top),
        "term_trends": term_trends(tables.terms, timeline, items=items),
        "actors_by_group": actors_by_group(tables.mentions, tables.sentences, groups),
        "voices_by_group": voices_by_group(tables.quotes, groups, sentences=tables.sentences),
        "similar_documents": similar_documents(tables.terms, groups, top=top),
        "group_similarity": group_similarity(tables.terms, groups),
    }
    if themes:
        found = find_themes(tables.terms, groups)
        results["theme_terms"] = found.terms
        results["theme_shares"] = found.groups
    return results

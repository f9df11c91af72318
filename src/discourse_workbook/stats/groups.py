"""Groups of documents to compare: by document, author, year, decade or a metadata column.

Every comparison (:mod:`discourse_workbook.stats.compare`) takes the table that
:func:`group_documents` returns, one row per document with its ``group``, so that the same
function compares documents, authors or years alike: per document is grouping by document.

A corpus must read as well at 5 documents as at 500. A chart labels at most
``MAX_GROUPS`` (40) groups one by one; ``group_documents(..., max_groups=40)`` keeps the
grouping asked for when it has no more groups than that, and otherwise moves to the next
coarser grouping that fits, in this order:

    document → author → year → decade → quarter-century → half-century → century

(author only when most documents have one; the periods only when most documents have a
date). When none fits — many authors and no dates — the ``max_groups - 1`` largest groups
(by words) are kept and the others are pooled as one group named "(N other groups)", so
no document disappears from a comparison. The ``grouping`` column says which grouping
was used, and chart titles say it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from .overview import metadata_columns

UNKNOWN = "(unknown)"
GROUPINGS = ("document", "author", "year", "decade")
PERIODS = {"decade": 10, "quarter-century": 25, "half-century": 50, "century": 100}
MAX_GROUPS = 40
# A grouping the analyst names is kept up to this many groups (presidents, outlets …);
# MAX_GROUPS bounds only the grouping chosen for them.
MAX_ASKED_GROUPS = 120
# An author's documents more than SPLIT_GAP years after the previous one start a new group,
# labelled with its years: a surname from a file name ("1797-Adams", "1825-Adams") may be
# two people. Eight years is two presidential terms: Cleveland's two terms (1885–1889,
# 1893–1897) stay one group, the Adamses, Harrisons, Roosevelts and Bushes do not.
SPLIT_GAP = 8
GROUP_COLUMNS = ["doc_id", "group", "grouping", "date", "year", "words"]

_YEAR = re.compile(r"^\s*(\d{4})(?!\d)")


def document_years(documents: pd.DataFrame) -> pd.Series:
    """Return each document's year (from the leading four digits of its ISO ``date``) as a
    nullable integer; missing where the date is empty or not ISO.

    >>> docs = pd.DataFrame({"date": ["1945-01-20", "", None, "June 1945"]})
    >>> document_years(docs).tolist()
    [1945, <NA>, <NA>, <NA>]
    """
    dates = _dates(documents)
    years = [int(m.group(1)) if (m := _YEAR.match(d)) else None for d in dates]
    return pd.Series(years, index=documents.index, dtype="Int64")


def default_grouping(documents: pd.DataFrame, *, max_groups: int = MAX_GROUPS) -> str:
    """Return the grouping a comparison starts from when the analyst names none:
    "author" when most documents name an author and there are at least two; otherwise
    "document" for a corpus of up to ``max_groups`` documents; otherwise "year" (or
    "decade", when there are more than ``max_groups`` years) when most documents are dated;
    otherwise "document".

    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "author": ["Ann", "Bo", "Ann"]})
    >>> default_grouping(docs)
    'author'
    >>> default_grouping(docs.assign(author=""))
    'document'
    """
    authors = _labels(documents, "author")
    known = authors[authors != UNKNOWN]
    if 2 * len(known) >= len(documents) and known.nunique() >= 2:
        return "author"
    if len(documents) <= max_groups:
        return "document"
    years = document_years(documents)
    if 2 * years.notna().sum() >= len(documents) and len(documents):
        return "year" if years.nunique() <= max_groups else "decade"
    return "document"


def group_documents(
    documents: pd.DataFrame,
    *,
    by: str | None = None,
    max_groups: int | None = None,
    split_gap: int | None = None,
) -> pd.DataFrame:
    """Return each document's group: one row per document, with columns doc_id, group,
    grouping (the grouping used), date (ISO text, "" when unknown), year (nullable) and
    words (the document's ``n_tokens`` when the table has it).

    ``by`` is "document" (each document its own group, labelled by its doc_id),
    "author", "year", "decade" or the name of any column of the documents table (a
    metadata column of a CSV source); ``None`` picks :func:`default_grouping`. A document
    without a value gets the group "(unknown)", shown like any other, never dropped.

    Groups are ordered by the earliest date among their documents when there are dates
    (undated groups follow in corpus order, "(unknown)" last), and the rows by group, then
    date, then corpus order: every comparison keeps this order.

    ``max_groups`` caps the number of groups, moving to a coarser grouping when there are
    more (see the module's docstring). ``split_gap`` (``by="author"`` only) splits an
    author's documents where more than that many years pass between two consecutive ones,
    each part labelled with its years: with ``split_gap=8`` the surname "Bush" becomes
    "Bush (1989–1992)" and "Bush (2001–2008)", while "Cleveland" (1885–1888, 1893–1896)
    stays whole. Documents without a date stay in the author's first part.

    >>> docs = pd.DataFrame({"doc_id": ["b", "a", "c"], "author": ["Bo", "Ann", None],
    ...                      "date": ["1990", "1985-05-01", "2001"]})
    >>> group_documents(docs, by="author")[["doc_id", "group", "year"]]
      doc_id      group  year
    0      a        Ann  1985
    1      b         Bo  1990
    2      c  (unknown)  2001
    """
    by = default_grouping(documents) if by is None else by
    check_grouping(documents, by)
    if max_groups is not None and max_groups < 2:
        raise ValueError(f"max_groups must be at least 2, not {max_groups}.")
    base = _base(documents)
    labels = _group_labels(documents, base, by, split_gap)
    if max_groups is not None and labels.nunique() > max_groups:
        for coarser in _coarser(documents, base, by):
            candidate = _group_labels(documents, base, coarser, split_gap)
            if candidate.nunique() <= max_groups:
                by, labels = coarser, candidate
                break
        else:
            labels = _pool_smallest(base, labels, max_groups)
    return _ordered(base.assign(group=labels, grouping=by))


def check_grouping(documents: pd.DataFrame, by: str) -> None:
    """Raise :class:`~discourse_workbook.errors.InputError`, naming the metadata columns
    there are, when the documents cannot be grouped by ``by``."""
    if by in GROUPINGS or by in PERIODS:
        return
    if by in documents.columns and by != "doc_id":
        return
    extra = metadata_columns(documents)
    more = f" or one of its metadata columns ({', '.join(map(str, extra[:8]))})" if extra else ""
    raise InputError(f"The documents cannot be grouped by {by!r}: choose document, author, "
                     f"year or decade{more}.")


def _dates(documents: pd.DataFrame) -> list[str]:
    if "date" not in documents.columns:
        return [""] * len(documents)
    return [_text(d) for d in documents["date"]]


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _labels(documents: pd.DataFrame, column: str) -> pd.Series:
    """A column's values as group labels; empty or missing cells are "(unknown)"."""
    if column not in documents.columns:
        return pd.Series([UNKNOWN] * len(documents), index=documents.index, dtype=object)
    return pd.Series([_text(v) or UNKNOWN for v in documents[column]], index=documents.index,
                     dtype=object)


def _base(documents: pd.DataFrame) -> pd.DataFrame:
    """doc_id, date, year, words and corpus position of every document."""
    words = (documents["n_tokens"].astype(float) if "n_tokens" in documents.columns
             else pd.Series(np.nan, index=documents.index))
    return pd.DataFrame({
        "doc_id": documents["doc_id"].astype(str).to_numpy(),
        "date": _dates(documents),
        "year": document_years(documents).to_numpy(),
        "words": words.to_numpy(),
        "_position": np.arange(len(documents)),
    }).astype({"year": "Int64"})


def _group_labels(
    documents: pd.DataFrame, base: pd.DataFrame, by: str, split_gap: int | None
) -> pd.Series:
    if by == "document":
        labels = base["doc_id"].astype(object)
    elif by == "year":
        labels = base["year"].map(lambda y: UNKNOWN if pd.isna(y) else str(y))
    elif by in PERIODS:
        labels = base["year"].map(lambda y: UNKNOWN if pd.isna(y) else _period(int(y), by))
    else:
        labels = pd.Series(_labels(documents, by).to_numpy(), index=base.index)
        if by == "author" and split_gap is not None:
            labels = _split_by_gap(labels, base["year"], split_gap)
    return labels.astype(object)


def _period(year: int, name: str) -> str:
    """The label of the period of ``year``: "1940s" for a decade, "1925–1949" otherwise."""
    size = PERIODS[name]
    start = year - year % size
    return f"{start}s" if size == 10 else f"{start}–{start + size - 1}"


def _split_by_gap(labels: pd.Series, years: pd.Series, gap: int) -> pd.Series:
    """Split each label's documents where consecutive years are more than ``gap`` apart;
    the parts of a split label are named with their first and last years."""
    if gap < 0:
        raise ValueError(f"split_gap must be 0 or more, not {gap}.")
    result = labels.copy()
    for label, rows in labels.groupby(labels, sort=False).groups.items():
        if label == UNKNOWN:
            continue
        dated = years.loc[rows].dropna().astype(int).sort_values(kind="stable")
        if len(dated) < 2:
            continue
        values = dated.to_numpy()
        cuts = np.flatnonzero(np.diff(values) > gap) + 1
        if not len(cuts):
            continue
        parts = np.split(np.arange(len(values)), cuts)
        for part in parts:
            first, last = values[part[0]], values[part[-1]]
            span = f"{first}" if first == last else f"{first}–{last}"
            result.loc[dated.index[part]] = f"{label} ({span})"
        undated = [r for r in rows if pd.isna(years.loc[r])]
        first_part = result.loc[dated.index[parts[0][0]]]
        result.loc[undated] = first_part
    return result


def _coarser(documents: pd.DataFrame, base: pd.DataFrame, by: str) -> list[str]:
    """The groupings to try, coarsest last, after ``by`` has too many groups."""
    chain: list[str] = []
    if by == "document":
        authors = _labels(documents, "author")
        if 2 * (authors != UNKNOWN).sum() >= len(documents):
            chain.append("author")
    dated = 2 * base["year"].notna().sum() >= len(base) and len(base) > 0
    if dated:
        times = ["year", *PERIODS]
        if by in times:
            times = times[times.index(by) + 1:]
        chain.extend(times)
    return chain


def _pool_smallest(base: pd.DataFrame, labels: pd.Series, max_groups: int) -> pd.Series:
    """Keep the ``max_groups - 1`` largest groups (by words, else documents; ties in
    order of first appearance) and pool the others as "(N other groups)"."""
    weight = base["words"].fillna(1.0) if base["words"].notna().any() else pd.Series(
        1.0, index=base.index)
    size = weight.groupby(labels.to_numpy(), sort=False).sum()
    size = size.sort_values(ascending=False, kind="stable")
    keep = set(size.index[: max_groups - 1])
    pooled = len(size) - len(keep)
    name = f"({pooled} other groups)"
    return labels.where(labels.isin(keep), name)


def _ordered(table: pd.DataFrame) -> pd.DataFrame:
    """Rows by group order (earliest date, then first appearance; unknown and pooled
    groups last), then by date, then corpus order."""
    has_date = table["date"] != ""
    first_date = table["date"].where(has_date).groupby(table["group"], sort=False).min()
    first_seen = table.groupby("group", sort=False)["_position"].min()
    special = pd.Series([g == UNKNOWN or (g.startswith("(") and g.endswith(" other groups)"))
                         for g in first_seen.index], index=first_seen.index)
    order = pd.DataFrame({"special": special, "undated": first_date.reindex(
        first_seen.index).isna(), "first_date": first_date.reindex(first_seen.index).fillna(""),
        "first_seen": first_seen})
    order = order.sort_values(["special", "undated", "first_date", "first_seen"], kind="stable")
    rank = pd.Series(np.arange(len(order)), index=order.index)
    table = table.assign(_group=table["group"].map(rank), _undated=~has_date)
    table = table.sort_values(["_group", "_undated", "date", "_position"], kind="stable")
    return table[GROUP_COLUMNS].reset_index(drop=True)


def group_order(groups: pd.DataFrame) -> list[str]:
    """Return the groups in the order :func:`group_documents` gives them (first
    appearance in the table).

    >>> group_order(pd.DataFrame({"doc_id": ["a", "b", "c"], "group": ["Y", "X", "Y"]}))
    ['Y', 'X']
    """
    return list(dict.fromkeys(groups["group"]))


def summarise_groups(groups: pd.DataFrame) -> pd.DataFrame:
    """Return one row per group, in group order: grouping, group, documents, words
    (when known), first_date and last_date ("" when undated) — for captions and for the
    "showing N of M" notes of a report.

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "author": ["Ann", "Ann"],
    ...                      "date": ["1990", "1985"]})
    >>> summarise_groups(group_documents(docs, by="author")).iloc[0].to_dict()
    {'grouping': 'author', 'group': 'Ann', 'documents': 2, 'words': None, \
'first_date': '1985', 'last_date': '1990'}
    """
    dates = groups["date"].where(groups["date"] != "")
    table = groups.assign(_date=dates).groupby("group", sort=False).agg(
        grouping=("grouping", "first"), documents=("doc_id", "size"),
        words=("words", lambda w: w.sum(min_count=len(w))),
        first_date=("_date", "min"), last_date=("_date", "max"))
    table = table.reset_index()
    table["words"] = table["words"].round().astype("Int64")
    table[["first_date", "last_date"]] = table[["first_date", "last_date"]].fillna("")
    return table[["grouping", "group", "documents", "words", "first_date", "last_date"]]


def grouping_of(groups: pd.DataFrame) -> str:
    """Return the grouping a groups table was made with ("author", "year" …; "group" when
    the table does not say).

    >>> grouping_of(pd.DataFrame({"doc_id": ["a"], "group": ["Ann"], "grouping": ["author"]}))
    'author'
    """
    if "grouping" in groups.columns and len(groups):
        return str(groups["grouping"].iloc[0])
    return "group"


def group_index(groups: pd.DataFrame) -> tuple[dict, list]:
    """Return ``{doc_id: group}`` and the groups in order, from a groups table.

    >>> group_index(pd.DataFrame({"doc_id": ["a", "b"], "group": ["Y", "X"]}))
    ({'a': 'Y', 'b': 'X'}, ['Y', 'X'])
    """
    check_groups(groups)
    row_of_doc = dict(zip(groups["doc_id"].astype(str), groups["group"], strict=True))
    return row_of_doc, list(dict.fromkeys(groups["group"]))


def check_groups(groups: pd.DataFrame, needed: Sequence[str] = ("doc_id", "group")) -> None:
    """Raise a one-sentence error when ``groups`` is not a table from
    :func:`group_documents`."""
    missing = [c for c in needed if c not in groups.columns]
    if missing:
        raise InputError(f"The groups table has no {', '.join(missing)} column; make it with "
                         "group_documents(documents, by=...).")

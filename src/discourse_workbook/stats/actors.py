"""Actors, for reading: the most-mentioned actors, what was counted for each, each
mention in its sentence, and the actors named together with one."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..actors import cooccurrence

TOP = 15


def top_actors(actors: pd.DataFrame, *, top: int = TOP) -> pd.DataFrame:
    """Return the ``top`` most-mentioned actors: kind, mentions, paragraphs that mention
    them, mean sentiment of the sentences naming them and how many sentences that is."""
    columns = ["actor", "kind", "listed", "mentions", "paragraphs", "sentiment", "n_sentences"]
    if not len(actors):
        return pd.DataFrame(columns=columns)
    ordered = actors.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable")
    return ordered[[c for c in columns if c in ordered]].head(top).reset_index(drop=True)


def alias_counts(mentions: pd.DataFrame, *, top: int = TOP) -> pd.DataFrame:
    """Return what was counted for each actor: the names as written and how often, so
    that metonyms ("Moscow") and demonyms ("Russian") can be checked. Most frequent first.
    """
    columns = ["actor", "alias", "demonym", "mentions"]
    if not len(mentions):
        return pd.DataFrame(columns=columns)
    demonym = mentions.get("demonym", False)
    table = (mentions.assign(demonym=demonym)
             .groupby(["actor", "alias", "demonym"], sort=False).size()
             .rename("mentions").reset_index())
    table = table.sort_values(["mentions", "actor", "alias"], ascending=[False, True, True],
                              kind="stable")
    return table[columns].head(top).reset_index(drop=True)


def mention_contexts(mentions: pd.DataFrame, sentences: pd.DataFrame, actor: str, *,
                     window: int = 8) -> pd.DataFrame:
    """Return every mention of ``actor`` in its sentence: doc_id, para_id, sent_id, left
    (up to ``window`` words), alias (as written), right.

    Example: ``mention_contexts(tables.mentions, tables.sentences, "Russia")``.
    """
    columns = ["doc_id", "para_id", "sent_id", "left", "alias", "right"]
    if not len(mentions):
        return pd.DataFrame(columns=columns)
    chosen = mentions[mentions["actor"] == actor]
    texts = sentences.set_index(["doc_id", "sent_id"])["text"]
    rows = []
    for doc_id, para_id, sent_id, alias, start, end in zip(
        chosen["doc_id"], chosen["para_id"], chosen["sent_id"], chosen["alias"],
        chosen["start"], chosen["end"], strict=True,
    ):
        text = str(texts.get((doc_id, sent_id), ""))
        left = " ".join(text[: int(start)].split()[-window:]) if window else ""
        right = " ".join(text[int(end):].split()[:window]) if window else ""
        rows.append((doc_id, int(para_id), int(sent_id), left, alias, right))
    return pd.DataFrame(rows, columns=columns)


def company(mentions: pd.DataFrame, actor: str) -> pd.DataFrame:
    """Return the actors named together with ``actor``: in how many sentences and in how
    many paragraphs, most sentences first.

    Example: ``company(tables.mentions, "Russia")``.
    """
    columns = ["actor", "sentences", "paragraphs"]
    if not len(mentions):
        return pd.DataFrame(columns=columns)
    counts = []
    for unit in ("sentence", "paragraph"):
        pairs = cooccurrence(mentions, unit=unit)
        mine = pairs[(pairs["actor_a"] == actor) | (pairs["actor_b"] == actor)]
        other = mine["actor_b"].where(mine["actor_a"] == actor, mine["actor_a"])
        counts.append(pd.Series(mine["count"].to_numpy(), index=other.to_numpy(), dtype="int64"))
    table = pd.concat(counts, axis=1, keys=["sentences", "paragraphs"]).fillna(0).astype("int64")
    table = table.rename_axis("actor").reset_index()
    ordered = table.sort_values(["sentences", "paragraphs", "actor"],
                                ascending=[False, False, True], kind="stable")
    return ordered[columns].reset_index(drop=True)


def mention_positions(mentions: pd.DataFrame, sentences: pd.DataFrame, *, top: int = 12,
                      bins: int | None = None) -> pd.DataFrame:
    """Return where the ``top`` most-mentioned actors are named: one row per actor and
    position with ``mentions``. For a single document the positions are its paragraphs;
    for several, ``bins`` equal stretches of each document (default 20) by sentence
    position. ``columns`` is the number of positions and ``unit`` what one is
    ("paragraph" or "stretch"); every position of every actor has a row, 0 where unnamed.

    >>> table = mention_positions(tables.mentions, tables.sentences, top=2)
    >>> table.groupby("actor", sort=False)["mentions"].sum().to_dict()
    {'Russia': 21, 'United States': 18}
    """
    columns = ["actor", "position", "mentions", "columns", "unit"]
    if not len(mentions):
        return pd.DataFrame(columns=columns)
    order = mentions["actor"].value_counts(sort=False)
    order = order.sort_index().sort_values(ascending=False, kind="stable").head(top).index
    data = mentions[mentions["actor"].isin(order)]
    if sentences["doc_id"].nunique() <= 1 and bins is None:
        n_cols, unit = (int(sentences["para_id"].max()) + 1 if len(sentences) else 1), "paragraph"
        where = data["para_id"].to_numpy()
    else:
        n_cols, unit = bins or 20, "stretch"
        last = (sentences.groupby("doc_id")["sent_id"].size() - 1).clip(lower=1)
        position = data["sent_id"] / data["doc_id"].map(last)
        where = np.minimum((position * n_cols).astype(int).to_numpy(), n_cols - 1)
    counts = pd.Series(1, index=pd.MultiIndex.from_arrays([data["actor"].to_numpy(), where]))
    counts = counts.groupby(level=[0, 1]).sum()
    grid = pd.MultiIndex.from_product([list(order), range(n_cols)], names=["actor", "position"])
    table = counts.reindex(grid, fill_value=0).rename("mentions").reset_index()
    return table.assign(columns=n_cols, unit=unit)[columns]


def network_edges(pairs: pd.DataFrame, actors: pd.DataFrame, *, top: int = 20,
                  min_count: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return what a network of the ``top`` most-mentioned actors draws: the pairs of them
    named together at least ``min_count`` times (a :func:`~discourse_workbook.actors.
    cooccurrence` table), and those of the actors that some pair joins.

    >>> edges, nodes = network_edges(cooccurrence(tables.mentions), tables.actors, top=5)
    >>> len(nodes) <= 5 and set(edges["actor_a"]) | set(edges["actor_b"]) == set(nodes["actor"])
    True
    """
    chosen = top_actors(actors, top=top)
    keep = set(chosen["actor"])
    edges = pairs[pairs["actor_a"].isin(keep) & pairs["actor_b"].isin(keep)
                  & (pairs["count"] >= min_count)].reset_index(drop=True)
    joined = set(edges["actor_a"]) | set(edges["actor_b"])
    return edges, chosen[chosen["actor"].isin(joined)].reset_index(drop=True)

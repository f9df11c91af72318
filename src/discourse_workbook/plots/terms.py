"""Figures for the term analysis: frequent words, key words, collocations, dispersion.

Each figure function takes the tables (anything with ``documents``, ``sentences``,
``terms`` and ``mentions``) and returns a matplotlib Figure; :func:`collocation_table`
returns a pandas Styler whose HTML escapes the document's text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from types import SimpleNamespace

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from pandas.io.formats.style import Styler

from ..segment import TOKEN
from ..terms import KEY_G2, KEY_LOG_RATIO, dispersion, keyness_general, term_frequencies
from .style import CYCLE, NEUTRAL, POSITIVE, new_figure, plain, say_empty

_MEASURES = {
    "g2": "Log-likelihood G² against general English (higher = more surprising; "
          f"{KEY_G2} means p < 0.0001)",
    "log_ratio": "Log ratio: how many times more often than in general English "
                 "(1 = twice, 2 = four times, 3 = eight times)",
}


def _document_ids(tables) -> list:
    """Documents in reading order (from the sentences, else the terms)."""
    frame = tables.sentences if len(getattr(tables, "sentences", [])) else tables.terms
    return list(dict.fromkeys(frame["doc_id"]))


def _subject(tables, doc_id=None) -> str:
    """How a title names what is shown: a document's title, "the text" or the corpus."""
    ids = _document_ids(tables) if doc_id is None else [doc_id]
    if len(ids) > 1:
        return f"the corpus ({len(ids)} documents)"
    documents = getattr(tables, "documents", pd.DataFrame())
    if ids and "title" in documents.columns:
        titles = documents.loc[documents["doc_id"] == ids[0], "title"].dropna()
        if len(titles) and str(titles.iloc[0]).strip():
            return f"“{plain(titles.iloc[0], limit=45)}”"
    return "the text" if doc_id is None else plain(doc_id, limit=50)


def _terms_of(tables, doc_id) -> pd.DataFrame:
    terms = tables.terms
    if doc_id is None:
        return terms
    chosen = terms[terms["doc_id"] == doc_id]
    if chosen.empty:
        raise ValueError(f"The tables hold no terms for a document {doc_id!r}.")
    return chosen


def plot_top_terms(tables, *, n: int = 20, doc_id: str | None = None) -> Figure:
    """Return a horizontal bar chart of the ``n`` most frequent words, stopwords left
    out, the most frequent at the top (a corpus is summed; ``doc_id`` picks a document).

    >>> save_figure(plot_top_terms(tables), "top_terms")
    """
    top = term_frequencies(_terms_of(tables, doc_id), by="corpus", stopwords=False).head(n)
    fig, ax = new_figure(width=8, height=max(3.0, 0.28 * len(top) + 1.4))
    ax.set_title(f"The {len(top)} most frequent words in {_subject(tables, doc_id)}")
    if top.empty:
        say_empty(ax)
        return fig
    y = np.arange(len(top))[::-1]
    ax.barh(y, top["count"], color=POSITIVE, height=0.7)
    ax.set_yticks(y, [plain(t, limit=30) for t in top["term"]])
    for yi, count in zip(y, top["count"], strict=True):
        ax.text(count, yi, f" {count}", va="center", fontsize=8)
    ax.set_xlabel("Number of occurrences (common function words such as “the” and “of” left out)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.08)
    return fig


def plot_key_terms(
    tables,
    *,
    n: int = 20,
    doc_id: str | None = None,
    measure: str = "g2",
    min_count: int = 3,
) -> Figure:
    """Return a bar chart of the ``n`` words most characteristic of the text against
    general English (:func:`~discourse_workbook.terms.keyness_general`), ranked by G²
    or by log ratio (``measure``), each bar labelled with both; words that are key
    (G² ≥ 15.13 and at least twice as frequent) are coloured, merely frequent ones grey.

    >>> save_figure(plot_key_terms(tables), "key_terms")
    """
    if measure not in _MEASURES:
        raise ValueError(f"measure must be 'g2' or 'log_ratio', not {measure!r}.")
    table = keyness_general(_terms_of(tables, doc_id), min_count=min_count)
    table = table[table["direction"] == "positive"]
    top = table.sort_values([measure, "term"], ascending=[False, True], kind="mergesort").head(n)
    fig, ax = new_figure(width=8, height=max(3.0, 0.28 * len(top) + 1.6))
    ax.set_title(f"Words that set {_subject(tables, doc_id)} apart from general English")
    if top.empty:
        say_empty(ax)
        return fig
    y = np.arange(len(top))[::-1]
    colours = [POSITIVE if key else NEUTRAL for key in top["key"]]
    ax.barh(y, top[measure], color=colours, height=0.7)
    ax.set_yticks(y, [plain(t, limit=30) for t in top["term"]])
    for yi, value, g2, ratio in zip(y, top[measure], top["g2"], top["log_ratio"], strict=True):
        ax.text(value, yi, f"  G² {g2:.0f} · log ratio {ratio:.1f}", va="center", fontsize=7)
    threshold = KEY_G2 if measure == "g2" else KEY_LOG_RATIO
    ax.axvline(threshold, color=NEUTRAL, linestyle="--", linewidth=0.8)
    ax.set_xlabel(_MEASURES[measure])
    ax.margins(x=0.25)
    ax.legend(handles=[
        Patch(color=POSITIVE, label="key: G² ≥ 15.13 and at least twice as frequent"),
        Patch(color=NEUTRAL, label="frequent, but not key"),
    ], loc="lower right", fontsize=8)
    return fig


def collocation_table(collocations: pd.DataFrame, *, n: int = 20, caption: str | None = None
                      ) -> Styler:
    """Return the top ``n`` collocations (from
    :func:`~discourse_workbook.terms.find_collocations`) as a table for a report; its
    HTML shows the words as text (escaped), never as markup.

    >>> collocation_table(find_collocations(tables.sentences)).to_html()
    """
    top = collocations.head(n)
    frame = pd.DataFrame({
        "Collocation": top["collocation"].astype(str).to_numpy(),
        "Occurrences": top["count"].to_numpy(),
        "Log-likelihood (G²)": top["g2"].to_numpy(),
        "PMI": top["pmi"].to_numpy(),
    })
    caption = caption or ("Word pairs that occur together more often than chance: G² measures "
                          "the evidence, PMI how strongly the words attract each other.")
    return (frame.style.set_uuid("collocations")
            .format(escape="html", precision=2)
            .format("{:.1f}", subset=["Log-likelihood (G²)"])
            .hide(axis="index")
            .set_caption(html.escape(caption)))


def plot_dispersion(
    tables,
    items: str | Iterable[str],
    *,
    by: str = "term",
    doc_ids: Iterable[str] | None = None,
) -> Figure:
    """Return a lexical dispersion plot: one row per item, a tick wherever it occurs.

    For one document the x axis runs from its beginning (0) to its end (1). For several,
    the documents are laid end to end in reading order, each as wide as it is long, with
    dotted lines where one ends and the next begins. ``by="actor"`` plots actor mentions.

    >>> save_figure(plot_dispersion(tables, ["russia", "security", "west"]), "dispersion")
    """
    items = [items] if isinstance(items, str) else list(items)
    sentences = tables.sentences
    mentions = getattr(tables, "mentions", pd.DataFrame())
    if doc_ids is not None:
        chosen = set(doc_ids)
        sentences = sentences[sentences["doc_id"].isin(chosen)]
        if not mentions.empty:
            mentions = mentions[mentions["doc_id"].isin(chosen)]
    view = SimpleNamespace(sentences=sentences, mentions=mentions, terms=tables.terms,
                           documents=getattr(tables, "documents", pd.DataFrame()))
    table = dispersion(view, items, by=by)
    docs = _document_ids(view) if len(sentences) else []
    sizes = {d: 0 for d in docs}
    for doc_id, text in zip(sentences["doc_id"], sentences["text"], strict=True):
        sizes[doc_id] += len(TOKEN.findall(text))
    total = max(sum(sizes.values()), 1)
    starts = dict(zip(docs, np.cumsum([0, *[sizes[d] for d in docs]])[:-1], strict=True))
    x = (table["doc_id"].map(starts) + table["token_index"]) / total

    fig, ax = new_figure(width=9, height=max(2.2, 0.45 * len(items) + 1.6))
    what = "the actors are mentioned" if by == "actor" else "the words occur"
    ax.set_title(f"Where {what} in {_subject(view) if docs else 'the text'}")
    ys = np.arange(len(items))[::-1]
    labels = []
    for row, (item, y) in enumerate(zip(items, ys, strict=True)):
        xs = x[table["item"] == item].to_numpy()
        ax.vlines(xs, y - 0.35, y + 0.35, color=CYCLE[row % len(CYCLE)], linewidth=1)
        labels.append(f"{plain(item, limit=30)} ({len(xs)})")
    ax.set_yticks(ys, labels)
    ax.set_ylim(-0.6, len(items) - 0.4)
    ax.set_xlim(0, 1)
    if len(docs) > 1:
        for doc_id in docs[1:]:
            ax.axvline(starts[doc_id] / total, color=NEUTRAL, linestyle=":", linewidth=0.7)
        if len(docs) <= 12:
            top = ax.secondary_xaxis("top")
            middles = [(starts[d] + sizes[d] / 2) / total for d in docs]
            top.set_xticks(middles, [plain(d, limit=18) for d in docs], fontsize=7, rotation=30,
                           ha="left")
        ax.set_xlabel("Position in the corpus: documents end to end in reading order, each as "
                      "wide as it is long (dotted lines mark where a document begins)")
    else:
        ax.set_xlabel("Position in the text (0 = beginning, 1 = end); number of occurrences "
                      "in brackets")
    return fig

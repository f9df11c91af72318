"""Figures for the term analysis: frequent words, key words, collocations, dispersion.

Each figure function takes the result it draws (a frequency, keyness or dispersion
table) and returns a matplotlib Figure; :func:`collocation_table` returns a pandas Styler
whose HTML escapes the document's text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from pandas.io.formats.style import Styler

from ...stats.keyness import KEY_G2, KEY_LOG_RATIO
from .style import (
    CYCLE,
    NEUTRAL,
    POSITIVE,
    new_figure,
    plain,
    plot_subject,
    say_empty,
    set_title,
)

_MEASURES = {
    "g2": "Log-likelihood G² against general English (higher = more surprising; "
          f"{KEY_G2} means p < 0.0001)",
    "log_ratio": "Log ratio: how many times more often than in general English "
                 "(1 = twice, 2 = four times, 3 = eight times)",
}


def plot_top_terms(frequencies: pd.DataFrame, *, subject: str = "the text") -> Figure:
    """Return a horizontal bar chart of every row of a frequency table (the most frequent
    words of :func:`~discourse_workbook.stats.frequencies.term_frequencies`, stopwords
    left out, ``.head(n)``), the first at the top. ``subject`` names what was counted.

    Example: ``plot_top_terms(term_frequencies(terms, by="corpus", stopwords=False).head(20))``.
    """
    top_rows = frequencies
    fig, ax = new_figure(width=8, height=max(3.0, 0.28 * len(top_rows) + 1.4))
    set_title(ax, f"The {len(top_rows)} most frequent words in {subject}")
    if top_rows.empty:
        say_empty(ax)
        return fig
    y = np.arange(len(top_rows))[::-1]
    ax.barh(y, top_rows["count"], color=POSITIVE, height=0.7)
    ax.set_yticks(y, [plain(t, limit=30) for t in top_rows.get("form", top_rows["term"])])
    for yi, count in zip(y, top_rows["count"], strict=True):
        ax.text(count, yi, f" {count}", va="center", fontsize=8)
    ax.set_xlabel("Number of occurrences (common function words such as “the” and “of” left out)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.margins(x=0.08)
    return fig


def plot_key_terms(keys: pd.DataFrame, *, measure: str = "g2",
                   subject: str = "the text") -> Figure:
    """Return a bar chart of every row of a keyness table, in its order (the words most
    characteristic of a text: :func:`~discourse_workbook.stats.keyness.key_terms_to_show`),
    each bar as long as its G² or log ratio (``measure``) and labelled with both; words
    that are key (G² ≥ 15.13 and at least twice as frequent) are coloured, merely frequent
    ones grey.

    Example: ``plot_key_terms(key_terms_to_show(keyness_general(terms)), subject="the corpus")``.
    """
    if measure not in _MEASURES:
        raise ValueError(f"measure must be 'g2' or 'log_ratio', not {measure!r}.")
    shown = keys
    fig, ax = new_figure(width=8, height=max(3.0, 0.28 * len(shown) + 1.6))
    set_title(ax, f"Words that set {subject} apart from general English")
    if shown.empty:
        say_empty(ax)
        return fig
    y = np.arange(len(shown))[::-1]
    colours = [POSITIVE if key else NEUTRAL for key in shown["key"]]
    ax.barh(y, shown[measure], color=colours, height=0.7)
    ax.set_yticks(y, [plain(t, limit=30) for t in shown.get("form", shown["term"])])
    for yi, value, g2, ratio in zip(y, shown[measure], shown["g2"], shown["log_ratio"],
                                    strict=True):
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


def collocation_table(collocations: pd.DataFrame, *, top: int = 20, caption: str | None = None
                      ) -> Styler:
    """Return the ``top`` collocations (from
    :func:`~discourse_workbook.terms.find_collocations`) as a table for a report; its
    HTML shows the words as text (escaped), never as markup.

    Example: ``collocation_table(find_collocations(tables.sentences)).to_html()``.
    """
    shown = collocations.head(top)
    frame = pd.DataFrame({
        "Collocation": shown["collocation"].astype(str).to_numpy(),
        "Occurrences": shown["count"].to_numpy(),
        "Log-likelihood (G²)": shown["g2"].to_numpy(),
        "PMI": shown["pmi"].to_numpy(),
    })
    caption = caption or ("Word pairs that occur together more often than chance: G² measures "
                          "the evidence, PMI how strongly the words attract each other.")
    return (frame.style.set_uuid("collocations")
            .format(escape="html", precision=2)
            .format("{:.1f}", subset=["Log-likelihood (G²)"])
            .hide(axis="index")
            .set_caption(html.escape(caption)))


def plot_dispersion(
    places: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    items: Iterable[str] | None = None,
    by: str = "term",
) -> Figure:
    """Return a lexical dispersion plot of a dispersion table
    (:func:`~discourse_workbook.stats.context.dispersion`): one row per item, a tick
    wherever it occurs. ``documents`` gives the documents' order and length in words
    (``doc_id``, ``n_tokens``); ``items`` the rows' order (default: as in the table).

    For one document the x axis runs from its beginning (0) to its end (1). For several,
    the documents are laid end to end in reading order, each as wide as it is long, with
    dotted lines where one ends and the next begins. ``by="actor"`` names the rows as
    actors in the title.

    Example: ``plot_dispersion(dispersion(sentences, ["russia", "west"]), documents)``.
    """
    items = list(dict.fromkeys(places["item"])) if items is None else list(items)
    docs = [d for d in documents["doc_id"]]
    sizes = dict(zip(docs, documents["n_tokens"].astype(int), strict=True))
    total = max(sum(sizes.values()), 1)
    starts = dict(zip(docs, np.cumsum([0, *[sizes[d] for d in docs]])[:-1], strict=True))
    x = (places["doc_id"].map(starts) + places["token_index"]) / total

    fig, ax = new_figure(width=9, height=max(2.2, 0.45 * len(items) + 1.6))
    what = "the actors are mentioned" if by == "actor" else "the words occur"
    set_title(ax, f"Where {what} in {plot_subject(documents)}", width=9)
    ys = np.arange(len(items))[::-1]
    labels = []
    for row, (item, y) in enumerate(zip(items, ys, strict=True)):
        xs = x[places["item"] == item].to_numpy()
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

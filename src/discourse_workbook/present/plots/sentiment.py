"""Sentiment figures: tone by paragraph, the tone's arc, the spread of sentence scores, and
the words that carry the tone.

Every chart shows VADER compound scores (−1 most negative, +1 most positive) with the
neutral band (±threshold, 0.05 by default) shaded grey; bars and points are blue above
the band, vermillion below it and grey inside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ...errors import InputError
from ...sentiment import THRESHOLD
from .style import CYCLE, NEGATIVE, NEUTRAL, POSITIVE, new_figure, plain, say_empty, set_title

COMPOUND_LABEL = "Sentiment (VADER compound, −1 to +1)"
MAX_LINES_WITH_LEGEND = 8
ARC_BINS = 10


def _colours(values: Sequence[float] | pd.Series, threshold: float) -> list[str]:
    return [
        POSITIVE if v >= threshold else NEGATIVE if v <= -threshold else NEUTRAL
        for v in np.asarray(values, dtype=float)
    ]


def _neutral_band(ax, threshold: float, *, vertical: bool = False) -> None:
    span = ax.axvspan if vertical else ax.axhspan
    span(-threshold, threshold, color=NEUTRAL, alpha=0.18, linewidth=0, zorder=0)
    line = ax.axvline if vertical else ax.axhline
    line(0, color="#555555", linewidth=0.8, zorder=1)


def _legend_handles(threshold: float) -> list[Patch]:
    return [
        Patch(color=POSITIVE, label=f"Positive (≥ +{threshold:g})"),
        Patch(color=NEUTRAL, alpha=0.5, label=f"Neutral band (±{threshold:g})"),
        Patch(color=NEGATIVE, label=f"Negative (≤ −{threshold:g})"),
    ]


def _symmetric_limit(values: pd.Series, threshold: float) -> float:
    """Half-height of a y axis centred on 0, in steps of 0.25, between 0.25 and 1.05."""
    top = float(np.nanmax(np.abs(values))) if values.notna().any() else 0.0
    top = max(top * 1.1, threshold * 2, 0.25)
    return min(np.ceil(top / 0.25) * 0.25, 1.05)


def _need_sentiment(table: pd.DataFrame, name: str) -> None:
    if "sentiment" not in table.columns:
        raise InputError(
            f"The {name} table has no sentiment column; add it with add_sentiment first."
        )


def _label(doc_id: object, titles: Mapping[str, str] | None, limit: int = 60) -> str:
    return plain((titles or {}).get(doc_id, doc_id), limit=limit)


def plot_paragraph_sentiment(
    paragraphs: pd.DataFrame,
    *,
    threshold: float = THRESHOLD,
    titles: Mapping[str, str] | None = None,
    of_documents: int | None = None,
) -> Figure:
    """Return a diverging bar chart of each paragraph's sentiment (mean of its sentence
    scores) in reading order, every row of ``paragraphs`` drawn; several documents get a
    panel each (:func:`~discourse_workbook.stats.tone.first_documents` picks a few of a
    corpus: ``of_documents`` says how many the corpus holds). ``titles`` maps doc_id to a
    label (:func:`~discourse_workbook.sentiment.titles_of`).

    Example: ``plot_paragraph_sentiment(tables.paragraphs, titles=titles_of(documents))``.
    """
    _need_sentiment(paragraphs, "paragraphs")
    shown = list(pd.unique(paragraphs["doc_id"]))
    n_panels = max(1, len(shown))
    height = 4.5 if n_panels == 1 else 1.2 + 1.7 * n_panels
    fig, axes = new_figure(
        height=height, nrows=n_panels, sharey=True, squeeze=False, layout="constrained"
    )
    limit = _symmetric_limit(paragraphs["sentiment"].astype(float), threshold)
    for ax, doc_id in zip(axes[:, 0], shown or [None], strict=True):
        rows = paragraphs[paragraphs["doc_id"] == doc_id].sort_values("para_id")
        values = rows["sentiment"].astype(float)
        x = rows["para_id"].to_numpy() + 1
        _neutral_band(ax, threshold)
        ax.bar(x, values.fillna(0.0), color=_colours(values, threshold), width=0.8, zorder=2)
        neutral = values.abs().lt(threshold).to_numpy()  # a bar too short to see: mark it
        ax.scatter(x[neutral], values[neutral], color=NEUTRAL, s=12, zorder=3)
        ax.set_ylim(-limit, limit)
        ax.set_xlim(0.3, max(len(rows), 1) + 0.7)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if n_panels > 1:
            ax.set_title(_label(doc_id, titles), fontsize=9, fontweight="normal")
    what = "Sentiment paragraph by paragraph"
    total = max(of_documents or len(shown), len(shown))
    if total == 1:
        set_title(axes[0, 0], f"{what}: {_label(shown[0], titles, limit=80)}")
    else:
        more = f" (the first {len(shown)} of {total} documents)" if len(shown) < total else ""
        fig.suptitle(f"{what}{more}", x=0.01, ha="left", fontweight="bold")
    axes[-1, 0].set_xlabel("Paragraph (reading order)")
    fig.supylabel("Mean sentence sentiment\n(VADER compound, −1 to +1)", fontsize=10)
    fig.legend(handles=_legend_handles(threshold), loc="outside lower center", fontsize=8, ncols=3)
    return fig


def _sentence_x(sentences: pd.DataFrame) -> np.ndarray:
    """x of each sentence: spread evenly across its paragraph's slot (paragraph n ± 0.5)."""
    groups = sentences.groupby(["doc_id", "para_id"], sort=False)
    k = groups.cumcount().to_numpy()
    n = groups["para_id"].transform("size").to_numpy()
    return sentences["para_id"].to_numpy() + 1 - 0.5 + (k + 0.5) / n


def _average_arc(arc: pd.DataFrame, bins: int = ARC_BINS) -> pd.DataFrame:
    """Mean paragraph sentiment across documents in ``bins`` equal slices of position."""
    edges = np.linspace(0, 1, bins + 1)
    slot = np.clip(np.searchsorted(edges, arc["position"], side="right") - 1, 0, bins - 1)
    means = arc["sentiment"].groupby(slot).mean().reindex(range(bins))
    return pd.DataFrame({"position": (edges[:-1] + edges[1:]) / 2, "sentiment": means.to_numpy()})


def plot_sentiment_arc(
    arc: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    *,
    window: int = 3,
    threshold: float = THRESHOLD,
    titles: Mapping[str, str] | None = None,
) -> Figure:
    """Return the tone's arc (:func:`~discourse_workbook.sentiment.sentiment_arc`, the
    rolling mean of paragraph sentiment over ``window`` paragraphs), with each scored
    sentence as a point (one document). For several documents, one line each over the
    relative position in the text (0 = start, 1 = end); beyond eight documents the lines
    are grey and the average across documents is drawn.

    Example: ``plot_sentiment_arc(sentiment_arc(paragraphs, window=5), sentences, window=5)``.
    """
    doc_ids = list(pd.unique(arc["doc_id"]))
    fig, ax = new_figure(layout="constrained")
    _neutral_band(ax, threshold)
    if len(doc_ids) <= 1:
        if sentences is not None and len(sentences):
            scored = sentences.sort_values(["para_id", "sent_id"], kind="stable")
            ax.scatter(_sentence_x(scored), scored["compound"], s=14, alpha=0.6, zorder=2,
                       c=_colours(scored["compound"], threshold), linewidths=0)
            ax.add_artist(ax.legend(
                handles=[Line2D([], [], marker="o", linestyle="", color=c, alpha=0.6, label=t)
                         for c, t in ((POSITIVE, "Positive sentence"),
                                      (NEUTRAL, "Neutral sentence"),
                                      (NEGATIVE, "Negative sentence"))],
                loc="lower right", fontsize=8))
        ax.plot(arc["para_id"] + 1, arc["rolling"], color="#000000", linewidth=2, zorder=3,
                label=f"Rolling mean of paragraph sentiment over {window} paragraphs")
        ax.set_xlabel("Paragraph (reading order)")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        name = f": {_label(doc_ids[0], titles, limit=80)}" if doc_ids else ""
        set_title(ax, f"The tone's arc{name}")
        ax.set_ylim(-1.05, 1.05)
    else:
        many = len(doc_ids) > MAX_LINES_WITH_LEGEND
        for i, (doc_id, rows) in enumerate(arc.groupby("doc_id", sort=False)):
            if many:
                style = {"color": "#8A8A8A", "alpha": 0.3, "linewidth": 0.8}
            else:
                style = {"color": CYCLE[i % len(CYCLE)], "linewidth": 1.8,
                         "label": _label(doc_id, titles, 40)}
            ax.plot(rows["position"], rows["rolling"], **style)
        if many:
            average = _average_arc(arc)
            ax.plot(average["position"], average["sentiment"], color="#000000", linewidth=2.2,
                    marker="o", markersize=4, zorder=3,
                    label=f"Average of all {len(doc_ids)} documents (tenths of the text)")
        ax.set_xlabel("Position in the text (0 = start, 1 = end)")
        set_title(ax, f"The tone's arc in {len(doc_ids)} documents "
                      f"(rolling mean over {window} paragraphs)")
        limit = _symmetric_limit(arc["rolling"], threshold)
        ax.set_ylim(-limit, limit)
    ax.set_ylabel(COMPOUND_LABEL)
    if len(doc_ids) <= 1:
        ax.legend(loc="upper right", fontsize=8)
    else:
        fig.legend(loc="outside lower center", fontsize=8, ncols=4)
    return fig


def plot_sentence_sentiment(histogram: pd.DataFrame, *, threshold: float = THRESHOLD) -> Figure:
    """Return a histogram of sentence scores from its bins
    (:func:`~discourse_workbook.stats.tone.sentence_histogram`: low, high, sentences,
    zeros), with the neutral band (±threshold) marked and the shares of positive, neutral
    and negative sentences in the title."""
    fig, ax = new_figure(layout="constrained")
    _neutral_band(ax, threshold, vertical=True)
    centres = ((histogram["low"] + histogram["high"]) / 2).to_numpy()
    counts = histogram["sentences"].to_numpy()
    ax.bar(centres, counts, width=(histogram["high"] - histogram["low"]).to_numpy() * 0.92,
           color=_colours(centres, threshold), zorder=2)
    for edge in (-threshold, threshold):
        ax.axvline(edge, color="#555555", linewidth=0.8, linestyle="--", zorder=1)
    n = int(counts.sum())
    if n:
        tone = histogram.groupby("tone")["sentences"].sum()
        summary = " · ".join(f"{name} {tone.get(name, 0) / n:.0%}"
                             for name in ("positive", "neutral", "negative"))
        set_title(ax, f"Sentence sentiment across {n:,} sentences: {summary}")
    else:
        ax.set_title("Sentence sentiment (no sentences)")
    zeros = int(histogram["zeros"].sum())
    if zeros:
        ax.text(threshold + 0.03, 0.97, f"{zeros:,} sentences score exactly 0\n"
                "(no word in VADER's lexicon counts)", transform=ax.get_xaxis_transform(),
                fontsize=8, va="top", color="#444444")
    ax.set_xlim(-1.02, 1.02)
    ax.set_xlabel(COMPOUND_LABEL)
    ax.set_ylabel("Number of sentences")
    ax.legend(handles=_legend_handles(threshold), loc="upper left", fontsize=8)
    return fig


def plot_document_sentiment(
    arc: pd.DataFrame,
    *,
    window: int = 3,
    threshold: float = THRESHOLD,
    titles: Mapping[str, str] | None = None,
) -> Figure:
    """Return a corpus chart of :func:`~discourse_workbook.sentiment.document_arc`: each
    document's sentiment (mean of its sentence scores) as a bar in corpus order, with the
    rolling mean over ``window`` documents as a line."""
    fig, ax = new_figure(width=max(8, min(16, 0.2 * len(arc) + 3)), layout="constrained")
    _neutral_band(ax, threshold)
    x = np.arange(1, len(arc) + 1)
    ax.bar(x, arc["sentiment"].fillna(0.0), color=_colours(arc["sentiment"], threshold),
           width=0.8, zorder=2)
    neutral = arc["sentiment"].abs().lt(threshold).to_numpy()
    ax.scatter(x[neutral], arc["sentiment"][neutral], color=NEUTRAL, s=12, zorder=3)
    ax.plot(x, arc["rolling"], color="#000000", linewidth=1.6, zorder=3,
            label=f"Rolling mean over {window} documents")
    if len(arc) <= 80:
        ax.set_xticks(x, [_label(d, titles, 30) for d in arc["doc_id"]], rotation=90, fontsize=7)
    ax.set_xlabel("Document (corpus order)")
    ax.set_ylabel("Mean sentence sentiment\n(VADER compound, −1 to +1)")
    limit = _symmetric_limit(arc["sentiment"], threshold)
    ax.set_ylim(-limit, limit)
    ax.set_title(f"Sentiment of each document, in corpus order ({len(arc)} documents)")
    fig.legend(handles=[*_legend_handles(threshold), *ax.get_legend_handles_labels()[0]],
               loc="outside lower center", fontsize=8, ncols=4)
    return fig


def plot_tone_words(words: pd.DataFrame, *, subject: str = "the text") -> Figure:
    """Return the words that carry the tone, as drawn from a
    :func:`~discourse_workbook.stats.tone.tone_words` table: the negative words on the
    left, the positive on the right, each ranked from the top, its bar the sum of its
    VADER valence, labelled with that sum, its number of uses and its share of its side.

    Example: ``plot_tone_words(tone_words(tables.sentiment_words, top=12))``.
    """
    sides = [("negative", NEGATIVE, "Negative tone"), ("positive", POSITIVE, "Positive tone")]
    rows = max([int((words["side"] == side).sum()) for side, _, _ in sides] + [1])
    fig, axes = new_figure(width=10, height=max(3.0, 0.32 * rows + 1.6), ncols=2,
                           layout="constrained")
    fig.suptitle(f"The words that carry the tone of {subject}", x=0.01, ha="left",
                 fontweight="bold")
    reach = 1.5 * float(words["valence"].abs().max()) if len(words) else 1.0  # one scale
    for ax, (side, colour, title) in zip(axes, sides, strict=True):
        shown = words[words["side"] == side]
        ax.set_title(title, fontsize=10)
        if shown.empty:
            say_empty(ax, "No word")
            continue
        y = -shown["rank"].to_numpy()
        values = shown["valence"].to_numpy(dtype=float)
        ax.barh(y, values, color=colour, height=0.7)
        ax.set_yticks(y, [plain(w, limit=25) for w in shown["word"]])
        for yi, value, n, share in zip(y, values, shown["count"], shown["share"], strict=True):
            label = f" {value:+.1f} ({n}×, {share:.0%}) ".replace("-", "−")
            ax.text(value, yi, label, va="center", ha="left" if value > 0 else "right",
                    fontsize=8)
        if side == "negative":
            ax.set_xlim(-reach, 0)
        else:
            ax.set_xlim(0, reach)
            ax.yaxis.tick_right()
            ax.spines["left"].set_visible(False)
            ax.spines["right"].set_visible(True)
        ax.axvline(0, color="#555555", linewidth=0.8)
    fig.supxlabel("Sum of VADER valence after its rules (uses, share of that side's valence)",
                  fontsize=9)
    return fig

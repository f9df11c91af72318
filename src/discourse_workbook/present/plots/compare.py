"""Figures comparing groups of documents: each takes the table a comparison of
:mod:`discourse_workbook.stats.compare`, :mod:`~discourse_workbook.stats.similarity` or
:mod:`~discourse_workbook.stats.themes` returned, draws every row of it and computes
nothing — so the table is the figure's data, to be written beside it as CSV.

Titles say what is shown and per what (document, author, year …); labels drawn from the
text wrap at spaces and are never cut inside a word. Charts are sized by their number of
groups: give them groups from ``group_documents(..., max_groups=40)`` so that a corpus of
500 documents is shown per author or per decade rather than as 500 unreadable rows.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Sequence

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator
from pandas.io.formats.style import Styler

from ...sentiment import THRESHOLD
from .style import (
    CYCLE,
    NEGATIVE,
    NEUTRAL,
    PALETTE,
    POSITIVE,
    new_figure,
    say_empty,
    wrap_label,
)

_SEQUENTIAL = mcolors.LinearSegmentedColormap.from_list("rate", ["#FFFFFF", PALETTE["blue"]])
_DIVERGING = mcolors.LinearSegmentedColormap.from_list(
    "tone", [NEGATIVE, "#FFFFFF", POSITIVE])
_NOUNS = {
    "document": ("document", "documents"),
    "author": ("author", "authors"),
    "year": ("year", "years"),
    "decade": ("decade", "decades"),
    "quarter-century": ("25-year period", "25-year periods"),
    "half-century": ("50-year period", "50-year periods"),
    "century": ("century", "centuries"),
}
_TIME = ("year", "decade", "quarter-century", "half-century", "century")
MAX_ANNOTATED_CELLS = 600


# --------------------------------------------------------------------------- labels


def _fit(title: str, fig: Figure, *, size: float = 12) -> str:
    """A title wrapped at spaces to the figure's width (about 0.6 em per character of
    bold text), so that it is never cut off or wider than the chart."""
    chars = max(30, int(fig.get_figwidth() * 72 / (0.6 * size)))
    return "\n".join(textwrap.wrap(title, width=chars, break_long_words=False))


def _noun(grouping: str, n: int = 1) -> str:
    singular, plural = _NOUNS.get(grouping, (f"{grouping} group", f"{grouping} groups"))
    return singular if n == 1 else plural


def _per(grouping: str) -> str:
    return f"per {_NOUNS.get(grouping, (grouping,))[0]}"


def _grouping(table: pd.DataFrame) -> str:
    if "grouping" in table.columns and len(table):
        return str(table["grouping"].iloc[0])
    return "group"


def _order(values: pd.Series) -> list:
    return list(dict.fromkeys(values))


def _rows_height(n: int, *, per_row: float = 0.3, extra: float = 1.8) -> float:
    return max(3.0, per_row * n + extra)


def _tick_size(n: int) -> float:
    return 9 if n <= 20 else 8 if n <= 40 else 7 if n <= 60 else 6


# --------------------------------------------------------------------------- sentiment


def plot_sentiment_comparison(table: pd.DataFrame, *, threshold: float = THRESHOLD) -> Figure:
    """Return the tone of each group (a table from
    :func:`~discourse_workbook.stats.compare.compare_sentiment`): one row per group, top to
    bottom in the table's order (date order when there are dates), with a dot at the mean
    sentence score (blue positive, vermillion negative, grey within ±``threshold``), a bar
    over the middle half of the sentences (first to third quartile), a tick at the median
    and a thin line from the lowest to the highest sentence; the number of sentences is
    written at the right.

    >>> from discourse_workbook.stats.compare import compare_sentiment
    >>> fig = plot_sentiment_comparison(compare_sentiment(corpus.sentences, groups))
    """
    grouping = _grouping(table)
    n = len(table)
    fig, ax = new_figure(width=8.5, height=_rows_height(n), layout="constrained")
    dated = bool(n) and (table["first_date"] != "").any()
    order = "in date order" if dated else "in corpus order"
    ax.set_title(_fit(f"Sentiment {_per(grouping)}, {order} ({n} {_noun(grouping, n)})", fig))
    if not n:
        say_empty(ax, "No groups to compare.")
        return fig
    y = np.arange(n)[::-1]
    ax.axvspan(-threshold, threshold, color=NEUTRAL, alpha=0.18, linewidth=0, zorder=0)
    ax.axvline(0, color="#555555", linewidth=0.8, zorder=1)
    ax.hlines(y, table["min"], table["max"], color="#9A9A9A", linewidth=0.8, zorder=2)
    ax.barh(y, table["q3"] - table["q1"], left=table["q1"], height=0.55,
            color=PALETTE["sky"], alpha=0.45, zorder=2)
    ax.scatter(table["median"], y, marker="|", s=90, color="#222222", zorder=3)
    mean = table["sentiment"].astype(float)
    colours = [POSITIVE if v >= threshold else NEGATIVE if v <= -threshold else NEUTRAL
               for v in mean.fillna(0.0)]
    ax.scatter(mean, y, s=36, color=colours, zorder=4, edgecolors="white", linewidths=0.6)
    for yi, count in zip(y, table["sentences"], strict=True):
        ax.annotate(f"n={count}", (1.0, yi), xycoords=("axes fraction", "data"),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=7,
                    color="#555555")
    ax.set_yticks(y, [_row_label(row, grouping) for row in table.itertuples()],
                  fontsize=_tick_size(n))
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound of the sentences (−1 to +1): dot = mean, bar = middle half "
                  "of the sentences, | = median, line = lowest to highest")
    fig.legend(handles=[
        Line2D([], [], marker="o", linestyle="", color=POSITIVE, label=f"mean ≥ +{threshold:g}"),
        Line2D([], [], marker="o", linestyle="", color=NEUTRAL, label="mean in neutral band"),
        Line2D([], [], marker="o", linestyle="", color=NEGATIVE, label=f"mean ≤ −{threshold:g}"),
    ], loc="outside lower center", ncols=3, fontsize=8)
    return fig


def _row_label(row, grouping: str) -> str:
    """A group's label, with its years when they are not already its name."""
    label = wrap_label(row.group, width=28, max_lines=2)
    if grouping in ("document", *_TIME) or not row.first_date:
        return label
    first, last = str(row.first_date)[:4], str(row.last_date)[:4]
    span = first if first == last else f"{first}–{last}"
    return label if span in str(row.group) else f"{label} ({span})"


# --------------------------------------------------------------------------- key terms


def plot_key_terms_by_group(
    table: pd.DataFrame,
    *,
    all_groups: Sequence[str] | None = None,
    columns: int | None = None,
) -> Figure:
    """Return small multiples of key terms (a table from
    :func:`~discourse_workbook.stats.compare.key_terms_by_group`): one panel per group in
    the table's order, its terms as bars of G², strongest at the top, each labelled with
    how many times more often the group uses it than the rest of the corpus (2 to the log
    ratio). ``all_groups`` (the groups in order) adds a panel saying "no key term" for the
    groups that have none, so no group vanishes from the figure.

    >>> from discourse_workbook.stats.compare import key_terms_by_group
    >>> fig = plot_key_terms_by_group(key_terms_by_group(corpus.terms, groups, top=10))
    """
    grouping = _grouping(table)
    names = list(all_groups) if all_groups is not None else _order(table["group"])
    n = len(names)
    if n < 2 and table.empty:
        fig, ax = new_figure(width=8, height=2.5, layout="constrained")
        ax.set_title(f"Key terms {_per(grouping)}", loc="left", fontweight="bold")
        say_empty(ax, "No key terms: a comparison needs at least two groups.")
        return fig
    per_panel = int(table.groupby("group").size().max()) if len(table) else 1
    columns = columns or (1 if n <= 1 else 2 if n <= 4 else 3 if n <= 9 else 4 if n <= 16 else 5)
    rows = max(1, math.ceil(n / columns))
    fig, axes = new_figure(width=3.3 * columns, height=0.9 + rows * (0.2 * per_panel + 0.9),
                           nrows=rows, ncols=columns, squeeze=False, layout="constrained")
    top = f"top {per_panel}" if per_panel > 1 else "the strongest"
    fig.suptitle(_fit(f"Key terms {_per(grouping)}: words each uses markedly more often than "
                      f"the rest of the corpus ({top} by G²)", fig),
                 x=0.01, ha="left", fontweight="bold")
    for ax in axes.ravel()[n:]:
        ax.set_axis_off()
    by_group = {g: rows_ for g, rows_ in table.groupby("group", sort=False)}
    for ax, name in zip(axes.ravel(), names, strict=False):
        ax.set_title(wrap_label(name, width=30, max_lines=2), fontsize=9, fontweight="bold")
        rows_ = by_group.get(name)
        if rows_ is None or rows_.empty:
            say_empty(ax, "no key term")
            continue
        y = np.arange(len(rows_))[::-1]
        ax.barh(y, rows_["g2"], color=POSITIVE, height=0.7)
        ax.set_yticks(y, [wrap_label(t, width=20, max_lines=2) for t in rows_["term"]],
                      fontsize=8)
        for yi, g2, ratio in zip(y, rows_["g2"], rows_["log_ratio"], strict=True):
            ax.annotate(f"×{2 ** ratio:.0f}" if ratio < 10 else "×1000+", (g2, yi),
                        xytext=(2, 0), textcoords="offset points", va="center", fontsize=6,
                        color="#555555")
        ax.set_ylim(-0.6, per_panel - 0.4)
        ax.margins(x=0.22)
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(3, integer=True))
    fig.supxlabel("G² (log-likelihood; 15.13 means p < 0.0001); ×N: times more often than "
                  "in the rest of the corpus", fontsize=8)
    return fig


# --------------------------------------------------------------------------- trends


def _time_value(group: str) -> float:
    """The first year of a year, decade or period label ("1940s" → 1940)."""
    match = re.match(r"\d{4}", str(group))
    return float(match.group()) if match else math.nan


def plot_term_trends(table: pd.DataFrame) -> Figure:
    """Return how often words occur in each group (a table from
    :func:`~discourse_workbook.stats.compare.term_trends`): one panel per word, sharing the
    axes. Grouped by year, decade or period the x axis is time and each panel a line;
    grouped otherwise, each group is a bar, in the table's order.

    >>> from discourse_workbook.stats.groups import group_documents
    >>> by_decade = group_documents(corpus.documents, by="decade")
    >>> from discourse_workbook.stats.compare import term_trends
    >>> fig = plot_term_trends(term_trends(corpus.terms, by_decade, items=["harbour", "railway"]))
    """
    grouping = _grouping(table)
    terms = _order(table["term"])
    names = _order(table["group"])
    timeline = grouping in _TIME and any(not math.isnan(_time_value(g)) for g in names)
    n = max(1, len(terms))
    columns = 2 if timeline and n > 3 else 1
    rows = math.ceil(n / columns)
    width = 10 if timeline else max(8, min(16, 0.28 * len(names) + 3))
    fig, axes = new_figure(width=width, height=1.2 + 1.7 * rows + (0 if timeline else 1.2),
                           nrows=rows, ncols=columns, squeeze=False, sharex=True,
                           layout="constrained")
    fig.suptitle(_fit(f"How often {len(terms)} word{'s' if len(terms) != 1 else ''} occur "
                      f"{_per(grouping)} (occurrences per 1,000 words)", fig),
                 x=0.01, ha="left", fontweight="bold")
    for ax in axes.ravel()[len(terms):]:
        ax.set_axis_off()
    if not terms:
        say_empty(axes[0, 0], "No words to show.")
        return fig
    x_of = {g: i for i, g in enumerate(names)}
    for number, (ax, term) in enumerate(zip(axes.ravel(), terms, strict=False)):
        rows_ = table[table["term"] == term]
        colour = CYCLE[number % len(CYCLE)]
        if timeline:
            known = rows_[rows_["group"].map(_time_value).notna()]
            x = known["group"].map(_time_value)
            ax.plot(x, known["rate"], color=colour, marker="o", markersize=3, linewidth=1.4)
        else:
            ax.bar(rows_["group"].map(x_of), rows_["rate"], color=colour, width=0.75)
        ax.set_title(wrap_label(term, width=40, max_lines=2), fontsize=9, fontweight="bold")
        ax.tick_params(labelsize=8)
    if not timeline:
        for ax in axes[-1]:
            ax.set_xticks(range(len(names)),
                          [wrap_label(g, width=16, max_lines=2) for g in names],
                          rotation=90, fontsize=_tick_size(len(names)))
    else:
        fig.supxlabel("Year" if grouping == "year" else f"Start of the {_noun(grouping)}",
                      fontsize=9)
    fig.supylabel("Per 1,000 words", fontsize=9)
    return fig


# --------------------------------------------------------------------------- heat maps


def _grid(table: pd.DataFrame, rows: str, columns: str, value: str) -> tuple[
        np.ndarray, list, list]:
    row_names, column_names = _order(table[rows]), _order(table[columns])
    grid = table.pivot_table(index=rows, columns=columns, values=value, aggfunc="first",
                             dropna=False, sort=False)
    grid = grid.reindex(index=row_names, columns=column_names)
    return grid.to_numpy(dtype=float), row_names, column_names


def _heatmap(ax, grid: np.ndarray, row_names: list, column_names: list, *, cmap, vmin: float,
             vmax: float, fmt: str | None, masked: np.ndarray | None = None):
    shown = np.ma.masked_invalid(grid)
    if masked is not None:
        shown = np.ma.masked_where(masked | np.isnan(grid), grid)
    ax.set_facecolor("#EEEEEE")
    image = ax.imshow(shown, aspect="auto", cmap=cmap, vmin=vmin, vmax=vmax,
                      interpolation="nearest")
    ax.set_yticks(range(len(row_names)), [wrap_label(r, width=28, max_lines=2)
                                          for r in row_names], fontsize=_tick_size(len(row_names)))
    ax.set_xticks(range(len(column_names)), [wrap_label(c, width=18, max_lines=3)
                                             for c in column_names],
                  fontsize=_tick_size(len(column_names)), rotation=90)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    if fmt and grid.size <= MAX_ANNOTATED_CELLS:
        span = max(abs(vmin), abs(vmax)) or 1
        for (i, j), value in np.ndenumerate(grid):
            if np.ma.is_masked(shown[i, j]) or np.isnan(value):
                continue
            dark = abs(value - (0 if vmin < 0 else vmin)) > 0.6 * span
            ax.text(j, i, format(value, fmt), ha="center", va="center", fontsize=6.5,
                    color="white" if dark else "#222222")
    return image


def _heatmap_figure(n_rows: int, n_columns: int) -> tuple[Figure, object]:
    width = max(6.5, min(18, 0.42 * n_columns + 4.5))
    height = max(3.5, min(22, 0.3 * n_rows + 2.6))
    return new_figure(width=width, height=height, layout="constrained")


def plot_actors_by_group(table: pd.DataFrame) -> Figure:
    """Return a heat map of how often each group names each actor (a table from
    :func:`~discourse_workbook.stats.compare.actors_by_group`): groups as rows in the
    table's order, actors as columns, darker where the group names the actor more often
    per 1,000 words; cells give the rate.

    >>> from discourse_workbook.stats.compare import actors_by_group
    >>> fig = plot_actors_by_group(actors_by_group(corpus.mentions, corpus.sentences, groups))
    """
    grouping = _grouping(table)
    grid, rows, columns = _grid(table, "group", "actor", "rate")
    fig, ax = _heatmap_figure(len(rows), len(columns))
    ax.set_title(_fit(f"Actors named {_per(grouping)} (mentions per 1,000 words)", fig))
    if not grid.size:
        say_empty(ax, "No actor is mentioned.")
        return fig
    top = float(np.nanmax(grid)) if np.isfinite(grid).any() else 1.0
    image = _heatmap(ax, grid, rows, columns, cmap=_SEQUENTIAL, vmin=0, vmax=top or 1.0,
                     fmt=".1f")
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02).set_label("Mentions per 1,000 words")
    return fig


def plot_actor_tone_by_group(table: pd.DataFrame, *, min_sentences: int = 3) -> Figure:
    """Return a heat map of the tone in which each group names each actor (a table from
    :func:`~discourse_workbook.stats.compare.actors_by_group`): the mean VADER compound of
    the sentences naming the actor, blue positive, vermillion negative; cells resting on
    fewer than ``min_sentences`` sentences are left grey (too few to say anything).

    >>> from discourse_workbook.stats.compare import actors_by_group
    >>> fig = plot_actor_tone_by_group(actors_by_group(corpus.mentions, corpus.sentences, groups))
    """
    grouping = _grouping(table)
    grid, rows, columns = _grid(table, "group", "actor", "sentiment")
    counts, _, _ = _grid(table, "group", "actor", "sentences")
    fig, ax = _heatmap_figure(len(rows), len(columns))
    ax.set_title(_fit(f"Tone of the sentences naming each actor, {_per(grouping)} (mean "
                      f"VADER compound; grey: fewer than {min_sentences} sentences)", fig))
    if not grid.size or not np.isfinite(grid).any():
        say_empty(ax, "No sentence naming an actor was scored.")
        return fig
    few = np.nan_to_num(counts) < min_sentences
    values = grid[~few & np.isfinite(grid)]
    top = float(np.abs(values).max()) if values.size else 1.0
    top = min(1.0, max(0.25, math.ceil(top * 4) / 4))
    image = _heatmap(ax, grid, rows, columns, cmap=_DIVERGING, vmin=-top, vmax=top,
                     fmt=".2f", masked=few)
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02).set_label(
        "Mean compound (−1 negative, +1 positive)")
    return fig


def plot_voices_by_group(table: pd.DataFrame) -> Figure:
    """Return a heat map of who is quoted by whom (a table from
    :func:`~discourse_workbook.stats.compare.voices_by_group`): groups as rows, speakers
    as columns, darker where more of the group's words are the speaker's quoted words;
    cells give the number of quotations.

    >>> from discourse_workbook.stats.compare import voices_by_group
    >>> fig = plot_voices_by_group(voices_by_group(corpus.quotes, groups))
    """
    grouping = _grouping(table)
    words, rows, columns = _grid(table, "group", "speaker", "words")
    quotes, _, _ = _grid(table, "group", "speaker", "quotes")
    fig, ax = _heatmap_figure(len(rows), len(columns))
    ax.set_title(_fit(f"Who is quoted {_per(grouping)} (words of direct speech; cells: number "
                      "of quotations)", fig))
    if not words.size or not np.nansum(words):
        say_empty(ax, "No quotation of direct speech.")
        return fig
    image = _heatmap(ax, words, rows, columns, cmap=_SEQUENTIAL, vmin=0,
                     vmax=float(np.nanmax(words)), fmt=None, masked=quotes == 0)
    if quotes.size <= MAX_ANNOTATED_CELLS:
        for (i, j), count in np.ndenumerate(quotes):
            if count > 0:
                ax.text(j, i, f"{count:.0f}", ha="center", va="center", fontsize=6.5,
                        color="#222222")
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02).set_label("Words quoted")
    return fig


def plot_group_similarity(table: pd.DataFrame) -> Figure:
    """Return a heat map of how alike the groups' documents are (a table from
    :func:`~discourse_workbook.stats.similarity.group_similarity`): the mean cosine
    similarity of tf-idf vectors of the documents of each pair of groups; the diagonal is
    each group's own coherence (grey for a group of one document).

    >>> from discourse_workbook.stats.similarity import group_similarity
    >>> fig = plot_group_similarity(group_similarity(corpus.terms, groups))
    """
    grouping = _grouping(table)
    grid, rows, columns = _grid(table, "group_a", "group_b", "similarity")
    fig, ax = _heatmap_figure(len(rows), len(columns))
    what = "documents" if grouping == "document" else f"{_noun(grouping, 2)}' documents"
    ax.set_title(_fit(f"How alike the {what} are (mean cosine similarity of their words' "
                      "tf-idf; diagonal: within each)", fig))
    if not grid.size or not np.isfinite(grid).any():
        say_empty(ax, "No two documents to compare.")
        return fig
    image = _heatmap(ax, grid, rows, columns, cmap=_SEQUENTIAL, vmin=0,
                     vmax=float(np.nanmax(grid)), fmt=".2f" if len(rows) <= 15 else None)
    for i in range(min(len(rows), len(columns))):
        ax.add_patch(_cell_outline(i))
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02).set_label(
        "Mean cosine similarity (0 = no word in common)")
    return fig


def _cell_outline(i: int):
    from matplotlib.patches import Rectangle

    return Rectangle((i - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="#333333", linewidth=0.6)


def similar_pairs_table(pairs: pd.DataFrame, *, caption: str | None = None) -> Styler:
    """Return the most similar pairs of documents (a table from
    :func:`~discourse_workbook.stats.similarity.similar_documents`) as a table for a
    report; its HTML shows names and words as text (escaped), never as markup.

    >>> from discourse_workbook.stats.similarity import similar_documents
    >>> page = similar_pairs_table(similar_documents(corpus.terms, groups, top=3)).to_html()
    >>> page.count("<tr>"), "district · schools · teachers" in page
    (4, True)
    """
    frame = pd.DataFrame({
        "Document": pairs["doc_a"].astype(str).to_numpy(),
        "Similar document": pairs["doc_b"].astype(str).to_numpy(),
        "Cosine similarity": pairs["similarity"].to_numpy(dtype=float),
        "Words they share most": pairs["shared_terms"].astype(str).to_numpy(),
    })
    caption = caption or ("The most similar pairs of documents: cosine similarity of their "
                          "content words weighted by tf-idf (1 = the same words in the same "
                          "proportions). Shared vocabulary, not shared meaning.")
    return (frame.style.set_uuid("similar_pairs")
            .format(escape="html", precision=2)
            .hide(axis="index")
            .set_caption(html.escape(caption)))


# --------------------------------------------------------------------------- themes


def plot_themes(theme_terms: pd.DataFrame, *, columns: int | None = None) -> Figure:
    """Return small multiples of the themes a topic model found (``Themes.terms`` from
    :func:`~discourse_workbook.stats.themes.find_themes`): one panel per theme, its words
    as bars of their weight in the theme. The title says what it is: an exploratory aid.

    >>> from discourse_workbook.stats.themes import find_themes
    >>> fig = plot_themes(find_themes(corpus.terms, groups).terms)
    """
    themes = _order(theme_terms["theme"]) if len(theme_terms) else []
    n = len(themes)
    if not n:
        fig, ax = new_figure(width=8, height=2.5, layout="constrained")
        ax.set_title("Themes found by a topic model (NMF)", loc="left", fontweight="bold")
        say_empty(ax, "Too few documents for themes.")
        return fig
    per_panel = int(theme_terms.groupby("theme").size().max()) if n else 1
    columns = columns or (1 if n <= 1 else 2 if n <= 4 else 3 if n <= 9 else 4)
    rows = max(1, math.ceil(n / columns))
    fig, axes = new_figure(width=3.1 * columns, height=1.0 + rows * (0.2 * per_panel + 0.8),
                           nrows=rows, ncols=columns, squeeze=False, layout="constrained")
    fig.suptitle(_fit(f"{n} themes found by a topic model (NMF) — an exploratory aid: read "
                      "the documents before naming a theme", fig),
                 x=0.01, ha="left", fontweight="bold")
    for ax in axes.ravel()[n:]:
        ax.set_axis_off()
    for number, (ax, theme) in enumerate(zip(axes.ravel(), themes, strict=False)):
        rows_ = theme_terms[theme_terms["theme"] == theme].sort_values("rank")
        y = np.arange(len(rows_))[::-1]
        ax.barh(y, 100 * rows_["weight"], color=CYCLE[number % len(CYCLE)], height=0.7)
        ax.set_yticks(y, [wrap_label(t, width=20, max_lines=2) for t in rows_["term"]],
                      fontsize=8)
        ax.set_ylim(-0.6, per_panel - 0.4)
        ax.set_title(f"Theme {theme}", fontsize=9, fontweight="bold")
        ax.tick_params(axis="x", labelsize=7)
        ax.xaxis.set_major_locator(MaxNLocator(3))
    fig.supxlabel("Weight of the word in the theme (% of the theme's weight over all its "
                  "words)", fontsize=8)
    return fig


def plot_theme_shares(theme_groups: pd.DataFrame) -> Figure:
    """Return a heat map of each group's share of each theme (``Themes.groups`` from
    :func:`~discourse_workbook.stats.themes.find_themes`; grouped by document, each
    document's): groups as rows in the table's order, themes as columns labelled by their
    first words.

    >>> from discourse_workbook.stats.themes import find_themes
    >>> fig = plot_theme_shares(find_themes(corpus.terms, groups).groups)
    """
    grouping = _grouping(theme_groups)
    grid, rows, columns = _grid(theme_groups, "group", "label", "share")
    fig, ax = _heatmap_figure(len(rows), len(columns))
    ax.set_title(_fit(f"Themes {_per(grouping)}: mean share of each theme (topic model, "
                      "exploratory)", fig))
    if not grid.size:
        say_empty(ax, "Too few documents for themes.")
        return fig
    image = _heatmap(ax, grid, rows, columns, cmap=_SEQUENTIAL, vmin=0, vmax=1, fmt=".2f")
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02).set_label(
        "Share of the documents' theme weight")
    return fig


# --------------------------------------------------------------------------- all at once


def draw_comparisons(results: dict[str, pd.DataFrame]) -> dict[str, tuple[Figure, pd.DataFrame]]:
    """Return the figure of each table of
    :func:`~discourse_workbook.stats.compare.compare_groups`, with the table it draws:
    ``{NAME: (figure, table)}``, for ``figures/NAME.png`` and ``figures/NAME.csv``. The
    actors table gives two figures (``actors_by_group``, ``actor_tone_by_group``); the
    similar pairs are a table (:func:`similar_pairs_table`), not a figure.

    >>> from discourse_workbook.stats.compare import compare_groups
    >>> drawn = draw_comparisons(compare_groups(corpus, by="author"))
    >>> sorted(drawn)[:3]
    ['actor_tone_by_group', 'actors_by_group', 'document_sentiment']
    """
    groups = results.get("groups")
    all_groups = list(groups["group"]) if groups is not None else None
    charts = {
        "document_sentiment": ("document_sentiment", plot_sentiment_comparison),
        "group_sentiment": ("group_sentiment", plot_sentiment_comparison),
        "key_terms_by_group": ("key_terms_by_group",
                               lambda t: plot_key_terms_by_group(t, all_groups=all_groups)),
        "term_trends": ("term_trends", plot_term_trends),
        "actors_by_group": ("actors_by_group", plot_actors_by_group),
        "actor_tone_by_group": ("actors_by_group", plot_actor_tone_by_group),
        "voices_by_group": ("voices_by_group", plot_voices_by_group),
        "group_similarity": ("group_similarity", plot_group_similarity),
        "theme_terms": ("theme_terms", plot_themes),
        "theme_shares": ("theme_shares", plot_theme_shares),
    }
    return {name: (draw(results[table]), results[table])
            for name, (table, draw) in charts.items() if table in results}


__all__ = [
    "draw_comparisons",
    "plot_actor_tone_by_group",
    "plot_actors_by_group",
    "plot_group_similarity",
    "plot_key_terms_by_group",
    "plot_sentiment_comparison",
    "plot_term_trends",
    "plot_theme_shares",
    "plot_themes",
    "plot_voices_by_group",
    "similar_pairs_table",
    "wrap_label",
]

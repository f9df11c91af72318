"""Figures of actors and voices: who is named, where, with whom, in what tone, and
whose words fill the text. Each function takes tables and returns a Figure."""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import networkx as nx
import numpy as np
import pandas as pd
from adjustText import adjust_text
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ...sentiment import THRESHOLD
from .style import (
    NEGATIVE,
    NEUTRAL,
    PALETTE,
    POSITIVE,
    new_figure,
    plain,
    say_empty,
    set_title,
)

KIND_COLOURS = {
    "person": PALETTE["blue"],
    "state": PALETTE["orange"],
    "organisation": PALETTE["green"],
    "group": PALETTE["vermillion"],
    "region": PALETTE["purple"],
}
OTHER_COLOUR = NEUTRAL
AUTHOR_LABEL = "(author)"
UNKNOWN_LABEL = "(unknown)"


def _kind_colour(kind: object) -> str:
    return KIND_COLOURS.get(str(kind), OTHER_COLOUR)


def _kind_legend(kinds) -> list[Patch]:
    kinds = set(kinds)
    present = [k for k in KIND_COLOURS if k in kinds]
    return [Patch(color=KIND_COLOURS[k], label=k) for k in present]


def plot_actor_mentions(actors: pd.DataFrame) -> Figure:
    """Horizontal bars of the actors given (every row: e.g. :func:`~discourse_workbook.
    stats.actors.top_actors`), the first at the top, coloured by kind; the lighter end of a
    bar is the part made of demonyms ("Russian", "American").

    Example: ``plot_actor_mentions(tables.actors, top=10)``.
    """
    data = actors.iloc[::-1]
    fig, ax = new_figure(width=8, height=max(2.5, 0.32 * len(data) + 1.3))
    set_title(ax, f"Who the text names most (top {len(data)} actors)")
    if data.empty:
        say_empty(ax, "No actor from the lexicon is mentioned.")
        return fig
    demonyms = data.get("demonym_mentions", pd.Series(0, index=data.index))
    names = data["mentions"] - demonyms
    colours = [_kind_colour(k) for k in data["kind"]]
    y = np.arange(len(data))
    ax.barh(y, names, color=colours)
    ax.barh(y, demonyms, left=names, color=colours, alpha=0.4)
    ax.set_yticks(y, [plain(a, limit=40) for a in data["actor"]])
    ax.set_xlabel("Mentions (names, then demonyms in the lighter part)")
    ax.set_ylabel("Actor")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(handles=_kind_legend(data["kind"]), title="Kind", loc="lower right")
    return fig


def plot_actor_positions(positions: pd.DataFrame, *, relative: bool = False) -> Figure:
    """A heat strip of :func:`~discourse_workbook.stats.actors.mention_positions`: one row
    per actor (in the table's order), one column per paragraph of a document or stretch of
    the documents, darker where the actor is named more often. ``relative=True`` shades
    each row by the share of that actor's own mentions, so that rarely named actors show
    where they appear too.

    Example: ``plot_actor_positions(mention_positions(tables.mentions, tables.sentences))``.
    """
    order = list(dict.fromkeys(positions["actor"]))
    n_cols = int(positions["columns"].iloc[0]) if len(positions) else 1
    unit = positions["unit"].iloc[0] if len(positions) else "paragraph"
    grid = np.zeros((len(order), n_cols))
    row_of = {actor: i for i, actor in enumerate(order)}
    for actor, column, count in zip(positions["actor"], positions["position"],
                                    positions["mentions"], strict=True):
        grid[row_of[actor], int(column)] = count
    if relative and len(order):
        grid = grid / np.maximum(grid.sum(axis=1, keepdims=True), 1)

    fig, ax = new_figure(width=9, height=max(2.5, 0.35 * len(order) + 1.5))
    set_title(ax, "Where each actor appears in the text", width=9)
    if not len(order):
        say_empty(ax, "No actor is mentioned.")
        return fig
    cmap = mcolors.LinearSegmentedColormap.from_list("mentions", ["#FFFFFF", PALETTE["blue"]])
    top_value = grid.max() if relative else max(grid.max(), 1)
    image = ax.imshow(grid, aspect="auto", cmap=cmap, vmin=0, vmax=top_value or 1,
                      interpolation="nearest")
    ax.set_yticks(range(len(order)), [plain(a, limit=40) for a in order])
    ax.set_ylabel("Actor")
    if unit == "paragraph":
        ax.set_xlabel("Paragraph, in reading order")
        step = max(1, math.ceil(n_cols / 12))
        ax.set_xticks(range(0, n_cols, step), [str(i + 1) for i in range(0, n_cols, step)])
    else:
        ax.set_xlabel("Position in the document (start → end)")
        ax.set_xticks([-0.5, n_cols - 0.5], ["start", "end"])
    bar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    if relative:
        bar.set_label("Share of the actor's mentions")
    else:
        bar.set_label("Mentions")
        bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return fig


def plot_actor_network(
    edges: pd.DataFrame,
    actors: pd.DataFrame,
    *,
    unit: str = "sentence",
    seed: int = 7,
) -> Figure:
    """A network drawn from its ``edges`` (pairs of actors with the number of ``unit``s
    naming both: :func:`~discourse_workbook.stats.actors.network_edges`) and the ``actors``
    they join: a line for each pair, thicker the more often; dots sized by mentions and
    coloured by kind; labels pushed apart so that none covers another. The layout is
    seeded, so the same tables always give the same picture.

    Example: ``plot_actor_network(*network_edges(cooccurrence(tables.mentions), tables.actors))``.
    """
    chosen = actors
    graph = nx.Graph()
    for actor in chosen["actor"]:
        graph.add_node(actor)
    for a, b, count in zip(edges["actor_a"], edges["actor_b"], edges["count"], strict=True):
        graph.add_edge(a, b, count=int(count))
    graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])

    fig, ax = new_figure(width=8, height=7)
    set_title(ax, f"Actors named in the same {unit}")
    ax.set_axis_off()
    if graph.number_of_nodes() == 0:
        say_empty(ax, f"No two of the top actors are named in the same {unit}.")
        return fig
    layout = _component_layout(graph, seed=seed)
    mentions = dict(zip(chosen["actor"], chosen["mentions"], strict=True))
    kinds = dict(zip(chosen["actor"], chosen["kind"], strict=True))
    nodes = list(graph.nodes)
    biggest = max(graph[a][b]["count"] for a, b in graph.edges)
    widths = [0.6 + 5.4 * graph[a][b]["count"] / biggest for a, b in graph.edges]
    nx.draw_networkx_edges(graph, layout, ax=ax, width=widths, edge_color=NEUTRAL, alpha=0.7)
    most = max(mentions[n] for n in nodes)
    sizes = [80 + 720 * mentions[n] / most for n in nodes]
    nx.draw_networkx_nodes(graph, layout, ax=ax, nodelist=nodes, node_size=sizes,
                           node_color=[_kind_colour(kinds[n]) for n in nodes], alpha=0.9)
    labels = [ax.text(*layout[node], plain(node, limit=30), ha="center", va="bottom",
                      fontsize=9) for node in nodes]
    xs, ys = zip(*(layout[node] for node in nodes), strict=True)
    adjust_text(labels, x=list(xs), y=list(ys), ax=ax, expand=(1.2, 1.4),
                arrowprops={"arrowstyle": "-", "color": NEUTRAL, "lw": 0.5})
    ax.legend(handles=_kind_legend(kinds[n] for n in nodes), title="Kind", loc="upper left",
              bbox_to_anchor=(1.0, 1.0))
    ax.text(0.0, -0.04, f"Dot size: mentions. Line width: number of {unit}s naming both "
            f"(most: {biggest}).", transform=ax.transAxes, fontsize=8, color="#555555")
    ax.margins(0.12)
    return fig


def _component_layout(graph: nx.Graph, *, seed: int) -> dict:
    """A seeded ForceAtlas2 layout of each connected group of actors (hubs do not crush
    their neighbours, dots keep apart): the largest group in the middle, the smaller
    ones stacked beside it, so none is pushed to a far corner."""
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    layout: dict = {}
    top = 1.0
    for i, nodes in enumerate(parts):
        sub = graph.subgraph(sorted(nodes))
        if len(nodes) > 2:
            raw = nx.forceatlas2_layout(sub, seed=seed, max_iter=500, scaling_ratio=3.0,
                                        distributed_action=True,
                                        node_size=dict.fromkeys(sub, 0.3))
        else:
            raw = nx.circular_layout(sub)
        names = list(raw)
        pos = nx.rescale_layout(np.array([raw[n] for n in names], dtype=float), scale=1)
        radius = 1.0 if i == 0 else max(0.2, math.sqrt(len(nodes) / len(parts[0])))
        centre = (0.0, 0.0) if i == 0 else (1.5 + radius, top - radius)
        if i:
            top -= 2 * radius + 0.3
        for name, (x, y) in zip(names, pos, strict=True):
            layout[name] = (centre[0] + radius * x, centre[1] + radius * y)
    return layout


def plot_actor_sentiment(actors: pd.DataFrame, *, threshold: float = THRESHOLD) -> Figure:
    """The mean sentiment of the sentences naming each actor given (those with a score),
    as a dot on a scale from -1 (negative) to +1 (positive), with the number of sentences
    behind it written beside the dot: a score from one sentence says little. Scores
    within ±threshold are drawn as neutral.

    Example: ``plot_actor_sentiment(tables.actors, threshold=tables.options.threshold)``.
    """
    data = actors[actors["sentiment"].notna()].sort_values("sentiment", kind="stable")
    fig, ax = new_figure(width=8, height=max(2.5, 0.32 * len(data) + 1.3))
    set_title(ax, "Tone of the sentences naming each actor")
    if data.empty:
        say_empty(ax, "No sentiment scores: score the sentences first (VADER compound).")
        return fig
    y = np.arange(len(data))
    colours = [POSITIVE if s >= threshold else NEGATIVE if s <= -threshold else NEUTRAL
               for s in data["sentiment"]]
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.hlines(y, 0, data["sentiment"], color=colours, linewidth=1.2, alpha=0.6)
    ax.scatter(data["sentiment"], y, color=colours, s=40, zorder=3)
    for yi, score, n in zip(y, data["sentiment"], data["n_sentences"], strict=True):
        offset = 6 if score >= 0 else -6
        ax.annotate(f"n={n}", (score, yi), xytext=(offset, 0), textcoords="offset points",
                    ha="left" if score >= 0 else "right", va="center", fontsize=8,
                    color="#555555")
    ax.set_yticks(y, [plain(a, limit=40) for a in data["actor"]])
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Mean VADER compound of the sentences naming the actor (−1 negative, +1 "
                  "positive)")
    ax.set_ylabel("Actor")
    return fig


def plot_voice_shares(voices: pd.DataFrame) -> Figure:
    """Bars of the share of the text's words voiced by each speaker, the author's own
    words in grey.

    Example: ``plot_voice_shares(summarise_voices(tables.quotes, tables.sentences))``.
    """
    data = voices.iloc[::-1]
    fig, ax = new_figure(width=8, height=max(2.5, 0.32 * len(data) + 1.3))
    set_title(ax, "Whose words fill the text")
    if data.empty:
        say_empty(ax, "No words to share out.")
        return fig
    y = np.arange(len(data))
    percent = 100 * data["share"]
    colours = [NEUTRAL if s == AUTHOR_LABEL else PALETTE["sky"] if s == UNKNOWN_LABEL
               else PALETTE["blue"] for s in data["speaker"]]
    ax.barh(y, percent, color=colours)
    for yi, value, quotes, speaker in zip(y, percent, data["quotes"], data["speaker"],
                                          strict=True):
        note = f"{value:.1f}%" if speaker == AUTHOR_LABEL else (
            f"{value:.1f}% ({quotes} quotation{'s' if quotes != 1 else ''})")
        ax.annotate(note, (value, yi), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=8, color="#555555")
    ax.set_yticks(y, [plain(s, limit=40) for s in data["speaker"]])
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of all words in the text (%)")
    ax.set_ylabel("Speaker")
    return fig

"""One figure style for every chart, and the function that saves a figure.

Colours are the Okabe–Ito palette (safe for the common forms of colour blindness).
Every label drawn from a document's text goes through :func:`plain` so that it is shown
as text, never interpreted as mathtext or markup.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ... import paths

# Okabe & Ito (2008), "Color Universal Design".
PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
CYCLE = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow")]
POSITIVE = PALETTE["blue"]
NEGATIVE = PALETTE["vermillion"]
NEUTRAL = "#9A9A9A"

STYLE = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "legend.frameon": False,
    "svg.fonttype": "none",
    "text.usetex": False,
}

_SAFE_NAME = re.compile(r"[^a-z0-9_-]+")


def use_style() -> None:
    """Apply the workbook's style to matplotlib (called by every figure function)."""
    matplotlib.rcParams.update(STYLE)


def new_figure(*, width: float = 8, height: float = 4.5, layout: str | None = None,
               **kwargs) -> tuple[Figure, object]:
    """Return ``(figure, axes)`` in the workbook's style (``kwargs`` as for
    ``Figure.subplots``).

    The figure is not registered with pyplot: a notebook shows it only where a cell shows
    it, never again when the cell ends, and a page drawing many figures keeps none open.
    """
    use_style()
    fig = Figure(figsize=(width, height), layout=layout)
    FigureCanvasAgg(fig)
    return fig, fig.subplots(**kwargs)


def say_empty(ax, message: str = "Nothing to show") -> None:
    """Write ``message`` in the middle of an axes that has no data, without ticks."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes,
            color=NEUTRAL)
    ax.set_xticks([])
    ax.set_yticks([])


def plain(label: object, *, limit: int = 60) -> str:
    """Return a label as literal text: ``$`` escaped so mathtext never runs, and, past
    ``limit`` characters, ended at a word with an ellipsis (a word longer than the limit
    is kept whole: a name is never cut in the middle).

    >>> plain("Russia’s war on $5 bonds and the dollar", limit=20)
    'Russia’s war on \\\\$5…'
    """
    text = " ".join(str(label).split())
    if len(text) > limit:
        cut = text[: limit].rsplit(" ", 1)[0] if " " in text[: limit] else text.split(" ")[0]
        text = cut.rstrip(" ,;:–—-") + "…"
    return text.replace("$", r"\$")


def wrap_label(label: object, *, width: int = 22, max_lines: int = 3) -> str:
    """Return a label as literal text wrapped at spaces into lines of about ``width``
    characters; a word longer than a line is kept whole, never cut. Past ``max_lines``
    lines the label ends at a word with "…". ``$`` is escaped, so mathtext never runs
    on a document's words.

    >>> wrap_label("Roosevelt (1933–1945)", width=12)
    'Roosevelt\\n(1933–1945)'
    >>> wrap_label("a very long title of a speech about many things", width=10, max_lines=2)
    'a very\\nlong title…'
    """
    text = " ".join(str(label).split())
    lines = textwrap.wrap(text, width=width, break_long_words=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,;:-") + "…"
    return "\n".join(lines).replace("$", r"\$")


def set_title(ax, title: str, *, width: float | None = None) -> None:
    """Give an axes a title that wraps at spaces to the figure's width instead of running
    off it (about 0.6 em a character at the title's size)."""
    inches = width or ax.figure.get_figwidth()
    size = matplotlib.rcParams["axes.titlesize"]
    size = size if isinstance(size, int | float) else 12
    chars = max(20, int(inches * 72 / (0.6 * size)))
    ax.set_title("\n".join(textwrap.wrap(title, chars, break_long_words=False)))


def save_figure(fig: Figure, name: str, *, folder: str | Path | None = None) -> list[Path]:
    """Save a figure as ``name.png`` (300 dpi) and ``name.svg``; return both paths.

    Example: ``save_figure(fig, "paragraph_sentiment")`` writes
    ``figures/paragraph_sentiment.png`` and ``.svg``.
    """
    folder = Path(folder) if folder is not None else paths.FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    stem = _SAFE_NAME.sub("_", name.lower()).strip("_") or "figure"
    written = []
    for suffix in ("png", "svg"):
        target = folder / f"{stem}.{suffix}"
        tmp = target.with_name(f".{target.name}.tmp")
        fig.savefig(tmp, format=suffix, metadata=_metadata(suffix))
        tmp.replace(target)
        written.append(target)
    return written


def _metadata(suffix: str) -> dict:
    """Metadata without timestamps, so the same figure gives the same file."""
    return {"Date": None} if suffix == "svg" else {"Software": None}


def plot_subject(documents: pd.DataFrame) -> str:
    """How a chart's title names what it shows: a document's title (or id), or "the
    corpus (N documents)".

    >>> plot_subject(pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", None]}))
    'the corpus (2 documents)'
    """
    if len(documents) > 1:
        return f"the corpus ({len(documents)} documents)"
    if len(documents) == 1:
        title = documents["title"].iloc[0] if "title" in documents.columns else None
        if isinstance(title, str) and title.strip():
            return f"“{plain(title, limit=45)}”"
        return plain(documents["doc_id"].iloc[0], limit=50)
    return "the text"

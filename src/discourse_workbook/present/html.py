"""HTML for reports: tables, figures and sentences as notebook outputs, built only from
escaped text (a document's text is data, never markup)."""

from __future__ import annotations

import base64
import html
import io
import re

import pandas as pd

TOP = 15


class Html:
    """HTML shown as a notebook output (built only from escaped text)."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        text = html.unescape(re.sub(r"<[^>]*>", " ", self.markup))
        return " ".join(text.split())


READER_COLUMNS = {
    "doc_id": "document", "para_id": "paragraph id", "sent_id": "sentence id",
    "n_sentences": "sentences", "n_tokens": "words", "n_words": "words",
    "sentiment": "mean tone", "sentiment_min": "most negative sentence",
    "sentiment_max": "most positive sentence", "english_rate": "rate in English",
    "log_ratio": "log ratio", "g2": "G²",
}  # fmt: skip


def for_reader(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a table for a reader: plain column names, and no ``doc_id`` column when
    every row comes from the same document."""
    if "doc_id" in frame.columns and frame["doc_id"].nunique() <= 1:
        frame = frame.drop(columns=["doc_id"])
    return frame.rename(columns=READER_COLUMNS)


def table_html(frame: pd.DataFrame, *, index: bool = False, digits: int = 2) -> str:
    """Return a table as escaped HTML, numbers rounded to ``digits`` places."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].round(digits)
    return shown.to_html(index=index, escape=True, border=0, na_rep="–",
                         classes="dw-table")


def show_table(frame: pd.DataFrame, caption: str = "", *, number: int | None = None,
               top: int = TOP, index: bool = False) -> Html:
    """Return the first ``top`` rows of a table with a numbered caption, as escaped HTML,
    with the column names a reader understands (:func:`for_reader`).

    >>> show_table(tables.actors, "The most-mentioned actors", number=1, top=3).markup[:60]
    "<div class='dw-table'><p><strong>Table 1.</strong> The most-"
    """
    label = f"<strong>Table {number}.</strong> " if number is not None else ""
    more = f" (first {top:,} of {len(frame):,} rows)" if len(frame) > top else ""
    head = f"<p>{label}{html.escape(caption + more)}</p>" if caption or label or more else ""
    body = table_html(for_reader(frame.head(top)), index=index)
    return Html(f"<div class='dw-table'>{head}{body}</div>")


def show_figure(fig, caption: str, *, number: int | None = None) -> Html:
    """Return a figure as an embedded PNG with a numbered caption (the figure is closed,
    so it is shown once).

    Example: ``show_figure(plot_paragraph_sentiment(paragraphs), "By paragraph", number=1)``.
    """
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    label = f"<strong>Figure {number}.</strong> " if number is not None else ""
    return Html(
        "<figure style='margin: 1em 0'>"
        f"<img src='data:image/png;base64,{data}' alt='{html.escape(caption, quote=True)}' "
        "style='max-width: 100%'>"
        f"<figcaption>{label}{html.escape(caption)}</figcaption>"
        "</figure>"
    )


def show_sentences(sentences: list[str], *, numbered: bool = False) -> Html:
    """Return sentences as an (escaped) HTML list."""
    tag = "ol" if numbered else "ul"
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
    return Html(f"<{tag}>{items}</{tag}>")


def excerpt(text: object, *, limit: int = 160) -> str:
    """Return the start of a text, cut at a word boundary with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


# --------------------------------------------------------------------------- 01: the corpus



def show_text(text: str) -> Html:
    """Return a paragraph of text as escaped HTML."""
    return Html(f"<p>{html.escape(text)}</p>")

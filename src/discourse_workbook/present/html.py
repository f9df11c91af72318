"""HTML for reports: tables, figures and sentences as notebook outputs, built only from
escaped text (a document's text is data, never markup)."""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
import string
from collections import defaultdict, deque
from collections.abc import Iterable

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
    "doc_id": "document", "n_paragraphs": "paragraphs", "n_sentences": "sentences",
    "n_tokens": "words",
    "n_words": "words", "sentiment": "mean tone", "sentiment_min": "most negative sentence",
    "sentiment_max": "most positive sentence", "english_rate": "rate in English",
    "log_ratio": "log ratio", "g2": "G²", "n_scored": "sentences scored",
}  # fmt: skip
MISSING = "—"
_TABLE_STYLE = [
    {"selector": "", "props": "border-collapse: collapse; margin: 0.5em 0;"},
    {"selector": "th", "props": "text-align: left; padding: 0.2em 0.6em; "
                                "border-bottom: 1px solid #999;"},
    {"selector": "td", "props": "padding: 0.2em 0.6em; vertical-align: top;"},
]


def for_reader(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a table for a reader: plain column names; paragraphs and sentences numbered
    from 1 as everywhere a person reads them (``para_id`` 28 is "paragraph 29"); no
    ``doc_id`` column when every row comes from the same document. A plain name that
    another column already has is not given (``n_words`` stays beside ``words``).

    >>> for_reader(pd.DataFrame({"doc_id": ["a"], "para_id": [28], "g2": [3.0]}))
       paragraph   G²
    0         29  3.0
    """
    if "doc_id" in frame.columns and frame["doc_id"].nunique() <= 1:
        frame = frame.drop(columns=["doc_id"])
    numbered = {"para_id": "paragraph", "sent_id": "sentence"}
    columns = {}
    for column in frame.columns:
        name = numbered.get(column)
        if name is None:
            columns[column] = frame[column]
        elif name not in frame.columns:
            columns[name] = frame[column] + 1
    renamed = {c: READER_COLUMNS[c] for c in columns
               if c in READER_COLUMNS and READER_COLUMNS[c] not in columns}
    return pd.DataFrame(columns, index=frame.index).rename(columns=renamed)


def _p_value(p: float) -> str:
    return "&lt; 0.0001" if p < 0.0001 else f"{p:.4f}"


def table_html(frame: pd.DataFrame, *, index: bool = False, digits: int = 2) -> str:
    """Return a table as escaped HTML: numbers rounded to ``digits`` places, shares as
    percentages, p-values to four places ("< 0.0001" below), missing values as "—", text
    columns left-aligned and wrapped."""
    styler = frame.style.format(precision=digits, na_rep=MISSING, escape="html",
                                thousands=",")
    shares = [c for c in frame.columns if "share" in str(c)
              and pd.api.types.is_float_dtype(frame[c])]
    if shares:
        styler = styler.format("{:.1%}", subset=shares, na_rep=MISSING)
    p_values = [c for c in frame.columns if c == "p" and pd.api.types.is_float_dtype(frame[c])]
    if p_values:
        styler = styler.format(_p_value, subset=p_values, na_rep=MISSING)
    text = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c])
            or frame[c].dtype == object]
    if text:
        styler = styler.set_properties(subset=text, **{
            "text-align": "left", "white-space": "normal", "max-width": "36em"})
    numbers = [c for c in frame.columns if c not in text]
    if numbers:
        styler = styler.set_properties(subset=numbers, **{"text-align": "right"})
    styler = styler.set_table_styles(_TABLE_STYLE).set_table_attributes('class="dw-table"')
    styler = styler.set_uuid(hashlib.sha1(frame.to_csv().encode()).hexdigest()[:8])
    if not index:
        styler = styler.hide(axis="index")
    return styler.to_html()


def show_table(frame: pd.DataFrame, caption: str = "", *, number: int | None = None,
               top: int = TOP, index: bool = False, view: Html | None = None) -> Html:
    """Return the first ``top`` rows of a table with a numbered caption that says how
    many rows it shows of how many, as escaped HTML with the column names a reader
    understands (:func:`for_reader`); ``view`` shows the rows another way (marked
    sentences, say) under the same caption.

    >>> show_table(tables.actors, "The most-mentioned actors", number=1, top=3).markup[:60]
    "<div class='dw-table'><p><strong>Table 1.</strong> The most-"
    """
    label = f"<strong>Table {number}.</strong> " if number is not None else ""
    more = f" (showing {top:,} of {len(frame):,} rows)" if len(frame) > top else ""
    if frame.empty and view is None:
        more, view = " (no rows)", Html("")
    head = f"<p>{label}{html.escape(caption + more)}</p>" if caption or label or more else ""
    body = view.markup if view is not None else table_html(for_reader(frame.head(top)),
                                                            index=index)
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


# --------------------------------------------------------------------------- 03: sentiment

_MARK = {"positive": "#cfe3f1", "negative": "#f7d4bf"}  # light blue and vermillion
_TOKENS = re.compile(r"(\s+)")


def _valence_text(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


def mark_words(text: str, words: Iterable[tuple[str, float]]) -> str:
    """Return a sentence as escaped HTML with each word that carried valence in a
    ``<mark>`` (blue when positive, vermillion when negative) followed by its valence.

    ``words`` are the sentence's ``(word, valence)`` from the sentiment_words table, in
    reading order. Each is marked at its next occurrence in the sentence, found as VADER
    finds words: split at white space, stripped of punctuation (unless that leaves two
    characters or fewer), lower case. Words VADER read in an emoji's description are not
    marked. Only escaped text goes inside the markup.

    >>> mark_words("Not <good>, but GREAT!", [("good", -0.7), ("great", 5.7)])
    "Not &lt;<mark style='background: #f7d4bf' title='valence −0.70'>good</mark>\
<sup>−0.70</sup>&gt;, but <mark style='background: #cfe3f1' title='valence +5.70'>GREAT</mark>\
<sup>+5.70</sup>!"
    """
    pending: dict[str, deque[float]] = defaultdict(deque)
    for word, valence in words:
        pending[word].append(float(valence))
    parts = []
    for token in _TOKENS.split(text):
        core = token.strip(string.punctuation)
        start, end = (token.index(core), token.index(core) + len(core)) if len(core) > 2 \
            else (0, len(token))
        word = token[start:end]
        queue = pending.get(word.lower()) if token and not token.isspace() else None
        if not queue:
            parts.append(html.escape(token))
            continue
        value = queue.popleft()
        colour = _MARK["positive" if value > 0 else "negative"]
        shown = _valence_text(value)
        parts.append(f"{html.escape(token[:start])}<mark style='background: {colour}' "
                     f"title='valence {shown}'>{html.escape(word)}</mark><sup>{shown}</sup>"
                     f"{html.escape(token[end:])}")
    return "".join(parts)


def show_extreme_sentences(extremes: pd.DataFrame, sentiment_words: pd.DataFrame) -> Html:
    """Return the extreme sentences (:func:`~discourse_workbook.sentiment.
    extreme_sentences`) as an escaped HTML table whose sentences show the words that drove
    their score marked with their valence (:func:`mark_words`); the document is named
    only when there are several.

    Example: ``show_extreme_sentences(extreme_sentences(tables.sentences),
    tables.sentiment_words)``.
    """
    key = ["doc_id", "para_id", "sent_id"]
    if not {*key, "word", "valence"} <= set(sentiment_words.columns):  # tables of before
        sentiment_words = pd.DataFrame(columns=[*key, "word", "valence"])
    chosen = sentiment_words.merge(extremes[key].drop_duplicates(), on=key)
    by_sentence = {k: list(zip(g["word"], g["valence"], strict=True))
                   for k, g in chosen.groupby(key, sort=False)}
    several = extremes["doc_id"].nunique() > 1
    head = ["side", "rank", *(["document"] if several else []), "compound",
            "sentence (the words that drove the score marked, with their valence)"]
    rows = []
    for row in extremes.itertuples(index=False):
        words = by_sentence.get((row.doc_id, row.para_id, row.sent_id), [])
        cells = [html.escape(str(row.side)), str(int(row.rank)),
                 *([html.escape(str(row.doc_id))] if several else []),
                 html.escape(_valence_text(row.compound)), mark_words(str(row.text), words)]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    if not rows:
        rows = [f"<tr><td colspan='{len(head)}'>No sentence lies beyond the neutral band."
                "</td></tr>"]
    return Html(f"<table class='dw-table'><thead><tr>{header}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>")


def show_lexicon_effect(tone: pd.DataFrame, changed: pd.DataFrame, *,
                        lexicon: str | None) -> Html:
    """Return what an adjusted sentiment lexicon changed: each document's tone with
    VADER's lexicon and with the adjusted one (:func:`~discourse_workbook.stats.tone.
    lexicon_tone`), then the sentences whose score changed most
    (:func:`~discourse_workbook.stats.tone.changed_sentences`), as escaped HTML. Without
    a lexicon, one sentence on how to use one.
    """
    if not lexicon:
        return Html(
            "<p>These tables were made with VADER's own lexicon. To adjust it to a domain, "
            "give a file of words and valences (one a line, e.g. <code>security 0</code> to "
            "neutralise a topic word) with <code>--sentiment-lexicon FILE</code>, or set "
            "<code>options = {\"sentiment_lexicon\": \"FILE\"}</code> above; "
            "<code>resources/examples/security_lexicon.txt</code> in the package is an "
            "example. This section then compares the tone before and after.</p>")
    name = html.escape(str(lexicon))
    n_changed = int(tone["n_changed"].sum())
    intro = (f"<p>Made with the adjusted lexicon <code>{name}</code>: it changes the score "
             f"of {n_changed:,} of {int(tone['n_scored'].sum()):,} sentences.</p>")
    tone_table = table_html(tone.rename(columns={
        "doc_id": "document", "n_scored": "sentences", "n_changed": "changed",
        "n_relabelled": "changed label", "vader": "mean tone (VADER)",
        "adjusted": "mean tone (adjusted)", "label_vader": "label (VADER)",
        "label_adjusted": "label (adjusted)"}), digits=3)
    shown = for_reader(changed[["doc_id", "para_id", "vader", "adjusted", "text"]]).rename(
        columns={"vader": "VADER", "text": "sentence"})
    changes = (f"<p>The sentences whose score changes most ({len(changed):,} shown):</p>"
               + table_html(shown, digits=3) if len(changed) else "<p>No sentence changes.</p>")
    return Html(f"<div class='dw-table'>{intro}{tone_table}{changes}</div>")

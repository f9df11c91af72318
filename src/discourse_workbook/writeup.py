"""The write-up: sentences, short tables and captioned figures made from the tables.

Every number in a finding is computed here from the tables, so a notebook cell that
shows findings is one call. Everything shown as HTML is built with the document's text
escaped (a document's text is data, never markup).
"""

from __future__ import annotations

import base64
import html
import io
import platform
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from . import paths
from .sentiment import THRESHOLD
from .tables import Tables

TOP = 15
KEY_PACKAGES = (
    "discourse-workbook", "pandas", "numpy", "pyarrow", "nltk", "vaderSentiment", "wordfreq",
    "matplotlib", "networkx", "trafilatura", "papermill", "nbconvert", "ipywidgets",
)  # fmt: skip


# --------------------------------------------------------------------------- display


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
               n: int = TOP, index: bool = False) -> Html:
    """Return the first ``n`` rows of a table with a numbered caption, as escaped HTML,
    with the column names a reader understands (:func:`for_reader`).

    >>> show_table(actor_table(tables), "The most-mentioned actors", number=1)
    """
    label = f"<strong>Table {number}.</strong> " if number is not None else ""
    more = f" (first {n:,} of {len(frame):,} rows)" if len(frame) > n else ""
    head = f"<p>{label}{html.escape(caption + more)}</p>" if caption or label or more else ""
    body = table_html(for_reader(frame.head(n)), index=index)
    return Html(f"<div class='dw-table'>{head}{body}</div>")


def show_figure(fig, caption: str, *, number: int | None = None) -> Html:
    """Return a figure as an embedded PNG with a numbered caption (the figure is closed,
    so it is shown once).

    >>> show_figure(plot_paragraph_sentiment(paragraphs), "Sentiment by paragraph", number=1)
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


def environment() -> pd.DataFrame:
    """Return the Python version, the platform and the key packages' versions.

    >>> environment().set_index("component").loc["pandas", "version"]
    """
    rows = [("Python", platform.python_version()), ("Platform", platform.platform(terse=True))]
    for name in KEY_PACKAGES:
        try:
            rows.append((name, version(name)))
        except PackageNotFoundError:
            rows.append((name, "not installed"))
    return pd.DataFrame(rows, columns=["component", "version"])


def corpus_summary(tables: Tables) -> pd.DataFrame:
    """Return the size of the corpus: documents, paragraphs, sentences, words, skipped.

    >>> corpus_summary(tables)
    """
    docs = tables.documents
    rows = [
        ("documents", len(docs)),
        ("paragraphs", len(tables.paragraphs)),
        ("sentences", len(tables.sentences)),
        ("words", int(docs["n_tokens"].sum()) if len(docs) else 0),
        ("distinct words", int(tables.terms["term"].nunique()) if len(tables.terms) else 0),
        ("sources skipped", len(tables.skipped)),
    ]
    return pd.DataFrame(rows, columns=["measure", "count"])


def documents_overview(tables: Tables, *, n: int = TOP) -> pd.DataFrame:
    """Return the first ``n`` documents with their title, author and size.

    >>> documents_overview(tables)
    """
    columns = ["doc_id", "title", "author", "n_paragraphs", "n_sentences", "n_tokens"]
    docs = tables.documents
    return docs[[c for c in columns if c in docs.columns]].head(n).reset_index(drop=True)


def removed_by_cleaning(tables: Tables, *, n: int = TOP, limit: int = 100) -> pd.DataFrame:
    """Return what cleaning took out of each document (bylines, site furniture), one row
    per removed piece (the first ``n``), cut to ``limit`` characters.

    >>> removed_by_cleaning(tables)
    """
    docs = tables.documents
    rows = []
    if "removed" in docs.columns:
        for doc_id, removed in zip(docs["doc_id"], docs["removed"], strict=True):
            for piece in [] if removed is None else list(removed):
                rows.append((doc_id, excerpt(piece, limit=limit)))
    return pd.DataFrame(rows[:n], columns=["doc_id", "removed"])


def segment_summary(tables: Tables) -> pd.DataFrame:
    """Return how long paragraphs and sentences are: the smallest, median and largest
    number of sentences per paragraph and of words per paragraph and per sentence.

    >>> segment_summary(tables)
    """
    paras, sents = tables.paragraphs, tables.sentences
    measures = [
        ("sentences per paragraph", paras.get("n_sentences")),
        ("words per paragraph", paras.get("n_tokens")),
        ("words per sentence", sents.get("n_tokens")),
    ]
    rows = []
    for name, values in measures:
        if values is not None and len(values):
            rows.append((name, int(values.min()), float(values.median()), int(values.max())))
    return pd.DataFrame(rows, columns=["measure", "min", "median", "max"])


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def _quoted(text: object, limit: int = 70) -> str:
    return f"“{excerpt(str(text).strip(_QUOTE_MARKS + ' '), limit=limit).strip(_QUOTE_MARKS)}”"


def _signed(value: float) -> str:
    """A score with its sign and a true minus: +0.38, −0.35."""
    return f"{value:+.2f}".replace("-", "−")


_QUOTE_MARKS = "“”\"‘’'«»„"


def content_counts(terms: pd.DataFrame) -> pd.Series:
    """Return the total count of each content word (not a stopword, has a letter),
    most frequent first."""
    if not len(terms):
        return pd.Series(dtype="int64")
    words = terms[~terms["stopword"].astype(bool) & terms["term"].str.contains(r"[^\W\d_]")]
    counts = words.groupby("term")["count"].sum()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def _tone(value: float, threshold: float = THRESHOLD) -> str:
    if value >= threshold:
        return "positive"
    if value <= -threshold:
        return "negative"
    return "neutral"


# --------------------------------------------------------------------------- 02: terms


def top_key_terms(tables: Tables, *, n: int = 6) -> list[str]:
    """Return the ``n`` content words most characteristic of the text against general
    English (key and more frequent than in English, by G²); the most frequent content
    words when none is key.

    >>> top_key_terms(tables, n=3)
    ['eurasian', 'security', 'lavrov']
    """
    from .terms import keyness_general

    terms = tables.terms
    if not len(terms):
        return []
    keys = keyness_general(terms[terms["term"].str.contains(r"[^\W\d_]")], by="corpus")
    keys = keys[keys["key"] & (keys["direction"] == "positive") & ~keys["stopword"]]
    chosen = list(keys["term"].head(n))
    return chosen or list(content_counts(terms).head(n).index)


def key_or_frequent(tables: Tables, *, n: int = TOP) -> pd.DataFrame:
    """Return the ``n`` most frequent content words and whether each is *key* against
    general English or merely frequent: count, rate per 1,000 words in the text and in
    general English, log ratio, G², key.

    >>> key_or_frequent(tables).query("not key")  # frequent everywhere
    """
    from .terms import keyness_general

    columns = ["term", "count", "rate", "english_rate", "log_ratio", "g2", "key"]
    frequent = content_counts(tables.terms).head(n)
    if not len(frequent):
        return pd.DataFrame(columns=columns)
    chosen = tables.terms[tables.terms["term"].isin(frequent.index)]
    totals = tables.terms.assign(term=tables.terms["term"].where(
        tables.terms["term"].isin(frequent.index), "\0other"))
    table = keyness_general(totals, by="corpus", min_count=1)
    table = table[table["term"].isin(set(chosen["term"]))].rename(
        columns={"reference_rate": "english_rate"})
    table["key"] = table["key"] & (table["direction"] == "positive")
    order = {term: i for i, term in enumerate(frequent.index)}
    table = table.assign(_order=table["term"].map(order)).sort_values("_order")
    return table[columns].reset_index(drop=True)


def key_against_reference(tables: Tables, reference, *, n: int = TOP) -> pd.DataFrame | Html:
    """Return the ``n`` words most key in the text against a reference corpus the
    analyst names (any source ``analyze`` reads), with counts and rates in both, G²,
    its p-value and the log ratio; a note saying how to name one when ``reference``
    is empty.

    >>> key_against_reference(tables, ["tests/fixtures/inaugural"])
    """
    from .terms import keyness, load_reference_terms

    references = [reference] if isinstance(reference, str | Path) else list(reference or [])
    if not references:
        return show_text("No reference corpus was named: set the parameter reference to a "
                         "file or folder (for example a corpus of comparable texts) to see "
                         "which words are key against it.")
    table = keyness(tables.terms, load_reference_terms(references), by="corpus")
    table = table[table["key"] & (table["direction"] == "positive") & ~table["stopword"]]
    columns = ["term", "count", "rate", "reference_count", "reference_rate", "g2", "p",
               "log_ratio"]
    return table[columns].head(n).reset_index(drop=True)


# --------------------------------------------------------------------------- 03: sentiment


def paragraphs_to_read(tables: Tables, *, n: int = 3, limit: int = 140) -> pd.DataFrame:
    """Return the paragraphs worth reading closely: the ``n`` most negative, the ``n``
    most positive, and the ``n`` most mixed (widest range between their most negative
    and most positive sentence), with the start of each paragraph.

    >>> paragraphs_to_read(tables)
    """
    columns = ["why", "doc_id", "paragraph", "sentiment", "sentiment_min", "sentiment_max",
               "n_sentences", "begins"]
    paras = tables.paragraphs
    if not len(paras) or "sentiment" not in paras:
        return pd.DataFrame(columns=columns)
    scored = paras[paras["sentiment"].notna()].copy()
    scored["spread"] = scored["sentiment_max"] - scored["sentiment_min"]
    picks = [
        ("most negative", scored.nsmallest(n, "sentiment", keep="first")),
        ("most positive", scored.nlargest(n, "sentiment", keep="first")),
        ("mixed: sentences pull both ways",
         scored[(scored["sentiment_min"] <= -THRESHOLD) & (scored["sentiment_max"] >= THRESHOLD)]
         .nlargest(n, "spread", keep="first")),
    ]
    rows = []
    for why, chosen in picks:
        for row in chosen.itertuples(index=False):
            rows.append((why, row.doc_id, int(row.para_id) + 1, row.sentiment, row.sentiment_min,
                         row.sentiment_max, int(row.n_sentences), excerpt(row.text, limit=limit)))
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- 04: actors


def actor_table(tables: Tables, *, n: int = TOP) -> pd.DataFrame:
    """Return the ``n`` most-mentioned actors: kind, mentions, paragraphs that mention
    them, mean sentiment of the sentences naming them and how many sentences that is.

    >>> actor_table(tables, n=10)
    """
    columns = ["actor", "kind", "mentions", "paragraphs", "sentiment", "n_sentences"]
    actors = tables.actors
    if not len(actors):
        return pd.DataFrame(columns=columns)
    ordered = actors.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable")
    return ordered[[c for c in columns if c in ordered]].head(n).reset_index(drop=True)


def alias_counts(tables: Tables, *, n: int = TOP) -> pd.DataFrame:
    """Return what was counted for each actor: the names as written and how often, so
    that metonyms ("Moscow") and demonyms ("Russian") can be checked. Most frequent first.

    >>> alias_counts(tables).query("actor == 'Russia'")
    """
    columns = ["actor", "alias", "demonym", "mentions"]
    mentions = tables.mentions
    if not len(mentions):
        return pd.DataFrame(columns=columns)
    demonym = mentions.get("demonym", False)
    table = (mentions.assign(demonym=demonym)
             .groupby(["actor", "alias", "demonym"], sort=False).size()
             .rename("mentions").reset_index())
    table = table.sort_values(["mentions", "actor", "alias"], ascending=[False, True, True],
                              kind="stable")
    return table[columns].head(n).reset_index(drop=True)


def quotations(tables: Tables, kind: str = "speech", *, n: int = TOP,
               limit: int = 140) -> pd.DataFrame:
    """Return the first ``n`` quotations of a ``kind`` ("speech" or "scare") with their
    speaker and the start of the quoted words.

    >>> quotations(tables, "speech")
    """
    columns = ["doc_id", "paragraph", "speaker", "n_words", "quoted"]
    quotes = tables.quotes
    if not len(quotes):
        return pd.DataFrame(columns=columns)
    chosen = quotes[quotes["kind"] == kind].head(n)
    return pd.DataFrame({
        "doc_id": chosen["doc_id"].to_numpy(),
        "paragraph": (chosen["para_id"] + 1).to_numpy(),
        "speaker": chosen["speaker"].to_numpy(),
        "n_words": chosen["n_words"].to_numpy(),
        "quoted": [excerpt(t, limit=limit) for t in chosen["text"]],
    }, columns=columns)


# --------------------------------------------------------------------------- 05: write-up


def _paragraph_name(tables: Tables, doc_id: object, para_id: int) -> str:
    where = f"paragraph {int(para_id) + 1}"
    return where if len(tables.documents) == 1 else f"{where} of {doc_id}"


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _the(actor: str, kind: str | None = None) -> str:
    """"the United States", "the West", but "Russia", "Vladimir Putin"."""
    needs = {"United States", "United Kingdom", "European Union", "Kremlin", "Pentagon",
             "White House", "Netherlands", "Philippines"}
    if actor.startswith(("the ", "The ")) or kind == "person":
        return actor
    return f"the {actor}" if actor in needs or actor.isupper() and kind == "group" else actor


def subject(tables: Tables) -> str:
    """Return what was analysed, for a title: “Title” by Author, or "N documents"."""
    docs = tables.documents
    if len(docs) != 1:
        return _count(len(docs), "document")
    row = docs.iloc[0]
    title = row.get("title")
    name = f"“{title}”" if isinstance(title, str) and title.strip() else str(row["doc_id"])
    author = row.get("author")
    return f"{name} by {author}" if isinstance(author, str) and author.strip() else name


def show_subject(tables: Tables) -> Html:
    """Return the write-up's heading: what was analysed (escaped)."""
    return Html(f"<h2>{html.escape(subject(tables))}</h2>")


def findings(tables: Tables, *, threshold: float = THRESHOLD) -> list[str]:
    """Return the key findings as sentences whose numbers come from the tables.

    >>> findings(tables)[0]
    '“The West, Indubitably, Has Lost Russia …” by Alastair Crooke has 49 paragraphs …'
    """
    sentences = [_corpus_finding(tables)]
    for finding in (_terms_finding, tone_finding, _paragraph_finding, _actor_finding,
                    _company_finding, _actor_tone_finding, _voices_finding, _voice_tone_finding):
        sentence = finding(tables, threshold)
        if sentence:
            sentences.append(sentence)
    return sentences


def show_findings(tables: Tables, *, threshold: float = THRESHOLD) -> Html:
    """Return the key findings as a numbered list (escaped HTML)."""
    return show_sentences(findings(tables, threshold=threshold), numbered=True)


def _corpus_finding(tables: Tables) -> str:
    docs = tables.documents
    words = int(docs["n_tokens"].sum()) if len(docs) else 0
    size = (f"{_count(len(tables.paragraphs), 'paragraph')}, "
            f"{_count(len(tables.sentences), 'sentence')} and {_count(words, 'word')}")
    if len(docs) == 1:
        return f"The text analysed is {subject(tables)}: {size}."
    return f"The corpus holds {_count(len(docs), 'document')} with {size} in all."


def _terms_finding(tables: Tables, threshold: float = THRESHOLD) -> str | None:
    counts = content_counts(tables.terms)
    if not len(counts):
        return None
    frequent = _list([f"“{t}” ({c})" for t, c in counts.head(3).items()])
    sentence = f"The most frequent content words are {frequent}"
    keys = top_key_terms(tables, n=3)
    key_set = set(keys) - set(counts.head(3).index)
    if keys and key_set:
        sentence += (f"; the words that most set {_what(tables).lower()} apart from general "
                     f"English are "
                     f"{_list([f'“{t}”' for t in keys])}")
    return sentence + "."


def tone_finding(tables: Tables, threshold: float = THRESHOLD) -> str | None:
    """Return the sentence on the overall tone (None without sentiment scores)."""
    values = tables.sentences.get("compound")
    if values is None or not values.notna().any():
        return None
    values = values.dropna()
    mean = float(values.mean())
    negative = float((values <= -threshold).mean())
    positive = float((values >= threshold).mean())
    return (f"Overall the tone is {_tone(mean, threshold)}: the mean sentence score is "
            f"{_signed(mean)} (VADER compound, −1 to +1); {negative:.0%} of the "
            f"{len(values):,} sentences are negative and {positive:.0%} positive.")


def _paragraph_finding(tables: Tables, threshold: float = THRESHOLD) -> str | None:
    paras = tables.paragraphs
    if "sentiment" not in paras or not paras["sentiment"].notna().any():
        return None
    scored = paras[paras["sentiment"].notna()]
    low = scored.loc[scored["sentiment"].idxmin()]
    high = scored.loc[scored["sentiment"].idxmax()]
    n_neg = int((scored["sentiment"] <= -threshold).sum())
    n_pos = int((scored["sentiment"] >= threshold).sum())
    return (f"Of {_count(len(scored), 'paragraph')}, {n_neg:,} lean negative and {n_pos:,} "
            f"positive. The most negative is {_paragraph_name(tables, low.doc_id, low.para_id)} "
            f"({_signed(low.sentiment)}), which begins {_quoted(low.text)}; the most positive is "
            f"{_paragraph_name(tables, high.doc_id, high.para_id)} ({_signed(high.sentiment)}), "
            f"which begins {_quoted(high.text)}.")


def _actor_finding(tables: Tables, threshold: float = THRESHOLD) -> str | None:
    actors = actor_table(tables, n=len(tables.actors))
    if not len(actors):
        return None
    most = int(actors["mentions"].iloc[0])
    tied = actors[actors["mentions"] == most]
    of = _count(len(tables.paragraphs), "paragraph")
    if len(tied) > 1:
        names = _list([_the(str(r.actor), r.kind) for r in tied.head(4).itertuples()])
        more = ", among others," if len(tied) > 4 else ""
        return _capital(f"{names}{more} are the most-mentioned actors, with "
                        f"{_count(most, 'mention')} each.")
    top = actors.iloc[0]
    sentence = (f"{_the(str(top.actor), top.kind)} is the most-mentioned actor: "
                f"{_count(most, 'mention')} in {int(top.paragraphs)} of {of}")
    others = [f"{_the(str(r.actor), r.kind)} ({int(r.mentions)})"
              for r in actors.iloc[1:3].itertuples()]
    if others:
        sentence += f", followed by {_list(others)}"
    return _capital(sentence + ".")


def _company_finding(tables: Tables, threshold: float = THRESHOLD) -> str | None:
    from .actors import cooccurrence

    if not len(tables.mentions):
        return None
    pairs = cooccurrence(tables.mentions, unit="paragraph")
    if not len(pairs) or int(pairs["count"].iloc[0]) < 2:
        return None
    kinds = dict(zip(tables.actors["actor"], tables.actors["kind"], strict=True))
    most = int(pairs["count"].iloc[0])
    tied = pairs[pairs["count"] == most]
    names = [f"{_the(a, kinds.get(a))} and {_the(b, kinds.get(b))}"
             for a, b in zip(tied["actor_a"], tied["actor_b"], strict=True)]
    if len(names) > 1:
        more = ", among others" if len(names) > 3 else ""
        return (f"The actors most often named in the same paragraph are "
                f"{', and '.join(names[:3])}{more}: each pair together in "
                f"{_count(most, 'paragraph')}.")
    return (f"The actors most often named in the same paragraph are {names[0]}: together in "
            f"{_count(most, 'paragraph')}.")


def _what(tables: Tables) -> str:
    return "The text" if len(tables.documents) == 1 else "The corpus"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _actor_tone_finding(tables: Tables, threshold: float = THRESHOLD, *,
                        min_sentences: int = 5) -> str | None:
    actors = tables.actors
    if not len(actors) or "sentiment" not in actors:
        return None
    enough = actors[(actors["n_sentences"] >= min_sentences) & actors["sentiment"].notna()]
    if len(enough) < 2:
        return None
    low = enough.loc[enough["sentiment"].idxmin()]
    high = enough.loc[enough["sentiment"].idxmax()]
    return (f"Among actors named in at least {min_sentences} sentences, the sentences naming "
            f"{_the(low.actor, low.kind)} are the most negative (mean "
            f"{_signed(low.sentiment)} over {int(low.n_sentences)}) and those naming "
            f"{_the(high.actor, high.kind)} the most positive ({_signed(high.sentiment)} over "
            f"{int(high.n_sentences)}); a sentence's score is its tone, not necessarily the "
            f"author's attitude to the actor.")


def _voices_finding(tables: Tables, threshold: float = THRESHOLD) -> str | None:
    quotes = tables.quotes
    if not len(quotes) or "kind" not in quotes:
        return None
    speech = quotes[quotes["kind"] == "speech"]
    scare = int((quotes["kind"] == "scare").sum())
    if not len(speech):
        return (f"{_what(tables)} quotes no one directly; it puts "
                f"{_count(scare, 'word or phrase', 'words or phrases')} in scare quotes.")
    named = speech["speaker"].dropna()
    words = int(tables.documents["n_tokens"].sum()) or 1
    share = int(speech["n_words"].sum()) / words
    sentence = (f"{_what(tables)} quotes {_count(len(speech), 'passage')} of direct speech "
                f"({share:.0%} of its words)")
    if len(named):
        counts = named.value_counts()
        sentence += f" from {_count(named.nunique(), 'named speaker')}"
        if len(counts) == 1 or counts.iloc[0] > counts.iloc[1]:
            sentence += (f", most often {counts.index[0]} "
                         f"({_count(int(counts.iloc[0]), 'quotation')})")
    unknown = len(speech) - len(named)
    if unknown:
        sentence += f"; {unknown} could not be attributed"
    return sentence + (f". It also puts {_count(scare, 'word or phrase', 'words or phrases')} "
                       "in scare quotes, keeping them at a distance.")


def _voice_tone_finding(tables: Tables, threshold: float = THRESHOLD) -> str | None:
    from .sentiment import voice_split

    sents = tables.sentences
    if "voice" not in sents or "compound" not in sents:
        return None
    split = voice_split(sents, threshold=threshold).set_index("voice")
    if not {"author", "quoted"} <= set(split.index) or split.loc["quoted", "n_scored"] < 2:
        return None
    author, quoted = split.loc["author"], split.loc["quoted"]
    return (f"Sentences in the author's own voice average {_signed(author.sentiment)} "
            f"({_count(int(author.n_scored), 'sentence')}); quoted sentences average "
            f"{_signed(quoted.sentiment)} ({_count(int(quoted.n_scored), 'sentence')}).")



def caption(name: str, tables: Tables, *, threshold: float = THRESHOLD, window: int = 3) -> str:
    """Return the caption of a write-up figure (by its saved name), with its numbers.

    >>> caption("paragraph_sentiment", tables)
    """
    n_paras = _count(len(tables.paragraphs), "paragraph")
    captions = {
        "paragraph_sentiment": (
            f"Tone paragraph by paragraph: the mean VADER compound score of each paragraph's "
            f"sentences, for {n_paras} in reading order. Bars within ±{threshold:g} (grey band) "
            f"are neutral; blue leans positive, vermillion negative."),
        "sentiment_arc": (
            f"The tone's arc: the rolling mean of paragraph sentiment over {window} paragraphs; "
            f"each point is one sentence."),
        "key_terms": (
            "Words that set the text apart from general English (wordfreq), ranked by "
            "log-likelihood G²; coloured bars are key (G² ≥ 15.13 and at least twice as frequent "
            "as in English), grey bars merely frequent."),
        "actor_mentions": (
            f"The most-mentioned actors ({_count(len(tables.actors), 'actor')} found with the "
            f"lexicon, {_count(len(tables.mentions), 'mention')} in all); counts include "
            f"metonyms such as “Moscow” for Russia and, unless switched off, demonyms."),
        "actor_network": (
            "Actors named in the same paragraph: the thicker the line, the more paragraphs "
            "name both."),
        "voice_share": (
            "Who speaks: the share of the text's words in the author's voice and in direct "
            "quotations, by speaker."),
    }
    if name not in captions:
        raise KeyError(f"no caption for a figure named {name!r}")
    return captions[name]


def provenance(tables: Tables) -> str:
    """Return one sentence on what produced the tables: version, options and sources."""
    manifest = tables.manifest or {}
    options = manifest.get("options", {})
    sources = [s.get("path", "") for s in manifest.get("sources", [])]
    names = _list([Path(s).name for s in sources]) if sources else "the sources"
    lexicon = Path(options.get("actors") or paths.ACTORS_LEXICON)
    return (f"Tables made by discourse-workbook {manifest.get('version', '?')} on Python "
            f"{manifest.get('python', '?')} from {names}, with the actor lexicon "
            f"{lexicon.name}, demonyms "
            f"{'counted' if options.get('demonyms', True) else 'not counted'} and a neutral "
            f"band of ±{options.get('threshold', THRESHOLD):g}; the manifest beside the tables "
            f"records a SHA-256 hash of every source and lexicon.")


def show_text(text: str) -> Html:
    """Return a paragraph of text as escaped HTML."""
    return Html(f"<p>{html.escape(text)}</p>")

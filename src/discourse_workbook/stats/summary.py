"""The write-up's numbers: everything the findings and the index page report, computed
once from the tables (so that presenting them computes nothing)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..actors import cooccurrence
from ..sentiment import voice_split
from .actors import top_actors
from .frequencies import content_counts, display_forms
from .keyness import top_key_terms
from .tone import tone_dominance, tone_words


@dataclass
class Summary:
    """The numbers of a write-up.

    ``documents`` (doc_id, title, author, n_tokens), the corpus's size, the sentiment
    ``threshold``; the most ``frequent`` content words and the ``key_terms``; the sentence
    scores' ``tone`` (mean, shares, number); the most negative and most positive
    paragraphs (``darkest``, ``brightest``) and how many lean either way; the ``actors``
    (most mentioned first), the ``pairs`` named in the same paragraph, the direct
    quotations' ``speakers`` and words, the scare quotes, and the ``voices`` (sentiment
    of the author's and the quoted sentences); how the text writes the terms shown
    (``forms``); the words that carry the tone
    (``tone_words``, the strongest of each side), whether a few of them carry a side
    (``dominance``) and the ``sentiment_lexicon`` that adjusted VADER's, if any.
    """

    documents: pd.DataFrame
    n_paragraphs: int
    n_sentences: int
    threshold: float
    frequent: pd.Series
    key_terms: list[str]
    tone: dict | None
    darkest: dict | None
    brightest: dict | None
    leaning: dict
    actors: pd.DataFrame
    pairs: pd.DataFrame
    speech: pd.DataFrame
    n_scare: int
    voices: pd.DataFrame | None
    forms: dict[str, str]
    tone_words: pd.DataFrame | None = None
    dominance: pd.DataFrame | None = None
    sentiment_lexicon: str | None = None

    def form(self, term: str) -> str:
        """How the text writes a term ("u.s." → "U.S.")."""
        return self.forms.get(term, term)

    @property
    def n_words(self) -> int:
        return int(self.documents["n_tokens"].sum()) if len(self.documents) else 0


def summarise(tables, *, threshold: float | None = None) -> Summary:
    """Return the write-up's numbers for a set of tables (:class:`~discourse_workbook.
    pipeline.store.Tables`); ``threshold`` defaults to the one the tables were made with.
    """
    threshold = tables.options.threshold if threshold is None else threshold
    docs = tables.documents
    columns = [c for c in ("doc_id", "title", "author", "n_tokens") if c in docs.columns]
    paragraphs, sentences, quotes = tables.paragraphs, tables.sentences, tables.quotes
    darkest = brightest = None
    leaning = {"negative": 0, "positive": 0, "scored": 0}
    if "sentiment" in paragraphs and paragraphs["sentiment"].notna().any():
        scored = paragraphs[paragraphs["sentiment"].notna()]
        darkest = _row(scored.loc[scored["sentiment"].idxmin()])
        brightest = _row(scored.loc[scored["sentiment"].idxmax()])
        leaning = {"negative": int((scored["sentiment"] <= -threshold).sum()),
                   "positive": int((scored["sentiment"] >= threshold).sum()),
                   "scored": len(scored)}
    words = tables.sentiment_words
    has_words = {"word", "valence"} <= set(words.columns)
    frequent = content_counts(tables.terms).head(10)
    key_terms = top_key_terms(tables.terms, top=3)
    has_kind = len(quotes) and "kind" in quotes
    speech = quotes[quotes["kind"] == "speech"][["speaker", "n_words"]] if has_kind else None
    return Summary(
        documents=docs[columns].reset_index(drop=True),
        n_paragraphs=len(paragraphs),
        n_sentences=len(sentences),
        threshold=threshold,
        frequent=frequent,
        key_terms=key_terms,
        tone=_tone(sentences, threshold),
        darkest=darkest,
        brightest=brightest,
        leaning=leaning,
        actors=top_actors(tables.actors, top=len(tables.actors)),
        pairs=cooccurrence(tables.mentions, unit="paragraph") if len(tables.mentions)
        else pd.DataFrame(columns=["actor_a", "actor_b", "count"]),
        speech=speech if speech is not None else pd.DataFrame(columns=["speaker", "n_words"]),
        n_scare=int((quotes["kind"] == "scare").sum()) if has_kind else 0,
        voices=(voice_split(sentences, threshold=threshold)
                if {"voice", "compound"} <= set(sentences.columns) else None),
        tone_words=tone_words(words, top=3) if has_words else None,
        dominance=tone_dominance(words) if has_words else None,
        sentiment_lexicon=tables.options.sentiment_lexicon,
        forms=display_forms(sentences, [*frequent.index, *key_terms]),
    )


def _row(row: pd.Series) -> dict:
    return {"doc_id": row["doc_id"], "para_id": int(row["para_id"]),
            "sentiment": float(row["sentiment"]), "text": str(row["text"])}


def _tone(sentences: pd.DataFrame, threshold: float) -> dict | None:
    values = sentences.get("compound")
    if values is None or not values.notna().any():
        return None
    values = values.dropna()
    return {"mean": float(values.mean()), "negative": float((values <= -threshold).mean()),
            "positive": float((values >= threshold).mean()), "n": len(values)}

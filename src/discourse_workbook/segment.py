"""Segment documents into paragraphs, sentences and word tokens.

Sentences come from NLTK's Punkt with an abbreviation list (no downloaded model), so
"the U.S. Ambassador", "Mr. Smith" and "Dec. 19" stay whole; a closing quotation mark
stays with its sentence; a runaway sentence is cut at clause punctuation so that no
later step is handed more than ``MAX_SENTENCE_WORDS`` words. Word tokens come from one
compiled regular expression: every step is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pandas as pd
from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from . import paths

MAX_SENTENCE_WORDS = 250
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A word: letters/digits joined by inner hyphens or apostrophes, or dotted initials (U.S.).
TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-‐'’][^\W_]+)*")
_WORDLIKE = re.compile(r"[^\W_]")
_CLAUSE_BREAK = re.compile(r"[;:,–—]\s|\s[–—]\s|\s-\s")
_WORD_BREAK = re.compile(r"\s+")
_CONTRACTIONS_S = {
    "it's", "that's", "he's", "she's", "there's", "here's", "what's", "who's", "where's",
    "how's", "let's", "when's", "why's",
}  # fmt: skip


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs: at blank lines, or at every line break when the
    text has no blank line (one line per paragraph). Lines inside a paragraph are
    joined with a space.

    >>> split_paragraphs("One\\ntwo.\\n\\nThree.")
    ['One two.', 'Three.']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    paragraphs = (" ".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks)
    return [p for p in paragraphs if p]


def load_abbreviations(path=None) -> set[str]:
    """Read the abbreviation list: lower case, no final full stop, ``#`` comments."""
    path = path or paths.ABBREVIATIONS
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower().rstrip(".") for line in lines if line.strip() and line[0] != "#"}


class _LanguageVars(PunktLanguageVars):
    """Punkt's English conventions with its patterns compiled by the standard ``re``.

    NLTK routes every pattern through a time-limited third-party engine to defend
    against patterns supplied by callers; Punkt's own fixed patterns do not need that,
    and ``re`` runs them about three times faster. The patterns are NLTK's, unchanged.
    """

    re_boundary_realignment = re.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self):
        try:
            return self._re_word_tokenizer
        except AttributeError:
            self._re_word_tokenizer = re.compile(
                self._word_tokenize_fmt
                % {
                    "NonWord": self._re_non_word_chars,
                    "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start,
                },
                re.UNICODE | re.VERBOSE,
            )
            return self._re_word_tokenizer

    def period_context_re(self):
        try:
            return self._re_period_context
        except AttributeError:
            self._re_period_context = re.compile(
                self._period_context_fmt
                % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE,
            )
            return self._re_period_context


_NON_PUNCT = re.compile(r"[^\W\d]")


class _Token(PunktToken):
    """Punkt's token with its fixed patterns compiled by the standard ``re``."""

    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")

    @property
    def is_non_punct(self):
        return _NON_PUNCT.search(self.type)


class _SentenceTokenizer(PunktSentenceTokenizer):
    """Punkt, remembering its decision for each potential-boundary context it has seen:
    with fixed parameters the decision depends on the context's text alone, and about
    half of the contexts of a corpus ("States. We") recur."""

    MEMORY = 100_000

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._decisions: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        decision = self._decisions.get(text)
        if decision is None:
            if len(self._decisions) >= self.MEMORY:
                self._decisions.clear()
            decision = self._decisions[text] = super().text_contains_sentbreak(text)
        return decision


@lru_cache(maxsize=4)
def _punkt(abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return _SentenceTokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token)


def sentence_spans(
    paragraph: str, abbreviations: Iterable[str] | None = None
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences of one paragraph.

    >>> p = "The U.S. Ambassador met Mr. Smith. He left."
    >>> [p[s:e] for s, e in sentence_spans(p)]
    ['The U.S. Ambassador met Mr. Smith.', 'He left.']
    """
    abbrevs = frozenset(abbreviations) if abbreviations is not None else _default_abbreviations()
    spans = _merge_fragments(paragraph, punkt_spans(_punkt(abbrevs), paragraph))
    return [piece for span in spans for piece in _cap_span(paragraph, span)]


def punkt_spans(tokenizer: PunktSentenceTokenizer, text: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans of a text. A text in which Punkt's own pattern finds no
    potential sentence end is one sentence, exactly as Punkt would return it, without
    the cost of running it."""
    if tokenizer._lang_vars.period_context_re().search(text) is None:
        end = len(text.rstrip())
        return [(0, end)] if end else []
    return list(tokenizer.span_tokenize(text))


@lru_cache(maxsize=1)
def _default_abbreviations() -> frozenset[str]:
    return frozenset(load_abbreviations())


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a span with no word in it (a stray ``”.`` or ``)``) to the sentence before."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not _WORDLIKE.search(text, start, end):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _cap_span(text: str, span: tuple[int, int]) -> Iterator[tuple[int, int]]:
    """Cut a sentence longer than MAX_SENTENCE_WORDS words into pieces, preferring the
    last clause break (, ; : –) before the limit, else a plain word break. Linear in
    the sentence's length: the word breaks are found once."""
    start, end = span
    if end - start < 2 * MAX_SENTENCE_WORDS - 1:  # too short to hold that many words
        yield start, end
        return
    breaks = [m.end() for m in _WORD_BREAK.finditer(text, start, end)]
    first = 0  # index in breaks of the first break after `start`
    while len(breaks) - first >= MAX_SENTENCE_WORDS:
        limit = breaks[first + MAX_SENTENCE_WORDS - 1]
        floor = breaks[first + MAX_SENTENCE_WORDS // 4]
        cut = limit
        for match in _CLAUSE_BREAK.finditer(text, floor, limit):
            cut = match.end()
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while first < len(breaks) and breaks[first] <= cut:
            first += 1
    yield start, end


def tokenize(text: str) -> list[str]:
    """Return the word tokens of a text, as they are written.

    >>> tokenize("Russia’s U.S.-centric, war-weary allies")
    ['Russia’s', 'U.S.', 'centric', 'war-weary', 'allies']
    """
    return TOKEN.findall(text)


def to_term(token: str) -> str:
    """Case-fold a token, unify apostrophes and drop a possessive ('s or a final ').

    >>> [to_term(t) for t in ["Russia’s", "Allies'", "It's", "U.S."]]
    ['russia', 'allies', "it's", 'u.s.']
    """
    term = token.casefold().replace("’", "'").replace("‐", "-")
    if term.endswith("'s") and term not in _CONTRACTIONS_S:
        return term[:-2]
    return term.rstrip("'") or term


PARAGRAPH_COLUMNS = ["doc_id", "para_id", "text", "n_sentences", "n_tokens"]
SENTENCE_COLUMNS = ["doc_id", "para_id", "sent_id", "text", "start", "end", "n_tokens"]


def segment_document(doc_id: str, text: str) -> tuple[list[dict], list[dict]]:
    """Split one document's body into paragraph rows and sentence rows.

    Sentence rows carry ``start``/``end``: the sentence's span in its paragraph's text.
    """
    paragraphs, sentences = _empty_columns()
    _segment_into(paragraphs, sentences, doc_id, text)
    return _rows(paragraphs), _rows(sentences)


def _empty_columns() -> tuple[dict[str, list], dict[str, list]]:
    return {n: [] for n in PARAGRAPH_COLUMNS}, {n: [] for n in SENTENCE_COLUMNS}


def _rows(columns: dict[str, list]) -> list[dict]:
    return [dict(zip(columns, values, strict=True))
            for values in zip(*columns.values(), strict=True)]


def _segment_into(
    paragraphs: dict[str, list], sentences: dict[str, list], doc_id: str, text: str
) -> None:
    """Append one document's paragraphs and sentences to the tables' columns."""
    sent_id = 0
    for para_id, para in enumerate(split_paragraphs(text)):
        spans = sentence_spans(para)
        n_tokens = 0
        for start, end in spans:
            sentence = para[start:end]
            count = len(TOKEN.findall(sentence))
            n_tokens += count
            row = (doc_id, para_id, sent_id, sentence, start, end, count)
            for name, value in zip(SENTENCE_COLUMNS, row, strict=True):
                sentences[name].append(value)
            sent_id += 1
        row = (doc_id, para_id, para, len(spans), n_tokens)
        for name, value in zip(PARAGRAPH_COLUMNS, row, strict=True):
            paragraphs[name].append(value)


def segment_documents(documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the ``paragraphs`` and ``sentences`` tables of a documents table.

    ``sent_id`` counts sentences within a document (0-based, reading order).

    >>> paragraphs, sentences = segment_documents(load_documents())
    """
    paragraphs, sentences = _empty_columns()
    for doc_id, text in zip(documents["doc_id"].tolist(), documents["text"].tolist(),
                            strict=True):
        _segment_into(paragraphs, sentences, doc_id, text)
    return (pd.DataFrame(paragraphs, columns=PARAGRAPH_COLUMNS),
            pd.DataFrame(sentences, columns=SENTENCE_COLUMNS))

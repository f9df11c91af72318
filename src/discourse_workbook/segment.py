"""Segment documents into paragraphs, sentences and word tokens.

Sentences come from NLTK's Punkt with an abbreviation list (no downloaded model), so
"the U.S. Ambassador", "Mr. Smith" and "Dec. 19" stay whole; a closing quotation mark
stays with its sentence; a runaway sentence is cut at clause punctuation so that no
later step is handed more than ``MAX_SENTENCE_WORDS`` words. Word tokens come from one
compiled regular expression: every step is linear in the length of the text.

NLTK's Punkt and ``TOKEN`` define the result; for speed, Punkt's decisions are taken
directly over each paragraph with Punkt's own patterns (:func:`punkt_spans`), and the
tokens of all sentences are counted at once (:func:`count_tokens`).
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add

import numpy as np
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
# A word: letters/digits joined by inner hyphens or apostrophes, or dotted initials (U.S.):
# ``(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-‐'’][^\W_]+)*``, written to test the first character
# once for both kinds (a quarter faster, the same matches).
TOKEN = re.compile(r"[^\W_](?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|[^\W_]*(?:[-‐'’][^\W_]+)*)")
_WORDLIKE = re.compile(r"[^\W_]")
_LONG = 2 * MAX_SENTENCE_WORDS - 1  # the fewest characters that hold that many words
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
    if text.find("\r") >= 0:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINE.split(text)
    if len(blocks) == 1:
        return list(filter(None, map(str.strip, text.split("\n"))))
    if text.count("\n") == 2 * (len(blocks) - 1):  # each break took two: one line a block
        return list(filter(None, map(str.strip, blocks)))
    return list(filter(None, map(_join_lines, blocks)))


def _join_lines(block: str) -> str:
    """The non-blank lines of a block, stripped and joined with a space."""
    return " ".join(filter(None, map(str.strip, block.split("\n"))))


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


@lru_cache(maxsize=4)
def _punkt(abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    """NLTK's Punkt with these abbreviations as its only parameters, its patterns
    compiled by ``re``: the definition of the sentences, which :func:`punkt_spans`
    computes directly."""
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token)


# Punkt's own patterns: a potential sentence end with what follows it, the closing
# punctuation that realignment moves onto the sentence before, Punkt's word tokens, and
# its number and initial tokens.
_PERIOD_CONTEXT = _LanguageVars().period_context_re()
_REALIGNMENT = _LanguageVars.re_boundary_realignment
_CLOSING = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"  # what a realignment starts with
_PUNKT_WORD = _LanguageVars()._word_tokenizer_re()
_NUMBER = _Token._RE_NUMERIC
_INITIAL = _Token._RE_INITIAL
_SENTENCE_END = (".", "?", "!")
_NON_WORD = ")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!"  # what ends a Punkt word
_NOT_A_START = tuple(";:,.!?")  # Punkt: no sentence starts with these
_OTHER_SPACES = string.whitespace.replace(" ", "")  # ASCII whitespace but the space
_START = re.Match.start


def _ends_pattern(ends: str) -> re.Pattern:
    """Punkt's pattern for a potential sentence end, for some of its end characters."""
    lang = _LanguageVars()
    chars = f"[{re.escape(ends)}]"
    return re.compile(lang._period_context_fmt % {"NonWord": lang._re_non_word_chars,
                                                  "SentEndChars": chars}, re.UNICODE | re.VERBOSE)


# Together they find what _PERIOD_CONTEXT finds; a pattern that starts with one character
# is found far faster than one that starts with a set of three.
_STOP_ENDS, _QUESTION_ENDS, _EXCLAMATION_ENDS = map(_ends_pattern, ".?!")


def sentence_spans(
    paragraph: str, abbreviations: Iterable[str] | None = None
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences of one paragraph.

    >>> p = "The U.S. Ambassador met Mr. Smith. He left."
    >>> [p[s:e] for s, e in sentence_spans(p)]
    ['The U.S. Ambassador met Mr. Smith.', 'He left.']
    """
    abbrevs = frozenset(abbreviations) if abbreviations is not None else _default_abbreviations()
    ends = _PERIOD_CONTEXT.finditer(paragraph)
    return _sentence_spans(paragraph, 0, len(paragraph), ends, abbrevs)


@lru_cache(maxsize=1)
def _default_abbreviations() -> frozenset[str]:
    return frozenset(load_abbreviations())


def _sentence_spans(
    text: str, lo: int, hi: int, ends: Iterable[re.Match], abbreviations: frozenset[str],
    plain: bool | None = None,
) -> list[tuple[int, int]]:
    """The sentence spans of the paragraph ``text[lo:hi]``, as positions in ``text``,
    given the potential sentence ends Punkt's pattern finds in the paragraph."""
    spans = _punkt_spans(text, lo, hi, ends, abbreviations, plain)
    if len(spans) > 1:
        spans = _merge_fragments(text, spans)
    if hi - lo >= _LONG and any(end - start >= _LONG for start, end in spans):
        return [piece for span in spans for piece in _cap_span(text, span)]
    return spans


def punkt_spans(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Punkt's sentence spans of a text: ``list(_punkt(abbreviations).span_tokenize(text))``."""
    return _punkt_spans(text, 0, len(text), _PERIOD_CONTEXT.finditer(text), abbreviations)


def _punkt_spans(
    text: str, lo: int, hi: int, ends: Iterable[re.Match], abbreviations: frozenset[str],
    plain: bool | None = None,
) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``text[lo:hi]``, as positions in ``text``, given the
    potential sentence ends (matches of Punkt's pattern within ``text[lo:hi]`` alone)
    and, if known, whether the only ASCII whitespace there is the space (``plain``).

    NLTK's steps, taken directly over the text: each potential sentence end with the
    word before it, the decision there (:func:`_is_break`), the slices between breaks,
    and the realignment of closing punctuation (:func:`_realign`). As in NLTK, the word
    before an end starts after the last ASCII whitespace since the previous end, else
    where the previous end's word starts; an end whose word runs on into the next end's
    ("acting!!!") is passed over.
    """
    slices = []
    last_break = lo
    closing = False  # does a slice after the first open with closing punctuation?
    end, word_start, end_start = None, lo, lo
    for match in ends:
        start = match.start()
        if plain is None:
            plain = _plain(text, lo, hi)
        if plain:
            space = text.rfind(" ", end_start, start)
        else:
            space = max(text.rfind(char, end_start, start) for char in string.whitespace)
        word = space + 1 if space > end_start else word_start
        if end is not None and end_start <= word and _is_break(text, end, word_start,
                                                                abbreviations):
            slices.append((last_break, end_start + 1))
            next_token = end.start(2)
            last_break = next_token if next_token >= 0 else end_start + 1
            closing = closing or text[last_break] in _CLOSING
        end, word_start, end_start = match, word, start
    if end is not None and _is_break(text, end, word_start, abbreviations):
        slices.append((last_break, end_start + 1))
        next_token = end.start(2)
        last_break = next_token if next_token >= 0 else end_start + 1
        closing = closing or text[last_break] in _CLOSING
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    slices.append((last_break, hi))
    if closing:
        return _realign(text, slices)
    return slices if last_break < hi else slices[:-1]  # only the last slice can be empty


def _plain(text: str, lo: int, hi: int) -> bool:
    """Is the space the only ASCII whitespace in ``text[lo:hi]``?"""
    return all(text.find(char, lo, hi) < 0 for char in _OTHER_SPACES)


def _is_break(text: str, end: re.Match, word_start: int, abbreviations: frozenset[str]) -> bool:
    """Punkt's decision at a potential sentence end: the word before it, the end and
    what follows (its context) hold a sentence break.

    The commonest contexts are settled here, by the rules :func:`_contains_break`
    applies. A ``?`` or ``!`` is a token of its own and a break, never the last token;
    so is a full stop after nothing or after a mark that ends a Punkt word (``)``,
    ``”``: that mark and the stop are no abbreviation, initial or number). A full stop
    after a word of two or more letters is a break unless the word is an abbreviation;
    after an abbreviation or a run of stops (an ellipsis) there is none unless the next
    token holds a sentence end itself.
    """
    at = end.start()
    if text[at] != ".":
        return True
    word = text[word_start:at]
    if not word:
        return True
    if word.isalpha():
        if len(word) > 1:
            if word.lower() not in abbreviations:
                return True
            if _no_end(end.group(2)):
                return False
    elif word[-1] in _NON_WORD:
        if word[-1] not in abbreviations:
            return True
    elif not word.strip(".") and _no_end(end.group(2)):
        return False
    return _decision(text[word_start:end.end(1)], abbreviations)


def _no_end(token: str | None) -> bool:
    """Is there no token, or one without ``.``, ``?`` or ``!``?"""
    return token is None or ("." not in token and "?" not in token and "!" not in token)


_DECISIONS: dict[frozenset[str], dict[str, bool]] = {}  # abbreviations → context → decision
_MEMORY = 100_000  # contexts remembered per abbreviation list


def _decision(context: str, abbreviations: frozenset[str]) -> bool:
    """:func:`_contains_break`, remembered: with fixed parameters the decision depends on
    the context's text alone, and contexts recur ("U.S. officials")."""
    memo = _DECISIONS.get(abbreviations)
    if memo is None:
        if len(_DECISIONS) >= 4:
            _DECISIONS.clear()
        memo = _DECISIONS[abbreviations] = {}
    decision = memo.get(context)
    if decision is None:
        if len(memo) >= _MEMORY:
            memo.clear()
        decision = memo[context] = _contains_break(context, abbreviations)
    return decision


def _contains_break(context: str, abbreviations: frozenset[str]) -> bool:
    """``_punkt(abbreviations).text_contains_sentbreak(context)``: does a token other
    than the last end a sentence?

    Punkt's first pass marks ``.``, ``?`` and ``!`` and every other token ending in one
    full stop that is not an abbreviation; its second pass, with no collocations, no
    sentence starters and no orthographic context, only takes the mark back from an
    initial or a number that the next token shows to be inside a sentence.
    """
    if "\n" in context:  # Punkt tokenizes line by line
        tokens = [token for line in context.split("\n") for token in _PUNKT_WORD.findall(line)]
    else:
        tokens = _PUNKT_WORD.findall(context)
    for token, following in zip(tokens, tokens[1:], strict=False):
        if token[-1] in ".?!" and _ends_sentence(token, following, abbreviations):
            return True
    return False


def _ends_sentence(token: str, following: str, abbreviations: frozenset[str]) -> bool:
    """Punkt's final decision on one token, given the token after it."""
    if token in _SENTENCE_END:
        return True
    if not token.endswith(".") or token.endswith(".."):
        return False  # not a candidate, or an ellipsis
    word = token[:-1].lower()
    if word in abbreviations or word.split("-")[-1] in abbreviations:
        return False
    initial = _INITIAL.match(token) is not None
    kind = _NUMBER.sub("##number##", token.lower())
    if len(kind) > 1 and kind[-1] == ".":
        kind = kind[:-1]
    if initial or kind == "##number##":
        if following in _NOT_A_START or following[0].islower():
            return False  # a following lower-case word or punctuation continues it
        if initial and following[0].isupper():
            return False  # so does a capitalised word after an initial ("J. Bach")
    return True


def _realign(text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's realignment: closing quotes and brackets that open the next slice end
    the sentence before instead; empty slices are dropped."""
    spans = []
    shift = 0
    for (start, end), (next_start, next_end) in zip(slices, slices[1:], strict=False):
        start += shift
        closing = None
        if next_start < next_end and text[next_start] in _CLOSING:
            closing = _REALIGNMENT.match(text, next_start, next_end)
        if closing:
            spans.append((start, next_start + len(closing.group().rstrip())))
            shift = closing.end() - next_start
        else:
            shift = 0
            if start < end:
                spans.append((start, end))
    start, end = slices[-1]
    if start + shift < end:
        spans.append((start + shift, end))
    return spans


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a span with no word in it (a stray ``”.`` or ``)``) to the sentence before."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not text[start].isalnum() and not _WORDLIKE.search(text, start, end):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _cap_span(text: str, span: tuple[int, int]) -> Iterator[tuple[int, int]]:
    """Cut a sentence longer than MAX_SENTENCE_WORDS words into pieces, preferring the
    last clause break (, ; : –) before the limit, else a plain word break. Linear in
    the sentence's length: the word breaks are found once."""
    start, end = span
    if end - start < _LONG:  # too short to hold that many words
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


# TOKEN's character classes, as bit flags: a word character, a letter, a joiner between
# the parts of a word, and the full stop of an initial.
_WORD, _LETTER, _JOINER, _STOP = 1, 2, 4, 8
_CLASSES = (
    (_WORD, re.compile(r"[^\W_]")),
    (_LETTER, re.compile(r"[^\W\d_]")),
    (_JOINER, re.compile(r"[-‐'’]")),
    (_STOP, re.compile(r"\.")),
)
_GAP = "  "  # between texts joined for counting: no part of a token
_CHUNK = 1 << 18


@cache
def _char_class(code: int) -> int:
    """The classes of one character, as ``TOKEN`` sees it."""
    char = chr(code)
    return sum(flag for flag, pattern in _CLASSES if pattern.match(char))


_ASCII_CLASSES = bytes(_char_class(code) for code in range(128))
_BYTE_CLASSES = _ASCII_CLASSES + bytes(128)  # a translation table for ASCII bytes


def count_tokens(texts: list[str]) -> np.ndarray:
    """Return ``len(TOKEN.findall(text))`` for each text, counted for all of them at once.

    >>> count_tokens(["The U.S.-led talks", "don't stop", ""]).tolist()
    [4, 2, 0]
    """
    lengths = np.fromiter(map(len, texts), np.int64, len(texts))
    is_ascii = np.fromiter(map(str.isascii, texts), bool, len(texts))
    if is_ascii.all():
        return _count_in_chunks(texts, lengths)
    counts = np.zeros(len(texts), np.int64)
    for chosen in (is_ascii, ~is_ascii):  # joined apart: one wide text widens them all
        if chosen.any():
            own = list(compress(texts, chosen.tolist()))
            counts[chosen] = _count_in_chunks(own, lengths[chosen])
    return counts


def _count_in_chunks(texts: list[str], lengths: np.ndarray) -> np.ndarray:
    """Count ``TOKEN`` matches in each text, about ``_CHUNK`` characters at a time (the
    arrays then stay in the processor's cache)."""
    if not texts:
        return np.zeros(0, np.int64)
    running = np.cumsum(lengths + len(_GAP))
    marks = np.searchsorted(running, np.arange(_CHUNK, running[-1], _CHUNK))
    bounds = np.unique(np.concatenate(([0], marks + 1, [len(texts)]))).tolist()
    return np.concatenate([_count_joined(texts[a:b], lengths[a:b])
                           for a, b in pairwise(bounds)])


def _count_joined(texts: list[str], lengths: np.ndarray) -> np.ndarray:
    """Count ``TOKEN`` matches in each text by array operations over the joined texts.

    Without an initial, a match starts at every word character that follows neither a
    word character nor a joiner after one ("war-weary" and "don't" are one token each).
    An initial ("U.S.") needs letter, stop, letter, stop: a text holding that run is
    counted by ``TOKEN`` itself.
    """
    joined = _GAP + _GAP.join(texts)
    classes = _char_classes(joined)
    word = classes & _WORD
    joined_on = (classes[1:-1] >> 2) & word[:-2]  # a joiner after a word character
    joined_on |= word[1:-1]
    starts = np.flatnonzero(word[2:] > joined_on) + 2
    ends = np.cumsum(lengths + len(_GAP))
    counts = np.diff(np.searchsorted(starts, ends), prepend=0)  # no token starts in a gap
    stops = np.flatnonzero(classes == _STOP)
    stops = stops[:-1][np.diff(stops) == 2]
    initials = stops[(classes[stops - 1] & classes[stops + 1] & _LETTER) > 0]
    for i in np.unique(np.searchsorted(ends, initials, side="right")).tolist():
        counts[i] = len(TOKEN.findall(texts[i]))
    return counts


def _char_classes(text: str) -> np.ndarray:
    """The classes of each character of a text, one byte each."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii").translate(_BYTE_CLASSES), np.uint8)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    wide = np.unique(codes[codes >= 128])
    table = np.zeros(int(wide[-1]) + 1, np.uint8)
    table[:128] = np.frombuffer(_ASCII_CLASSES, np.uint8)
    table[wide] = [_char_class(code) for code in wide.tolist()]
    return table[codes]


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
    paragraphs, sentences = _segment([doc_id], [text])
    return _rows(paragraphs), _rows(sentences)


def _rows(columns: dict[str, list | np.ndarray]) -> list[dict]:
    values = [c.tolist() if isinstance(c, np.ndarray) else c for c in columns.values()]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def segment_documents(documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the ``paragraphs`` and ``sentences`` tables of a documents table.

    ``sent_id`` counts sentences within a document (0-based, reading order).

    >>> paragraphs, sentences = segment_documents(load_documents())
    """
    paragraphs, sentences = _segment(documents["doc_id"].tolist(), documents["text"].tolist())
    return (pd.DataFrame(paragraphs, columns=PARAGRAPH_COLUMNS),
            pd.DataFrame(sentences, columns=SENTENCE_COLUMNS))


def _segment(doc_ids: list, texts: list[str]) -> tuple[dict, dict]:
    """The paragraphs and sentences tables of some documents, column by column."""
    paragraphs, n_sentences, sent_texts, starts = [], [], [], []
    paras_per_doc, sents_per_doc = [], []
    for text in texts:
        own = split_paragraphs(text)
        counts, own_texts, own_starts = _document_sentences(own) if own else ([], [], [])
        paragraphs += own
        n_sentences += counts
        sent_texts += own_texts
        starts += own_starts
        paras_per_doc.append(len(own))
        sents_per_doc.append(len(own_texts))
    if not paragraphs:  # no rows: empty columns, of no type
        return {n: [] for n in PARAGRAPH_COLUMNS}, {n: [] for n in SENTENCE_COLUMNS}
    n_sentences = np.array(n_sentences, np.int64)
    starts = np.array(starts, np.int64)
    sent_tokens = count_tokens(sent_texts)
    running = np.concatenate(([0], np.cumsum(sent_tokens)))  # tokens before each sentence
    last = np.cumsum(n_sentences)
    para_ids = _numbered(paras_per_doc)
    paragraphs_table = {
        "doc_id": _repeated(doc_ids, paras_per_doc), "para_id": para_ids, "text": paragraphs,
        "n_sentences": n_sentences, "n_tokens": running[last] - running[last - n_sentences],
    }
    sentences_table = {
        "doc_id": _repeated(doc_ids, sents_per_doc), "para_id": np.repeat(para_ids, n_sentences),
        "sent_id": _numbered(sents_per_doc), "text": sent_texts, "start": starts,
        "end": starts + np.fromiter(map(len, sent_texts), np.int64, len(sent_texts)),
        "n_tokens": sent_tokens,
    }
    return paragraphs_table, sentences_table


def _document_sentences(paragraphs: list[str]) -> tuple[list[int], list[str], list[int]]:
    """The sentences of a document's paragraphs: the number in each paragraph, and their
    texts and starts.

    Punkt's pattern runs once over the paragraphs joined by spaces (split in one pattern
    for the full stop and one each for the rarer ``?`` and ``!``). A match whose context
    runs past the end of its paragraph is not one of the paragraph's own; every other
    match, and its groups, is the same as in the paragraph alone (the space ends a run
    of whitespace and a run of anything else as the end of the text does). A paragraph
    with no match of its own, and too short to be cut, is one sentence.
    """
    abbreviations = _default_abbreviations()
    joined = " ".join(paragraphs)
    plain = True if _plain(joined, 0, len(joined)) else None
    after = list(accumulate(map(add, map(len, paragraphs), repeat(1))))  # next one's start
    marks: dict[int, list[re.Match]] = {}  # the ? and ! of each paragraph, if any
    for match in chain(_QUESTION_ENDS.finditer(joined), _EXCLAMATION_ENDS.finditer(joined)):
        i = bisect_right(after, match.start())
        if match.end(1) < after[i]:
            marks.setdefault(i, []).append(match)
    n_sentences, texts, starts = [], [], []
    lo = 0
    stops = _own_ends(_STOP_ENDS.finditer(joined), after)
    for i, (paragraph, own) in enumerate(zip(paragraphs, stops, strict=True)):
        hi = lo + len(paragraph)
        if marks and i in marks:
            own = sorted([*own, *marks[i]], key=_START)
        if own or len(paragraph) >= _LONG:
            spans = _sentence_spans(joined, lo, hi, own, abbreviations, plain)
            n_sentences.append(len(spans))
            for start, end in spans:
                texts.append(joined[start:end])
                starts.append(start - lo)
        else:
            sentence = paragraph.rstrip()
            n_sentences.append(1 if sentence else 0)
            if sentence:
                texts.append(sentence)
                starts.append(0)
        lo = hi + 1
    return n_sentences, texts, starts


def _own_ends(matches: Iterable[re.Match], after: list[int]) -> Iterator[Sequence[re.Match]]:
    """For each paragraph, in order, the matches of Punkt's pattern in the paragraphs
    joined by spaces that are its own (their context ends in it), given where each
    paragraph's successor starts."""
    i = 0
    own: list[re.Match] = []
    for match in matches:
        at = match.start()
        while at >= after[i]:
            yield own
            own = []
            i += 1
        if match.end(1) < after[i]:
            own.append(match)
    yield own
    yield from repeat((), len(after) - i - 1)


def _repeated(values: list, times: list[int]) -> list:
    """Each value repeated so many times, in order."""
    return list(chain.from_iterable(map(repeat, values, times)))


def _numbered(sizes: list[int]) -> np.ndarray:
    """0, 1, … within each of consecutive groups of the given sizes."""
    sizes = np.array(sizes, np.int64)
    return np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)

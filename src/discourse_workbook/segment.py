"""Segmentation: a document's body into paragraphs, sentences and word tokens.

- Paragraphs are separated by blank lines, or by line breaks when the text has no blank
  line (one paragraph per line); lines inside a paragraph are joined.
- Sentences are NLTK's Punkt sentences with an abbreviation list and no downloaded
  model, so "the U.S. Ambassador", "Mr. Smith" and "Dec. 19" stay whole and a closing
  quotation mark stays with its sentence, finished by a few rules Punkt has no
  parameters for (:func:`finish_spans`): after an abbreviation or initials a sentence
  ends where a capitalised function word follows ("in the U.S. How …") and goes on
  otherwise ("George H.W. Bush"), a possessive ("the F.B.I.'s") or a small letter after a
  quotation that ended with a stop ("“Go.” she said") goes on, ".." after an abbreviation
  is the abbreviation and a full stop, and a script without spaces ends its sentences at
  its own marks (。！？). A span with no word in it (a stray ``”.``) joins the sentence
  before; a runaway sentence is cut at clause punctuation, so that no later step is
  handed more than ``MAX_SENTENCE_WORDS`` words.
- Word tokens are the matches of one regular expression, ``WORD``: letters and digits
  joined by inner hyphens or apostrophes ("war-weary", "don't"), or dotted initials
  with their possessive ("U.S.", "the F.B.I.'s").

:func:`sentence_spans` and :func:`tokenize` are the method; :func:`segment_documents`
applies it to whole documents with the accelerators of :mod:`discourse_workbook.fast`
(Punkt's decisions over a whole document, tokens counted by array operations), which the
tests prove equal to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, repeat

import numpy as np
import pandas as pd

from .fast.punkt import paragraph_spans, punkt_tokenizer
from .fast.tokens import TOKEN, count_tokens
from .resources import load_abbreviations, load_stopwords

MAX_SENTENCE_WORDS = 250
# A word: letters/digits joined by inner hyphens or apostrophes, or dotted initials (U.S.)
# with a possessive (the F.B.I.'s). TOKEN (fast/tokens.py) finds the same matches
# faster; every step uses it.
WORD = re.compile(r"(?:[^\W\d_]\.){2,}(?:['’]s(?![^\W_]))?|[^\W_]+(?:[-‐'’][^\W_]+)*")
# Abbreviations that stand before a name, a word or a number, never at a sentence's end:
# a capitalised function word after them goes on the sentence ("Vol. I", "e.g. The Times").
BEFORE_NAMES = frozenset({
    "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "drs", "prof", "profs", "gen", "gens",
    "lt", "col", "maj", "capt", "cmdr", "comdr", "adm", "sgt", "cpl", "pvt", "pfc", "brig",
    "gov", "govs", "sen", "sens", "rep", "reps", "pres", "rev", "hon", "rt", "amb", "supt",
    "atty", "asst", "assoc", "insp", "det", "fr", "msgr", "treas", "mt", "e.g", "i.e", "cf",
    "viz", "vs", "p", "pp", "vol", "vols", "fig", "figs", "art", "ch", "chap", "para", "sec",
    "secs", "nos",
})  # fmt: skip
# Abbreviations that are words when written in lower case ("fell ill.", "said no."): then
# a full stop after them ends a sentence as after any word.
ABBREVIATION_WORDS = frozenset({
    "ill", "miss", "mass", "wash", "ore", "del", "ind", "pa", "ga", "mo", "ark", "art", "no",
    "chap", "min", "gal", "mar", "sec",
})  # fmt: skip
PARAGRAPH_COLUMNS = ["doc_id", "para_id", "text", "n_sentences", "n_tokens"]
SENTENCE_COLUMNS = ["doc_id", "para_id", "sent_id", "text", "start", "end", "n_tokens"]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORDLIKE = re.compile(r"[^\W_]")
_DENSE_ENDS = "。｡！？"  # sentence marks of scripts written without spaces
_QUOTATIVE = "とっ"  # Japanese particles that go on a sentence after a quotation
_CLOSERS = "\"'”’»)]}」』）〕〉》"
# A span that ended a quotation, "!", "?" or an ellipsis: what follows in a small letter
# goes on the sentence ("“Go.” she said", "Yahoo! in").
_CLOSED = re.compile(rf"(?:[.!?…][{re.escape(_CLOSERS)}]+|[!?…]|\.\.\.|\. \. \.)\s*$")
# Where a span may need cutting: a full stop (or two) after a letter with a word next,
# or a sentence mark of a script without spaces.
# Where a span may need cutting: a sentence mark of a script without spaces (and the
# closing quotes after it), or a full stop (or two) after a letter, with a word next. The
# pattern opens with one character class, which the regex engine scans for quickly.
_INNER_END = re.compile(
    rf"[.{_DENSE_ENDS}](?:(?<=[{_DENSE_ENDS}])(?P<dense>[{_DENSE_ENDS}]*)"
    rf"|(?<=[^\W\d_]\.)(?P<two>\.)?(?!\.))[{re.escape(_CLOSERS)}]*"
    rf"(?(dense)|(?=\s+[\"'“‘«(\[]*[^\W\d_]))"
)
_WORD_START = re.compile(r"[\s(\"'“‘«\[—–\-/]")  # what a word before a full stop follows
_LAST_PART = re.compile(r"[^\s(\"'“‘«\[—–\-/]*\Z")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_NEXT_WORD = re.compile(r"\s*[\"'“‘«(\[]*([^\W_][\w'’]*)")
_LONG = 2 * MAX_SENTENCE_WORDS - 1  # the fewest characters that hold that many words
_CLAUSE_BREAK = re.compile(r"[;:,–—]\s|\s[–—]\s|\s-\s")
_WORD_BREAK = re.compile(r"\s+")


# --------------------------------------------------------------------------- paragraphs


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


# --------------------------------------------------------------------------- sentences


def sentence_spans(
    paragraph: str, abbreviations: Iterable[str] | None = None
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences of one paragraph:
    Punkt's, with stray punctuation joined to the sentence before and runaway sentences
    cut. ``abbreviations`` defaults to the shipped list.

    >>> p = "The U.S. Ambassador met Mr. Smith. He left."
    >>> [p[s:e] for s, e in sentence_spans(p)]
    ['The U.S. Ambassador met Mr. Smith.', 'He left.']
    """
    abbreviations = frozenset(abbreviations if abbreviations is not None
                              else load_abbreviations())
    spans = list(punkt_tokenizer(abbreviations).span_tokenize(paragraph))
    return finish_spans(paragraph, spans, abbreviations)


def finish_spans(
    paragraph: str, spans: list[tuple[int, int]], abbreviations: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """Punkt's spans of a paragraph made the workbook's sentences: a span goes on the one
    before when it has no word in it, opens with a possessive ('s) or with a small letter
    after a quotation, "!" or "?" that ended it, or follows an abbreviation or initials
    without a capitalised function word after them; a span is cut after an abbreviation
    or initials that a capitalised function word follows, after ".." that ends an
    abbreviation, and after a sentence mark of a script without spaces (。！？); a span
    of more than ``MAX_SENTENCE_WORDS`` words is cut.

    >>> finish_spans("He left. ”.", [(0, 8), (9, 11)])
    [(0, 11)]
    >>> p = "I live in the U.S. How about you? We met the F.B.I.'s chief."
    >>> [p[s:e] for s, e in finish_spans(p, [(0, 33), (34, 51), (51, 60)])]  # Punkt's
    ['I live in the U.S.', 'How about you?', "We met the F.B.I.'s chief."]
    """
    if abbreviations is None:
        abbreviations = load_abbreviations()
    if len(spans) > 1:
        spans = _merge_fragments(paragraph, spans, abbreviations)
    cuts = _inner_cuts(paragraph, spans, abbreviations)
    if cuts:
        spans = _cut_spans(paragraph, spans, cuts)
    if len(paragraph) >= _LONG and any(end - start >= _LONG for start, end in spans):
        return [piece for span in spans for piece in _cap_span(paragraph, span)]
    return spans


def _merge_fragments(
    text: str, spans: list[tuple[int, int]], abbreviations: frozenset[str]
) -> list[tuple[int, int]]:
    """Join a span to the sentence before when it does not start a sentence: it has no
    word in it (a stray ``”.`` or ``)``), or it goes on the one before
    (:func:`_goes_on`)."""
    merged = [spans[0]]
    for start, end in spans[1:]:
        first = text[start]
        before_start, before_end = merged[-1]
        if first.isupper() and text[before_end - 1] == ".":  # the commonest end: is it plain?
            word = text[max(text.rfind(" ", before_start, before_end) + 1, before_start):
                        before_end - 1]
            if len(word) > 1 and word.isalpha() and word.lower() not in abbreviations:
                merged.append((start, end))
                continue
        if ((not first.isalnum() and not _WORDLIKE.search(text, start, end))
                or _goes_on(text, merged[-1], start, abbreviations)):
            merged[-1] = (before_start, end)
        else:
            merged.append((start, end))
    return merged


def _goes_on(text: str, before: tuple[int, int], start: int, abbreviations) -> bool:
    """Does the sentence that Punkt ended at ``before`` go on at ``start``? When the text
    there is a possessive ('s), a small letter after a quotation, "!", "?" or an ellipsis
    that ended the span before, or anything but a capitalised function word after an
    abbreviation or initials (:func:`_ends_after`)."""
    first = text[start]
    if first in "'’" and text.startswith("s", start + 1) and not _is_word_char(text, start + 2):
        return True
    end = before[1]
    if first.islower() and _CLOSED.search(text, max(before[0], end - 8), end):
        return True
    stop = end - 1
    while stop > before[0] and text[stop] in _CLOSERS:
        stop -= 1
    if text[stop] != ".":
        return False
    word = text[max(text.rfind(" ", before[0], stop) + 1, before[0]):stop]
    if len(word) > 1 and word.isalpha() and word.lower() not in abbreviations:
        return False  # a plain word (the commonest end): no abbreviation, Punkt's end stands
    ends = _ends_after(_word_before(text, before[0], stop), text, start, abbreviations)
    return ends is False


def _inner_cuts(text: str, spans: list[tuple[int, int]], abbreviations) -> list[int]:
    """Where to cut spans where Punkt saw no sentence end but the workbook does: after an
    abbreviation or initials that a capitalised function word follows, after ".." that
    ends an abbreviation, after 。！？ (with their closing quotes) when text follows. Each
    span is searched on its own: a possible end at its end is Punkt's own."""
    cuts = []
    for start, end in spans:
        match = _INNER_END.search(text, start, end)  # none at the span's end: it is the end
        while match is not None and match.end() < end:
            if _cuts_after(text, match, start, abbreviations):
                cuts.append(match.end())
            match = _INNER_END.search(text, match.end(), end)
    return cuts


def _cuts_after(text: str, match: re.Match, start: int, abbreviations) -> bool:
    """Does a sentence end at a possible end inside a span (a match of ``_INNER_END``;
    see :func:`_inner_cuts`)?"""
    cut = match.end()
    if match.group("dense") is not None:  # 「はい。」と言った: the quotation goes on
        return not (text[cut - 1] in _CLOSERS and text[cut] in _QUOTATIVE)
    word = _word_before(text, start, match.start())
    if match.group("two"):  # the abbreviation's stop and a full stop
        return _is_abbreviation(word, abbreviations) and not _next_word(text, cut).islower()
    return bool(_ends_after(word, text, cut, abbreviations)) or word in ABBREVIATION_WORDS


def _cut_spans(text: str, spans: list[tuple[int, int]], cuts: list[int]) -> list[tuple[int, int]]:
    """The spans cut at the given positions (each inside a span, increasing); the space
    after a cut goes with neither piece."""
    out = []
    cuts = iter(cuts)
    cut = next(cuts, None)
    for start, end in spans:
        while cut is not None and cut < end:
            out.append((start, cut))
            start = cut
            while text[start].isspace():
                start += 1
            cut = next(cuts, None)
        out.append((start, end))
    return out


def _word_before(text: str, start: int, stop: int) -> str:
    """The word before a full stop at ``stop``: back to a space, a dash or an opening
    mark, not before ``start``."""
    word = text[max(text.rfind(" ", start, stop) + 1, start):stop]
    if _WORD_START.search(word):  # a dash, an opening mark or other space inside
        return _LAST_PART.search(word).group()
    return word


def _ends_after(word: str, text: str, at: int, abbreviations) -> bool | None:
    """After an abbreviation or initials and a full stop, does the sentence end before
    the text at ``at``? Yes when a capitalised function word comes next (after any
    opening quote or bracket), unless the abbreviation stands before names and words
    ("Mr.", "e.g.", "Vol."); no otherwise. None when ``word`` is no abbreviation: then
    Punkt's decision stands."""
    if not _is_abbreviation(word, abbreviations):
        return None
    if not _opens(_next_word(text, at)):
        return False
    return word.lower() not in BEFORE_NAMES


def _opens(word: str) -> bool:
    """Does the word open a sentence: a function word of the stopword list, capitalised
    ("The", "It's", "I", "A"; not "S" of "U. S.", not "OUR" of a heading in capitals)?"""
    if not word[:1].isupper() or (word.isupper() and word not in ("A", "I")):
        return False
    return word.casefold().replace("’", "'") in _openers()


def _next_word(text: str, at: int) -> str:
    """The word at ``at``, after any space and opening quotes or brackets ("" if none)."""
    match = _NEXT_WORD.match(text, at)
    return match.group(1) if match else ""


def _is_abbreviation(word: str, abbreviations) -> bool:
    """An abbreviation of the list (one that is also a word only when capitalised),
    dotted initials (H.W, F.B.I) or one capital letter (an initial)."""
    if not word:
        return False
    lower = word.lower()
    if lower in abbreviations:
        return not (lower in ABBREVIATION_WORDS and word.islower())
    if len(word) == 1:
        return word.isupper()
    return "." in word and _INITIALS.fullmatch(word) is not None


def _is_word_char(text: str, at: int) -> bool:
    return at < len(text) and (text[at].isalnum() or text[at] == "_")


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Words that, capitalised after an abbreviation, open a new sentence: the function
    words of the stopword list ("The", "It", "How", "You're")."""
    return load_stopwords()


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


# --------------------------------------------------------------------------- tokens


def tokenize(text: str) -> list[str]:
    """Return the word tokens of a text, as they are written.

    >>> tokenize("Russia’s U.S.-centric, war-weary allies")
    ['Russia’s', 'U.S.', 'centric', 'war-weary', 'allies']
    """
    return TOKEN.findall(text)


# --------------------------------------------------------------------------- documents


def segment_documents(documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the ``paragraphs`` and ``sentences`` tables of a documents table (columns
    ``doc_id`` and ``text``).

    Sentence rows carry ``start``/``end``, the sentence's span in its paragraph's text;
    ``sent_id`` counts sentences within a document (0-based, reading order).

    >>> documents = pd.DataFrame({"doc_id": ["a"], "text": ["One. Two.\\n\\nThree"]})
    >>> paragraphs, sentences = segment_documents(documents)
    >>> sentences[["para_id", "sent_id", "text", "n_tokens"]].values.tolist()
    [[0, 0, 'One.', 1], [0, 1, 'Two.', 1], [1, 2, 'Three', 1]]
    """
    paragraphs, sentences = _segment(documents["doc_id"].tolist(), documents["text"].tolist())
    return (pd.DataFrame(paragraphs, columns=PARAGRAPH_COLUMNS),
            pd.DataFrame(sentences, columns=SENTENCE_COLUMNS))


def _segment(doc_ids: list, texts: list[str]) -> tuple[dict, dict]:
    """The paragraphs and sentences tables of some documents, column by column."""
    abbreviations = load_abbreviations()
    paragraphs, n_sentences, sent_texts, starts = [], [], [], []
    paras_per_doc, sents_per_doc = [], []
    for text in texts:
        own = split_paragraphs(text)
        before = len(sent_texts)
        for paragraph, spans in zip(own, paragraph_spans(own, abbreviations), strict=True):
            spans = finish_spans(paragraph, spans, abbreviations)
            n_sentences.append(len(spans))
            sent_texts.extend(paragraph[start:end] for start, end in spans)
            starts.extend(start for start, _ in spans)
        paragraphs += own
        paras_per_doc.append(len(own))
        sents_per_doc.append(len(sent_texts) - before)
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


def _repeated(values: list, times: list[int]) -> list:
    """Each value repeated so many times, in order."""
    return list(chain.from_iterable(map(repeat, values, times)))


def _numbered(sizes: list[int]) -> np.ndarray:
    """0, 1, … within each of consecutive groups of the given sizes."""
    sizes = np.array(sizes, np.int64)
    return np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)

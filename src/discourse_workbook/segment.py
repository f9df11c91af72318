"""Segmentation: a document's body into paragraphs, sentences and word tokens.

- Paragraphs are separated by blank lines, or by line breaks when the text has no blank
  line (one paragraph per line); lines inside a paragraph are joined.
- Sentences are NLTK's Punkt sentences with an abbreviation list and no downloaded
  model, so "the U.S. Ambassador", "Mr. Smith" and "Dec. 19" stay whole and a closing
  quotation mark stays with its sentence; a span with no word in it (a stray ``”.``)
  joins the sentence before; a runaway sentence is cut at clause punctuation, so that no
  later step is handed more than ``MAX_SENTENCE_WORDS`` words.
- Word tokens are the matches of one regular expression, ``WORD``: letters and digits
  joined by inner hyphens or apostrophes ("war-weary", "don't"), or dotted initials
  ("U.S.").

:func:`sentence_spans` and :func:`tokenize` are the method; :func:`segment_documents`
applies it to whole documents with the accelerators of :mod:`discourse_workbook.fast`
(Punkt's decisions over a whole document, tokens counted by array operations), which the
tests prove equal to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, repeat

import numpy as np
import pandas as pd

from .fast.punkt import paragraph_spans, punkt_tokenizer
from .fast.tokens import TOKEN, count_tokens
from .resources import load_abbreviations

MAX_SENTENCE_WORDS = 250
# A word: letters/digits joined by inner hyphens or apostrophes, or dotted initials (U.S.).
# TOKEN (fast/tokens.py) finds the same matches faster; every step uses it.
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-‐'’][^\W_]+)*")
PARAGRAPH_COLUMNS = ["doc_id", "para_id", "text", "n_sentences", "n_tokens"]
SENTENCE_COLUMNS = ["doc_id", "para_id", "sent_id", "text", "start", "end", "n_tokens"]

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WORDLIKE = re.compile(r"[^\W_]")
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
    return finish_spans(paragraph, list(punkt_tokenizer(abbreviations).span_tokenize(paragraph)))


def finish_spans(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans of a paragraph made the workbook's sentences: a span with no word in
    it joins the one before, and a span of more than ``MAX_SENTENCE_WORDS`` words is cut.

    >>> finish_spans("He left. ”.", [(0, 8), (9, 11)])
    [(0, 11)]
    """
    if len(spans) > 1:
        spans = _merge_fragments(paragraph, spans)
    if len(paragraph) >= _LONG and any(end - start >= _LONG for start, end in spans):
        return [piece for span in spans for piece in _cap_span(paragraph, span)]
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
            spans = finish_spans(paragraph, spans)
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

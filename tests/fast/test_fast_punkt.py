"""Punkt's decisions computed directly equal NLTK's Punkt, span for span; the tables of
whole documents equal the method applied paragraph by paragraph."""

from __future__ import annotations

import functools
import re
from itertools import chain

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from discourse_workbook.fast.punkt import (
    _CLOSING,
    _EXCLAMATION_ENDS,
    _NON_WORD,
    _PERIOD_CONTEXT,
    _QUESTION_ENDS,
    _STOP_ENDS,
    _contains_break,
    paragraph_spans,
    punkt_spans,
    punkt_tokenizer,
)
from discourse_workbook.fast.tokens import TOKEN
from discourse_workbook.pipeline import load_documents
from discourse_workbook.resources import load_abbreviations
from discourse_workbook.segment import (
    PARAGRAPH_COLUMNS,
    SENTENCE_COLUMNS,
    segment_documents,
    sentence_spans,
    split_paragraphs,
)

ABBREVIATIONS = load_abbreviations()


# --------------------------------------------------------------------------- the reference
# NLTK's Punkt code with the abbreviation list, finished by the workbook's rules after
# Punkt (segment.finish_spans: abbreviations before function words, possessives, quotations,
# "..", sentence marks of scripts without spaces), defines the sentences; the tables are
# defined paragraph by paragraph and sentence by sentence below, as the reference for the
# module's direct, all-at-once computation of the same tables.


def reference_punkt() -> PunktSentenceTokenizer:
    """NLTK's Punkt code with the abbreviations, its patterns compiled by ``re``."""
    return punkt_tokenizer(ABBREVIATIONS)


@functools.cache
def nltk_punkt() -> PunktSentenceTokenizer:
    """NLTK's Punkt exactly as NLTK ships it (its patterns run by the ``regex`` engine,
    which reads a few control characters differently: not whitespace)."""
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def reference_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blank = re.compile(r"\n[ \t]*\n")
    blocks = blank.split(text) if blank.search(text) else text.split("\n")
    paragraphs = (" ".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks)
    return [p for p in paragraphs if p]


def reference_spans(paragraph: str) -> list[tuple[int, int]]:
    """The method: NLTK's Punkt spans of the paragraph alone, finished by the rules after
    Punkt (fragments and continuations joined, abbreviations and marks cut, runaway
    sentences cut)."""
    return sentence_spans(paragraph, ABBREVIATIONS)


def reference_rows(doc_id, text: str) -> tuple[list[dict], list[dict]]:
    paragraphs, sentences = [], []
    sent_id = 0
    for para_id, para in enumerate(reference_paragraphs(text)):
        spans = reference_spans(para)
        n_tokens = 0
        for start, end in spans:
            count = len(TOKEN.findall(para[start:end]))
            sentences.append({"doc_id": doc_id, "para_id": para_id, "sent_id": sent_id,
                              "text": para[start:end], "start": start, "end": end,
                              "n_tokens": count})
            n_tokens += count
            sent_id += 1
        paragraphs.append({"doc_id": doc_id, "para_id": para_id, "text": para,
                           "n_sentences": len(spans), "n_tokens": n_tokens})
    return paragraphs, sentences


def reference_tables(documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    paragraphs, sentences = [], []
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        paras, sents = reference_rows(doc_id, text)
        paragraphs += paras
        sentences += sents
    return (pd.DataFrame({n: [r[n] for r in paragraphs] for n in PARAGRAPH_COLUMNS}),
            pd.DataFrame({n: [r[n] for r in sentences] for n in SENTENCE_COLUMNS}))


def test_punkt_spans_equal_nltk_punkt_on_real_text(inaugural, default_article):
    docs = load_documents([inaugural, default_article])
    paragraphs = [p for text in docs.text for p in split_paragraphs(text)]
    assert len(paragraphs) > 1500
    for paragraph in paragraphs:
        expected = list(nltk_punkt().span_tokenize(paragraph))
        assert list(reference_punkt().span_tokenize(paragraph)) == expected, paragraph
        assert punkt_spans(paragraph, ABBREVIATIONS) == expected, paragraph


def test_tables_equal_the_reference_on_real_text(inaugural, default_article):
    docs = load_documents([inaugural, default_article])
    got = segment_documents(docs)
    expected = reference_tables(docs)
    for table, reference in zip(got, expected, strict=True):
        pd.testing.assert_frame_equal(table, reference, check_exact=True)


@pytest.mark.parametrize("doc_ids", [["a", "b", "c"], [3, 1, 2]])
def test_tables_equal_the_reference_for_any_doc_ids_and_empty_texts(doc_ids):
    docs = pd.DataFrame({"doc_id": doc_ids, "text": ["One. Two!\n\nThree", "", "  \n "]})
    for table, reference in zip(segment_documents(docs), reference_tables(docs), strict=True):
        pd.testing.assert_frame_equal(table, reference, check_exact=True)
    empty = docs.iloc[1:]
    for table, reference in zip(segment_documents(empty), reference_tables(empty), strict=True):
        pd.testing.assert_frame_equal(table, reference, check_exact=True)


# --------------------------------------------------------------------------- tricky text

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉßøŁжЖΩωİıǅ"
WORD_PARTS = ["Mr", "mr", "MR", "Dr", "U.S", "u.s", "U.S.A", "e.g", "i.e", "etc", "St", "Gen",
              "ex-Gov", "vs", "No", "Jan", "a.m", "p.m", "Inc", "co", "J", "a", "é", "Ж", "x",
              "1990", "3", "3.14", "1,000", "-5", "2nd", "12-13", ".5", "##number##", "##NUMBER##",
              "iv", "IV", "_", "²", "٣", "x²", "don't", "war-weary", "O’Neill", "U.S.-led",
              "F.B.I", "H.W", "'s", "’s", "Mo", "Ill", "ill", "no", "No", "I", "How", "The",
              "You're", "It’s", "did—Dr", "Calif", "Sec", "p", "今日は晴れ", "雨"]
MARKS = [".", ".", ".", "..", "...", "....", "?", "!", "?!", "!!", ".?", ",", ";", ":", "-", "--",
         "(", ")", "[", "]", "{", "}", '"', "'", "“", "”", "‘", "’", "«", "»", "`", "``", "*",
         "@", "#", "&", "/", "…", ". .", ". . .", ".)", '."', ".”", ".’", ".»", "?”", "!)",
         "。", "！", "？", "」", "。」", "''", ".''", "``", ".. ", ". "]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2028", "\x0b", "\x0c",
          "\r", "\u3000", " \n ", "\x1c"]
tricky_pieces = st.one_of(
    st.text(st.sampled_from(LETTERS), min_size=1, max_size=7),
    st.sampled_from(WORD_PARTS),
    st.sampled_from(MARKS),
    st.sampled_from(MARKS),
    st.sampled_from(SPACES),
    st.sampled_from(SPACES),
)
tricky_texts = st.lists(tricky_pieces, max_size=40).map("".join)
tricky_documents = st.one_of(
    tricky_texts,
    st.lists(tricky_texts, max_size=6).map("\n\n".join),
    st.builds(lambda text, times: (text + " ") * times, tricky_texts, st.integers(1, 60)),
)
TRICKY = settings(max_examples=1500, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@TRICKY
@given(tricky_texts)
def test_punkt_spans_equal_nltk_punkt_on_tricky_text(text):
    assert punkt_spans(text, ABBREVIATIONS) == list(reference_punkt().span_tokenize(text))
    assert paragraph_spans([text], ABBREVIATIONS) == [punkt_spans(text, ABBREVIATIONS)]


@TRICKY
@given(tricky_texts)
def test_punkt_decision_equals_nltk_on_any_context(context):
    expected = reference_punkt().text_contains_sentbreak(context)
    assert _contains_break(context, ABBREVIATIONS) == expected


@TRICKY
@given(tricky_documents)
def test_segment_documents_equals_the_reference_on_tricky_text(text):
    documents = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    for table, reference in zip(segment_documents(documents), reference_tables(documents),
                                strict=True):
        pd.testing.assert_frame_equal(table, reference, check_exact=True)


@TRICKY
@given(tricky_texts)
def test_stops_and_marks_are_punkts_potential_sentence_ends(text):
    """The three patterns a document is searched with find Punkt's matches, groups and all."""
    def found(matches):
        return sorted((m.start(), m.span(1), m.span(2)) for m in matches)
    assert found(_PERIOD_CONTEXT.finditer(text)) == found(
        chain(_STOP_ENDS.finditer(text), _QUESTION_ENDS.finditer(text),
              _EXCLAMATION_ENDS.finditer(text)))


@TRICKY
@given(tricky_documents)
def test_paragraphs_equal_the_line_by_line_definition(text):
    assert split_paragraphs(text) == reference_paragraphs(text)


def test_punkt_character_sets_are_nltks():
    """The characters that end a Punkt word, and that start a realignment, as NLTK's
    own patterns define them."""
    non_word = re.compile(PunktLanguageVars()._re_non_word_chars)
    realignment = PunktLanguageVars.re_boundary_realignment
    chars = [chr(code) for code in range(0x3000)]
    assert {c for c in chars if non_word.fullmatch(c)} == set(_NON_WORD)
    assert {c for c in chars if realignment.match(c + " ")} == set(_CLOSING)

"""Segmentation: paragraphs, sentences (abbreviations, quotes, runaway sentences), tokens."""

from __future__ import annotations

import functools
import re
from itertools import chain

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from discourse_workbook.corpus import load_documents
from discourse_workbook.segment import (
    _CLOSING,
    _EXCLAMATION_ENDS,
    _NON_WORD,
    _PERIOD_CONTEXT,
    _QUESTION_ENDS,
    _STOP_ENDS,
    MAX_SENTENCE_WORDS,
    PARAGRAPH_COLUMNS,
    SENTENCE_COLUMNS,
    TOKEN,
    _cap_span,
    _contains_break,
    _punkt,
    count_tokens,
    load_abbreviations,
    punkt_spans,
    segment_document,
    segment_documents,
    sentence_spans,
    split_paragraphs,
    to_term,
    tokenize,
)

ABBREVIATIONS = frozenset(load_abbreviations())


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_paragraphs_at_blank_lines_join_wrapped_lines():
    assert split_paragraphs("One\ntwo.\n\n\n Three.\n  \nFour.") == ["One two.", "Three.", "Four."]


def test_paragraphs_one_per_line_without_blank_lines():
    assert split_paragraphs("First line.\nSecond line.\n") == ["First line.", "Second line."]


@pytest.mark.parametrize(
    "text",
    [
        "Russia was telling the U.S. Ambassador in Moscow that peace had ended.",
        "We met Mr. Smith and Dr. Jones at the embassy.",
        "The summit opens on Dec. 19 in Kazan.",
        "The U.S. Defence Secretary reached for the phone.",
        "It was an American-supplied ATACM (drawing on U.S. data), the statement read.",
    ],
)
def test_abbreviations_do_not_split(text):
    assert sentences(text) == [text]


def test_sentences_split_at_real_ends():
    text = "The war goes on. Nobody knows when it ends! Does anyone? Perhaps."
    assert sentences(text) == [
        "The war goes on.",
        "Nobody knows when it ends!",
        "Does anyone?",
        "Perhaps.",
    ]


def test_closing_quote_stays_with_its_sentence():
    text = "He said “We are no longer at peace.” Then he left. She wrote ‘no going around it.’ End."
    got = sentences(text)
    assert got[0] == "He said “We are no longer at peace.”"
    assert got[2] == "She wrote ‘no going around it.’"
    assert not any(re.fullmatch(r"\W+", s) for s in got)


def test_no_sentence_is_only_punctuation():
    text = "It will end “with final completion.” . And then? ” ."
    assert all(re.search(r"\w", s) for s in sentences(text))
    assert "".join(sentences(text)).replace(" ", "") == text.replace(" ", "")


def test_runaway_sentence_is_cut_at_clause_breaks():
    clause = " ".join(["word"] * 40)
    text = ", ".join([clause] * 30) + "."  # 1,200 words, no full stop until the end
    pieces = sentences(text)
    assert len(pieces) > 1
    assert all(len(p.split()) <= MAX_SENTENCE_WORDS for p in pieces)
    assert all(p.endswith((",", ".")) for p in pieces)
    assert " ".join(pieces) == text


def test_sentence_without_any_punctuation_is_cut_at_word_breaks():
    text = " ".join(f"w{i}" for i in range(3 * MAX_SENTENCE_WORDS + 7))
    pieces = sentences(text)
    assert [len(p.split()) for p in pieces] == [MAX_SENTENCE_WORDS] * 3 + [7]
    assert " ".join(pieces) == text


def test_tokens_apostrophes_hyphens_and_initials():
    assert tokenize("Russia’s U.S.-centric, war-weary allies don't") == [
        "Russia’s",
        "U.S.",
        "centric",
        "war-weary",
        "allies",
        "don't",
    ]
    assert tokenize("1980 – (I was there)") == ["1980", "I", "was", "there"]


@pytest.mark.parametrize(
    ("token", "term"),
    [
        ("Russia’s", "russia"),
        ("Russia's", "russia"),
        ("states’", "states"),
        ("It’s", "it's"),
        ("Don’t", "don't"),
        ("NATO", "nato"),
        ("Euro-Atlantic", "euro-atlantic"),
        ("U.S.", "u.s."),
    ],
)
def test_terms_fold_case_and_drop_possessives(token, term):
    assert to_term(token) == term


def test_default_article_segments():
    paragraphs, sents = segment_documents(load_documents())
    assert 45 <= len(paragraphs) <= 55
    assert paragraphs.para_id.tolist() == list(range(len(paragraphs)))
    assert sents.sent_id.tolist() == list(range(len(sents)))
    last_in_para = sents.groupby("para_id").sent_id.transform("max") == sents.sent_id
    inside = sents[~last_in_para]
    assert not inside.text.str.contains(r"\bU\.S\.$").any()  # never a break after "U.S."
    assert sents.text.str.contains(r"\bU\.S\. [a-z]").any()  # "the U.S. thereby", kept whole
    assert not sents.text.str.fullmatch(r"\W+").any()
    for para_id, group in sents.groupby("para_id"):
        para = paragraphs.loc[para_id, "text"]
        assert [
            para[s:e] for s, e in zip(group.start, group.end, strict=True)
        ] == group.text.tolist()
    assert paragraphs.n_sentences.sum() == len(sents)
    assert paragraphs.n_tokens.sum() == sents.n_tokens.sum()


# --------------------------------------------------------------------------- the reference
# NLTK's Punkt code with the abbreviation list defines the sentences; the tables are defined
# paragraph by paragraph and sentence by sentence below, as the reference for the module's
# direct, all-at-once computation of the same tables.


def reference_punkt() -> PunktSentenceTokenizer:
    """NLTK's Punkt code with the abbreviations, its patterns compiled by ``re``."""
    return _punkt(ABBREVIATIONS)


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
    merged: list[tuple[int, int]] = []
    for start, end in reference_punkt().span_tokenize(paragraph):
        if merged and not re.search(r"[^\W_]", paragraph[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [piece for span in merged for piece in _cap_span(paragraph, span)]


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
        assert sentence_spans(paragraph) == reference_spans(paragraph), paragraph


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
              "iv", "IV", "_", "²", "٣", "x²", "don't", "war-weary", "O’Neill", "U.S.-led"]
MARKS = [".", ".", ".", "..", "...", "....", "?", "!", "?!", "!!", ".?", ",", ";", ":", "-", "--",
         "(", ")", "[", "]", "{", "}", '"', "'", "“", "”", "‘", "’", "«", "»", "`", "``", "*",
         "@", "#", "&", "/", "…", ". .", ". . .", ".)", '."', ".”", ".’", ".»", "?”", "!)"]
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
    assert sentence_spans(text) == reference_spans(text)


@TRICKY
@given(tricky_texts)
def test_punkt_decision_equals_nltk_on_any_context(context):
    expected = reference_punkt().text_contains_sentbreak(context)
    assert _contains_break(context, ABBREVIATIONS) == expected


@TRICKY
@given(tricky_documents)
def test_segment_document_equals_the_reference_on_tricky_text(text):
    assert segment_document("d", text) == reference_rows("d", text)


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


@TRICKY
@given(st.lists(st.one_of(tricky_texts, st.text(max_size=30)), max_size=20))
def test_count_tokens_equals_the_token_pattern(texts):
    assert count_tokens(texts).tolist() == [len(TOKEN.findall(text)) for text in texts]


def test_count_tokens_in_chunks(inaugural):
    texts = [p for text in load_documents([inaugural]).text for p in split_paragraphs(text)]
    texts += ["U.S.A.", "", "x", "é.e."] * 50
    assert count_tokens(texts).tolist() == [len(TOKEN.findall(text)) for text in texts]


def test_token_pattern_is_the_one_counted():
    """``count_tokens`` works out ``TOKEN``'s matches from its character classes."""
    assert TOKEN.pattern == (
        r"[^\W_](?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|[^\W_]*(?:[-‐'’][^\W_]+)*)")


PLAIN_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-‐'’][^\W_]+)*")


@TRICKY
@given(st.one_of(tricky_texts, st.text(alphabet="aZ1é_.-'’ \n", max_size=40), st.text()))
def test_token_pattern_equals_its_plain_form(text):
    """Initials or a word, in the order the plain alternation tries them."""
    assert TOKEN.findall(text) == PLAIN_TOKEN.findall(text)


def test_token_pattern_equals_its_plain_form_on_real_text(inaugural):
    for text in load_documents([inaugural]).text:
        assert TOKEN.findall(text) == PLAIN_TOKEN.findall(text)


def test_punkt_character_sets_are_nltks():
    """The characters that end a Punkt word, and that start a realignment, as NLTK's
    own patterns define them."""
    non_word = re.compile(PunktLanguageVars()._re_non_word_chars)
    realignment = PunktLanguageVars.re_boundary_realignment
    chars = [chr(code) for code in range(0x3000)]
    assert {c for c in chars if non_word.fullmatch(c)} == set(_NON_WORD)
    assert {c for c in chars if realignment.match(c + " ")} == set(_CLOSING)

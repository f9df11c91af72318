"""Tokens found by the fast pattern and counted by array operations equal the plain
pattern's."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discourse_workbook.fast.tokens import TOKEN, count_tokens
from discourse_workbook.pipeline import load_documents
from discourse_workbook.segment import WORD, split_paragraphs

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉßøŁжЖΩωİıǅ"
tricky_texts = st.lists(st.one_of(
    st.text(st.sampled_from(LETTERS), min_size=1, max_size=7),
    st.sampled_from(["U.S", "e.g", "don't", "war-weary", "O’Neill", "U.S.-led", "1,000", "x²",
                     "F.B.I.'s", "T.A.’s", "'s", "’sx"]),
    st.sampled_from([".", "..", "-", "'", "’", " ", "\n", "_", "‐", "s"]),
), max_size=40).map("".join)
TRICKY = settings(max_examples=1500, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


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
        r"[^\W_](?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+(?:['’]s(?![^\W_]))?"
        r"|[^\W_]*(?:[-‐'’][^\W_]+)*)")


@TRICKY
@given(st.one_of(tricky_texts, st.text(alphabet="aZ1é_.-'’ \n", max_size=40), st.text()))
def test_token_pattern_equals_its_plain_form(text):
    """Initials or a word, in the order the plain alternation tries them."""
    assert TOKEN.findall(text) == WORD.findall(text)


def test_token_pattern_equals_its_plain_form_on_real_text(inaugural):
    for text in load_documents([inaugural]).text:
        assert TOKEN.findall(text) == WORD.findall(text)

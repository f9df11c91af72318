"""Segmentation: paragraphs, sentences (abbreviations, quotes, runaway sentences), tokens."""

from __future__ import annotations

import re

import pytest

from discourse_workbook import paths
from discourse_workbook.pipeline import load_documents
from discourse_workbook.segment import (
    MAX_SENTENCE_WORDS,
    WORD,
    segment_documents,
    sentence_spans,
    split_paragraphs,
    tokenize,
)


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


@pytest.mark.parametrize(
    "text",
    [
        "The report (Report No. 438) came out on p. 590 of Vol. 2, Sec. 3.",
        "He weighed 180 lb. and stood 6 ft. 2 in the old units.",
        "She moved from Sacramento, Calif. to Topeka, Kan. and then to Peoria, Ill. last year.",
        "The letter went to Atty. Gen. Smith and Supt. Jones of the schools.",
        "President George H.W. Bush tapped him for the appellate court in 1990.",
        "I watched as two of my heroes—like many of you did—Dr. King and Bobby Kennedy fell.",
        "Agents of the F.B.I. raided the office; the F.B.I.'s director said nothing.",
        "Newspapers, e.g. The Times and The Guardian, ran the story.",
        "She turned to him, \"This is great.\" she said.",
        "She works at Yahoo! in the accounting department.",
    ],
)
def test_abbreviations_initials_and_quotations_that_go_on_do_not_split(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        ("They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
         ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."]),
        ("He lives in Springfield, Mo.. Election day is near.",
         ["He lives in Springfield, Mo..", "Election day is near."]),
        ("We make a good team, you and I. Did you see Albert I. Jones?",
         ["We make a good team, you and I.", "Did you see Albert I. Jones?"]),
        ("The patient fell ill. Doctors were called.", ["The patient fell ill.",
                                                        "Doctors were called."]),
        ("The answer was no. Congress agreed.", ["The answer was no.", "Congress agreed."]),
        ("So I congratulate you, C.J. You're a brave guy.",
         ["So I congratulate you, C.J.", "You're a brave guy."]),
        ("He said ``I will not go.'' Then he left.",
         ["He said ``I will not go.''", "Then he left."]),
        ("He said „Wir gehen.“ Dann ging er.", ["He said „Wir gehen.“", "Dann ging er."]),
    ],
)
def test_sentences_end_after_abbreviations_where_a_new_one_starts(text, expected):
    assert sentences(text) == expected


def test_scripts_without_spaces_end_sentences_at_their_own_marks():
    assert sentences("今日は晴れです。明日は雨でしょう！本当ですか？「はい。」と彼は言った。") == [
        "今日は晴れです。", "明日は雨でしょう！", "本当ですか？", "「はい。」と彼は言った。"]
    assert sentences("他说：“我们走吧。”然后走了。") == ["他说：“我们走吧。”", "然后走了。"]


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
    assert tokenize("the F.B.I.'s budget and the T.A.’s office") == [
        "the", "F.B.I.'s", "budget", "and", "the", "T.A.’s", "office"]


def test_default_article_segments():
    paragraphs, sents = segment_documents(load_documents([paths.DEFAULT_ARTICLE]))
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


def test_tokens_are_the_plain_pattern():
    text = "Russia’s U.S.-led, war-weary allies don't (1990s) e.g. x_y"
    assert tokenize(text) == WORD.findall(text)

"""HTML for sentiment: the words that drove a score marked in escaped sentences, and what
an adjusted lexicon changed."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_notebooks import HOSTILE_IMAGE, HOSTILE_MARK, HOSTILE_SCRIPT

from conftest import INAUGURAL
from discourse_workbook.pipeline import load_documents
from discourse_workbook.present.html import mark_words, show_extreme_sentences, show_lexicon_effect
from discourse_workbook.segment import segment_documents
from discourse_workbook.sentiment import (
    extreme_sentences,
    get_analyzer,
    score_sentences_with_words,
)
from discourse_workbook.stats.tone import changed_sentences, compare_lexicons, lexicon_tone


@pytest.fixture(scope="module")
def inaugural_sentences() -> pd.DataFrame:
    return segment_documents(load_documents([INAUGURAL]))[1]


def marked(markup: str) -> list[str]:
    return re.findall(r"<mark[^>]*>(.*?)</mark>", markup)


def test_mark_words_marks_each_word_at_its_next_use_as_vader_splits_words():
    # VADER strips ASCII punctuation only, and only when more than two characters remain:
    # "No," stays "no," and “GOOD”, stays “good” (no lexicon word); "good..." is "good".
    text = "No, no — it's “GOOD”, good... and not-so-good; no good: well :) !!"
    scores, words = get_analyzer().scores_and_words(text)
    assert [w for w, _ in words] == ["no", "good", "good", "well", ":)"]
    markup = mark_words(text, words)
    assert marked(markup) == ["no", "good", "good", "well", ":)"]
    assert "“GOOD”, <mark" in markup and "</mark><sup>" in markup
    assert "#f7d4bf" in markup and "#cfe3f1" in markup
    assert "not-so-good;" in markup  # one token: "not-so-good" is not "good"
    plain = re.sub(r"<sup>[^<]*</sup>", "", re.sub(r"</?mark[^>]*>", "", markup))
    assert plain == text.replace("'", "&#x27;")


def test_every_word_of_real_sentences_is_marked(inaugural_sentences):
    scored, words = score_sentences_with_words(inaugural_sentences)
    key = ["doc_id", "para_id", "sent_id"]
    grouped = {k: list(zip(g["word"], g["valence"], strict=True))
               for k, g in words.groupby(key, sort=False)}
    for row in scored.itertuples():
        found = grouped.get((row.doc_id, row.para_id, row.sent_id), [])
        assert len(marked(mark_words(row.text, found))) == len(found), row.text


def test_mark_words_escapes_the_text_around_and_inside_the_marks():
    text = f"{HOSTILE_SCRIPT} is a terrible <b>attack</b>, <attack> {HOSTILE_MARK}"
    markup = mark_words(text, get_analyzer().scores_and_words(text)[1])
    assert marked(markup) == ["terrible", "attack"]  # "<b>attack</b>" is no word of VADER's
    assert "<script" not in markup and "<b>" not in markup and "<img" not in markup
    assert "&lt;<mark" in markup and "&lt;script&gt;" in markup


def test_extreme_sentences_show_their_driving_words():
    text = (f"{HOSTILE_SCRIPT} is a terrible, horrible attack.\n\nA wonderful, happy day. "
            f"{HOSTILE_IMAGE} was fine.\n\nNothing.")
    sentences = segment_documents(pd.DataFrame({"doc_id": ["d"], "text": [text]}))[1]
    scored, words = score_sentences_with_words(sentences)
    page = show_extreme_sentences(extreme_sentences(scored, top=2), words)._repr_html_()
    assert marked(page) == ["wonderful", "happy", "fine", "terrible", "horrible", "attack"]
    assert "<script" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert page.count("<tr>") == 1 + 3 and ">document<" not in page
    empty = show_extreme_sentences(extreme_sentences(scored.iloc[:0]), words)._repr_html_()
    assert "No sentence lies beyond the neutral band." in empty
    unmarked = show_extreme_sentences(extreme_sentences(scored, top=2), pd.DataFrame())
    assert marked(unmarked._repr_html_()) == [] and "wonderful" in unmarked._repr_html_()


def test_the_lexicon_effect_compares_the_tone_or_says_how_to_adjust_it(write):
    lexicon = write("my <lexicon>.txt", "peace 0\n")
    text = f"Peace at last. {HOSTILE_SCRIPT} brought peace and joy. A table."
    sentences = segment_documents(pd.DataFrame({"doc_id": ["<d>"], "text": [text]}))[1]
    scored, _ = score_sentences_with_words(sentences, analyzer=get_analyzer(lexicon=lexicon))
    comparison = compare_lexicons(scored, lexicon=lexicon)
    page = show_lexicon_effect(lexicon_tone(comparison), changed_sentences(comparison),
                               lexicon=str(lexicon))._repr_html_()
    assert "my &lt;lexicon&gt;.txt" in page and "changes the score of 2 of 3 sentences" in page
    assert "<script" not in page and page.count("<tbody>") == 2
    assert "mean tone (VADER)" in page and "mean tone (adjusted)" in page
    without = show_lexicon_effect(lexicon_tone(comparison), changed_sentences(comparison),
                                  lexicon=None)._repr_html_()
    assert "--sentiment-lexicon FILE" in without and "<table" not in without

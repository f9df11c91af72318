"""The write-up: findings whose numbers come from the tables, escaped HTML, tables to read."""

from __future__ import annotations

import pandas as pd
import pytest
from test_notebooks import HOSTILE_IMAGE, HOSTILE_SCRIPT

from discourse_workbook.pipeline import AnalysisOptions, analyze
from discourse_workbook.present.findings import findings, tone_words_finding
from discourse_workbook.present.html import show_figure, show_sentences, show_table
from discourse_workbook.resources import EXAMPLE_SENTIMENT_LEXICON, shipped
from discourse_workbook.stats.keyness import key_or_frequent
from discourse_workbook.stats.summary import summarise
from discourse_workbook.stats.tone import paragraphs_to_read, tone_words


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    return analyze(out=tmp_path_factory.mktemp("article") / "tables")


def test_findings_state_the_numbers_of_the_tables(analysed):
    found = findings(summarise(analysed))
    docs = analysed.documents
    assert found[0] == (
        f"The text analysed is “{docs.title[0]}” by {docs.author[0]}: "
        f"{len(analysed.paragraphs)} paragraphs, {len(analysed.sentences)} sentences and "
        f"{int(docs.n_tokens.sum()):,} words."
    )
    counts = analysed.terms[~analysed.terms.stopword].groupby("term")["count"].sum()
    assert f"“{counts.idxmax()}” ({counts.max()})" in found[1]
    pairs = analysed.mentions.drop_duplicates(["para_id", "actor"]).merge(
        analysed.mentions.drop_duplicates(["para_id", "actor"]), on="para_id")
    together = pairs[pairs.actor_x < pairs.actor_y].groupby(["actor_x", "actor_y"]).size()
    assert f"together in {together.max()} paragraphs" in " ".join(found)


def test_the_words_that_carry_the_tone_and_a_warning_when_few_carry_it(analysed, tmp_path):
    found = findings(summarise(analysed))
    (sentence,) = [f for f in found if f.startswith("The words that carry most")]
    assert found.index(sentence) == 3  # right after the overall tone
    words = tone_words(analysed.sentiment_words, top=3)
    first = words.iloc[0]
    assert first.word == "security"
    assert f"“security” (+{first.valence:.1f} over {first['count']} uses)" in sentence
    negative = words[words["side"] == "negative"].iloc[0]
    assert f"of the negative tone, “{negative.word}” (−{-negative.valence:.1f}" in sentence
    assert f"“security” alone {first.share:.0%}" in sentence
    assert "the positive tone may reflect what the text is about" in sentence
    assert "“security” is also among the most frequent words" in sentence
    assert "negative tone may reflect" not in sentence

    adjusted = analyze(out=tmp_path / "tables", options=AnalysisOptions(
        sentiment_lexicon=str(shipped(EXAMPLE_SENTIMENT_LEXICON))))
    sentence = tone_words_finding(summarise(adjusted))
    assert "“security”" not in sentence and "may reflect" not in sentence
    assert sentence.endswith("(sums of VADER valence, scored with the adjusted lexicon "
                             "security_lexicon.txt).")


def test_tables_in_the_write_up_escape_text_and_stay_short():
    frame = pd.DataFrame({"text": [HOSTILE_SCRIPT] * 40, "score": [0.123456] * 40})
    shown = show_table(frame, "Scores <b>bold</b>", number=2, top=5)._repr_html_()
    assert "&lt;script&gt;" in shown and "<script>" not in shown
    assert "Table 2.</strong> " in shown and "&lt;b&gt;bold&lt;/b&gt;" in shown
    assert "(showing 5 of 40 rows)" in shown
    assert shown.count("<tr") == 6
    assert "0.12" in shown and "0.123456" not in shown


def test_sentences_and_captions_are_escaped():
    shown = show_sentences([HOSTILE_IMAGE])._repr_html_()
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown and "<img" not in shown
    import matplotlib.pyplot as plt

    fig, _ = plt.subplots()
    figure = show_figure(fig, HOSTILE_SCRIPT, number=3)._repr_html_()
    assert "Figure 3.</strong> " in figure and "&lt;script&gt;" in figure
    assert "<script" not in figure
    assert figure.count("<img ") == 1 and "data:image/png;base64," in figure
    assert not plt.fignum_exists(fig.number)


def test_paragraphs_to_read_point_at_the_extremes(analysed):
    table = paragraphs_to_read(analysed.paragraphs, top=2)
    paras = analysed.paragraphs
    lowest = paras.loc[paras.sentiment.idxmin()]
    first = table[table.why == "most negative"].iloc[0]
    assert first.paragraph == lowest.para_id + 1
    assert first.sentiment == pytest.approx(lowest.sentiment)
    mixed = table[table.why.str.startswith("mixed")]
    assert (mixed.sentiment_min < 0).all() and (mixed.sentiment_max > 0).all()


def test_key_or_frequent_tells_key_words_from_common_ones(analysed):
    table = key_or_frequent(analysed.terms, top=15)
    assert len(table) == 15
    counts = analysed.terms[~analysed.terms.stopword].groupby("term")["count"].sum()
    assert table["count"].tolist() == sorted(table["count"], reverse=True)
    assert table["count"].iloc[0] == counts.max()
    assert table.key.any() and not table.key.all()
    common = table[~table.key]
    assert ((common.log_ratio < 1) | (common.g2 < 15.13)).all()

"""Sentiment figures: bars per paragraph, the arc, the spread of scores, documents."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from small_tables import table_of

from discourse_workbook.present.plots.sentiment import (
    plot_document_sentiment,
    plot_paragraph_sentiment,
    plot_sentence_sentiment,
    plot_sentiment_arc,
    plot_tone_words,
)
from discourse_workbook.sentiment import (
    add_sentiment,
    document_arc,
    score_sentences,
    score_sentences_with_words,
    sentiment_arc,
)
from discourse_workbook.stats.tone import first_documents, sentence_histogram, tone_words

# --------------------------------------------------------------------------- figures


def texts_of(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def test_paragraph_figure_draws_one_bar_per_paragraph(scored_article):
    documents, paragraphs, scored = scored_article
    with_sentiment = add_sentiment(paragraphs, scored)
    fig = plot_paragraph_sentiment(with_sentiment, titles={"x": "unused"})
    ax = fig.axes[0]
    bars = ax.containers[0]
    assert len(bars) == len(paragraphs)
    heights = [bar.get_height() for bar in bars]
    assert heights == pytest.approx(with_sentiment["sentiment"].tolist())
    assert "paragraph" in ax.get_title(loc="left").lower() and "Paragraph" in ax.get_xlabel()
    plt.close(fig)


def test_paragraph_figure_facets_a_corpus_and_escapes_labels():
    first = table_of("Good.", "Bad.", doc_id="cost $5")
    second = table_of("Awful.", doc_id="b")
    paragraphs = add_sentiment(
        pd.concat([first[0], second[0]]), pd.concat([first[1], second[1]])
    )
    fig = plot_paragraph_sentiment(paragraphs)
    assert len(fig.axes) == 2
    assert r"cost \$5" in texts_of(fig)
    fig.canvas.draw()
    plt.close(fig)
    fig = plot_paragraph_sentiment(first_documents(paragraphs, documents=1), of_documents=2)
    assert len(fig.axes) == 1 and "first 1 of 2" in texts_of(fig)
    plt.close(fig)


def test_arc_distribution_and_document_figures(scored_article, inaugural_sentences):
    _, paragraphs, scored = scored_article
    with_sentiment = add_sentiment(paragraphs, scored)
    fig = plot_sentiment_arc(sentiment_arc(with_sentiment, window=5), scored, window=5)
    ax = fig.axes[0]
    assert ax.collections[-1].get_offsets().shape[0] == len(scored)
    line = ax.get_lines()[-1]
    expected = sentiment_arc(with_sentiment, window=5)["rolling"].to_numpy()
    assert line.get_ydata() == pytest.approx(expected)
    plt.close(fig)

    histogram = sentence_histogram(scored)
    fig = plot_sentence_sentiment(histogram)
    counts = [bar.get_height() for bar in fig.axes[0].containers[0]]
    assert counts == histogram["sentences"].tolist() and sum(counts) == len(scored)
    assert f"{len(scored)} sentences" in fig.axes[0].get_title(loc="left")
    plt.close(fig)

    two = ["1789-Washington", "1797-Adams"]
    scored_head = score_sentences(inaugural_sentences[inaugural_sentences["doc_id"].isin(two)])
    documents = add_sentiment(pd.DataFrame({"doc_id": two}), scored_head, by="doc_id")
    fig = plot_document_sentiment(document_arc(documents))
    assert len(fig.axes[0].containers[0]) == 2
    plt.close(fig)
    paragraphs_head = scored_head.groupby(["doc_id", "para_id"], sort=False).size().reset_index()
    fig = plot_sentiment_arc(sentiment_arc(add_sentiment(paragraphs_head, scored_head)))
    assert len(fig.axes[0].get_lines()) >= 2
    plt.close(fig)


def test_tone_words_figure_draws_the_table_it_is_given(scored_article):
    _, _, scored = scored_article
    _, words = score_sentences_with_words(scored[["doc_id", "para_id", "sent_id", "text"]])
    table = tone_words(words, top=6)
    fig = plot_tone_words(table, subject="the column")
    negative, positive = fig.axes
    for ax, side in ((negative, "negative"), (positive, "positive")):
        rows = table[table["side"] == side]
        bars = ax.containers[0]
        assert [bar.get_width() for bar in bars] == pytest.approx(rows["valence"].tolist())
        assert [t.get_text() for t in ax.get_yticklabels()] == rows["word"].tolist()
    first = table.iloc[0]
    label = f"{first.valence:+.1f} ({first['count']}×, {first.share:.0%})"
    assert label in texts_of(fig) and "the column" in texts_of(fig)
    assert negative.get_xlim()[0] == pytest.approx(-positive.get_xlim()[1])  # one scale
    plt.close(fig)


def test_tone_words_figure_of_one_side_and_of_none():
    words = pd.DataFrame({"doc_id": "d", "para_id": 0, "sent_id": [0, 1],
                          "word": ["$peace", "calm"], "valence": [2.5, 1.3]})
    fig = plot_tone_words(tone_words(words))
    assert "No word" in texts_of(fig) and r"\$peace" in texts_of(fig)
    fig.canvas.draw()
    plt.close(fig)
    fig = plot_tone_words(tone_words(words.iloc[:0]))
    assert texts_of(fig).count("No word") == 2
    plt.close(fig)

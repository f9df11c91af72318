"""Figures of terms: frequent words, key words, collocations, dispersion."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from discourse_workbook.present.plots.terms import (
    collocation_table,
    plot_dispersion,
    plot_key_terms,
    plot_top_terms,
)
from discourse_workbook.resources import load_stopwords
from discourse_workbook.stats.context import dispersion
from discourse_workbook.stats.frequencies import term_frequencies
from discourse_workbook.stats.keyness import key_terms_to_show, keyness_general

# --------------------------------------------------------------------------- figures


def test_plot_top_terms_has_the_most_frequent_word_on_top(article):
    top = term_frequencies(article.terms, by="corpus", stopwords=False).head(10)
    fig = plot_top_terms(top)
    ax = fig.axes[0]
    ticks = sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])
    labels = [t.get_text() for t in ticks]
    assert labels == list(top["term"])
    assert [bar.get_width() for bar in ax.patches] == list(top["count"])
    assert not set(labels) & load_stopwords()
    assert len(ax.patches) == 10 and ax.get_title(loc="left") and ax.get_xlabel()
    plt.close(fig)


def test_plot_key_terms_draws_the_rows_it_is_given_key_ones_coloured(article):
    shown = key_terms_to_show(keyness_general(article.terms), top=5)
    fig = plot_key_terms(shown)
    ax = fig.axes[0]
    top_label = max(ax.get_yticklabels(), key=lambda t: t.get_position()[1]).get_text()
    assert top_label == shown.iloc[0]["term"]
    assert len(ax.patches) == 5
    colours = {tuple(bar.get_facecolor()) for bar in ax.patches}
    assert len(colours) == shown["key"].nunique()
    plt.close(fig)
    with pytest.raises(ValueError):
        plot_key_terms(shown, measure="chi2")


def test_collocation_table_escapes_document_text():
    collocations = pd.DataFrame({"word1": ["<script>"], "word2": ["x"],
                                 "collocation": ["<script> x"], "count": [3], "g2": [12.345],
                                 "p": [0.001], "pmi": [2.5]})
    page = collocation_table(collocations).to_html()
    assert "<script>" not in page and "&lt;script&gt; x" in page
    assert "12.3" in page


def test_plot_dispersion_draws_a_tick_per_occurrence(article, inaugural_tables):
    fig = plot_dispersion(dispersion(article.sentences, ["russia", "security"]), article.documents)
    ticks = sum(len(c.get_segments()) for c in fig.axes[0].collections)
    counts = article.terms.set_index("term")["count"]
    assert ticks == counts["russia"] + counts["security"]
    plt.close(fig)
    chosen = ["2009-Obama", "2013-Obama", "2017-Trump"]
    documents = inaugural_tables.documents[inaugural_tables.documents["doc_id"].isin(chosen)]
    sentences = inaugural_tables.sentences[inaugural_tables.sentences["doc_id"].isin(chosen)]
    fig = plot_dispersion(dispersion(sentences, ["freedom"]), documents)
    ax = fig.axes[0]
    boundaries = [line for line in ax.lines if line.get_linestyle() == ":"]
    assert len(boundaries) == 2  # three documents, two places where one begins
    expected = (inaugural_tables.terms.query("doc_id in @chosen and term == 'freedom'")["count"]
                .sum())
    assert sum(len(c.get_segments()) for c in ax.collections) == expected
    plt.close(fig)

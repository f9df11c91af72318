"""Every caption states what its chart draws: the numbers in a caption are read back from
the figure drawn from the same rows (bars, their lengths and labels, panels, dots)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matplotlib.collections import LineCollection, PathCollection

from discourse_workbook import paths
from discourse_workbook.actors import cooccurrence
from discourse_workbook.pipeline import analyze
from discourse_workbook.present import captions
from discourse_workbook.present.plots.actors import (
    plot_actor_mentions,
    plot_actor_network,
    plot_voice_shares,
)
from discourse_workbook.present.plots.compare import draw_comparisons
from discourse_workbook.present.plots.sentiment import (
    plot_paragraph_sentiment,
    plot_sentence_sentiment,
    plot_tone_words,
)
from discourse_workbook.present.plots.terms import plot_key_terms, plot_top_terms
from discourse_workbook.stats.actors import network_edges, top_actors
from discourse_workbook.stats.compare import compare_groups
from discourse_workbook.stats.frequencies import term_frequencies
from discourse_workbook.stats.keyness import key_terms_to_show, keyness_general
from discourse_workbook.stats.tone import first_documents, sentence_histogram, tone_words
from discourse_workbook.voices import summarise_voices

COMPARE = Path(__file__).parents[1] / "fixtures" / "compare"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return analyze([paths.DEFAULT_ARTICLE], out=tmp_path_factory.mktemp("captions") / "t")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return analyze([COMPARE], out=tmp_path_factory.mktemp("captions") / "c")


def numbers(text: str) -> list[float]:
    """The numbers a caption states, in order ("1,705" is one number, "−0.35" negative)."""
    found = re.findall(r"[−-]?\d[\d,]*(?:\.\d+)?", text)
    return [float(n.replace(",", "").replace("−", "-")) for n in found]


def bars(ax) -> list:
    return [p for p in ax.patches if p.get_width() or p.get_height()]


def labels(ax) -> list[str]:
    ticks = sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])
    return [t.get_text() for t in ticks]


def test_top_terms_caption_names_the_first_and_last_bars(tables):
    rows = term_frequencies(tables.terms, by="corpus", stopwords=False).head(12)
    fig = plot_top_terms(rows)
    caption = captions.top_terms(rows)
    ax = fig.axes[0]
    drawn = labels(ax)
    widths = sorted((p.get_width() for p in bars(ax)), reverse=True)
    assert numbers(caption)[0] == len(bars(ax)) == 12
    assert f"“{drawn[0]}” ({int(widths[0])})" in caption
    assert f"“{drawn[-1]}” ({int(widths[-1])})" in caption


def test_key_terms_caption_counts_the_coloured_and_grey_bars(tables):
    rows = key_terms_to_show(keyness_general(tables.terms), top=20)
    fig = plot_key_terms(rows)
    caption = captions.key_terms(rows)
    drawn = bars(fig.axes[0])
    grey = sum(1 for p in drawn if p.get_facecolor()[0] == p.get_facecolor()[1]
               == p.get_facecolor()[2])
    n, key = numbers(caption)[0], int(re.search(r"(\d+) key \(", caption).group(1))
    merely = int(re.search(r"(\d+) merely frequent", caption).group(1))
    assert n == len(drawn) and key == len(drawn) - grey and merely == grey


def test_paragraph_caption_counts_the_bars_of_each_tone(tables, corpus):
    threshold = tables.options.threshold
    for source, documents in ((tables, 1), (corpus, 2)):
        shown = first_documents(source.paragraphs, documents=documents)
        total = len(source.documents)
        fig = plot_paragraph_sentiment(shown, threshold=threshold, of_documents=total)
        caption = captions.paragraph_sentiment(shown, of_documents=total, threshold=threshold)
        heights = [p.get_height() for ax in fig.axes for p in ax.patches
                   if p.get_width() and p.get_height() and p.get_height() != 2 * threshold]
        positive = int(re.search(r"(\d+) lean positive", caption).group(1))
        negative = int(re.search(r"(\d+) negative \(", caption).group(1))
        assert f"for {len(shown)} paragraphs" in caption
        assert positive == sum(h >= threshold for h in heights)
        assert negative == sum(h <= -threshold for h in heights)
        if documents < total:
            assert f"the first {documents} of {total} documents" in caption


def test_sentence_caption_adds_up_the_histogram_drawn(tables):
    histogram = sentence_histogram(tables.sentences)
    fig = plot_sentence_sentiment(histogram)
    caption = captions.sentence_sentiment(histogram)
    heights = [p.get_height() for p in fig.axes[0].containers[0]]
    assert numbers(caption)[0] == sum(heights) == len(tables.sentences)


def test_tone_words_caption_names_the_longest_bar_of_each_side(tables):
    words = tone_words(tables.sentiment_words, top=8)
    fig = plot_tone_words(words)
    caption = captions.tone_words(words)
    negative, positive = fig.axes
    for ax, side in ((negative, "negative"), (positive, "positive")):
        widths = [p.get_width() for p in ax.containers[0]]
        first = labels(ax)[0]
        strongest = max(widths, key=abs)
        assert f"the {len(widths)} strongest {side} words, led by “{first}” " \
               f"({strongest:+.1f}".replace("-", "−") in caption


def test_actor_captions_count_bars_dots_and_lines(tables):
    shown = top_actors(tables.actors, top=10)
    fig = plot_actor_mentions(shown)
    caption = captions.actor_mentions(shown, tables.actors)
    ax = fig.axes[0]
    assert numbers(caption)[:2] == [len(labels(ax)), len(tables.actors)]
    assert f"{int(shown['mentions'].sum()):,} of their" in caption

    edges, nodes = network_edges(cooccurrence(tables.mentions, unit="paragraph"), tables.actors)
    fig = plot_actor_network(edges, nodes, unit="paragraph")
    caption = captions.actor_network(edges, nodes, unit="paragraph")
    ax = fig.axes[0]
    dots = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    lines = sum(len(c.get_segments()) for c in ax.collections if isinstance(c, LineCollection))
    assert numbers(caption)[:2] == [dots, lines]


def test_voice_caption_gives_the_authors_bar(tables):
    voices = summarise_voices(tables.quotes, tables.sentences)
    fig = plot_voice_shares(voices)
    caption = captions.voice_share(voices)
    ax = fig.axes[0]
    author = labels(ax).index("(author)")
    widths = [p.get_width() for p in sorted(ax.patches, key=lambda p: -p.get_y())]
    assert f"{round(widths[author]):.0f}% of the words are the author's own" in caption


def test_corpus_captions_describe_the_groups_drawn(corpus):
    results = compare_groups(corpus, by="author", themes=False)
    drawn = draw_comparisons(results)
    table = results["group_sentiment"]
    fig, _ = drawn["group_sentiment"]
    caption = captions.group_sentiment(table)  # one row, one label per group
    groups = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert f"({len(groups)} rows" in caption and len(groups) == len(table)
    low = table.loc[table["sentiment"].idxmin(), "group"]
    assert f"from {low} (" in caption and any(g.startswith(low) for g in groups)
    terms = results["key_terms_by_group"]
    fig, _ = drawn["key_terms_by_group"]
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    caption = captions.key_terms_by_group(terms, groups=len(results["groups"]))
    assert f"each of {len(panels)} groups" in caption
    assert f"{sum(len(bars(ax)) for ax in panels)} key words" in caption
    empty = [ax for ax in panels if not bars(ax)]
    assert (f"{len(empty)} group has none" in caption) == (len(empty) == 1)

"""Charts of group comparisons: each draws the rows of its table, titles say what is shown,
labels wrap without cutting words, and a corpus of 500 documents is drawn per group."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from discourse_workbook.pipeline import RunOptions, analyze  # noqa: E402
from discourse_workbook.present.plots import compare as charts  # noqa: E402
from discourse_workbook.read.filename import add_name_metadata  # noqa: E402
from discourse_workbook.stats import compare, similarity, themes  # noqa: E402
from discourse_workbook.stats.groups import group_documents  # noqa: E402

CORPUS = Path(__file__).parents[1] / "fixtures" / "compare"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    tables = analyze([CORPUS], out=tmp_path_factory.mktemp("charts") / "t",
                     run=RunOptions(progress=False))
    tables.documents = add_name_metadata(tables.documents)
    return tables


@pytest.fixture(scope="module")
def groups(tables):
    return group_documents(tables.documents, by="author")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def titles(fig: Figure) -> str:
    texts = [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center")]
    if fig._suptitle is not None:
        texts.append(fig._suptitle.get_text())
    return " | ".join(texts)


def tick_labels(ax, axis: str = "y") -> list[str]:
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks]


def test_sentiment_chart_draws_one_row_per_group_with_its_years(tables, groups):
    table = compare.compare_sentiment(tables.sentences, groups)
    fig = charts.plot_sentiment_comparison(table)
    ax = fig.axes[0]
    assert "Sentiment per author, in date order (3 authors)" in titles(fig)
    assert tick_labels(ax) == ["Hale (2001–2005)", "Okafor (2004–2008)",
                               "Lindqvist (2009–2012)"]
    means = [c for c in ax.collections if len(c.get_offsets()) == 3 and c.get_sizes()[0] == 36]
    assert len(means) == 1
    assert np.allclose(means[0].get_offsets()[:, 0], table["sentiment"])
    by_document = compare.compare_sentiment(
        tables.sentences, group_documents(tables.documents, by="document"))
    assert "per document" in titles(charts.plot_sentiment_comparison(by_document))


def test_key_terms_chart_has_a_panel_per_group_even_without_key_terms(tables, groups):
    table = compare.key_terms_by_group(tables.terms, groups, min_count=3, min_g2=6.63, top=3)
    fig = charts.plot_key_terms_by_group(table, all_groups=["Hale", "Okafor", "Lindqvist",
                                                            "(unknown)"])
    panels = [ax for ax in fig.axes if ax.get_title("left")]
    assert [ax.get_title("left") for ax in panels] == ["Hale", "Okafor", "Lindqvist", "(unknown)"]
    assert "no key term" in [t.get_text() for t in panels[3].texts]
    hale = table[table["group"] == "Hale"]
    assert tick_labels(panels[0]) == hale["term"].tolist()
    assert [round(p.get_width(), 6) for p in panels[0].patches] == hale["g2"].round(6).tolist()
    assert "Key terms per author" in titles(fig)


def test_trend_chart_is_a_time_line_by_decade_and_bars_by_author(tables, groups):
    by_year = group_documents(tables.documents, by="year")
    table = compare.term_trends(tables.terms, by_year, items=["harbour", "schools"])
    fig = charts.plot_term_trends(table)
    lines = [ax.lines[0] for ax in fig.axes if ax.lines]
    assert len(lines) == 2
    assert list(lines[0].get_xdata()) == [float(y) for y in sorted(by_year["year"].unique())]
    assert "per year" in titles(fig)
    bars = charts.plot_term_trends(compare.term_trends(tables.terms, groups, n=2))
    assert all(len(ax.patches) == 3 for ax in bars.axes if ax.get_title("left"))


def test_heat_maps_show_every_cell_of_their_tables(tables, groups):
    actors = compare.actors_by_group(tables.mentions, tables.sentences, groups, top=4)
    fig = charts.plot_actors_by_group(actors)
    image = fig.axes[0].images[0].get_array()
    assert image.shape == (3, 4)
    assert tick_labels(fig.axes[0]) == ["Hale", "Okafor", "Lindqvist"]
    tone = charts.plot_actor_tone_by_group(actors, min_sentences=2)
    masked = tone.axes[0].images[0].get_array().mask
    assert masked.sum() == (actors["sentences"] < 2).sum()
    voices = charts.plot_voices_by_group(compare.voices_by_group(tables.quotes, groups))
    assert "Who is quoted per author" in titles(voices)
    grid = charts.plot_group_similarity(similarity.group_similarity(tables.terms, groups))
    assert grid.axes[0].images[0].get_array().shape == (3, 3)
    found = themes.find_themes(tables.terms, groups, n_themes=3)
    assert "exploratory" in titles(charts.plot_themes(found.terms))
    assert "exploratory" in titles(charts.plot_theme_shares(found.groups))


def test_empty_tables_give_a_chart_that_says_so(tables):
    nothing = compare.key_terms_by_group(tables.terms, group_documents(
        tables.documents.assign(author="All"), by="author"))
    fig = charts.plot_key_terms_by_group(nothing)
    assert "at least two groups" in " ".join(t.get_text() for ax in fig.axes for t in ax.texts)
    empty = themes.Themes()
    assert isinstance(charts.plot_themes(empty.terms), Figure)
    assert isinstance(charts.plot_theme_shares(empty.groups), Figure)


@pytest.mark.parametrize("label", [
    "Ministry of Foreign Affairs of the Russian Federation (Moscow)",
    "Supercalifragilisticexpialidocious-and-more words after it",
    "$100 billion for the Marshall Plan and $5 more",
])
def test_long_labels_wrap_at_spaces_and_never_cut_a_word(label):
    wrapped = charts.wrap_label(label, width=14, max_lines=3)
    assert len(wrapped.split("\n")) <= 3
    assert "$" not in wrapped.replace(r"\$", "")  # every dollar sign is escaped
    text = wrapped.replace(r"\$", "$")
    shown = re.sub(r"-\n", "-", text.removesuffix("…")).replace("\n", " ")
    assert label.startswith(shown)  # the label's own words, in order, none altered
    if text.endswith("…"):
        assert label[len(shown)] in " -"  # cut between words, never inside one
    else:
        assert shown == label


def test_a_corpus_of_500_documents_is_drawn_per_author_not_per_document():
    rng = np.random.default_rng(3)
    names = [f"Author{chr(ord('A') + i)}" for i in range(25)]
    doc_ids = [f"{1900 + i // 5}-{names[i % 25]}-{i % 3 + 1}" for i in range(500)]
    documents = pd.DataFrame({"doc_id": doc_ids, "title": "", "source": "",
                              "n_tokens": 200})
    documents = add_name_metadata(documents)
    sentences = pd.DataFrame({
        "doc_id": np.repeat(doc_ids, 4), "sent_id": np.tile(np.arange(4), 500),
        "compound": rng.uniform(-1, 1, 2000),
    })
    groups = group_documents(documents, by="document", max_groups=40)
    assert groups["grouping"].iloc[0] == "author"
    fig = charts.plot_sentiment_comparison(compare.compare_sentiment(sentences, groups))
    labels = tick_labels(fig.axes[0])
    assert len(labels) == 25
    assert all(re.fullmatch(r"Author[A-Y] \(\d{4}–\d{4}\)", label) for label in labels)
    by_time = group_documents(documents.assign(author=""), by="document", max_groups=40)
    assert by_time["grouping"].iloc[0] == "decade"

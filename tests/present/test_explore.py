"""The explorer: widgets in JupyterLab, static tables and a chart in exported reports."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from discourse_workbook.pipeline import analyze
from discourse_workbook.present.explore import (
    actor_choices,
    default_term,
    explore_actors,
    explore_terms,
    render_term,
    term_view,
)
from discourse_workbook.present.html import Html
from discourse_workbook.stats.actors import company, mention_contexts
from discourse_workbook.stats.context import kwic
from discourse_workbook.stats.keyness import top_key_terms

HOSTILE = """A test page

Moscow said that <img src=x onerror=alert(1)> and <script>alert(1)</script> were a hoax \
by NATO. The onerror story was false, said Russia, and the onerror claim was denied.
"""


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    return analyze(out=tmp_path_factory.mktemp("article") / "tables")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "page.txt").write_text(HOSTILE, encoding="utf-8")
    return analyze([folder / "page.txt"], out=folder / "tables")


def parts(explorer: widgets.VBox) -> tuple[list, widgets.HTML]:
    """The explorer's controls and its output."""
    first, output = explorer.children
    controls = list(first.children) if isinstance(first, widgets.HBox) else [first]
    return controls, output


def test_default_term_is_the_top_key_term(article):
    term = default_term(article)
    assert term == top_key_terms(article.terms, top=1)[0]
    assert len(kwic(article.paragraphs, article.sentences, term)) >= 3


def test_static_term_view_says_what_the_explorer_does(article):
    view = explore_terms(article, interactive=False)
    assert isinstance(view, Html) and "this cell is an explorer" in view.markup


def test_a_term_view_has_concordance_and_dispersion(article):
    term = default_term(article)
    lines = kwic(article.paragraphs, article.sentences, term, window=8)
    page = render_term(article, term)
    assert f"“{term}” in context: {len(lines)} occurrences" in page
    assert page.count("<tr") == min(len(lines), 15) + 1
    assert lines["right"].iloc[0] in page
    assert page.count("data:image/png;base64,") == 1


def test_term_view_keeps_the_first_lines_and_counts_all(article):
    view = term_view(article, "security", top=4)
    assert len(view.concordance) == 4
    assert view.occurrences == len(kwic(article.paragraphs, article.sentences, "security"))
    assert set(view.dispersion["item"]) == {"security"}
    assert len(view.dispersion) == view.occurrences


def test_term_widget_follows_what_is_typed(article):
    explorer = explore_terms(article)
    assert isinstance(explorer, widgets.VBox)
    (box, width), output = parts(explorer)
    assert box.value == default_term(article)
    box.value = "nuclear"
    nuclear = kwic(article.paragraphs, article.sentences, "nuclear")
    assert f"“nuclear” in context: {len(nuclear)} occurrences" in output.value
    width.value = 2
    assert "up to 2 words either side" in output.value
    box.value = "zebra crossing"
    assert "in context: 0 occurrences" in output.value and "never uses it" in output.value
    box.value = "!!"
    assert "has no word in it" in output.value


def test_actor_widget_shows_mentions_and_company(article):
    explorer = explore_actors(article)
    (picker,), output = parts(explorer)
    assert list(picker.options) == actor_choices(article)
    top = article.actors.sort_values("mentions", ascending=False, kind="stable").iloc[0]
    assert picker.value == top["actor"]
    assert f"{top['actor']}: {top['mentions']} mentions" in output.value
    picker.value = "Ukraine"
    assert "Ukraine: " in output.value and "named together with Ukraine" in output.value


def test_static_actor_view_is_the_most_mentioned_actor(article):
    page = explore_actors(article, interactive=False)._repr_html_()
    top = actor_choices(article)[0]
    assert page.startswith(f"<h4 style='margin: 0.8em 0 0.3em'>{top}: ")
    assert "<table" in page


def test_mention_contexts_are_the_sentence_around_the_alias(article):
    contexts = mention_contexts(article.mentions, article.sentences, "Russia", window=4)
    assert len(contexts) == int(article.actors.set_index("actor").loc["Russia", "mentions"])
    sentences = article.sentences.set_index("sent_id")["text"]
    for row in contexts.itertuples():
        text = " ".join(sentences[row.sent_id].split())
        assert row.alias in text
        assert len(row.left.split()) <= 4 and len(row.right.split()) <= 4
        assert text.find(row.left) <= text.find(row.alias, max(text.find(row.left), 0))
    assert {"Moscow", "Russia"} <= set(contexts["alias"])


def test_company_counts_shared_sentences_and_paragraphs(article):
    table = company(article.mentions, "Russia").set_index("actor")
    mentions = article.mentions
    russia = mentions[mentions.actor == "Russia"]
    usa = mentions[mentions.actor == "United States"]
    assert table.loc["United States", "sentences"] == len(set(russia.sent_id) & set(usa.sent_id))
    assert table.loc["United States", "paragraphs"] == len(set(russia.para_id) & set(usa.para_id))
    assert "Russia" not in table.index
    assert table["sentences"].is_monotonic_decreasing


def test_explorers_show_document_text_as_text(hostile):
    terms = render_term(hostile, "onerror")
    assert "&lt;img src=x" in terms and "&lt;script&gt;alert(1)&lt;/script&gt;" in terms
    assert "<img src=x" not in terms and "<script>" not in terms
    explorer = explore_actors(hostile)
    _, output = parts(explorer)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output.value
    assert "<script>" not in output.value and "<img src=x" not in output.value

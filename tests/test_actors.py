"""Actors: the lexicon, its checks, mention matching, summaries, candidates, figures."""

from __future__ import annotations

import time
from functools import partial

import pandas as pd
import pytest
from matplotlib.figure import Figure

from conftest import INAUGURAL
from discourse_workbook import actors
from discourse_workbook.actors import (
    ACTOR_COLUMNS,
    CANDIDATE_COLUMNS,
    KINDS,
    MENTION_COLUMNS,
    cooccurrence,
    find_candidates,
    find_mentions,
    load_lexicon,
    mention_spans,
    parse_lexicon,
    summarise_actors,
)
from discourse_workbook.errors import InputError
from discourse_workbook.pipeline import load_documents
from discourse_workbook.present.plots.actors import (
    plot_actor_mentions,
    plot_actor_network,
    plot_actor_positions,
    plot_actor_sentiment,
)
from discourse_workbook.resources import ACTORS, shipped
from discourse_workbook.segment import segment_documents
from discourse_workbook.stats.actors import mention_positions, network_edges


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="module")
def article():
    return segment_documents(load_documents())


@pytest.fixture(scope="module")
def article_mentions(article, lexicon):
    return find_mentions(article[1], lexicon)


def sentences_of(*texts: str, doc_id: str = "t") -> pd.DataFrame:
    """The sentences of a tiny document whose paragraphs are ``texts``."""
    documents = pd.DataFrame({"doc_id": [doc_id], "text": ["\n\n".join(texts)]})
    return segment_documents(documents)[1]


def found(text: str, lexicon, **options) -> list[tuple[str, str]]:
    """(actor, alias as written) for every mention in one text."""
    return [(m.actor, text[m.start:m.end]) for m in mention_spans(text, lexicon, **options)]


# --------------------------------------------------------------------------- the lexicon


def test_default_lexicon_is_broad_and_well_formed(lexicon):
    assert 100 <= len(lexicon.actors) <= 200
    assert {a.kind for a in lexicon.actors} == set(KINDS)
    kinds = lexicon.kinds()
    for person in ["Vladimir Putin", "Sergei Lavrov", "Yuri Ushakov", "Maria Zakharova",
                   "Sergei Karaganov", "Ivan Timofeev", "Constantine Cavafy", "Joe Biden",
                   "Donald Trump", "Xi Jinping", "Volodymyr Zelensky", "Emmanuel Macron",
                   "Olaf Scholz", "Narendra Modi", "Recep Tayyip Erdoğan", "Benjamin Netanyahu"]:
        assert kinds[person] == "person", person
    for organisation in ["NATO", "European Union", "United Nations", "G7", "BRICS",
                         "Shanghai Cooperation Organisation", "ASEAN", "SWAPO", "Pentagon",
                         "League of Arab States", "Organization of African Unity", "Mercosur",
                         "Russian Foreign Ministry", "International Monetary Fund", "World Bank",
                         "World Trade Organization", "OPEC", "African Union", "G20", "Hamas",
                         "Hezbollah"]:
        assert kinds[organisation] == "organisation", organisation
    assert kinds["the West"] == "group"
    assert kinds["Eurasia"] == "region"
    assert kinds["Israel"] == kinds["Iran"] == "state"


def test_demonyms_are_listed_apart_from_names(lexicon):
    table = lexicon.to_frame()
    russia = table[table["actor"] == "Russia"]
    assert set(russia.loc[russia["demonym"], "alias"]) == {"Russian", "Russians"}
    names = set(russia.loc[~russia["demonym"], "alias"])
    assert {"Moscow", "Kremlin", "Russian Federation"} <= names


LEXICON_ERRORS = {
    "yaml syntax": ("actors:\n  - label: A\n    kind: [state\n  - label: B\n", 4),
    "missing kind": ("actors:\n  - label: A\n    aliases: [x]\n", 2),
    "unknown kind": ("actors:\n  - label: A\n    kind: country\n", 3),
    "alias of two actors": ("actors:\n  - label: A\n    kind: state\n    aliases: [Moscow]\n"
                            "  - label: B\n    kind: state\n    aliases: [Kremlin, Moscow]\n", 7),
    "demonym of another": ("actors:\n  - label: A\n    kind: state\n    demonyms: [Russian]\n"
                           "  - label: B\n    kind: state\n    aliases: [Russian]\n", 7),
    "empty alias": ("actors:\n  - label: A\n    kind: state\n    aliases: [x, '']\n", 4),
    "empty list item": ("actors:\n  - label: A\n    kind: state\n    aliases:\n      - x\n"
                        "      -\n", 6),
    "alias without letters": ("actors:\n  - label: A\n    kind: state\n    aliases: ['...']\n", 4),
    "misspelt key": ("actors:\n  - label: A\n    kind: state\n    alias: [x]\n", 4),
    "label twice": ("actors:\n  - label: A\n    kind: state\n  - label: A\n    kind: group\n", 4),
    "repeated key": ("actors:\n  - label: A\n    kind: state\n    kind: group\n", 4),
    "no actors list": ("titles: [Mr]\n", 1),
}


@pytest.mark.parametrize("case", sorted(LEXICON_ERRORS))
def test_a_malformed_lexicon_names_the_file_and_the_line(case, tmp_path):
    text, line = LEXICON_ERRORS[case]
    path = tmp_path / "my_actors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_lexicon(path)
    message = str(error.value)
    assert str(path) in message
    assert f"line {line}" in message


def test_libyaml_and_pyyaml_read_a_lexicon_alike(monkeypatch, tmp_path):
    """The lexicon and every error message are the same whichever parser builds the nodes."""
    texts = [shipped(ACTORS).read_text(encoding="utf-8")]
    texts += [text for text, _ in LEXICON_ERRORS.values()]
    fast = [_outcome(text) for text in texts]
    plain_compose = partial(actors._compose, fast=False)
    monkeypatch.setattr(actors, "_compose", plain_compose)
    assert [_outcome(text) for text in texts] == fast
    assert fast[0].startswith("Lexicon(actors=(Actor(") and fast[0].count("Actor(") > 50


def _outcome(text: str) -> str:
    """The lexicon read from a text, written out in full, or the error it raises."""
    try:
        return repr(parse_lexicon(text, source="x.yaml"))
    except InputError as err:
        return str(err)


def test_a_name_claimed_twice_names_both_actors():
    text = LEXICON_ERRORS["alias of two actors"][0]
    with pytest.raises(InputError, match=r"'Moscow' is claimed by both A \(line 4\) and B"):
        parse_lexicon(text)


def test_an_empty_or_missing_lexicon_file_is_an_input_error(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        load_lexicon(empty)
    with pytest.raises(InputError, match="does not exist"):
        load_lexicon(tmp_path / "missing.yaml")


def test_a_name_repeated_for_one_actor_is_kept_once():
    lexicon = parse_lexicon("actors:\n  - label: Russia\n    kind: state\n"
                            "    aliases: [Russia, Moscow, Moscow]\n")
    assert lexicon.actors[0].aliases == ("Russia", "Moscow")


# --------------------------------------------------------------------------- matching rules


def test_names_match_whole_words_only(lexicon):
    assert found("Prussian Putinism in Moscovia", lexicon) == []
    assert found("Putin met Modi.", lexicon) == [("Vladimir Putin", "Putin"),
                                                ("Narendra Modi", "Modi")]


def test_the_longest_name_wins(lexicon):
    assert found("the Russian Federation", lexicon) == [("Russia", "Russian Federation")]
    assert found("South African Defence Forces", lexicon) == [
        ("South African Defence Force", "South African Defence Forces")]
    small = parse_lexicon("actors:\n  - {label: Korea, kind: state}\n"
                          "  - {label: North Korea, kind: state}\n")
    assert found("North Korea and Korea", small) == [("North Korea", "North Korea"),
                                                     ("Korea", "Korea")]


def test_a_title_and_a_full_name_make_one_mention(lexicon):
    assert found("President Putin spoke.", lexicon) == [("Vladimir Putin", "President Putin")]
    assert found("Foreign Minister Sergei Lavrov and Sergei Lavrov", lexicon) == [
        ("Sergei Lavrov", "Foreign Minister Sergei Lavrov"), ("Sergei Lavrov", "Sergei Lavrov")]
    # A title alone, or before a name that is not a person's, is no mention.
    assert found("The President of Russia", lexicon) == [("Russia", "Russia")]


def test_possessives_count_with_either_apostrophe(lexicon):
    assert found("Putin’s plan and Putin's aims", lexicon) == [
        ("Vladimir Putin", "Putin"), ("Vladimir Putin", "Putin")]
    assert found("the West’s interference", lexicon) == [("the West", "the West")]


def test_dotted_initials_match_before_a_hyphen_and_at_a_sentence_end(lexicon):
    text = "a U.S.-centric vision, talks between Russia and the U.S."
    assert found(text, lexicon) == [("United States", "U.S."), ("Russia", "Russia"),
                                    ("United States", "U.S.")]
    assert found("the U.S.S.R. fell", lexicon) == [("Soviet Union", "U.S.S.R.")]


def test_acronyms_match_only_in_capitals(lexicon):
    assert found("tell us about it", lexicon) == []
    assert found("the US and the UN", lexicon) == [("United States", "US"),
                                                   ("United Nations", "UN")]
    assert found("Nato", lexicon) == []


def test_the_west_is_not_western_in_lower_case_nor_a_compass_point(lexicon):
    assert found("The West and the west of England", lexicon) == [("the West", "The West")]
    assert found("western finance", lexicon) == []
    assert found("Western patterns", lexicon) == [("the West", "Western")]
    assert found("Angola and South-West Africa", lexicon) == [
        ("Angola", "Angola"), ("Namibia", "South-West Africa")]
    assert found("settlers in the West Bank", lexicon) == [("West Bank", "West Bank")]
    assert found("the West African states", lexicon) == [("West Africa", "West African")]


def test_metonyms_stand_for_their_state(lexicon):
    text = ("Moscow, the Kremlin, Washington, the White House, Kiev, Kyiv, Pretoria, Beijing "
            "and Brussels")
    assert [actor for actor, _ in found(text, lexicon)] == [
        "Russia", "Russia", "United States", "United States", "Ukraine", "Ukraine",
        "South Africa", "China", "European Union"]


def test_ignored_names_hide_the_alias_inside_them(lexicon):
    assert found("The Washington Post reported from Washington.", lexicon) == [
        ("United States", "Washington")]


def test_demonyms_are_marked_and_can_be_left_out(lexicon):
    text = "The Russians and the Russian public met Americans in Moscow."
    spans = mention_spans(text, lexicon)
    assert [(m.actor, m.demonym) for m in spans] == [
        ("Russia", True), ("Russia", True), ("United States", True), ("Russia", False)]
    assert found(text, lexicon, demonyms=False) == [("Russia", "Moscow")]


def test_a_lower_case_name_also_matches_with_a_capital_at_a_sentence_start(lexicon):
    assert found("Von der Leyen said so; von der Leyen agreed.", lexicon) == [
        ("Ursula von der Leyen", "Von der Leyen"), ("Ursula von der Leyen", "von der Leyen")]


def test_mentions_table_spans_point_at_the_alias_in_the_sentence(article, article_mentions):
    sentences = article[1].set_index(["doc_id", "sent_id"])["text"]
    assert len(article_mentions) > 100
    for row in article_mentions.itertuples():
        assert sentences[(row.doc_id, row.sent_id)][row.start:row.end] == row.alias


def test_mentions_table_has_fixed_columns_even_when_empty(lexicon):
    empty = find_mentions(sentences_of("Nothing to see here."), lexicon)
    assert list(empty.columns) == MENTION_COLUMNS
    assert empty.empty
    assert str(empty["para_id"].dtype) == "int64"
    assert str(empty["demonym"].dtype) == "bool"


def test_find_mentions_keys_rows_by_paragraph_and_sentence(lexicon):
    mentions = find_mentions(sentences_of("Putin spoke. Lavrov wrote.", "Moscow waited."),
                             lexicon)
    assert list(zip(mentions["para_id"], mentions["sent_id"], mentions["actor"],
                    strict=True)) == [
        (0, 0, "Vladimir Putin"), (0, 1, "Sergei Lavrov"), (1, 2, "Russia")]


def test_the_quick_scan_finds_exactly_what_the_pattern_finds(lexicon):
    from discourse_workbook.actors import _matcher, _matches

    texts = load_documents([str(INAUGURAL)])["text"].tolist() + [
        "the West, THE WEST, theWest, al-Assad, xal-Assad, l’Europe, d'Iran, 'Putin', "
        "President  Putin and President\nBiden, Mr.Putin, Putins, Putin’s, Putin', "
        "President, President Russia, Mr. Mr. Putin, President President Putin, Mr.",
    ]
    for demonyms in (True, False):
        matcher = _matcher(lexicon, demonyms)
        assert matcher.scan is not matcher.pattern
        for text in texts:
            expected = [m.span() for m in matcher.pattern.finditer(text)]
            assert [m.span() for m in _matches(matcher, text)] == expected
            # the scan matches wherever the pattern does
            starts = {m.start() for m in matcher.pattern.finditer(text)}
            assert all(matcher.scan.match(text, start) for start in starts)


def test_a_lexicon_with_a_name_not_starting_with_a_letter_still_matches():
    odd = parse_lexicon("actors:\n- label: Odd\n  kind: group\n  aliases: ['#Odd', 'Even']\n")
    assert [a for a, _ in found("#Odd and Even.", odd)] == ["Odd", "Odd"]


def test_mentions_of_many_sentences_equal_mentions_of_each(lexicon):
    sentences = pd.DataFrame({
        "doc_id": ["a"] * 4, "para_id": [0, 0, 1, 1], "sent_id": [0, 1, 2, 3],
        "text": ["He met the United", "States of America. Putin", "’s aide", "Russia"],
    })
    mentions = find_mentions(sentences, lexicon)
    expected = [(i, text[m.start:m.end]) for i, text in enumerate(sentences["text"])
                for m in mention_spans(text, lexicon)]
    assert list(zip(mentions["sent_id"], mentions["alias"], strict=True)) == expected
    assert [alias for _, alias in expected] == ["America", "Putin", "Russia"]  # no "United States"
    with_nul = sentences.assign(text=sentences["text"].str.replace("aide", "\0aide"))
    pd.testing.assert_frame_equal(find_mentions(with_nul, lexicon), mentions)


def test_matching_is_one_linear_pass(lexicon):
    text = "U.S. Russian the West South-West Africa President Putin’s " * 20000  # ~1.2 MB
    started = time.perf_counter()
    spans = mention_spans(text, lexicon)
    assert time.perf_counter() - started < 5
    assert len(spans) == 5 * 20000


# --------------------------------------------------------------------------- the article


def test_default_article_person_mentions_match_a_hand_count(article_mentions):
    # Counted by reading the article body (the headline names no person):
    # Putin 10 — "President Putin’s purpose" (twice: opening and closing paragraphs),
    #   "President Putin – in his statement", "Putin indicated", "Putin emphatically said",
    #   "Putin explicitly looked ahead", "Putin’s principal Foreign Policy adviser",
    #   "clarified Putin’s ‘sparse’ allusion", "(Putin’s words)", "[of Putin at the Russian
    #   Foreign Ministry]";
    # Lavrov 6 — "Sergei Lavrov’s démarche", "Lavrov archly commented", "as Lavrov has
    #   underlined", "Lavrov specified", "Lavrov said at the Primakov Readings Forum",
    #   "Lavrov predicted:";
    # Ushakov 5 — "Yuri Ushakov", "Ushakov reportedly said", "Ushakov explained",
    #   "Ushakov said", "just as Ushakov described";
    # Zakharova 1 ("explained Maria Zakharova"), Karaganov 1 ("Sergei Karaganov"),
    # Timofeev 1 ("writes Ivan Timofeev"), Cavafy 1 ("CP Cavafy’s celebrated poem").
    hand_count = {"Vladimir Putin": 10, "Sergei Lavrov": 6, "Yuri Ushakov": 5,
                  "Maria Zakharova": 1, "Sergei Karaganov": 1, "Ivan Timofeev": 1,
                  "Constantine Cavafy": 1}
    persons = article_mentions[article_mentions["kind"] == "person"]
    assert persons["actor"].value_counts().to_dict() == hand_count
    # "President Putin" is one mention, not a title plus a name.
    assert (persons["alias"] == "President Putin").sum() == 3


def test_default_article_the_west_matches_a_hand_count(article_mentions):
    # "The West has ‘lost’ Russia", "offer to the West", "shock the West", "whims of the
    # West", "the West’s interference", "if the West now feels free": 6 names; "Western
    # countries", "Western patterns", "the Western apparatus": 3 demonyms. "the western
    # financial … hegemony" and "South-West Africa" are not the West.
    west = article_mentions[article_mentions["actor"] == "the West"]
    assert (~west["demonym"]).sum() == 6
    assert west.loc[west["demonym"], "alias"].tolist() == ["Western"] * 3


def test_default_article_covers_its_organisations(article_mentions):
    named = set(article_mentions["actor"])
    assert {"NATO", "European Union", "United Nations", "G7", "BRICS",
            "Shanghai Cooperation Organisation", "ASEAN", "SWAPO", "Pentagon",
            "League of Arab States", "Organization of African Unity", "Mercosur",
            "Russian Foreign Ministry", "Eurasia", "Namibia", "Crimea"} <= named


# --------------------------------------------------------------------------- summaries


def test_summarise_actors_counts_occurrences_paragraphs_and_positions(lexicon):
    sentences = sentences_of("Putin and President Putin met.", "Nothing here.",
                             "Moscow waited. Putin left.")
    mentions = find_mentions(sentences, lexicon)
    summary = summarise_actors(mentions, sentences, lexicon).set_index("actor")
    assert list(summary.reset_index().columns) == ACTOR_COLUMNS
    putin = summary.loc["Vladimir Putin"]
    assert (putin["mentions"], putin["paragraphs"], putin["documents"]) == (3, 2, 1)
    assert (putin["first_position"], putin["last_position"]) == (0.0, 1.0)
    assert summary.loc["Russia", "first_position"] == pytest.approx(2 / 3)
    assert summary.index.tolist() == ["Vladimir Putin", "Russia"]  # most mentioned first
    assert pd.isna(putin["sentiment"])  # no compound column yet


def test_actor_sentiment_is_the_mean_of_distinct_sentences(lexicon):
    sentences = sentences_of("Putin and President Putin met.", "Putin left. Moscow waited.")
    sentences = sentences.assign(compound=[0.8, -0.2, 0.5])
    mentions = find_mentions(sentences, lexicon)
    summary = summarise_actors(mentions, sentences, lexicon).set_index("actor")
    # Sentence 0 names Putin twice but counts once: (0.8 + -0.2) / 2.
    assert summary.loc["Vladimir Putin", "sentiment"] == pytest.approx(0.3)
    assert summary.loc["Vladimir Putin", "n_sentences"] == 2
    assert summary.loc["Russia", "sentiment"] == pytest.approx(0.5)


def test_summarise_actors_of_no_mentions_is_an_empty_table(lexicon):
    sentences = sentences_of("Nothing here.")
    summary = summarise_actors(find_mentions(sentences, lexicon), sentences, lexicon)
    assert summary.empty and list(summary.columns) == ACTOR_COLUMNS


def test_cooccurrence_counts_units_naming_both(lexicon):
    sentences = sentences_of("Putin met Lavrov. Putin met Lavrov again in Moscow.",
                             "Putin left. Lavrov stayed.")
    mentions = find_mentions(sentences, lexicon)
    by_sentence = cooccurrence(mentions)
    assert list(by_sentence.itertuples(index=False, name=None)) == [
        ("Sergei Lavrov", "Vladimir Putin", 2), ("Russia", "Sergei Lavrov", 1),
        ("Russia", "Vladimir Putin", 1)]
    by_paragraph = cooccurrence(mentions, unit="paragraph").set_index(["actor_a", "actor_b"])
    assert by_paragraph.loc[("Sergei Lavrov", "Vladimir Putin"), "count"] == 2
    with pytest.raises(InputError, match="unit"):
        cooccurrence(mentions, unit="page")


# --------------------------------------------------------------------------- candidates


def test_candidates_are_names_not_sentence_starts_nor_known_actors(lexicon):
    sentences = sentences_of(
        "However, the Primakov Readings Forum met. Then Smith spoke at the Primakov Readings "
        "Forum. Putin listened.",
        "Evidently nobody cared. Later Smith left with Putin. The end. The court of Smith.",
    )
    candidates = find_candidates(sentences, lexicon, min_count=2)
    assert list(candidates.columns) == CANDIDATE_COLUMNS
    assert candidates["name"].tolist() == ["Smith", "Primakov Readings Forum"]
    assert candidates["count"].tolist() == [3, 2]
    assert "Primakov Readings Forum" in candidates.loc[1, "example"]


def test_a_word_capitalised_only_at_sentence_starts_is_no_candidate(lexicon):
    sentences = sentences_of("Evidently it rained. Evidently it snowed. It was ‘Alt’ and ‘Alt’.")
    assert find_candidates(sentences, lexicon, min_count=1).empty


def test_default_article_candidates(article, lexicon):
    candidates = find_candidates(article[1], lexicon).set_index("name")["count"]
    assert candidates["Euro-Atlantic"] == 4
    assert candidates["Primakov Readings Forum"] == 2
    assert not {"Putin", "Russia", "The", "October"} & set(candidates.index)


# --------------------------------------------------------------------------- figures


def test_actor_figures_are_labelled_and_show_names_as_text(lexicon):
    sentences = sentences_of("Putin met Lavrov in Moscow. $5 for NATO and Putin.")
    sentences = sentences.assign(compound=[0.4, -0.3])
    mentions = find_mentions(sentences, lexicon)
    actors = summarise_actors(mentions, sentences, lexicon)
    actors.loc[0, "actor"] = "A $cost$ actor"  # text must never turn into mathtext
    figures = [plot_actor_mentions(actors),
               plot_actor_positions(mention_positions(mentions, sentences)),
               plot_actor_network(*network_edges(cooccurrence(mentions), actors)),
               plot_actor_sentiment(actors)]
    for fig in figures:
        assert isinstance(fig, Figure)
        ax = fig.axes[0]
        assert ax.get_title(loc="left")
        if ax.axison:
            assert ax.get_xlabel() and ax.get_ylabel()
    labels = [t.get_text() for t in figures[0].axes[0].get_yticklabels()]
    assert r"A \$cost\$ actor" in labels
    for fig in figures:
        fig.canvas.draw()


def test_the_network_layout_is_the_same_every_time(article_mentions, article, lexicon):
    actors = summarise_actors(article_mentions, article[1], lexicon)
    pairs = cooccurrence(article_mentions)

    def dots(fig):
        return [c.get_offsets().tolist() for c in fig.axes[0].collections]

    assert dots(plot_actor_network(pairs, actors)) == dots(plot_actor_network(pairs, actors))


def test_the_position_strip_counts_mentions_per_paragraph(lexicon):
    sentences = sentences_of("Putin spoke. Putin again.", "Moscow waited.", "Putin left.")
    mentions = find_mentions(sentences, lexicon)
    positions = mention_positions(mentions, sentences)
    grid = plot_actor_positions(positions).axes[0].images[0].get_array()
    assert grid.tolist() == [[2, 0, 1], [0, 1, 0]]  # Putin, then Russia; one column a paragraph
    shares = plot_actor_positions(positions, relative=True).axes[0].images[0]
    assert shares.get_array().sum(axis=1).tolist() == pytest.approx([1.0, 1.0])


# --------------------------------------------------------------------------- listed or not


def test_mentions_say_whether_the_lexicon_lists_the_actor_and_why_they_count(lexicon):
    mentions = find_mentions(sentences_of(
        "Foreign Minister Annalena Baerbock met Putin in Moscow. The Russians listened.",
        "Baerbock left."), lexicon)
    assert mentions[["alias", "listed", "rule"]].values.tolist() == [
        ["Foreign Minister Annalena Baerbock", False, "title"],
        ["Putin", True, "lexicon"],
        ["Moscow", True, "metonym"],
        ["Russians", True, "demonym"],
        ["Baerbock", False, "surname-link"],
    ]
    assert str(mentions["listed"].dtype) == "bool"


def test_listed_only_counts_the_lexicon_alone(lexicon):
    sentences = sentences_of("President Washington met Annalena Baerbock in Washington.")
    listed = find_mentions(sentences, lexicon, listed_only=True)
    assert listed[["alias", "actor"]].values.tolist() == [
        ["Washington", "United States"], ["Washington", "United States"]]
    assert listed["listed"].all()
    every = find_mentions(sentences, lexicon)
    assert every["actor"].tolist() == ["Washington", "Annalena Baerbock", "United States"]


def test_actors_table_marks_listed_actors_and_counts_discovered_ones_alike(lexicon):
    sentences = sentences_of("Saddam Hussein defied the UN. Saddam Hussein lied again.",
                             "Hussein’s regime fell. Putin said nothing.")
    mentions = find_mentions(sentences, lexicon)
    actors = summarise_actors(mentions, sentences, lexicon).set_index("actor")
    assert list(actors.reset_index().columns) == ACTOR_COLUMNS
    assert (actors.loc["Saddam Hussein", "mentions"], actors.loc["Saddam Hussein", "kind"],
            actors.loc["Saddam Hussein", "listed"]) == (3, "person", False)
    assert actors.loc["Vladimir Putin", "listed"] and actors.loc["United Nations", "listed"]


def test_a_lexicon_lists_metonyms_apart_and_counts_them_like_aliases():
    small = parse_lexicon("actors:\n  - label: Russia\n    kind: state\n"
                          "    aliases: [Russian Federation]\n    metonyms: [Moscow, Kremlin]\n")
    assert small.actors[0].metonyms == ("Moscow", "Kremlin")
    assert [(m.actor, m.metonym, m.rule) for m in mention_spans("the Kremlin and Russia",
                                                                small)] == [
        ("Russia", True, "metonym"), ("Russia", False, "lexicon")]
    with pytest.raises(InputError, match="claimed by both"):
        parse_lexicon("actors:\n  - {label: A, kind: state, metonyms: [Moscow]}\n"
                      "  - {label: B, kind: state, aliases: [Moscow]}\n")

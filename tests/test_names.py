"""Names a text introduces: people and organisations the lexicon lacks, linked within a
document, and the lexicon's metonyms judged in context."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import FIXTURES
from discourse_workbook.actors import (
    find_mentions,
    load_lexicon,
    mention_spans,
    parse_lexicon,
    summarise_actors,
)
from discourse_workbook.names import (
    find_names,
    first_name_gender,
    gender_of,
    is_first_name,
    title_gender,
)
from discourse_workbook.pipeline import load_documents
from discourse_workbook.segment import segment_documents

NEWS = FIXTURES / "news"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def names_in(text: str, lexicon) -> list[tuple[str, str, str]]:
    """(as written, actor, rule) for every name one text introduces."""
    judged = find_names(text, mention_spans(text, lexicon), lexicon)
    return [(text[n.start:n.end], n.label, n.rule) for n in judged.names]


def mentions_of(*paragraphs: str, lexicon, doc_id: str = "d") -> pd.DataFrame:
    documents = pd.DataFrame({"doc_id": [doc_id], "text": ["\n\n".join(paragraphs)]})
    return find_mentions(segment_documents(documents)[1], lexicon)


# --------------------------------------------------------------------------- the rules


def test_a_title_introduces_a_person_and_the_surname_links_back(lexicon):
    text = ("German Foreign Minister Annalena Baerbock arrived late. Baerbock spoke first, "
            "and Ms Baerbock’s aides took notes.")
    assert names_in(text, lexicon) == [
        ("Foreign Minister Annalena Baerbock", "Annalena Baerbock", "title"),
        ("Baerbock", "Annalena Baerbock", "surname-link"),
        ("Ms Baerbock", "Annalena Baerbock", "surname-link"),
    ]


def test_a_first_name_apposition_or_reporting_verb_introduces_a_person(lexicon):
    assert names_in("The talks were led by Radosław Sikorski in Warsaw.", lexicon) == [
        ("Radosław Sikorski", "Radosław Sikorski", "first-name")]
    assert names_in("Talks ended, and Gitanas Nausėda, Lithuania’s president, left.",
                    lexicon)[0][1:] == ("Gitanas Nausėda", "apposition")
    assert names_in("“We will see,” said Olek Wyrzykowski.", lexicon)[0][1:] == (
        "Olek Wyrzykowski", "reporting-verb")
    assert names_in("The report, according to Olek Wyrzykowski, was late.", lexicon)[0][1:] == (
        "Olek Wyrzykowski", "reporting-verb")


def test_a_lower_case_role_before_a_name_is_a_title(lexicon):
    assert names_in("The ministry’s spokeswoman Mao Ning spoke.", lexicon)[0][1:] == (
        "Mao Ning", "title")


def test_sentence_starts_months_days_and_titles_alone_are_no_persons(lexicon):
    text = ("Later Tuesday the President spoke. In March Congress met. Mr. President, Members "
            "of Congress, Fellow-Citizens of the Senate: the State of the Union is strong. "
            "May God bless America. Social Security and the Middle East were discussed.")
    persons = [n for n in names_in(text, lexicon) if n[1:] != ()]
    assert persons == []


def test_place_names_beginning_like_first_names_are_no_persons(lexicon):
    text = ("Troops moved from San Antonio to the Rio Grande and Santa Fe. The Treaty of "
            "Guadalupe Hidalgo followed. The Red Cross helped; Revenue Sharing was debated.")
    assert names_in(text, lexicon) == []


def test_an_organisation_is_named_by_its_head_noun_or_the_noun_before_it(lexicon):
    text = ("The Interstate Commerce Commission ruled. The measure passed after the group "
            "People for the Ethical Treatment of Animals objected. PETA said it would appeal.")
    assert names_in(text, lexicon) == [
        ("Interstate Commerce Commission", "Interstate Commerce Commission", "organisation"),
        ("People for the Ethical Treatment of Animals",
         "People for the Ethical Treatment of Animals", "organisation"),
        ("PETA", "People for the Ethical Treatment of Animals", "acronym"),
    ]


def test_a_name_ending_in_a_common_noun_needs_the_context(lexicon):
    text = ("Jeffrey Wall, who was a top official in the solicitor general’s office, said so. "
            "Later Wall praised the record. The Berlin Wall fell; Grant Park was full.")
    assert [n[1:] for n in names_in(text, lexicon)] == [
        ("Jeffrey Wall", "reporting-verb"), ("Jeffrey Wall", "surname-link")]


# --------------------------------------------------------------------------- nicknames


def test_a_nickname_between_a_names_parts_is_an_alias_of_the_person(lexicon):
    text = ("The final was decided when Han “Peanut” Wang-ho’s Sejuani found a gap. "
            "Jeong “Chovy” Ji-hoon answered, but Peanut was everywhere and Chovy left early.")
    assert names_in(text, lexicon) == [
        ("Han “Peanut” Wang-ho", "Han Wang-ho", "nickname"),
        ("Jeong “Chovy” Ji-hoon", "Jeong Ji-hoon", "nickname"),
        ("Peanut", "Han Wang-ho", "nickname-link"),
        ("Chovy", "Jeong Ji-hoon", "nickname-link"),
    ]


@pytest.mark.parametrize(("text", "person", "alias"), [
    ('The club signed Earvin "Magic" Johnson in 1979, and Magic Johnson repaid it.',
     "Earvin Johnson", "Magic Johnson"),
    ("General Thomas ‘Stonewall’ Jackson held the ridge; Stonewall Jackson was wounded later.",
     "Thomas Jackson", "Stonewall Jackson"),
    ("The film starred Dwayne 'The Rock' Johnson, and The Rock did his own stunts.",
     "Dwayne Johnson", "The Rock"),
    ("Prosecutors said Joaquín “El Chapo” Guzmán ran the cartel; El Chapo denied it.",
     "Joaquín Guzmán", "El Chapo"),
    ('Bettors in Kyiv backed Oleksandr "s1mple" Kostyliev, whom s1mple fans adore.',
     "Oleksandr Kostyliev", "s1mple"),
])
def test_nicknames_in_any_quotation_marks_count_for_the_person(lexicon, text, person, alias):
    found = names_in(text, lexicon)
    assert found[0][1:] == (person, "nickname")
    assert (alias, person, "nickname-link") in found
    assert {label for _, label, _ in found} == {person}  # no other reading of its parts


@pytest.mark.parametrize("text", [
    "Veterans of the “Special Military Operation” Command met in the Hall on Monday.",
    "Putin’s “Special Military Operation” Command was renamed in the spring.",
    "Anna Kovalenko’s “Golden” Gloves won the design prize.",
    "The “Special Military Operation” Command was renamed in the spring.",
    "Operation “Desert Storm” began in 1991, and Desert Storm ended within weeks.",
    'Operation "Desert Storm" Veterans marched, and Desert Storm was remembered.',
    "Samsung “Galaxy” Buds Review. The earbuds are small, and Galaxy owners will like them.",
    "Kim Hails “Historic” Win\nThe turnout was the highest in decades.",
    "He read the Constitution \"to declare war.\" They agreed; she said \"Yes\" Monday.",
    "Joe “Sleepy” Biden spoke.",
])
def test_a_scare_quote_inside_a_title_or_a_bodys_name_makes_no_person(lexicon, text):
    assert [n for n in names_in(text, lexicon) if n[2].startswith("nickname")] == []


def test_a_persons_nickname_is_counted_in_the_actors_table(lexicon):
    documents = pd.DataFrame({"doc_id": ["d"], "text": [
        "Kim “Deft” Hyuk-kyu signed for the team in May.\n\n"
        "Deft said the move was right. Fans of Deft filled the arena."]})
    _, sentences = segment_documents(documents)
    mentions = find_mentions(sentences, lexicon)
    actors = summarise_actors(mentions, sentences, lexicon).set_index("actor")
    assert actors.loc["Kim Hyuk-kyu", ["kind", "mentions"]].tolist() == ["person", 3]
    assert "Deft" not in actors.index


# --------------------------------------------------------------------------- rare names


def test_two_rare_words_are_a_person_when_the_surname_recurs_as_a_persons(lexicon):
    text = ("Rafter levelled the score after Lleyton Hewitt's shock five set loss to the "
            "Frenchman. Rafter says he felt no added pressure after Hewitt's defeat.")
    assert [n[1:] for n in names_in(text, lexicon) if "Hewitt" in n[0]] == [
        ("Lleyton Hewitt", "recurring-surname"), ("Lleyton Hewitt", "surname-link")]
    said = "Fans cheered Jarrah Ngata on Sunday. Ngata said the crowd carried her."
    assert names_in(said, lexicon)[0][1:] == ("Jarrah Ngata", "recurring-surname")


@pytest.mark.parametrize("text", [
    # a place or a team: after "in", "the", "visited", or its last word never a person's
    "Delegates met in Kuala Lumpur on Monday. Lumpur's traffic was heavy.",
    "The Borussia Dortmund squad flew home. Dortmund's coach was pleased.",
    "Protests spread to Alei Sinai on Friday. Sinai is a small village.",
    # at a sentence start, or a plural title before the surname
    "Borussia Dortmund won again. Dortmund's coach was pleased.",
    "The coast was charted by Lieutenants Wilkes and Hudson. Wilkes reported it.",
    # the surname never stands alone
    "Fans cheered Jarrah Ngata on Sunday. The crowd carried her.",
])
def test_two_rare_words_without_a_persons_surname_are_no_person(lexicon, text):
    assert [n for n in names_in(text, lexicon) if n[2] == "recurring-surname"] == []


@pytest.mark.parametrize("text", [
    # product names and modifiers of technical text (Node.js's API documentation)
    "--openssl-legacy-provider: Instructs OpenSSL to load the legacy provider. "
    "OpenSSL's default provider is loaded too, said the release notes.",
    "Workers are useful for CPU-intensive JavaScript operations. JavaScript's event loop "
    "is not blocked, the team said.",
    "Use a FIPS-enabled OpenSSL build. OpenSSL said nothing.",
    "For each item of the list, T. Calling IntoIterator yields it. IntoIterator said so.",
])
def test_product_names_and_modifiers_are_no_person(lexicon, text):
    assert names_in(text, lexicon) == []


def test_names_are_linked_within_a_document_only(lexicon):
    mentions = pd.concat([
        mentions_of("Foreign Minister Annalena Baerbock spoke.", lexicon=lexicon, doc_id="a"),
        mentions_of("Baerbock was not there.", lexicon=lexicon, doc_id="b"),
    ])
    assert mentions[["doc_id", "actor"]].values.tolist() == [["a", "Annalena Baerbock"]]


# --------------------------------------------------------------------------- metonyms


def test_a_capital_after_a_title_or_a_first_name_or_in_a_persons_context_is_a_person(lexicon):
    text = ("President Washington retained the bill. George Washington had doubts. They "
            "visited the tomb of Washington on Washington’s birthday. Washington sent troops.")
    mentions = mentions_of(text, lexicon=lexicon)
    assert mentions[["alias", "actor", "rule"]].values.tolist() == [
        ["President Washington", "George Washington", "surname-link"],
        ["George Washington", "George Washington", "first-name"],
        ["Washington", "George Washington", "person-context"],
        ["Washington", "George Washington", "person-context"],
        ["Washington", "United States", "metonym"],
    ]


def test_a_state_name_beginning_another_name_is_not_the_state(lexicon):
    mentions = mentions_of("I invite you to join the new USA Freedom Corps. Washington "
                           "Territory grew. The United States Government agreed; the U.S. "
                           "Defence Secretary called.", lexicon=lexicon)
    assert mentions[["alias", "actor", "kind"]].values.tolist() == [
        ["USA Freedom Corps", "USA Freedom Corps", "organisation"],
        ["United States", "United States", "state"],
        ["U.S.", "United States", "state"],
    ]


def test_a_capital_in_a_list_of_cities_is_a_place(lexicon):
    mentions = mentions_of("We broke cells in Hamburg, Milan, Madrid, London, Paris. "
                           "Moscow, Beijing and Tehran condemned the strikes. Our ministers at "
                           "London and Paris were told.", lexicon=lexicon)
    assert mentions["alias"].tolist() == ["Moscow", "Beijing", "Tehran"]


def test_a_listed_persons_surname_after_another_first_name_is_another_person(lexicon):
    mentions = mentions_of("Jill Biden and Joe Biden arrived; Biden spoke.", lexicon=lexicon)
    assert mentions[["alias", "actor", "listed"]].values.tolist() == [
        ["Jill Biden", "Jill Biden", False], ["Joe Biden", "Joe Biden", True],
        ["Biden", "Joe Biden", True]]


# --------------------------------------------------------------------------- gender


def test_gender_from_first_names_titles_and_nothing_else():
    assert is_first_name("Annalena") and not is_first_name("The")
    assert not is_first_name("San") and not is_first_name("General")
    assert (first_name_gender("Annalena"), first_name_gender("Radosław")) == ("f", "m")
    assert first_name_gender("Xi") is None  # given to both
    assert title_gender("Ms Baerbock") == "f" and title_gender("President Nausėda") is None
    assert gender_of("Baerbock", ["Ms Baerbock"]) == "f"
    assert gender_of("Kim Smith", ["Mr Smith", "Ms Smith"]) is None  # they disagree


# --------------------------------------------------------------------------- actors


def test_every_person_named_twice_in_the_test_articles_is_an_actor(lexicon):
    documents = load_documents([str(NEWS)])
    paragraphs, sentences = segment_documents(documents)
    mentions = find_mentions(sentences, lexicon)
    actors = summarise_actors(mentions, sentences, lexicon).set_index("actor")
    for person in ["Annalena Baerbock", "Radosław Sikorski", "Gitanas Nausėda",
                   "Helen Okafor", "Tom Reyes"]:
        assert actors.loc[person, "kind"] == "person", person
        assert not actors.loc[person, "listed"], person
        assert actors.loc[person, "mentions"] >= 2, person
    assert actors.loc["Maria Zakharova", "listed"]
    assert not {"Foreign Minister", "Ms", "Tuesday", "Warsaw"} & set(actors.index)


def test_discovery_on_a_lexicon_without_titles():
    empty = parse_lexicon("actors: [{label: Russia, kind: state, aliases: [Moscow]}]")
    mentions = mentions_of("President Gitanas Nausėda spoke in Moscow. Nausėda left.",
                           lexicon=empty)
    assert mentions[["alias", "actor", "rule"]].values.tolist() == [
        ["President Gitanas Nausėda", "Gitanas Nausėda", "title"],
        ["Moscow", "Russia", "lexicon"],
        ["Nausėda", "Gitanas Nausėda", "surname-link"],
    ]

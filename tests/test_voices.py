"""Voices: quotations, speech or scare quotes, speakers, and the author's own words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from discourse_workbook.actors import find_mentions, load_lexicon, parse_lexicon
from discourse_workbook.pipeline import load_documents
from discourse_workbook.present.plots.actors import plot_voice_shares
from discourse_workbook.segment import TOKEN, segment_documents
from discourse_workbook.voices import (
    QUOTE_COLUMNS,
    VOICE_COLUMNS,
    _last_tokens,
    find_quotes,
    mark_voice,
    summarise_voices,
)

PEOPLE = parse_lexicon(
    "titles: [Mr, President]\n"
    "actors:\n"
    "  - {label: John Smith, kind: person, aliases: [Smith]}\n"
    "  - {label: Ann Jones, kind: person, aliases: [Jones]}\n"
    "  - {label: Russia, kind: state, aliases: [Moscow]}\n"
)


@pytest.fixture(scope="module")
def article():
    return segment_documents(load_documents())


@pytest.fixture(scope="module")
def article_quotes(article):
    return find_quotes(article[0], lexicon=load_lexicon())


def tables(*paragraphs: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Paragraphs and sentences of a tiny document."""
    documents = pd.DataFrame({"doc_id": ["t"], "text": ["\n\n".join(paragraphs)]})
    return segment_documents(documents)


def quotes_of(*paragraphs: str, lexicon=PEOPLE) -> list[tuple]:
    """(kind, speaker, text) of every quotation of a tiny document."""
    quotes = find_quotes(tables(*paragraphs)[0], lexicon=lexicon)
    return list(zip(quotes["kind"], quotes["speaker"], quotes["text"], strict=True))


# --------------------------------------------------------------------------- marks


@pytest.mark.parametrize("text", [
    '"We will win," Smith said.',
    "“We will win,” Smith said.",
    "‘We will win,’ Smith said.",
    "'We will win,' Smith said.",
])
def test_straight_and_curly_double_and_single_quotes(text):
    assert quotes_of(text) == [("speech", "John Smith", "We will win")]


def test_apostrophes_are_not_quotation_marks():
    text = "Russia’s people don’t know the states’ view of the ’90s, nor rock'n'roll's."
    assert quotes_of(text) == []


def test_apostrophes_inside_a_quotation_stay_in_it():
    assert quotes_of("“Don’t touch Russia’s gas, or the people’s homes,” Smith said.") == [
        ("speech", "John Smith", "Don’t touch Russia’s gas, or the people’s homes")]


def test_a_nested_quotation_stays_inside_the_outer_one():
    assert quotes_of("“He called it “a lie” yesterday,” Smith said.") == [
        ("speech", "John Smith", "He called it “a lie” yesterday")]
    assert quotes_of("“They said ‘never’ and meant it,” said Ann Jones.") == [
        ("speech", "Ann Jones", "They said ‘never’ and meant it")]


def test_quote_spans_point_at_the_quoted_text():
    paragraphs, _ = tables("Moscow waited. “We will win the war in the end,” Smith said.")
    quotes = find_quotes(paragraphs, lexicon=PEOPLE)
    row = quotes.iloc[0]
    assert paragraphs.loc[0, "text"][row["start"]:row["end"]] == row["text"]
    assert (row["para_id"], row["para_end"], row["quote_id"], row["n_words"]) == (0, 0, 0, 8)


def test_unbalanced_marks_never_raise():
    strange = ["Stray close” here and “ open", "”", "'", "‘", '"""', "’’’", "“", "«»", ""]
    quotes = find_quotes(tables(*strange)[0])
    assert list(quotes.columns) == QUOTE_COLUMNS
    assert all(quotes["n_words"] > 0)


def test_no_quotations_gives_an_empty_table_with_the_columns():
    quotes = find_quotes(tables("Nothing is quoted here.")[0])
    assert quotes.empty and list(quotes.columns) == QUOTE_COLUMNS
    assert str(quotes["n_words"].dtype) == "int64"


# --------------------------------------------------------------------------- speech or scare


def test_short_phrases_without_a_reporting_verb_are_scare_quotes():
    assert quotes_of("The West has ‘lost’ Russia, and that is the ‘half of it’; an ‘Alt’ plan "
                     "for ‘Marxist AND terrorist’ foes.") == [
        ("scare", None, "lost"), ("scare", None, "half of it"), ("scare", None, "Alt"),
        ("scare", None, "Marxist AND terrorist")]


def test_a_whole_sentence_in_quotes_is_speech_even_without_a_speaker():
    assert quotes_of("It was late. ‘No going around it; this could escalate’.") == [
        ("speech", None, "No going around it; this could escalate")]


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(("text", "speaker"), [
    ("“Initially it may well exist as a forum”, writes Ann Jones.", "Ann Jones"),
    ("“The speech sets the vector of our activities,” Smith said.", "John Smith"),
    ("“The world will never be the same again”, said President Smith.", "John Smith"),
    ("Moscow made an offer, one that Smith emphatically said was to be “No ceasefire for "
     "anyone at all”.", "John Smith"),
    ("Russia was telling Smith – “We are no longer at peace”!", "Russia"),
    ("The data came from the US, Moscow’s statement read; “Retaliatory measures will "
     "certainly follow”.", "Russia"),
    ("According to Jones, “the war will be long and hard”.", "Ann Jones"),
    ("As I said in my address, “we will win the war in the end”.", None),
])
def test_a_reporting_clause_names_the_speaker(text, speaker):
    assert quotes_of(text)[0][:2] == ("speech", speaker)


def test_he_said_goes_to_the_last_person_named():
    text = "Smith arrived late. Jones was early. “We will win the war in the end,” she said."
    assert quotes_of(text) == [("speech", "Ann Jones", "We will win the war in the end")]
    # Without a lexicon it goes to the last speaker named in a reporting clause.
    text = ("“We start now,” Smith said. Jones agreed. “We will win the war in the end,” he "
            "said.")
    assert [q[1] for q in quotes_of(text, lexicon=None)] == ["Smith", "Smith"]


def test_names_outside_the_lexicon_are_kept_as_written():
    assert quotes_of("“The war will be long,” said Ivan Petrovich Sidorov.") == [
        ("speech", "Ivan Petrovich Sidorov", "The war will be long")]


def test_a_quotation_over_several_paragraphs_each_reopened():
    quotes = find_quotes(tables("“First paragraph of the speech.", "“Second paragraph of it.",
                                "“Third and last,” Smith said.", "Then the author.")[0],
                         lexicon=PEOPLE)
    assert len(quotes) == 1
    row = quotes.iloc[0]
    assert (row["para_id"], row["para_end"], row["speaker"]) == (0, 2, "John Smith")
    assert row["text"] == ("First paragraph of the speech.\n\nSecond paragraph of it.\n\n"
                           "Third and last")


def test_a_quotation_closed_only_at_the_end_of_its_last_paragraph():
    quotes = find_quotes(tables("Jones said:", "“This is a struggle. It has always been;",
                                "and it will last for long”.")[0], lexicon=PEOPLE)
    assert quotes[["para_id", "para_end", "speaker", "kind"]].values.tolist() == [
        [1, 2, "Ann Jones", "speech"]]


def test_a_lead_in_colon_introduces_a_paragraph_without_its_opening_mark():
    assert quotes_of("The US sends weapons. Smith predicted:",
                     "This is a struggle. It will last for long”.") == [
        ("speech", "John Smith", "This is a struggle. It will last for long")]
    # With a reporting verb before the colon, even no marks at all.
    assert quotes_of("Smith predicted:", "This is a struggle without any marks.") == [
        ("speech", "John Smith", "This is a struggle without any marks.")]
    # Without one, an unmarked paragraph after a colon stays the author's.
    assert quotes_of("Consider the allusion:", "The war goes on and on.") == []


def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_no_speaker():
    """Release notes: "Added the following targets:" lists items, and no one called
    "Added" speaks; a body named in a single word still does."""
    quotes = quotes_of("We added three targets this year.", "Added the following targets:",
                       "Add a tier 3 target for PowerPC on AIX, powerpc64-ibm-aix.")
    assert [q[:2] for q in quotes] == [("speech", None)]
    assert quotes_of("Greenpeace said the following:", "The ice sheet is melting fast.") == [
        ("speech", "Greenpeace", "The ice sheet is melting fast.")]


def test_a_lead_in_names_the_speaker_of_the_next_quoted_paragraphs():
    quotes = quotes_of("Chair of the council, Ann Jones, (in an interview) offers her view:",
                       "“We are heading for a real war, a full-blown war.”",
                       "“It will be long and there must be fear.”",
                       "The author resumes. “It is a dying breed, saddled with debts.”")
    assert [q[:2] for q in quotes] == [("speech", "Ann Jones"), ("speech", "Ann Jones"),
                                       ("speech", None)]


def test_a_lead_in_ending_with_a_comma_and_a_reporting_clause():
    # The fragment in the lead-in is hers too: a partial quotation, not a scare quote.
    assert quotes_of("However, the “parameters” of this system, explained Ann Jones,",
                     "“… will ensure a long-lasting peace in the whole region”.") == [
        ("speech", "Ann Jones", "parameters"),
        ("speech", "Ann Jones", "… will ensure a long-lasting peace in the whole region")]


# --------------------------------------------------------------------------- paragraphs read


def test_a_paragraph_without_marks_ends_a_quotation_left_open():
    assert quotes_of("“We will win the war,", "and that is all,” Smith said.") == [
        ("speech", "John Smith", "We will win the war\n\nand that is all")]
    quotes = quotes_of("“We will win the war,", "A plain paragraph in between.",
                       "and that is all,” Smith said.")
    assert [q[2] for q in quotes] == ["We will win the war", "and that is all"]


def test_a_strong_lead_in_is_read_at_the_end_of_a_long_paragraph():
    assert quotes_of("word " * 200 + "Smith predicted:",
                     "This is a struggle without any marks.") == [
        ("speech", "John Smith", "This is a struggle without any marks.")]
    # The reporting verb must be among the last three words before the colon.
    assert quotes_of("Smith predicted it long ago in the city:",
                     "This is a struggle without any marks.") == []


def test_he_said_looks_back_to_the_previous_paragraph_only():
    assert quotes_of("Smith arrived.", "“We will win the war,” he said.") == [
        ("speech", "John Smith", "We will win the war")]
    # Never a person from a far paragraph: the speaker stays unknown.
    assert quotes_of("Smith arrived.", "Nothing here.", "More text without names.",
                     "“We will win the war,” he said.") == [
        ("speech", None, "We will win the war")]


def test_a_lead_in_takes_a_person_only_from_its_last_sentence():
    # Not Smith, from the sentence before: the council, a body, is the speaker as written.
    assert quotes_of("Smith arrived. The council offers a view:",
                     "“We will win the war in the end.”")[0][:2] == ("speech", "the council")
    assert quotes_of("The council, with Jones, offers a view:",
                     "“We will win the war in the end.”")[0][:2] == ("speech", "Ann Jones")


def test_ascii_and_other_paragraphs_have_their_marks_found():
    assert quotes_of("Plain \"ASCII\" text here.", "Café “talk” and 'more' – here.") == [
        ("scare", None, "ASCII"), ("scare", None, "talk"), ("scare", None, "more")]


def test_rows_in_any_order_give_the_same_quotes():
    first, _ = tables("Smith arrived.", "“We will win the war,” he said.", "Ann said ‘no’.")
    second = first.assign(doc_id="u", text=first["text"].str.replace("Smith", "Jones"))
    ordered = pd.concat([first, second], ignore_index=True)
    expected = find_quotes(ordered, lexicon=PEOPLE)
    # Paragraphs in any order, documents interleaved, in order of first appearance.
    shuffled = ordered.iloc[[1, 5, 0, 3, 2, 4]].reset_index(drop=True)
    pd.testing.assert_frame_equal(find_quotes(shuffled, lexicon=PEOPLE), expected)
    # "Ann said ‘no’": her word. In the second document "Jones" is Ann Jones, and "he
    # said" cannot be her: the speaker stays unknown.
    assert expected["speaker"].tolist() == ["John Smith", "Ann", None, "Ann"]


def test_a_reporting_verb_in_any_case_is_found_before_the_quotation():
    # "asKed" with a Kelvin sign lowercases to "asked".
    for verb in ("asked", "ASKED", "as\u212aed"):
        assert quotes_of(f"Moscow waited, and Smith {verb} “whether we will win the war”.") == [
            ("speech", "John Smith", "whether we will win the war")], verb


@given(st.text(alphabet=st.sampled_from(list("ab.U S'’-_ \t\n\u00a0é1,")), max_size=120),
       st.integers(min_value=1, max_value=8))
def test_last_tokens_are_those_of_the_whole_text(text, n):
    assert _last_tokens(text, n) == TOKEN.findall(text)[-n:]


# --------------------------------------------------------------------------- voice


def test_mark_voice_keeps_scare_quotes_with_the_author():
    paragraphs, sentences = tables(
        "The West has ‘lost’ Russia. “We will win the war in the end,” Smith said.",
        "“A second paragraph of speech.",
        "“And a third one,” she added. The author resumes here at some length.")
    quotes = find_quotes(paragraphs, lexicon=PEOPLE)
    marked = mark_voice(sentences, quotes)
    assert marked["voice"].tolist() == ["author", "quoted", "quoted", "quoted", "author"]
    assert marked["speaker"].tolist()[:2] == [None, "John Smith"]
    assert len(marked) == len(sentences) and "voice" not in sentences


def test_summarise_voices_shares_out_every_word():
    paragraphs, sentences = tables("The author writes these words. “We will win,” Smith said. "
                                   "‘Lost’ is a scare quote.")
    quotes = find_quotes(paragraphs, lexicon=PEOPLE)
    voices = summarise_voices(quotes, sentences).set_index("speaker")
    assert list(voices.reset_index().columns) == VOICE_COLUMNS
    total = sentences["n_tokens"].sum()
    assert voices.loc["John Smith", "words"] == 3
    assert voices.loc["(author)", "words"] == total - 3
    assert voices["share"].sum() == pytest.approx(1.0)
    assert voices.loc["John Smith", "quotes"] == 1


# --------------------------------------------------------------------------- the article


def test_default_article_speakers(article_quotes):
    """Every quotation attributed as a careful reader would (paragraphs numbered from 0)."""
    speech = article_quotes[article_quotes["kind"] == "speech"]
    by_speaker = speech.groupby("speaker")["para_id"].apply(list).to_dict()
    # “We are no longer at peace” (Russia was telling the U.S. –), its echo ‘no longer at
    # peace’, the ‘cluster strike’ between two sentences reporting Russia's statement,
    # “became party” (…, Russia’s statement read), “Retaliatory measures …”.
    assert by_speaker["Russia"] == [1, 2, 2, 2, 2]
    assert by_speaker["Pentagon"] == [3]  # The Pentagon grasped that … – ‘No going around it’
    assert by_speaker["the U.S. Defence Secretary"] == [3]  # … to call his counterpart: ‘…’
    # ‘last chance’ and “No temporary ceasefire …” (Putin indicated …, Putin said …),
    # “The world will never be the same again”, he said; ‘final completion’ (Putin’s words).
    assert by_speaker["Vladimir Putin"] == [7, 7, 14, 17]
    # ‘waiting for Godot’ and ‘will run for it’ (Lavrov archly commented that …), “are trying
    # to interfere in the affairs” (between "…, Lavrov said" and "Lavrov predicted:"), and
    # the paragraph after "Lavrov predicted:".
    assert by_speaker["Sergei Lavrov"] == [10, 10, 26, 27]
    assert by_speaker["Yuri Ushakov"] == [19]  # “This speech …,” Ushakov said.
    assert by_speaker["Ivan Timofeev"] == [28]  # “Initially, …”, writes Ivan Timofeev.
    assert by_speaker["Maria Zakharova"] == [29, 30]  # the “parameters”, explained …, “…”
    assert by_speaker["Sergei Karaganov"] == [32, 33, 34]  # lead-in colon, then continued
    # "And to paraphrase CP Cavafy’s celebrated poem:" then the poem's lines.
    assert by_speaker["Constantine Cavafy"] == [43, 44, 45, 46, 47, 48]
    assert speech["speaker"].notna().all()


def test_default_article_scare_quotes(article_quotes):
    kinds = article_quotes.groupby("text")["kind"].agg(set).to_dict()
    for phrase in ["lost", "half of it", "Alt", "sparse", "Élite", "indivisibility",
                   "security lock", "Marxist AND terrorist", "vast space", "peace",
                   "external actors", "successful", "unnegotiable", "steps of escalation"]:
        assert kinds[phrase] == {"scare"}, phrase


def test_default_article_lavrov_quote_spans_the_whole_paragraph(article, article_quotes):
    paragraphs = article[0]
    row = article_quotes[article_quotes["para_id"] == 27].iloc[0]
    text = paragraphs.loc[paragraphs["para_id"] == 27, "text"].iloc[0]
    assert row["start"] == 0
    assert row["text"].startswith("This is a geopolitical struggle.")
    assert row["text"].endswith("uniting the efforts of Eurasian countries")
    assert text[row["start"]:row["end"]] == row["text"]


def test_default_article_voices(article, article_quotes):
    voices = summarise_voices(article_quotes, article[1]).set_index("speaker")
    assert voices.index[0] == "(author)"
    assert 0.5 < voices.loc["(author)", "share"] < 0.9
    assert voices.loc["Sergei Karaganov", "quotes"] == 3
    marked = mark_voice(article[1], article_quotes)
    quoted = marked[marked["voice"] == "quoted"]
    assert set(quoted["para_id"]) >= {19, 27, 30, 32, 33, 34}
    assert not {2, 5, 6, 41} & set(quoted["para_id"])  # paragraphs with only scare quotes
    fig = plot_voice_shares(voices.reset_index())
    assert isinstance(fig, Figure)
    assert fig.axes[0].get_title(loc="left") and fig.axes[0].get_xlabel()


# --------------------------------------------------------------------------- news the lexicon lacks

NEWS = Path(__file__).parent / "fixtures" / "news"


@pytest.fixture(scope="module")
def news_quotes():
    """The quotations of the test articles, read as the pipeline reads them."""
    lexicon = load_lexicon()
    paragraphs, sentences = segment_documents(load_documents([str(NEWS)]))
    mentions = find_mentions(sentences, lexicon)
    quotes = find_quotes(paragraphs, lexicon=lexicon, sentences=sentences, mentions=mentions)
    return quotes, paragraphs


def test_the_test_articles_speakers_are_those_a_reader_credits(news_quotes):
    quotes, _ = news_quotes
    expected = pd.read_csv(NEWS / "speakers.csv")
    for row in expected.itertuples():
        found = quotes[quotes["doc_id"].str.startswith(row.file.removesuffix(".txt"))
                       & quotes["text"].str.startswith(row.quote_start)]
        assert len(found) == 1, row.quote_start
        assert (found["kind"].iloc[0], found["speaker"].iloc[0]) == ("speech", row.speaker), (
            row.quote_start)
    assert len(quotes) == len(expected)


def test_no_quotation_is_credited_to_a_name_absent_from_its_document(news_quotes):
    quotes, paragraphs = news_quotes
    texts = paragraphs.groupby("doc_id")["text"].apply(" ".join)
    for row in quotes[quotes["speaker"].notna()].itertuples():
        assert row.speaker.split()[-1] in texts[row.doc_id], row.speaker


def test_he_said_goes_to_the_nearest_person_of_his_gender():
    # Baerbock is the nearest woman, though Sikorski is named after her.
    assert quotes_of("Foreign Minister Annalena Baerbock met Radosław Sikorski in Warsaw.",
                     "“We welcome cooperation,” she told reporters.", lexicon=None) == [
        ("speech", "Annalena Baerbock", "We welcome cooperation")]
    # Zakharova cannot be "he": Nausėda, whose gender is unknown, can.
    assert quotes_of("Gitanas Nausėda, Lithuania’s president, answered Maria Zakharova. "
                     "“Nobody wants conflict,” he said.")[0][1] == "Gitanas Nausėda"


def test_a_pronoun_chain_runs_over_two_paragraphs_and_no_further():
    quotes = quotes_of("Mayor Helen Okafor defended the plan on Monday.",
                       "“The wall will not survive another winter,” she said.",
                       "“We cannot wait,” she added.", lexicon=None)
    assert [q[1] for q in quotes] == ["Helen Okafor", "Helen Okafor"]
    far = quotes_of("Mayor Helen Okafor defended the plan on Monday.", "The vote was close.",
                    "Fishermen protested outside.", "“We cannot wait,” she added.", lexicon=None)
    assert far == [("speech", None, "We cannot wait")]


def test_a_pronoun_prefers_the_subject_of_the_sentence_before():
    text = ("Mr Crean says he is not calling on Dr Hollingworth to resign. “I think it has "
            "tarnished the office,” he said.")
    assert quotes_of("Simon Crean and Peter Hollingworth were there.", text,
                     lexicon=None)[0][1] == "Simon Crean"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Maria Zakharova called it “a hostile and dangerous provocation”.", "Maria Zakharova"),
    ("Olek Wyrzykowski said he believes “the worst is over”.", "Olek Wyrzykowski"),
    ("Councillor Tom Reyes said the town had “rushed into a bad contract”.", "Tom Reyes"),
    ("The U.S. thereby “became party” to the war (it was, they said, planned), Russia’s "
     "statement read.", "Russia"),
])
def test_a_partial_quotation_is_speech_by_its_source(text, speaker):
    assert quotes_of(text, lexicon=load_lexicon())[0][:2] == ("speech", speaker)


def test_a_quoted_word_with_no_source_stays_a_scare_quote():
    assert quotes_of("The so-called ‘peace plan’ was a ‘success’, the author thinks not.",
                     lexicon=load_lexicon()) == [
        ("scare", None, "peace plan"), ("scare", None, "success")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Pentagon grasped that something had happened – ‘No going around it; this could "
     "escalate badly’.", "Pentagon"),
    ("The U.S. Defence Secretary reached for the phone to call his counterpart: ‘The U.S. "
     "regretted civilian deaths’.", "the U.S. Defence Secretary"),
    ("When he put pen to paper, the President said, “If my name ever goes down into history "
     "it will be for this act.”", "the President"),
    ("In a report, the Secretary of War said: “The chief defect lies in the methods.”",
     "the Secretary of War"),
    ("“It was a long week for everyone,” the court’s spokeswoman said.",
     "the court’s spokeswoman"),
    ("“We will appeal,” the jury’s foreman told reporters.", "the jury’s foreman"),
])
def test_a_lead_in_or_a_title_without_a_name_is_the_speaker_as_written(text, speaker):
    assert quotes_of(text, lexicon=load_lexicon())[0][:2] == ("speech", speaker)


def test_a_speaker_never_comes_from_another_document():
    first, _ = tables("Foreign Minister Annalena Baerbock spoke.")
    second, _ = tables("“We will win the war in the end,” she said.")
    both = pd.concat([first, second.assign(doc_id="u")], ignore_index=True)
    quotes = find_quotes(both, lexicon=load_lexicon())
    assert quotes[["doc_id", "speaker"]].values.tolist() == [["u", None]]


@pytest.mark.parametrize("text", [
    "The minister was blunt: «Nous ne céderons pas», said Camille Durand.",
    "The minister was blunt: „Wir stehen zusammen“, said Camille Durand.",
    "The minister was blunt: »Vi er klar«, said Camille Durand.",
    "The minister was blunt: ‚Vi är redo‘, said Camille Durand.",
    "The minister was blunt: ``We shall not falter,'' said Camille Durand.",
    "The minister was blunt: \"We shall not falter,\" said Camille Durand.",
])
def test_every_quote_style_is_paired_and_attributed(text):
    quotes = quotes_of(text, lexicon=None)
    assert len(quotes) == 1 and quotes[0][:2] == ("speech", "Camille Durand")
    assert quotes[0][2] in ("Nous ne céderons pas", "Wir stehen zusammen", "Vi er klar",
                            "Vi är redo", "We shall not falter")


def test_a_quotation_reopened_after_a_sentence_end_continues_the_same_speaker():
    text = ('"I think it has tarnished the office," he said. "Many people have been calling '
            'for it, me included. "I think we need to clear it up completely."')
    quotes = quotes_of("Simon Crean spoke on Monday.", text, lexicon=None)
    assert [q[1] for q in quotes] == ["Simon Crean"] * 3
    assert quotes[1][2] == "Many people have been calling for it, me included."


def test_a_doubled_opening_mark_opens_one_quotation():
    assert quotes_of("Before the testimony could resume, Trump weighed in. “”This is a very "
                     "unfair trial,” he said.", lexicon=load_lexicon()) == [
        ("speech", "Donald Trump", "This is a very unfair trial")]


def test_a_nickname_inside_a_persons_name_is_no_quotation():
    paragraphs = (
        "Lee “Faker” Sang-hyeok lifted the cup in Seoul. “We were ready for this,” Faker said.",
        'The host, Dwayne "The Rock" Johnson, called it a ‘golden’ night for the club.',
    )
    expected = [("speech", "Lee Sang-hyeok", "We were ready for this"),
                ("scare", None, "golden")]
    assert quotes_of(*paragraphs, lexicon=None) == expected
    para, sentences = tables(*paragraphs)
    lexicon = load_lexicon()
    quotes = find_quotes(para, lexicon=lexicon, sentences=sentences,
                         mentions=find_mentions(sentences, lexicon))
    assert list(zip(quotes["kind"], quotes["speaker"], quotes["text"], strict=True)) == expected


def test_a_scare_quote_inside_a_bodys_name_stays_a_quotation():
    assert quotes_of("Veterans of the “Special Military Operation” Command met on Monday.",
                     lexicon=load_lexicon()) == [
        ("scare", None, "Special Military Operation")]

"""Paragraph layout and header fields: each layout on a text written in it, the header
fields, the furniture that stands alone, the layout a caller imposes, and (under random
input) that no text is lost, duplicated or reordered whatever the layout."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discourse_workbook.clean import layout
from discourse_workbook.clean.layout import (
    CHOICES,
    KINDS,
    detect_layout,
    is_title,
    parse_byline,
    parse_date,
    split_layout,
)
from discourse_workbook.errors import InputError

LAYOUTS = Path(__file__).parent.parent / "fixtures" / "layouts"


def read(name: str) -> str:
    """A fixture as the cleaning step hands it over: trimmed lines, "\\n" line ends."""
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")


def blocks(text: str) -> list[list[str]]:
    return [b.split("\n") for b in re.split(r"\n\n+", text.strip("\n"))]


# --------------------------------------------------------------------------- layouts


def test_speech_header_block_then_one_paragraph_per_line():
    text = read("speech.txt")
    s = split_layout(text)
    assert s.layout.name == "header+line"
    assert (s.title, s.date) == (
        "Remarks at the Opening of the Riverside Water Works",
        "1911-05-03",
    )
    assert s.header == ["Remarks at the Opening of the Riverside Water Works", "May 3, 1911"]
    assert s.paragraphs == blocks(text)[2]  # every line of the body, the salutation first
    assert s.paragraphs[0].endswith("my fellow citizens:")


def test_speech_header_without_blank_lines_is_found_by_its_date():
    text = read("speech.txt").replace("\n\n", "\n")
    s = split_layout(text)
    assert (s.title, s.date, s.layout.name) == (
        "Remarks at the Opening of the Riverside Water Works",
        "1911-05-03",
        "header+line",
    )
    assert len(s.paragraphs) == 8


def test_one_paragraph_per_line_has_no_title_without_a_header():
    # The first line is heading-like, but in a text laid out line by line it is the
    # first paragraph unless it stands in a block of its own or a date follows it.
    s = split_layout(
        "Thank you all\nWe meet today in hard times. Yet we are not afraid.\nOn to work."
    )
    assert s.title is None
    assert s.paragraphs[0] == "Thank you all"


def test_article_header_with_byline_and_date_and_furniture_around_it():
    text = read("article.txt")
    lines = text.split("\n")
    boilerplate = re.compile(r"^(home|menu|share this article|post a comment|contact us)$", re.I)
    furniture = {n for n, line in enumerate(lines) if boilerplate.match(line)}
    s = split_layout(text, furniture=furniture)
    assert s.title == "The Quiet Return of the Night Train"
    assert (s.byline, s.date) == ("Maria Keller", "2024-06-12")
    assert s.removed == ["Home", "Menu", "Share this article", "Post a Comment", "Contact us"]
    assert s.taken_out == ["Home", "Menu", "By Maria Keller | June 12, 2024", *s.removed[2:]]
    assert len(s.paragraphs) == 4
    assert s.paragraphs[0].startswith("Europe's sleeper trains")
    assert s.layout.name == "header+blank"


def test_a_paragraph_of_several_sentences_is_never_a_title():
    s = split_layout(read("three-sentences.txt"))
    assert s.title is None
    assert s.paragraphs[0].startswith("The harbour froze early that winter.")
    assert len(s.paragraphs) == 3


def test_hard_wrapped_readme_joins_paragraphs_and_keeps_lists_and_tables_apart():
    text = read("wrapped.txt")
    s = split_layout(text)
    assert s.layout.kind == "wrapped"
    assert s.title == "TIDE TABLES FOR SMALL PORTS"
    joined = [" ".join(b) for b in blocks(text)]
    for paragraph in (joined[1], joined[2], joined[4], joined[-1]):  # 72 and 81 columns
        assert paragraph in s.paragraphs
    assert "Installing" in s.paragraphs  # a heading is a paragraph of its own
    items = [p for p in s.paragraphs if p.startswith("- ")]
    assert items == [
        "- Times during the change to summer time are off by one hour for a single day, "
        "because the tables were computed before the dates of the change were fixed by law "
        "in some countries.",
        "- Heights in estuaries are less reliable than on the open coast; a strong river flow "
        "after heavy rain can raise low water by half a metre.",
        "- The tables do not allow for storm surges.",
    ]
    assert "Aberdour Fife CD 2019" in s.paragraphs  # a table row stays a line
    assert s.rules == ["===========================", "----------"]
    assert not any("===" in p or p.startswith("---") for p in s.paragraphs)


def test_hard_wrapped_text_without_blank_lines_ends_paragraphs_at_short_lines():
    s = split_layout(read("wrapped-noblank.txt"))
    assert s.layout.name == "header+wrapped"
    assert s.title == "Minutes of the Allotment Society"
    assert [p[:40] for p in s.paragraphs] == [
        "The meeting opened at seven o'clock in t",
        "The treasurer reported a balance of fort",
        "A long discussion followed about the rab",
        "There being no other business, the meeti",
    ]
    assert s.paragraphs[1].endswith("on the lower field are still unlet.")
    assert "forty-two" in s.paragraphs[1]


def test_chat_lines_are_utterances_even_with_a_blank_line():
    text = read("chat.txt")
    s = split_layout(text)
    assert s.layout.name == "chat"
    assert s.paragraphs == [line for line in text.split("\n") if line]


def test_one_blank_line_in_ten_thousand_does_not_make_blank_line_paragraphs():
    names, words = (
        ["ana", "ben", "chloe", "dev"],
        ["ok", "so", "the", "build", "is", "red", "again", "after", "my", "change"],
    )
    lines = [
        f"{names[i % 4]}: {' '.join(words[: 2 + i % 9])}" + ("?" if i % 7 == 0 else "")
        for i in range(10_000)
    ]
    lines.insert(5_000, "")
    s = split_layout("\n".join(lines))
    assert s.layout.kind == "chat"
    assert s.paragraphs == [line for line in lines if line]


def test_a_log_continues_an_item_on_its_unmarked_line():
    text = (
        "pkg (1.2-1) unstable; urgency=medium\n\n"
        "* Fix a crash when the input file ends without a newline after the last\n"
        "record (Closes: #1234)\n"
        "* Update the German translation\n\n"
        "-- Ann Maintainer <ann@example.org> Tue, 24 Jan 2023 15:43:00 +0100"
    )
    s = split_layout(text)
    assert s.title is None  # a record, not a heading
    assert s.paragraphs[1] == (
        "* Fix a crash when the input file ends without a newline after the last "
        "record (Closes: #1234)"
    )
    assert s.paragraphs[2] == "* Update the German translation"


def test_verse_is_kept_line_by_line_under_its_title():
    text = read("verse.txt")
    s = split_layout(text)
    assert s.layout.name == "header+verse"
    assert s.title == "Low Water"
    assert s.paragraphs == [line for line in text.split("\n")[1:] if line]


def test_text_without_spaces_is_never_taken_whole_as_a_title():
    text = read("chinese.txt")
    s = split_layout(text)
    assert s.title is None
    assert s.paragraphs == text.split("\n\n")
    assert not is_title(text.split("\n")[0])
    assert is_title("春天来得特别早")


def test_hard_wrapped_chinese_is_joined_without_spaces():
    text = read("chinese-wrapped.txt")
    s = split_layout(text)
    assert s.paragraphs == ["".join(b) for b in blocks(text)]


def test_a_word_broken_at_a_hyphen_is_joined_whole():
    text = (
        "The committee agreed that the long-standing practice of meeting in the well-\n"
        "known hall on the square should continue for another year at least.\n\n"
        "It adjourned at nine, having heard the reports of the treasurer and of the\n"
        "secretary, and having thanked the caretaker for his work over the winter."
    )
    s = split_layout(text)
    assert s.layout.kind == "wrapped"
    assert "in the well-known hall" in s.paragraphs[0]


# --------------------------------------------------------------------------- choosing


def test_the_layout_can_be_imposed():
    text = read("chat.txt")
    assert len(split_layout(text, layout="blank").paragraphs) == 2
    wrapped = read("wrapped-noblank.txt")
    assert split_layout(wrapped, layout="line").paragraphs[1:] == wrapped.split("\n")[1:]
    assert split_layout(wrapped, layout="line").layout.forced
    assert split_layout(read("speech.txt"), layout="blank").layout.name == "header+blank"


def test_an_unknown_layout_is_refused_in_one_sentence():
    with pytest.raises(InputError, match=r"^The paragraph layout 'lines' is not one of auto, "):
        split_layout("Some text.", layout="lines")


def test_detect_layout_records_the_decision_and_its_evidence():
    found = detect_layout(read("wrapped.txt"))
    assert found.kind in KINDS and found.name == "header+wrapped"
    assert found.width == 81 and found.wrapped_share > 0.5
    assert (found.lines, found.blocks) == (32, 8)
    assert set(CHOICES) == {"auto", "blank", "line", "wrapped"}


def test_header_detection_can_be_turned_off():
    s = split_layout(read("speech.txt"), header=False)
    assert s.title is None and s.header == []
    assert s.paragraphs[:2] == [
        "Remarks at the Opening of the Riverside Water Works",
        "May 3, 1911",
    ]


# --------------------------------------------------------------------------- furniture


def test_furniture_is_taken_out_only_where_it_stands_alone():
    text = (
        "Share this article\n\n"
        "The walk starts at the harbour wall and follows the cliff path north for six\n"
        "miles. Share this article with anyone who likes a long day out on the coast\n"
        "and does not mind a steep climb at the end.\n\n"
        "Bring water: there is no shop on the way.\n\n"
        "Share this article"
    )
    lines = text.split("\n")
    marked = {n for n, line in enumerate(lines) if "Share this article" in line}
    assert marked == {0, 3, 8}
    s = split_layout(text, furniture=marked, header=False)
    assert s.removed == ["Share this article", "Share this article"]
    assert (
        s.paragraphs[0].startswith("The walk starts")
        and "Share this article with" in s.paragraphs[0]
    )
    assert s.standalone_lines == {0, 6, 8}  # line 3 is inside a joined paragraph


# --------------------------------------------------------------------------- header lines


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("April 16, 1945", "1945-04-16"),
        ("16 April 1945", "1945-04-16"),
        ("2024-06-12", "2024-06-12"),
        ("Jan. 20, 2009", "2009-01-20"),
        ("Sept. 5, 2001", "2001-09-05"),
        ("Tuesday, January 20, 2009", "2009-01-20"),
        ("Published: June 12, 2024 10:30 AM", "2024-06-12"),
        ("the 4th of July, 1776", "1776-07-04"),
        ("12.06.2024", "2024-06-12"),
        ("6/25/2024", "2024-06-25"),
        ("April 1945", "1945-04"),
    ],
)
def test_parse_date_reads_a_line_that_is_only_a_date(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "April 16, 1945, was a Monday.",
        "On April 16, 1945 the session opened",
        "6/5/2024",  # day and month cannot be told apart
        "February 30, 2021",
        "1945",
        "Section 12.3",
        "",
    ],
)
def test_parse_date_refuses_anything_else(line):
    assert parse_date(line) is None


def test_parse_byline():
    assert parse_byline("By Jane Doe | June 12, 2024") == ("Jane Doe", "2024-06-12")
    assert parse_byline("By Maria Keller, Reuters") == ("Maria Keller", None)
    assert parse_byline("Posted on June 12, 2024 by Jane Doe") == ("Jane Doe", "2024-06-12")
    assert parse_byline("By February the ice had thickened enough to carry a lorry.") is None
    assert parse_byline("By the way, we left.") is None


def test_a_title_with_its_author_gives_both():
    s = split_layout(
        "The Zen of Python, by Tim Peters\n\nBeautiful is better than ugly.\nFlat is better."
    )
    assert (s.title, s.byline) == ("The Zen of Python", "Tim Peters")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("The West, Indubitably, Has Lost Russia, And Is Losing Eurasia Too...", True),
        ("Is the Night Train Back?", True),
        ("base-passwd for Debian", True),
        ("The harbour froze. The ferries stopped. The island was cut off", False),
        ("Fellow-Citizens of the Senate and of the House of Representatives:", False),
        ("It rained all day.", False),
        ("grep (3.8-5) unstable; urgency=medium", False),
        ("* * *", False),
        (" ".join(["word"] * 26), False),
    ],
)
def test_is_title(line, title):
    assert is_title(line) is title


def test_docstring_examples_run():
    result = doctest.testmod(layout)
    assert result.attempted >= 10 and result.failed == 0


# --------------------------------------------------------------------------- invariants

_DENSE = "\u3040-\u30ff\u4e00-\u9fff"
_WORD = re.compile(rf"[{_DENSE}]|[^\W_{_DENSE}]+")

word = st.one_of(
    st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=12),
    st.sampled_from(["the", "The", "of", "and", "well-", "known", "U.S.", "Mr.", "it's", "é"]),
    st.sampled_from(["中文", "春天", "。", "，", "—", "--", "*", "-", "=", "1.", "(a)", "<bob>"]),
)
line = st.one_of(
    st.lists(word, min_size=1, max_size=18).map(" ".join),
    st.sampled_from(
        ["April 16, 1945", "By Jane Doe", "===", "* * *", "[10:02] <ana> hi", "Title Line"]
    ),
).map(lambda s: " ".join(s.split()))
ending = st.sampled_from(["", ".", ",", ":", "?", "!", ";", "-"])
text = st.lists(
    st.one_of(st.tuples(line, ending).map("".join), st.just("")), min_size=0, max_size=40
).map(lambda lines: "\n".join(lines))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text, layout=st.sampled_from(CHOICES), header=st.booleans(), data=st.data())
def test_no_text_is_lost_duplicated_or_reordered(text, layout, header, data):
    lines = text.split("\n")
    furniture = data.draw(st.sets(st.integers(0, max(len(lines) - 1, 0)), max_size=3))
    s = split_layout(text, layout=layout, header=header, furniture=furniture)
    # Every unit in document order: the characters and the words are the input's.
    assert "".join("".join(u.text.split()) for u in s.units) == "".join(text.split())
    assert _words(" ".join(u.text for u in s.units)) == _words(text)
    # The header lines, then the paragraphs: every word but those of furniture lines.
    kept = [u.text for u in s.units if u.role not in ("furniture", "rule")]
    assert _words(" ".join(s.header + s.paragraphs)) == _words(" ".join(kept))
    # Each non-blank line is in exactly one unit, in order; no unit is empty or multi-line.
    numbers = [n for u in s.units for n in range(u.line, u.line + u.n_lines)]
    assert numbers == [n for n, x in enumerate(lines) if x]
    assert all(u.text and "\n" not in u.text for u in s.units)
    assert set(s.removed) <= {lines[n] for n in furniture}
    assert s.layout.kind in KINDS

"""Loading and cleaning: each file kind, each encoding, the cleaning rules, bad input."""

from __future__ import annotations

import json
import os
import re

import pytest

from discourse_workbook.corpus import (
    _ASCII_CONTROLS,
    _ASCII_LOOKALIKES,
    _ASCII_SPACES,
    _CONTROL,
    _INVISIBLE,
    _SPACES,
    Skipped,
    _ascii_class,
    _screen,
    clean_text,
    decode_bytes,
    iter_documents,
    load_documents,
    load_patterns,
    normalise_whitespace,
)
from discourse_workbook.errors import InputError

PATTERNS = load_patterns()


def records(sources):
    return [r for r in iter_documents(sources) if isinstance(r, dict)]


# --------------------------------------------------------------------------- the default article


def test_default_article_title_author_and_body():
    docs = load_documents()
    assert len(docs) == 1
    doc = docs.iloc[0]
    assert doc.doc_id == "crooke-2024-the-west-has-lost-russia"
    assert doc.title == "The West, Indubitably, Has Lost Russia, And Is Losing Eurasia Too..."
    assert doc.author == "Alastair Crooke"
    body = doc.text
    for furniture in (
        "Post a Comment",
        "Previous Post",
        "Follow us",
        "PayPal",
        "Contact form",
        "Submitted by",
    ):
        assert furniture not in body
        assert any(furniture in line for line in doc.removed)
    assert body.startswith("Is not President Putin’s purpose")
    assert body.endswith("“They were a kind of solution”.")
    assert "\u00a0" not in body


# --------------------------------------------------------------------------- file kinds


def test_text_file_title_byline_and_furniture(write):
    path = write(
        "column.txt",
        "A Headline Without A Stop\n\nFirst paragraph here.\n\n"
        "Second paragraph, longer.\n\nBy Jane Q. Doe\n\nShare this article\n\n"
        "Leave a comment\n",
    )
    (doc,) = records([path])
    assert doc["title"] == "A Headline Without A Stop"
    assert doc["author"] == "Jane Q. Doe"
    assert doc["text"] == "First paragraph here.\n\nSecond paragraph, longer."
    assert doc["removed"] == ["By Jane Q. Doe", "Share this article", "Leave a comment"]


def test_first_line_that_is_a_sentence_is_not_a_title(write):
    path = write("speech.txt", "Fellow-Citizens of the Senate:\n\nAmong the vicissitudes.\n")
    (doc,) = records([path])
    assert doc["title"] is None
    assert doc["text"].startswith("Fellow-Citizens of the Senate:")


def test_byline_like_sentence_in_body_is_kept(write):
    text = "Title\n\n" + "\n\n".join(["By expanding BRICS the bloc grows."] + ["Body."] * 12)
    (doc,) = records([write("a.txt", text)])
    assert doc["author"] is None
    assert "By expanding BRICS" in doc["text"]


def test_markdown_headings_links_and_emphasis(write):
    path = write(
        "note.md",
        "# The **Big** Question\n\nSee [the report](http://x.org/r) "
        "and ![chart](c.png) **now**.\n\nMore text.\n",
    )
    (doc,) = records([path])
    assert doc["title"] == "The Big Question"
    assert doc["text"].split("\n\n")[0] == "See the report and now."


def test_html_main_text_only(write):
    body = "".join(
        f"<p>Paragraph {i} of the article says something substantive about "
        f"Eurasian security and the West, at some length.</p>"
        for i in range(8)
    )
    html = (
        f"<html><head><title>Headline here</title><script>var x = 1;</script></head>"
        f"<body><nav><a href='/'>Home</a> | <a href='/n'>News</a></nav>"
        f"<article><h1>Headline here</h1>{body}</article>"
        f"<footer>Copyright 2024 Example Media. All rights reserved.</footer></body></html>"
    )
    (doc,) = records([write("page.html", html)])
    assert doc["title"] == "Headline here"
    assert "Paragraph 0 of the article" in doc["text"]
    assert "Paragraph 7 of the article" in doc["text"]
    for junk in ("var x", "Home", "All rights reserved"):
        assert junk not in doc["text"]
    assert len(doc["text"].split("\n\n")) >= 8


def test_csv_corpus_keeps_given_fields(write):
    path = write(
        "c.csv",
        "doc_id,title,author,date,text,extra\n"
        'a1,One,Ann,2024-01-02,"First text.\n\nSecond para.",x\n'
        "b2,Two,,2024-02-03,Another text.,y\n",
    )
    docs = records([path])
    assert [d["doc_id"] for d in docs] == ["a1", "b2"]
    assert docs[0]["title"] == "One" and docs[0]["author"] == "Ann"
    assert docs[0]["date"] == "2024-01-02"
    assert docs[1]["author"] is None
    assert docs[0]["text"] == "First text.\n\nSecond para."


def test_csv_without_doc_id_uses_row_numbers(write):
    docs = records([write("c.csv", "text\nOne.\nTwo.\n")])
    assert [d["doc_id"] for d in docs] == ["0", "1"]


def test_csv_without_text_column_is_an_error(write):
    path = write("c.csv", "body,title\nx,y\n")
    with pytest.raises(InputError, match=r"c\.csv has no 'text' column"):
        list(_readable(path))


def _readable(path):
    for item in iter_documents([path]):
        if isinstance(item, Skipped):
            raise InputError(str(item))
        yield item


def test_jsonl_corpus_and_bad_line(write):
    lines = [
        json.dumps({"doc_id": 7, "text": "Hello there.", "author": "Bo"}),
        json.dumps({"text": "Second."}),
    ]
    docs = records([write("c.jsonl", "\n".join(lines) + "\n")])
    assert [d["doc_id"] for d in docs] == ["7", "1"]
    assert docs[0]["author"] == "Bo"
    bad = write("bad.jsonl", lines[0] + "\n{not json\n")
    (item,) = list(iter_documents([bad]))
    assert isinstance(item, Skipped) and "line 2 is not valid JSON" in item.reason


def test_folder_is_sorted_recursive_and_ids_unique(write, tmp_path):
    write("b.txt", "Bee text.")
    write("a.txt", "Ay text.")
    write("sub/a.txt", "Sub ay text.")
    write(".hidden.txt", "Hidden.")
    write("notes.pdf.bak", "ignored type")
    docs = records([tmp_path])
    assert [d["text"] for d in docs] == ["Ay text.", "Bee text.", "Sub ay text."]
    ids = [d["doc_id"] for d in docs]
    assert len(set(ids)) == 3 and ids[:2] == ["a", "b"]


def test_several_sources_at_once(write):
    one, two = write("one.txt", "One."), write("two.md", "Two.")
    assert [d["doc_id"] for d in records([one, two])] == ["one", "two"]


def test_inaugural_one_line_per_paragraph(inaugural):
    docs = load_documents([inaugural])
    assert len(docs) == 59
    lincoln = docs.set_index("doc_id").loc["1865-Lincoln"]
    raw_lines = [x for x in (inaugural / "1865-Lincoln.txt").read_text().splitlines() if x.strip()]
    assert lincoln.text.count("\n\n") == len(raw_lines) - 1
    assert "\ufffd" not in "".join(docs.text)


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_encodings_decode_without_replacement(write, encoding):
    text = (
        "Café society’s “élite” — naïve façade."
        if encoding != "latin-1"
        else "Café society's élite, naïve façade, déjà vu."
    )
    (doc,) = records([write(f"x-{encoding}.txt", text.encode(encoding))])
    assert doc["text"] == text
    assert "\ufffd" not in doc["text"]


def test_cyrillic_code_page_is_detected():
    text = "Россия и Запад: новая архитектура безопасности в Евразии обсуждается сегодня."
    assert decode_bytes(text.encode("cp1251"), "r.txt") == (text, "cp1251")


def test_big5_punctuation_in_english_text(inaugural):
    (doc,) = records([inaugural / "2005-Bush.txt"])
    assert doc["encoding"] == "big5"
    assert "sabbatical—and then" in doc["text"]
    assert "America’s vital interests" in doc["text"]


def test_whitespace_and_unicode_normalised():
    raw = "Cafe\u0301\u00a0and\u2009tea\u200b here.\r\nNext\t\tline"
    assert normalise_whitespace(raw) == "Café and tea here.\nNext line"


# --------------------------------------------------------------------------- bad input


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt does not exist"):
        list(iter_documents([tmp_path / "nope.txt"]))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\n \t", "is empty"),
        (b"abc\x00\x01\x02def" * 20, "is a binary file"),
        (b"%PDF-1.7\n...", "is a PDF file"),
    ],
)
def test_unreadable_files_are_skipped_with_reason(write, content, reason):
    path = write("bad.txt", content)
    (item,) = list(iter_documents([path]))
    assert isinstance(item, Skipped)
    assert item.source == str(path)
    assert item.reason.startswith(reason)


def test_body_that_is_all_furniture_is_skipped(write):
    (item,) = list(iter_documents([write("f.txt", "Post a Comment\n\nContact form\n")]))
    assert isinstance(item, Skipped) and "no body text" in item.reason


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_is_reported_not_followed(write, tmp_path):
    write("corpus/a.txt", "Text.")
    os.symlink(tmp_path / "corpus", tmp_path / "corpus" / "loop")
    items = list(iter_documents([tmp_path / "corpus"]))
    assert [i["text"] for i in items if isinstance(i, dict)] == ["Text."]
    assert any(isinstance(i, Skipped) and "loops back" in i.reason for i in items)


def test_clean_text_reports_what_it_removed():
    cleaned = clean_text("Body one.\n\nFollow us on X and Telegram\n\nBody two.", PATTERNS)
    assert cleaned.body == "Body one.\n\nBody two."
    assert cleaned.removed == ["Follow us on X and Telegram"]


def test_furniture_line_does_not_glue_neighbours():
    cleaned = clean_text("Body one.\n\nNext Post\nBody two stays.\nPost a Comment", PATTERNS)
    assert cleaned.body == "Body one.\n\nBody two stays."


def test_whole_text_scan_finds_every_furniture_line(inaugural, default_article):
    """The one-scan shortcut never misses a line that the line-by-line test catches."""
    furniture = "\n".join(["Post a Comment", "Share this article", "Support our work",
                           "If you are willing, PayPal donate.", "© 2024 All rights reserved",
                           "Next Post", "3 comments", "Tags: Russia, NATO"])
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in [default_article, *sorted(inaugural.glob("*.txt"))[:20]]]
    for text in [furniture, *texts]:
        lines = normalise_whitespace(text).split("\n")
        expected = {i for i, line in enumerate(lines) if PATTERNS.matches(line)}
        assert expected <= PATTERNS.candidate_lines("\n".join(lines))
    assert len({i for i, line in enumerate(furniture.split("\n")) if PATTERNS.matches(line)}) == 8


def test_user_pattern_with_alternation_outside_brackets_is_searched(tmp_path):
    patterns_file = tmp_path / "furniture.txt"
    patterns_file.write_text("# mine\n^Sponsored|advertorial\n", encoding="utf-8")
    patterns = load_patterns(patterns_file)
    assert patterns.matches("This advertorial is paid") and patterns.matches("Sponsored")
    assert not patterns.matches("Body text")


# --------------------------------------------------------------------------- furniture screen


def test_ascii_lookalikes_are_all_the_non_ascii_matches_of_ascii():
    """Folding text for the screen relies on these being the only non-ASCII characters
    that match an ASCII one case-insensitively, and on U+0130 being the only character
    that lower-cases to more than one."""
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    found = {
        char: {a.lower() for a in map(chr, range(128))
               if re.fullmatch(re.escape(a), char, re.IGNORECASE)}
        for char in re.findall(r"[\x00-\x7f]", everything, re.IGNORECASE)
    }
    assert found == {char: {plain} for char, plain in _ASCII_LOOKALIKES.items()}
    assert [c for c in everything if len(c.lower()) != 1] == ["\u0130"]


def test_ascii_fast_path_maps_the_same_characters_as_the_patterns():
    ascii = "".join(map(chr, range(128)))
    expected = _CONTROL.sub("", _INVISIBLE.sub("", _SPACES.sub(" ", ascii)))
    assert _ascii_class(_SPACES) == b"\t\v\f"
    assert bytes(range(128)).translate(_ASCII_SPACES, _ASCII_CONTROLS) == expected.encode()


def test_screen_describes_the_default_patterns():
    screen = _screen(PATTERNS.anchored, PATTERNS.floating)
    assert screen is not None
    assert {"paypal", "donat", "all rights reserved"} <= set(screen.needles)
    assert "post a comment" in screen.prefixes and "comment" in screen.inside


def test_patterns_the_screen_cannot_describe_are_tried_on_every_line(tmp_path):
    path = tmp_path / "furniture.txt"
    path.write_text("(?<=\\n)paypal\n(donate)\\s\\1\n", encoding="utf-8")
    patterns = load_patterns(path)
    assert _screen(patterns.anchored, patterns.floating) is None
    text = "a\npaypal\ndonate\ndonate now"
    assert patterns.candidate_lines(text) == patterns.scan_lines(text) == {1, 2}


def test_floating_match_across_a_line_break_counts_where_it_begins(tmp_path):
    path = tmp_path / "furniture.txt"
    path.write_text("donate\\W{1,5}now\n^share\n", encoding="utf-8")
    patterns = load_patterns(path)
    assert _screen(patterns.anchored, patterns.floating) is not None
    text = "Intro\nplease DONATE\nnow and then\nShare"
    assert patterns.candidate_lines(text) == patterns.scan_lines(text) == {1, 3}
    assert patterns.candidate_spans(text)[1] == (6, 19)


def test_unusual_letters_are_screened_as_the_patterns_match_them():
    text = "\u212ao-fi\nPAY\u212aPAL\n\u017fhare this\nDonat\u0130on\nAll Rights Re\u017ferved"
    text = normalise_whitespace(text)
    assert PATTERNS.candidate_lines(text) == PATTERNS.scan_lines(text) == {0, 2, 3, 4}

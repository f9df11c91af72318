"""Cleaning: the author's paragraphs by the file's layout; title, byline, date and
furniture found and listed; whitespace normalised."""

from __future__ import annotations

from pathlib import Path

from discourse_workbook import paths
from discourse_workbook.clean import clean_text, load_furniture, normalise_whitespace
from discourse_workbook.pipeline import iter_documents, load_documents

PATTERNS = load_furniture()


def records(sources):
    return [r for r in iter_documents(sources) if isinstance(r, dict)]


def test_default_article_title_author_and_body():
    docs = load_documents([paths.DEFAULT_ARTICLE])
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


def test_byline_like_sentence_in_body_is_kept(write):
    text = "Title\n\n" + "\n\n".join(["By expanding BRICS the bloc grows."] + ["Body."] * 12)
    (doc,) = records([write("a.txt", text)])
    assert doc["author"] is None
    assert "By expanding BRICS" in doc["text"]


def test_whitespace_and_unicode_normalised():
    raw = "Cafe\u0301\u00a0and\u2009tea\u200b here.\r\nNext\t\tline"
    assert normalise_whitespace(raw) == "Café and tea here.\nNext line"


def test_clean_text_reports_what_it_removed():
    cleaned = clean_text("Body one.\n\nFollow us on X and Telegram\n\nBody two.", PATTERNS)
    assert cleaned.body == "Body one.\n\nBody two."
    assert cleaned.removed == ["Follow us on X and Telegram"]


def test_furniture_line_does_not_glue_neighbours():
    cleaned = clean_text("Body one.\n\nNext Post\nBody two stays.\nPost a Comment", PATTERNS)
    assert cleaned.body == "Body one.\n\nBody two stays."


def test_user_pattern_with_alternation_outside_brackets_is_searched(tmp_path):
    patterns_file = tmp_path / "furniture.txt"
    patterns_file.write_text("# mine\n^Sponsored|advertorial\n", encoding="utf-8")
    patterns = load_furniture(patterns_file)
    assert patterns.matches("This advertorial is paid") and patterns.matches("Sponsored")
    assert not patterns.matches("Body text")


def test_ascii_text_is_normalised_as_any_text():
    """Pure-ASCII text takes a byte-level path: every ASCII character is mapped as the
    same character inside non-ASCII text is."""
    for code in range(128):
        char = chr(code)
        general = normalise_whitespace(f"é{char}b").replace("é", "a", 1)
        assert normalise_whitespace(f"a{char}b") == general, repr(char)


def test_furniture_is_a_short_line_only():
    long_line = "Please donate " + " ".join(["word"] * 40) + "."
    assert clean_text(f"Body.\n\n{long_line}", PATTERNS).removed == []
    assert clean_text("Body.\n\nPlease donate today.", PATTERNS).removed == [
        "Please donate today."]


# --------------------------------------------------------------------------- layouts

LAYOUTS = Path(__file__).parent.parent / "fixtures" / "layouts"


def test_a_speech_with_a_header_block_gives_title_date_and_one_paragraph_a_line(write):
    text = (LAYOUTS / "speech.txt").read_text(encoding="utf-8")
    (doc,) = records([write("remarks.txt", text)])
    lines = [line for line in text.splitlines() if line.strip()]
    assert doc["layout"] == "header+line"
    assert doc["title"] == "Remarks at the Opening of the Riverside Water Works"
    assert doc["date"] == "1911-05-03"
    assert doc["removed"] == ["May 3, 1911"]  # listed, not analysed
    assert doc["text"].split("\n\n") == lines[2:]


def test_the_layout_option_overrides_the_detected_one(write):
    path = write("remarks.txt", (LAYOUTS / "speech.txt").read_text(encoding="utf-8"))
    (auto,) = records([path])
    (blank,) = [d for d in iter_documents([path], paragraphs="blank") if isinstance(d, dict)]
    assert blank["layout"] == "header+blank"
    assert blank["text"] == auto["text"].replace("\n\n", " ")  # one block: one paragraph
    (line,) = [d for d in iter_documents([path], paragraphs="line") if isinstance(d, dict)]
    assert line["text"] == auto["text"]


def test_a_hard_wrapped_text_joins_its_lines_into_paragraphs(write):
    (doc,) = records([write("README.txt", (LAYOUTS / "wrapped.txt").read_text("utf-8"))])
    assert doc["layout"] == "header+wrapped"
    assert doc["title"] == "TIDE TABLES FOR SMALL PORTS"
    first = doc["text"].split("\n\n")[0]
    assert first.startswith("The tide tables in this package are computed from the harmonic")
    assert first.endswith("trusts them further than that.")
    assert "===" in " ".join(doc["removed"])  # the underline is listed, not a paragraph


def test_a_chat_log_is_one_utterance_a_paragraph(write):
    text = (LAYOUTS / "chat.txt").read_text(encoding="utf-8")
    (doc,) = records([write("log.txt", text)])
    assert doc["layout"] == "chat"
    assert doc["title"] is None
    assert doc["text"].split("\n\n") == [line for line in text.splitlines() if line.strip()]


def test_text_without_spaces_is_never_a_title(write):
    text = (LAYOUTS / "chinese.txt").read_text(encoding="utf-8")
    (doc,) = records([write("spring.txt", text)])
    assert doc["title"] is None
    assert doc["text"] == text.strip()


def test_a_sentence_naming_a_donation_is_not_furniture():
    text = ("Club news\n\nThe club said it was continuing to donate trophies to local "
            "schools.\n\nDonate now\n\nThe season opens in May.")
    cleaned = clean_text(text, PATTERNS)
    assert "continuing to donate trophies" in cleaned.body
    assert cleaned.removed == ["Donate now"]


def test_a_manuals_navigation_line_is_furniture_and_a_sentence_about_it_is_not():
    text = ("Closure Example\n\nNext: Thread Safety, Previous: The Closure API, Up: Using "
            "libffi [Index]\n\nA closure is called through a trampoline.\n\nUp: Types\n\n"
            "Next: the closure is freed, as the previous section said.")
    cleaned = clean_text(text, PATTERNS)
    assert cleaned.removed == [
        "Next: Thread Safety, Previous: The Closure API, Up: Using libffi [Index]", "Up: Types"]
    assert cleaned.body.endswith("Next: the closure is freed, as the previous section said.")


def test_a_paragraph_of_several_sentences_is_never_a_title():
    text = ("The harbour froze early that winter. The ferries stopped. The island was cut "
            "off\n\nNobody remembered a colder year.")
    cleaned = clean_text(text, PATTERNS)
    assert cleaned.title is None
    assert cleaned.body.startswith("The harbour froze early")


def test_japanese_sentences_are_no_title_but_a_short_heading_is():
    body = "今年の桜は例年より早く咲いた。公園には多くの人が集まった。\n天気も良かった。"
    assert clean_text(body, PATTERNS).title is None
    headed = clean_text("東京の春\n\n" + body.replace("\n", ""), PATTERNS)
    assert headed.title == "東京の春"
    assert headed.body == body.replace("\n", "")

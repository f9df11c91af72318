"""Cleaning: title, byline and furniture found and listed; whitespace normalised."""

from __future__ import annotations

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

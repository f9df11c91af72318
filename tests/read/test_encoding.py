"""Encodings: text decoded as its author saved it, never with a replacement character."""

from __future__ import annotations

import pytest

from discourse_workbook.pipeline import iter_documents
from discourse_workbook.read import decode_bytes


def records(sources):
    return [r for r in iter_documents(sources) if isinstance(r, dict)]


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

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
    assert decode_bytes(text.encode("cp1251"), "r.txt") == (text, "cp1251", 0)


def test_big5_punctuation_in_english_text(inaugural):
    (doc,) = records([inaugural / "2005-Bush.txt"])
    assert doc["encoding"] == "big5"
    assert "sabbatical—and then" in doc["text"]
    assert "America’s vital interests" in doc["text"]


def test_utf8_with_a_few_stray_bytes_stays_utf8():
    data = "Café society’s “élite” and the naïve ".encode() + b"\xe9t\xe9 fair."
    decoded = decode_bytes(data, "x.txt")
    assert decoded.text == "Café society’s “élite” and the naïve été fair."
    assert (decoded.encoding, decoded.repaired) == ("utf-8", 2)


def test_a_file_of_windows_1252_is_not_taken_for_damaged_utf8():
    text = "Café society, the élite, a naïve façade: déjà vu at the Élysée."
    assert decode_bytes(text.encode("cp1252"), "x.txt") == (text, "cp1252", 0)


def test_stray_bytes_are_counted_in_the_documents_table_with_a_warning(write, tmp_path):
    from discourse_workbook.pipeline import analyze

    path = write("stray.txt", "Café, naïve, façade.\n\nThe ".encode() + b"\xe9t\xe9 fair.")
    with pytest.warns(UserWarning, match=r"stray\.txt \(2\)"):
        tables = analyze([path], out=tmp_path / "t")
    assert tables.documents[["encoding", "repaired_bytes"]].values.tolist() == [["utf-8", 2]]
    assert "été fair." in tables.paragraphs["text"].iloc[-1]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(write, encoding):
    text = "Russia and the West: “security” for whom? Naïve hopes."
    (doc,) = records([write("u.txt", text.encode(encoding))])
    assert doc["text"] == text and doc["encoding"] == encoding


def test_an_html_page_is_read_in_the_encoding_it_declares(write):
    body = "".join(f"<p>Paragraph {i}: the café élite of Paris debates Eurasian security "
                   "at some length, again and again.</p>" for i in range(6))
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=iso-8859-1"><title>Caf\u00e9</title></head><body><article>{body}'
            f"</article></body></html>")
    (doc,) = records([write("p.html", page.encode("cp1252"))])
    assert "café élite" in doc["text"] and doc["encoding"] == "cp1252"

"""Reading sources: each file kind, folders, tables of documents, unreadable files."""

from __future__ import annotations

import json
import os

import pytest

from discourse_workbook.errors import InputError
from discourse_workbook.pipeline import iter_documents, load_documents
from discourse_workbook.read import Skipped


def records(sources):
    return [r for r in iter_documents(sources) if isinstance(r, dict)]


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


def test_csv_and_jsonl_keep_their_other_columns_as_metadata(write):
    csv = write("c.csv", "doc_id,party,text,label\na,D,One.,pos\nb,,Two.,neg\n")
    jsonl = write("j.jsonl", json.dumps({"text": "Three.", "outlet": "Times",
                                         "tags": ["a", "b"]}) + "\n")
    table = load_documents([csv, jsonl])
    # a column the documents table has itself ("label") keeps its values under meta_label
    assert table.columns[-4:].tolist() == ["party", "meta_label", "outlet", "tags"]
    assert table["tags"].tolist() == [None, None, '["a", "b"]']
    assert table["party"].tolist() == ["D", None, None]
    assert table["meta_label"].tolist() == ["pos", "neg", None]
    assert table["outlet"].tolist() == [None, None, "Times"]


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
    bad = write("bad.jsonl", lines[0] + "\n{not json\n[1, 2]\n" + lines[1] + "\n")
    items = list(iter_documents([bad]))
    assert [i["text"] for i in items if isinstance(i, dict)] == ["Hello there.", "Second."]
    assert [i["source"] for i in items if isinstance(i, dict)] == [f"{bad}#0", f"{bad}#3"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [(s.source, s.reason) for s in skipped] == [
        (str(bad), "line 2 is not valid JSON (the row is skipped)"),
        (str(bad), "line 3 is not a JSON object (the row is skipped)")]


def test_a_malformed_csv_row_is_skipped_with_its_line_and_the_rest_read(write):
    path = write("c.csv", 'doc_id,text\na,"First,\nover two lines."\nb,x,extra\n\nc,Third.\n')
    items = list(iter_documents([path]))
    assert [i["doc_id"] for i in items if isinstance(i, dict)] == ["a", "c"]
    (skipped,) = [i for i in items if isinstance(i, Skipped)]
    assert skipped.reason == "line 4 has 3 fields where the header has 2 (the row is skipped)"


def test_strict_stops_at_the_first_bad_row(write, tmp_path):
    from discourse_workbook.pipeline import RunOptions, analyze

    path = write("c.jsonl", '{"text": "Fine."}\n{oops\n{"text": "Also fine."}\n')
    with pytest.raises(InputError, match=r"c\.jsonl line 2 is not valid JSON"):
        analyze([path], out=tmp_path / "t", run=RunOptions(strict=True))
    assert not (tmp_path / "t").exists()
    with pytest.warns(UserWarning, match="line 2 is not valid JSON"):
        tables = analyze([path], out=tmp_path / "t")
    assert tables.documents["text" if "text" in tables.documents else "doc_id"].tolist() == [
        "0", "2"]
    assert tables.skipped["reason"].tolist() == ["line 2 is not valid JSON (the row is skipped)"]


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

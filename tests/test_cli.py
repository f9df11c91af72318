"""The command line: the tables of the contract on the happy path; for anything a user
can fix, one sentence on stderr naming the file, exit code 2, no traceback (unless
``--debug``) and no tables written; the same input gives the same bytes."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import conftest
import discourse_workbook
from discourse_workbook import paths
from discourse_workbook.cli import main
from discourse_workbook.errors import InputError
from discourse_workbook.pipeline.store import MANIFEST, TABLE_NAMES, read_tables
from discourse_workbook.resources import ACTORS, shipped

CONTRACT = {
    "documents": ["doc_id", "title", "author", "date", "source", "layout", "n_paragraphs",
                  "n_sentences", "n_tokens"],
    "paragraphs": ["doc_id", "para_id", "text", "n_sentences", "n_tokens", "sentiment",
                   "sentiment_min", "sentiment_max"],
    "sentences": ["doc_id", "para_id", "sent_id", "text", "compound", "pos", "neu", "neg"],
    "sentiment_words": ["doc_id", "para_id", "sent_id", "word", "valence"],
    "terms": ["doc_id", "term", "count", "stopword"],
    "mentions": ["doc_id", "para_id", "sent_id", "actor", "alias", "start", "end"],
    "actors": ["actor", "kind", "mentions", "paragraphs", "sentiment"],
    "quotes": ["doc_id", "para_id", "text", "speaker", "kind", "n_words"],
}
SUMMARY = re.compile(r"^analysed (\d+) document\(s\): (\d+) paragraphs, (\d+) sentences, "
                     r"(\d+) words; tables in (.+)$")


def call(argv: list[str], capsys) -> tuple[int, str, str]:
    """Run the command in this process: ``(exit code, stdout, stderr)``."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_sentence(code: int, out: str, err: str, *names: str) -> str:
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("discourse-workbook")
    assert "error: " in lines[0] and "Traceback" not in err
    for name in names:
        assert name in lines[0]
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def tables_snapshot(folder: Path) -> dict[str, object]:
    """A tables folder's files, the run's id left out of its manifest and marker (the
    only things that differ between two runs of the same analysis)."""
    found: dict[str, object] = snapshot(folder)
    for name in (MANIFEST, ".discourse-workbook"):
        record = json.loads(found[name])
        assert record.pop("run_id")
        found[name] = record
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- the happy path


def test_analyze_writes_the_tables_of_the_contract(tmp_path, capsys):
    out = tmp_path / "tables"
    code, printed, err = call(["analyze", "--out", str(out), "--workers", "1"], capsys)
    assert code == 0 and err == ""
    (line,) = printed.splitlines()
    n_docs, n_paragraphs, n_sentences, n_words, where = SUMMARY.match(line).groups()
    assert where == str(out)
    tables = read_tables(out)
    for name, columns in CONTRACT.items():
        missing = set(columns) - set(tables[name].columns)
        assert not missing, (name, missing)
        assert len(tables[name]) == tables.manifest["rows"][name] > 0, name
    documents = tables.documents
    assert documents["source"].tolist() == [str(paths.DEFAULT_ARTICLE)]
    assert int(n_docs) == len(documents) == 1
    assert int(n_paragraphs) == len(tables.paragraphs) == documents["n_paragraphs"].sum()
    assert int(n_sentences) == len(tables.sentences) == documents["n_sentences"].sum()
    assert int(n_words) == tables.terms["count"].sum() == documents["n_tokens"].sum()
    manifest = tables.manifest
    assert manifest["version"] == discourse_workbook.__version__
    assert manifest["analysis"] == {"actors": None, "demonyms": True, "threshold": 0.05,
                                    "listed_only": False, "paragraphs": "auto",
                                    "sentiment_lexicon": None}
    (source,) = manifest["sources"]
    assert source["files"] == {paths.DEFAULT_ARTICLE.name: sha256(paths.DEFAULT_ARTICLE)}
    assert manifest["lists"]["actors"] == {"file": "actors.yaml",
                                           "sha256": sha256(shipped(ACTORS))}
    assert set(manifest["lists"]) == {"actors", "stopwords", "abbreviations", "boilerplate"}
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".discourse-workbook", MANIFEST, *(f"{name}.parquet" for name in TABLE_NAMES)])
    assert json.loads((out / ".discourse-workbook").read_text())["run_id"] == manifest["run_id"]


def test_python_dash_m_writes_the_same_tables(tmp_path, capsys):
    here, there = tmp_path / "main", tmp_path / "module"
    assert call(["analyze", "--out", str(here), "--workers", "1"], capsys)[0] == 0
    result = subprocess.run(
        [sys.executable, "-m", "discourse_workbook", "analyze", "--out", str(there),
         "--workers", "1"], capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert SUMMARY.match(result.stdout.strip()).group(5) == str(there)
    assert tables_snapshot(there) == tables_snapshot(here)


def test_an_output_folder_holding_only_a_gitkeep_is_used_and_keeps_it(tmp_path, capsys):
    out = tmp_path / "processed"
    out.mkdir()
    (out / ".gitkeep").write_text("")
    assert call(["analyze", "--out", str(out), "--workers", "1"], capsys)[0] == 0
    assert (out / ".gitkeep").is_file()
    assert call(["analyze", "--out", str(out), "--workers", "1"], capsys)[0] == 0
    assert (out / ".gitkeep").is_file()
    assert len(read_tables(out).documents) == 1


# --------------------------------------------------------------------------- the same bytes


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory, inaugural):
    """Good speeches with files that are skipped while listing (broken links) and while
    reading (empty files) between them."""
    folder = tmp_path_factory.mktemp("mixed") / "corpus"
    folder.mkdir()
    speeches = sorted(inaugural.glob("*.txt"))[:8]
    for i, speech in enumerate(speeches):
        shutil.copy(speech, folder / f"{i:02d}a-{speech.name}")
        (folder / f"{i:02d}b-empty.txt").write_text("")
        (folder / f"{i:02d}c-broken.txt").symlink_to(folder / "nowhere")
    return folder


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_same_input_gives_the_same_bytes(mixed_corpus, tmp_path, capsys, workers):
    runs = []
    for n in ("first", "second"):
        out = tmp_path / n
        argv = ["analyze", str(mixed_corpus), "--out", str(out), "--batch-size", "2"]
        code, _, err = call([*argv, "--workers", "1" if n == "first" else workers], capsys)
        assert code == 0
        assert len(err.splitlines()) == 1 and "warning: skipped 16 document(s)" in err
        runs.append(tables_snapshot(out))
    assert runs[0] == runs[1]
    assert set(runs[0]) == {MANIFEST, ".discourse-workbook",
                            *(f"{name}.parquet" for name in TABLE_NAMES)}
    skipped = pd.read_parquet(tmp_path / "first" / "skipped.parquet")
    assert skipped["source"].tolist() == sorted(skipped["source"])
    assert read_tables(tmp_path / "first").documents["n_tokens"].gt(0).all()


# --------------------------------------------------------------------------- the lexicon


def write_lexicon(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_lexicon_with_a_syntax_error_names_the_file_and_line(tmp_path, capsys):
    lexicon = write_lexicon(tmp_path, (
        "# my actors\n"
        "actors:\n"
        "  - label: Foo\n"
        "    kind: person\n"
        "   aliases: [Foo F]\n"
        "  - label: Bar\n"
        "    kind: state\n"
    ))
    out = tmp_path / "tables"
    result = call(["analyze", "--actors", str(lexicon), "--out", str(out)], capsys)
    line = assert_one_sentence(*result, str(lexicon))
    assert " line 5 " in line and "YAML" in line
    assert not out.exists()


def test_a_lexicon_entry_without_a_kind_names_the_file_and_line(tmp_path, capsys):
    lexicon = write_lexicon(tmp_path, (
        "titles: [Mr]\n"
        "actors:\n"
        "  - label: Foo\n"
        "    kind: person\n"
        "  - label: Bar\n"
        "    aliases: [Baz]\n"
    ))
    out = tmp_path / "tables"
    result = call(["analyze", "--actors", str(lexicon), "--out", str(out)], capsys)
    line = assert_one_sentence(*result, str(lexicon))
    assert " line 5" in line and "kind" in line
    assert not out.exists()


def test_an_unterminated_quote_names_the_line_where_it_opens(tmp_path, capsys):
    lexicon = write_lexicon(tmp_path, (
        "actors:\n"
        "  - label: Foo\n"
        "    kind: person\n"
        '    aliases: ["Foo F]\n'
        "  - label: Bar\n"
        "    kind: state\n"
    ))
    result = call(["analyze", "--actors", str(lexicon), "--out", str(tmp_path / "t")], capsys)
    line = assert_one_sentence(*result, str(lexicon))
    assert re.search(r"\bline 4\b", line) and "YAML" in line


# --------------------------------------------------------------------------- the sentiment lexicon


def test_a_sentiment_lexicon_neutralising_security_changes_the_tone(tmp_path, capsys):
    """The default article with "security 0": only the sentences where "security" carried
    valence change, every other word keeps its valence, the tone becomes more negative, and
    the manifest records the file and its hash."""
    lexicon = tmp_path / "security.txt"
    lexicon.write_text("# a text on security policy\nsecurity 0\n", encoding="utf-8")
    assert call(["analyze", "--out", str(tmp_path / "vader"), "--workers", "1"], capsys)[0] == 0
    code, _, err = call(["analyze", "--out", str(tmp_path / "adjusted"), "--workers", "1",
                         "--sentiment-lexicon", str(lexicon)], capsys)
    assert code == 0 and err == ""
    vader, adjusted = read_tables(tmp_path / "vader"), read_tables(tmp_path / "adjusted")
    words = vader.sentiment_words
    security = words[words["word"] == "security"]
    assert len(security) >= 5 and (security["valence"] > 0).all()
    assert "security" not in set(adjusted.sentiment_words["word"])
    pd.testing.assert_frame_equal(words[words["word"] != "security"].reset_index(drop=True),
                                  adjusted.sentiment_words)
    key = ["doc_id", "para_id", "sent_id"]
    before = vader.sentences.set_index(key)["compound"]
    after = adjusted.sentences.set_index(key)["compound"]
    changed = before.index[before != after]
    assert set(changed) == set(security.set_index(key).index)
    assert (after[changed] < before[changed]).all()
    assert adjusted.documents["sentiment"].iloc[0] < vader.documents["sentiment"].iloc[0]
    assert adjusted.manifest["analysis"]["sentiment_lexicon"] == str(lexicon)
    assert adjusted.manifest["lists"]["sentiment_lexicon"] == {"file": "security.txt",
                                                               "sha256": sha256(lexicon)}
    assert "sentiment_lexicon" not in vader.manifest["lists"]


@pytest.mark.parametrize(("text", "expected"), [
    ("security 0\npeace = 0\n", "line 2 is not one word and its valence"),
    ("security\t0\n\n# fine\npeace\t+5\n", "line 4 gives 'peace' the valence '+5'"),
    ("war,-1\nwar,-2\n", "line 2 gives 'war' again (first on line 1)"),
    ("armed forces,-1\n", "line 1 is not one word"),
    ("peace,0,5\n", "line 1 holds more than one comma"),
])
def test_a_malformed_sentiment_lexicon_line_is_one_sentence(tmp_path, capsys, text, expected):
    lexicon = tmp_path / "my lexicon.txt"
    lexicon.write_text(text, encoding="utf-8")
    out = tmp_path / "tables"
    result = call(["analyze", "--sentiment-lexicon", str(lexicon), "--out", str(out)], capsys)
    assert_one_sentence(*result, str(lexicon), expected)
    assert not out.exists()


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_a_missing_sentiment_lexicon_is_one_sentence(tmp_path, capsys, command):
    missing = tmp_path / "nowhere.txt"
    result = call([command, "--sentiment-lexicon", str(missing), "--out", str(tmp_path / "o")],
                  capsys)
    assert_one_sentence(*result, str(missing), "does not exist (the --sentiment-lexicon file)")
    result = call([command, "--sentiment-lexicon", str(tmp_path), "--out", str(tmp_path / "o")],
                  capsys)
    assert_one_sentence(*result, str(tmp_path), "is a folder, not a file")


# --------------------------------------------------------------------------- options


def test_a_grouping_the_corpus_lacks_is_refused_before_any_notebook_runs(tmp_path, capsys):
    corpus = tmp_path / "speeches.csv"
    corpus.write_text("doc_id,party,text\na,D,We welcome peace.\nb,R,Terror must end.\n",
                      encoding="utf-8")
    out = tmp_path / "report"
    result = call(["report", str(corpus), "--group-by", "partei", "--out", str(out)], capsys)
    # one line on stderr: no notebook started
    assert_one_sentence(*result, "'partei'", "metadata columns (party)")
    assert not out.exists()


@pytest.mark.parametrize("option", [["--engine", "spark"], ["--workers", "0"],
                                    ["--workers", "-2"], ["--batch-size", "x"],
                                    ["--batch-size", "0"], ["--no-such-option"]])
def test_an_unknown_option_value_is_one_sentence(tmp_path, capsys, option):
    out = tmp_path / "tables"
    result = call(["analyze", "--out", str(out), *option], capsys)
    assert_one_sentence(*result, option[0])
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- output folders


def test_an_output_folder_that_is_a_file(tmp_path, capsys):
    target = tmp_path / "tables"
    target.write_text("not a folder")
    line = assert_one_sentence(*call(["analyze", "--out", str(target)], capsys), str(target))
    assert "is a file" in line
    assert target.read_text() == "not a folder"


def test_an_unrelated_folder_is_not_replaced(tmp_path, capsys):
    target = tmp_path / "thesis"
    target.mkdir()
    (target / "chapter1.docx").write_bytes(b"PK\x03\x04 my work")
    before = snapshot(target)
    line = assert_one_sentence(*call(["analyze", "--out", str(target)], capsys), str(target))
    assert "not empty" in line
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis"]


def test_an_output_folder_that_is_not_writable(tmp_path, capsys):
    prefix = conftest.unprivileged()
    if prefix is None:
        pytest.skip("running as root, and root cannot give up writing everywhere here")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        for target in (locked, locked / "tables"):
            if prefix:
                result = subprocess.run(
                    [*prefix, sys.executable, "-m", "discourse_workbook", "analyze", "--out",
                     str(target)], capture_output=True, text=True, cwd=tmp_path, timeout=300)
                outcome = (result.returncode, result.stdout, result.stderr)
            else:
                outcome = call(["analyze", "--out", str(target)], capsys)
            line = assert_one_sentence(*outcome, str(locked))
            assert "not writable" in line
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


# --------------------------------------------------------------------------- bad sources


def bad_source(tmp_path: Path, kind: str) -> Path:
    path = {"missing": tmp_path / "missing.txt", "empty": tmp_path / "empty.txt",
            "binary": tmp_path / "scan.txt", "no text column": tmp_path / "table.csv",
            "no supported files": tmp_path / "pictures"}[kind]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    elif kind == "no text column":
        path.write_text("doc_id,body\n1,Words in the wrong column.\n", encoding="utf-8")
    elif kind == "no supported files":
        path.mkdir()
        (path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return path


REASONS = {"missing": "does not exist", "empty": "is empty", "binary": "not text",
           "no text column": "no 'text' column", "no supported files": "no files"}


@pytest.mark.parametrize("kind", list(REASONS))
def test_a_bad_source_is_one_sentence_and_writes_nothing(tmp_path, capsys, kind):
    (tmp_path / "in").mkdir()
    source = bad_source(tmp_path / "in", kind)
    out = tmp_path / "out" / "tables"
    result = call(["analyze", str(source), "--out", str(out), "--workers", "1"], capsys)
    line = assert_one_sentence(*result, str(source))
    assert REASONS[kind] in line
    assert line.endswith(".")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_debug_shows_the_traceback(tmp_path, capsys):
    source = bad_source(tmp_path, "empty")
    argv = ["analyze", str(source), "--out", str(tmp_path / "tables"), "--workers", "1"]
    with pytest.raises(InputError, match="is empty"):
        main([*argv, "--debug"])
    result = subprocess.run([sys.executable, "-m", "discourse_workbook", *argv, "--debug"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in result.stderr
    assert "InputError" in result.stderr


def test_the_installed_command_prints_no_traceback(tmp_path):
    command = Path(sys.executable).parent / "discourse-workbook"
    if not command.exists():
        pytest.skip("the discourse-workbook script is not installed beside this Python")
    source = bad_source(tmp_path, "binary")
    result = subprocess.run([str(command), "analyze", str(source), "--out",
                             str(tmp_path / "tables"), "--workers", "1"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert_one_sentence(result.returncode, result.stdout, result.stderr, str(source))
    assert not (tmp_path / "tables").exists()


# --------------------------------------------------------------------------- options


def test_an_unreachable_or_malformed_scheduler_is_one_sentence_within_seconds(tmp_path, capsys,
                                                                               write):
    import time

    source = write("a.txt", "Moscow answers.")
    for address in ("tcp://127.0.0.1:9", "nonsense:://x"):
        started = time.monotonic()
        outcome = call(["analyze", str(source), "--out", str(tmp_path / "t"), "--engine",
                        "dask", "--scheduler", address], capsys)
        assert time.monotonic() - started < 20
        line = assert_one_sentence(*outcome, address)
        assert "Dask scheduler" in line and "cannot be reached" in line
    assert not (tmp_path / "t").exists()


def test_absurd_workers_are_capped_and_a_lone_scheduler_warned(tmp_path, capsys, write):
    source = write("a.txt", "Moscow answers.")
    code, out, err = call(["analyze", str(source), "--out", str(tmp_path / "t"),
                           "--workers", "100000", "--scheduler", "tcp://10.0.0.5:8786"], capsys)
    assert code == 0 and "tables in" in out
    assert f"--workers 100000 is more than this machine's {os.cpu_count()} cores" in err
    assert "--scheduler tcp://10.0.0.5:8786 is used only with --engine dask" in err


def test_a_lexicon_that_is_a_folder_is_named_as_a_folder(tmp_path, capsys, write):
    source = write("a.txt", "Moscow answers.")
    line = assert_one_sentence(*call(["analyze", str(source), "--actors", str(tmp_path)],
                                     capsys), str(tmp_path))
    assert "is a folder, not a file" in line


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text("Russia and the West talk.",
                                                       encoding="utf-8")
    (corpus / "good.txt").write_text("Moscow answers.", encoding="utf-8")
    code, out, err = call(["analyze", str(corpus), "--out", str(tmp_path / "t")], capsys)
    assert code == 0, err
    documents = read_tables(tmp_path / "t").documents
    assert documents["doc_id"].tolist() == ["caf\\xe9", "good"]
    assert documents["source"].iloc[0] == str(corpus / "caf\\xe9.txt")
    empty = corpus / os.fsdecode(b"bad\xff.txt")
    empty.write_bytes(b"")
    line = assert_one_sentence(*call(["analyze", str(empty), "--out", str(tmp_path / "u")],
                                     capsys))
    assert "bad\\xff.txt is empty" in line


def test_version(capsys):
    code, out, _ = call(["--version"], capsys)
    assert code == 0 and out.strip() == f"discourse-workbook {discourse_workbook.__version__}"


@pytest.mark.parametrize("command", [[], ["analyze"], ["report"]])
def test_every_command_says_what_it_does_with_two_examples_that_parse(command, capsys):
    from discourse_workbook.cli import build_parser

    with pytest.raises(SystemExit) as stop:
        main([*command, "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    description = text.split("\n\n")[1]
    assert len(description.split()) >= 10, description
    examples = re.findall(r"^  discourse-workbook (.+?)(?:\s{3,}.*)?$",
                          text.split("examples:", 1)[1], re.M)
    assert len(examples) >= 2, text
    for example in examples:  # every example is a command line the parser accepts
        build_parser().parse_args(example.split())

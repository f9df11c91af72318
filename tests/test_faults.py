"""Corpora with broken files, runs killed half-way, hostile text: nothing is lost,
nothing is half-written, and text stays text.

Runs that are killed go through ``python -m discourse_workbook`` in a subprocess: the
run is killed with SIGKILL from outside at moments read off the file system, and from
inside at each step that writes (so every step is hit whatever the machine's speed).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
import warnings
from contextlib import contextmanager, suppress
from pathlib import Path

import pandas as pd
import pytest

import conftest
from discourse_workbook.errors import InputError
from discourse_workbook.pipeline import RunOptions, analyze
from discourse_workbook.pipeline.output import settle_leftovers
from discourse_workbook.pipeline.store import MANIFEST, TABLE_NAMES, read_tables
from discourse_workbook.read import iter_files

TITLE = "Price $\\frac{ <script>alert(1)</script> $5"  # two $: mathtext, unless escaped
HUGE_WORDS = 400_000  # "lorem " * HUGE_WORDS: a 2.4 MB line with no punctuation
HOSTILE = (
    "<script>alert(1)</script> Price $\\frac{\n\n"
    "The <b>bold</b> claim &amp; the $x$ and $$y$$ of it. “Quote <img src=x onerror=alert(2)>,”"
    " said Putin.\n\n"
    "A $\\frac{ left open, a \\\\ and a {brace} and <script>alert(3)</script> again."
)


def run(*args: str, cwd: Path, prefix: list[str] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "discourse_workbook", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=300)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder (hidden ones too) and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_complete(folder: Path) -> None:
    """The folder holds a whole set: every table readable, as many rows as the manifest."""
    tables = read_tables(folder)
    assert set(tables.manifest["rows"]) == set(TABLE_NAMES)
    for name, table in tables.items():
        assert (folder / f"{name}.parquet").is_file(), name
        assert len(table) == tables.manifest["rows"][name], name
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        [MANIFEST, *(f"{name}.parquet" for name in TABLE_NAMES)])


@contextmanager
def time_limit(seconds: float):
    """Fail instead of hanging (a read that blocks forever is the bug being guarded)."""

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- a bad corpus

BAD = {
    "binary.txt": "binary",
    "blank.txt": "empty",
    "broken.txt": "points nowhere",
    "empty.txt": "empty",
    "garbage.txt": "binary",
    "loop": "loops back",
    "paper.txt": "PDF",
    "pipe.txt": "not a regular file",
}


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory, inaugural):
    folder = tmp_path_factory.mktemp("bad") / "corpus"
    (folder / "sub").mkdir(parents=True)
    good = (inaugural / "1793-Washington.txt").read_bytes()
    (folder / "good.txt").write_bytes(good)
    (folder / "duplicate.txt").write_bytes(good)
    (folder / "sub" / "good.txt").write_bytes((inaugural / "1865-Lincoln.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\r\n  \n")
    (folder / "binary.txt").write_bytes(b"ELF\x00\x01\x02\x00" * 64)
    (folder / "paper.txt").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
    # Not UTF-8 or UTF-16, undefined in Windows-1252, control characters in Latin-1.
    (folder / "garbage.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x1B]) * 300)
    (folder / "broken.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "huge.txt").write_text("lorem " * HUGE_WORDS, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7\n")  # not a text type: not listed
    return folder


@pytest.fixture(scope="module")
def bad_run(bad_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("bad-out") / "tables"
    with warnings.catch_warnings(record=True) as caught, time_limit(120):
        warnings.simplefilter("always")
        tables = analyze([bad_corpus], out=out, run=RunOptions(workers=1))
    return tables, [w for w in caught if issubclass(w.category, UserWarning)], out


def test_every_good_document_is_analysed(bad_run):
    tables, _, _ = bad_run
    assert tables.documents["doc_id"].tolist() == [
        "duplicate", "good", "hostile", "huge", "sub/good"]
    for name in TABLE_NAMES:
        assert len(tables[name]) == tables.manifest["rows"][name]


def test_duplicated_documents_are_both_analysed_under_distinct_ids(bad_run):
    tables, _, _ = bad_run
    sentences = tables.sentences
    first = sentences.loc[sentences["doc_id"] == "good", "text"].tolist()
    assert first and first == sentences.loc[sentences["doc_id"] == "duplicate", "text"].tolist()
    assert first != sentences.loc[sentences["doc_id"] == "sub/good", "text"].tolist()
    terms = tables.terms.groupby("doc_id")["count"].sum()
    assert terms["good"] == terms["duplicate"] > 0


def test_every_bad_file_is_named_with_its_reason(bad_run, bad_corpus):
    tables, _, _ = bad_run
    skipped = tables.skipped
    assert list(skipped.columns) == ["source", "reason"]
    names = [Path(s).name for s in skipped["source"]]
    assert names == sorted(BAD)
    for name, reason in zip(names, skipped["reason"], strict=True):
        assert BAD[name] in reason, (name, reason)
    assert all(s.startswith(str(bad_corpus)) for s in skipped["source"])


def test_one_warning_line_names_the_skipped(bad_run):
    _, caught, out = bad_run
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "\n" not in message
    assert f"skipped {len(BAD)} document(s)" in message
    assert str(out / "skipped.parquet") in message


def test_an_enormous_line_is_analysed_whole(bad_run):
    tables, _, _ = bad_run
    huge = tables.documents.set_index("doc_id").loc["huge"]
    assert huge["n_tokens"] == HUGE_WORDS
    assert huge["n_paragraphs"] == 1
    terms = tables.terms[tables.terms["doc_id"] == "huge"]
    assert terms[["term", "count"]].values.tolist() == [["lorem", HUGE_WORDS]]


def test_hostile_markup_is_kept_as_text(bad_run):
    tables, _, _ = bad_run
    paragraphs = tables.paragraphs[tables.paragraphs["doc_id"] == "hostile"]
    assert "<script>alert(3)</script>" in paragraphs["text"].iloc[-1]
    assert "$\\frac{" in " ".join(paragraphs["text"])


def test_a_pipe_in_a_folder_is_listed_as_skipped_without_being_opened(bad_corpus):
    with time_limit(30):
        listed = list(iter_files([bad_corpus]))
    pipes = [item for item in listed if str(getattr(item, "source", "")).endswith("pipe.txt")]
    assert len(pipes) == 1
    assert all(Path(str(item)).name != "pipe.txt" for item in listed if isinstance(item, Path))


def test_strict_stops_at_the_first_bad_file(bad_corpus, tmp_path):
    out = tmp_path / "tables"
    with pytest.raises(InputError, match="--strict") as error:
        analyze([bad_corpus], out=out, run=RunOptions(workers=1, strict=True))
    first = min(BAD)
    assert str(error.value).startswith(f"{bad_corpus / first} ")
    assert BAD[first] in str(error.value)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "paper.txt", "garbage.txt"])
def test_a_single_bad_file_is_an_error_and_writes_nothing(bad_corpus, tmp_path, name):
    out = tmp_path / "tables"
    with pytest.raises(InputError) as error:
        analyze([bad_corpus / name], out=out, run=RunOptions(workers=1))
    assert str(error.value).startswith(str(bad_corpus / name))
    assert BAD[name] in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_of_only_bad_files_leaves_earlier_tables_alone(bad_corpus, tmp_path):
    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    for name in ("empty.txt", "binary.txt", "paper.txt", "garbage.txt", "blank.txt"):
        shutil.copy(bad_corpus / name, only_bad / name)
    out = tmp_path / "tables"
    analyze([bad_corpus / "good.txt"], out=out, run=RunOptions(workers=1))
    before = snapshot(out)
    with pytest.raises(InputError, match=r"holds no readable document \(5 skipped"):
        analyze([only_bad], out=out, run=RunOptions(workers=1))
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["only-bad", "tables"]


def test_csv_rows_without_text_are_skipped_and_listed(tmp_path):
    source = tmp_path / "letters.csv"
    source.write_text(
        'doc_id,title,text\na,First,"Peace came, they said."\nb,Second,\n'
        'c,Third,"   "\nd,Fourth,"War, then peace."\n',
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="skipped 2 document"):
        tables = analyze([source], out=tmp_path / "tables", run=RunOptions(workers=1))
    assert tables.documents["doc_id"].tolist() == ["a", "d"]
    assert tables.skipped.values.tolist() == [[f"{source}#1", "has no text"],
                                              [f"{source}#2", "has no text"]]


def test_unreadable_folder_and_file_are_skipped(tmp_path, inaugural):
    prefix = conftest.unprivileged()
    if prefix is None:
        pytest.skip("running as root, and root cannot give up reading everything here")
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    shutil.copy(inaugural / "1793-Washington.txt", corpus / "good.txt")
    shutil.copy(inaugural / "1793-Washington.txt", corpus / "locked" / "hidden.txt")
    secret = corpus / "secret.txt"
    secret.write_text("Words nobody may read.", encoding="utf-8")
    secret.chmod(0)
    (corpus / "locked").chmod(0)
    try:
        result = run("analyze", str(corpus), "--out", str(tmp_path / "tables"), "--workers",
                     "1", cwd=tmp_path, prefix=prefix)
    finally:
        (corpus / "locked").chmod(0o755)
        secret.chmod(0o644)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    tables = read_tables(tmp_path / "tables")
    assert tables.documents["doc_id"].tolist() == ["good"]
    assert dict(zip(tables.skipped["source"], tables.skipped["reason"], strict=True)) == {
        str(corpus / "locked"): "is a folder that cannot be read (Permission denied)",
        str(secret): "cannot be read (permission denied)",
    }
    files = tables.manifest["sources"][0]["files"]
    assert files["secret.txt"] is None
    assert files["good.txt"] == hashlib.sha256((corpus / "good.txt").read_bytes()).hexdigest()


# --------------------------------------------------------------------------- the output folder


def test_a_run_killed_with_the_same_pid_does_not_block_the_next(tmp_path, inaugural):
    out = tmp_path / "tables"
    source = inaugural / "1793-Washington.txt"
    analyze([source], out=out, run=RunOptions(workers=1))
    stale = tmp_path / f".tables.old-{os.getpid()}"
    (stale / "inner").mkdir(parents=True)
    (stale / "inner" / "documents.parquet").write_bytes(b"left by a killed run")
    analyze([inaugural / "1865-Lincoln.txt"], out=out, run=RunOptions(workers=1))
    assert read_tables(out).documents["doc_id"].tolist() == ["1865-Lincoln"]


def test_the_output_folder_keeps_its_permissions(tmp_path, inaugural):
    source = inaugural / "1793-Washington.txt"
    umask = os.umask(0o027)
    try:
        fresh = tmp_path / "fresh"
        analyze([source], out=fresh, run=RunOptions(workers=1))
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o750
    finally:
        os.umask(umask)
    kept = tmp_path / "kept"
    kept.mkdir()
    kept.chmod(0o705)
    analyze([source], out=kept, run=RunOptions(workers=1))
    analyze([source], out=kept, run=RunOptions(workers=1))
    assert stat.S_IMODE(kept.stat().st_mode) == 0o705


# --------------------------------------------------------------------------- killed runs


@pytest.fixture(scope="module")
def previous(tmp_path_factory, inaugural):
    """A folder of complete tables from an earlier run, and a bigger corpus to kill."""
    root = tmp_path_factory.mktemp("killed")
    small = root / "small"
    small.mkdir()
    for name in ("1793-Washington", "1865-Lincoln"):
        shutil.copy(inaugural / f"{name}.txt", small / f"{name}.txt")
    out = root / "tables"
    analyze([small], out=out, run=RunOptions(workers=1))
    big = root / "big"
    for copy in ("a", "b"):
        shutil.copytree(inaugural, big / copy)
    return out, snapshot(out), big


def check_after_kill(out: Path, before: dict[str, bytes], *, mid_swap: bool = False) -> None:
    """The previous complete set, byte for byte; or, killed between the two renames of a
    swap without an atomic exchange, no folder at all and the previous set whole in a
    hidden sibling, which the next run puts back."""
    if mid_swap:
        assert not out.exists()
        assert before in [snapshot(t) for t in tmp_siblings(out)]
        settle_leftovers(out)
        assert_complete(out)
        assert not tmp_siblings(out)
        return
    assert snapshot(out) == before
    assert_complete(out)


def fresh_copy(previous, tmp_path) -> tuple[Path, dict[str, bytes], Path]:
    out, before, big = previous
    mine = tmp_path / "tables"
    shutil.copytree(out, mine)
    return mine, before, big


def tmp_siblings(out: Path) -> list[Path]:
    return list(out.parent.glob(f".{out.name}.tmp-*"))


MOMENTS = {
    "started": lambda out: bool(tmp_siblings(out)),
    "batches": lambda out: any(len(list((t / "_parts" / "sentences").glob("part-*"))) >= 20
                               for t in tmp_siblings(out)),
    "merging": lambda out: any(list(t.glob("*.parquet")) for t in tmp_siblings(out)),
}


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_killed_from_outside_leaves_the_previous_tables(previous, tmp_path, moment):
    out, before, big = fresh_copy(previous, tmp_path)
    reached = MOMENTS[moment]
    process = subprocess.Popen(
        [sys.executable, "-m", "discourse_workbook", "analyze", str(big), "--out", str(out),
         "--workers", "1", "--batch-size", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
    )
    try:
        while process.poll() is None and not reached(out):
            time.sleep(0.002)
        process.kill()
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, f"the run ended before {moment}"
    check_after_kill(out, before)
    assert tmp_siblings(out), "the killed run's staging folder is left beside the tables"
    assert read_tables(out).manifest == read_tables(previous[0]).manifest


def test_interrupted_run_says_so_and_cleans_up(previous, tmp_path):
    out, before, big = fresh_copy(previous, tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "discourse_workbook", "analyze", str(big), "--out", str(out),
         "--workers", "1", "--batch-size", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
    )
    try:
        while process.poll() is None and not MOMENTS["batches"](out):
            time.sleep(0.002)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 130
    assert err.strip() == "discourse-workbook: interrupted; earlier outputs are unchanged."
    check_after_kill(out, before)
    assert tmp_siblings(out) == []


def test_killing_a_run_ends_its_worker_processes(previous, tmp_path):
    out, before, big = fresh_copy(previous, tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "discourse_workbook", "analyze", str(big), "--out", str(out),
         "--workers", "2", "--batch-size", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, start_new_session=True,
    )
    try:
        while process.poll() is None and not MOMENTS["batches"](out):
            time.sleep(0.002)
        process.kill()
        # Workers inherit the run's stdout: it reaches its end once every one has exited.
        process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("worker processes outlived the killed run")
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    check_after_kill(out, before)


# Steps inside the run: (what to wrap, after how many calls to die, how).
KILL_AT = r"""
import os, signal, sys
import pyarrow.parquet as pq
from discourse_workbook import cli
from discourse_workbook.pipeline import batch, output, run

point, argv = sys.argv[1], sys.argv[2:]
die = lambda: os.kill(os.getpid(), signal.SIGKILL)

def after(owner, name, n):
    original, calls = getattr(owner, name), []
    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        calls.append(1)
        if len(calls) == n:
            die()
        return result
    setattr(owner, name, wrapper)

def half_manifest(manifest, folder):
    (folder / "manifest.json").write_text('{"rows": {"documents": ', encoding="utf-8")
    die()

if point == "first part":
    after(batch, "write_part", 1)
elif point == "half-merged table":  # die once a merged table has rows but no footer
    merging, merge, write = [], run.merge_parts, pq.ParquetWriter.write_table
    def merge_then_die(*args, **kwargs):
        merging.append(1)
        return merge(*args, **kwargs)
    def write_then_die(self, *args, **kwargs):
        write(self, *args, **kwargs)
        if merging:
            die()
    run.merge_parts, pq.ParquetWriter.write_table = merge_then_die, write_then_die
elif point == "half-written manifest":
    run.write_manifest = half_manifest
elif point == "before the swap":
    after(output, "_carry_foreign", 1)
elif point == "after the swap":
    after(output, "_swap", 1)
elif point == "between the renames":  # where no atomic exchange: a swap of two renames
    output._renameat2 = None
    after(os, "rename", 1)
sys.exit(cli.main(argv))
"""


@pytest.mark.parametrize("point", ["first part", "half-merged table", "half-written manifest",
                                   "before the swap", "between the renames"])
def test_killed_at_each_step_leaves_the_previous_tables(previous, tmp_path, inaugural, point):
    out, before, _ = fresh_copy(previous, tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("1789-Washington", "1797-Adams", "1801-Jefferson"):
        shutil.copy(inaugural / f"{name}.txt", corpus / f"{name}.txt")
    result = subprocess.run(
        [sys.executable, "-c", KILL_AT, point, "analyze", str(corpus), "--out", str(out),
         "--workers", "1", "--batch-size", "1"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    check_after_kill(out, before, mid_swap=point == "between the renames")
    if point == "half-merged table":
        half = [p for t in tmp_siblings(out) for p in t.glob("*.parquet")]
        assert half, "the kill should have left a half-written table behind"
        with pytest.raises(Exception):  # noqa: B017 - any reader error: it is not a table
            pd.read_parquet(half[0])


def test_killed_after_the_swap_leaves_the_new_tables(previous, tmp_path, inaugural):
    out, before, _ = fresh_copy(previous, tmp_path)
    source = inaugural / "1801-Jefferson.txt"
    result = subprocess.run(
        [sys.executable, "-c", KILL_AT, "after the swap", "analyze", str(source), "--out",
         str(out), "--workers", "1"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert_complete(out)
    assert read_tables(out).documents["doc_id"].tolist() == ["1801-Jefferson"]
    assert snapshot(out) != before


REPORT_WITHOUT_NOTEBOOKS = r"""
import os, signal, sys
from pathlib import Path
from discourse_workbook import cli, report
from discourse_workbook.pipeline import output

version, point, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
die = lambda: os.kill(os.getpid(), signal.SIGKILL)

def run_notebooks(folder, parameters, *args, **kwargs):
    page = Path(folder) / "01_load_and_clean.html"
    page.write_text(version, encoding="utf-8")
    (Path(parameters["figures_dir"]) / "top_terms.svg").write_text(version, encoding="utf-8")
    if point == "pages written":
        die()
    return [page]

def then_die(owner, name):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        die()
        return result
    setattr(owner, name, wrapper)

report.run_notebooks = run_notebooks
if point in ("_carry_foreign", "_swap", "_settle"):
    then_die(output, point)
sys.exit(cli.main(argv))
"""


@pytest.mark.parametrize("point", ["pages written", "_carry_foreign", "_swap", "_settle"])
def test_a_killed_report_leaves_reports_figures_and_tables_of_one_run(tmp_path, point):
    out = tmp_path / "report"

    def report(version: str, kill: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", REPORT_WITHOUT_NOTEBOOKS, version, kill, "report", "--out",
             str(out), "--workers", "1"], capture_output=True, text=True, cwd=tmp_path,
            timeout=300)

    assert report("first", "no").returncode == 0, report
    (out / "NOTES.md").write_text("the analyst's", encoding="utf-8")
    assert report("second", point).returncode == -signal.SIGKILL
    page = (out / "01_load_and_clean.html").read_text(encoding="utf-8")
    assert (out / "figures" / "top_terms.svg").read_text(encoding="utf-8") == page
    run_id = json.loads((out / ".discourse-workbook").read_text(encoding="utf-8"))["run_id"]
    assert read_tables(out / "tables").manifest["run_id"] == run_id
    assert f"run {run_id}" in (out / "index.html").read_text(encoding="utf-8")
    assert report("third", "no").returncode == 0  # settles what the killed run left
    assert (out / "01_load_and_clean.html").read_text(encoding="utf-8") == "third"
    assert (out / "NOTES.md").read_text(encoding="utf-8") == "the analyst's"
    assert not list(tmp_path.glob(".report.tmp-*"))


# --------------------------------------------------------------------------- hostile text


@pytest.fixture(scope="module")
def hostile_tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile.txt"
    source.write_text(TITLE + "\n\n" + HOSTILE, encoding="utf-8")
    return analyze([source], out=folder / "tables", run=RunOptions(workers=1))


def test_hostile_text_is_escaped_in_html_tables(hostile_tables):
    from discourse_workbook.present.html import show_table

    assert hostile_tables.documents["title"].tolist() == [TITLE]
    for name in ("documents", "paragraphs", "sentences", "quotes"):
        table = hostile_tables[name]
        data = " ".join(map(str, table.to_numpy().ravel()))
        present = [f for f in ("<script>alert", "<img src=x", "<b>bold</b>") if f in data]
        assert present, f"the {name} table should carry some of the hostile markup"
        caption = f"The {name} <em>table</em>"
        for markup in (table.to_html(), str(show_table(table, caption, top=100))):
            for fragment in present:
                assert html.escape(fragment, quote=False) in markup, (name, fragment)
            assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
        assert f"The {name} &lt;em&gt;table&lt;/em&gt;" in str(show_table(table, caption))


def test_hostile_titles_render_as_text_in_figures(hostile_tables, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from discourse_workbook.present.plots import (
        plot_paragraph_sentiment,
        plot_subject,
        save_figure,
    )
    from discourse_workbook.present.plots.terms import plot_top_terms
    from discourse_workbook.sentiment import titles_of
    from discourse_workbook.stats.frequencies import term_frequencies

    titles = titles_of(hostile_tables.documents)
    figures = {
        "paragraphs": plot_paragraph_sentiment(hostile_tables.paragraphs, titles=titles),
        "terms": plot_top_terms(term_frequencies(hostile_tables.terms, by="corpus",
                                                 stopwords=False),
                                subject=plot_subject(hostile_tables.documents)),
    }
    for name, fig in figures.items():
        png, svg = save_figure(fig, name, folder=tmp_path)
        plt.close(fig)
        assert png.stat().st_size > 0
        drawn = svg.read_text(encoding="utf-8")
        assert "Price $\\frac{ &lt;script&gt;alert(1)&lt;/script&gt; $5" in drawn, name
        assert "<script" not in drawn, name


def test_a_dollar_label_would_break_a_figure_without_plain():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from discourse_workbook.present.plots import new_figure, plain

    label = TITLE
    fig, ax = new_figure(width=3, height=2)
    try:
        ax.set_title(label)
        with pytest.raises(ValueError):
            fig.canvas.draw()
        ax.set_title(plain(label))
        fig.canvas.draw()
    finally:
        plt.close(fig)

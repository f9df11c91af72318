"""Output folders: the workbook replaces only what it wrote, keeps what the analyst added,
and refuses folders that are not its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from discourse_workbook.cli import main
from discourse_workbook.pipeline.output import MARKER, read_marker, settle_leftovers


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "column.txt"
    path.write_text("Russia and the West\n\nMoscow said that the West is losing.\n",
                    encoding="utf-8")
    return path


def analyze(source: Path, out: Path, capsys=None) -> int:
    return main(["analyze", str(source), "--out", str(out), "--workers", "1", "--no-progress"])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_with_a_manifest_it_did_not_write_is_refused(source, tmp_path, capsys):
    project = tmp_path / "extension"
    project.mkdir()
    (project / "manifest.json").write_text('{"name": "a browser extension"}', encoding="utf-8")
    (project / "background.js").write_text("chrome.runtime;", encoding="utf-8")
    before = snapshot(project)
    assert analyze(source, project) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "was not written by discourse-workbook" in err
    assert str(project) in err
    assert snapshot(project) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["column.txt", "extension"]


def test_files_the_analyst_adds_survive_a_rerun(source, tmp_path):
    out = tmp_path / "tables"
    assert analyze(source, out) == 0
    first = read_marker(out)
    (out / "NOTES.md").write_text("my notes", encoding="utf-8")
    (out / "my_analysis").mkdir()
    (out / "my_analysis" / "result.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (out / "empty").mkdir()
    source.write_text("Another text about Kyiv and Washington.", encoding="utf-8")
    assert analyze(source, out) == 0
    second = read_marker(out)
    assert second["run_id"] != first["run_id"]
    assert (out / "NOTES.md").read_text(encoding="utf-8") == "my notes"
    assert (out / "my_analysis" / "result.csv").read_text(encoding="utf-8") == "a,b\n1,2\n"
    assert (out / "empty").is_dir()
    assert "NOTES.md" not in second["files"]
    assert json.loads((out / "manifest.json").read_text())["run_id"] == second["run_id"]
    assert not list(tmp_path.glob(".tables.tmp-*"))


def test_a_file_of_the_analyst_in_the_way_of_a_new_output_is_refused(source, tmp_path, capsys):
    out = tmp_path / "tables"
    assert analyze(source, out) == 0
    marker = read_marker(out)
    marker["files"].remove("quotes.parquet")  # as if the analyst had put a file of that name
    (out / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    (out / "quotes.parquet").write_text("the analyst's own", encoding="utf-8")
    assert analyze(source, out) == 2
    assert "quotes.parquet was not written by discourse-workbook" in capsys.readouterr().err
    assert (out / "quotes.parquet").read_text(encoding="utf-8") == "the analyst's own"
    assert not list(tmp_path.glob(".tables.tmp-*"))


@pytest.mark.parametrize("command", ["analyze", "report"])
def test_dangerous_targets_are_refused(command, source, tmp_path, capsys):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    for target, words in [("/", "is the root folder"), (str(Path.home()), "is your home folder"),
                          (str(a_file), "is a file, not a folder"),
                          (str(a_file / "sub"), "cannot be made")]:
        code = main([command, str(source), "--out", target, "--workers", "1"])
        err = capsys.readouterr().err
        assert code == 2 and words in err, (target, err)
    assert a_file.read_text(encoding="utf-8") == "x"


def test_report_refuses_a_folder_holding_the_analysts_figures(source, tmp_path, capsys):
    out = tmp_path / "thesis"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "my_figure1.png").write_bytes(b"\x89PNG")
    (out / "reports").mkdir()
    (out / "reports" / "chapter1.docx").write_bytes(b"PK\x03\x04")
    before = snapshot(out)
    assert main(["report", str(source), "--out", str(out), "--workers", "1"]) == 2
    assert "was not written by discourse-workbook" in capsys.readouterr().err
    assert snapshot(out) == before


def test_tables_and_reports_are_different_kinds_of_folder(source, tmp_path, capsys):
    out = tmp_path / "tables"
    assert analyze(source, out) == 0
    assert main(["report", str(source), "--out", str(out), "--workers", "1"]) == 2
    assert "holds discourse-workbook tables, not report" in capsys.readouterr().err


def test_without_out_a_source_is_analysed_where_the_user_is(source, tmp_path, monkeypatch,
                                                            capsys):
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["analyze", str(source), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert f"writing to {elsewhere / 'column-tables'}" in err
    assert read_marker(elsewhere / "column-tables")["kind"] == "tables"


def test_a_killed_runs_staging_is_settled_and_foreign_files_kept(source, tmp_path):
    out = tmp_path / "tables"
    assert analyze(source, out) == 0
    published = read_marker(out)
    # what a run killed after the swap leaves: the old set beside the new one, holding a
    # file the analyst had added (not linked into the new set yet)
    old = tmp_path / ".tables.tmp-999999999-abc"
    old.mkdir()
    (old / MARKER).write_text(json.dumps({"kind": "tables", "run_id": "old",
                                          "files": ["documents.parquet"]}), encoding="utf-8")
    (old / "documents.parquet").write_bytes(b"old table")
    (old / "NOTES.md").write_text("mine", encoding="utf-8")
    settle_leftovers(out)
    assert not old.exists()
    assert (out / "NOTES.md").read_text(encoding="utf-8") == "mine"
    assert read_marker(out) == published


def test_a_staging_never_published_is_removed_whole(source, tmp_path):
    out = tmp_path / "tables"
    assert analyze(source, out) == 0
    before = snapshot(out)
    left = tmp_path / ".tables.tmp-999999999-xyz"
    (left / "sub").mkdir(parents=True)
    (left / MARKER).write_text(json.dumps({"kind": "tables", "run_id": "x", "files": [],
                                           "staging": True}), encoding="utf-8")
    (left / "sub" / "documents.parquet").write_bytes(b"half written")
    settle_leftovers(out)
    assert not left.exists() and snapshot(out) == before


def test_a_missing_folder_is_restored_from_a_complete_set_left_beside_it(tmp_path):
    out = tmp_path / "tables"
    left = tmp_path / ".tables.tmp-999999999-set"
    left.mkdir()
    (left / MARKER).write_text(json.dumps({"kind": "tables", "run_id": "r",
                                           "files": ["a.parquet"]}), encoding="utf-8")
    (left / "a.parquet").write_bytes(b"complete")
    settle_leftovers(out)
    assert (out / "a.parquet").read_bytes() == b"complete" and not left.exists()


def test_the_loser_of_two_runs_into_one_folder_says_so(source, tmp_path):
    out = tmp_path / "tables"
    # the second run replaces the first one's tables just before the first reports
    script = f"""
import sys
from discourse_workbook import cli
from discourse_workbook.pipeline import run
original, runs = run.write_tables, []
def write_then_lose(*args, **kwargs):
    folder = original(*args, **kwargs)
    runs.append(1)
    if len(runs) == 1:  # another run finishes in the same folder before this one reports
        cli.main(["analyze", {str(source)!r}, "--out", {str(out)!r}, "--workers", "1"])
    return folder
import discourse_workbook.pipeline as pipeline
pipeline.write_tables = write_then_lose
sys.exit(cli.main(["analyze", {str(source)!r}, "--out", {str(out)!r}, "--workers", "1"]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "another run" in done.stderr and "wrote" in done.stderr
    assert done.stdout.count("tables in") == 1  # the winner's line only
    assert read_marker(out)["run_id"] in done.stderr


def test_a_folder_is_kept_as_the_analyst_set_its_permissions(source, tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    os.chmod(out, 0o750)
    assert analyze(source, out) == 0
    assert out.stat().st_mode & 0o777 == 0o750


def test_remove_own_leaves_the_analysts_files(source, tmp_path):
    from discourse_workbook.pipeline.output import remove_own

    out = tmp_path / "tables"
    assert analyze(source, out) == 0
    (out / "NOTES.md").write_text("mine", encoding="utf-8")
    remove_own(out)
    assert [p.name for p in out.iterdir()] == ["NOTES.md"]


def test_a_killed_reports_kernel_folder_is_removed_by_the_next(tmp_path, monkeypatch):
    import tempfile

    from discourse_workbook.report import kernel_folder

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / "dw-kernel-999999999-abc"
    stale.mkdir()
    (stale / "kernel.json").write_text("{}", encoding="utf-8")
    with kernel_folder() as folder:
        assert folder.parent == tmp_path and folder.name.startswith(f"dw-kernel-{os.getpid()}-")
        assert not stale.exists()
    assert not folder.exists()

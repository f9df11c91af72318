"""The pipeline: batches, engines and workers give the same tables; the cache; progress."""

from __future__ import annotations

import gc
import shutil
import sys

import pandas as pd
import pytest

from discourse_workbook.pipeline import RunOptions, analyze, ensure_tables
from discourse_workbook.pipeline.engines import bounded_map, iter_batches
from discourse_workbook.pipeline.store import TABLE_NAMES, read_tables
from discourse_workbook.stats.compare import compare_groups
from discourse_workbook.stats.overview import documents_overview

SPEECHES = ["1861-Lincoln", "1865-Lincoln", "1933-Roosevelt", "1961-Kennedy", "2009-Obama",
            "2021-Biden"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, inaugural):
    folder = tmp_path_factory.mktemp("corpus")
    for name in SPEECHES:
        shutil.copy(inaugural / f"{name}.txt", folder / f"{name}.txt")
    (folder / "empty.txt").write_text("")
    return folder


def read_bytes(folder):
    return {name: (folder / f"{name}.parquet").read_bytes() for name in TABLE_NAMES}


@pytest.fixture(scope="module")
def one_worker(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("w1") / "tables"
    with pytest.warns(UserWarning, match="skipped 1 document"):
        analyze([corpus], out=out, run=RunOptions(workers=1, batch_docs=2))
    return out


def test_one_worker_tables_are_complete(one_worker):
    documents = pd.read_parquet(one_worker / "documents.parquet")
    assert documents.doc_id.tolist() == SPEECHES
    skipped = pd.read_parquet(one_worker / "skipped.parquet")
    assert skipped.source.str.endswith("empty.txt").tolist() == [True]


@pytest.mark.parametrize("threads", [1, 3], ids=["forked", "from-a-server"])
def test_two_workers_give_identical_tables(corpus, one_worker, tmp_path, monkeypatch, threads):
    """Workers are forked from a process without other threads, else started by a
    server process; either way the tables are the same."""
    import multiprocessing
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: threads)
    methods = []
    original = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda method=None: methods.append(method) or original(method))
    freezes = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(gc.get_count()) or freeze())
    with pytest.warns(UserWarning):
        analyze([corpus], out=tmp_path / "t", run=RunOptions(workers=2, batch_docs=2))
    assert read_bytes(tmp_path / "t") == read_bytes(one_worker)
    forked = threads == 1 and sys.version_info < (3, 12)
    assert methods[-1] == ("fork" if forked else "forkserver")
    # forked workers start from a frozen heap, collectable again after the run
    assert len(freezes) == (1 if forked else 0)
    assert gc.get_freeze_count() == 0


def test_objects_a_caller_froze_stay_frozen(corpus, tmp_path):
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with pytest.warns(UserWarning):
            analyze([corpus], out=tmp_path / "t", run=RunOptions(workers=1, batch_docs=2))
        assert frozen > 0 and gc.get_freeze_count() > 0  # not thawed by the run
    finally:
        gc.unfreeze()


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_tables(corpus, one_worker, tmp_path):
    pytest.importorskip("dask.distributed")
    with pytest.warns(UserWarning):
        analyze([corpus], out=tmp_path / "t",
                run=RunOptions(engine="dask", workers=2, batch_docs=2))
    assert read_bytes(tmp_path / "t") == read_bytes(one_worker)


def test_batch_size_does_not_change_the_tables(corpus, one_worker, tmp_path):
    with pytest.warns(UserWarning):
        analyze([corpus], out=tmp_path / "t", run=RunOptions(workers=1, batch_docs=50))
    assert read_bytes(tmp_path / "t") == read_bytes(one_worker)


def test_metadata_columns_are_kept_whatever_the_batches(tmp_path, write, inaugural):
    """Rows of CSV files with different columns, beside a text file without any: the
    documents table ends with every metadata column, the same however it is batched."""
    write("src/a.csv", "doc_id,party,text\na1,D,We welcome peace.\na2,R,Terror must end.\n")
    write("src/b.csv", "doc_id,outlet,text\nb1,Times,A short report.\n")
    shutil.copy(inaugural / "1961-Kennedy.txt", tmp_path / "src")
    tables = {}
    for batch_docs, workers in ((1, 1), (50, 1), (1, 2)):
        out = tmp_path / f"t{batch_docs}-{workers}"
        analyze([tmp_path / "src"], out=out, run=RunOptions(workers=workers,
                                                             batch_docs=batch_docs))
        tables[out] = read_bytes(out)
    assert len({tuple(sorted(t.items())) for t in tables.values()}) == 1
    documents = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    assert documents.columns[-2:].tolist() == ["party", "outlet"]
    assert documents["party"].fillna("").to_dict() == {"1961-Kennedy": "", "a1": "D",
                                                       "a2": "R", "b1": ""}
    assert documents.loc["b1", "outlet"] == "Times"
    assert documents_overview(read_tables(out).documents).columns[-2:].tolist() == [
        "party", "outlet"]
    # a metadata column groups the documents like author or year
    results = compare_groups(read_tables(out), by="party", themes=False)
    assert results["groups"]["group"].tolist() == ["D", "R", "(unknown)"]
    assert set(results["key_terms_by_group"]["group"]) <= {"D", "R", "(unknown)"}


def test_results_are_handed_on_in_order_with_at_most_a_window_running():
    import time
    from concurrent.futures import ThreadPoolExecutor

    delays = [0.2, 0.0, 0.1, 0.0, 0.0, 0.05, 0.0]
    seen, queued_at_start = [], []

    def work(n: int) -> int:
        time.sleep(delays[n - 1])
        return n

    with ThreadPoolExecutor(4) as pool:
        def run(n, batch, queued):
            queued_at_start.append(queued)
            return pool.submit(work, n)

        batches = ([f"b{i}"] for i in range(1, len(delays) + 1))
        bounded_map(run, batches, 2, lambda batch, result: seen.append((batch, result)))
    assert seen == [([f"b{n}"], n) for n in range(1, len(delays) + 1)]
    assert max(queued_at_start) < 2


def test_batches_respect_document_and_size_limits():
    records = [{"text": "x" * 600_000} for _ in range(5)] + [{"text": "y"}] * 7
    skipped: list = []
    batches = list(iter_batches(records, max_docs=3, max_mb=1.0, skipped=skipped))
    assert [len(b) for b in batches] == [2, 2, 3, 3, 2]
    assert sum(map(len, batches)) == len(records)


def test_ensure_tables_reuses_and_recomputes(tmp_path, write):
    source = write("a.txt", "Russia and the West talk. Nobody listens.")
    out = tmp_path / "tables"
    first = ensure_tables([source], out=out, run=RunOptions(workers=1))
    stamp = (out / "manifest.json").stat().st_mtime_ns
    again = ensure_tables([source], out=out, run=RunOptions(workers=1))
    assert (out / "manifest.json").stat().st_mtime_ns == stamp
    assert again.sentences.text.tolist() == first.sentences.text.tolist()
    source.write_text("Moscow answers at last. Washington waits.", encoding="utf-8")
    changed = ensure_tables([source], out=out, run=RunOptions(workers=1))
    assert changed.sentences.text.tolist() == ["Moscow answers at last.", "Washington waits."]
    assert set(changed.actors.actor) == {"Russia", "United States"}


def test_progress_bar_when_asked(capsys, tmp_path, default_article):
    analyze([default_article], out=tmp_path / "t", run=RunOptions(workers=1, progress=True))
    err = capsys.readouterr().err
    assert "analyze" in err and "MB" in err and "1 documents" in err


def test_quiet_without_a_terminal(capsys, tmp_path, default_article):
    analyze([default_article], out=tmp_path / "t", run=RunOptions(workers=1))
    assert capsys.readouterr().err == ""

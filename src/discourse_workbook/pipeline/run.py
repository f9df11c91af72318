"""``analyze``: from sources to the tables, in batches, on one core, several or a cluster.

Documents are read lazily and grouped into batches; each batch is processed by
:func:`~discourse_workbook.pipeline.batch.run_batch`, which writes its tables as parts;
the parts are then merged into one Parquet file per table, in batch order, so the tables
are the same whatever the engine or the number of workers, and memory depends on the
batch size, not on the size of the corpus.
"""

from __future__ import annotations

import shutil
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .. import paths
from ..actors import summarise_actors
from ..errors import InputError
from ..read import FileRef, Skipped, iter_units, path_text
from .batch import BATCH_TABLES, Unit, as_sources, lexicon
from .engines import frozen_heap, iter_batches, run_dask, run_local
from .options import AnalysisOptions, RunOptions
from .output import new_run_id, staged_folder
from .progress import progress_bar
from .provenance import inputs, manifest
from .store import Tables, merge_parts, read_tables, write_manifest, write_table


def analyze(
    sources: Iterable[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    options: AnalysisOptions | None = None,
    run: RunOptions | None = None,
    run_id: str | None = None,
) -> Tables:
    """Run the whole pipeline and write the tables (Parquet) and a manifest to ``out``.

    No sources means the default article; ``out`` defaults to ``data/processed``.
    Returns the tables as read back from ``out`` (for a large corpus, use
    :func:`write_tables`, which returns the folder, and read what you need).

    Example: ``analyze(["speeches/"], out="tables", run=RunOptions(workers=4))``.
    """
    return read_tables(write_tables(sources, out=out, options=options, run=run, run_id=run_id))


def write_tables(
    sources: Iterable[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    options: AnalysisOptions | None = None,
    run: RunOptions | None = None,
    run_id: str | None = None,
) -> Path:
    """Run the whole pipeline, write the tables and the manifest to ``out``, and return
    that folder without reading the tables back.

    ``out`` must be a new or empty folder, or one the workbook wrote (see
    :mod:`~discourse_workbook.pipeline.output`); the run's id (``run_id``, else a new
    one) is recorded in the manifest and in the folder's marker."""
    options = (options or AnalysisOptions()).check()
    run = (run or RunOptions()).check()
    sources = as_sources(sources)
    out = Path(out) if out is not None else paths.PROCESSED
    lexicon(options.actors)  # a malformed lexicon fails before any work
    run_id = run_id or new_run_id()
    skipped: list[Skipped] = []
    written: Counter = Counter()

    with (frozen_heap(), staged_folder(out, kind="tables", run_id=run_id) as tmp,
          progress_bar(sources, run.progress) as advance):
        order: dict[str, int] = {}  # each file's and skipped item's place in reading order

        def in_order(item: Skipped) -> int:
            return order.get(item.source, len(order))

        def done(batch: list[Unit], result: dict) -> None:
            skipped.extend(result["skipped"])
            if run.strict and skipped:
                raise _strict_error(min(skipped, key=in_order))
            written.update(result["rows"])
            advance(batch)

        parts = tmp / "_parts"
        units = _numbered(iter_units(sources), order)
        batches = iter_batches(
            units, max_docs=run.batch_docs, max_mb=run.batch_mb, skipped=skipped
        )
        engine = run_dask if run.engine == "dask" else run_local
        engine(batches, parts, options, run, done)
        # Reading order, whatever the workers: a folder's skips arrive as it is listed,
        # a file's when its batch is done.
        skipped.sort(key=in_order)
        if not written.get("documents"):
            raise InputError(_nothing_readable(sources, skipped))
        if run.strict and skipped:
            raise _strict_error(skipped[0])
        counts = _merge(parts, tmp, options)
        counts["skipped"] = _write_skipped(skipped, tmp)
        write_manifest({**manifest(sources, options, counts), "run_id": run_id}, tmp)
    if skipped:
        _warn_skipped(skipped, out)
    _warn_repaired(out)
    return out


def ensure_tables(
    sources: Iterable[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    options: AnalysisOptions | None = None,
    run: RunOptions | None = None,
) -> Tables:
    """Return the tables for ``sources``: read from ``out`` when they were made from
    the same source files, lists, analysis options and package version, else run
    :func:`analyze` again. This is how notebooks get their tables.

    Example: ``tables = ensure_tables()``: the default article, cached in data/processed.
    """
    options = (options or AnalysisOptions()).check()
    sources = as_sources(sources)
    out = Path(out) if out is not None else paths.PROCESSED
    try:
        tables = read_tables(out)
    except InputError:
        tables = None
    if tables is not None and inputs(tables.manifest) == inputs(manifest(sources, options, {})):
        return tables
    return analyze(sources, out=out, options=options, run=run)


def _strict_error(first: Skipped) -> InputError:
    return InputError(f"{first} (--strict stops at the first unreadable document).")


def _numbered(units: Iterable[Unit | Skipped], order: dict[str, int]) -> Iterator[Unit | Skipped]:
    """Pass units on, noting each one's position in reading order in ``order``."""
    for position, unit in enumerate(units):
        if isinstance(unit, Skipped):
            order.setdefault(unit.source, position)
        elif isinstance(unit, FileRef):
            order.setdefault(path_text(unit.path), position)
        else:
            order.setdefault(unit["source"], position)
        yield unit


def _nothing_readable(sources: list[Path], skipped: list[Skipped]) -> str:
    if len(skipped) == 1:
        return f"{skipped[0]}."
    where = ", ".join(map(str, sources))
    if not skipped:
        return f"{where} holds no files of a supported type (.txt, .md, .html, .csv, .jsonl)."
    return f"{where} holds no readable document ({len(skipped)} skipped; the first: {skipped[0]})."


def _merge(parts: Path, folder: Path, options: AnalysisOptions) -> dict[str, int]:
    """Merge each table's parts, in batch order (the part names sort that way), and
    write the actors table, which summarises the merged mentions and sentences.

    Tables are merged two at a time: Parquet reading and writing run outside Python's
    lock, so two threads use two cores. The actors table is written as soon as its
    sources are, while the other tables are still being merged.
    """

    def merge(name: str) -> int:
        files = sorted((parts / name).glob("part-*"))
        return merge_parts(files, folder / f"{name}.parquet")

    first = ("sentences", "mentions")  # the actors table's sources
    order = [*first, *(name for name in BATCH_TABLES if name not in first)]
    with ThreadPoolExecutor(2) as pool:
        merging = {name: pool.submit(merge, name) for name in order}
        for name in first:
            merging[name].result()
        actors = _write_actors(folder, options)
        counts = {name: merging[name].result() for name in BATCH_TABLES}
    shutil.rmtree(parts)
    return {**counts, "actors": actors}


def _write_actors(folder: Path, options: AnalysisOptions) -> int:
    mentions = pd.read_parquet(folder / "mentions.parquet")
    sentences = pd.read_parquet(
        folder / "sentences.parquet", columns=["doc_id", "para_id", "sent_id", "compound"]
    )
    actors = summarise_actors(mentions, sentences, lexicon(options.actors))
    write_table(actors, folder / "actors.parquet")
    return len(actors)


def _write_skipped(skipped: list[Skipped], folder: Path) -> int:
    frame = pd.DataFrame([asdict(s) for s in skipped], columns=["source", "reason"])
    write_table(frame.astype(str), folder / "skipped.parquet")
    return len(frame)


def _warn_repaired(out: Path) -> None:
    """Name the documents in which a few bytes were not UTF-8 and were read as
    Windows-1252 (they are counted in the documents table's ``repaired_bytes``)."""
    documents = pd.read_parquet(out / "documents.parquet", columns=["source", "repaired_bytes"])
    repaired = documents[documents["repaired_bytes"] > 0]
    if len(repaired):
        named = "; ".join(f"{source} ({count})" for source, count in
                          zip(repaired["source"][:3], repaired["repaired_bytes"][:3],
                              strict=True))
        more = f" and {len(repaired) - 3} more" if len(repaired) > 3 else ""
        warnings.warn(f"{len(repaired)} document(s) are UTF-8 except for a few bytes, read as "
                      f"Windows-1252 (repaired_bytes in the documents table): {named}{more}",
                      UserWarning, stacklevel=3)


def _warn_skipped(skipped: list[Skipped], out: Path) -> None:
    first = "; ".join(map(str, skipped[:3]))
    more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    warnings.warn(
        f"skipped {len(skipped)} document(s), listed in {out}/skipped.parquet: {first}{more}",
        UserWarning,
        stacklevel=3,
    )

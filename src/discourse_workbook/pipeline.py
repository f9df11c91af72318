"""``analyze``: from sources to the tables, in batches, on one core, several or a cluster.

Documents are read lazily and grouped into batches. Each batch is processed by
:func:`run_batch` — segment, score, find quotes and mentions, count terms — which writes
its tables as parts (Arrow files, or Parquet on a cluster); the parts are then merged
into one Parquet file per table, in batch order, so the tables are
the same whatever the engine or the number of workers, and memory depends on the batch
size, not on the size of the corpus.
"""

from __future__ import annotations

import gc
import os
import platform
import sys
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache, partial
from itertools import chain, islice
from pathlib import Path

import numpy as np
import pandas as pd

from . import __version__, paths
from .corpus import FileRef, Skipped, iter_units, load_patterns, read_document
from .errors import InputError
from .segment import segment_documents
from .tables import (
    Tables,
    file_hash,
    merge_parts,
    read_tables,
    staged_folder,
    write_manifest,
    write_part,
    write_table,
)
from .terms import count_terms

ENGINES = ("local", "dask")
DOCUMENT_COLUMNS = [
    "doc_id", "title", "author", "date", "source", "encoding",
    "n_paragraphs", "n_sentences", "n_tokens", "removed",
]  # fmt: skip
Unit = FileRef | dict  # a file to read, or a record already read from a table row
BATCH_TABLES = ("documents", "paragraphs", "sentences", "terms", "mentions", "quotes")


@dataclass(frozen=True)
class Options:
    """What a run was asked to do; recorded in the manifest."""

    actors: str | None = None
    demonyms: bool = True
    threshold: float = 0.05
    batch_docs: int = 200
    batch_mb: float = 1.0
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    strict: bool = False

    def check(self) -> Options:
        """Raise InputError for an option value that cannot work."""
        if self.engine not in ENGINES:
            raise InputError(f"--engine must be one of {', '.join(ENGINES)}, not {self.engine!r}.")
        if self.workers < 1:
            raise InputError(f"--workers must be at least 1, not {self.workers}.")
        if self.batch_docs < 1 or self.batch_mb <= 0:
            raise InputError("--batch-size must be a positive number of documents.")
        if not 0 <= self.threshold < 1:
            raise InputError(f"--threshold must be between 0 and 1, not {self.threshold}.")
        if self.actors is not None and not Path(self.actors).is_file():
            raise InputError(f"{self.actors} does not exist (the --actors lexicon).")
        return self


# --------------------------------------------------------------------------- one batch


@lru_cache(maxsize=4)
def _lexicon(path: str | None):
    from .actors import load_lexicon

    return load_lexicon(Path(path) if path else None)


def process_batch(records: list[dict], options: Options) -> dict[str, pd.DataFrame]:
    """Return the per-batch tables for a list of cleaned document records.

    >>> process_batch(list_of_records, Options())["sentences"].columns
    """
    from .actors import find_mentions
    from .sentiment import add_sentiment, score_sentences
    from .voices import find_quotes, mark_voice

    lexicon = _lexicon(options.actors)
    documents = pd.DataFrame(records)
    paragraphs, sentences = segment_documents(documents)
    sentences = score_sentences(sentences, threshold=options.threshold)
    quotes = find_quotes(paragraphs, lexicon=lexicon)
    sentences = mark_voice(sentences, quotes)
    mentions = find_mentions(sentences, lexicon, demonyms=options.demonyms)
    paragraphs = add_sentiment(
        paragraphs, sentences, by=("doc_id", "para_id"), threshold=options.threshold
    )
    documents = _document_table(documents, paragraphs)
    documents = add_sentiment(documents, sentences, by=("doc_id",), threshold=options.threshold)
    return {
        "documents": documents,
        "paragraphs": paragraphs,
        "sentences": sentences,
        "terms": count_terms(sentences),
        "mentions": mentions,
        "quotes": quotes,
    }


def _document_table(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The documents with their counts of paragraphs, sentences and words (0 for a
    document with no body)."""
    codes, doc_ids = pd.factorize(paragraphs["doc_id"], sort=False)
    row = pd.Index(doc_ids).get_indexer(documents["doc_id"])
    counts = {
        "n_paragraphs": np.bincount(codes, minlength=len(doc_ids)),
        "n_sentences": np.bincount(codes, paragraphs["n_sentences"], minlength=len(doc_ids)),
        "n_tokens": np.bincount(codes, paragraphs["n_tokens"], minlength=len(doc_ids)),
    }
    table = documents.drop(columns=["text"])
    for column, values in counts.items():
        values = np.where(row >= 0, values[np.maximum(row, 0)], 0) if len(values) else 0
        table[column] = pd.Series(values, index=table.index).astype("int64")
    return table[DOCUMENT_COLUMNS]


def read_batch(units: list[Unit]) -> tuple[list[dict], list[Skipped]]:
    """Read and clean the files of a batch; records of table rows pass through."""
    records, skipped = [], []
    for unit in units:
        record = read_document(unit, _furniture()) if isinstance(unit, FileRef) else unit
        (skipped if isinstance(record, Skipped) else records).append(record)
    return records, skipped


@lru_cache(maxsize=1)
def _furniture():
    return load_patterns()


def run_batch(number: int, units: list[Unit], parts: str, options: Options) -> dict:
    """Read, analyse and write one batch: its tables become parts under ``parts``.

    The same function runs in this process, in a worker process or on a Dask worker;
    ``parts`` must be a folder every worker can reach. Returns the rows written per
    table and the documents skipped.
    """
    records, skipped = read_batch(units)
    rows = {}
    suffix = ".parquet" if options.engine == "dask" else ".arrow"  # see write_part
    if records:
        for name, frame in process_batch(records, options).items():
            write_part(frame, Path(parts) / name / f"part-{number:06d}{suffix}")
            rows[name] = len(frame)
    return {"rows": rows, "skipped": skipped}


# --------------------------------------------------------------------------- batching


def iter_batches(
    units: Iterable[Unit | Skipped], *, max_docs: int, max_mb: float, skipped: list[Skipped]
) -> Iterator[list[Unit]]:
    """Group documents into batches of at most ``max_docs`` documents or about
    ``max_mb`` megabytes; :class:`Skipped` items are collected in ``skipped``."""
    batch: list[Unit] = []
    size = 0
    for unit in units:
        if isinstance(unit, Skipped):
            skipped.append(unit)
            continue
        batch.append(unit)
        size += _size(unit)
        if len(batch) >= max_docs or size >= max_mb * 1_000_000:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _size(unit: Unit) -> int:
    return unit.size if isinstance(unit, FileRef) else len(unit["text"])


Done = Callable[[list[Unit], dict], None]


def _run_local(batches: Iterator[list[Unit]], parts: Path, options: Options, done: Done) -> None:
    """Run batches in this process, or in a pool of worker processes, in order.

    Workers started by a server process take a moment to start; until the first is
    ready, this process runs batches itself, once the pool has one queued for each
    worker. Forked workers are ready at once: this process only hands out batches.
    """
    run_here = partial(run_batch, parts=str(parts), options=options)
    batches = iter(batches)
    ahead = list(islice(batches, 2))
    batches = chain(ahead, batches)
    if options.workers == 1 or len(ahead) < 2:  # one batch: not worth starting workers
        for n, batch in enumerate(batches, 1):
            done(batch, run_here(n, batch))
        return
    from concurrent.futures import ProcessPoolExecutor

    context = _start_method(options)
    forked = context.get_start_method() == "fork"
    if forked and not gc.get_freeze_count():
        gc.freeze()  # see _frozen_heap
    with ProcessPoolExecutor(
        options.workers, mp_context=context, initializer=_warm_worker, initargs=(options,),
    ) as pool:
        started = pool.submit(os.getpid)
        submit = partial(pool.submit, run_batch, parts=str(parts), options=options)

        def run(n: int, batch: list[Unit], queued: int) -> Future:
            if forked or started.done() or queued < options.workers:
                return submit(n, batch)
            return _finished(run_here(n, batch))

        _bounded_map(run, batches, 2 * options.workers, done)


def _start_method(options: Options):
    """How worker processes start.

    A process that runs no other Python thread forks its workers: they start at once,
    with the modules, analyser and patterns this process has already loaded and built.
    (The native threads of numpy's BLAS and of pyarrow's allocator prepare themselves for
    a fork.) Forking a process with Python threads (a notebook's kernel) could copy a lock
    that one of them holds, so its workers come from a fresh server process instead; so
    do they from Python 3.12 on, which warns at any fork of a process with native threads.
    """
    import multiprocessing
    import threading

    if (
        threading.active_count() == 1
        and sys.version_info < (3, 12)
        and "fork" in multiprocessing.get_all_start_methods()
    ):
        process_batch([dict(_WARM_UP)], options)  # build what every batch needs, once
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["discourse_workbook.pipeline"])
    return context


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Collect again, at the end of a run, the objects frozen before forking workers.

    A forked worker shares this process's memory pages until it writes to them, and a
    garbage collection writes to every object it examines: each worker would soon copy
    the pages of every module, lexicon and pattern. So a process that forks its workers
    first freezes what it holds (frozen objects are not examined); this saves about a
    tenth of a run on two cores. A caller that froze objects itself keeps them frozen.
    """
    frozen = gc.get_freeze_count()
    try:
        yield
    finally:
        if not frozen:
            gc.unfreeze()


# An attributed quotation and actors: a batch of it builds every matcher and pattern.
_WARM_UP = {
    "doc_id": "warm-up", "source": "warm-up", "title": None, "author": None, "date": None,
    "encoding": "utf-8", "removed": [],
    "text": "“We will talk to Russia and the West,” President Putin said.\n\nNobody listens.",
}  # fmt: skip


def _finished(result: dict) -> Future:
    future: Future = Future()
    future.set_result(result)
    return future


def _warm_worker(options: Options) -> None:
    """Build a worker's analyser, matcher and patterns once, before its first batch."""
    from .sentiment import get_analyzer

    _exit_with_parent()
    get_analyzer()
    _lexicon(options.actors)
    _furniture()


def _exit_with_parent() -> None:
    """End this worker process when the run that started it dies: a run killed with
    SIGKILL cannot stop its pool, and the workers would otherwise wait for work forever."""
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _run_dask(batches: Iterator[list[Unit]], parts: Path, options: Options, done: Done) -> None:
    """Run batches on a Dask cluster (``options.scheduler``) or a local one."""
    from dask.distributed import Client, LocalCluster

    if options.scheduler:
        client = Client(options.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=options.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        submit = partial(client.submit, run_batch, parts=str(parts), options=options, pure=False)
        _bounded_map(lambda n, batch, _: submit(n, batch), batches, 2 * n_workers, done)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _bounded_map(run, batches: Iterator[list[Unit]], window: int, done: Done) -> None:
    """Start batches with ``run(n, batch, queued)``, ``queued`` being how many are still
    running, keeping at most ``window`` running; hand each result to ``done`` in order
    as soon as it and all before it are finished."""
    pending: deque = deque()

    def running() -> int:
        return sum(not future.done() for future, _ in pending)

    for n, batch in enumerate(batches, 1):
        pending.append((run(n, batch, running()), batch))
        while pending and (pending[0][0].done() or running() >= window):
            future, finished = pending.popleft()
            done(finished, future.result())
    while pending:
        future, finished = pending.popleft()
        done(finished, future.result())


# --------------------------------------------------------------------------- the run


def analyze(
    sources: Iterable[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    options: Options | None = None,
    progress: bool | None = None,
) -> Tables:
    """Run the whole pipeline and write the tables (Parquet) and a manifest to ``out``.

    No sources means the default article; ``out`` defaults to ``data/processed``.
    Returns the tables as read back from ``out`` (for a large corpus, use
    :func:`write_tables`, which returns the folder, and read what you need).

    >>> tables = analyze(out="/tmp/tables")
    """
    return read_tables(write_tables(sources, out=out, options=options, progress=progress))


def write_tables(
    sources: Iterable[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    options: Options | None = None,
    progress: bool | None = None,
) -> Path:
    """Run the whole pipeline, write the tables and the manifest to ``out``, and return
    that folder without reading the tables back.

    >>> write_tables(["corpus/"], out="/tmp/tables")
    """
    options = (options or Options()).check()
    sources = [Path(s) for s in sources] if sources else [paths.DEFAULT_ARTICLE]
    out = Path(out) if out is not None else paths.PROCESSED
    _lexicon(options.actors)  # a malformed lexicon fails before any work
    skipped: list[Skipped] = []
    written = Counter()

    with _frozen_heap(), staged_folder(out) as tmp, _progress_bar(sources, progress) as advance:
        order: dict[str, int] = {}  # each file's and skipped item's place in reading order

        def in_order(item: Skipped) -> int:
            return order.get(item.source, len(order))

        def done(batch: list[Unit], result: dict) -> None:
            skipped.extend(result["skipped"])
            if options.strict and skipped:
                raise _strict_error(min(skipped, key=in_order))
            written.update(result["rows"])
            advance(batch)

        parts = tmp / "_parts"
        units = _numbered(iter_units(sources), order)
        batches = iter_batches(
            units, max_docs=options.batch_docs, max_mb=options.batch_mb, skipped=skipped
        )
        runner = _run_dask if options.engine == "dask" else _run_local
        runner(batches, parts, options, done)
        # Reading order, whatever the workers: a folder's skips arrive as it is listed,
        # a file's when its batch is done.
        skipped.sort(key=in_order)
        if not written.get("documents"):
            raise InputError(_nothing_readable(sources, skipped))
        if options.strict and skipped:
            raise _strict_error(skipped[0])
        counts = _merge(parts, tmp, options)
        counts["skipped"] = _write_skipped(skipped, tmp)
        write_manifest(_manifest(sources, options, counts), tmp)
    if skipped:
        _warn_skipped(skipped, out)
    return out


def _strict_error(first: Skipped) -> InputError:
    return InputError(f"{first} (--strict stops at the first unreadable document).")


def _numbered(units: Iterable[Unit | Skipped], order: dict[str, int]) -> Iterator[Unit | Skipped]:
    """Pass units on, noting each file's or skipped item's position in ``order``."""
    for position, unit in enumerate(units):
        if isinstance(unit, Skipped):
            order.setdefault(unit.source, position)
        elif isinstance(unit, FileRef):
            order.setdefault(str(unit.path), position)
        yield unit


def ensure_tables(
    sources: Iterable[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    options: Options | None = None,
    progress: bool | None = None,
) -> Tables:
    """Return the tables for ``sources``: read from ``out`` when they were made from
    the same source files, lexicons, options and package version, else run
    :func:`analyze` again. This is how notebooks get their tables.

    >>> tables = ensure_tables()  # the default article, cached in data/processed
    """
    options = (options or Options()).check()
    sources = [Path(s) for s in sources] if sources else [paths.DEFAULT_ARTICLE]
    out = Path(out) if out is not None else paths.PROCESSED
    try:
        tables = read_tables(out)
    except InputError:
        tables = None
    if tables is not None and _same_inputs(tables.manifest, _manifest(sources, options, {})):
        return tables
    return analyze(sources, out=out, options=options, progress=progress)


def _same_inputs(old: dict, new: dict) -> bool:
    """True when two manifests record the same inputs and the options that shape the
    tables (batching and strictness do not)."""
    keys = ("version", "sources", "lexicons")
    shaping = ("actors", "demonyms", "threshold")
    old_options, new_options = old.get("options", {}), new.get("options", {})
    return all(old.get(k) == new.get(k) for k in keys) and all(
        old_options.get(k) == new_options.get(k) for k in shaping
    )


def _nothing_readable(sources: list[Path], skipped: list[Skipped]) -> str:
    if len(skipped) == 1:
        return f"{skipped[0]}."
    where = ", ".join(map(str, sources))
    if not skipped:
        return f"{where} holds no files of a supported type (.txt, .md, .html, .csv, .jsonl)."
    return f"{where} holds no readable document ({len(skipped)} skipped; the first: {skipped[0]})."


def _merge(parts: Path, folder: Path, options: Options) -> dict[str, int]:
    """Merge each table's parts, in batch order (the part names sort that way), and
    write the actors table, which summarises the merged mentions and sentences.

    Tables are merged two at a time: Parquet reading and writing run outside Python's
    lock, so two threads use two cores. The actors table is written as soon as its
    sources are, while the other tables are still being merged.
    """
    from concurrent.futures import ThreadPoolExecutor

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
    import shutil

    shutil.rmtree(parts)
    return {**counts, "actors": actors}


def _write_actors(folder: Path, options: Options) -> int:
    from .actors import summarise_actors

    mentions = pd.read_parquet(folder / "mentions.parquet")
    sentences = pd.read_parquet(
        folder / "sentences.parquet", columns=["doc_id", "para_id", "sent_id", "compound"]
    )
    actors = summarise_actors(mentions, sentences, _lexicon(options.actors))
    write_table(actors, folder / "actors.parquet")
    return len(actors)


def _write_skipped(skipped: list[Skipped], folder: Path) -> int:
    frame = pd.DataFrame([asdict(s) for s in skipped], columns=["source", "reason"])
    write_table(frame.astype(str), folder / "skipped.parquet")
    return len(frame)


def _warn_skipped(skipped: list[Skipped], out: Path) -> None:
    first = "; ".join(map(str, skipped[:3]))
    more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
    warnings.warn(
        f"skipped {len(skipped)} document(s), listed in {out}/skipped.parquet: {first}{more}",
        UserWarning,
        stacklevel=3,
    )


def _manifest(sources: list[Path], options: Options, counts: dict[str, int]) -> dict:
    """Provenance: version, options, and a hash of each source file and lexicon."""
    lexicons = [
        Path(options.actors) if options.actors else paths.ACTORS_LEXICON,
        paths.STOPWORDS,
        paths.BOILERPLATE,
        paths.ABBREVIATIONS,
    ]
    return {
        "package": "discourse-workbook",
        "version": __version__,
        "python": platform.python_version(),
        "packages": _package_versions(),
        "options": {
            k: v for k, v in asdict(options).items() if k not in ("workers", "engine", "scheduler")
        },
        "sources": [{"path": str(s), "files": _source_hashes(s)} for s in sources],
        "lexicons": {str(p): file_hash(p) for p in lexicons if p.exists()},
        "rows": counts,
    }


def _source_hashes(source: Path) -> dict[str, str | None]:
    """SHA-256 of each file of a source; None for a file that cannot be read (it was
    skipped, and is listed in the skipped table)."""
    if source.is_file():
        return {source.name: _hash_or_none(source)}
    found = {}
    for root, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.is_file():
                found[str(path.relative_to(source))] = _hash_or_none(path)
    return found


def _hash_or_none(path: Path) -> str | None:
    try:
        return file_hash(path)
    except OSError:
        return None


def _package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("pandas", "pyarrow", "nltk", "vaderSentiment", "wordfreq", "trafilatura"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            continue
    return found


class _progress_bar:
    """A progress bar on stderr (documents, MB, rate, time left) when stderr is a
    terminal or when asked; silent otherwise."""

    def __init__(self, sources: list[Path], enabled: bool | None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.sources = sources
        self.bar = None

    def __enter__(self) -> Callable[[list[Unit]], None]:
        if self.enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitoring thread: workers can be forked
            total = sum(_source_bytes(s) for s in self.sources) / 1e6
            self.bar = tqdm(
                total=round(total, 2),
                unit="MB",
                desc="analyze",
                file=sys.stderr,
                bar_format="{desc}: {percentage:3.0f}%|{bar}| {n:.1f}/{total:.1f} MB "
                "[{elapsed}<{remaining}, {rate_noinv_fmt}{postfix}]",
            )
            self.docs = 0
        return self.advance

    def advance(self, batch: list[Unit]) -> None:
        if self.bar is not None:
            self.docs += len(batch)
            done = sum(_size(unit) for unit in batch) / 1e6
            self.bar.update(min(done, max(0.0, self.bar.total - self.bar.n)))
            self.bar.set_postfix_str(f"{self.docs} documents", refresh=False)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            if exc[0] is None:
                self.bar.update(self.bar.total - self.bar.n)
            self.bar.close()


def _source_bytes(source: Path) -> int:
    if source.is_file():
        return source.stat().st_size
    return sum(p.stat().st_size for p in source.rglob("*") if p.is_file())

"""``analyze``: from sources to the tables, in batches, on one core, several or a cluster.

Documents are read lazily and grouped into batches. Each batch is processed by
:func:`run_batch` — segment, score, find quotes and mentions, count terms — which writes
its tables as Parquet parts; the parts are then merged in batch order, so the tables are
the same whatever the engine or the number of workers, and memory depends on the batch
size, not on the size of the corpus.
"""

from __future__ import annotations

import os
import platform
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

import pandas as pd

from . import __version__, paths
from .corpus import Skipped, iter_documents
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
BATCH_TABLES = ("documents", "paragraphs", "sentences", "terms", "mentions", "quotes")


@dataclass(frozen=True)
class Options:
    """What a run was asked to do; recorded in the manifest."""

    actors: str | None = None
    demonyms: bool = True
    threshold: float = 0.05
    batch_docs: int = 200
    batch_mb: float = 2.0
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
    counts = paragraphs.groupby("doc_id", sort=False).agg(
        n_paragraphs=("para_id", "size"),
        n_sentences=("n_sentences", "sum"),
        n_tokens=("n_tokens", "sum"),
    )
    table = documents.drop(columns=["text"]).join(counts, on="doc_id")
    for column in ("n_paragraphs", "n_sentences", "n_tokens"):
        table[column] = table[column].fillna(0).astype("int64")
    return table[DOCUMENT_COLUMNS]


def run_batch(number: int, records: list[dict], parts: str, options: Options) -> dict[str, int]:
    """Process one batch and write its tables as Parquet parts under ``parts``.

    The same function runs in this process, in a worker process or on a Dask worker;
    ``parts`` must be a folder every worker can reach. Returns the rows per table.
    """
    tables = process_batch(records, options)
    for name, frame in tables.items():
        write_part(frame, Path(parts) / name / f"part-{number:06d}.parquet")
    return {name: len(frame) for name, frame in tables.items()}


# --------------------------------------------------------------------------- batching


def iter_batches(
    items: Iterable[dict | Skipped], *, max_docs: int, max_mb: float, skipped: list[Skipped]
) -> Iterator[list[dict]]:
    """Group document records into batches of at most ``max_docs`` documents or about
    ``max_mb`` megabytes of text; :class:`Skipped` items are collected in ``skipped``."""
    batch: list[dict] = []
    size = 0
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        batch.append(item)
        size += len(item["text"])
        if len(batch) >= max_docs or size >= max_mb * 1_000_000:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _run_local(
    batches: Iterator[list[dict]],
    parts: Path,
    options: Options,
    progress: Callable[[list[dict]], None],
) -> int:
    """Run batches in this process, or in a pool of worker processes, in order."""
    if options.workers == 1:
        n = 0
        for n, batch in enumerate(batches, 1):
            run_batch(n, batch, str(parts), options)
            progress(batch)
        return n
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["discourse_workbook.pipeline"])
    with ProcessPoolExecutor(
        options.workers, mp_context=context, initializer=_warm_worker, initargs=(options,)
    ) as pool:
        return _bounded_map(
            lambda n, b: pool.submit(run_batch, n, b, str(parts), options),
            batches,
            2 * options.workers,
            progress,
        )


def _warm_worker(options: Options) -> None:
    """Build a worker's analyser and actor matcher once, before its first batch."""
    from .sentiment import get_analyzer

    get_analyzer()
    _lexicon(options.actors)


def _run_dask(
    batches: Iterator[list[dict]],
    parts: Path,
    options: Options,
    progress: Callable[[list[dict]], None],
) -> int:
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
        return _bounded_map(
            lambda n, b: client.submit(run_batch, n, b, str(parts), options, pure=False),
            batches,
            2 * n_workers,
            progress,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _bounded_map(
    submit, batches: Iterator[list[dict]], window: int, progress: Callable[[list[dict]], None]
) -> int:
    """Submit batches keeping at most ``window`` in flight; wait for them in order."""
    pending: deque = deque()
    n = 0
    for n, batch in enumerate(batches, 1):
        pending.append((submit(n, batch), batch))
        if len(pending) >= window:
            future, done = pending.popleft()
            future.result()
            progress(done)
    while pending:
        future, done = pending.popleft()
        future.result()
        progress(done)
    return n


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
    Returns the tables as read back from ``out``.

    >>> tables = analyze(out="/tmp/tables")
    """
    options = (options or Options()).check()
    sources = [Path(s) for s in sources] if sources else [paths.DEFAULT_ARTICLE]
    out = Path(out) if out is not None else paths.PROCESSED
    _lexicon(options.actors)  # a malformed lexicon fails before any work
    skipped: list[Skipped] = []
    with staged_folder(out) as tmp, _progress_bar(sources, progress) as advance:
        parts = tmp / "_parts"
        batches = iter_batches(
            iter_documents(sources),
            max_docs=options.batch_docs,
            max_mb=options.batch_mb,
            skipped=skipped,
        )
        batches = _strict(batches, skipped) if options.strict else batches
        runner = _run_dask if options.engine == "dask" else _run_local
        n_batches = runner(batches, parts, options, advance)
        if n_batches == 0:
            raise InputError(_nothing_readable(sources, skipped))
        counts = _merge(parts, tmp, n_batches)
        counts["actors"] = _write_actors(tmp, options)
        counts["skipped"] = _write_skipped(skipped, tmp)
        write_manifest(_manifest(sources, options, counts), tmp)
    if skipped:
        _warn_skipped(skipped, out)
    return read_tables(out)


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
    keys = ("version", "options", "sources", "lexicons")
    return all(old.get(k) == new.get(k) for k in keys)


def _strict(batches: Iterator[list[dict]], skipped: list[Skipped]) -> Iterator[list[dict]]:
    """Pass batches on until the first skipped document, then stop the run."""
    for batch in chain(batches, [[]]):
        if skipped:
            raise InputError(f"{skipped[0]} (--strict stops at the first unreadable document).")
        if batch:
            yield batch


def _nothing_readable(sources: list[Path], skipped: list[Skipped]) -> str:
    if len(skipped) == 1:
        return f"{skipped[0]}."
    where = ", ".join(map(str, sources))
    if not skipped:
        return f"{where} holds no files of a supported type (.txt, .md, .html, .csv, .jsonl)."
    return f"{where} holds no readable document ({len(skipped)} skipped; the first: {skipped[0]})."


def _merge(parts: Path, folder: Path, n_batches: int) -> dict[str, int]:
    counts = {}
    for name in BATCH_TABLES:
        files = [parts / name / f"part-{n:06d}.parquet" for n in range(1, n_batches + 1)]
        counts[name] = merge_parts(files, folder / f"{name}.parquet")
    import shutil

    shutil.rmtree(parts)
    return counts


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


def _source_hashes(source: Path) -> dict[str, str]:
    if source.is_file():
        return {source.name: file_hash(source)}
    found = {}
    for root, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.is_file():
                found[str(path.relative_to(source))] = file_hash(path)
    return found


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

    def __enter__(self) -> Callable[[list[dict]], None]:
        if self.enabled:
            from tqdm import tqdm

            total = sum(_source_bytes(s) for s in self.sources) / 1e6
            self.bar = tqdm(
                total=round(total, 2),
                unit="MB",
                desc="analyze",
                file=sys.stderr,
                bar_format="{desc}: {percentage:3.0f}%|{bar}| {n:.1f}/{total:.1f} MB "
                "[{elapsed}<{remaining}, {rate_fmt}] {postfix}",
            )
            self.docs = 0
        return self.advance

    def advance(self, batch: list[dict]) -> None:
        if self.bar is not None:
            self.docs += len(batch)
            done = sum(len(r["text"].encode("utf-8")) for r in batch) / 1e6
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

"""Engines: batches run in this process, in worker processes, or on a Dask cluster.

Whatever the engine, batches are handed out in order and their results handed on in
order, so the tables do not depend on the engine or on the number of workers.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from functools import partial
from itertools import chain, islice
from pathlib import Path

from ..errors import InputError
from ..read import FileRef, Skipped
from ..resources import load_abbreviations, load_stopwords
from .batch import WARM_UP, Unit, lexicon, process_batch, run_batch
from .options import AnalysisOptions, RunOptions

Done = Callable[[list[Unit], dict], None]


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
        size += unit_size(unit)
        if len(batch) >= max_docs or size >= max_mb * 1_000_000:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def unit_size(unit: Unit) -> int:
    """A unit's size in bytes (a file's) or characters (a row's text)."""
    return unit.size if isinstance(unit, FileRef) else len(unit["text"])


def run_local(batches: Iterator[list[Unit]], parts: Path, options: AnalysisOptions,
              run: RunOptions, done: Done) -> None:
    """Run batches in this process, or in a pool of worker processes, in order.

    Workers started by a server process take a moment to start; until the first is
    ready, this process runs batches itself, once the pool has one queued for each
    worker. Forked workers are ready at once: this process only hands out batches.
    """
    run_here = partial(run_batch, parts=str(parts), options=options)
    batches = iter(batches)
    ahead = list(islice(batches, 2))
    batches = chain(ahead, batches)
    if run.workers == 1 or len(ahead) < 2:  # one batch: not worth starting workers
        for n, batch in enumerate(batches, 1):
            done(batch, run_here(n, batch))
        return
    from concurrent.futures import ProcessPoolExecutor

    context = _start_method(options)
    forked = context.get_start_method() == "fork"
    if forked and not gc.get_freeze_count():
        gc.freeze()  # see _frozen_heap
    with ProcessPoolExecutor(
        run.workers, mp_context=context, initializer=_warm_worker, initargs=(options,),
    ) as pool:
        started = pool.submit(os.getpid)
        submit = partial(pool.submit, run_batch, parts=str(parts), options=options)

        def start(n: int, batch: list[Unit], queued: int) -> Future:
            if forked or started.done() or queued < run.workers:
                return submit(n, batch)
            return _finished(run_here(n, batch))

        bounded_map(start, batches, 2 * run.workers, done)


def _start_method(options: AnalysisOptions):
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
        process_batch([dict(WARM_UP)], options)  # build what every batch needs, once
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["discourse_workbook.pipeline.batch"])
    return context


@contextmanager
def frozen_heap() -> Iterator[None]:
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


def _finished(result: dict) -> Future:
    future: Future = Future()
    future.set_result(result)
    return future


def _warm_worker(options: AnalysisOptions) -> None:
    """Build a worker's analyser, matcher and patterns once, before its first batch."""
    from ..clean import load_furniture
    from ..sentiment import get_analyzer

    _exit_with_parent()
    get_analyzer(lexicon=options.sentiment_lexicon)
    lexicon(options.actors)
    load_furniture()
    load_stopwords()
    load_abbreviations()


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


def run_dask(batches: Iterator[list[Unit]], parts: Path, options: AnalysisOptions,
             run: RunOptions, done: Done) -> None:
    """Run batches on a Dask cluster (``run.scheduler``) or a local one."""
    from dask.distributed import Client, LocalCluster

    if run.scheduler:
        client = connect(run.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=run.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        submit = partial(client.submit, run_batch, parts=str(parts), options=options,
                         suffix=".parquet", pure=False)
        bounded_map(lambda n, batch, _: submit(n, batch), batches, 2 * n_workers, done)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def bounded_map(start, batches: Iterator[list[Unit]], window: int, done: Done) -> None:
    """Start batches with ``start(n, batch, queued)``, ``queued`` being how many are still
    running, keeping at most ``window`` running; hand each result to ``done`` in order
    as soon as it and all before it are finished."""
    pending: deque = deque()

    def running() -> int:
        return sum(not future.done() for future, _ in pending)

    for n, batch in enumerate(batches, 1):
        pending.append((start(n, batch, running()), batch))
        while pending and (pending[0][0].done() or running() >= window):
            future, finished = pending.popleft()
            done(finished, future.result())
    while pending:
        future, finished = pending.popleft()
        done(finished, future.result())




def connect(address: str, *, timeout: float = 5):
    """A Dask client connected to the scheduler at ``address``, or an :class:`InputError`
    within ``timeout`` seconds when there is none to reach."""
    from dask.distributed import Client

    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        reason = " ".join(str(err).split())[:160] or type(err).__name__
        raise InputError(f"The Dask scheduler at {address} cannot be reached ({reason}); "
                         "check the address and that the scheduler is running.") from None

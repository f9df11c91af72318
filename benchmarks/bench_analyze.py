"""Throughput and memory of ``analyze`` against VADER alone, on real distinct documents.

    python benchmarks/bench_analyze.py --corpus NAME PATH [PATH ...] [--corpus ...]
                                       [--mb 16] [--workers 2]

For each corpus:

1. Builds it from the text files under its paths, up to ``--mb`` megabytes (distinct
   files only: duplicates by content are dropped; nothing is repeated).
2. Times each stage of the pipeline in one process on a sample (where the time goes).
3. Runs ``discourse-workbook analyze`` on it in a subprocess, ``--repeat`` times, sampling
   the resident memory of its whole process tree; again on half of it and with smaller
   batches (memory must grow with neither the corpus nor the batch size).
4. Runs vaderSentiment's own analyser alone, in one process, over the same sentences,
   ``--repeat`` times. Times are the median of the runs.

It prints MB/s for both, their ratio, and the peak resident memory, then a summary.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil

from discourse_workbook.pipeline.store import read_tables
from discourse_workbook.stats.compare import compare_groups

TEXT_SUFFIXES = (".txt", ".md", ".rst", ".pod")


def build_corpus(paths: list[Path], target: Path, max_mb: float) -> tuple[int, int]:
    """Copy distinct text files under ``paths`` into ``target`` as .txt, up to max_mb.

    Returns (files, bytes).
    """
    target.mkdir(parents=True)
    seen: set[str] = set()
    files = total = 0
    for path in paths:
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for source in candidates:
            if not source.name.endswith(TEXT_SUFFIXES):
                continue
            data = source.read_bytes()
            digest = hashlib.sha1(data).hexdigest()
            if len(data) < 200 or digest in seen:
                continue
            seen.add(digest)
            files += 1
            (target / f"{files:05d}-{source.stem.split('.')[0]}.txt").write_bytes(data)
            total += len(data)
            if total >= max_mb * 1e6:
                return files, total
    return files, total


def stage_times(corpus: Path, sample_mb: float = 2.0) -> pd.Series:
    """Seconds per MB spent in each stage, in one process, on about ``sample_mb`` of the
    corpus taken from files spread across it (every eighth file)."""
    from discourse_workbook import actors, sentiment, voices
    from discourse_workbook.pipeline import iter_documents
    from discourse_workbook.segment import segment_documents
    from discourse_workbook.terms import count_terms

    times: dict[str, float] = {}

    def timed(name, fn, *args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        times[name] = times.get(name, 0.0) + time.perf_counter() - start
        return result

    records, size = [], 0
    start = time.perf_counter()
    sample = sorted(corpus.iterdir())[::8]
    for record in iter_documents(sample):
        if isinstance(record, dict):
            records.append(record)
            size += len(record["text"])
            if size > sample_mb * 1e6:
                break
    times["load and clean"] = time.perf_counter() - start
    docs = pd.DataFrame(records)
    lexicon = actors.load_lexicon()
    # Twice, keeping the second: a worker builds its analyser, matchers and patterns
    # once per run, and the first pass builds them here. The stages run as in
    # pipeline.batch.process_batch: mentions before quotations, whose speakers they name.
    for _ in range(2):
        loading = times.pop("load and clean")
        times.clear()
        times["load and clean"] = loading
        paragraphs, sentences = timed("segment", segment_documents, docs)
        scored, _ = timed("sentiment (fast VADER, with its words)",
                          sentiment.score_sentences_with_words, sentences)
        mentions = timed("mentions", actors.find_mentions, scored, lexicon)
        quotes = timed("quotes", voices.find_quotes, paragraphs, lexicon=lexicon,
                       sentences=scored, mentions=mentions)
        timed("voice marking", voices.mark_voice, scored, quotes)
        timed("terms", count_terms, sentences)
    reference = sentiment.get_analyzer(reference=True)
    timed(
        "sentiment (vaderSentiment)", lambda: [reference.polarity_scores(t) for t in sentences.text]
    )
    per_mb = pd.Series(times, name="seconds per MB") / (size / 1e6)
    per_mb = per_mb.sort_values(ascending=False)
    per_mb["all stages (without vaderSentiment)"] = per_mb.drop("sentiment (vaderSentiment)").sum()
    return per_mb


def run_analyze(corpus: Path, out: Path, workers: int, batch: int) -> tuple[float, int]:
    """Run analyze in a subprocess; return (seconds, peak RSS bytes of its process tree)."""
    cmd = [
        sys.executable,
        "-m",
        "discourse_workbook",
        "analyze",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        str(workers),
        "--batch-size",
        str(batch),
        "--no-progress",
    ]
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"analyze failed with exit code {proc.returncode}")
    return seconds, peak


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    try:
        for p in [proc, *proc.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                continue
    except psutil.Error:
        pass
    return total


def vader_alone(sentences: list[str]) -> float:
    """Seconds for vaderSentiment's analyser over the sentences, in this process."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    for text in sentences:
        analyzer.polarity_scores(text)
    return time.perf_counter() - start


def compare_seconds(tables_dir: Path) -> float:
    """Seconds to compute every comparison of a report grouped by author (tone, key terms,
    trends, actors, voices, similarity and themes), from the tables already read."""
    tables = read_tables(tables_dir)
    for name in ("documents", "sentences", "terms", "mentions", "quotes"):
        getattr(tables, name)  # read before the clock starts
    start = time.perf_counter()
    compare_groups(tables, by="author")
    return time.perf_counter() - start


def bench_corpus(name: str, paths: list[Path], work: Path, args: argparse.Namespace) -> dict:
    """Build one corpus, print where its time goes, time ``analyze`` and VADER alone on it,
    and measure ``analyze``'s peak memory on it, on half of it and with smaller batches."""
    found = [p for p in paths if p.exists()]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"not found, left out: {', '.join(missing)}")
    corpus = work / "corpus"
    files, size = build_corpus(found, corpus, args.mb)
    mb = size / 1e6
    print(f"\n== {name}: {files} distinct files, {mb:.1f} MB, from {', '.join(map(str, found))}")

    print("\nwhere the time goes (one process, seconds per MB, a sample of the corpus):")
    print(stage_times(corpus).round(3).to_string())

    # The median of several runs of each, so that one disturbed run does not decide.
    runs = [run_analyze(corpus, work / f"out-{i}", args.workers, args.batch_size)
            for i in range(args.repeat)]
    seconds, peak = statistics.median(s for s, _ in runs), max(p for _, p in runs)
    sentences = pd.read_parquet(work / "out-0" / "sentences.parquet", columns=["text"]).text
    vader_runs = [vader_alone(sentences.tolist()) for _ in range(args.repeat)]
    vader_seconds = statistics.median(vader_runs)

    half = work / "half"
    half.mkdir()
    for path in sorted(corpus.iterdir())[: files // 2]:
        shutil.copy(path, half / path.name)
    half_mb = sum(p.stat().st_size for p in half.iterdir()) / 1e6
    _, half_peak = run_analyze(half, work / "out-half", args.workers, args.batch_size)
    small_batch = max(1, args.batch_size // 4)
    _, small_peak = run_analyze(corpus, work / "out-small", args.workers, small_batch)

    compare_runs = [compare_seconds(work / "out-0") for _ in range(args.repeat)]
    compare = statistics.median(compare_runs)

    ratio = vader_seconds / seconds
    print(f"\n{len(sentences):,} sentences")
    print(f"analyze, {args.workers} workers:     {mb / seconds:6.2f} MB/s  ({seconds:.1f} s)")
    print(f"vaderSentiment alone, 1 process: {mb / vader_seconds:6.2f} MB/s  "
          f"({vader_seconds:.1f} s)")
    print(f"ratio (target >= 1.6):           {ratio:6.2f}")
    print("  (medians of: analyze " + ", ".join(f"{s:.2f}" for s, _ in runs) + " s; VADER "
          + ", ".join(f"{s:.2f}" for s in vader_runs) + " s)")
    print(f"peak memory, {mb:.1f} MB corpus, batch {args.batch_size}: {peak / 2**20:7.0f} MiB"
          f"  (target < 1024)")
    print(f"peak memory, {half_mb:.1f} MB corpus, batch {args.batch_size}: "
          f"{half_peak / 2**20:7.0f} MiB")
    print(f"peak memory, {mb:.1f} MB corpus, batch {small_batch}: {small_peak / 2**20:7.0f} MiB")
    print(f"comparisons by author, 1 process:    {compare:.1f} s, {compare / seconds:.2f} of "
          "analyze's time (target <= 1)")
    return {
        "corpus": name, "files": files, "MB": round(mb, 1), "sentences": len(sentences),
        "analyze MB/s": round(mb / seconds, 2), "VADER MB/s": round(mb / vader_seconds, 2),
        "ratio": round(ratio, 2), "peak MiB": round(peak / 2**20),
        "compare s": round(compare, 1), "compare / analyze": round(compare / seconds, 2),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", nargs="+", action="append", required=True, metavar="NAME PATH",
        help="a corpus: its name, then the folders or files it is built from (repeatable)",
    )  # fmt: skip
    parser.add_argument("--mb", type=float, default=16.0, help="largest corpus to build (MB)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (median)")
    args = parser.parse_args()
    if any(len(corpus) < 2 for corpus in args.corpus):
        parser.error("--corpus takes a name and at least one path")
    work = Path(tempfile.mkdtemp(prefix="dw-bench-"))
    try:
        rows = [
            bench_corpus(name, [Path(p) for p in paths], work / f"corpus-{i}", args)
            for i, (name, *paths) in enumerate(args.corpus)
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n== summary (targets: ratio >= 1.6, peak memory < 1024 MiB)")
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    main()

"""CPU seconds per MB of sentence text to score a corpus with and without keeping the
words that carried valence, in batches of about 1 MB as the pipeline scores them.

    python benchmarks/bench_sentiment_words.py PATH [PATH ...] [--repeat 7]

Times are CPU time (``time.process_time``, steadier than wall time on a shared machine),
the median of the runs. Run it with another tree first on ``PYTHONPATH`` to compare
``score_sentences`` there (e.g. an export of an earlier commit).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from discourse_workbook import sentiment
from discourse_workbook.pipeline import load_documents
from discourse_workbook.segment import segment_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    sentences = segment_documents(load_documents(args.paths))[1]
    size = sentences["text"].str.len().to_numpy()
    batches = [group for _, group in sentences.groupby(np.cumsum(size) // 1_000_000)]
    mb = size.sum() / 1e6
    ways = {"score_sentences": sentiment.score_sentences}
    if hasattr(sentiment, "score_sentences_with_words"):
        ways["score_sentences_with_words"] = sentiment.score_sentences_with_words
    sentiment.score_sentences(batches[0].head(10))  # build the analyser
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(args.repeat):
        for name, score in ways.items():
            start = time.process_time()
            for batch in batches:
                score(batch)
            times[name].append(time.process_time() - start)
    print(f"{len(sentences):,} sentences, {mb:.2f} MB of sentence text, {len(batches)} batches")
    for name, runs in times.items():
        print(f"{name}: {statistics.median(runs) / mb:.4f} CPU s/MB "
              f"(fastest {min(runs) / mb:.4f}, {args.repeat} runs)")


if __name__ == "__main__":
    main()

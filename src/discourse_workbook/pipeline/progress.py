"""A progress bar on stderr: documents and megabytes done, rate, time left."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .batch import Unit
from .engines import unit_size


class progress_bar:
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
            done = sum(unit_size(unit) for unit in batch) / 1e6
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

"""Provenance: what made a set of tables, and whether they can be reused.

The manifest records the package and Python versions, the analysis options, a SHA-256
of every source file and of every list the analysis read. Tables can be reused when the
part of the manifest that describes the inputs — :func:`inputs` — is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from .. import __version__
from ..read import path_text
from ..resources import lists_used
from .options import AnalysisOptions

# What the manifest records the versions of, and the environment table lists.
ANALYSIS_PACKAGES = ("pandas", "pyarrow", "nltk", "vaderSentiment", "wordfreq", "trafilatura")
KEY_PACKAGES = (
    "discourse-workbook", "pandas", "numpy", "pyarrow", "nltk", "vaderSentiment", "wordfreq",
    "matplotlib", "networkx", "trafilatura", "papermill", "nbconvert", "ipywidgets",
)  # fmt: skip


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest(sources: list[Path], options: AnalysisOptions, counts: dict[str, int]) -> dict:
    """The provenance record of an analysis of ``sources`` with ``options`` that wrote
    ``counts`` rows per table."""
    return {
        "package": "discourse-workbook",
        "version": __version__,
        "python": platform.python_version(),
        "packages": _versions(ANALYSIS_PACKAGES),
        "analysis": options.to_dict(),
        "sources": [{"path": path_text(s), "files": source_hashes(s)} for s in sources],
        "lists": {role: {"file": path.name, "sha256": file_hash(path)}
                  for role, path in lists_used(options.actors, options.sentiment_lexicon).items()},
        "rows": counts,
    }


def inputs(record: dict) -> dict:
    """The part of a manifest that decides the tables: the package version, the analysis
    options, the sources' and the lists' hashes. Equal inputs, equal tables."""
    return {key: record.get(key) for key in ("version", "analysis", "sources", "lists")}


def source_hashes(source: Path) -> dict[str, str | None]:
    """SHA-256 of each file of a source; None for a file that cannot be read (it was
    skipped, and is listed in the skipped table)."""
    if source.is_file():
        return {path_text(source.name): _hash_or_none(source)}
    found = {}
    for root, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.is_file():
                found[path_text(path.relative_to(source))] = _hash_or_none(path)
    return found


def _hash_or_none(path: Path) -> str | None:
    try:
        return file_hash(path)
    except OSError:
        return None


def _versions(names: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            continue
    return found


def environment() -> pd.DataFrame:
    """Return the Python version, the platform and the key packages' versions, so that a
    reader can reproduce a report.

    >>> environment()["component"].iloc[0]
    'Python'
    """
    rows = [("Python", platform.python_version()), ("Platform", platform.platform(terse=True))]
    versions = _versions(KEY_PACKAGES)
    rows += [(name, versions.get(name, "not installed")) for name in KEY_PACKAGES]
    return pd.DataFrame(rows, columns=["component", "version"])

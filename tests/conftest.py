"""Shared fixtures: the project's own data only (a fresh clone has nothing beside it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from discourse_workbook import paths
from discourse_workbook.pipeline import Tables

FIXTURES = Path(__file__).parent / "fixtures"
INAUGURAL = FIXTURES / "inaugural"


@pytest.fixture(scope="session")
def default_article() -> Path:
    return paths.DEFAULT_ARTICLE


@pytest.fixture(scope="session")
def inaugural() -> Path:
    return INAUGURAL


@pytest.fixture(scope="module")
def article() -> Tables:
    """The default article's tables, made by the stages without the pipeline."""
    from small_tables import load_tables

    return load_tables([paths.DEFAULT_ARTICLE])


@pytest.fixture(scope="module")
def inaugural_tables(inaugural) -> Tables:
    """The inaugural addresses' tables, made by the stages without the pipeline."""
    from small_tables import load_tables

    return load_tables([inaugural])


@pytest.fixture(scope="session")
def inaugural_sentences() -> pd.DataFrame:
    """The inaugural addresses' sentences."""
    from discourse_workbook.pipeline import load_documents
    from discourse_workbook.segment import segment_documents

    return segment_documents(load_documents([INAUGURAL]))[1]


@pytest.fixture(scope="session")
def scored_article():
    """The default article's documents, paragraphs and scored sentences."""
    from discourse_workbook.pipeline import load_documents
    from discourse_workbook.segment import segment_documents
    from discourse_workbook.sentiment import score_sentences

    documents = load_documents([paths.DEFAULT_ARTICLE])
    paragraphs, sentences = segment_documents(documents)
    return documents, paragraphs, score_sentences(sentences)


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path: text (UTF-8) or bytes; return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def unprivileged() -> list[str] | None:
    """A command prefix without the power to bypass file permissions: none for an
    ordinary user, setpriv for root, None when root cannot give it up here."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search",
              "--inh-caps=-dac_override,-dac_read_search", "--"]
    probe = ("import os, sys, tempfile; handle, path = tempfile.mkstemp(); os.chmod(path, 0); "
             "readable = os.access(path, os.R_OK); os.remove(path); sys.exit(readable)")
    try:
        check = subprocess.run([*prefix, sys.executable, "-c", probe], capture_output=True,
                               timeout=60)
    except OSError:
        return None
    return prefix if check.returncode == 0 else None

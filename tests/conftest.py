"""Shared fixtures: the project's own data only (a fresh clone has nothing beside it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from discourse_workbook import paths

FIXTURES = Path(__file__).parent / "fixtures"
INAUGURAL = FIXTURES / "inaugural"


@pytest.fixture(scope="session")
def default_article() -> Path:
    return paths.DEFAULT_ARTICLE


@pytest.fixture(scope="session")
def inaugural() -> Path:
    return INAUGURAL


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

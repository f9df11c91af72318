"""The namespace of the package's docstring examples: ``tables``, the default article's
tables, made once per test session."""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture(scope="session", autouse=True)
def _doctest_tables(doctest_namespace, tmp_path_factory):
    from discourse_workbook.pipeline import analyze

    doctest_namespace["pd"] = pd
    doctest_namespace["tables"] = analyze(out=tmp_path_factory.mktemp("doctest") / "tables")

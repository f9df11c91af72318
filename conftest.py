"""The namespace of the package's docstring examples, made once per test session:
``tables``, the default article's tables; ``corpus``, the tables of nine short texts by
three authors (tests/fixtures/compare), and ``groups``, its documents grouped by author."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest


@pytest.fixture(scope="session", autouse=True)
def _doctest_tables(doctest_namespace, tmp_path_factory):
    from discourse_workbook.pipeline import analyze
    from discourse_workbook.read.filename import add_name_metadata
    from discourse_workbook.stats.groups import group_documents

    doctest_namespace["pd"] = pd
    doctest_namespace["tables"] = analyze(out=tmp_path_factory.mktemp("doctest") / "tables")
    corpus = analyze([Path(__file__).parent / "tests" / "fixtures" / "compare"],
                     out=tmp_path_factory.mktemp("doctest") / "corpus")
    corpus.documents = add_name_metadata(corpus.documents)
    doctest_namespace["corpus"] = corpus
    doctest_namespace["groups"] = group_documents(corpus.documents, by="author")

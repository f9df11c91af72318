"""``report --sentiment-lexicon``: the sentiment notebook compares the tone before and after
the adjusted lexicon (the other notebooks run in ``test_notebooks.py`` without one)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from discourse_workbook import cli, report
from discourse_workbook.pipeline.store import read_tables
from discourse_workbook.resources import EXAMPLE_SENTIMENT_LEXICON, shipped


def html_of(cell) -> str:
    return " ".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)


@pytest.mark.slow
def test_the_sentiment_notebook_shows_what_a_relative_lexicon_changed(tmp_path, monkeypatch,
                                                                       capsys):
    monkeypatch.chdir(tmp_path)
    Path("security.txt").write_bytes(shipped(EXAMPLE_SENTIMENT_LEXICON).read_bytes())
    sentiment = next(n for n in report.NOTEBOOKS if n.name == "03_sentiment.ipynb")
    monkeypatch.setattr(report, "NOTEBOOKS", (sentiment,))
    code = cli.main(["report", "--out", "out", "--workers", "1", "--no-progress",
                     "--sentiment-lexicon", "security.txt"])
    assert code == 0, capsys.readouterr().err
    tables = read_tables(tmp_path / "out" / "tables")
    assert tables.options.sentiment_lexicon == str(tmp_path / "security.txt")
    assert "security" not in set(tables.sentiment_words["word"])
    executed = nbformat.read(tmp_path / "out" / "notebooks" / sentiment.name, as_version=4)
    cells = [c for c in executed.cells if c.cell_type == "code"]

    def shown_by(call: str) -> str:
        (cell,) = [c for c in cells if call in c.source and "import" not in c.source]
        return html_of(cell)

    effect = shown_by("compare_lexicons(")
    assert "<code>security.txt</code>" in effect and str(tmp_path) not in effect
    changed = int(re.search(r"changes the score of (\d+) of 81 sentences", effect).group(1))
    assert changed >= 10
    assert "mean tone (VADER)" in effect and ">neutral<" in effect and ">negative<" in effect
    dominance = shown_by("tone_dominance(")
    assert "dominated" in dominance and "security" not in dominance
    extremes = shown_by("show_extreme_sentences(")
    assert "<mark" in extremes and ">security</mark>" not in extremes

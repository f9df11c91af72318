"""The figures and tables of a report page: numbered from one registry, each written in
full with its data.

A page declares its exhibits up front (:class:`Exhibits` with their names), so that a
finding shown before a figure can already cite it ("Figure 3"). Each figure is saved as
PNG (300 dpi) and SVG with the exact rows it draws as ``NAME.csv`` beside it; each table
a page shows is written whole as ``NAME.csv`` while the page shows its first rows and
says how many of how many.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .html import TOP, Html, show_figure, show_table
from .plots.style import save_figure

KINDS = {"figure": "Figure", "table": "Table"}


class Exhibits:
    """The numbered exhibits of one page, written to ``folder``.

    >>> exhibits = Exhibits(None, figures=["tone", "terms"], tables=["actors"])
    >>> exhibits.cite("terms"), exhibits.cite("actors"), exhibits.cite("tone", "terms")
    ('Figure 2', 'Table 1', 'Figures 1 and 2')
    """

    def __init__(self, folder: str | Path | None, *, figures: Sequence[str] = (),
                 tables: Sequence[str] = ()) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.numbers: dict[str, tuple[str, int]] = {}
        for kind, names in (("figure", figures), ("table", tables)):
            for name in names:
                self._number(name, kind)

    def _number(self, name: str, kind: str) -> int:
        if name in self.numbers:
            if self.numbers[name][0] != kind:
                raise ValueError(f"{name!r} is a {self.numbers[name][0]}, not a {kind}.")
            return self.numbers[name][1]
        number = 1 + sum(1 for k, _ in self.numbers.values() if k == kind)
        self.numbers[name] = (kind, number)
        return number

    def cite(self, *names: str) -> str:
        """How the text refers to exhibits: "Figure 3", "Figures 1 and 2", "Table 4"."""
        cited = [self.numbers[name] for name in names]
        kinds = {kind for kind, _ in cited}
        if len(kinds) == 1:
            label = KINDS[cited[0][0]] + ("s" if len(cited) > 1 else "")
            numbers = [str(number) for _, number in cited]
            joined = numbers[0] if len(numbers) == 1 else (
                ", ".join(numbers[:-1]) + " and " + numbers[-1])
            return f"{label} {joined}"
        return " and ".join(f"{KINDS[kind]} {number}" for kind, number in cited)

    def figure(self, name: str, fig, data: pd.DataFrame, caption: str) -> Html:
        """Show a figure with its number and caption; save it (PNG, SVG) with ``data``,
        the rows it draws, as ``NAME.csv``."""
        number = self._number(name, "figure")
        if self.folder is not None:
            save_figure(fig, name, folder=self.folder)
            data.to_csv(self.folder / f"{name}.csv", index=False)
        return show_figure(fig, caption, number=number)

    def table(self, name: str, frame: pd.DataFrame, caption: str, *, top: int = TOP,
              view: Html | None = None) -> Html:
        """Show a table's first ``top`` rows with its number and caption (which says how
        many of how many), or ``view``, the same rows shown another way; write it whole as
        ``NAME.csv``."""
        number = self._number(name, "table")
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            frame.to_csv(self.folder / f"{name}.csv", index=False)
        return show_table(frame, caption, number=number, top=top, view=view)


# The write-up's exhibits in the order the page shows them: the corpus comparison (when
# there are groups to compare), then tone, terms, actors and voices.
WRITE_UP_CORPUS = ("group_sentiment", "key_terms_by_group", "term_trends")
WRITE_UP_FIGURES = ("paragraph_sentiment", "sentiment_arc", "tone_words", "key_terms",
                    "actor_mentions", "actor_network", "voice_share")
WRITE_UP_TABLES = ("paragraphs_to_read", "key_or_frequent", "top_actors", "quotations")


def write_up_exhibits(folder: str | Path | None, *, groups: pd.DataFrame) -> Exhibits:
    """The write-up's exhibits, numbered in page order; the corpus figures come first
    when ``groups`` (:func:`~discourse_workbook.stats.compare.compare_groups`' groups)
    holds two or more groups, and are not numbered otherwise.

    >>> write_up_exhibits(None, groups=pd.DataFrame({"group": ["a"]})).cite("tone_words")
    'Figure 3'
    """
    corpus = WRITE_UP_CORPUS if len(groups) >= 2 else ()
    return Exhibits(folder, figures=[*corpus, *WRITE_UP_FIGURES], tables=WRITE_UP_TABLES)

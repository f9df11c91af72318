"""The project's folders: the one place that builds paths from names.

The project (a checkout of the repository) keeps its raw data, the tables it caches,
the notebooks and the figures and reports they write in folders of its own, beside the
package's source (cookiecutter-data-science's layout). The lists the analysis reads ship
inside the package instead (:mod:`discourse_workbook.resources`).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
FIGURES = ROOT / "figures"
REPORTS = ROOT / "reports"
NOTEBOOKS = ROOT / "notebooks"

DEFAULT_ARTICLE = RAW / "crooke-2024-the-west-has-lost-russia.txt"

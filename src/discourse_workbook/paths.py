"""The project's folders: the one place that builds paths from names."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
LEXICONS = DATA / "lexicons"
PROCESSED = DATA / "processed"
FIGURES = ROOT / "figures"
REPORTS = ROOT / "reports"
NOTEBOOKS = ROOT / "notebooks"

DEFAULT_ARTICLE = RAW / "crooke-2024-the-west-has-lost-russia.txt"
ACTORS_LEXICON = LEXICONS / "actors.yaml"
STOPWORDS = LEXICONS / "stopwords_en.txt"
BOILERPLATE = LEXICONS / "boilerplate.txt"
ABBREVIATIONS = LEXICONS / "abbreviations.txt"


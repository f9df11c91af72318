"""Readability: Flesch Reading Ease and the Flesch–Kincaid grade, with a heuristic
syllable count."""

from __future__ import annotations

import math
import re
import unicodedata

import pandas as pd

from ..segment import TOKEN
from .order import check_by

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_VOWELS = "aeiou"


def count_syllables(word: str) -> int:
    """Estimate a word's syllables: the number of vowel groups (a, e, i, o, u, y),
    less a silent final e ("make" 1, but "table" 2 and "free" 1) and a silent e in
    -es and -ed ("makes", "jumped" 1, but "houses", "wanted" 2); at least one.
    Hyphenated parts are counted separately; a number counts as one syllable.

    >>> [count_syllables(w) for w in ["cat", "table", "jumped", "wanted", "beautiful"]]
    [1, 2, 1, 2, 3]
    """
    total = 0
    for part in re.split(r"[-‐‑]", word):
        letters = "".join(c for c in unicodedata.normalize("NFKD", part.casefold())
                          if c.isalpha() and c.isascii())
        if not letters:
            total += 1 if any(c.isalnum() for c in part) else 0
            continue
        total += _syllables_of_letters(letters)
    return total


def _syllables_of_letters(w: str) -> int:
    if len(w) <= 3:
        return 1
    groups = len(_VOWEL_GROUP.findall(w))
    before_e = w[-2] if w.endswith("e") else w[-3] if w.endswith(("es", "ed")) else ""
    if before_e and before_e not in _VOWELS:  # the final e stands alone: maybe silent
        if w.endswith("e"):
            silent = not (w.endswith("le") and w[-3] not in _VOWELS + "y")
        elif w.endswith("ed"):
            silent = before_e not in "td"
        else:
            silent = before_e not in "sxzcg" and not w.endswith(("ches", "shes")) and not (
                w.endswith("les") and w[-4] not in _VOWELS + "y")
        groups -= silent
    return max(1, groups)


READABILITY_COLUMNS = [
    "n_sentences", "n_tokens", "n_syllables", "words_per_sentence", "syllables_per_word",
    "flesch_reading_ease", "flesch_kincaid_grade",
]  # fmt: skip


def readability(sentences: pd.DataFrame, *, by: str = "document") -> pd.DataFrame:
    """Return Flesch Reading Ease and the Flesch–Kincaid grade level of each document
    (or of the corpus, ``by="corpus"``).

    Reading Ease = 206.835 − 1.015 × words/sentence − 84.6 × syllables/word (Flesch
    1948; higher is easier, 60–70 is plain English, below 30 is very difficult);
    grade = 0.39 × words/sentence + 11.8 × syllables/word − 15.59 (Kincaid et al.
    1975; US school grade). Words are the word tokens; syllables are estimated by
    :func:`count_syllables` (vowel groups with silent-e rules), so scores are
    approximate. Columns: [doc_id,] n_sentences, n_tokens, n_syllables,
    words_per_sentence, syllables_per_word, flesch_reading_ease, flesch_kincaid_grade.

    >>> readability(tables.sentences)["flesch_reading_ease"].round(1).tolist()
    [38.1]
    """
    check_by(by)
    counts: dict[object, list[int]] = {}
    for doc_id, text in zip(sentences["doc_id"], sentences["text"], strict=True):
        tokens = TOKEN.findall(text)
        if not tokens:
            continue
        entry = counts.setdefault(doc_id, [0, 0, 0])
        entry[0] += 1
        entry[1] += len(tokens)
        entry[2] += sum(count_syllables(t) for t in tokens)
    if by == "corpus":
        counts = {None: [sum(c[i] for c in counts.values()) for i in range(3)]}
    rows = []
    for doc_id, (n_sentences, n_tokens, n_syllables) in counts.items():
        wps = n_tokens / n_sentences if n_sentences else math.nan
        spw = n_syllables / n_tokens if n_tokens else math.nan
        rows.append((doc_id, n_sentences, n_tokens, n_syllables, wps, spw,
                     206.835 - 1.015 * wps - 84.6 * spw, 0.39 * wps + 11.8 * spw - 15.59))
    table = pd.DataFrame(rows, columns=["doc_id", *READABILITY_COLUMNS])
    return table if by == "document" else table.drop(columns=["doc_id"])

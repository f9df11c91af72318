"""Context: a word or phrase in context (keyword in context, KWIC), and where in each
document words or actors occur (dispersion)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from ..errors import InputError
from ..segment import TOKEN
from ..terms import to_term
from .order import in_reading_order, sort_rows

KWIC_COLUMNS = ["doc_id", "para_id", "sent_id", "left", "match", "right"]
# What may stand between the words of a phrase: spaces, hyphens, quotation marks.
_PHRASE_GAP = re.compile(r"[\s\-‐‑'’‘\"“”«»]*")


def _unify(token: str) -> str:
    return token.replace("’", "'").replace("‐", "-")


class _Phrase:
    """A word or a phrase, matched token by token as terms are counted."""

    def __init__(self, pattern: str, *, case_sensitive: bool = False) -> None:

        words = TOKEN.findall(pattern)
        if not words:
            raise InputError(f"The pattern {pattern!r} has no word in it.")
        self.terms = [to_term(w) for w in words]
        self.surfaces = [_unify(w) for w in words]
        self.case_sensitive = case_sensitive

    def find(self, text: str, tokens: list[re.Match], terms: list[str]) -> list[tuple[int, int]]:
        """Return ``(first, last + 1)`` token indices of each non-overlapping match."""
        size = len(self.terms)
        found, i = [], 0
        while i + size <= len(terms):
            if terms[i] == self.terms[0] and self._matches(text, tokens, terms, i):
                found.append((i, i + size))
                i += size
            else:
                i += 1
        return found

    def _matches(self, text: str, tokens: list[re.Match], terms: list[str], i: int) -> bool:
        for k, term in enumerate(self.terms):
            if terms[i + k] != term:
                return False
            gap = (tokens[i + k - 1].end(), tokens[i + k].start()) if k else (0, 0)
            if not _PHRASE_GAP.fullmatch(text, *gap):
                return False
            if self.case_sensitive:
                written, wanted = _unify(tokens[i + k].group()), self.surfaces[k]
                if not (written.startswith(wanted) or wanted.startswith(written)):
                    return False
        return True


def _compile_finder(pattern: str, *, regex: bool, case_sensitive: bool):
    """Return a function from a text to the ``(start, end)`` character spans matched."""

    if not regex:
        phrase = _Phrase(pattern, case_sensitive=case_sensitive)

        def find_phrase(text: str) -> list[tuple[int, int]]:
            tokens = list(TOKEN.finditer(text))
            terms = [to_term(m.group()) for m in tokens]
            return [(tokens[i].start(), tokens[j - 1].end())
                    for i, j in phrase.find(text, tokens, terms)]

        return find_phrase
    try:
        compiled = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as err:
        raise InputError(f"The pattern {pattern!r} is not a valid regular expression ({err}).") \
            from None

    def find_regex(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in compiled.finditer(text) if m.end() > m.start()]

    return find_regex


def _sentence_starts(
    paragraphs: pd.DataFrame, sentences: pd.DataFrame
) -> dict[tuple, tuple[list[int], list[int]]]:
    """``(doc_id, para_id)`` → sorted sentence start offsets and their ``sent_id``."""
    sentences = in_reading_order(sentences)
    starts: dict[tuple, tuple[list[int], list[int]]] = {}
    if "start" in sentences.columns:
        offsets = sentences["start"].astype(int).tolist()
    else:  # find each sentence in its paragraph, in order
        texts = {(d, p): t for d, p, t in zip(paragraphs["doc_id"], paragraphs["para_id"],
                                              paragraphs["text"], strict=True)}
        offsets, cursor = [], {}
        for d, p, t in zip(sentences["doc_id"], sentences["para_id"], sentences["text"],
                           strict=True):
            at = max(texts.get((d, p), "").find(t, cursor.get((d, p), 0)), cursor.get((d, p), 0))
            cursor[d, p] = at + len(t)
            offsets.append(at)
    for d, p, s, start in zip(sentences["doc_id"], sentences["para_id"], sentences["sent_id"],
                              offsets, strict=True):
        entry = starts.setdefault((d, p), ([], []))
        entry[0].append(start)
        entry[1].append(int(s))
    return starts


def kwic(
    paragraphs: pd.DataFrame,
    sentences: pd.DataFrame,
    pattern: str | None,
    *,
    window: int = 8,
    regex: bool = False,
    case_sensitive: bool = False,
) -> pd.DataFrame:
    """Return a keyword-in-context concordance: one row per match, with up to ``window``
    words either side, taken from the match's paragraph (never from the next one).

    ``pattern`` is a word or a phrase, matched as whole words the way terms are counted
    (case-folded, possessive dropped: "Russia" finds "Russia’s"; phrase words may be
    separated by spaces, hyphens or quotation marks, not by other punctuation), or with
    ``regex=True`` a Python regular expression, run on one paragraph at a time. Rows in
    reading order. Columns: doc_id, para_id, sent_id, left, match, right. No pattern
    (None) gives no rows.

    >>> paragraphs = pd.DataFrame({"doc_id": ["a"], "para_id": [0],
    ...                            "text": ["Russia’s security is Europe’s security."]})
    >>> sentences = paragraphs.assign(sent_id=0, start=0)
    >>> lines = kwic(paragraphs, sentences, "security", window=2)
    >>> lines[["left", "match", "right"]].values.tolist()
    [['Russia’s', 'security', 'is Europe’s'], ['is Europe’s', 'security', '']]
    """
    if window < 0:
        raise ValueError(f"window must be 0 or more, not {window}.")
    if pattern is None:  # nothing to look up (a text without words has no default term)
        return pd.DataFrame(columns=KWIC_COLUMNS)
    find = _compile_finder(pattern, regex=regex, case_sensitive=case_sensitive)
    starts = _sentence_starts(paragraphs, sentences)
    paragraphs = sort_rows(paragraphs, ["para_id"], [True])
    rows = []
    for doc_id, para_id, text in zip(paragraphs["doc_id"], paragraphs["para_id"],
                                     paragraphs["text"], strict=True):
        spans = find(text)
        if not spans:
            continue
        bounds = [m.span() for m in TOKEN.finditer(text)]
        token_starts = [s for s, _ in bounds]
        token_ends = [e for _, e in bounds]
        sent_starts, sent_ids = starts.get((doc_id, para_id), ([0], [-1]))
        for start, end in spans:
            before = bisect_right(token_ends, start)
            after = bisect_left(token_starts, end)
            left_from = token_starts[max(0, before - window)] if before and window else start
            right_to = token_ends[min(len(bounds), after + window) - 1] \
                if after < len(bounds) and window else end
            sentence = sent_ids[max(0, bisect_right(sent_starts, start) - 1)]
            rows.append((doc_id, int(para_id), sentence, text[left_from:start].strip(),
                         text[start:end], text[end:right_to].strip()))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


# --------------------------------------------------------------------------- dispersion

DISPERSION_COLUMNS = ["doc_id", "item", "position", "token_index", "para_id", "sent_id"]


def dispersion(
    sentences: pd.DataFrame,
    items: str | Iterable[str],
    *,
    mentions: pd.DataFrame | None = None,
    by: str = "term",
    case_sensitive: bool = False,
) -> pd.DataFrame:
    """Return where each occurrence of the items falls in its document, for a lexical
    dispersion plot: ``position`` = token index / number of tokens in the document
    (0 = first word, approaching 1 at the last); documents are kept apart.

    ``by="term"``: items are words or phrases, matched as :func:`kwic` matches them
    (within a sentence). ``by="actor"``: items are actor names
    (case-insensitive) found in ``mentions``; a mention's place is the token where it
    starts. Rows in reading order, items in the order given. Columns: doc_id, item,
    position, token_index, para_id, sent_id.

    >>> sentences = pd.DataFrame({"doc_id": ["a", "a"], "para_id": [0, 1], "sent_id": [0, 1],
    ...                           "text": ["Russia and the West.", "The West waits."]})
    >>> dispersion(sentences, ["west"])[["item", "position", "token_index"]].values.tolist()
    [['west', 0.42857142857142855, 3], ['west', 0.7142857142857143, 5]]
    """
    if by not in ("term", "actor"):
        raise ValueError(f"by must be 'term' or 'actor', not {by!r}.")
    items = [items] if isinstance(items, str) else list(items)
    sentences = in_reading_order(sentences)
    offsets, doc_sizes = [], Counter()
    for doc_id, text in zip(sentences["doc_id"], sentences["text"], strict=True):
        offsets.append(doc_sizes[doc_id])
        doc_sizes[doc_id] += len(TOKEN.findall(text))
    sentences = sentences.assign(_offset=offsets)
    if by == "term":
        rows = _term_positions(sentences, items, case_sensitive=case_sensitive)
    else:
        rows = _actor_positions(sentences, mentions, items)
    table = pd.DataFrame(rows, columns=["doc_id", "item", "token_index", "para_id", "sent_id"])
    table["position"] = table["token_index"] / table["doc_id"].map(doc_sizes).astype(float)
    table["_item"] = table["item"].map({item: i for i, item in enumerate(items)})
    table = sort_rows(table, ["_item", "token_index"], [True, True])
    return table[DISPERSION_COLUMNS]


def _term_positions(sentences: pd.DataFrame, items: list[str], *, case_sensitive: bool) -> list:
    phrases = [(item, _Phrase(item, case_sensitive=case_sensitive)) for item in items]
    rows = []
    for doc_id, para_id, sent_id, text, offset in zip(
        sentences["doc_id"], sentences["para_id"], sentences["sent_id"], sentences["text"],
        sentences["_offset"], strict=True,
    ):
        tokens = list(TOKEN.finditer(text))
        terms = [to_term(m.group()) for m in tokens]
        for item, phrase in phrases:
            for i, _ in phrase.find(text, tokens, terms):
                rows.append((doc_id, item, offset + i, int(para_id), int(sent_id)))
    return rows


def _actor_positions(sentences: pd.DataFrame, mentions: pd.DataFrame, items: list[str]) -> list:
    wanted: dict[str, list[str]] = {}
    for item in items:
        wanted.setdefault(item.casefold(), []).append(item)
    if mentions is None or mentions.empty:
        return []
    where = {(d, int(s)): (int(p), t, int(o)) for d, p, s, t, o in zip(
        sentences["doc_id"], sentences["para_id"], sentences["sent_id"], sentences["text"],
        sentences["_offset"], strict=True)}
    rows = []
    for doc_id, sent_id, actor, start in zip(mentions["doc_id"], mentions["sent_id"],
                                             mentions["actor"], mentions["start"], strict=True):
        names = wanted.get(str(actor).casefold())
        found = where.get((doc_id, int(sent_id)))
        if not names or found is None:
            continue
        para_id, text, offset = found
        index = offset + len(TOKEN.findall(text[: int(start)]))
        rows.extend((doc_id, name, index, para_id, int(sent_id)) for name in names)
    return rows

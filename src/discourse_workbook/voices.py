"""Voices: the direct quotations of a text, who speaks in them, and what is the author's.

Quotation marks are paired paragraph by paragraph (straight and curly, double and single,
nested); an apostrophe (don’t, Russia’s, states’) is never taken for a single quote. Real
texts are untidy, so nothing here raises on unbalanced marks:

- a paragraph that opens a quotation and does not close it continues into the next
  paragraph when that one reopens the quotation or only closes it;
- a closing mark with no opening mark closes a quotation that began at the paragraph start;
- a paragraph ending "Lavrov predicted:" introduces the next paragraph as his words even
  when its opening mark is missing.

Each quotation is *speech* when a reporting clause (", Ushakov said", "writes Ivan
Timofeev", "Putin emphatically said was to be …"), a lead-in paragraph or the paragraphs
around it show that someone is speaking, or when it is a whole sentence or a whole
paragraph; otherwise it is a *scare* quote (‘lost’, ‘half of it’).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, pairwise, repeat

import numpy as np
import pandas as pd

from .actors import Lexicon, mention_spans
from .segment import TOKEN

QUOTE_COLUMNS = ["doc_id", "para_id", "para_end", "quote_id", "text", "speaker", "kind",
                 "n_words", "start", "end", "last_end", "cue"]
# speaker and cue hold None when there is none.
QUOTE_DTYPES = {"doc_id": "str", "para_id": "int64", "para_end": "int64", "quote_id": "int64",
                "text": "str", "speaker": "object", "kind": "str", "n_words": "int64",
                "start": "int64", "end": "int64", "last_end": "int64", "cue": "object"}
VOICE_COLUMNS = ["speaker", "quotes", "words", "share"]
AUTHOR = "(author)"
UNKNOWN = "(unknown)"

# A quotation of fewer words, with no reporting clause and not a paragraph of its own,
# is a scare quote even when it is a capitalised phrase (‘Marxist AND terrorist’).
SENTENCE_MIN_WORDS = 5
# A reporting verb this many words before an opening mark still introduces the quotation.
BEFORE_WINDOW = 8

REPORTING_VERBS = frozenset({
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes",
    "wrote", "writing", "explain", "explains", "explained", "explaining", "predict",
    "predicts", "predicted", "add", "adds", "added", "note", "notes", "noted", "insist",
    "insists", "insisted", "declare", "declares", "declared", "stated", "stress", "stresses",
    "stressed", "emphasise", "emphasises", "emphasised", "emphasize", "emphasizes",
    "emphasized", "warn", "warns", "warned", "argue", "argues", "argued", "claim", "claimed",
    "ask", "asks", "asked", "reply", "replies", "replied", "answer", "answers", "answered",
    "comment", "comments", "commented", "remark", "remarks", "remarked", "recall", "recalls",
    "recalled", "underline", "underlines", "underlined", "specify", "specifies", "specified",
    "conclude", "concludes", "concluded", "announce", "announces", "announced", "assert",
    "asserts", "asserted", "observe", "observes", "observed", "suggest", "suggests",
    "suggested", "acknowledge", "acknowledges", "acknowledged", "admit", "admits", "admitted",
    "continue", "continues", "continued", "read", "reads", "according", "quipped", "joked",
    "tweeted",
})  # fmt: skip
_TELL = frozenset({"tell", "tells", "told", "telling"})  # the name after it is the listener
_PRONOUNS = frozenset({"he", "she"})
_OTHER_SUBJECTS = frozenset({"they", "we", "i", "it", "you"})
# Words that may stand between a speaker's name and the reporting verb.
_BETWEEN = frozenset({
    "was", "is", "has", "had", "have", "also", "then", "later", "once", "again", "would",
    "will", "statement", "spokesman", "spokeswoman", "spokesperson", "office", "ministry",
    "government", "note", "communiqué", "message", "post", "tweet",
})  # fmt: skip
_CONNECTORS = frozenset({"de", "da", "von", "van", "der", "bin", "al", "ibn", "la", "le"})
_COMMON_CAPITALS = frozenset({
    "the", "a", "an", "this", "that", "today", "yesterday", "however", "then", "but", "and",
    "so", "now", "also", "meanwhile", "later", "here", "there", "yet", "still", "i", "we",
    "you", "they", "it", "our", "my", "his", "her", "their", "its", "as",
})  # fmt: skip

# What may stand first in a reporting clause after a quotation, besides a capitalised name.
_CLAUSE_OPENERS = REPORTING_VERBS | _PRONOUNS | _OTHER_SUBJECTS | _COMMON_CAPITALS
_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„«", "”»"
_OPEN_CONTEXT = " \t\n([{—–-/“‘\"'«„"
_SENTENCE_BREAK = re.compile(r"[^\sA-Z][.!?…][\"”’)\]]*\s+")
_AFTER_GAP = re.compile(r"[\s,.;:!?…–—-]*")
_WORD_CHAR = re.compile(r"[^\W_]")
# A word that lowercases to a reporting verb is a run of these in the lowercased text:
# only A-Z and the Kelvin sign lowercase to ASCII letters, and nothing that is not a
# letter or digit lowercases to a letter.
_ASCII_WORD = re.compile("[a-z]+")
_MARK_CHARS = "“”„«»\"‘’'"
_MARK = re.compile(f"[{_MARK_CHARS}]")


# --------------------------------------------------------------------------- marks


def _marks(text: str) -> list[tuple[int, str, str]]:
    """Quotation marks of a paragraph as ``(position, 'd'|'s', 'open'|'close')``."""
    marks = []
    for pos in _mark_positions(text):
        ch = text[pos]
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        if ch in _DOUBLE_OPEN:
            marks.append((pos, "d", "open"))
        elif ch in _DOUBLE_CLOSE:
            marks.append((pos, "d", "close"))
        elif ch == '"':
            opens = before in _OPEN_CONTEXT and not after.isspace()
            marks.append((pos, "d", "open" if opens else "close"))
        elif before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word: don’t, Russia’s, rock'n'roll
        elif ch == "‘" or (ch == "'" and before in _OPEN_CONTEXT):
            if not after.isdigit() and not after.isspace():  # ‘90s is an apostrophe
                marks.append((pos, "s", "open"))
        elif not before.isspace():
            marks.append((pos, "s", "close"))  # a close, or a possessive (states’)
    return marks


def _mark_positions(text: str) -> list[int]:
    """Where the quotation mark characters are, in order (``str.find`` scans faster than
    a regular expression, and not at all for a mark wider than the text's characters)."""
    positions = []
    for ch in '"\'' if text.isascii() else _MARK_CHARS:
        pos = text.find(ch)
        while pos >= 0:
            positions.append(pos)
            pos = text.find(ch, pos + 1)
    positions.sort()
    return positions


@dataclass(slots=True)
class _Segment:
    """An outer-level quotation in one paragraph; ``open_at``/``close_at`` are the marks'
    positions, None when the paragraph has no such mark."""

    open_at: int | None
    close_at: int | None
    start: int = 0
    end: int = 0


def _segments(text: str) -> list[_Segment]:
    """Pair the marks of one paragraph into outer quotations, keeping unbalanced ones:
    a leading unmatched close, and an open left at the end of the paragraph."""
    segments: list[_Segment] = []
    stack: list[tuple[str, int]] = []
    for pos, kind, role in _marks(text):
        if role == "open":
            stack.append((kind, pos))
            continue
        if kind == "s" and (not stack or stack[-1][0] != "s"):
            continue  # no single quote open: an apostrophe (the states’ affairs)
        same = len(stack) - 1  # the innermost open mark of the same kind
        while same >= 0 and stack[same][0] != kind:
            same -= 1
        if same < 0:
            if not segments:
                segments.append(_Segment(None, pos))  # closes a quote begun before
            stack.clear()
            continue
        del stack[same + 1:]  # single quotes left open inside are apostrophes
        _, open_at = stack.pop()
        if not stack:
            segments.append(_Segment(open_at, pos))
    if stack:
        kind, open_at = stack[0]
        if kind == "d" or _at_start(text, open_at):
            segments.append(_Segment(open_at, None))
    for seg in segments:
        start = 0 if seg.open_at is None else seg.open_at + 1
        end = len(text) if seg.close_at is None else seg.close_at
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1  # “We will win,” Smith said: the comma belongs to the sentence
        seg.start, seg.end = start, end
    return segments


def _at_start(text: str, pos: int) -> bool:
    return not _WORD_CHAR.search(text, 0, pos)


# --------------------------------------------------------------------------- attribution


@dataclass(slots=True)
class _Quote:
    parts: list[tuple[int, int, int]]  # (para_id, start, end)
    open_at: int | None  # opening mark in the first paragraph
    close_at: int | None  # closing mark in the last paragraph
    speaker: str | None = None
    kind: str = "scare"
    cue: str | None = None
    whole: bool = False
    text: str = ""  # the quoted words, paragraphs joined by a blank line
    n_words: int = 0


def _words(text: str) -> list[re.Match]:
    return list(TOKEN.finditer(text))


def _name_after(text: str, tokens: list[re.Match], i: int) -> tuple[str | None, int]:
    """The capitalised name (or he/she) starting at ``tokens[i]``, if any, and the index
    of the token after it."""
    if i < len(tokens) and tokens[i].group().lower() in _PRONOUNS:
        return tokens[i].group().lower(), i + 1
    while i < len(tokens) and tokens[i].group().lower() in _COMMON_CAPITALS:
        i += 1  # "Then Russia said"
    names: list[re.Match] = []
    while i < len(tokens) and len(names) < 5:
        word = tokens[i].group()
        if names and text[names[-1].end():tokens[i].start()].strip():
            break
        if word.lower() in _COMMON_CAPITALS:
            break
        if word[0].isupper() or (names and word in _CONNECTORS):
            names.append(tokens[i])
            if word.endswith(("’s", "'s")):
                break
            i += 1
        else:
            break
    while names and names[-1].group() in _CONNECTORS:
        names.pop()
        i -= 1
    return _join_name(text, names), i


def _name_before(text: str, tokens: list[re.Match], i: int) -> str | None:
    """The capitalised name (or he/she) ending at ``tokens[i]``, if any."""
    if i >= 0 and tokens[i].group().lower() in _PRONOUNS:
        return tokens[i].group().lower()
    names: list[re.Match] = []
    while i >= 0 and len(names) < 5:
        word = tokens[i].group()
        if names and text[tokens[i].end():names[0].start()].strip():
            break
        if word.lower() in _COMMON_CAPITALS:
            break  # "Then Russia said", "As I said"
        if word[0].isupper() or (names and word in _CONNECTORS):
            names.insert(0, tokens[i])
            i -= 1
        else:
            break
    while names and names[0].group() in _CONNECTORS:
        names.pop(0)
    return _join_name(text, names)


def _join_name(text: str, names: list[re.Match]) -> str | None:
    if not names:
        return None
    name = " ".join(text[names[0].start():names[-1].end()].split())
    return re.sub(r"['’]s$", "", name)


def _clause_after(text: str, pos: int) -> tuple[bool, str | None]:
    """A reporting clause right after a closing mark: ``(found, speaker)``.

    ", Ushakov said", ", writes Ivan Timofeev", ", he said".
    """
    gap = _AFTER_GAP.match(text, pos)
    tail = text[gap.end():gap.end() + 120]
    opener = TOKEN.match(tail)
    if opener is None or (opener.group().lower() not in _CLAUSE_OPENERS
                          and not opener.group()[0].isupper()):
        return False, None  # no verb, subject or name right after the mark
    tokens = _words(tail)  # tokens[0] is the opener
    first = tokens[0].group().lower()
    if first in REPORTING_VERBS:
        step = 2 if first == "according" else 1
        return True, _name_after(tail, tokens, step)[0]
    if first in _OTHER_SUBJECTS:
        return (len(tokens) > 1 and tokens[1].group().lower() in REPORTING_VERBS), None
    name, i = _name_after(tail, tokens, 0)
    if name is None:
        return False, None
    for j in range(i, min(i + 3, len(tokens))):
        word = tokens[j].group().lower()
        if word in REPORTING_VERBS:
            return True, name
        if word not in _BETWEEN and not word.endswith("ly"):
            break
    return False, None


def _clause_before(text: str, pos: int, floor: int = 0) -> tuple[bool, str | None]:
    """A reporting verb among the last words before ``pos`` in the same sentence:
    ``(found, speaker)``. "Putin emphatically said was to be “…", "Lavrov predicted:"."""
    start = max(floor, pos - 400)
    if REPORTING_VERBS.isdisjoint(_ASCII_WORD.findall(text[start:pos].lower())):
        return False, None  # no reporting verb anywhere before the mark
    for match in _SENTENCE_BREAK.finditer(text, start, pos):
        start = max(start, match.end())
    window = text[start:pos]
    tokens = _words(window)[-BEFORE_WINDOW:]
    for i in range(len(tokens) - 1, -1, -1):
        verb = tokens[i].group().lower()
        if verb not in REPORTING_VERBS:
            continue
        if verb not in _TELL:
            step = 2 if verb == "according" else 1
            after = _name_after(window, tokens, i + step)[0]
            if after is not None:
                return True, after
        j = i - 1
        while j >= 0 and i - j <= 2:
            word = tokens[j].group()
            if word.endswith(("’s", "'s")):
                break  # "Russia’s statement read": the possessor speaks
            if word.lower() not in _BETWEEN and not word.endswith("ly"):
                break
            j -= 1
        return True, _name_before(window, tokens, j) if j >= 0 else None
    return False, None


def _lead_in(text: str) -> tuple[bool, bool, str | None]:
    """Read a paragraph that may introduce a quotation: ``(introduces, strong, speaker)``.

    It introduces when it ends with a colon, or a comma after a reporting clause; it is
    *strong* (the next paragraph is speech even without marks) when a reporting verb
    stands among its last three words before the colon ("Lavrov predicted:").
    """
    stripped = text.rstrip()
    if not stripped.endswith((":", ",")):
        return False, False, None
    body = text[:len(stripped) - 1]
    found, speaker = _clause_before(body, len(body))
    colon = stripped.endswith(":")
    if not found and not colon:
        return False, False, None
    return True, colon and _reporting_at_end(body), speaker


def _strong_lead_in(text: str) -> bool:
    """``_lead_in(text)[1]`` without reading the reporting clause."""
    stripped = text.rstrip()
    return stripped.endswith(":") and _reporting_at_end(text[:len(stripped) - 1])


def _reporting_at_end(body: str) -> bool:
    """True when a reporting verb is among the last three words of ``body``."""
    return not REPORTING_VERBS.isdisjoint(map(str.lower, _last_tokens(body, 3)))


def _last_tokens(text: str, n: int) -> list[str]:
    """The last ``n`` word tokens of ``text``, as tokenising all of it finds them.

    A token never spans whitespace, so tokenising from just after a space near the end
    yields the same final tokens; the whole text is read only when that gives too few.
    """
    cut = text.rfind(" ", 0, max(len(text) - 10 * n, 0))
    if cut > 0:
        tokens = TOKEN.findall(text, cut + 1)
        if len(tokens) >= n:
            return tokens[-n:]
    return TOKEN.findall(text)[-n:]


# --------------------------------------------------------------------------- quotations


def find_quotes(paragraphs: pd.DataFrame, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Return the ``quotes`` table: one row per direct quotation, in reading order.

    ``text`` is the quoted words without the marks (paragraphs of a long quotation joined
    by a blank line); ``start``/``end`` its span in the first paragraph's text and
    ``last_end`` where it ends in the last paragraph (``para_end``). ``kind`` is
    ``speech`` or ``scare``; ``speaker`` is the canonical label when the name matches
    the lexicon ("Lavrov" → "Sergei Lavrov"), the name as written otherwise, None when
    unknown; "he said" goes to the last person the lexicon finds before the quotation
    (without a lexicon, to the last named speaker). ``cue`` says how the quotation was
    judged speech: ``after`` or ``before`` (a reporting clause), ``lead-in`` (an
    introducing paragraph), ``continued`` (follows a whole-paragraph quotation),
    ``sentence`` (a whole sentence with no attribution); None for scare quotes.

    >>> find_quotes(paragraphs, lexicon=load_lexicon()).query("kind == 'speech'")
    """
    rows = []
    for doc_id, texts in _documents(paragraphs):
        quotes = _document_quotes(texts)
        if not quotes:
            continue
        _attribute(quotes, texts, lexicon)
        for quote_id, q in enumerate(quotes):
            first, last = q.parts[0], q.parts[-1]
            rows.append((doc_id, first[0], last[0], quote_id, q.text, q.speaker, q.kind,
                         q.n_words, first[1], first[2], last[2], q.cue))
    columns = list(zip(*rows, strict=True)) or [()] * len(QUOTE_COLUMNS)
    return pd.DataFrame({
        column: pd.Series(list(values), dtype=QUOTE_DTYPES[column])
        for column, values in zip(QUOTE_COLUMNS, columns, strict=True)
    })


def _documents(paragraphs: pd.DataFrame) -> Iterator[tuple[object, dict[int, str]]]:
    """Each document's ``(doc_id, {para_id: text})``, paragraphs in ``para_id`` order and
    documents in order of first appearance (rows without a doc_id are left out)."""
    codes, doc_ids = pd.factorize(paragraphs["doc_id"], sort=False)
    order = np.lexsort((paragraphs["para_id"].to_numpy(), codes))
    order = order[codes[order] >= 0]
    para_ids = paragraphs["para_id"].to_numpy()[order].tolist()
    texts = paragraphs["text"].tolist()
    if len(order) < len(texts) or (order[1:] < order[:-1]).any():
        texts = [texts[i] for i in order.tolist()]
    sorted_codes = codes[order]
    bounds = [0, *(np.flatnonzero(sorted_codes[1:] != sorted_codes[:-1]) + 1).tolist(), len(order)]
    for lo, hi in pairwise(bounds):
        if hi > lo:
            yield doc_ids[sorted_codes[lo]], dict(zip(para_ids[lo:hi], texts[lo:hi], strict=True))


def _document_quotes(texts: dict[int, str]) -> list[_Quote]:
    """Assemble one document's quotations across paragraphs, with their text; a
    quotation without a letter or digit is none.

    Only a paragraph with a quotation mark, or one after a paragraph ending with a colon,
    can hold a quotation; any other paragraph just ends a quotation left open before it,
    so only those are read.
    """
    para_ids, bodies = list(texts), list(texts.values())
    # Paragraphs with a quotation mark: the ASCII marks are quick to look for, and the
    # others cannot occur in an ASCII paragraph.
    marked = {k for k, text in enumerate(bodies)
              if '"' in text or "'" in text or not text.isascii() and _MARK.search(text)}
    after_colon = set(compress(range(1, len(bodies)), map(
        str.endswith, map(str.rstrip, bodies[:-1]), repeat(":"))))
    quotes: list[_Quote] = []
    pending: _Quote | None = None  # a quotation still open at the end of a paragraph
    read = -2  # the paragraph read last
    for k in sorted(marked | after_colon):
        if k != read + 1:
            pending = None  # a paragraph without marks came between
        read = k
        para_id, text = para_ids[k], bodies[k]
        segments = _segments(text) if k in marked else []
        if pending is not None:
            first = segments[0] if segments else None
            if first is not None and (first.open_at is None or _at_start(text, first.open_at)):
                if first.end > first.start:
                    pending.parts.append((para_id, first.start, first.end))
                pending.close_at = first.close_at
                segments = segments[1:]
                if first.close_at is not None:
                    pending = None
            else:
                pending = None
        elif k in after_colon and text.strip() and not any(
            s.open_at is None or _at_start(text, s.open_at) for s in segments
        ) and _strong_lead_in(bodies[k - 1]):
            # "Lavrov predicted:" then a paragraph with no opening mark: all of it is his.
            quotes.append(_Quote([(para_id, 0, len(text.rstrip()))], None, None))
            segments = []
        for seg in segments:
            quote = _Quote([(para_id, seg.start, seg.end)], seg.open_at, seg.close_at)
            quotes.append(quote)
            if seg.close_at is None:
                pending = quote
    for q in quotes:
        if len(q.parts) == 1:
            para_id, start, end = q.parts[0]
            q.text = texts[para_id][start:end]
        else:
            q.text = "\n\n".join(texts[p][s:e] for p, s, e in q.parts)
    return [q for q in quotes if _WORD_CHAR.search(q.text)]


def _attribute(quotes: list[_Quote], texts: dict[int, str], lexicon: Lexicon | None) -> None:
    """Decide each quotation's kind and speaker, in reading order; count its words."""
    persons = _Persons(texts, lexicon)
    lead_ins: dict[int, tuple[bool, bool, str | None]] = {}  # para_id -> _lead_in
    last_speaker: str | None = None
    whole_speech: dict[int, str | None] = {}  # para_id -> speaker of a whole-paragraph quote
    quote_end: dict[int, int] = {}  # para_id -> where the last quotation in it ends
    for q in quotes:
        first_para, start, _ = q.parts[0]
        last_para, _, end = q.parts[-1]
        first_text, last_text = texts[first_para], texts[last_para]
        text = q.text
        n_words = q.n_words = len(TOKEN.findall(text))
        open_at = q.open_at if q.open_at is not None else start
        at_start = _at_start(first_text, open_at)
        after_pos = q.close_at + 1 if q.close_at is not None else len(last_text)
        q.whole = at_start and not _WORD_CHAR.search(last_text, after_pos)

        found, name = _clause_after(last_text, after_pos)
        cue = "after" if found else None
        if not found and (n_words >= 3 or text[:1].isupper()):
            floor = quote_end.get(first_para, 0)
            found, name = _clause_before(first_text, open_at, floor)
            cue = "before" if found else None
        previous = texts.get(first_para - 1)
        if not found and at_start and previous is not None:
            if first_para - 1 not in lead_ins:
                lead_ins[first_para - 1] = _lead_in(previous)
            introduces, _, lead_name = lead_ins[first_para - 1]
            if introduces:
                found, cue = True, "lead-in"
                name = lead_name or persons.last(first_para - 1, len(previous),
                                                 since=_last_sentence_start(previous))
                if name is None and lexicon is None:
                    name = _last_full_name(previous)
        if not found and at_start and (first_para - 1) in whole_speech:
            found, cue, name = True, "continued", whole_speech[first_para - 1]
        if not found and (q.whole or (n_words >= SENTENCE_MIN_WORDS and _capitalised(text))):
            found, cue = True, "sentence"

        if name in _PRONOUNS:
            name = persons.last(first_para, open_at) or last_speaker
        elif name is not None and lexicon is not None:
            name = _canonical(name, lexicon)
        q.kind = "speech" if found else "scare"
        q.cue = cue
        q.speaker = name if found else None
        if found and name is not None and cue in ("after", "before", "lead-in"):
            last_speaker = name
        if found and q.whole:
            whole_speech[last_para] = q.speaker
        quote_end[last_para] = end


def _capitalised(text: str) -> bool:
    """True when a quotation starts like a sentence (after any ellipsis or dash)."""
    letters = [ch for ch in text[:12] if ch.isalpha()]
    return bool(letters) and letters[0].isupper()


def _last_sentence_start(text: str) -> int:
    start = 0
    for match in _SENTENCE_BREAK.finditer(text.rstrip()):
        start = match.end()
    return start


class _Persons:
    """The person mentions of one document, found paragraph by paragraph as they are
    asked for: most quotations never need them, and those that do look nearby."""

    def __init__(self, texts: dict[int, str], lexicon: Lexicon | None) -> None:
        self.texts = texts
        self.lexicon = lexicon
        self.found: dict[int, list[tuple[int, str]]] = {}

    def mentions(self, para_id: int) -> list[tuple[int, str]]:
        """``(start, label)`` of every person mention in a paragraph, in order."""
        found = self.found.get(para_id)
        if found is None:
            found = self.found[para_id] = _person_mentions(self.texts[para_id], self.lexicon)
        return found

    def last(self, para_id: int, pos: int, *, since: int | None = None) -> str | None:
        """The last person named before ``pos`` in paragraph ``para_id`` or any earlier
        paragraph (only after ``since`` in that paragraph when given)."""
        if self.lexicon is None:
            return None
        for start, label in reversed(self.mentions(para_id)):
            if start < pos:
                return label if since is None or start >= since else None
        if since is not None:
            return None
        para_ids = list(self.texts)  # reading order
        for earlier in reversed(para_ids[:para_ids.index(para_id)]):
            found = self.mentions(earlier)
            if found:
                return found[-1][1]
        return None


def _person_mentions(text: str, lexicon: Lexicon) -> list[tuple[int, str]]:
    """``(start, label)`` of every person mention in a text, in reading order."""
    return [(m.start, m.actor) for m in mention_spans(text, lexicon, demonyms=False)
            if m.kind == "person"]


def _last_full_name(text: str) -> str | None:
    """Without a lexicon: the last run of two or more capitalised words in the last
    sentence of a lead-in ("…, Sergei Karaganov, (in a recent interview) inserts:")."""
    body = text[_last_sentence_start(text):]
    tokens = _words(body)
    best = None
    i = 0
    while i < len(tokens):
        name, following = _name_after(body, tokens, i)
        if name and name not in _PRONOUNS and len(name.split()) >= 2 and i > 0:
            best = name
        i = max(following, i + 1)
    return best


def _canonical(name: str, lexicon: Lexicon) -> str:
    """The lexicon label of a speaker's name, preferring a person; the name otherwise."""
    found = mention_spans(name, lexicon, demonyms=False)
    people = [m for m in found if m.kind == "person"]
    if people:
        return people[0].actor
    return found[0].actor if found else name


# --------------------------------------------------------------------------- voices


def _speech_spans(quotes: pd.DataFrame) -> dict:
    """``{(doc_id, para_id): [(start, end, speaker), …]}`` for speech quotations; a
    quotation runs to the end of every paragraph but its last."""
    spans: dict = {}
    speech = quotes[quotes["kind"] == "speech"]
    columns = ("doc_id", "para_id", "para_end", "start", "last_end", "speaker")
    for doc_id, first, last, start, last_end, speaker in zip(
        *(speech[c] for c in columns), strict=True
    ):
        for para_id in range(first, last + 1):
            lo = start if para_id == first else 0
            hi = last_end if para_id == last else sys.maxsize
            spans.setdefault((doc_id, para_id), []).append((lo, hi, speaker))
    return spans


def mark_voice(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of the sentences with ``voice`` ("author" or "quoted") and the
    quoted ``speaker`` (None for the author's sentences).

    A sentence is quoted when more than half of its characters lie inside a speech
    quotation; scare quotes leave a sentence the author's.

    >>> mark_voice(sentences, quotes).groupby("voice")["compound"].mean()
    """
    spans = _speech_spans(quotes)
    voices, speakers = [], []
    columns = ("doc_id", "para_id", "start", "end")
    for doc_id, para_id, start, end in zip(*(sentences[c].tolist() for c in columns), strict=True):
        best, inside = None, 0
        for lo, hi, speaker in spans.get((doc_id, para_id), ()):
            overlap = max(0, min(hi, end) - max(lo, start))
            if overlap > inside:
                best, inside = speaker, overlap
        quoted = 2 * inside > end - start
        voices.append("quoted" if quoted else "author")
        speakers.append(best if quoted else None)
    marked = sentences.copy()
    marked["voice"] = pd.Series(voices, index=sentences.index, dtype="str")
    marked["speaker"] = pd.Series(speakers, index=sentences.index, dtype=object)
    return marked


def summarise_voices(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Return who is given a voice: one row per speaker of speech quotations, plus
    ``(author)`` for the words outside them (and ``(unknown)`` for unattributed speech).

    ``words`` counts word tokens as the sentences table does; ``share`` is of all words.

    >>> summarise_voices(quotes, sentences)
    """
    speech = quotes[quotes["kind"] == "speech"]
    if "n_tokens" in sentences.columns:
        total = int(sentences["n_tokens"].sum())
    else:
        total = sum(len(TOKEN.findall(t)) for t in sentences["text"])
    by_speaker = speech.assign(speaker=speech["speaker"].fillna(UNKNOWN)).groupby("speaker")
    rows = [(speaker, len(group), int(group["n_words"].sum())) for speaker, group in by_speaker]
    rows.append((AUTHOR, 0, max(total - int(speech["n_words"].sum()), 0)))
    rows.sort(key=lambda r: (-r[2], r[0]))
    table = pd.DataFrame(rows, columns=VOICE_COLUMNS[:3])
    table["share"] = table["words"] / total if total else 0.0
    return table.astype({"speaker": "str", "quotes": "int64", "words": "int64",
                         "share": "float64"})

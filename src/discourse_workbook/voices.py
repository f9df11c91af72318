"""Voices: the direct quotations of a text, who speaks in them, and what is the author's.

Quotation marks are paired paragraph by paragraph: straight and curly, double and single,
guillemets (« », » «, ‹ ›), low-high marks („…“, ‚…‘) and the older ``…'' convention,
nested; an apostrophe (don’t, Russia’s, states’) is never taken for a single quote. Real
texts are untidy, so nothing here raises on unbalanced marks:

- a paragraph that opens a quotation and does not close it continues into the next
  paragraph when that one reopens the quotation or only closes it;
- a closing mark with no opening mark closes a quotation that began at the paragraph start;
- a paragraph ending "Lavrov predicted:" introduces the next paragraph as his words even
  when its opening mark is missing, and the short lines after it (a poem) too.

Marks inside a person's name quote nothing: a nickname (Lee “Faker” Sang-hyeok, Earvin
"Magic" Johnson, as :mod:`.names` finds it) is part of the name, neither speech nor a scare
quote.

A quotation is *speech* when its attribution shows someone speaking, or when it is a whole
sentence or paragraph; otherwise it is a *scare* quote (‘lost’, ‘half of it’). The speaker
is the name in the attribution, whether the lexicon lists it or not:

- a reporting clause after it (", Ushakov said", ", writes Ivan Timofeev", ", he told
  reporters", ", according to the ministry"), or later in its sentence (", Russia's
  statement read");
- a reporting or evaluation verb before it in its sentence ("Putin emphatically said was to
  be “…", "Zakharova called it “…"": a fragment quoted so is a partial quotation, speech by
  that source), or a lead-in ending in a colon or a dash ("the Pentagon warned:", "to
  paraphrase CP Cavafy's celebrated poem:");
- a lead-in paragraph, a whole-paragraph quotation just before, a fragment between two
  sentences reporting the same source, or a fragment repeating an earlier quotation.

The speaker is the actor a name stands for (the lexicon's label, or the full name a
document introduced: :mod:`.names`); a person's title or a body without a name is the
speaker as written ("the U.S. Defence Secretary", "the jury"). "He said" / "she said" goes
to the nearest person of compatible gender (from a title, a first name or the pronouns used
after the name; unknown gender is compatible) named before it in the same or the previous
paragraph, outside quotations; otherwise the speaker stays unknown. A speaker never comes
from a far paragraph or another document.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress, pairwise, repeat
from typing import NamedTuple

import numpy as np
import pandas as pd
import regex

from .actors import Lexicon, find_mentions
from .names import (
    EVALUATION_VERBS,
    FUNCTION_WORDS,
    REPORTING_VERBS,
    ROLES,
    TITLES,
    _not_a_name,
    gender_of,
    written_in_lower_case,
)
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

# A quotation of fewer words, with no attribution and not a paragraph of its own, is a
# scare quote even when it is a capitalised phrase (‘Marxist AND terrorist’).
SENTENCE_MIN_WORDS = 5
# Short lines after a strong lead-in ("to paraphrase the poem:") continue the quotation.
VERSE_MAX_WORDS = 16

_TELL = frozenset({"tell", "tells", "told", "telling"})  # the name after it is the listener
_PRONOUNS = frozenset({"he", "she"})
_OTHER_SUBJECTS = frozenset({"they", "we", "i", "it", "you", "this", "that", "one"})
# Words that may stand between a speaker's name and the reporting verb.
_BETWEEN = frozenset({
    "was", "is", "has", "had", "have", "also", "then", "later", "once", "again", "would",
    "will", "not", "never", "recently", "previously", "repeatedly", "publicly",
    "reportedly", "allegedly", "apparently", "further", "himself", "herself", "themselves",
    "did", "does", "do", "may", "might", "could", "should", "can", "already", "now", "just",
    "even", "still", "often", "always", "first", "twice", "been", "being",
})  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her",
                          "its", "their", "our", "my", "your", "one", "another", "some",
                          "every", "each", "both"})
# What a statement is called: "Russia's statement read", "Cavafy's celebrated poem:".
_SPEECH_NOUNS = frozenset({
    "statement", "statements", "words", "remarks", "comments", "letter", "note", "message",
    "poem", "tweet", "post", "communiqué", "communique", "declaration", "report", "article",
    "column", "book", "speech", "address", "interview", "release", "readout", "verse",
    "lines", "line", "phrase", "motto", "slogan", "proclamation", "text", "answer", "reply",
    "response", "testimony", "account", "essay", "song", "prayer", "memo", "memoir",
    "memoirs", "diary", "editorial", "ruling", "verdict", "order", "decree", "resolution",
})  # fmt: skip
# Bodies and groups that speak without a name ("the jury said", "officials told").
_BODIES = frozenset({
    "jury", "court", "ministry", "government", "administration", "department", "office",
    "agency", "committee", "council", "commission", "parliament", "senate", "congress",
    "cabinet", "army", "military", "police", "company", "firm", "union", "party", "campaign",
    "embassy", "board", "panel", "group", "organisation", "organization", "bank", "team",
    "officials", "experts", "analysts", "sources", "residents", "witnesses", "authorities",
    "protesters", "critics", "observers", "diplomats", "lawmakers", "scientists",
    "researchers", "doctors", "prosecutors", "investigators", "activists", "leaders",
    "ministers", "officers", "spokesmen", "people", "voters", "citizens", "statement",
    "prosecution", "defence", "defense", "regime", "kremlin", "pentagon", "secretariat",
    "tribunal", "judge", "judges", "chamber", "presidency", "mission", "delegation",
    "coalition", "alliance", "opposition", "newspaper", "network", "broadcaster",
    "channel", "website", "bureau", "service", "staff", "spokesperson",
})  # fmt: skip
_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split())
_GENERIC_BODIES = frozenset({"organisation", "organization", "group", "agency", "company",
                             "firm", "body", "movement", "charity", "association"})
_ROLE_HEADS = (frozenset(ROLES) | {t.lower().rstrip(".") for t in TITLES if " " not in t}
               | _BODIES) - FUNCTION_WORDS
_CONNECTORS = frozenset({"of", "de", "da", "von", "van", "der", "bin", "al", "ibn", "la", "le",
                         "del", "du", "di"})
_DOUBLE_OPEN, _DOUBLE_CLOSE = "“«", "”»"
_OPEN_CONTEXT = " \t\n([{—–-/“‘\"'«„‚‹»›`"
_SENTENCE_BREAK = re.compile(r"[^\sA-Z][.!?…][\"”’»)\]]*\s+")
_AFTER_GAP = re.compile(r"[\s,.!?…–—-]*")
_WORD_CHAR = re.compile(r"[^\W_]")
# A word that lowercases to a reporting verb is a run of these in the lowercased text:
# only A-Z and the Kelvin sign lowercase to ASCII letters, and nothing that is not a
# letter or digit lowercases to a letter.
_ASCII_WORD = re.compile("[a-z]+")
_FIRST_WORD = re.compile(r"[^\W_][\w’'-]*")
# How far before a quotation its reporting verb is looked for.
BEFORE_CHARS = 320
_MARK_CHARS = "“”„«»\"‘’'`‹›‚"
_MARK = re.compile(f"[{_MARK_CHARS}]")
_DASHES = ("–", "—", "-", "--", "―")
# Words and punctuation of a clause: initials (U.S., H.), abbreviations before a capital
# (Mr., Dr.), words with their apostrophes and hyphens (Russia’s, al-Assad), and any other
# character that is not a space.
_CLAUSE_TOKEN = regex.compile(
    r"(?P<w>(?:\p{Lu}\.)+(?!\p{L})|\p{Lu}\p{Ll}{1,3}\.(?=\s+\p{Lu})"
    r"|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’‐-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*['’]?)"
    r"|(?P<p>\S)"
)
_WORDS_AFTER = re.compile(r"\s*\(\s*(?:as\s+)?([^()]{1,60}?)['’]s?\s+(?:words|phrase|term|"
                          r"expression|description|formula|formulation)\s*\)")


# --------------------------------------------------------------------------- marks


class _Mark(NamedTuple):
    pos: int
    width: int
    kind: str  # 'd' double, 's' single
    role: str  # 'open', 'close', or 'either' (a mark that closes a low or reversed opener)
    char: str


def _marks(text: str) -> list[_Mark]:
    """Quotation marks of a paragraph, in order."""
    marks: list[_Mark] = []
    skip = -1
    for pos in _mark_positions(text):
        if pos <= skip:
            continue
        ch = text[pos]
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        if ch == "`":
            if after == "`":  # ``like this''
                marks.append(_Mark(pos, 2, "d", "open", "``"))
                skip = pos + 1
            elif not after.isspace():
                marks.append(_Mark(pos, 1, "s", "open", "`"))
        elif ch == "'" and after == "'":  # '' closes ``…'' (or opens ''…'')
            opens = before in _OPEN_CONTEXT and not (text[pos + 2:pos + 3] or " ").isspace()
            marks.append(_Mark(pos, 2, "d", "open" if opens else "close", "''"))
            skip = pos + 1
        elif ch == "„":
            marks.append(_Mark(pos, 1, "d", "open", ch))
        elif ch == "‚":
            marks.append(_Mark(pos, 1, "s", "open", ch))
        elif ch in _DOUBLE_OPEN:  # “ or «: an opener, or the closer of „ or »
            marks.append(_Mark(pos, 1, "d", "either", ch))
        elif ch in _DOUBLE_CLOSE:  # ” or »: a closer, or » opening »…«
            opens = ch == "»" and before in _OPEN_CONTEXT and not after.isspace()
            marks.append(_Mark(pos, 1, "d", "either" if opens else "close", ch))
        elif ch in "‹›":
            marks.append(_Mark(pos, 1, "s", "either", ch))
        elif ch == '"':
            opens = before in _OPEN_CONTEXT and not after.isspace()
            marks.append(_Mark(pos, 1, "d", "open" if opens else "close", ch))
        elif before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word: don’t, Russia’s, rock'n'roll
        elif ch == "‘" or (ch == "'" and before in _OPEN_CONTEXT):
            if not after.isdigit() and not after.isspace():  # ‘90s is an apostrophe
                marks.append(_Mark(pos, 1, "s", "either" if ch == "‘" else "open", ch))
        elif not before.isspace():
            marks.append(_Mark(pos, 1, "s", "close", ch))  # a close, or a possessive (states’)
    return marks


# The opener each mark closes when it stands second: „…“, ‚…‘, »…«, ›…‹.
_CLOSES = {"“": "„", "«": "»", "‘": "‚", "‹": "›"}
_PAIRS = {"«": "»", "‹": "›"}


def _mark_positions(text: str) -> list[int]:
    """Where the quotation mark characters are, in order (``str.find`` scans faster than
    a regular expression, and not at all for a mark wider than the text's characters)."""
    positions = []
    for ch in "\"'`" if text.isascii() else _MARK_CHARS:
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
    open_width: int = 1
    until: int | None = None  # where an unclosed quotation gives way to the next one


def _segments(text: str) -> list[_Segment]:
    """Pair the marks of one paragraph into outer quotations, keeping unbalanced ones:
    a leading unmatched close, and an open left at the end of the paragraph."""
    segments: list[_Segment] = []
    stack: list[_Mark] = []
    for mark in _marks(text):
        role = mark.role
        if role == "either":
            opener = _CLOSES.get(mark.char)
            closes = any(m.char == opener for m in stack) or (
                mark.char in ("‘", "‹") and stack and stack[-1].kind == "s")
            role = "close" if closes else "open"
        if role == "close" and stack and stack[-1].kind == mark.kind and (
                mark.pos == stack[-1].pos + stack[-1].width):
            # “”This is …: a doubled opening mark, not an empty quotation
            opener = stack[-1]
            stack[-1] = opener._replace(width=mark.pos + mark.width - opener.pos)
            continue
        if role == "open" and stack and mark.kind == "d" and stack[-1].kind == "d" and (
                mark.char == stack[-1].char or mark.char in '"“') and len(stack) == 1 and (
                _ends_sentence(text, mark.pos)):
            # "Many people have been calling for it, me included. "I think …": a quotation
            # of several paragraphs run into one, each reopened and never closed.
            segments.append(_Segment(stack[0].pos, None, open_width=stack[0].width,
                                     until=mark.pos))
            stack.clear()
        if role == "open":
            stack.append(mark)
            continue
        if mark.kind == "s" and (not stack or stack[-1].kind != "s"):
            continue  # no single quote open: an apostrophe (the states’ affairs)
        same = len(stack) - 1  # the innermost open mark of the same kind
        while same >= 0 and stack[same].kind != mark.kind:
            same -= 1
        if same < 0:
            if not segments:
                segments.append(_Segment(None, mark.pos))  # closes a quote begun before
            stack.clear()
            continue
        del stack[same + 1:]  # single quotes left open inside are apostrophes
        opener = stack.pop()
        if not stack:
            segments.append(_Segment(opener.pos, mark.pos, open_width=opener.width))
    if stack:
        opener = stack[0]
        if opener.kind == "d" or _at_start(text, opener.pos):
            segments.append(_Segment(opener.pos, None, open_width=opener.width))
    for seg in segments:
        start = 0 if seg.open_at is None else seg.open_at + seg.open_width
        end = len(text) if seg.close_at is None else seg.close_at
        if seg.until is not None:
            end = seg.until
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1  # “We will win,” Smith said: the comma belongs to the sentence
        seg.start, seg.end = start, end
    return segments


def _ends_sentence(text: str, pos: int) -> bool:
    """True when the text before ``pos`` ends a sentence ("… me included. ")."""
    before = text[:pos].rstrip()
    return before.endswith((".", "!", "?", "…", ".”", "?”", "!”"))


def _at_start(text: str, pos: int) -> bool:
    return not _WORD_CHAR.search(text, 0, pos)


def _close_width(text: str, close_at: int | None) -> int:
    return 2 if close_at is not None and text[close_at:close_at + 2] == "''" else 1


# --------------------------------------------------------------------------- clauses


class _Tok(NamedTuple):
    text: str
    start: int
    end: int
    word: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


def _clause_tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end(), m.lastgroup == "w")
            for m in _CLAUSE_TOKEN.finditer(text, lo, hi)]


def _bare(word: str) -> str:
    """A word without its possessive: "Russia’s" → "Russia"."""
    if word.endswith(("’s", "'s")) and len(word) > 2:
        return word[:-2]
    return word.rstrip("’'")


def _possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'")) and len(word) > 2


def _capital(tok: _Tok) -> bool:
    return tok.word and tok.text[:1].isupper()


class _NP(NamedTuple):
    """A noun phrase that may be a speaker: tokens ``toks[first:last]``."""

    first: int
    last: int


def _np_backward(toks: list[_Tok], verb: int) -> _NP | None:
    """The subject ending before ``toks[verb]``: "Ushakov (reportedly) said", "Gitanas
    Nausėda, Lithuania's president, said", "the Lithuanian foreign ministry said", "he
    said"; None when the words before the verb make no speaker."""
    j = verb - 1
    while j >= 0 and toks[j].word and not _capital(toks[j]) and (
            toks[j].lower in _BETWEEN or toks[j].lower.endswith("ly")):
        j -= 1
    for _ in range(2):  # "(in a recent interview)", ", of Georgia,", ", who fought …,"
        if j >= 0 and toks[j].text == ")":
            k = j - 1
            while k >= 0 and toks[k].text != "(" and j - k < 25:
                k -= 1
            if k < 0 or toks[k].text != "(":
                return None
            j = k - 1
        elif j >= 1 and toks[j].text == "," and toks[j - 1].text not in (",",):
            k = j - 1
            while k >= 0 and toks[k].text not in (",", ";", ":", "“", "”", '"') and j - k < 20:
                k -= 1
            if k >= 1 and toks[k].text == "," and k < j - 1 and (
                    _capital(toks[k - 1]) or toks[k - 1].lower in _ROLE_HEADS):
                j = k - 1
            else:
                break
        while j >= 0 and toks[j].word and not _capital(toks[j]) and (
                toks[j].lower in _BETWEEN or toks[j].lower.endswith("ly")):
            j -= 1
    if j < 0 or not toks[j].word:
        return None
    if toks[j].lower in _PRONOUNS or toks[j].lower in _OTHER_SUBJECTS:
        return _NP(j, j + 1)
    k, lower_words = j, 0
    while k >= 0 and toks[k].word and j - k < 8:
        tok = toks[k]
        if _capital(tok):
            if tok.lower in _DETERMINERS:  # "The Pentagon"
                k -= 1
                break
            if tok.lower in FUNCTION_WORDS:  # "And to paraphrase"
                break
            k -= 1
            continue
        if tok.lower in _DETERMINERS:
            k -= 1
            break
        if tok.lower in _CONNECTORS and k > 0 and _capital(toks[k - 1]):
            k -= 1
            continue
        if tok.lower in ("for", "of", "at") and k > 0 and toks[k - 1].lower in _ROLE_HEADS:
            k -= 1  # "a spokesman for the ministry"
            continue
        if (tok.lower in REPORTING_VERBS or lower_words >= 3 or tok.lower in _STOP
                or tok.lower in FUNCTION_WORDS):
            break
        lower_words += 1
        k -= 1
    np_ = _NP(k + 1, j + 1)
    return np_ if _agentive(toks, np_) else None


_STOP = frozenset({"and", "or", "but", "that", "which", "who", "whom", "when", "while", "as",
                   "if", "because", "so", "than", "then", "there", "where", "what", "not"})


def _np_forward(toks: list[_Tok], i: int) -> _NP | None:
    """The noun phrase starting at ``toks[i]``: "said Ivan Timofeev", "said the jury",
    "CNN meteorologist Chad Myers said", "said chief Palestinian negotiator Saeb Erakat",
    "a militant from the group told", "The U.S. Defence Secretary (after a pause) …";
    None when it makes no speaker."""
    if i >= len(toks) or not toks[i].word:
        return None
    if toks[i].lower in _PRONOUNS or toks[i].lower in _OTHER_SUBJECTS:
        return _NP(i, i + 1)
    k = i
    determiner = toks[k].lower in _DETERMINERS
    if determiner:
        k += 1
    last_kept = k  # the phrase ends after the last name, role or statement word
    lower_run = 0
    while k < len(toks) and toks[k].word and k - i < 10:
        tok = toks[k]
        if _capital(tok) and tok.lower not in _STOP and tok.lower not in FUNCTION_WORDS:
            k += 1
            last_kept, lower_run = k, 0
            continue
        if tok.lower in _CONNECTORS and k + 1 < len(toks) and _capital(toks[k + 1]):
            k += 1
            continue
        if (tok.lower in REPORTING_VERBS or tok.lower in FUNCTION_WORDS or tok.lower in _STOP
                or tok.lower.endswith("ly") or lower_run >= 3):
            break
        lower_run += 1  # "meteorologist", "chief", "rink manager", "foreign ministry"
        k += 1
        if tok.lower in _ROLE_HEADS or _bare(tok.lower) in _LOOSE_SPEECH:
            last_kept = k
    if last_kept == (i + 1 if determiner else i):
        # "a militant from the group told": a described source, up to a reporting verb
        j = k
        while j < len(toks) and toks[j].word and toks[j].lower in ("from", "of", "for", "in",
                                                                     "at", "the", "a", "an"):
            j += 1
        while j < len(toks) and toks[j].word and not _verb_at(toks, j, REPORTING_VERBS) and (
                toks[j].lower not in FUNCTION_WORDS) and j - i < 8:
            j += 1
        if determiner and k > i + 1 and j < len(toks) and _verb_at(toks, j, REPORTING_VERBS):
            return _NP(i, j)
        return None
    np_ = _NP(i, last_kept)
    return np_ if _agentive(toks, np_) else None


def _inverted(toks: list[_Tok], verb: int) -> _NP | None:
    """The speaker after a reporting verb that ends its clause: "…, said Ivan Sidorov.",
    "…, explained Maria Zakharova,", "said Smith:"; not the object of a verb ("read the
    account of Lavrov’s démarche")."""
    np_ = _np_forward(toks, verb + 1)
    if np_ is None:
        return None
    if np_.last >= len(toks) or toks[np_.last].text in (":", ",", ".", ";", "–", "—", "-",
                                                         "!", "?", "(", "“", "”", '"'):
        return np_
    if toks[np_.last].word and toks[np_.last].lower in ("on", "in", "at", "to", "during",
                                                        "after", "before", "yesterday",
                                                        "today", "told"):
        return np_  # "said chief negotiator Saeb Erakat on CNN television"
    return None


def _agentive(toks: list[_Tok], np_: _NP) -> bool:
    """True when a noun phrase can be a speaker: a pronoun, a name, or a role, body or
    statement ("the jury", "officials", "Russia’s statement")."""
    words = toks[np_.first:np_.last]
    if not words:
        return False
    head = words[-1]
    if len(words) == 1 and (head.lower in _PRONOUNS or head.lower in _OTHER_SUBJECTS):
        return True
    if any(_capital(w) and w.lower not in _DETERMINERS for w in words):
        return head.word
    return head.lower in _ROLE_HEADS or head.lower in _SPEECH_NOUNS


def _verb_at(toks: list[_Tok], i: int, verbs: frozenset[str]) -> bool:
    """True when ``toks[i]`` is one of ``verbs``, in lower or upper case, or capitalised at
    the start of its clause ("According to Jones, …"); "Said" inside a name is none."""
    tok = toks[i]
    if not tok.word or tok.lower not in verbs:
        return False
    titlecase = tok.text[:1].isupper() and not tok.text.isupper()
    return not titlecase or i == 0 or tok.lower == "according"


# --------------------------------------------------------------------------- documents


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
    unmarked: bool = False  # a paragraph taken whole after a strong lead-in


class _Mentioned(NamedTuple):
    """An actor mention in paragraph coordinates."""

    start: int
    end: int
    label: str
    kind: str
    alias: str


_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "himself": "m", "she": "f", "her": "f",
                   "hers": "f", "herself": "f"}
# Pronouns that tell a person's gender when they follow the name in its sentence: "him" and
# "her" may be someone else ("Nausėda answered her"), so they are not evidence.
_PRONOUN_AFTER = re.compile(r"\b(he|his|himself|she|hers|herself)\b|[.!?](?=\s|$)")
_LEADING = frozenset({"and", "but", "so", "yet", "however", "then", "meanwhile", "still",
                      "evidently", "indeed", "now", "later", "today", "also", "thus",
                      "finally", "instead", "moreover"})
_OPENING_PREPOSITIONS = frozenset({"in", "on", "at", "after", "before", "during", "for",
                                   "with", "from", "since", "when", "as", "while", "under",
                                   "following", "despite", "amid", "by", "to", "of"})
_LOOSE_SPEECH = _SPEECH_NOUNS | {"view", "views", "analysis", "assessment", "opinion",
                                 "warning", "appeal", "plea", "advice", "explanation",
                                 "argument", "thoughts", "verdict", "take", "point"}


class _Attribution:
    """One document's paragraphs, quotations and actor mentions, and the judgement of who
    speaks in each quotation, in reading order."""

    def __init__(self, texts: dict[int, str], quotes: list[_Quote],
                 mentions: dict[int, list[_Mentioned]]) -> None:
        self.texts = texts
        self.order = {para_id: i for i, para_id in enumerate(texts)}
        self.para_ids = list(texts)
        self.quotes = quotes
        self.mentions = mentions
        self.quoted: dict[int, list[tuple[int, int]]] = {}
        for q in quotes:
            for para_id, start, end in q.parts:
                self.quoted.setdefault(para_id, []).append((start, end))
        self.named: dict[int, list[tuple[int, str]]] = {}  # speakers named as written
        self.genders: dict[str, str | None] = {}
        self.aliases: dict[str, list[str]] = {}
        for found in mentions.values():
            for m in found:
                if m.kind == "person":
                    self.aliases.setdefault(m.label, []).append(m.alias)
        self.persons = frozenset(self.aliases)
        self.folded_texts: dict[int, str] = {}
        self.lower_cache: dict[str, bool] = {}

    # ----------------------------------------------------------------- paragraphs

    def previous(self, para_id: int) -> int | None:
        i = self.order[para_id]
        return self.para_ids[i - 1] if i > 0 else None

    def following(self, para_id: int) -> int | None:
        i = self.order[para_id]
        return self.para_ids[i + 1] if i + 1 < len(self.para_ids) else None

    def in_lower_case(self, word: str) -> bool:
        """True when the document writes a capitalised word in lower case somewhere: a
        word such as "Added" or "Keywords" opening a line names no one."""
        lower = _bare(word).lower()
        known = self.lower_cache.get(lower)
        if known is None:
            known = self.lower_cache[lower] = any(
                written_in_lower_case(t, lower) for t in self.texts.values())
        return known

    def inside_quote(self, para_id: int, position: int) -> bool:
        return any(s <= position < e for s, e in self.quoted.get(para_id, ()))

    # ----------------------------------------------------------------- names

    def label(self, para_id: int, toks: list[_Tok], np_: _NP | None,
              position: int) -> str | None:
        """The speaker a noun phrase names: the actor of a name in it, the possessor of a
        statement, a role or body as written; a pronoun resolved; None otherwise."""
        if np_ is None:
            return None
        words = toks[np_.first:np_.last]
        if len(words) == 1 and words[0].lower in _PRONOUNS:
            return self.resolve_pronoun(words[0].lower, para_id, position)
        if len(words) == 1 and words[0].lower in _OTHER_SUBJECTS:
            return None
        lo, hi = words[0].start, words[-1].end
        inside = [m for m in self.mentions.get(para_id, ()) if m.start < hi and m.end > lo]
        people = [m for m in inside if m.kind == "person"]
        if people:
            return people[-1].label
        head = words[-1]
        head_word = _bare(head.text).lower()
        if head_word in _LOOSE_SPEECH:  # "Russia’s statement", "Cavafy’s celebrated poem"
            owner = next((w for w in reversed(words[:-1]) if _possessive(w.text)), None)
            if owner is None:
                return None
            found = [m for m in inside if m.start < owner.end and m.end > owner.start]
            return found[-1].label if found else _bare(owner.text)
        covering = [m for m in inside if m.start < head.end and m.end > head.start]
        if covering:
            return covering[-1].label
        text = self.texts[para_id]
        if head_word in _ROLE_HEADS and words[0].lower in ("the", "this") and not any(
                _capital(w) for w in words[1:-1] if w.lower not in _ROLE_HEADS):
            described = self.described(para_id, lo, head_word)
            if described is not None:  # "the Palestinian leader" after "leader Yasser Arafat"
                return described
        if head_word in _ROLE_HEADS:  # "the U.S. Defence Secretary", "the jury"
            if words[0].lower not in _DETERMINERS and all(
                    w.text in _TITLE_WORDS or not w.word for w in words):
                return None  # "Mr. Speaker, Mr. President, …:" addresses, no one speaks
            written = " ".join(text[lo:hi].split())
            if words[0].lower in _DETERMINERS:
                written = words[0].lower + written[len(words[0].text):]
            return _bare(written)
        capitals = [w for w in words if _capital(w) and w.lower not in _DETERMINERS]
        if capitals and words[0].lower in _DETERMINERS and any(
                w.lower in _ROLE_HEADS for w in words):  # "the Secretary of War"
            written = " ".join(text[lo:hi].split())
            return _bare(words[0].lower + written[len(words[0].text):])
        if capitals and any(_could_be_name(w.text) for w in capitals) and not (
                len(capitals) == 1 and self.in_lower_case(capitals[0].text)):
            return _bare(" ".join(text[capitals[0].start:capitals[-1].end].split()))
        if words[0].lower in _DETERMINERS and len(words) >= 2:  # "a militant from the group"
            written = " ".join(text[lo:hi].split())
            return words[0].lower + written[len(words[0].text):]
        return None

    def described(self, para_id: int, position: int, role: str) -> str | None:
        """The person or organisation a definite description stands for: the nearest one
        named before ``position`` in the same or the previous paragraph with that role in
        its name or just before it ("Palestinian leader Yasser Arafat" for "the Palestinian
        leader", "Judge Arthur Engoron" for "the judge"), or for a body ("the
        organisation"), the nearest organisation."""
        body = role in _GENERIC_BODIES
        places = [(para_id, position)]
        previous = self.previous(para_id)
        if previous is not None:
            places.append((previous, sys.maxsize))
        for place, limit in places:
            text = self.texts[place]
            for m in sorted(self.mentions.get(place, ()), reverse=True):
                if m.start >= limit or self.inside_quote(place, m.start):
                    continue
                if body and m.kind == "organisation":
                    return m.label
                if not body and m.kind == "person":
                    before = text[max(0, m.start - 30):m.start].lower().split()[-3:]
                    if role in m.alias.lower().split() or role in {w.strip(",") for w in before}:
                        return m.label
        return None

    def remember(self, para_id: int, position: int, speaker: str | None) -> None:
        """A speaker named in an attribution is a person a later pronoun may stand for."""
        if speaker is not None:
            self.named.setdefault(para_id, []).append((position, speaker))

    def gender(self, label: str) -> str | None:
        """A person's gender from the name and titles, else from the pronouns the document
        uses right after naming them (the first he/his or she/her in the same sentence,
        with no other person named between)."""
        if label in self.genders:
            return self.genders[label]
        gender = gender_of(label, self.aliases.get(label, ()))
        if gender is None:
            votes = set()
            for para_id, found in self.mentions.items():
                text = self.texts[para_id]
                for i, m in enumerate(found):
                    if m.label != label:
                        continue
                    limit = found[i + 1].start if i + 1 < len(found) else len(text)
                    hit = _PRONOUN_AFTER.search(text, m.end, min(limit, m.end + 200))
                    if hit is not None and hit.group(1):
                        votes.add(_PRONOUN_GENDER[hit.group(1).lower()])
            gender = votes.pop() if len(votes) == 1 else None
        self.genders[label] = gender
        return gender

    def resolve_pronoun(self, pronoun: str, para_id: int, position: int) -> str | None:
        """The person of compatible gender a pronoun stands for: sentence by sentence back
        from ``position``, in the same paragraph and then the previous one, outside
        quotations, the subject of the nearest sentence naming one ("Mr Crean says he is
        not calling on Dr Hollingworth …" → Crean), else its last person; None when the
        two paragraphs name nobody compatible."""
        wanted = _PRONOUN_GENDER[pronoun]
        places = [(para_id, position)]
        previous = self.previous(para_id)
        if previous is not None:
            places.append((previous, sys.maxsize))
        for place, limit in places:
            candidates = [(m.start, m.label) for m in self.mentions.get(place, ())
                          if m.kind == "person" and m.start < limit
                          and not self.inside_quote(place, m.start)]
            candidates += [(p, s) for p, s in self.named.get(place, ()) if p < limit]
            by_sentence: dict[int, list[tuple[int, str]]] = {}
            for start, label in candidates:
                by_sentence.setdefault(self.sentence_start(place, start), []).append(
                    (start, label))
            for sentence in sorted(by_sentence, reverse=True):
                found = sorted(by_sentence[sentence], reverse=True)
                subjects = [c for c in found if self.is_subject(place, sentence, c[0])]
                for _, label in subjects + found:
                    gender = self.gender(label)
                    if gender is None or gender == wanted:
                        return label
        return None

    def is_subject(self, para_id: int, sentence: int, position: int) -> bool:
        """True when the name at ``position`` is its sentence's subject: nothing but
        capitalised words, determiners, roles, commas or an opening phrase ("After a
        morning break,") stand before it, or a reporting verb follows it."""
        text = self.texts[para_id]
        toks = _clause_tokens(text, sentence, position)
        i = 0
        if toks and toks[0].lower in _OPENING_PREPOSITIONS:
            comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
            i = comma + 1 if comma is not None else len(toks)
        if all(not t.word or _capital(t) or t.lower in _DETERMINERS or t.lower in _ROLE_HEADS
               or t.lower in _LEADING for t in toks[i:]):
            return True
        after = _clause_tokens(text, position, min(len(text), position + 80))
        return any(_verb_at(after, k, REPORTING_VERBS) for k in range(1, min(len(after), 4)))

    # ----------------------------------------------------------------- clauses

    def sentence_start(self, para_id: int, position: int, floor: int = 0) -> int:
        text = self.texts[para_id]
        start = floor
        for match in _SENTENCE_BREAK.finditer(text, floor, position):
            start = match.end()
        return start

    def sentence_end(self, para_id: int, position: int) -> int:
        text = self.texts[para_id]
        match = _SENTENCE_BREAK.search(text, position)
        return match.start() + 2 if match else len(text)

    def clause_after(self, para_id: int, position: int) -> tuple[bool, str | None]:
        """A reporting clause right after ``position``: ", Ushakov said", ", writes Ivan
        Timofeev", ", he told reporters", ", according to the ministry"."""
        text = self.texts[para_id]
        gap = _AFTER_GAP.match(text, position)
        first_word = _FIRST_WORD.match(text, gap.end())
        if first_word is None:
            return False, None
        word = first_word.group()
        lower = word.lower()
        if not (word[0].isupper() or lower in REPORTING_VERBS or lower in _PRONOUNS
                or lower in _OTHER_SUBJECTS or lower in _DETERMINERS or lower in _ROLE_HEADS):
            return False, None
        toks = _clause_tokens(text, gap.end(), min(len(text), gap.end() + 120))
        for i, tok in enumerate(toks):  # the clause ends with its sentence or a quotation
            if tok.text in (".", "!", "?", ";", "“", "”", '"', "«", "»", "‘"):
                toks = toks[:i]
                break
        if not toks or not toks[0].word:
            return False, None
        first = toks[0]
        closed = text[:position].rstrip(" ”’\"»'").endswith((".", "!", "?")) or any(
            ch in ".!?" for ch in text[position:gap.end()])
        if closed and word[0].isupper() and len([t for t in toks if t.word]) > 6:
            return False, None  # a new sentence, not this quotation's attribution
        if first.lower in REPORTING_VERBS and first.lower not in EVALUATION_VERBS:
            if first.lower == "according":
                if len(toks) < 2 or toks[1].lower != "to":
                    return False, None
                np_ = _np_forward(toks, 2)
            else:
                np_ = _np_forward(toks, 1)
            return True, self.label(para_id, toks, np_, first.start)
        np_ = _np_forward(toks, 0)
        if np_ is None:
            return False, None
        j = np_.last
        if j < len(toks) and toks[j].text == ",":  # "Nausėda, Lithuania's president, said"
            k = j + 1
            while k < len(toks) and toks[k].text != "," and k - j < 12:
                k += 1
            if k < len(toks):
                j = k + 1
        while j < len(toks) and toks[j].word and (toks[j].lower in _BETWEEN
                                                  or toks[j].lower.endswith("ly")):
            j += 1
        if j < len(toks) and _verb_at(toks, j, REPORTING_VERBS) and (
                toks[j].lower not in EVALUATION_VERBS):
            following = [t.lower for t in toks[j + 1:j + 3] if t.word]
            if following[:1] == ["that"] or (following[:1] and following[0] in (
                    _PRONOUNS | {"they", "we", "it", "i"}) and len(following) > 1):
                return False, None  # "… says he will not make changes": its own report
            return True, self.label(para_id, toks, np_, first.start)
        return False, None

    def clause_before(self, para_id: int, position: int, floor: int,
                      fragment: bool) -> tuple[bool, str | None, int, bool]:
        """A reporting or evaluation verb before ``position`` in its sentence:
        ``(found, speaker, where the clause starts, the author speaks)``. The nearest verb
        whose subject names a source wins; "it" or "they" as a subject is no source ("X
        said it believes “…”" is X's); "I" or "we" is the author's own voice."""
        text = self.texts[para_id]
        start = self.sentence_start(para_id, position, max(floor, position - BEFORE_CHARS))
        if start > 0 and start == position - BEFORE_CHARS:
            start = text.find(" ", start, position) + 1  # a whole word first
        if REPORTING_VERBS.isdisjoint(_ASCII_WORD.findall(text[start:position].lower())):
            return False, None, start, False
        toks = _clause_tokens(text, start, position)
        found = False
        for i in range(len(toks) - 1, -1, -1):
            tok = toks[i]
            if not _verb_at(toks, i, REPORTING_VERBS):
                continue
            if fragment and tok.lower.startswith("continu"):
                continue
            if tok.lower == "according":
                if i + 1 < len(toks) and toks[i + 1].lower == "to":
                    speaker = self.label(para_id, toks, _np_forward(toks, i + 2), tok.start)
                    if speaker is not None:
                        return True, speaker, start, False
                    found = True
                continue
            subject = i
            if i >= 2 and toks[i - 1].lower in ("who", "which") and toks[i - 2].text == ",":
                subject = i - 2  # "Smith, who said “…"
            np_ = _np_backward(toks, subject)
            if tok.lower.endswith("ing") and (i == 0 or toks[i - 1].text in (",", "and")):
                # "Judge Engoron …, telling his lawyer to “control your client”"
                sentence = self.sentence_start(para_id, tok.start)
                head = _clause_tokens(text, sentence, tok.start)
                speaker = self.lead_in_subject(para_id, head)
                if speaker is not None:
                    self.remember(para_id, tok.start, speaker)
                    return True, speaker, start, False
            if tok.lower not in _TELL:
                inverted = _inverted(toks, i)
                if inverted is not None and (np_ is None
                                             or toks[np_.first].lower in _OTHER_SUBJECTS):
                    np_ = inverted  # "…, explained Maria Zakharova," / "said Smith:"
            if np_ is None:
                continue
            found = True
            if toks[np_.first].lower in ("i", "we") and np_.last == np_.first + 1:
                return True, None, start, True  # "As I said, “…”": the author's own words
            speaker = self.label(para_id, toks, np_, tok.start)
            if speaker is not None:
                self.remember(para_id, toks[np_.first].start, speaker)
                return True, speaker, start, False
        return found, None, start, False

    def lead_in_speaker(self, para_id: int, toks: list[_Tok]) -> str | None:
        """Who a lead-in without a reporting verb gives the floor to: the owner of a
        statement ("CP Cavafy’s celebrated poem:"), the last person it names, or its
        subject when that can speak ("The Pentagon grasped that …:")."""
        for i, tok in enumerate(toks):
            if tok.word and _possessive(tok.text) and any(
                    t.lower in _LOOSE_SPEECH for t in toks[i + 1:i + 4] if t.word):
                speaker = self.label(para_id, toks, _NP(i, i + 1), tok.start)
                if tok.lower in ("his", "her"):
                    speaker = self.resolve_pronoun("he" if tok.lower == "his" else "she",
                                                   para_id, tok.start)
                if speaker is not None:
                    return speaker
        if toks:
            lo, hi = toks[0].start, toks[-1].end
            people = [m for m in self.mentions.get(para_id, ())
                      if lo <= m.start < hi and m.kind == "person"
                      and not self.inside_quote(para_id, m.start)]
            if people:
                return people[-1].label
        return self.lead_in_subject(para_id, toks)

    def lead_in_subject(self, para_id: int, toks: list[_Tok]) -> str | None:
        """The subject at the start of a clause, after "And", "However," or an opening
        phrase ("In his Foreign Ministry address,"), when it can speak."""
        i = 0
        while i < len(toks) and toks[i].word and toks[i].lower in _LEADING:
            i += 1
        if i < len(toks) and toks[i].lower in _OPENING_PREPOSITIONS:
            comma = next((k for k in range(i, min(len(toks), i + 10)) if toks[k].text == ","),
                         None)
            if comma is None:
                return None
            i = comma + 1
        while i < len(toks) and not toks[i].word:
            i += 1
        return self.label(para_id, toks, _np_forward(toks, i), toks[i].start if i < len(
            toks) else 0)

    def clause_later(self, para_id: int, position: int) -> tuple[bool, str | None]:
        """A reporting clause later in the quotation's sentence: '“became party” to the
        proxy war (…), Russia’s statement read'."""
        text = self.texts[para_id]
        end = self.sentence_end(para_id, position)
        depth = 0
        for i in range(position, min(end, position + 300)):
            ch = text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif ch in "“«„\"" and i > position:
                break
            elif ch == "," and depth == 0:
                found, speaker = self.clause_after(para_id, i)
                if found:
                    return found, speaker
        return False, None

    def reports(self, para_id: int, lo: int, hi: int, *, loose: bool = False) -> str | None:
        """The named source a sentence reports ("…, Lavrov said on Wednesday.", "Lavrov
        predicted:"), or None."""
        text = self.texts[para_id]
        if REPORTING_VERBS.isdisjoint(_ASCII_WORD.findall(text[lo:hi].lower())):
            return None
        toks = _clause_tokens(text, lo, hi)
        persons = self.persons
        speakers = []
        for i, tok in enumerate(toks):
            if not _verb_at(toks, i, REPORTING_VERBS) or (
                    tok.lower in EVALUATION_VERBS and not loose):
                continue
            np_ = _np_backward(toks, i)
            if np_ is None or toks[np_.first].lower in _OTHER_SUBJECTS:
                np_ = _inverted(toks, i)
            speaker = self.label(para_id, toks, np_, tok.start)
            if speaker is not None:
                speakers.append(speaker)
        # "… counter the U.S. claims …, Lavrov said": a person's reporting verb first
        return next((s for s in speakers if s in persons), speakers[0] if speakers else None)

    def lead_in(self, para_id: int) -> tuple[bool, bool, str | None]:
        """Read a paragraph that may introduce the next one: ``(introduces, strong,
        speaker)``. It introduces when it ends with a colon, or a comma after a reporting
        clause; it is *strong* (the next paragraph is speech even without marks) when a
        reporting verb stands among its last five words before the colon ("Lavrov
        predicted:"), or it ends "as follows:" or names a statement ("Cavafy’s poem:")."""
        text = self.texts[para_id]
        stripped = text.rstrip()
        if not stripped.endswith((":", ",")):
            return False, False, None
        body_end = len(stripped) - 1
        found, speaker, start, _ = self.clause_before(para_id, body_end, 0, False)
        colon = stripped.endswith(":")
        if not found and not colon:
            return False, False, None
        toks = _clause_tokens(text, start, body_end)
        if speaker is None and colon:
            speaker = self.lead_in_speaker(para_id, toks)
        last = [t.lower for t in toks if t.word][-5:]
        strong = colon and (any(w in REPORTING_VERBS for w in last)
                            or last[-2:] == ["as", "follows"] or last[-1:] == ["following"]
                            or bool(last) and _bare(last[-1]) in _SPEECH_NOUNS)
        return True, strong, speaker

    # ----------------------------------------------------------------- attribution

    def attribute(self) -> None:
        """Decide each quotation's kind and speaker, in reading order; count its words."""
        texts = self.texts
        lead_ins: dict[int, tuple[bool, bool, str | None]] = {}
        whole_speech: dict[int, str | None] = {}  # para_id -> speaker of a whole-paragraph quote
        quote_end: dict[int, int] = {}  # para_id -> where the last quotation in it ends
        speeches: list[_Quote] = []
        previous_quote: _Quote | None = None
        for q in self.quotes:
            first_para, start, _ = q.parts[0]
            last_para, _, end = q.parts[-1]
            first_text, last_text = texts[first_para], texts[last_para]
            text = q.text
            n_words = q.n_words = len(TOKEN.findall(text))
            open_at = q.open_at if q.open_at is not None else start
            at_start = _at_start(first_text, open_at)
            after_pos = (q.close_at + _close_width(last_text, q.close_at)
                         if q.close_at is not None else len(last_text))
            q.whole = at_start and not _WORD_CHAR.search(last_text, after_pos)
            fragment = not q.whole and (n_words < SENTENCE_MIN_WORDS or not _capitalised(text))
            floor = quote_end.get(first_para, 0)

            found, name, cue = False, None, None
            words = _WORDS_AFTER.match(last_text, after_pos)
            if words is not None:  # ‘final completion’ (Putin’s words)
                toks = _clause_tokens(last_text, words.start(1), words.end(1) + 2)
                name = self.label(last_para, toks, _np_forward(toks, 0), words.start(1))
                found, cue = name is not None, "after"
            if not found and not q.unmarked:
                found, name = self.clause_after(last_para, after_pos)
                cue = "after"
                if found and name is None and fragment and not _pronoun_next(last_text,
                                                                             after_pos):
                    found = False  # "‘…’, it said": no source; "“…,” she added": someone
            if not found and not q.unmarked and previous_quote is not None and (
                    previous_quote.cue == "after" and previous_quote.parts[-1][0] == first_para
                    and not first_text[:open_at].rstrip().endswith((",", ":", ";", *_DASHES))):
                # "“…,” Prelogar said recently about the experience on NPR’s “Wait, Wait …”":
                # the verb is the first quotation's; nothing before this one is read.
                floor = self.sentence_end(first_para, previous_quote.parts[-1][2])
                floor = open_at if floor > open_at else floor
            if not found and not q.unmarked:
                found, name, clause, author = self.clause_before(first_para, open_at, floor,
                                                                 fragment)
                cue = "before"
                lead = first_text[:open_at].rstrip()
                if name is None and lead.endswith((":", *_DASHES)):
                    # "The Pentagon grasped that something had happened – ‘…’"
                    name = self.lead_in_speaker(
                        first_para, _clause_tokens(first_text, clause, open_at))
                    found = found or name is not None
                if found and name is None and fragment and not author:
                    found = False
            if not found and not q.unmarked and fragment and self.same_clause(
                    previous_quote, first_para, open_at):
                # "… we are ‘waiting for Godot’, and ‘will run for it’": the same source
                found, name, cue = True, previous_quote.speaker, previous_quote.cue
            if not found and not q.unmarked and fragment:
                found, name = self.clause_later(last_para, after_pos)
                cue = "after"
                if name is None:
                    found = False
            previous = self.previous(first_para)
            if not found and at_start and previous is not None:
                if previous not in lead_ins:
                    lead_ins[previous] = self.lead_in(previous)
                introduces, _, lead_name = lead_ins[previous]
                if introduces:
                    found, cue, name = True, "lead-in", lead_name
            if not found and at_start and previous in whole_speech:
                found, cue, name = True, "continued", whole_speech[previous]
            if not found and fragment:
                found, name, cue = self.context(q, speeches)
            if not found and (q.whole or (n_words >= SENTENCE_MIN_WORDS and _capitalised(text))):
                found, cue = True, "sentence"
                name = self.follows_speech(q, speeches)
                if name is not None:
                    cue = "continued"
                elif open_at == start or _ends_sentence(first_text, open_at) or at_start:
                    name = self.reported_before(first_para, open_at)
                    cue = "context" if name is not None else cue

            q.kind = "speech" if found else "scare"
            q.cue = cue if found else None
            q.speaker = name if found else None
            if found:
                speeches.append(q)
                if name is not None:
                    self.remember(first_para, open_at, name)
            if found and q.whole:
                whole_speech[last_para] = q.speaker
            quote_end[last_para] = end
            previous_quote = q

    def same_clause(self, previous: _Quote | None, para_id: int, open_at: int) -> bool:
        """True when a fragment shares the attribution of the quotation before it in its
        sentence: a verb before both ("commented that … ‘waiting for Godot’, and ‘will run
        for it’"), or a split quotation ("“A,” X said, “b”")."""
        if previous is None or previous.speaker is None or previous.parts[-1][0] != para_id:
            return False
        text = self.texts[para_id]
        if previous.cue == "after" and not text[:open_at].rstrip().endswith(","):
            return False
        if previous.cue not in ("before", "after"):
            return False
        end = previous.parts[-1][2]
        if previous.text.rstrip()[-1:] in (".", "!", "?"):
            return False  # the quotation before ended its sentence
        return not _SENTENCE_BREAK.search(text, end, open_at)

    def context(self, q: _Quote, speeches: list[_Quote]) -> tuple[bool, str | None, str | None]:
        """A fragment without its own attribution is speech when it repeats an earlier
        quotation ('‘no longer at peace’' after “We are no longer at peace”) or stands
        between two sentences reporting the same source."""
        words = " ".join(TOKEN.findall(q.text.casefold()))
        if " " in words:
            for earlier in reversed(speeches):
                if earlier.speaker is not None and words in self.folded(earlier):
                    return True, earlier.speaker, "repeat"
        para_id, start, _ = q.parts[0]
        last_para, _, end = q.parts[-1]
        lo = self.sentence_start(para_id, start)
        hi = self.sentence_end(last_para, end)
        before = self.sentence_before(para_id, lo)
        after = self.sentence_after(last_para, hi)
        if before is None or after is None or (before[0] != para_id and after[0] != last_para):
            return False, None, None  # one of them at least in the fragment's paragraph
        source = self.reports(*before)
        if source is not None and source == self.reports(*after):
            return True, source, "context"
        return False, None, None

    def folded(self, q: _Quote) -> str:
        """A quotation's words, case-folded and joined by single spaces (kept)."""
        key = id(q)
        if key not in self.folded_texts:
            self.folded_texts[key] = " ".join(TOKEN.findall(q.text.casefold()))
        return self.folded_texts[key]

    def reported_before(self, para_id: int, open_at: int) -> str | None:
        """The source the sentence just before a quotation reports ("President Musharraf
        also said he welcomed … “We would like anybody to play a useful role.”"), in the
        same paragraph or at the end of the previous one."""
        lo = self.sentence_start(para_id, open_at)
        before = self.sentence_before(para_id, lo)
        if before is None:
            return None
        b_para, b_lo, b_hi = before
        if _MARK.search(self.texts[b_para], b_lo, b_hi):
            return None  # a sentence with quotations of its own: those have their speakers
        return self.reports(b_para, b_lo, b_hi, loose=True)

    def sentence_before(self, para_id: int, lo: int) -> tuple[int, int, int] | None:
        """``(para_id, start, end)`` of the sentence before the one starting at ``lo``."""
        if lo > 0:
            return para_id, self.sentence_start(para_id, max(lo - 2, 0)), lo
        previous = self.previous(para_id)
        if previous is None:
            return None
        text = self.texts[previous].rstrip()
        return previous, self.sentence_start(previous, max(len(text) - 1, 0)), len(text)

    def sentence_after(self, para_id: int, hi: int) -> tuple[int, int, int] | None:
        """``(para_id, start, end)`` of the sentence after the one ending at ``hi``."""
        text = self.texts[para_id]
        if _WORD_CHAR.search(text, hi):
            return para_id, hi, self.sentence_end(para_id, hi)
        following = self.following(para_id)
        if following is None:
            return None
        return following, 0, self.sentence_end(following, 0)

    def follows_speech(self, q: _Quote, speeches: list[_Quote]) -> str | None:
        """The speaker of an unattributed whole sentence in quotation marks that follows
        another quotation of a named speaker in the same or the previous paragraph, with
        no other person named between."""
        if not speeches or speeches[-1].speaker is None:
            return None
        earlier = speeches[-1]
        para_id, start, _ = q.parts[0]
        last_para, _, last_end = earlier.parts[-1]
        open_at = q.open_at if q.open_at is not None else start
        text = self.texts[para_id]
        if not (_at_start(text, open_at) or _ends_sentence(text, open_at)):
            return None  # inside the author's sentence: "on NPR’s “Wait, Wait …”"
        if last_para == para_id:
            between = text[last_end:open_at]
        elif last_para == self.previous(para_id) and _at_start(text, open_at):
            between = self.texts[last_para][last_end:]
            if earlier.cue != "after" or not _WORD_CHAR.search(between):
                return None  # a dialogue goes on in turns: no speaker without attribution
        else:
            return None
        # Only the attribution of the quotation before ("“…,” says Azza, over a cup of tea
        # at his workplace. “…”"), or a few words, may stand between them.
        attribution = earlier.cue == "after" and len(_SENTENCE_BREAK.findall(between)) <= 2 and (
            len(TOKEN.findall(between)) <= 30)
        if not attribution and len(TOKEN.findall(between)) > 6:
            return None  # the author speaks between them
        if attribution:
            return earlier.speaker
        between = [m for p in {last_para, para_id} for m in self.mentions.get(p, ())
                   if m.kind == "person" and m.label != earlier.speaker
                   and (p != last_para or m.start >= last_end) and (p != para_id
                                                                    or m.start < start)
                   and not self.inside_quote(p, m.start)]
        return None if between else earlier.speaker


def _could_be_name(word: str) -> bool:
    """False for a capitalised word that names nobody: "It", "December", "Speaker",
    "President", "State", "Citizens" (a title or a body alone is no name)."""
    return not _not_a_name(_bare(word)) and _bare(word).lower() not in FUNCTION_WORDS


def _pronoun_next(text: str, position: int) -> bool:
    """True when "he" or "she" opens the clause after ``position``."""
    word = _FIRST_WORD.match(text, _AFTER_GAP.match(text, position).end())
    return word is not None and word.group().lower() in _PRONOUNS


def _capitalised(text: str) -> bool:
    """True when a quotation starts like a sentence (after any ellipsis or dash)."""
    letters = [ch for ch in text[:12] if ch.isalpha()]
    return bool(letters) and letters[0].isupper()


# --------------------------------------------------------------------------- quotations


def find_quotes(
    paragraphs: pd.DataFrame,
    *,
    lexicon: Lexicon | None = None,
    sentences: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the ``quotes`` table: one row per direct quotation, in reading order.

    ``text`` is the quoted words without the marks (paragraphs of a long quotation joined
    by a blank line); ``start``/``end`` its span in the first paragraph's text and
    ``last_end`` where it ends in the last paragraph (``para_end``). ``kind`` is
    ``speech`` or ``scare``; ``speaker`` is the actor named in the attribution (see the
    module's description), None when unknown. ``cue`` says how the quotation was judged
    speech: ``after`` or ``before`` (a reporting clause or verb), ``lead-in`` (an
    introducing paragraph), ``continued`` (follows a quotation of the same speaker),
    ``context`` (between two sentences reporting one source), ``repeat`` (repeats an
    earlier quotation), ``sentence`` (a whole sentence with no attribution); None for
    scare quotes.

    Speakers are read from the actor mentions: pass ``mentions`` (the table of
    :func:`.actors.find_mentions`, with the names the text introduces, not ``listed_only``)
    and the ``sentences`` they point into; without them, the mentions are found here from
    the paragraphs with ``lexicon`` (or, without a lexicon, the names alone).

    >>> from discourse_workbook.segment import segment_documents
    >>> paragraphs, sentences = segment_documents(pd.DataFrame({"doc_id": ["d"], "text": [
    ...     "Foreign Minister Annalena Baerbock met Radosław Sikorski in Warsaw. "
    ...     "“We welcome cooperation,” she told reporters."]}))
    >>> find_quotes(paragraphs)[["text", "speaker", "kind"]].values.tolist()
    [['We welcome cooperation', 'Annalena Baerbock', 'speech']]
    """
    located = _located_mentions(paragraphs, lexicon, sentences, mentions)
    rows = []
    for doc_id, texts in _documents(paragraphs):
        found = located.get(doc_id, {})
        quotes = [q for q in _document_quotes(texts) if not _inside_name(q, found)]
        if not quotes:
            continue
        _Attribution(texts, quotes, found).attribute()
        for quote_id, q in enumerate(quotes):
            first, last = q.parts[0], q.parts[-1]
            rows.append((doc_id, first[0], last[0], quote_id, q.text, q.speaker, q.kind,
                         q.n_words, first[1], first[2], last[2], q.cue))
    columns = list(zip(*rows, strict=True)) or [()] * len(QUOTE_COLUMNS)
    return pd.DataFrame({
        column: pd.Series(list(values), dtype=QUOTE_DTYPES[column])
        for column, values in zip(QUOTE_COLUMNS, columns, strict=True)
    })


def _inside_name(q: _Quote, mentions: dict[int, list[_Mentioned]]) -> bool:
    """True for a quotation inside a person's name, marks and all: a nickname (Lee “Faker”
    Sang-hyeok, Earvin "Magic" Johnson) is part of the name, neither speech nor a scare
    quote."""
    if len(q.parts) != 1 or q.open_at is None or q.close_at is None:
        return False
    para_id = q.parts[0][0]
    return any(m.kind == "person" and m.start < q.open_at and m.end > q.close_at
               for m in mentions.get(para_id, ()))


def _located_mentions(
    paragraphs: pd.DataFrame,
    lexicon: Lexicon | None,
    sentences: pd.DataFrame | None,
    mentions: pd.DataFrame | None,
) -> dict:
    """``{doc_id: {para_id: [mention, …]}}`` in paragraph coordinates."""
    if mentions is None:
        own = paragraphs.assign(sent_id=paragraphs["para_id"])
        mentions = find_mentions(own, lexicon if lexicon is not None else Lexicon(()))
    elif sentences is not None:
        shift = sentences[["doc_id", "sent_id", "start"]].rename(columns={"start": "shift"})
        mentions = mentions.merge(shift, on=["doc_id", "sent_id"], how="left")
        shift = mentions["shift"].fillna(0).astype("int64")
        mentions = mentions.assign(start=mentions["start"] + shift, end=mentions["end"] + shift)
    else:
        raise ValueError("find_quotes needs the sentences that the mentions point into.")
    located: dict = {}
    columns = ("doc_id", "para_id", "start", "end", "actor", "kind", "alias")
    for doc_id, para_id, start, end, actor, kind, alias in zip(
            *(mentions[c].to_numpy(dtype=object) for c in columns), strict=True):
        located.setdefault(doc_id, {}).setdefault(para_id, []).append(
            _Mentioned(start, end, actor, kind, alias))
    for by_para in located.values():
        for found in by_para.values():
            found.sort()
    return located


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
            quotes.append(_Quote([(para_id, 0, len(text.rstrip()))], None, None,
                                 unmarked=True))
            segments = []
        for seg in segments:
            quote = _Quote([(para_id, seg.start, seg.end)], seg.open_at, seg.close_at)
            quotes.append(quote)
            pending = quote if seg.close_at is None and seg.until is None else None
    quotes = _verse(quotes, para_ids, bodies, marked)
    for q in quotes:
        if len(q.parts) == 1:
            para_id, start, end = q.parts[0]
            q.text = texts[para_id][start:end]
        else:
            q.text = "\n\n".join(texts[p][s:e] for p, s, e in q.parts)
    return [q for q in quotes if _WORD_CHAR.search(q.text)]




def _verse(quotes: list[_Quote], para_ids: list[int], bodies: list[str],
           marked: set[int]) -> list[_Quote]:
    """After a short paragraph taken whole from a strong lead-in ("to paraphrase the
    poem:" then a line of verse), the short lines that follow without quotation marks
    are the quotation's too, each as a quotation of its own."""
    index = {para_id: k for k, para_id in enumerate(para_ids)}
    taken = {q.parts[0][0] for q in quotes}
    added = []
    for q in quotes:
        if not q.unmarked:
            continue
        k = index[q.parts[0][0]]
        if len(TOKEN.findall(bodies[k])) > VERSE_MAX_WORDS:
            continue
        k += 1
        while (k < len(bodies) and not (k in marked and _segments(bodies[k]))
               and para_ids[k] not in taken
               and bodies[k].strip()
               and len(TOKEN.findall(bodies[k])) <= VERSE_MAX_WORDS):
            text = bodies[k]
            start = len(text) - len(text.lstrip())
            added.append(_Quote([(para_ids[k], start, len(text.rstrip()))], None, None,
                                unmarked=True))
            k += 1
    if not added:
        return quotes
    return sorted([*quotes, *added], key=lambda q: (index[q.parts[0][0]], q.parts[0][1]))


def _strong_lead_in(text: str) -> bool:
    """True when a paragraph ends with a colon after a reporting verb among its last five
    words ("Lavrov predicted:"), after "as follows", or after a statement's name ("CP
    Cavafy’s celebrated poem:"): the next paragraph is speech even without marks."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return False
    last = [w.lower() for w in _last_tokens(stripped[:-1], 5)]
    return (any(w in REPORTING_VERBS for w in last) or last[-2:] == ["as", "follows"]
            or last[-1:] == ["following"] or bool(last) and _bare(last[-1]) in _SPEECH_NOUNS)


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

    >>> mark_voice(tables.sentences, tables.quotes)["voice"].value_counts().to_dict()
    {'author': 55, 'quoted': 26}
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

    >>> summarise_voices(tables.quotes, tables.sentences)["speaker"].head(3).tolist()
    ['(author)', 'Sergei Karaganov', 'Maria Zakharova']
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

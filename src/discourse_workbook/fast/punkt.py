"""Punkt's sentence breaks, computed directly: the accelerator of
:func:`discourse_workbook.segment.sentence_spans`.

The reference is NLTK's own tokenizer with the workbook's abbreviations as its only
parameters, ``punkt_tokenizer(abbreviations).span_tokenize(paragraph)`` (NLTK's patterns
compiled by the standard ``re``, see :class:`LanguageVars`). With fixed
parameters (no trained collocations, no sentence starters, no orthographic context)
Punkt's decision at a potential sentence end depends only on the end's context, so this
module takes the same decisions with Punkt's own patterns over a whole document at once,
settles the commonest contexts inline and remembers the rest. The tests compare every
span with the reference, on real and generated text (``tests/fast/test_punkt.py``).
"""

from __future__ import annotations

import re
import string
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib.abc import MetaPathFinder
from itertools import accumulate, chain, repeat
from operator import add


class _WithoutOptionalExtras(MetaPathFinder):
    """Refuses scikit-learn and SciPy while NLTK is first imported.

    Importing any part of NLTK imports the whole package, whose classifiers and
    statistics try scikit-learn and SciPy when they are installed (the corpus comparisons
    install them). Punkt uses neither; loading them costs every worker process about
    0.7 s and 150 MiB. NLTK falls back when they are missing, and they import normally
    afterwards for the code that uses them.
    """

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("sklearn", "scipy"):
            raise ImportError(f"{name} is not needed to split sentences")
        return None


def _import_punkt():
    if "nltk" in sys.modules:
        from nltk.tokenize import punkt
        return punkt
    guard = _WithoutOptionalExtras()
    sys.meta_path.insert(0, guard)
    try:
        from nltk.tokenize import punkt
    finally:
        sys.meta_path.remove(guard)
    return punkt


_punkt = _import_punkt()
PunktLanguageVars = _punkt.PunktLanguageVars
PunktParameters = _punkt.PunktParameters
PunktSentenceTokenizer = _punkt.PunktSentenceTokenizer
PunktToken = _punkt.PunktToken


class LanguageVars(PunktLanguageVars):
    """Punkt's English conventions with its patterns compiled by the standard ``re``.

    NLTK routes every pattern through a time-limited third-party engine to defend
    against patterns supplied by callers; Punkt's own fixed patterns do not need that,
    and ``re`` runs them about three times faster. The patterns are NLTK's, unchanged.
    """

    re_boundary_realignment = re.compile(
        PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE
    )

    def _word_tokenizer_re(self):
        try:
            return self._re_word_tokenizer
        except AttributeError:
            self._re_word_tokenizer = re.compile(
                self._word_tokenize_fmt
                % {
                    "NonWord": self._re_non_word_chars,
                    "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start,
                },
                re.UNICODE | re.VERBOSE,
            )
            return self._re_word_tokenizer

    def period_context_re(self):
        try:
            return self._re_period_context
        except AttributeError:
            self._re_period_context = re.compile(
                self._period_context_fmt
                % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE,
            )
            return self._re_period_context


_NON_PUNCT = re.compile(r"[^\W\d]")


class _Token(PunktToken):
    """Punkt's token with its fixed patterns compiled by the standard ``re``."""

    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")

    @property
    def is_non_punct(self):
        return _NON_PUNCT.search(self.type)


@lru_cache(maxsize=4)
def punkt_tokenizer(abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    """NLTK's Punkt with these abbreviations as its only parameters, its patterns
    compiled by ``re``: the definition of the sentences, which :func:`punkt_spans`
    computes directly."""
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params, lang_vars=LanguageVars(), token_cls=_Token)


# Punkt's own patterns: a potential sentence end with what follows it, the closing
# punctuation that realignment moves onto the sentence before, Punkt's word tokens, and
# its number and initial tokens.
_PERIOD_CONTEXT = LanguageVars().period_context_re()
_REALIGNMENT = LanguageVars.re_boundary_realignment
_CLOSING = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"  # what a realignment starts with
_PUNKT_WORD = LanguageVars()._word_tokenizer_re()
_NUMBER = _Token._RE_NUMERIC
_INITIAL = _Token._RE_INITIAL
_SENTENCE_END = (".", "?", "!")
_NON_WORD = ")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!"  # what ends a Punkt word
_NOT_A_START = tuple(";:,.!?")  # Punkt: no sentence starts with these
_OTHER_SPACES = string.whitespace.replace(" ", "")  # ASCII whitespace but the space
_START = re.Match.start


def _ends_pattern(ends: str) -> re.Pattern:
    """Punkt's pattern for a potential sentence end, for some of its end characters."""
    lang = LanguageVars()
    chars = f"[{re.escape(ends)}]"
    return re.compile(lang._period_context_fmt % {"NonWord": lang._re_non_word_chars,
                                                  "SentEndChars": chars}, re.UNICODE | re.VERBOSE)


# Together they find what _PERIOD_CONTEXT finds; a pattern that starts with one character
# is found far faster than one that starts with a set of three.
_STOP_ENDS, _QUESTION_ENDS, _EXCLAMATION_ENDS = map(_ends_pattern, ".?!")


def punkt_spans(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Punkt's sentence spans of a text:
    ``list(punkt_tokenizer(abbreviations).span_tokenize(text))``."""
    return _punkt_spans(text, 0, len(text), _PERIOD_CONTEXT.finditer(text), abbreviations)


def _punkt_spans(
    text: str, lo: int, hi: int, ends: Iterable[re.Match], abbreviations: frozenset[str],
    plain: bool | None = None,
) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``text[lo:hi]``, as positions in ``text``, given the
    potential sentence ends (matches of Punkt's pattern within ``text[lo:hi]`` alone)
    and, if known, whether the only ASCII whitespace there is the space (``plain``).

    NLTK's steps, taken directly over the text: each potential sentence end with the
    word before it, the decision there (:func:`_is_break`), the slices between breaks,
    and the realignment of closing punctuation (:func:`_realign`). As in NLTK, the word
    before an end starts after the last ASCII whitespace since the previous end, else
    where the previous end's word starts; an end whose word runs on into the next end's
    ("acting!!!") is passed over.
    """
    slices = []
    last_break = lo
    closing = False  # does a slice after the first open with closing punctuation?
    end, word_start, end_start = None, lo, lo
    for match in ends:
        start = match.start()
        if plain is None:
            plain = _plain(text, lo, hi)
        if plain:
            space = text.rfind(" ", end_start, start)
        else:
            space = max(text.rfind(char, end_start, start) for char in string.whitespace)
        word = space + 1 if space > end_start else word_start
        if end is not None and end_start <= word and _is_break(text, end, word_start,
                                                                abbreviations):
            slices.append((last_break, end_start + 1))
            next_token = end.start(2)
            last_break = next_token if next_token >= 0 else end_start + 1
            closing = closing or text[last_break] in _CLOSING
        end, word_start, end_start = match, word, start
    if end is not None and _is_break(text, end, word_start, abbreviations):
        slices.append((last_break, end_start + 1))
        next_token = end.start(2)
        last_break = next_token if next_token >= 0 else end_start + 1
        closing = closing or text[last_break] in _CLOSING
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    slices.append((last_break, hi))
    if closing:
        return _realign(text, slices)
    return slices if last_break < hi else slices[:-1]  # only the last slice can be empty


def _plain(text: str, lo: int, hi: int) -> bool:
    """Is the space the only ASCII whitespace in ``text[lo:hi]``?"""
    return all(text.find(char, lo, hi) < 0 for char in _OTHER_SPACES)


def _is_break(text: str, end: re.Match, word_start: int, abbreviations: frozenset[str]) -> bool:
    """Punkt's decision at a potential sentence end: the word before it, the end and
    what follows (its context) hold a sentence break.

    The commonest contexts are settled here, by the rules :func:`_contains_break`
    applies. A ``?`` or ``!`` is a token of its own and a break, never the last token;
    so is a full stop after nothing or after a mark that ends a Punkt word (``)``,
    ``”``: that mark and the stop are no abbreviation, initial or number). A full stop
    after a word of two or more letters is a break unless the word is an abbreviation;
    after an abbreviation or a run of stops (an ellipsis) there is none unless the next
    token holds a sentence end itself.
    """
    at = end.start()
    if text[at] != ".":
        return True
    word = text[word_start:at]
    if not word:
        return True
    if word.isalpha():
        if len(word) > 1:
            if word.lower() not in abbreviations:
                return True
            if _no_end(end.group(2)):
                return False
    elif word[-1] in _NON_WORD:
        if word[-1] not in abbreviations:
            return True
    elif not word.strip(".") and _no_end(end.group(2)):
        return False
    return _decision(text[word_start:end.end(1)], abbreviations)


def _no_end(token: str | None) -> bool:
    """Is there no token, or one without ``.``, ``?`` or ``!``?"""
    return token is None or ("." not in token and "?" not in token and "!" not in token)


_DECISIONS: dict[frozenset[str], dict[str, bool]] = {}  # abbreviations → context → decision
_MEMORY = 100_000  # contexts remembered per abbreviation list


def _decision(context: str, abbreviations: frozenset[str]) -> bool:
    """:func:`_contains_break`, remembered: with fixed parameters the decision depends on
    the context's text alone, and contexts recur ("U.S. officials")."""
    memo = _DECISIONS.get(abbreviations)
    if memo is None:
        if len(_DECISIONS) >= 4:
            _DECISIONS.clear()
        memo = _DECISIONS[abbreviations] = {}
    decision = memo.get(context)
    if decision is None:
        if len(memo) >= _MEMORY:
            memo.clear()
        decision = memo[context] = _contains_break(context, abbreviations)
    return decision


def _contains_break(context: str, abbreviations: frozenset[str]) -> bool:
    """``punkt_tokenizer(abbreviations).text_contains_sentbreak(context)``: does a token other
    than the last end a sentence?

    Punkt's first pass marks ``.``, ``?`` and ``!`` and every other token ending in one
    full stop that is not an abbreviation; its second pass, with no collocations, no
    sentence starters and no orthographic context, only takes the mark back from an
    initial or a number that the next token shows to be inside a sentence.
    """
    if "\n" in context:  # Punkt tokenizes line by line
        tokens = [token for line in context.split("\n") for token in _PUNKT_WORD.findall(line)]
    else:
        tokens = _PUNKT_WORD.findall(context)
    for token, following in zip(tokens, tokens[1:], strict=False):
        if token[-1] in ".?!" and _ends_sentence(token, following, abbreviations):
            return True
    return False


def _ends_sentence(token: str, following: str, abbreviations: frozenset[str]) -> bool:
    """Punkt's final decision on one token, given the token after it."""
    if token in _SENTENCE_END:
        return True
    if not token.endswith(".") or token.endswith(".."):
        return False  # not a candidate, or an ellipsis
    word = token[:-1].lower()
    if word in abbreviations or word.split("-")[-1] in abbreviations:
        return False
    initial = _INITIAL.match(token) is not None
    kind = _NUMBER.sub("##number##", token.lower())
    if len(kind) > 1 and kind[-1] == ".":
        kind = kind[:-1]
    if initial or kind == "##number##":
        if following in _NOT_A_START or following[0].islower():
            return False  # a following lower-case word or punctuation continues it
        if initial and following[0].isupper():
            return False  # so does a capitalised word after an initial ("J. Bach")
    return True


def _realign(text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's realignment: closing quotes and brackets that open the next slice end
    the sentence before instead; empty slices are dropped."""
    spans = []
    shift = 0
    for (start, end), (next_start, next_end) in zip(slices, slices[1:], strict=False):
        start += shift
        closing = None
        if next_start < next_end and text[next_start] in _CLOSING:
            closing = _REALIGNMENT.match(text, next_start, next_end)
        if closing:
            spans.append((start, next_start + len(closing.group().rstrip())))
            shift = closing.end() - next_start
        else:
            shift = 0
            if start < end:
                spans.append((start, end))
    start, end = slices[-1]
    if start + shift < end:
        spans.append((start + shift, end))
    return spans



def paragraph_spans(
    paragraphs: list[str], abbreviations: frozenset[str]
) -> list[list[tuple[int, int]]]:
    """Punkt's sentence spans of each paragraph of a document, as positions in the
    paragraph: ``[list(punkt_tokenizer(abbreviations).span_tokenize(p)) for p in
    paragraphs]``.

    Punkt's pattern runs once over the paragraphs joined by spaces (split in one pattern
    for the full stop and one each for the rarer ``?`` and ``!``). A match whose context
    runs past the end of its paragraph is not one of the paragraph's own; every other
    match, and its groups, is the same as in the paragraph alone (the space ends a run
    of whitespace and a run of anything else as the end of the text does). A paragraph
    with no match of its own is one sentence.

    >>> paragraph_spans(["Mr. Smith left. He came back.", "Yes"], frozenset({"mr"}))
    [[(0, 15), (16, 29)], [(0, 3)]]
    """
    if not paragraphs:
        return []
    joined = " ".join(paragraphs)
    plain = True if _plain(joined, 0, len(joined)) else None
    after = list(accumulate(map(add, map(len, paragraphs), repeat(1))))  # next one's start
    marks: dict[int, list[re.Match]] = {}  # the ? and ! of each paragraph, if any
    for match in chain(_QUESTION_ENDS.finditer(joined), _EXCLAMATION_ENDS.finditer(joined)):
        i = bisect_right(after, match.start())
        if match.end(1) < after[i]:
            marks.setdefault(i, []).append(match)
    spans: list[list[tuple[int, int]]] = []
    lo = 0
    stops = _own_ends(_STOP_ENDS.finditer(joined), after)
    for i, (paragraph, own) in enumerate(zip(paragraphs, stops, strict=True)):
        hi = lo + len(paragraph)
        if marks and i in marks:
            own = sorted([*own, *marks[i]], key=_START)
        if own:
            found = _punkt_spans(joined, lo, hi, own, abbreviations, plain)
            spans.append([(start - lo, end - lo) for start, end in found])
        else:
            end = len(paragraph.rstrip())
            spans.append([(0, end)] if end else [])
        lo = hi + 1
    return spans


def _own_ends(matches: Iterable[re.Match], after: list[int]) -> Iterator[Sequence[re.Match]]:
    """For each paragraph, in order, the matches of Punkt's pattern in the paragraphs
    joined by spaces that are its own (their context ends in it), given where each
    paragraph's successor starts."""
    i = 0
    own: list[re.Match] = []
    for match in matches:
        at = match.start()
        while at >= after[i]:
            yield own
            own = []
            i += 1
        if match.end(1) < after[i]:
            own.append(match)
    yield own
    yield from repeat((), len(after) - i - 1)

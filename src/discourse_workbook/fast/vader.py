"""VADER's scores, computed in time linear in the sentence: the accelerator of
vaderSentiment's ``SentimentIntensityAnalyzer`` (the reference).

:class:`FastSentimentIntensityAnalyzer` gives exactly the reference's scores (every key,
equal floats, down to the sign of zero) while doing each per-sentence step once instead
of once per word. ``tests/fast/test_vader.py`` compares them on real and generated text.
"""

from __future__ import annotations

import heapq
import math
import string
from collections.abc import Sequence
from functools import cached_property

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    normalize,
)

SCORE_KEYS = ("neg", "neu", "pos", "compound")  # the reference's keys, in its order
_NO_WORDS = (0.0, 0.0, 0.0, 0.0)  # the scores of a text without words
_NO_VALENCE = (0.0, 1.0, 0.0, 0.0)  # of one whose words all score 0
_NEGATIONS = frozenset(NEGATE)
_SO_THIS = ("so", "this")
_PUNCTUATION = string.punctuation


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """VADER with the reference's scores, computed in time linear in the sentence.

    The reference lower-cases the whole sentence again inside its negation and idiom checks,
    i.e. up to four times for every lexicon word (quadratic on long sentences), walks the
    text character by character for emojis, and resolves "but" with ``list.index`` inside a
    loop. Here the words, their lower-case forms, lexicon membership and the emoji test are
    computed once per sentence. Every rule and quirk of the reference is kept, among them:

    - only single-character emojis are replaced by their description;
    - "kind of" and booster words score 0 themselves; "no" before a lexicon word scores 0;
    - the third-word-back negation check multiplies by 1.25 whenever the *previous* word is
      "so" or "this", whatever comes before it (an operator-precedence quirk);
    - the "but" rule halves/boosts the *first* position holding an equal value (the
      reference looks each value up with ``list.index`` while rewriting the list);
    - the sentiment-laden idiom check ("in the red", …) is never applied, as in the
      reference (it is unfinished there).

    >>> FastSentimentIntensityAnalyzer().polarity_scores("Not bad at all")["compound"]
    0.431
    """

    def polarity_scores(self, text):
        if not isinstance(text, str):  # the reference's own (failing) path for non-text
            return super().polarity_scores(text)
        scores: list[float] = []
        self.score_into(text, scores, None)
        neg, neu, pos, compound = scores
        return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}

    def scores_and_words(self, text: str) -> tuple[dict, list[tuple[str, float]]]:
        """Return the sentence's scores (as :meth:`polarity_scores`) and the words that
        carried valence, from one pass: ``(word, valence)`` in reading order, the word in
        lower case as VADER looks it up, the valence after boosters, negation, capitals
        and "but" — the values the reference sums.

        The valences sum to the raw sum before VADER adds the punctuation emphasis ("!",
        "??") and normalises it to the compound; words scoring 0 are left out.

        >>> FastSentimentIntensityAnalyzer().scores_and_words("Not a good day, but GREAT!")[1]
        [('good', -0.703), ('great', 5.7495)]
        """
        scores: list[float] = []
        words: list = []
        self.score_into(text, scores, words)
        pairs = list(zip(words[::2], words[1::2], strict=True))
        return dict(zip(SCORE_KEYS, scores, strict=True)), pairs

    def score_into(self, text: str, scores: list[float], words: list | None) -> int:
        """Score a sentence, appending to flat lists: its four scores (in the order of
        ``SCORE_KEYS``: neg, neu, pos, compound) to ``scores``, and ``word, valence`` for
        each word that carried valence to ``words`` (None: not kept); return the number
        of words.

        The form for scoring many sentences (:meth:`scores_and_words` in bulk): flat lists
        of numbers and strings leave no object per sentence for Python's garbage collector
        to examine again and again while a corpus is scored.
        """
        if not text.isascii() and not self._emoji_chars.isdisjoint(text):  # emojis aren't ASCII
            text = self._describe_emojis(text).strip()
        tokens = text.split()
        if not tokens:
            scores += _NO_WORDS
            return 0
        lower = _lower_words(text, tokens)
        lexicon = self.lexicon
        hits = [i for i, word in enumerate(lower) if word in lexicon]
        if not hits:  # every word scores 0
            scores += _NO_VALENCE
            return 0
        upper = list(map(str.isupper, tokens))  # the same for a word stripped of punctuation
        n_upper = sum(upper)
        is_cap_diff = 0 < n_upper < len(tokens)
        hit_set = set(hits)
        last = len(tokens) - 1
        sentiments: list[float] = [0] * len(tokens)
        for i in hits:
            word = lower[i]
            if word in BOOSTER_DICT or (word == "kind" and i < last and lower[i + 1] == "of"):
                continue
            sentiments[i] = self._word_valence(i, upper, lower, hit_set, is_cap_diff)
        if "but" in lower:
            # Only lexicon positions can hold a non-zero value, and a zero rewritten by the
            # rule stays a zero, which no score reads: the rule runs on those positions only.
            shifted = _shift_around_but([sentiments[i] for i in hits], lower.index("but"), hits)
            for i, value in zip(hits, shifted, strict=True):
                sentiments[i] = value
        self._score_valence(sentiments, hits, text, scores)
        if words is None:
            return 0
        n_words = len(words)
        words += [x for i in hits if sentiments[i] != 0 for x in (lower[i], sentiments[i])]
        return (len(words) - n_words) // 2

    @cached_property
    def _emoji_chars(self) -> frozenset[str]:
        """The emojis the reference replaces: single characters only."""
        return frozenset(key for key in self.emojis if len(key) == 1)

    def _score_valence(self, sentiments: list[float], hits: list[int], text: str,
                       scores: list[float]) -> None:
        """The reference's ``score_valence``, reading only the positions that can be
        non-zero; the scores are appended to ``scores`` in the order of ``SCORE_KEYS``."""
        sum_s = float(sum(sentiments))
        amplifier = self._punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        compound = normalize(sum_s)
        pos_sum = neg_sum = 0.0
        neu_count = len(sentiments)
        for i in hits:
            score = sentiments[i]
            if score > 0:
                pos_sum += float(score) + 1
            if score < 0:
                neg_sum += float(score) - 1
            if score != 0:
                neu_count -= 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        scores += (
            round(math.fabs(neg_sum / total), 3),
            round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3),
            round(compound, 4),
        )

    def _describe_emojis(self, text: str) -> str:
        """Replace each single-character emoji by its description, as the reference does."""
        emojis = self.emojis
        if emojis.keys().isdisjoint(text):
            return text
        parts = []
        prev_space = True
        for char in text:
            if char in emojis:
                if not prev_space:
                    parts.append(" ")
                parts.append(emojis[char])
                prev_space = False
            else:
                parts.append(char)
                prev_space = char == " "
        return "".join(parts)

    def _word_valence(self, i, upper, lower, hits, is_cap_diff) -> float:
        """The valence of lexicon word ``i`` after the reference's rules, in its order.

        ``upper`` tells which words are in capitals, ``hits`` holds the positions of the
        lexicon words and ``lower`` the lower-case words.
        """
        word = lower[i]
        valence = self.lexicon[word]
        if word == "no" and i != len(lower) - 1 and i + 1 in hits:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
        ):
            valence = self.lexicon[word] * N_SCALAR
        if upper[i] and is_cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            before = i - (start_i + 1)
            if i > start_i and before not in hits:
                s = _booster_scalar(lower[before], upper[before], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        return _least_check(valence, lower, hits, i)


def _lower_words(text: str, tokens: list[str]) -> list[str]:
    """VADER's words in lower case: each token stripped of leading and trailing punctuation
    unless that leaves two characters or fewer (":)" stays).

    Lower-casing the whole text at once gives the same words (punctuation has no case, and
    no context of a case rule crosses white space) as long as no character lower-cases to
    more than one ("İ"); otherwise each word is folded on its own, as the reference does.
    """
    folded = text.lower()
    if len(folded) != len(text):
        return [SentiText._strip_punc_if_word(token).lower() for token in tokens]
    return [s if len(s) > 2 else t for t in folded.split() for s in (t.strip(_PUNCTUATION),)]


def _booster_scalar(word: str, is_upper: bool, valence: float, is_cap_diff: bool) -> float:
    """The reference's ``scalar_inc_dec`` on a word already lower-cased."""
    scalar = 0.0
    if word in BOOSTER_DICT:
        scalar = BOOSTER_DICT[word]
        if valence < 0:
            scalar *= -1
        if is_upper and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or "n't" in word


def _negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    """The reference's negation rule for the word ``start_i + 1`` places before word ``i``."""
    if start_i == 0:
        negate = _is_negation(lower[i - 1])
    elif start_i == 1:
        if lower[i - 2] == "never" and lower[i - 1] in _SO_THIS:
            return valence * 1.25
        if lower[i - 2] == "without" and lower[i - 1] == "doubt":
            return valence
        negate = _is_negation(lower[i - 2])
    else:
        if (lower[i - 3] == "never" and lower[i - 2] in _SO_THIS) or lower[i - 1] in _SO_THIS:
            return valence * 1.25
        if lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            return valence
        negate = _is_negation(lower[i - 3])
    return valence * N_SCALAR if negate else valence


# Every idiom and multi-word booster joins two or more different words: a window holding
# fewer than two of their words can match none of them.
_IDIOM_WORDS = frozenset(
    word for phrase in [*SPECIAL_CASES, *BOOSTER_DICT] if " " in phrase for word in phrase.split()
)


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """The reference's idiom rule for lexicon word ``i``: it reads the phrases of two or
    three words from three words before it to two after it."""
    if len(_IDIOM_WORDS.intersection(lower[i - 3 : i + 3])) < 2:
        return valence
    one_zero = f"{lower[i - 1]} {lower[i]}"
    two_one_zero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    two_one = f"{lower[i - 2]} {lower[i - 1]}"
    three_two_one = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    three_two = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zero_one = f"{lower[i]} {lower[i + 1]}"
        if zero_one in SPECIAL_CASES:
            valence = SPECIAL_CASES[zero_one]
    if len(lower) - 1 > i + 1:
        zero_one_two = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zero_one_two in SPECIAL_CASES:
            valence = SPECIAL_CASES[zero_one_two]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _least_check(valence: float, lower: list[str], hits: set[int], i: int) -> float:
    if i > 1 and i - 1 not in hits and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * N_SCALAR
    elif i > 0 and i - 1 not in hits and lower[i - 1] == "least":
        valence = valence * N_SCALAR
    return valence


def _same(a, b) -> bool:
    """Equality as ``list.index`` tests it (identity first, then ==)."""
    return a is b or a == b


def _shift_around_but(
    sentiments: list, but_at: int, positions: Sequence[int] | None = None
) -> list:
    """The reference's "but" rule in O(n log n), with its exact outcome.

    The reference walks the list and, for each value, rewrites the *first* position that
    holds an equal value (``list.index``): halved before "but", times 1.5 after it. The
    value read at step k is always the original one (only positions ≤ k are rewritten), so
    keeping, per value, a heap of the positions that may hold it finds that first position
    without rescanning the list. ``positions`` gives the words' places in the sentence when
    ``sentiments`` holds only some of them (by default, value k is word k).
    """
    positions = range(len(sentiments)) if positions is None else positions
    current = list(sentiments)
    holders: dict[float, list[int]] = {}
    for k, value in enumerate(sentiments):
        heap = holders.setdefault(value, [])
        heapq.heappush(heap, k)
        while not _same(current[heap[0]], value):
            heapq.heappop(heap)
        first = heap[0]
        if positions[first] < but_at:
            new = value * 0.5
        elif positions[first] > but_at:
            new = value * 1.5
        else:
            continue
        current[first] = new
        if not _same(new, value):
            heapq.heappush(holders.setdefault(new, []), first)
    return current

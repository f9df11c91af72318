"""The fast VADER analyser gives exactly vaderSentiment's scores; the group statistics
computed by arrays equal a pandas group-by."""

from __future__ import annotations

import random

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
)

from discourse_workbook.fast.groups import group_statistics, group_statistics_plainly
from discourse_workbook.fast.vader import FastSentimentIntensityAnalyzer, _shift_around_but
from discourse_workbook.resources import EXAMPLE_SENTIMENT_LEXICON, shipped
from discourse_workbook.sentiment import get_analyzer

TRICKY = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "It was never so good, never so bad and never this great.",
    "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass",
    "Without a doubt, excellent idea.",
    "Without doubt, an excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "It is very least helpful, and the least good.",
    "No good, no bad, no or nor love: no no no.",
    "There is no hope or joy, and no war nor peace.",
    "I can't say it's great, but it isn't terrible, but it is sad, but fine.",
    "good good good but good good good bad bad but bad",
    "BUT the ALL CAPS HAPPY LOVE here is GREAT",
    "ALL CAPS EVERYWHERE GREAT HAPPY",
    "it's the bomb, a kiss of death, to die for, yeah right, a beating heart, bus stop",
    "He is kind of kind, sort of nice, just enough good and kind-of sad.",
    "Good kiss of death, great the bomb, bad to die for, nice yeah right, sad bus stop love.",
    "the the good of of bad to to nice, the of to for right good just enough",
    "Kind",
    "so good this good so so good this this bad",
    "What??? Really?? No way!!!!! Amazing!!",
    "“Great”, he said — ‘awful’ — (lovely) [terrible] {nice}…",
    "The U.S. economy isn't doing badly; it's not un-great.",
    "☺ smile ☹ frown 👍👎 together👍",
    "He was ain't happy, neither glad nor sad, despite the praise; seldom happy, rarely sad.",
    "",
    "   ",
    "!!!",
    "Hand to mouth in the red, under the weather, but cooking with gas and in the black.",
    "İstanbul is GREAT and İZMİR is not bad, but ΟΔΟΣ. is ΣΟΦΟΣ, good!",  # case rules
    "A GOOD day\u2028with\xa0great\u3000friends,\tno bad news.",  # other white space
]


# --------------------------------------------------------------------------- the fast analyser


def assert_same_scores(texts):
    fast, reference = get_analyzer(), get_analyzer(reference=True)
    assert isinstance(fast, FastSentimentIntensityAnalyzer)
    assert type(reference) is SentimentIntensityAnalyzer
    for text in texts:
        # repr compares every key, in order, and every float exactly (even the sign of 0)
        assert repr(fast.polarity_scores(text)) == repr(reference.polarity_scores(text)), text


def test_fast_analyser_equals_reference_on_the_inaugural_corpus(inaugural_sentences):
    assert len(inaugural_sentences) > 4000
    assert_same_scores(inaugural_sentences["text"])


def test_fast_analyser_equals_reference_on_the_default_article(scored_article):
    assert_same_scores(scored_article[2]["text"])


def test_fast_analyser_equals_reference_on_tricky_sentences():
    assert_same_scores(TRICKY)
    assert_same_scores([t.upper() for t in TRICKY] + [t.lower() for t in TRICKY])


def quirky_texts(seed: int, count: int) -> list[str]:
    """Generated sentences dense in VADER's rules: lexicon words, idiom and booster words,
    negations, "but", "least", "kind of", emojis and emoticons, capitals, punctuation."""
    reference = get_analyzer(reference=True)
    rng = random.Random(seed)
    pools = [
        list(reference.lexicon)[:3000],
        [w for key in (*SPECIAL_CASES, *BOOSTER_DICT) for w in key.split()],
        list(NEGATE),
        ["no", "never", "so", "this", "without", "doubt", "but", "kind", "of", "least", "at",
         "very", "or", "nor"],
        [e for e in reference.emojis if len(e) == 1][:100] + [":)", ":(", "<3", "!", "??"],
    ]

    def word() -> str:
        w = rng.choice(rng.choice(pools))
        w = w.upper() if rng.random() < 0.15 else w
        return w + rng.choice(["", "", "", ",", "!", "?", "."])

    return [" ".join(word() for _ in range(rng.choice([1, 3, 6, 12, 30]))) for _ in range(count)]


def test_fast_analyser_equals_reference_on_random_quirky_text():
    assert_same_scores(quirky_texts(20240611, 1500))


def test_fast_analyser_equals_reference_on_a_long_sentence(inaugural_sentences):
    words = " ".join(inaugural_sentences["text"]).split()
    rng = random.Random(7)
    long = " ".join(rng.choice(words) for _ in range(300))
    assert_same_scores([long, long + " but not so good", "but " + long])


# --------------------------------------------------------------------------- the words


def reference_words(analyzer: SentimentIntensityAnalyzer, text: str) -> list:
    """The words with a non-zero valence as vaderSentiment computes them: its own
    ``polarity_scores`` up to the sum — each single-character emoji replaced by its
    description, the ``sentiment_valence`` loop (boosters and "kind of" scoring 0), then
    ``_but_check`` — and the raw sum ``score_valence`` starts from."""
    described = []
    for k, char in enumerate(text):
        if char in analyzer.emojis:
            space = "" if k == 0 or text[k - 1] == " " else " "
            described.append(space + analyzer.emojis[char])
        else:
            described.append(char)
    sentitext = SentiText("".join(described).strip())
    words = sentitext.words_and_emoticons
    sentiments = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (
                i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = analyzer._but_check(words, sentiments)
    pairs = [(w.lower(), v) for w, v in zip(words, sentiments, strict=True) if v != 0]
    return pairs, float(sum(sentiments))


def assert_same_words(texts, *, lexicon=None) -> int:
    """The fast analyser's words equal the reference's (every float exactly), its scores
    too, and the valences sum to the reference's raw sum; returns the words compared."""
    fast = get_analyzer(lexicon=lexicon)
    reference = get_analyzer(reference=True, lexicon=lexicon)
    compared = 0
    for text in texts:
        scores, words = fast.scores_and_words(text)
        expected, raw_sum = reference_words(reference, text)
        assert repr(words) == repr(expected), text
        assert sum(v for _, v in words) == raw_sum, text
        assert repr(scores) == repr(reference.polarity_scores(text)), text
        compared += len(words)
    return compared


def test_words_equal_the_reference_on_the_default_article(scored_article):
    assert assert_same_words(scored_article[2]["text"]) > 100


def test_words_equal_the_reference_on_the_inaugural_corpus(inaugural_sentences):
    assert assert_same_words(inaugural_sentences["text"]) > 10_000


def test_words_equal_the_reference_on_tricky_and_generated_text():
    texts = [*TRICKY, *(t.upper() for t in TRICKY), *quirky_texts(18, 4000)]
    assert assert_same_words(texts) > 10_000


def test_words_equal_the_reference_with_an_adjusted_lexicon(write, inaugural_sentences):
    lexicon = write("adjusted.txt", "security\t0\npeace,0\nwar -1\nfreedom 4\n"
                                    "escalation -1.5\nno 0\nkind 1\n")
    texts = [*inaugural_sentences["text"][:1500], *TRICKY, *quirky_texts(19, 1000),
             "No escalation, but security and peace: no war, kind of freedom."]
    assert assert_same_words(texts, lexicon=lexicon) > 3000
    assert_same_words(quirky_texts(20, 300), lexicon=shipped(EXAMPLE_SENTIMENT_LEXICON))


def test_a_sentences_words_carry_its_tone():
    fast = get_analyzer()
    text = "The plan is not bad, but the peace is VERY sad!!"
    scores, words = fast.scores_and_words(text)
    assert [w for w, _ in words] == ["bad", "peace", "sad"]
    assert dict(words)["bad"] > 0  # negated, then halved before "but"
    assert dict(words)["sad"] < -2.1 * 1.5  # boosted by VERY, then ×1.5 after "but"
    assert scores == fast.polarity_scores(text)
    assert fast.scores_and_words("") == ({"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}, [])
    assert fast.scores_and_words("A table.")[1] == []


def but_cases(seed: int, count: int = 3000):
    """Random sentiment lists with "but" somewhere, repeated values and zeros of every kind,
    and what the reference's "but" rule makes of each: ``(rng, sentiments, at, expected)``."""
    rng = random.Random(seed)
    values = [0, 0.0, -0.0, 1.0, 0.5, 2.0, 1.5, -1.0, -0.5, 3.0, 0.75, 2.25]
    for _ in range(count):
        n = rng.randint(1, 12)
        sentiments = [rng.choice(values) for _ in range(n)]
        at = rng.randrange(n)
        words = ["x"] * n
        words[at] = "but"
        yield rng, sentiments, at, SentimentIntensityAnalyzer._but_check(words, list(sentiments))


def test_but_rule_matches_the_reference_on_repeated_values():
    for _, sentiments, at, expected in but_cases(3):
        assert repr(_shift_around_but(sentiments, at)) == repr(expected)


def test_but_rule_on_the_lexicon_positions_only_keeps_every_non_zero_value():
    for rng, sentiments, at, expected in but_cases(5):
        # the positions passed: every non-zero one, and some zeros (a lexicon word can score 0)
        positions = [k for k, v in enumerate(sentiments) if v != 0 or rng.random() < 0.5]
        shifted = _shift_around_but([sentiments[k] for k in positions], at, positions)
        got = dict(zip(positions, shifted, strict=True))
        for k, value in enumerate(expected):
            if value != 0:
                assert repr(got[k]) == repr(value)
            else:
                assert got.get(k, 0) == 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", None]), st.integers(0, 3),
                          st.one_of(st.none(), st.sampled_from([-0.9, -0.05, 0.0, 0.04, 0.05,
                                                                0.1, 0.3333, 0.7]))),
                max_size=30))
def test_group_statistics_equal_a_pandas_group_by(rows):
    frame = pd.DataFrame(rows, columns=["doc_id", "para_id", "compound"])
    frame["compound"] = frame["compound"].astype(float)
    keys = ["doc_id", "para_id"]
    fast = group_statistics(frame, keys, 0.05)
    plain = group_statistics_plainly(frame, keys, 0.05)
    pd.testing.assert_frame_equal(fast, plain, check_dtype=False, check_exact=True)

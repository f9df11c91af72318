"""Invariants under random input: nothing lost, nothing duplicated, nothing raises.

Random Unicode text (odd whitespace, straight and curly quotes, apostrophes, punctuation,
emoji, very long words) and random actor lexicons (valid YAML in the lexicon's format) go
through the pure stage functions in bulk, and through ``process_batch`` and ``analyze``
a few times; each test states what must hold for every input.
"""

from __future__ import annotations

import math
import re
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from discourse_workbook.actors import (
    KINDS,
    find_mentions,
    load_lexicon,
    mention_spans,
    parse_lexicon,
)
from discourse_workbook.clean import (
    CHOICES,
    Furniture,
    clean_text,
    load_furniture,
    normalise_whitespace,
)
from discourse_workbook.pipeline import (
    AnalysisOptions,
    RunOptions,
    analyze,
    iter_documents,
)
from discourse_workbook.pipeline.batch import process_batch
from discourse_workbook.present.plots.style import new_figure, plain
from discourse_workbook.read import Skipped
from discourse_workbook.segment import (
    MAX_SENTENCE_WORDS,
    PARAGRAPH_COLUMNS,
    SENTENCE_COLUMNS,
    TOKEN,
    segment_documents,
)
from discourse_workbook.sentiment import add_sentiment, get_analyzer, score_sentences
from discourse_workbook.terms import count_terms, to_term
from discourse_workbook.voices import find_quotes, mark_voice

matplotlib.use("Agg")

PATTERNS = load_furniture()
LEXICON = load_lexicon()
FAST = get_analyzer()
REFERENCE = get_analyzer(reference=True)
RELAXED = (HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example)


def examples(n: int):
    return settings(max_examples=n, deadline=None, suppress_health_check=RELAXED)


# --------------------------------------------------------------------------- random text

ODD_SPACES = ["\u00a0", "\t", "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u3000",
              "\u2009", "\u202f", "\f", "\v"]
LINE_BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \n", "\n\t\n", "\u2028", "\u2029",
               "\n\n\n\n"]
QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "`"]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "…", "...", "—", "–", "-", "(", ")", "[", "]",
               "/", "*", "#", "&", "$", "%", "<", ">", "?!", ".”", "”.", "’s", "s’", "'s"]
ABBREVIATIONS = ["U.S.", "Mr.", "Dr.", "Dec.", "e.g.", "i.e.", "No.", "St.", "a.m.", "U.K."]
EMOJI = ["😀", "👍🏽", "🇺🇦", "❤️", "👨‍👩‍👧", "🙂", ":-)", "☹", "🤬"]
ENGLISH = ["good", "bad", "war", "peace", "not", "very", "hate", "love", "Russia", "Putin",
           "the", "said", "NO", "great", "terrible", "But", "kind of", "never", "!!!",
           "Lavrov", "Washington", "the West", "Moscow’s", "President"]
MARKUP = ["<script>alert(1)</script>", "<b>", "&amp;", "$\\frac{", "\\", "{}", "^_^"]

words = st.text(st.characters(categories=("L", "M", "N")), min_size=1, max_size=12)
long_words = st.builds(lambda ch, n: ch * n, st.sampled_from("aé-ж’.x"), st.integers(100, 3000))
pieces = st.one_of(
    words,
    words,
    st.just(" "),
    st.just(" "),
    st.sampled_from(ENGLISH),
    st.sampled_from(ODD_SPACES),
    st.sampled_from(LINE_BREAKS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(ABBREVIATIONS),
    st.sampled_from(EMOJI),
    st.sampled_from(MARKUP),
    st.text(max_size=4),
    long_words,
)
texts = st.lists(pieces, max_size=90).map("".join)

# Long runs without a full stop, cheap to generate: a short pattern repeated.
separators = st.sampled_from([" ", " ", ", ", "; ", " – ", " - ", "\u00a0", ": ", " — "])
runaway_texts = st.builds(
    lambda pattern, times: "".join(w + s for w, s in pattern) * times,
    st.lists(st.tuples(words, separators), min_size=1, max_size=12),
    st.integers(30, 400),
)

NOT_CLEAN = re.compile(r"[\t\r\f\v\u00a0\u00ad\u200b\u2028\u2029\u2060\u3000\ufeff]")


def visible(text: str) -> str:
    """The characters of a text that are not whitespace, in order."""
    return re.sub(r"\s", "", text)


def segment_document(doc_id: str, text: str) -> tuple[list[dict], list[dict]]:
    """The paragraph and sentence rows of one document."""
    paragraphs, sentences = segment_documents(pd.DataFrame({"doc_id": [doc_id], "text": [text]}))
    return paragraphs.to_dict("records"), sentences.to_dict("records")


def segments(raw: str, doc_id: str = "doc") -> tuple[str, list[dict], list[dict]]:
    body = clean_text(raw, PATTERNS).body
    paragraphs, sentences = segment_document(doc_id, body)
    return body, paragraphs, sentences


def check_segmentation(text: str, paragraphs: list[dict], sentences: list[dict]) -> None:
    assert visible("".join(p["text"] for p in paragraphs)) == visible(text)
    assert [p["para_id"] for p in paragraphs] == list(range(len(paragraphs)))
    assert [s["sent_id"] for s in sentences] == list(range(len(sentences)))
    assert [s["para_id"] for s in sentences] == sorted(s["para_id"] for s in sentences)
    for para in paragraphs:
        own = [s for s in sentences if s["para_id"] == para["para_id"]]
        text = para["text"]
        assert text and text == text.strip() and "\n\n" not in text
        assert own, f"paragraph {para['para_id']} has no sentence"
        assert para["n_sentences"] == len(own)
        previous_end = 0
        for sentence in own:
            start, end = sentence["start"], sentence["end"]
            assert previous_end <= start < end <= len(text)
            assert text[start:end] == sentence["text"]
            assert visible(text[previous_end:start]) == ""
            previous_end = end
        assert visible(text[previous_end:]) == ""
        assert visible("".join(s["text"] for s in own)) == visible(text)
        assert sum(s["n_tokens"] for s in own) == para["n_tokens"]
        assert para["n_tokens"] == len(TOKEN.findall(text))
        for sentence in own:
            assert sentence["n_tokens"] == len(TOKEN.findall(sentence["text"]))


# --------------------------------------------------------------------------- segmentation


@examples(1200)
@given(texts)
def test_cleaning_then_segmenting_loses_and_duplicates_nothing(raw):
    body, paragraphs, sentences = segments(raw)
    assert not NOT_CLEAN.search(body)
    assert body == reference_joiners(body)  # no stray joiner left
    assert "\n\n\n" not in body and body == body.strip()
    assert [p["text"] for p in paragraphs] == (body.split("\n\n") if body else [])
    check_segmentation(body, paragraphs, sentences)


@examples(600)
@given(texts)
def test_segmenting_uncleaned_text_loses_nothing(raw):
    paragraphs, sentences = segment_document("raw", raw)
    check_segmentation(raw, paragraphs, sentences)


@examples(120)
@given(runaway_texts)
def test_runaway_sentences_are_cut_without_losing_words(raw):
    body, paragraphs, sentences = segments(raw)
    check_segmentation(body, paragraphs, sentences)
    assert all(len(s["text"].split()) <= MAX_SENTENCE_WORDS for s in sentences)


@examples(400)
@given(texts)
def test_cleaning_is_stable(raw):
    body = clean_text(raw, PATTERNS).body
    again = clean_text(body, PATTERNS, detect_title=False, detect_byline=False).body
    assert again == body


# --------------------------------------------------------------------------- cleaning
#
# Whitespace is normalised over whole texts at once; the plain rules below (one regular
# expression after another, every joiner judged by its neighbours) define what it must
# produce, to the character. Cleaning takes lines out and joins the lines of a paragraph;
# it never loses, invents or duplicates a character.

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]")
# Where a joiner may stand: between letters of the scripts that join or form conjuncts
# by it (Arabic to N'Ko, the Brahmic scripts, Tibetan, Myanmar, Khmer, Mongolian,
# Arabic presentation forms), and, for the zero-width joiner, inside emoji sequences.
JOINING = [(0x0600, 0x07FF), (0x0860, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x0FFF),
           (0x1000, 0x109F), (0x1780, 0x18AF), (0xA8E0, 0xA8FF), (0xFB50, 0xFDFF),
           (0xFE70, 0xFEFF)]
PICTOGRAPHS = [(0x2190, 0x21FF), (0x2300, 0x23FF), (0x25A0, 0x27BF), (0x2900, 0x297F),
               (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF)] + [(c, c) for c in (
                   0xA9, 0xAE, 0x203C, 0x2049, 0x2122, 0x2139, 0x24C2, 0x3030, 0x303D,
                   0x3297, 0x3299)]


def within(char: str, ranges: list[tuple[int, int]]) -> bool:
    return bool(char) and any(lo <= ord(char) <= hi for lo, hi in ranges)


def reference_joiners(text: str) -> str:
    """Drop each zero-width (non-)joiner that does not stand where it may."""
    kept = []
    for i, char in enumerate(text):
        if char in "\u200c\u200d":
            before, after = text[i - 1:i], text[i + 1:i + 2]
            if char == "\u200c":
                keep = within(before, JOINING) and within(after, JOINING)
            else:
                keep = ((within(before, JOINING + PICTOGRAPHS) or before == "\ufe0f")
                        and within(after, JOINING + PICTOGRAPHS))
            if not keep:
                continue
        kept.append(char)
    return "".join(kept)


def reference_normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = reference_joiners(_CONTROL.sub("", _INVISIBLE.sub("", _SPACES.sub(" ", text))))
    return re.sub(r" ?\n ?", "\n", re.sub(r" {2,}", " ", text)).strip(" ")


def furniture_from(*lines: str) -> Furniture:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "furniture.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return load_furniture(path)


# Pattern sets with matches that run across line breaks, look around, refer back, match
# nothing, or use letters that fold oddly.
PATTERN_SETS = [
    PATTERNS,
    furniture_from(r"donate\W{1,5}now", r"^share", r"\bko-fi\b"),
    furniture_from(r"\bcopyright\b.{0,30}\n.{0,10}reserved", r"^(?:tag|label)s?:\s.{0,40}$"),
    furniture_from(r"^(?-i:BREAKING)", r"(?i:footer)", r"pay ?pal"),
    furniture_from("\u017fhare this", "^\u212aelvin", r"^\d+ (?:comments?|likes)$"),
    furniture_from("^\u00e9dition", "na\u00efvet\u00e9", r"\bİstanbul\b", "^© \\d{4}"),
    furniture_from(r"(?<=\n)paypal", r"pay(?=pal\b)", r"(donate)\s\1"),
    furniture_from(r"^$", r"x*"),
    furniture_from(r"^a", r"^(?:x|yy)z?$", r"\b(?:a|b)\w{0,3}(?:vet|nav)\b"),
    furniture_from(r"^[^\n]{0,3}home$", r"[a-z]{2}\ndonate"),
]
FURNITURE_WORDS = ["PayPal", "paypal", "pay pal", "Donate", "DONATE now", "donate\nnow",
                   "donate \n\n now", "Ko-fi", "ko-fi", "Share this", "\u017fhare this",
                   "\u017fHARE THIS", "\u212aelvin", "Kelvin", "3 comments", "12 likes",
                   "No comments", "Post a Comment", "Copyright 2024 x\nAll rights reserved",
                   "© 2024", "Tags: a, b", "labels:\tx", "BREAKING", "Breaking", "footer",
                   "\u00c9dition", "\u00e9dition", "NA\u00cfVET\u00c9", "\u0130stanbul",
                   "istanbul", "ISTANBUL", "ıstanbul", "home", "ab home", "a", "x",
                   "comment", "By Ann Lee", "Previous Post", "Follow us on X", "abvet",
                   "b nav", "yyz", "xz", "aa", "Replies"]
furniture_pieces = st.one_of(
    pieces,
    st.sampled_from(FURNITURE_WORDS),
    st.sampled_from(FURNITURE_WORDS),
    st.sampled_from(LINE_BREAKS),
    st.text(st.sampled_from("\n \t\r\x0b\x0c\x1c\x85\u2028\u00a0Kk\u212asS\u017fiI\u0130\u0131"),
            max_size=6),
)
furniture_texts = st.lists(furniture_pieces, max_size=60).map("".join)
ascii_texts = st.text(st.characters(max_codepoint=127), max_size=200)


JOINER_TEXTS = st.lists(st.sampled_from(
    ["\u200d", "\u200c", "\ufe0f", "👨", "👩", "❤", "🔥", "🏽", "म", "ि", "्", "ک", "ی", "a", "é",
     " ", "\n", "\u00ad", "\u200b"]), max_size=20).map("".join)


@examples(1500)
@given(st.one_of(texts, furniture_texts, ascii_texts, JOINER_TEXTS))
def test_whitespace_normalisation_equals_the_plain_rules(raw):
    assert normalise_whitespace(raw) == reference_normalise(raw)


def test_joiners_are_kept_in_emoji_and_in_scripts_that_need_them():
    family, flame_heart = "👨\u200d👩\u200d👧", "❤\ufe0f\u200d🔥"
    persian, devanagari = "می\u200cخواهم", "क्\u200dष"
    for kept in (family, flame_heart, persian, devanagari):
        assert normalise_whitespace(f"Hi {kept} there") == f"Hi {kept} there"
    assert normalise_whitespace("stray\u200d joiner and non\u200cjoiner") == (
        "stray joiner and nonjoiner")
    assert normalise_whitespace("👨\u200d a") == "👨 a"  # no emoji after it


def taken_apart(cleaned) -> Counter:
    """The characters of what cleaning made: title, body and every line taken out."""
    parts = [cleaned.title or "", cleaned.body, *cleaned.removed]
    return Counter(visible("".join(parts)))


@examples(1000)
@given(st.sampled_from([None, *PATTERN_SETS[:5]]), furniture_texts, st.booleans(),
       st.sampled_from(CHOICES))
def test_cleaning_loses_and_invents_nothing(patterns, raw, header, layout):
    cleaned = clean_text(raw, patterns, paragraphs=layout, detect_title=header,
                         detect_byline=header)
    assert taken_apart(cleaned) == Counter(visible(normalise_whitespace(raw)))
    assert cleaned.body == cleaned.body.strip() and "\n\n\n" not in cleaned.body
    assert all("\n" not in line for line in cleaned.removed)
    if not header:
        assert cleaned.title is None and cleaned.author is None


def test_cleaning_real_documents_loses_nothing_whatever_the_line_ends(default_article,
                                                                      inaugural):
    for path in [default_article, *sorted(inaugural.glob("*.txt"))]:
        raw = path.read_bytes().decode("utf-8", errors="replace")
        assert normalise_whitespace(raw) == reference_normalise(raw)
        cleaned = clean_text(raw, PATTERNS)
        assert taken_apart(cleaned) == Counter(visible(normalise_whitespace(raw)))
        for variant in (raw.replace("\n", "\r\n"), raw.replace("\n\n", "\u2029")):
            assert clean_text(variant, PATTERNS) == cleaned


# --------------------------------------------------------------------------- terms


def tables_of(raws: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    paragraphs, sentences, bodies = [], [], {}
    for i, raw in enumerate(raws):
        body, paras, sents = segments(raw, f"d{i}")
        bodies[f"d{i}"] = body
        paragraphs += paras
        sentences += sents
    return (pd.DataFrame(paragraphs, columns=PARAGRAPH_COLUMNS),
            pd.DataFrame(sentences, columns=SENTENCE_COLUMNS), bodies)


@examples(300)
@given(st.lists(texts, min_size=1, max_size=4))
def test_term_counts_add_up_to_the_word_tokens(raws):
    paragraphs, sentences, bodies = tables_of(raws)
    terms = count_terms(sentences)
    assert not terms.duplicated(["doc_id", "term"]).any()
    assert (terms["count"] >= 1).all()
    for doc_id, body in bodies.items():
        own = terms[terms["doc_id"] == doc_id]
        n_tokens = len(TOKEN.findall(body))
        assert own["count"].sum() == n_tokens
        assert sentences.loc[sentences["doc_id"] == doc_id, "n_tokens"].sum() == n_tokens
        assert paragraphs.loc[paragraphs["doc_id"] == doc_id, "n_tokens"].sum() == n_tokens
        expected = Counter(to_term(token) for token in TOKEN.findall(body))
        assert dict(zip(own["term"], own["count"], strict=True)) == expected


def test_term_counts_are_integers_even_without_words():
    sentences = pd.DataFrame({"doc_id": ["d"], "para_id": [0], "sent_id": [0], "text": ["…"]})
    terms = count_terms(sentences)
    assert terms.empty
    assert terms["count"].dtype == "int64"


# --------------------------------------------------------------------------- sentiment


@examples(1500)
@given(st.one_of(texts, st.text(max_size=200)))
def test_sentence_scores_are_in_range_and_equal_the_reference(text):
    scores = FAST.polarity_scores(text)
    assert -1.0 <= scores["compound"] <= 1.0
    assert all(0.0 <= scores[key] <= 1.0 for key in ("pos", "neu", "neg"))
    assert scores == REFERENCE.polarity_scores(text)


@examples(120)
@given(st.lists(texts, min_size=1, max_size=3))
def test_paragraph_and_document_sentiment_are_means_of_sentences(raws):
    paragraphs, sentences, _ = tables_of(raws)
    assume(len(sentences))
    scored = score_sentences(sentences)
    assert scored["compound"].between(-1, 1).all()
    for column in ("pos", "neu", "neg"):
        assert scored[column].between(0, 1).all()
    by_paragraph = add_sentiment(paragraphs, scored)
    assert len(by_paragraph) == len(paragraphs)
    for row in by_paragraph.itertuples():
        own = scored.loc[(scored["doc_id"] == row.doc_id) & (scored["para_id"] == row.para_id),
                         "compound"]
        assert row.n_scored == len(own) == row.n_sentences
        assert math.isclose(row.sentiment, own.mean(), rel_tol=0, abs_tol=1e-12)
        assert row.sentiment_min == own.min() and row.sentiment_max == own.max()
    documents = pd.DataFrame({"doc_id": paragraphs["doc_id"].unique()})
    by_document = add_sentiment(documents, scored, by="doc_id")
    for row in by_document.itertuples():
        own = scored.loc[scored["doc_id"] == row.doc_id, "compound"]
        assert math.isclose(row.sentiment, own.mean(), rel_tol=0, abs_tol=1e-12)


# --------------------------------------------------------------------------- lexicons

LATIN = "abcdefghijklmnopqrstuvwxyzéöłçñ"
CYRILLIC = "абвгдежзиклмнопрстуфя"
name_words = st.text(st.sampled_from(LATIN + CYRILLIC), min_size=1, max_size=8).flatmap(
    lambda w: st.sampled_from([w, w.capitalize(), w.upper()])
)
names = st.builds(
    lambda first, rest: first + "".join(rest),
    name_words,
    st.lists(st.tuples(st.sampled_from([" ", "-", "’", "'", " ", " "]), name_words)
             .map("".join), max_size=2),
)
# Filler and titles come from other scripts, so they never join a name to make another.
filler = st.text(st.sampled_from("αβγδεζηθικλμνξοπρστυφχψω"), min_size=1, max_size=6)
TITLES = ["Պրն", "Նախագահ Մեծ"]


def name_keys(name: str) -> set[str]:
    """What no two names of a lexicon may share (case, apostrophes and spaces aside)."""
    plain_name = " ".join(name.replace("’", "'").split())
    return {plain_name.casefold(), (plain_name[:1].upper() + plain_name[1:]).casefold()}


@st.composite
def lexicons(draw, *, with_ignore: bool = False):
    """``(yaml_text, entries)``: a valid lexicon and, per actor, its label, kind, aliases
    and demonyms."""
    taken: set[str] = set()
    entries = []
    for _ in range(draw(st.integers(1, 8))):
        label = draw(names)
        if name_keys(label) & taken:
            continue
        taken |= name_keys(label)
        groups = []
        for size in (draw(st.integers(0, 3)), draw(st.integers(0, 2))):
            group = []
            for name in draw(st.lists(names, min_size=size, max_size=size)):
                if not name_keys(name) & taken:
                    taken |= name_keys(name)
                    group.append(name)
            groups.append(group)
        entries.append({"label": label, "kind": draw(st.sampled_from(KINDS)),
                        "aliases": groups[0], "demonyms": groups[1]})
    document: dict = {"titles": TITLES, "actors": []}
    for entry in entries:
        actor = {"label": entry["label"], "kind": entry["kind"]}
        if entry["aliases"] or draw(st.booleans()):
            actor["aliases"] = entry["aliases"]
        if entry["demonyms"]:
            actor["demonyms"] = entry["demonyms"]
        if draw(st.booleans()):
            actor["note"] = draw(st.text(max_size=20))
        document["actors"].append(actor)
    if with_ignore:
        document["ignore"] = [n for n in draw(st.lists(names, max_size=3))
                              if not name_keys(n) & taken]
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=draw(st.booleans())), entries


@st.composite
def planted(draw):
    """A lexicon and a text naming some of its actors between filler words."""
    text, entries = draw(lexicons())
    taken = set().union(*(name_keys(n) for e in entries
                          for n in (e["label"], *e["aliases"], *e["demonyms"])))
    expected, parts = [], []
    for _ in range(draw(st.integers(0, 8))):
        entry = draw(st.sampled_from(entries))
        demonym = bool(entry["demonyms"]) and draw(st.booleans())
        name = draw(st.sampled_from(entry["demonyms"] if demonym
                                    else [entry["label"], *entry["aliases"]]))
        if name[:1].islower() and draw(st.booleans()):
            name = name[0].upper() + name[1:]
        title = ""
        if entry["kind"] == "person" and not demonym and draw(st.booleans()):
            title = draw(st.sampled_from(TITLES)) + draw(st.sampled_from([" ", "  ", "\u00a0"]))
        before = draw(filler) + draw(st.sampled_from([" ", " “", " (", ", ", ". ", " — "]))
        after = draw(st.sampled_from(["", "’s", "'s", ",", ".", "”", ")", ":"]))
        if "s" in after and (name_keys(name + "'s") | {"s"}) & taken:
            after = ""  # "Name’s" is a name itself, or its "s" is
        parts.append(before)
        expected.append((title + name, entry["label"], demonym))
        parts.append(title + name + after + " ")
    parts.append(draw(filler))
    return text, "".join(parts), expected


@examples(400)
@given(planted())
def test_random_lexicon_finds_every_planted_name(case):
    text, sentence, expected = case
    lexicon = parse_lexicon(text, source="random.yaml")
    found = mention_spans(sentence, lexicon)
    assert found == mention_spans(sentence, parse_lexicon(text, source="again.yaml"))
    assert [(sentence[m.start:m.end], m.actor, m.demonym) for m in found] == expected
    without = mention_spans(sentence, lexicon, demonyms=False)
    assert not any(m.demonym for m in without)
    assert {m for m in found if not m.demonym} <= set(without)


@pytest.mark.parametrize("text", ["Eugene O’Neill wrote it.", "Eugene O'Neill wrote it."])
def test_a_name_inside_a_word_with_an_apostrophe_is_not_a_mention(text):
    lexicon = parse_lexicon("actors: [{label: Neill, kind: person}]")
    assert TOKEN.findall(text)[1] in ("O’Neill", "O'Neill")
    assert mention_spans(text, lexicon) == []


@examples(300)
@given(lexicons(with_ignore=True), st.lists(texts, min_size=1, max_size=4))
def test_mentions_point_at_their_alias(lexicon_case, raws):
    text, entries = lexicon_case
    lexicon = parse_lexicon(text, source="random.yaml")
    assert [(a.label, a.kind, a.aliases, a.demonyms) for a in lexicon.actors] == [
        (e["label"], e["kind"], (e["label"], *e["aliases"]), tuple(e["demonyms"]))
        for e in entries
    ]
    kinds = {e["label"]: e["kind"] for e in entries}
    names_in_text = [n for e in entries for n in (e["label"], *e["aliases"], *e["demonyms"])]
    sentences = pd.DataFrame(
        [{"doc_id": "d", "para_id": 0, "sent_id": i, "text": raw + " " + name}
         for i, (raw, name) in enumerate(zip(raws, names_in_text * len(raws), strict=False))]
    )
    mentions = find_mentions(sentences, lexicon)
    text_of = dict(zip(sentences["sent_id"], sentences["text"], strict=True))
    previous: dict[int, int] = {}
    for m in mentions.itertuples():
        sentence = text_of[m.sent_id]
        assert sentence[m.start:m.end] == m.alias
        assert m.start >= previous.get(m.sent_id, 0)
        previous[m.sent_id] = m.end
        assert not (m.start and sentence[m.start - 1].isalnum())
        assert not (m.end < len(sentence) and sentence[m.end].isalnum())
        if not m.listed:  # a name the text introduces, not one of the lexicon's
            continue
        assert kinds[m.actor] == m.kind
        again = mention_spans(m.alias, lexicon)
        assert [(a.start, a.end, a.actor) for a in again][:1] == [(0, len(m.alias), m.actor)]


# --------------------------------------------------------------------------- quotations


@examples(400)
@given(st.lists(texts, min_size=1, max_size=3), st.booleans())
def test_quotations_never_raise_and_point_into_their_paragraphs(raws, with_lexicon):
    paragraphs, sentences, _ = tables_of(raws)
    assume(len(paragraphs))
    quotes = find_quotes(paragraphs, lexicon=LEXICON if with_lexicon else None)
    texts_of = {(r.doc_id, r.para_id): r.text for r in paragraphs.itertuples()}
    for _, own in quotes.groupby("doc_id", sort=False):
        assert own["quote_id"].tolist() == list(range(len(own)))
        assert own["para_id"].is_monotonic_increasing
    for q in quotes.itertuples():
        assert q.kind in ("speech", "scare")
        assert q.kind == "speech" or q.speaker is None
        assert q.n_words == len(TOKEN.findall(q.text))
        first = texts_of[q.doc_id, q.para_id]
        last = texts_of[q.doc_id, q.para_end]
        assert 0 <= q.start <= q.end <= len(first)
        assert 0 <= q.last_end <= len(last)
        parts = q.text.split("\n\n")
        assert len(parts) == q.para_end - q.para_id + 1
        assert parts[0] == first[q.start:q.end]
        assert last[:q.last_end].endswith(parts[-1])
    marked = mark_voice(sentences, quotes)
    assert marked["voice"].isin(["author", "quoted"]).all()
    assert marked.loc[marked["voice"] == "author", "speaker"].isna().all()
    assert marked["text"].tolist() == sentences["text"].tolist()


# --------------------------------------------------------------------------- whole batches


def record(doc_id: str, raw: str) -> dict:
    cleaned = clean_text(raw, PATTERNS)
    return {"doc_id": doc_id, "source": f"{doc_id}.txt", "title": cleaned.title,
            "author": cleaned.author, "date": cleaned.date, "encoding": "utf-8",
            "layout": cleaned.layout, "text": cleaned.body, "removed": cleaned.removed,
            "non_prose": []}


def check_tables(tables: dict[str, pd.DataFrame]) -> None:
    """What must hold between the tables of one batch or one run."""
    documents, paragraphs, sentences = (tables[n] for n in ("documents", "paragraphs",
                                                              "sentences"))
    terms, mentions, quotes = tables["terms"], tables["mentions"], tables["quotes"]
    assert documents["doc_id"].is_unique
    for doc in documents.itertuples():
        paras = paragraphs[paragraphs["doc_id"] == doc.doc_id]
        sents = sentences[sentences["doc_id"] == doc.doc_id]
        assert paras["para_id"].tolist() == list(range(doc.n_paragraphs))
        assert sents["sent_id"].tolist() == list(range(doc.n_sentences))
        assert set(sents["para_id"]) == set(paras["para_id"])
        assert doc.n_tokens == sents["n_tokens"].sum() == paras["n_tokens"].sum()
        assert doc.n_tokens == terms.loc[terms["doc_id"] == doc.doc_id, "count"].sum()
        for para in paras.itertuples():
            own = sents.loc[sents["para_id"] == para.para_id, "compound"]
            assert math.isclose(para.sentiment, own.mean(), rel_tol=0, abs_tol=1e-12)
            spans = sents[sents["para_id"] == para.para_id]
            for s in spans.itertuples():
                assert para.text[s.start:s.end] == s.text
    assert sentences["compound"].between(-1, 1).all()
    for column in ("pos", "neu", "neg"):
        assert sentences[column].between(0, 1).all()
    key = sentences.set_index(["doc_id", "sent_id"])["text"]
    for m in mentions.itertuples():
        assert key[m.doc_id, m.sent_id][m.start:m.end] == m.alias
    para_keys = set(zip(paragraphs["doc_id"], paragraphs["para_id"], strict=True))
    assert set(zip(quotes["doc_id"], quotes["para_id"], strict=True)) <= para_keys
    assert set(zip(quotes["doc_id"], quotes["para_end"], strict=True)) <= para_keys


@examples(40)
@given(lexicons(), st.lists(texts, min_size=1, max_size=3), st.booleans())
def test_process_batch_tables_agree(lexicon_case, raws, demonyms):
    text, _ = lexicon_case
    records = [record(f"d{i}", raw) for i, raw in enumerate(raws)]
    records = [r for r in records if r["text"]]
    assume(records)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "actors.yaml"
        path.write_text(text, encoding="utf-8")
        tables = process_batch(records, AnalysisOptions(actors=str(path), demonyms=demonyms))
    assert tables["documents"]["doc_id"].tolist() == [r["doc_id"] for r in records]
    check_tables(tables)
    labels = set(parse_lexicon(text).kinds())
    listed = tables["mentions"][tables["mentions"]["listed"]]
    assert set(listed["actor"]) <= labels
    assert set(listed["rule"]) <= {"lexicon", "demonym", "metonym"}


@pytest.mark.filterwarnings("ignore:skipped")
@settings(max_examples=6, deadline=None, suppress_health_check=[*RELAXED,
          HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=1, max_size=4))
@example(raws=["”", "\u200b\n\n"])  # no word in the whole corpus
def test_analyze_writes_what_its_manifest_says(tmp_path, raws):
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        for i, raw in enumerate(raws):
            (corpus / f"doc{i}.txt").write_text(raw, encoding="utf-8", newline="")
        units = list(iter_documents([corpus]))
        readable = [u["doc_id"] for u in units if not isinstance(u, Skipped)]
        assume(readable)
        tables = analyze([corpus], out=Path(folder) / "out", run=RunOptions(workers=1))
    rows = tables.manifest["rows"]
    for name, table in tables.items():
        assert rows[name] == len(table), name
    assert tables.documents["doc_id"].tolist() == readable
    assert tables.skipped["source"].tolist() == [
        u.source for u in units if isinstance(u, Skipped)
    ]
    check_tables(dict(tables.items()))


# --------------------------------------------------------------------------- figure labels


@pytest.mark.filterwarnings("ignore:Glyph")
@examples(60)
@given(st.one_of(texts, st.text(st.sampled_from("$\\{}^_ab%&#"), max_size=30)))
def test_figure_labels_from_any_text_render_as_text(label):
    import matplotlib.pyplot as plt

    fig, ax = new_figure(width=3, height=2)
    try:
        ax.set_title(plain(label))
        ax.set_xlabel(plain(label, limit=20))
        ax.set_yticks([0], [plain(label, limit=10)])
        fig.canvas.draw()
    finally:
        plt.close(fig)

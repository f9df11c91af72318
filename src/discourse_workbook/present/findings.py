"""The write-up's words: findings, captions and provenance as sentences whose numbers
come from a :class:`~discourse_workbook.stats.summary.Summary` (computed once from the
tables, so that nothing here computes an analysis). Everything shown as HTML is built
with the document's text escaped (a document's text is data, never markup).
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ..stats.overview import excerpt
from ..stats.summary import Summary
from .html import Html, show_sentences

_QUOTE_MARKS = "“”\"‘’'«»„"
_NEEDS_THE = {"United States", "United Kingdom", "European Union", "Kremlin", "Pentagon",
              "White House", "Netherlands", "Philippines"}


# --------------------------------------------------------------------------- wording


def count(n: int, noun: str, plural: str | None = None) -> str:
    """A number with its noun: "1 document", "1,546 paragraphs".

    >>> count(1546, "paragraph"), count(1, "document")
    ('1,546 paragraphs', '1 document')
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def signed(value: float, *, digits: int = 2) -> str:
    """A score with its sign and a true minus: +0.38, −0.35.

    >>> signed(-0.354), signed(1065.83, digits=1)
    ('−0.35', '+1,065.8')
    """
    return f"{value:+,.{digits}f}".replace("-", "−")


def _quoted(text: object, limit: int = 70) -> str:
    return f"“{excerpt(str(text).strip(_QUOTE_MARKS + ' '), limit=limit).strip(_QUOTE_MARKS)}”"


def _list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _the(actor: str, kind: str | None = None) -> str:
    """"the United States", "the West", but "Russia", "Vladimir Putin"."""
    if actor.startswith(("the ", "The ")) or kind == "person":
        return actor
    return f"the {actor}" if actor in _NEEDS_THE or actor.isupper() and kind == "group" else actor


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _tone(value: float, threshold: float) -> str:
    if value >= threshold:
        return "positive"
    if value <= -threshold:
        return "negative"
    return "neutral"


def subject(documents: pd.DataFrame) -> str:
    """Return what was analysed, for a title: “Title” by Author, or "N documents".

    >>> subject(pd.DataFrame({"doc_id": ["a"], "title": ["The West"], "author": ["Ann"]}))
    '“The West” by Ann'
    """
    if len(documents) != 1:
        return count(len(documents), "document")
    row = documents.iloc[0]
    title = row.get("title")
    name = f"“{title}”" if isinstance(title, str) and title.strip() else str(row["doc_id"])
    author = row.get("author")
    return f"{name} by {author}" if isinstance(author, str) and author.strip() else name


def show_subject(documents: pd.DataFrame) -> Html:
    """Return the write-up's heading: what was analysed (escaped)."""
    return Html(f"<h2>{html.escape(subject(documents))}</h2>")


# --------------------------------------------------------------------------- findings


# What each finding rests on: the write-up's figures and tables it cites.
EVIDENCE = {
    "_terms_finding": ("key_terms", "key_or_frequent"),
    "tone_finding": ("paragraph_sentiment", "sentiment_arc"),
    "tone_words_finding": ("tone_words", "tone_dominance"),
    "_paragraph_finding": ("paragraphs_to_read",),
    "_actor_finding": ("actor_mentions", "top_actors"),
    "_company_finding": ("actor_network",),
    "_actor_tone_finding": ("top_actors",),
    "_voices_finding": ("voice_share", "quotations"),
    "_voice_tone_finding": ("voice_share",),
}


def findings(summary: Summary, *, exhibits=None) -> list[str]:
    """Return the key findings as sentences whose numbers come from the summary; with
    the page's :class:`~discourse_workbook.present.exhibits.Exhibits`, each ends by citing
    the figures and tables it rests on."""
    sentences = [_corpus_finding(summary)]
    for finding in (_terms_finding, tone_finding, tone_words_finding, _paragraph_finding,
                    _actor_finding, _company_finding, _actor_tone_finding, _voices_finding,
                    _voice_tone_finding):
        sentence = finding(summary)
        if sentence:
            sentences.append(_cited(sentence, EVIDENCE[finding.__name__], exhibits))
    return sentences


def _cited(sentence: str, names: tuple[str, ...], exhibits) -> str:
    """A finding with its evidence in brackets before the final full stop."""
    known = [name for name in names if exhibits is not None and name in exhibits.numbers]
    if not known:
        return sentence
    figures = [n for n in known if exhibits.numbers[n][0] == "figure"]
    tables = [n for n in known if exhibits.numbers[n][0] == "table"]
    cited = "; ".join(exhibits.cite(*group) for group in (figures, tables) if group)
    return f"{sentence[:-1]} ({cited})."


def show_findings(summary: Summary, *, exhibits=None) -> Html:
    """Return the key findings as a numbered list (escaped HTML)."""
    return show_sentences(findings(summary, exhibits=exhibits), numbered=True)


def _what(summary: Summary) -> str:
    return "The text" if len(summary.documents) == 1 else "The corpus"


def _paragraph_name(summary: Summary, row: dict) -> str:
    where = f"¶ {row['para_id'] + 1}"
    return where if len(summary.documents) == 1 else f"{where} of {row['doc_id']}"


def _corpus_finding(summary: Summary) -> str:
    size = (f"{count(summary.n_paragraphs, 'paragraph')}, "
            f"{count(summary.n_sentences, 'sentence')} and {count(summary.n_words, 'word')}")
    empty = ("" if summary.n_words else
             " It has no words to count, so its terms, tone, actors and voices are empty.")
    if len(summary.documents) == 1:
        return f"The text analysed is {subject(summary.documents)}: {size}.{empty}"
    return (f"The corpus holds {count(len(summary.documents), 'document')} with {size} in "
            f"all.{empty}")


def _terms_finding(summary: Summary) -> str | None:
    counts = summary.frequent
    if not len(counts):
        return None
    frequent = _list([f"“{summary.form(t)}” ({int(c):,})" for t, c in counts.head(3).items()])
    sentence = f"The most frequent content words are {frequent}"
    keys = summary.key_terms
    if keys and set(keys) - set(counts.head(3).index):
        sentence += (f"; the words that most set {_what(summary).lower()} apart from general "
                     f"English are {_list([f'“{summary.form(t)}”' for t in keys])}")
    return sentence + "."


def tone_finding(summary: Summary) -> str | None:
    """Return the sentence on the overall tone (None without sentiment scores)."""
    tone = summary.tone
    if tone is None:
        return None
    return (f"Overall the tone is {_tone(tone['mean'], summary.threshold)}: the mean sentence "
            f"score is {signed(tone['mean'])} (VADER compound, −1 to +1); "
            f"{tone['negative']:.0%} of the {tone['n']:,} sentences are negative and "
            f"{tone['positive']:.0%} positive.")


def tone_words_finding(summary: Summary) -> str | None:
    """Return the sentence on the words that carry the tone, with a warning when a few of
    them carry one side (None without sentiment words)."""
    words = summary.tone_words
    if words is None or not len(words):
        return None
    sides = []
    for side in ("positive", "negative"):
        rows = list(words[words["side"] == side].itertuples())
        named = [f"“{r.word}” ({signed(r.valence, digits=1)} over {r.count:,}"
                 f"{' uses' if k == 0 and r.count != 1 else ' use' if k == 0 else ''})"
                 for k, r in enumerate(rows)]
        if named:
            sides.append(f"{side} tone {'is' if len(named) == 1 else 'are'} {_list(named)}"
                         if not sides else f"of the {side} tone, {_list(named)}")
    lexicon = (f", scored with the adjusted lexicon {Path(summary.sentiment_lexicon).name}"
               if summary.sentiment_lexicon else "")
    sentence = (f"The words that carry most of the {'; '.join(sides)} (sums of VADER "
                f"valence{lexicon}).")
    dominance = summary.dominance
    if dominance is None:
        return sentence
    frequent = set(summary.frequent.index)
    for row in dominance[dominance["dominated"]].itertuples():
        named = row.words.split(", ")
        top = words[(words["side"] == row.side) & (words["word"] == named[0])]
        alone = (f", “{named[0]}” alone {float(top['share'].iloc[0]):.0%}" if len(top) else "")
        also = [f"“{w}”" for w in named if w in frequent]
        among = (f"; {_list(also)} {'is' if len(also) == 1 else 'are'} also among the most "
                 f"frequent words" if also else "")
        sentence += (f" {_capital(_NUMBERS.get(len(named), str(len(named))))} words carry "
                     f"{row.top_share:.0%} of all the {row.side} valence{alone}{among}: the "
                     f"{row.side} tone may reflect what {_what(summary).lower()} is about "
                     "rather than how it judges it (a sentiment lexicon can neutralise such "
                     "words).")
    return sentence


_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def _paragraph_finding(summary: Summary) -> str | None:
    low, high, leaning = summary.darkest, summary.brightest, summary.leaning
    if low is None or high is None:
        return None
    return (f"Of {count(leaning['scored'], 'paragraph')}, {leaning['negative']:,} lean negative "
            f"and {leaning['positive']:,} positive. The most negative is "
            f"{_paragraph_name(summary, low)} ({signed(low['sentiment'])}), which begins "
            f"{_quoted(low['text'])}; the most positive is {_paragraph_name(summary, high)} "
            f"({signed(high['sentiment'])}), which begins {_quoted(high['text'])}.")


def _actor_finding(summary: Summary) -> str | None:
    actors = summary.actors
    if not len(actors):
        return None
    most = int(actors["mentions"].iloc[0])
    tied = actors[actors["mentions"] == most]
    if len(tied) > 1:
        names = _list([_the(str(r.actor), r.kind) for r in tied.head(4).itertuples()])
        more = ", among others," if len(tied) > 4 else ""
        return _capital(f"{names}{more} are the most-mentioned actors, with "
                        f"{count(most, 'mention')} each.")
    top = actors.iloc[0]
    sentence = (f"{_the(str(top.actor), top.kind)} is the most-mentioned actor: "
                f"{count(most, 'mention')} in {int(top.paragraphs):,} of "
                f"{count(summary.n_paragraphs, 'paragraph')}")
    others = [f"{_the(str(r.actor), r.kind)} ({int(r.mentions):,})"
              for r in actors.iloc[1:3].itertuples()]
    if others:
        sentence += f", followed by {_list(others)}"
    return _capital(sentence + ".")


def _company_finding(summary: Summary) -> str | None:
    pairs = summary.pairs
    if not len(pairs):
        return None
    if int(pairs["count"].iloc[0]) < 2:
        return (f"No two actors are named together in more than one paragraph "
                f"({count(len(pairs), 'pair')} once each).")
    kinds = dict(zip(summary.actors["actor"], summary.actors["kind"], strict=True))
    most = int(pairs["count"].iloc[0])
    tied = pairs[pairs["count"] == most]
    names = [f"{_the(a, kinds.get(a))} and {_the(b, kinds.get(b))}"
             for a, b in zip(tied["actor_a"], tied["actor_b"], strict=True)]
    if len(names) > 1:
        more = ", among others" if len(names) > 3 else ""
        return (f"The actors most often named in the same paragraph are "
                f"{', and '.join(names[:3])}{more}: each pair together in "
                f"{count(most, 'paragraph')}.")
    return (f"The actors most often named in the same paragraph are {names[0]}: together in "
            f"{count(most, 'paragraph')}.")


def _actor_tone_finding(summary: Summary, *, min_sentences: int = 5) -> str | None:
    actors = summary.actors
    if not len(actors) or "sentiment" not in actors:
        return None
    enough = actors[(actors["n_sentences"] >= min_sentences) & actors["sentiment"].notna()]
    if len(enough) < 2:
        return None
    low = enough.loc[enough["sentiment"].idxmin()]
    high = enough.loc[enough["sentiment"].idxmax()]
    return (f"Among actors named in at least {min_sentences} sentences, the sentences naming "
            f"{_the(low.actor, low.kind)} are the most negative (mean "
            f"{signed(low.sentiment)} over {int(low.n_sentences)}) and those naming "
            f"{_the(high.actor, high.kind)} the most positive ({signed(high.sentiment)} over "
            f"{int(high.n_sentences)}); a sentence's score is its tone, not necessarily the "
            f"author's attitude to the actor.")


def _voices_finding(summary: Summary) -> str | None:
    speech, scare = summary.speech, summary.n_scare
    if not len(speech) and not scare:
        return None
    if not len(speech):
        return (f"{_what(summary)} quotes no one directly; it puts "
                f"{count(scare, 'word or phrase', 'words or phrases')} in scare quotes.")
    named = speech["speaker"].dropna()
    share = int(speech["n_words"].sum()) / (summary.n_words or 1)
    sentence = (f"{_what(summary)} quotes {count(len(speech), 'passage')} of direct speech "
                f"({share:.0%} of its words)")
    if len(named):
        counts = named.value_counts()
        sentence += f" from {count(named.nunique(), 'named speaker')}"
        if len(counts) == 1 or counts.iloc[0] > counts.iloc[1]:
            sentence += (f", most often {counts.index[0]} "
                         f"({count(int(counts.iloc[0]), 'quotation')})")
    unknown = len(speech) - len(named)
    if unknown:
        sentence += f"; {unknown} could not be attributed"
    return sentence + (f". It also puts {count(scare, 'word or phrase', 'words or phrases')} "
                       "in scare quotes, keeping them at a distance.")


def _voice_tone_finding(summary: Summary) -> str | None:
    if summary.voices is None:
        return None
    split = summary.voices.set_index("voice")
    if not {"author", "quoted"} <= set(split.index) or split.loc["quoted", "n_scored"] < 2:
        return None
    author, quoted = split.loc["author"], split.loc["quoted"]
    return (f"Sentences in the author's own voice average {signed(author.sentiment)} "
            f"({count(int(author.n_scored), 'sentence')}); quoted sentences average "
            f"{signed(quoted.sentiment)} ({count(int(quoted.n_scored), 'sentence')}).")


def provenance(manifest: dict) -> str:
    """Return one sentence on what produced the tables: version, options and sources."""
    analysis = manifest.get("analysis", {})
    sources = [s.get("path", "") for s in manifest.get("sources", [])]
    names = _list([Path(s).name for s in sources]) if sources else "the sources"
    lexicon = manifest.get("lists", {}).get("actors", {}).get("file", "actors.yaml")
    return (f"Tables made by discourse-workbook {manifest.get('version', '?')} on Python "
            f"{manifest.get('python', '?')} from {names}, with the actor lexicon "
            f"{lexicon}, demonyms "
            f"{'counted' if analysis.get('demonyms', True) else 'not counted'} and a neutral "
            f"band of ±{analysis.get('threshold', 0.05):g}; the manifest beside the tables "
            f"records a SHA-256 hash of every source and list.")

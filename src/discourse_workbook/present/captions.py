"""Captions built from the data a chart draws: every number in a caption is counted from
the rows the chart was given, so a caption cannot describe another chart than the one
shown."""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd

from .findings import count, signed

KEY_RULE = "G² ≥ 15.13 and at least twice as frequent as in English"


def _quote(words) -> str:
    words = [f"“{w}”" for w in words]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _forms(rows: pd.DataFrame) -> pd.Series:
    return rows["form"] if "form" in rows.columns else rows["term"]


def top_terms(rows: pd.DataFrame, *, subject: str = "the text") -> str:
    """The caption of :func:`~discourse_workbook.present.plots.terms.plot_top_terms`.

    >>> top_terms(pd.DataFrame({"term": ["war", "peace"], "count": [7, 3]}))
    'The 2 most frequent words of the text, function words left out: from “war” (7) to “peace” (3).'
    """
    if rows.empty:
        return f"The text has no content words to count in {subject}."
    forms = _forms(rows)
    return (f"The {len(rows)} most frequent words of {subject}, function words left out: "
            f"from “{forms.iloc[0]}” ({int(rows['count'].iloc[0]):,}) to “{forms.iloc[-1]}” "
            f"({int(rows['count'].iloc[-1]):,}).")


def key_terms(rows: pd.DataFrame, *, subject: str = "the text") -> str:
    """The caption of :func:`~discourse_workbook.present.plots.terms.plot_key_terms`.

    >>> key_terms(pd.DataFrame({"term": ["nato", "war"], "key": [True, False]}))
    'The 2 content words that most set the text apart from general English (wordfreq), by log-likelihood G²: 1 key (G² ≥ 15.13 and at least twice as frequent as in English), coloured; 1 merely frequent, grey.'
    """  # noqa: E501
    if rows.empty:
        return f"No content word of {subject} is used often enough to be tested for keyness."
    key = int(rows["key"].sum())
    return (f"The {len(rows)} content words that most set {subject} apart from general "
            f"English (wordfreq), by log-likelihood G²: {key} key ({KEY_RULE}), coloured; "
            f"{len(rows) - key} merely frequent, grey.")


def key_against_reference(rows: pd.DataFrame, reference) -> str:
    """The caption of the words key against a reference corpus (``reference``: the
    sources named; none: how to name one).

    >>> key_against_reference(pd.DataFrame(), [])[:32]
    'No reference corpus was named: s'
    """
    if not reference:
        return ("No reference corpus was named: set the parameter reference (or "
                "--reference) to a file or folder to see which words are key against it.")
    named = [reference] if isinstance(reference, str) else reference
    names = ", ".join(PurePath(str(source)).name for source in named)
    if rows.empty:
        return f"No word is key against {names}."
    return (f"The words key against {names}: more frequent here, by G² "
            f"({KEY_RULE.replace('English', 'the reference')}).")


def dispersion(places: pd.DataFrame, items: list[str], documents: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.terms.plot_dispersion`."""
    counts = places["item"].value_counts()
    listed = ", ".join(f"“{item}” ({int(counts.get(item, 0))})" for item in items)
    where = ("from the beginning of the text to its end" if len(documents) <= 1 else
             f"in {count(len(documents), 'document')} laid end to end in reading order")
    return f"Where the words occur, {where}: {listed}; a tick for each occurrence."


def paragraph_sentiment(paragraphs: pd.DataFrame, *, of_documents: int, threshold: float) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.sentiment.
    plot_paragraph_sentiment`, for the paragraphs it draws."""
    documents = paragraphs["doc_id"].nunique()
    which = ("" if documents == of_documents else
             f" (the first {documents} of {of_documents} documents, one panel each)")
    positive = int((paragraphs["sentiment"] >= threshold).sum())
    negative = int((paragraphs["sentiment"] <= -threshold).sum())
    return (f"Tone paragraph by paragraph: the mean VADER compound score of each paragraph's "
            f"sentences, for {count(len(paragraphs), 'paragraph')}{which} in reading order; "
            f"{positive} lean positive (blue), {negative} negative (vermillion), the others "
            f"within ±{threshold:g} (grey band).")


def sentiment_arc(arc: pd.DataFrame, *, window: int, sentences: int = 0) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.sentiment.plot_sentiment_arc`.

    >>> sentiment_arc(pd.DataFrame({"doc_id": ["a"] * 4}), window=3, sentences=9)
    "The tone's arc: the rolling mean of paragraph sentiment over 3 paragraphs, along 4 paragraphs; each point is one of the 9 sentences."
    """  # noqa: E501
    documents = arc["doc_id"].nunique()
    if documents > 1:
        return (f"The tone's arc in {documents} documents: the rolling mean of paragraph "
                f"sentiment over {window} paragraphs, over each document's length "
                f"(0 = its start, 1 = its end).")
    points = f"; each point is one of the {sentences:,} sentences" if sentences else ""
    return (f"The tone's arc: the rolling mean of paragraph sentiment over {window} "
            f"paragraphs, along {count(len(arc), 'paragraph')}{points}.")


def sentence_sentiment(histogram: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.sentiment.
    plot_sentence_sentiment`."""
    n = int(histogram["sentences"].sum())
    tone = histogram.groupby("tone")["sentences"].sum()
    zeros = int(histogram["zeros"].sum())
    return (f"How the {n:,} sentences' scores spread: {int(tone.get('positive', 0)):,} "
            f"positive, {int(tone.get('neutral', 0)):,} neutral, "
            f"{int(tone.get('negative', 0)):,} negative; {zeros:,} score exactly 0 (no word "
            f"of VADER's lexicon).")


def tone_words(words: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.sentiment.plot_tone_words`.

    >>> print(tone_words(pd.DataFrame({"side": ["positive", "negative"], "rank": [1, 1],
    ...     "word": ["peace", "war"], "count": [4, 2], "valence": [7.2, -6.4],
    ...     "share": [0.5, 0.25]})))
    The words that carry the tone: the 1 strongest negative word, led by “war” (−6.4, 25% of the negative valence), and the 1 strongest positive word, led by “peace” (+7.2, 50% of the positive valence); each bar sums a word's VADER valence after its rules.
    """  # noqa: E501
    if words.empty:
        return "No word of VADER's lexicon carries any tone."
    parts = []
    for side in ("negative", "positive"):
        rows = words[words["side"] == side]
        if rows.empty:
            parts.append(f"no {side} word")
            continue
        first = rows.iloc[0]
        parts.append(f"the {len(rows)} strongest {side} word{'s' if len(rows) != 1 else ''}, "
                     f"led by “{first['word']}” ({signed(first['valence'], digits=1)}, "
                     f"{first['share']:.0%} of the {side} valence)")
    return (f"The words that carry the tone: {parts[0]}, and {parts[1]}; each bar sums a "
            "word's VADER valence after its rules.")


def actor_mentions(rows: pd.DataFrame, actors: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.actors.plot_actor_mentions`
    for the ``rows`` it draws, out of all the ``actors``."""
    if rows.empty:
        return "No actor is mentioned."
    listed = int(actors["listed"].sum()) if "listed" in actors else len(actors)
    found = len(actors) - listed
    return (f"The {len(rows)} most-mentioned of {count(len(actors), 'actor')} ({listed} from "
            f"the lexicon, {found} named by the text itself), {int(rows['mentions'].sum()):,} "
            f"of their {int(actors['mentions'].sum()):,} mentions; counts include metonyms "
            f"such as “Moscow” for Russia and, unless switched off, demonyms (the lighter part "
            f"of a bar).")


def actor_positions(positions: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.actors.plot_actor_positions`."""
    if positions.empty:
        return "No actor is mentioned."
    actors = positions["actor"].nunique()
    columns, unit = int(positions["columns"].iloc[0]), positions["unit"].iloc[0]
    along = (f"{count(columns, 'paragraph')} in reading order" if unit == "paragraph" else
             f"{columns} equal stretches of each document")
    return (f"Where each of the {actors} most-mentioned actors is named, along {along}: "
            f"{int(positions['mentions'].sum()):,} mentions in all; darker is more often.")


def actor_network(edges: pd.DataFrame, nodes: pd.DataFrame, *, unit: str) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.actors.plot_actor_network`."""
    if edges.empty:
        return f"No two of the most-mentioned actors are named in the same {unit}."
    top = edges.iloc[0]
    return (f"{count(len(nodes), 'actor')} joined by {count(len(edges), 'pair')} named in the "
            f"same {unit}; the thicker the line, the more {unit}s name both (most: "
            f"{top['actor_a']} and {top['actor_b']}, {count(int(top['count']), unit)}).")


def actor_sentiment(rows: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.actors.plot_actor_sentiment`."""
    scored = rows[rows["sentiment"].notna()]
    if scored.empty:
        return "No sentence naming an actor has a score."
    low = scored.loc[scored["sentiment"].idxmin()]
    high = scored.loc[scored["sentiment"].idxmax()]
    return (f"The mean tone of the sentences naming each of {count(len(scored), 'actor')}, "
            f"from {low['actor']} ({signed(low['sentiment'])}, n = {int(low['n_sentences'])}) "
            f"to {high['actor']} ({signed(high['sentiment'])}, n = "
            f"{int(high['n_sentences'])}); n is the number of sentences, and a mean over one "
            f"or two says little.")


def voice_share(voices: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.actors.plot_voice_shares`."""
    author = voices[voices["speaker"] == "(author)"]
    quoted = voices[voices["speaker"] != "(author)"]
    share = float(author["share"].sum()) if len(author) else 0.0
    return (f"Who speaks: {share:.0%} of the words are the author's own; "
            f"{count(int(quoted['quotes'].sum()), 'direct quotation')} give the other "
            f"{1 - share:.0%} to {count(len(quoted), 'speaker')} (unknown speakers counted "
            f"together).")


# --------------------------------------------------------------------------- a corpus


def _grouping(table: pd.DataFrame) -> str:
    return str(table["grouping"].iloc[0]) if len(table) and "grouping" in table else "group"


def _per(grouping: str) -> str:
    return {"document": "per document", "author": "per author", "year": "per year",
            "decade": "per decade"}.get(grouping, f"per {grouping}")


def group_sentiment(table: pd.DataFrame) -> str:
    """The caption of a tone comparison (:func:`~discourse_workbook.present.plots.compare.
    plot_sentiment_comparison`)."""
    if table.empty:
        return "No group has a scored sentence."
    scored = table[table["sentiment"].notna()]
    low = scored.loc[scored["sentiment"].idxmin()]
    high = scored.loc[scored["sentiment"].idxmax()]
    return (f"Tone {_per(_grouping(table))} ({count(len(table), 'row')}, "
            f"{int(table['sentences'].sum()):,} sentences): the mean of the sentence scores "
            f"with the middle half of them as a bar (first to third quartile); from "
            f"{low['group']} ({signed(low['sentiment'])}) to {high['group']} "
            f"({signed(high['sentiment'])}).")


def key_terms_by_group(table: pd.DataFrame, *, groups: int | None = None) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.compare.
    plot_key_terms_by_group`, whose panels are the ``groups`` compared (default: those
    with a key word).

    >>> key_terms_by_group(pd.DataFrame({"group": ["A", "B"], "term": ["x", "y"]}), groups=3)
    'The words that set each of 3 groups apart from the rest of the corpus (per group), by log-likelihood G² and log ratio, function words left out: 2 key words in all; 1 group has none.'
    """  # noqa: E501
    if table.empty:
        return "No group has words key against the rest of the corpus (it takes two groups)."
    with_keys = table["group"].nunique()
    groups = max(groups or 0, with_keys)
    none = groups - with_keys
    without = (f"; {count(none, 'group')} {'has' if none == 1 else 'have'} none"
               if none else "")
    return (f"The words that set each of {count(groups, 'group')} apart from the rest of the "
            f"corpus ({_per(_grouping(table))}), by log-likelihood G² and log ratio, function "
            f"words left out: {count(len(table), 'key word')} in all{without}.")


def term_trends(table: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.compare.plot_term_trends`."""
    if table.empty:
        return "No words to follow."
    terms = list(dict.fromkeys(table["term"]))
    return (f"How often {_quote(terms)} are used, per 1,000 words, {_per(_grouping(table))} "
            f"({count(table['group'].nunique(), 'point')} each).")


def actors_by_group(table: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.compare.plot_actors_by_group`."""
    if table.empty:
        return "No actor is mentioned."
    return (f"How often each of {count(table['actor'].nunique(), 'actor')} is named, per "
            f"1,000 words, {_per(_grouping(table))}: {int(table['mentions'].sum()):,} "
            f"mentions in all.")


def actor_tone_by_group(table: pd.DataFrame, *, min_sentences: int = 3) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.compare.
    plot_actor_tone_by_group`."""
    scored = table[table["sentences"] >= min_sentences] if len(table) else table
    if scored.empty or not scored["sentiment"].notna().any():
        return (f"No actor is named in {min_sentences} or more scored sentences of any "
                "group.")
    low = scored.loc[scored["sentiment"].idxmin()]
    high = scored.loc[scored["sentiment"].idxmax()]
    return (f"The tone in which each actor is named, {_per(_grouping(table))}: the mean score "
            f"of the sentences naming it, shown where {min_sentences} or more sentences do; "
            f"from {low['actor']} in {low['group']} ({signed(low['sentiment'])}, n = "
            f"{int(low['sentences'])}) to {high['actor']} in {high['group']} "
            f"({signed(high['sentiment'])}, n = {int(high['sentences'])}).")


def voices_by_group(table: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.compare.plot_voices_by_group`."""
    if table.empty or not table["quotes"].sum():
        return "No one is quoted."
    return (f"Who is quoted {_per(_grouping(table))}: {count(int(table['quotes'].sum()), 'quotation')} "  # noqa: E501
            f"of {count(table['speaker'].nunique(), 'speaker')}, as a share of each group's "
            f"words.")


def group_similarity(table: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.compare.plot_group_similarity`."""
    if table.empty:
        return "Nothing to compare."
    return (f"How alike the groups' documents are ({_per(_grouping(table))}): the mean "
            f"cosine similarity of their content words (tf-idf) over "
            f"{int(table['pairs'].sum()):,} pairs of documents; the diagonal compares a "
            f"group's own documents.")


def themes(terms: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.compare.plot_themes`."""
    if terms.empty:
        return "Too few documents to find themes."
    return (f"{count(terms['theme'].nunique(), 'theme')} found by a topic model (NMF over "
            f"tf-idf, seeded): each theme's most weighted words. An exploratory aid, not a "
            f"finding: read the documents before naming a theme.")


def theme_shares(shares: pd.DataFrame) -> str:
    """The caption of :func:`~discourse_workbook.present.plots.compare.plot_theme_shares`."""
    if shares.empty:
        return "Too few documents to find themes."
    return (f"The share of each theme {_per(_grouping(shares))} "
            f"({count(shares['group'].nunique(), 'group')}, "
            f"{count(shares['theme'].nunique(), 'theme')}); exploratory.")

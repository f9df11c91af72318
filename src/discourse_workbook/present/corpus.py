"""The write-up's corpus section: what sets the groups of a corpus apart, in sentences
whose numbers come from the comparison tables
(:func:`~discourse_workbook.stats.compare.compare_groups`), with the figures they cite."""

from __future__ import annotations

from functools import partial

import pandas as pd

from .captions import group_sentiment, key_terms_by_group, term_trends
from .findings import _list, count, signed
from .html import Html, show_sentences
from .plots.compare import plot_key_terms_by_group, plot_sentiment_comparison, plot_term_trends

MAX_GROUPS_NAMED = 8  # groups whose distinctive words a finding lists
KEY_WORDS = 4  # distinctive words listed for each of them


def corpus_findings(results: dict[str, pd.DataFrame], *, forms: dict[str, str] | None = None,
                    exhibits=None) -> list[str]:
    """Return sentences on how the groups of a corpus differ: the words that set the
    largest groups apart, where the tone is highest and lowest, and when the most varying
    words peak. Empty for a corpus of one group.

    >>> from discourse_workbook.stats.compare import compare_groups
    >>> corpus_findings(compare_groups(corpus, by="author", themes=False))[0]
    'Grouped by author, the groups are set apart by these words: Hale by “harbour”; Okafor by “schools”.'
    """  # noqa: E501
    forms = forms or {}
    groups = results.get("groups", pd.DataFrame())
    if len(groups) < 2:
        return []
    found = []
    keys = results.get("key_terms_by_group", pd.DataFrame())
    if len(keys):
        largest = groups.sort_values("documents", ascending=False, kind="stable")
        named = [g for g in largest["group"].head(MAX_GROUPS_NAMED) if g in set(keys["group"])]
        parts = []
        for group in named:
            words = keys[keys["group"] == group].sort_values("g2", ascending=False)["term"]
            parts.append(f"{group} by {_list([f'“{forms.get(w, w)}”' for w in words.head(KEY_WORDS)])}")  # noqa: E501
        grouping = str(groups["grouping"].iloc[0])
        found.append(_cite(f"Grouped by {grouping}, the groups are set apart by these words: "
                           f"{'; '.join(parts)}.", "key_terms_by_group", exhibits))
    else:
        found.append(_cite("No group uses any word markedly more often than the rest of the "
                           "corpus: the groups are too small, or too alike, to tell apart by "
                           "their words.", "key_terms_by_group", exhibits))
    tone = results.get("group_sentiment", pd.DataFrame())
    scored = tone[tone["sentiment"].notna()] if len(tone) else tone
    if len(scored) >= 2:
        low = scored.loc[scored["sentiment"].idxmin()]
        high = scored.loc[scored["sentiment"].idxmax()]
        found.append(_cite(f"The tone is lowest in {low['group']} (mean sentence score "
                           f"{signed(low['sentiment'])} over {count(int(low['sentences']), 'sentence')}) "  # noqa: E501
                           f"and highest in {high['group']} ({signed(high['sentiment'])}).",
                           "group_sentiment", exhibits))
    trends = results.get("term_trends", pd.DataFrame())
    if len(trends) and trends["group"].nunique() > 1:
        peaks = trends.loc[trends.groupby("term", sort=False)["rate"].idxmax()]
        parts = [f"“{forms.get(r.term, r.term)}” in {r.group} ({r.rate:.2f} per 1,000 words)"
                 for r in peaks.head(5).itertuples()]
        found.append(_cite(f"The most varying words peak as follows: {_list(parts)}.",
                           "term_trends", exhibits))
    return found


def _cite(sentence: str, name: str, exhibits) -> str:
    if exhibits is None or name not in exhibits.numbers:
        return sentence
    return f"{sentence[:-1]} ({exhibits.cite(name)})."


def show_corpus(results: dict[str, pd.DataFrame], exhibits, *,
                forms: dict[str, str] | None = None) -> Html:
    """The corpus section of a write-up, under its heading: its findings, then the tone
    per group, the words that set each group apart and the words' trends, as numbered
    figures written with their data; nothing for a single document or group."""
    groups = results.get("groups", pd.DataFrame())
    if len(groups) < 2:
        return Html("")
    parts = ["<h2>Across the corpus</h2>",
             show_sentences(corpus_findings(results, forms=forms, exhibits=exhibits))]
    names = list(groups["group"])
    charts = [
        ("group_sentiment", plot_sentiment_comparison, group_sentiment),
        ("key_terms_by_group", partial(plot_key_terms_by_group, all_groups=names),
         partial(key_terms_by_group, groups=len(names))),
        ("term_trends", plot_term_trends, term_trends),
    ]
    for name, draw, caption in charts:
        table = results[name]
        parts.append(exhibits.figure(name, draw(table), table, caption(table)))
    return Html("".join(str(part) for part in parts))

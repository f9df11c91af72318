"""Exploring in JupyterLab: a word's concordance and dispersion, an actor's company.

:func:`explore_terms` and :func:`explore_actors` return an ipywidgets explorer when
``interactive`` is true (a notebook open in JupyterLab), and otherwise a static view of a
default choice — the top key term, the most-mentioned actor — so that an exported report
shows tables and a chart, never a dead widget. Both views are built by the same functions
(:func:`term_view`, :func:`actor_view`) and every text in them is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ..errors import InputError
from ..pipeline.store import Tables
from ..stats.actors import company, mention_contexts
from ..stats.context import dispersion, kwic
from ..stats.frequencies import term_frequencies
from ..stats.keyness import keyness_general
from .html import Html, for_reader, show_figure, table_html
from .plots.terms import plot_dispersion

TOP = 15
WINDOW = 8


# --------------------------------------------------------------------------- choices


def default_term(tables: Tables) -> str | None:
    """Return the term to show first: the top key term against general English (a content
    word used more often than in English), else the most frequent content word, else None.

    >>> default_term(tables)
    'eurasian'
    """
    terms = tables.terms
    if not len(terms):
        return None
    content = terms["term"].str.contains(r"[^\W\d_]", regex=True)
    keys = keyness_general(terms[content], by="corpus")
    keys = keys[(keys["direction"] == "positive") & keys["key"] & ~keys["stopword"]]
    if len(keys):
        return str(keys["term"].iloc[0])
    frequent = term_frequencies(terms[content], by="corpus", stopwords=False)
    return str(frequent["term"].iloc[0]) if len(frequent) else None


def actor_choices(tables: Tables) -> list[str]:
    """Return the actors mentioned, most mentioned first."""
    actors = tables.actors
    if not len(actors):
        return []
    ordered = actors.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable")
    return [str(a) for a in ordered["actor"]]


# --------------------------------------------------------------------------- views


@dataclass
class TermView:
    """What the explorer shows for a word or phrase."""

    term: str
    concordance: pd.DataFrame
    dispersion: pd.DataFrame
    occurrences: int


def term_view(tables: Tables, term: str, *, window: int = WINDOW, top: int = TOP) -> TermView:
    """Return the concordance (first ``top`` lines, ``window`` words either side) and the
    dispersion of a word or phrase.

    >>> term_view(tables, "security").occurrences
    18
    """
    lines = kwic(tables.paragraphs, tables.sentences, term, window=window)
    places = dispersion(tables.sentences, [term])
    return TermView(term, lines.head(top).reset_index(drop=True), places, len(lines))


@dataclass
class ActorView:
    """What the explorer shows for an actor."""

    actor: str
    contexts: pd.DataFrame
    company: pd.DataFrame
    mentions: int


def actor_view(tables: Tables, actor: str, *, window: int = WINDOW, top: int = TOP) -> ActorView:
    """Return an actor's first ``top`` mentions in context and the actors named with it.

    >>> actor_view(tables, "Russia").company["actor"].head(2).tolist()
    ['United States', 'Ukraine']
    """
    contexts = mention_contexts(tables.mentions, tables.sentences, actor, window=window)
    return ActorView(actor, contexts.head(top), company(tables.mentions, actor).head(top),
                     len(contexts))


# --------------------------------------------------------------------------- rendering


def _heading(text: str) -> str:
    return f"<h4 style='margin: 0.8em 0 0.3em'>{html.escape(text)}</h4>"


def _note(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def render_term(tables: Tables, term: str, *, window: int = WINDOW, top: int = TOP) -> str:
    """Return the HTML of a term's concordance and dispersion plot (text escaped)."""
    try:
        view = term_view(tables, term, window=window, top=top)
    except (InputError, ValueError) as err:
        return _note(str(err))
    parts = [_heading(f"“{term}” in context: {view.occurrences} occurrence"
                      f"{'' if view.occurrences == 1 else 's'}")]
    if not view.occurrences:
        parts.append(_note("The text never uses it; try another word or phrase."))
        return "".join(parts)
    shown = f"the first {len(view.concordance)}" if view.occurrences > top else "every line"
    parts.append(_note(f"Keyword in context ({shown}, up to {window} words either side):"))
    parts.append(table_html(for_reader(view.concordance)))
    figure = show_figure(plot_dispersion(view.dispersion, tables.documents, items=[term]),
                         f"Where “{term}” occurs, from the beginning to the end of the text.")
    parts.append(str(figure))
    return "".join(parts)


def render_actor(tables: Tables, actor: str, *, window: int = WINDOW, top: int = TOP) -> str:
    """Return the HTML of an actor's mentions in context and its company (text escaped)."""
    view = actor_view(tables, actor, window=window, top=top)
    parts = [_heading(f"{actor}: {view.mentions} mention{'' if view.mentions == 1 else 's'}")]
    if not view.mentions:
        parts.append(_note("The text never mentions this actor."))
        return "".join(parts)
    shown = f"the first {len(view.contexts)}" if view.mentions > top else "every mention"
    parts.append(_note(f"Mentions in their sentence ({shown}; alias = the name as written):"))
    parts.append(table_html(for_reader(view.contexts)))
    if len(view.company):
        parts.append(_note(f"Actors named together with {actor} (number of sentences and of "
                           "paragraphs that name both):"))
        parts.append(table_html(view.company))
    else:
        parts.append(_note(f"No other actor is named in a sentence or paragraph with {actor}."))
    return "".join(parts)


# --------------------------------------------------------------------------- explorers


def explore_terms(
    tables: Tables,
    *,
    term: str | None = None,
    window: int = WINDOW,
    top: int = TOP,
    interactive: bool = True,
):
    """Return a term explorer: type a word or phrase, see its concordance and dispersion.

    With ``interactive=False`` (exported reports, whose page already shows the top key
    term's concordance and dispersion) return a sentence saying what the explorer does.

    Example: ``explore_terms(tables)`` in JupyterLab.
    """
    if not interactive:
        return Html(_note("In JupyterLab, this cell is an explorer: type any word or phrase "
                          "to see its concordance and where it occurs."))
    term = term or default_term(tables) or ""
    import ipywidgets as widgets

    box = widgets.Text(value=term, description="Word or phrase", continuous_update=False,
                       placeholder="e.g. security", style={"description_width": "initial"})
    width = widgets.IntSlider(value=window, min=1, max=20, description="Words either side",
                              continuous_update=False, style={"description_width": "initial"})
    output = widgets.HTML(value=render_term(tables, term, window=window, top=top) if term else "")

    def update(_change=None) -> None:
        wanted = box.value.strip()
        output.value = (render_term(tables, wanted, window=width.value, top=top) if wanted
                        else _note("Type a word or a phrase."))

    box.observe(update, names="value")
    width.observe(update, names="value")
    return widgets.VBox([widgets.HBox([box, width]), output])


def explore_actors(
    tables: Tables,
    *,
    actor: str | None = None,
    window: int = WINDOW,
    top: int = TOP,
    interactive: bool = True,
):
    """Return an actor explorer: pick an actor, see its mentions in context and the actors
    named with it.

    With ``interactive=False`` (exported reports) return the static view of ``actor``
    (default: the most-mentioned actor) instead of a widget.

    Example: ``explore_actors(tables)`` in JupyterLab.
    """
    choices = actor_choices(tables)
    actor = actor or (choices[0] if choices else None)
    if not interactive or not choices:
        return Html(render_actor(tables, actor, window=window, top=top) if actor
                    else _note("The text mentions no actor of the lexicon."))
    import ipywidgets as widgets

    if actor not in choices:
        choices = [actor, *choices]
    picker = widgets.Dropdown(options=choices, value=actor, description="Actor")
    output = widgets.HTML(value=render_actor(tables, actor, window=window, top=top))

    def update(change) -> None:
        output.value = render_actor(tables, change["new"], window=window, top=top)

    picker.observe(update, names="value")
    return widgets.VBox([picker, output])

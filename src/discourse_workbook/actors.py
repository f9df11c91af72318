"""Actors: the people, states, organisations, groups and regions a text names.

Actors come from an editable lexicon (``resources/actors.yaml``) that maps each actor to
its names: aliases, metonyms (Moscow → Russia) and, marked as such, demonyms ("Russian").
All names of a lexicon are compiled into one regular expression built from a trie, so a
text is scanned once whatever the size of the lexicon, the longest name wins at each
position and no pattern can backtrack more than the length of one name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, combinations, pairwise
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import yaml

from .errors import InputError
from .patterns import trie_pattern
from .resources import ACTORS, load_stopwords, shipped
from .segment import TOKEN

KINDS = ("person", "state", "organisation", "group", "region")
ACTOR_KEYS = ("label", "kind", "aliases", "metonyms", "demonyms", "note")
TOP_KEYS = ("titles", "ignore", "actors")

MENTION_COLUMNS = ["doc_id", "para_id", "sent_id", "actor", "kind", "alias", "demonym",
                   "listed", "rule", "start", "end"]
MENTION_DTYPES = {"doc_id": "str", "para_id": "int64", "sent_id": "int64", "actor": "str",
                  "kind": "str", "alias": "str", "demonym": "bool", "listed": "bool",
                  "rule": "str", "start": "int64", "end": "int64"}
ACTOR_COLUMNS = ["actor", "kind", "listed", "mentions", "demonym_mentions", "paragraphs",
                 "documents", "first_position", "last_position", "sentiment", "n_sentences"]
ACTOR_DTYPES = {"actor": "str", "kind": "str", "listed": "bool", "mentions": "int64",
                "demonym_mentions": "int64", "paragraphs": "int64", "documents": "int64",
                "first_position": "float64", "last_position": "float64",
                "sentiment": "float64", "n_sentences": "int64"}
COOCCURRENCE_COLUMNS = ["actor_a", "actor_b", "count"]
CANDIDATE_COLUMNS = ["name", "count", "documents", "example"]

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})
_CHAR_PATTERN = {" ": r"\s+", "'": "['’]", "-": "[-‐‑]"}
_ARTICLE = re.compile(r"[Tt]he\s+")
_HAS_WORD = re.compile(r"[^\W_]")
_POSSESSIVE = re.compile(r"['’]s?$")
# Lower-case words allowed inside a multiword name ("League of Arab States").
_CONNECTORS = frozenset({"of", "for", "on", "the", "de", "da", "del", "di", "du", "la", "le",
                         "van", "von", "der", "den", "al", "bin", "ibn", "el"})
# Punctuation after which a capital letter says nothing about a name.
_OPENING = re.compile(r"[.:;!?“\"‘(\[–—…]")
_CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})


# --------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True)
class Actor:
    """One actor of the lexicon: its label, kind and the names that count for it.

    ``metonyms`` are places standing for the actor (Moscow for Russia): they count like
    aliases, but a mention of one is judged in context (see :mod:`.names`).
    """

    label: str
    kind: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The actors, the titles that may precede a person's name, and ignored names.

    Compared and hashed by identity, so that looking up its compiled matcher in a
    cache costs nothing however large the lexicon is.
    """

    actors: tuple[Actor, ...]
    titles: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    source: str = "<lexicon>"

    def kinds(self) -> dict[str, str]:
        """Return ``{label: kind}`` for every actor."""
        return {actor.label: actor.kind for actor in self.actors}

    def to_frame(self) -> pd.DataFrame:
        """Return one row per name: actor, kind, alias, demonym (bool), metonym (bool).

        >>> table = load_lexicon().to_frame()
        >>> table[table["alias"].isin(["Moscow", "Russians"])].values.tolist()
        [['Russia', 'state', 'Moscow', False, True], ['Russia', 'state', 'Russians', True, False]]
        """
        rows = [(a.label, a.kind, name, False, False) for a in self.actors for name in a.aliases]
        rows += [(a.label, a.kind, name, False, True) for a in self.actors for name in a.metonyms]
        rows += [(a.label, a.kind, name, True, False) for a in self.actors for name in a.demonyms]
        return pd.DataFrame(rows, columns=["actor", "kind", "alias", "demonym", "metonym"])


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and check an actor lexicon (default: the shipped ``actors.yaml``).

    A malformed file raises :class:`InputError` naming the file and the line.

    >>> load_lexicon().kinds()["Vladimir Putin"]
    'person'
    """
    path = Path(path) if path is not None else shipped(ACTORS)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path} does not exist (no actor lexicon there).") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text.") from None
    except OSError as err:
        raise InputError(f"{path} cannot be read ({err.strerror or err}).") from None
    return parse_lexicon(text, source=str(path))


def parse_lexicon(text: str, *, source: str = "<lexicon>") -> Lexicon:
    """Build a :class:`Lexicon` from the YAML text of a lexicon file (see actors.yaml).

    >>> parse_lexicon("actors: [{label: Russia, kind: state, aliases: [Moscow]}]").kinds()
    {'Russia': 'state'}
    """
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = err.problem or err.context or "syntax error"
        if err.context and err.context_mark and mark and err.context_mark.line != mark.line:
            problem += f", {err.context} that starts on line {err.context_mark.line + 1}"
        raise InputError(f"{source}{where} is not valid YAML ({problem}).") from None
    except yaml.YAMLError as err:
        raise InputError(f"{source} is not valid YAML ({err}).") from None
    if root is None:
        raise InputError(f"{source} is empty (it needs an 'actors:' list).")
    top = _mapping(root, source, "the file", TOP_KEYS)
    if "actors" not in top:
        raise InputError(f"{source} line {_line(root)} has no 'actors:' list.")
    titles = tuple(v for v, _ in _names(top.get("titles"), source, "title"))
    ignore = _names(top.get("ignore"), source, "ignored name")
    actors_node = top["actors"]
    if not isinstance(actors_node, yaml.SequenceNode):
        raise InputError(f"{source} line {_line(actors_node)}: 'actors' must be a list of entries.")

    owners: dict[str, tuple[str, int]] = {}  # name key -> (actor label, line)
    actors = []
    for node in actors_node.value:
        actors.append(_actor(node, source, owners))
    for name, line in ignore:
        for variant in _variants(name):
            if _key(variant) in owners:
                owner, first = owners[_key(variant)]
                raise InputError(f"{source} line {line}: ignored name '{name}' is a name of "
                                 f"{owner} (line {first}).")
    return Lexicon(tuple(actors), titles, tuple(v for v, _ in ignore), source)


def _actor(node, source: str, owners: dict[str, tuple[str, int]]) -> Actor:
    """Check one actor entry and claim its names in ``owners`` (name key → label, line)."""
    fields = _mapping(node, source, "an actor entry", ACTOR_KEYS)
    line = _line(node)
    label = _scalar(fields.get("label"), source, line, "the actor entry has no label")
    kind = _scalar(fields.get("kind"), source, line, f"the actor '{label}' has no kind")
    if kind not in KINDS:
        raise InputError(f"{source} line {_line(fields['kind'])}: kind '{kind}' of {label} is "
                         f"not one of {', '.join(KINDS)}.")
    if any(owner == label for owner, _ in owners.values()):
        raise InputError(f"{source} line {line}: the label '{label}' is used by two actors.")
    aliases = [(label, _line(fields["label"]))] + _names(fields.get("aliases"), source, "alias")
    metonyms = _names(fields.get("metonyms"), source, "metonym")
    demonyms = _names(fields.get("demonyms"), source, "demonym")
    kept: dict[str, list[str]] = {"alias": [], "metonym": [], "demonym": []}
    for role, names in (("alias", aliases), ("metonym", metonyms), ("demonym", demonyms)):
        for name, name_line in names:
            keys = {_key(v) for v in _variants(name)}
            claimed = [owners[k] for k in keys if k in owners]
            if any(owner != label for owner, _ in claimed):
                owner, first = next((o, n) for o, n in claimed if o != label)
                raise InputError(f"{source} line {name_line}: '{name}' is claimed by both "
                                 f"{owner} (line {first}) and {label}.")
            if claimed:
                continue  # the same name twice for one actor: keep it once
            owners.update({key: (label, name_line) for key in keys})
            kept[role].append(name)
    return Actor(label, kind, tuple(kept["alias"]), tuple(kept["demonym"]),
                 tuple(kept["metonym"]))


def _compose(text: str, *, fast: bool = True) -> yaml.Node | None:
    """The YAML node tree of a text: built by libyaml when PyYAML has it (about ten times
    faster, the same nodes), else, and to report an error in the words quoted to users,
    by PyYAML's own parser."""
    loader = getattr(yaml, "CSafeLoader", None) if fast else None
    if loader is not None:
        with suppress(yaml.YAMLError):
            return yaml.compose(text, Loader=loader)
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _line(node) -> int:
    return node.start_mark.line + 1


def _mapping(node, source: str, what: str, allowed: tuple[str, ...]) -> dict:
    if not isinstance(node, yaml.MappingNode):
        raise InputError(f"{source} line {_line(node)}: {what} must be a mapping of keys "
                         f"({', '.join(allowed)}).")
    fields: dict = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in allowed:
            raise InputError(f"{source} line {_line(key_node)}: unknown key '{key}' in {what} "
                             f"(expected {', '.join(allowed)}).")
        if key in fields:
            raise InputError(f"{source} line {_line(key_node)}: the key '{key}' is repeated.")
        fields[key] = value_node
    return fields


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _scalar(node, source: str, line: int, missing: str) -> str:
    """A required one-line value; ``missing`` is the message when it is absent."""
    if node is None or _is_null(node) or (isinstance(node, yaml.ScalarNode)
                                          and not node.value.strip()):
        raise InputError(f"{source} line {line}: {missing}.")
    if not isinstance(node, yaml.ScalarNode):
        raise InputError(f"{source} line {_line(node)}: expected a single name, not a list "
                         f"or a mapping.")
    return " ".join(node.value.split())


def _names(node, source: str, what: str) -> list[tuple[str, int]]:
    """A list of names (or one name) with their line numbers; empty when absent."""
    if node is None or _is_null(node):
        return []
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    names = []
    for item in items:
        if not isinstance(item, yaml.ScalarNode) or _is_null(item):
            raise InputError(f"{source} line {_line(item)}: an empty or nested {what}; "
                             f"each {what} must be a name.")
        name = " ".join(item.value.split())
        if not name:
            raise InputError(f"{source} line {_line(item)}: an empty {what}.")
        if not _HAS_WORD.search(name):
            raise InputError(f"{source} line {_line(item)}: the {what} '{name}' has no letters.")
        names.append((name, _line(item)))
    return names


def _key(name: str) -> str:
    """A name as the matcher compares it: one space, one apostrophe, one hyphen."""
    return _SPACES.sub(" ", name.translate(_APOSTROPHES)).strip()


def _variants(name: str) -> set[str]:
    """A name, and with a capital first letter when it starts in lower case."""
    if name[:1].islower():
        return {name, name[0].upper() + name[1:]}
    return {name}


# --------------------------------------------------------------------------- matching


class Mention(NamedTuple):
    """One actor mention in a text: ``text[start:end]`` is the name as written.

    ``listed``: the actor is the lexicon's; ``rule``: why the mention counts — ``lexicon``
    (an alias), ``demonym``, ``metonym``, or one of the rules of :mod:`.names` for a name
    the text introduces.
    """

    start: int
    end: int
    actor: str
    kind: str
    demonym: bool
    metonym: bool = False
    listed: bool = True
    rule: str = "lexicon"


class _Entry(NamedTuple):
    actor: str | None  # None: an ignored name
    kind: str
    demonym: bool
    article: bool  # the matched text starts with "the", which is not part of the name
    metonym: bool = False


class _Matcher(NamedTuple):
    pattern: re.Pattern[str]  # tells a titled person from a name, at a known start
    scan: re.Pattern[str]  # finds the same matches, quickly
    entries: dict[str, _Entry]


_BOUNDARY = r"(?<!\w)(?<!\w['’])"
_AFTER_FIRST = r"(?<!\w.)(?<!\w['’].)"  # the same test, made after a one-letter start


def _trie_pattern(keys: Iterable[str]) -> str:
    """A pattern matching any of ``keys``, longest first; a space stands for any white
    space, an apostrophe or a hyphen for any of its forms."""
    return trie_pattern(keys, _CHAR_PATTERN)


@lru_cache(maxsize=8)
def _matcher(lexicon: Lexicon, demonyms: bool) -> _Matcher:
    entries: dict[str, _Entry] = {}
    for actor in lexicon.actors:
        names = [(n, False, False) for n in actor.aliases]
        names += [(n, False, True) for n in actor.metonyms]
        names += [(n, True, False) for n in actor.demonyms] if demonyms else []
        for name, is_demonym, is_metonym in names:
            for variant in _variants(name):
                entries[_key(variant)] = _Entry(actor.label, actor.kind, is_demonym, False,
                                                is_metonym)
    for name in lexicon.ignore:
        for variant in _variants(name):
            entries.setdefault(_key(variant), _Entry(None, "", False, False))
    # "the West" must not swallow the start of "the West Bank": give every name that
    # continues an article-led name its own "the ..." form, matched as the longer name.
    for key in [k for k in entries if k[:4].lower() == "the "]:
        rest = key[4:]
        for other, entry in list(entries.items()):
            if other != rest and other.startswith(rest) and entry.actor != entries[key].actor:
                for article in ("the ", "The "):
                    entries.setdefault(article + other, entry._replace(article=True))
    persons = [k for k, e in entries.items() if e.kind == "person" and not e.demonym]
    branches = []
    titles = {_key(v) for t in lexicon.titles for v in _variants(t)}
    if titles and persons:
        branches.append(f"(?P<title>{_trie_pattern(titles)})\\s+(?P<person>"
                        f"{_trie_pattern(persons)})")
    if entries:
        branches.append(f"(?P<name>{_trie_pattern(entries)})")
    body = "|".join(branches) or "(?!)"
    pattern = re.compile(rf"{_BOUNDARY}(?:{body})(?!\w)")
    return _Matcher(pattern, _scan_pattern(titles, persons, entries) or pattern, entries)


def _scan_pattern(
    titles: set[str], persons: list[str], names: Iterable[str]
) -> re.Pattern[str] | None:
    """A pattern that finds where the matcher's pattern may match: the titles and names,
    each spelled as its first letter, then the word-boundary test, then the rest.

    A pattern whose every alternative starts with a letter lets the regular expression
    engine skip to the next candidate letter instead of trying every position: about five
    times faster on running text. It matches wherever the matcher's pattern does (and
    after a title with no person's name too), so the matcher's pattern is tried only
    there. None when a title or name starts with something other than a letter or digit.
    """
    keys = sorted({*(titles if persons else ()), *names})
    if not keys or not all(key[:1].isalnum() for key in keys):
        return None
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(key[0], []).append(key[1:])
    alternatives = [f"{re.escape(first)}{_AFTER_FIRST}(?:{_trie_pattern(rest)})"
                    for first, rest in groups.items()]
    return re.compile(f"(?:{'|'.join(alternatives)})(?!\\w)")


def mention_spans(text: str, lexicon: Lexicon, *, demonyms: bool = True) -> list[Mention]:
    """Return the actor mentions in one text, in reading order.

    Whole words only, longest name first; a title before a person's name ("President
    Putin") is part of the mention; a possessive ("Putin’s") counts.

    >>> mention_spans("President Putin’s visit", load_lexicon())[0].end
    15
    """
    matcher = _matcher(lexicon, demonyms)
    found = []
    for match in _matches(matcher, text):
        start, end = match.span()
        if match.group("name") is not None:
            entry = matcher.entries[_key(match.group("name"))]
            if entry.article:
                start += _ARTICLE.match(text, start).end() - start
        else:
            entry = matcher.entries[_key(match.group("person"))]
        if entry.actor is not None:
            rule = "demonym" if entry.demonym else "metonym" if entry.metonym else "lexicon"
            found.append(Mention(start, end, entry.actor, entry.kind, entry.demonym,
                                 entry.metonym, True, rule))
    return found


def _matches(matcher: _Matcher, text: str) -> Iterator[re.Match[str]]:
    """The matches of the matcher's pattern in ``text``, as ``finditer`` gives them, the
    pattern being tried only where its quick scan matches."""
    position = 0
    while (hit := matcher.scan.search(text, position)) is not None:
        match = matcher.pattern.match(text, hit.start())
        if match is None:  # a title with no person's name after it
            position = hit.start() + 1
        else:
            position = match.end()
            yield match


def find_mentions(
    sentences: pd.DataFrame,
    lexicon: Lexicon,
    *,
    demonyms: bool = True,
    listed_only: bool = False,
) -> pd.DataFrame:
    """Return the ``mentions`` table: one row per actor mention in the sentences.

    ``alias`` is the name as written and ``start``/``end`` its span in the sentence's
    text; ``demonym`` tells a demonym ("Russian") from a name. ``listed`` is True for the
    lexicon's actors and False for the people and organisations a document introduces
    itself (:mod:`.names`); ``rule`` says why each mention counts: ``lexicon``, ``demonym``,
    ``metonym`` for the lexicon's names, else the rule of :func:`.names.find_names`
    (``title``, ``first-name``, ``apposition``, ``reporting-verb``, ``recurring-surname``,
    ``nickname``, ``organisation``, ``repeat``, ``surname-link``, ``nickname-link``,
    ``person-context``). Names are linked within a document (rows of one ``doc_id``) only.

    ``demonyms=False`` leaves demonyms out; ``listed_only=True`` counts the lexicon's
    names alone, as written, without judging metonyms in context.

    >>> from discourse_workbook.segment import segment_documents
    >>> _, sentences = segment_documents(pd.DataFrame({"doc_id": ["d"], "text": [
    ...     "Foreign Minister Annalena Baerbock met Putin. Baerbock spoke first."]}))
    >>> find_mentions(sentences, load_lexicon())[["actor", "alias", "rule"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Annalena Baerbock', 'Foreign Minister Annalena Baerbock', 'title'],
     ['Vladimir Putin', 'Putin', 'lexicon'],
     ['Annalena Baerbock', 'Baerbock', 'surname-link']]
    """
    texts = sentences["text"].tolist()
    keys = list(zip(*(sentences[c].tolist() for c in ("doc_id", "para_id", "sent_id")),
                    strict=True))
    if listed_only:
        found = ((i, m, 0) for i, m in _mentions_in_texts(texts, lexicon, demonyms))
    else:
        found = _document_mentions(texts, [k[0] for k in keys], lexicon, demonyms)
    rows = []
    for i, m, shift in found:
        start, end = m.start - shift, m.end - shift
        rows.append((*keys[i], m.actor, m.kind, texts[i][start:end], m.demonym,
                     m.listed, m.rule, start, end))
    return _frame(rows, MENTION_COLUMNS, MENTION_DTYPES)


def _document_mentions(
    texts: list[str], doc_ids: list, lexicon: Lexicon, demonyms: bool
) -> list[tuple[int, Mention, int]]:
    """``(index of the text, mention, where the text starts)`` for the lexicon's names and
    the names each document introduces, in the order of the texts; a document's texts are
    read together (joined by a separator that no name crosses), in the order given, and a
    mention's span in its text is ``start - shift``."""
    from .names import find_names

    by_document: dict = {}
    for i, doc_id in enumerate(doc_ids):
        by_document.setdefault(doc_id, []).append(i)
    found: list[tuple[int, Mention, int]] = []
    for indices in by_document.values():
        parts = [texts[i] for i in indices]
        joined = _SEPARATOR.join(parts)
        if joined.count(_SEPARATOR) != len(parts) - 1:  # a text holds the separator
            parts = [part.replace(_SEPARATOR, "\x01") for part in parts]
            joined = _SEPARATOR.join(parts)
        starts = list(accumulate((len(part) + 1 for part in parts), initial=0))
        listed = mention_spans(joined, lexicon, demonyms=demonyms)
        judged = find_names(joined, listed, lexicon)
        kept = [m for j, m in enumerate(listed) if j not in judged.dropped]
        kept += [Mention(n.start, n.end, n.label, n.kind, False, False, False, n.rule)
                 for n in judged.names]
        kept.sort(key=itemgetter(0))
        for m in kept:
            k = bisect_right(starts, m.start) - 1
            found.append((indices[k], m, starts[k]))
    if any(a[0] > b[0] for a, b in pairwise(found)):  # documents interleaved in the table
        found.sort(key=lambda item: (item[0], item[1].start - item[2]))
    return found


_SEPARATOR = "\0"  # not part of any name, and not a word character


def _mentions_in_texts(
    texts: list[str], lexicon: Lexicon, demonyms: bool
) -> Iterator[tuple[int, Mention]]:
    """Yield ``(index of the text, mention in it)`` for many texts, scanned as one string.

    One scan of the joined texts finds what a scan of each would: the separator is no
    part of a name and counts as a word boundary, like the start or end of a text.
    """
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != max(len(texts) - 1, 0):  # a text holds the separator
        for i, text in enumerate(texts):
            for m in mention_spans(text, lexicon, demonyms=demonyms):
                yield i, m
        return
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    for m in mention_spans(joined, lexicon, demonyms=demonyms):
        i = bisect_right(starts, m.start) - 1
        yield i, m._replace(start=m.start - starts[i], end=m.end - starts[i])


def _frame(rows: list[tuple], columns: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """A table with a fixed column order and dtypes, also when there are no rows."""
    return pd.DataFrame({
        column: pd.Series([row[i] for row in rows], dtype=dtypes[column])
        for i, column in enumerate(columns)
    })


# --------------------------------------------------------------------------- summaries


def summarise_actors(
    mentions: pd.DataFrame, sentences: pd.DataFrame, lexicon: Lexicon
) -> pd.DataFrame:
    """Return the ``actors`` table: one row per actor mentioned, most mentioned first.

    - ``kind``: the lexicon's for its actors, else the kind the text gave (person or
      organisation); ``listed``: the actor is the lexicon's.
    - ``mentions``: occurrences (demonyms included when the mentions table has them;
      ``demonym_mentions`` says how many); ``paragraphs``, ``documents``: how many
      distinct paragraphs and documents mention the actor.
    - ``first_position``, ``last_position``: where the first and last mention stand in
      their document, as the sentence's index over the document's last sentence index
      (0 = first sentence, 1 = last); the smallest and largest over the documents.
    - ``sentiment``: mean VADER compound of the distinct sentences that mention the actor
      (a sentence naming it twice counts once), NaN when sentences have no ``compound``
      column; ``n_sentences``: how many sentences that mean rests on.

    >>> actors = summarise_actors(tables.mentions, tables.sentences, load_lexicon())
    >>> actors[["actor", "mentions", "listed"]].head(2).values.tolist()
    [['Russia', 21, True], ['United States', 18, True]]
    """
    if mentions.empty:
        return _frame([], ACTOR_COLUMNS, ACTOR_DTYPES)
    last_index = (sentences.groupby("doc_id")["sent_id"].size() - 1).clip(lower=1)
    m = mentions.assign(position=mentions["sent_id"] / mentions["doc_id"].map(last_index))
    if "listed" not in m.columns:
        m = m.assign(listed=True)
    by_actor = m.groupby("actor", sort=False)
    summary = by_actor.agg(
        mentions=("actor", "size"),
        listed=("listed", "any"),
        demonym_mentions=("demonym", "sum"),
        documents=("doc_id", "nunique"),
        first_position=("position", "min"),
        last_position=("position", "max"),
        mention_kind=("kind", "first"),
    )
    summary["paragraphs"] = m.drop_duplicates(["actor", "doc_id", "para_id"]).groupby(
        "actor").size()
    distinct = m.drop_duplicates(["actor", "doc_id", "sent_id"])[["actor", "doc_id", "sent_id"]]
    summary["n_sentences"] = distinct.groupby("actor").size()
    if "compound" in sentences.columns:
        scores = distinct.merge(sentences[["doc_id", "sent_id", "compound"]],
                                on=["doc_id", "sent_id"], how="left")
        summary["sentiment"] = scores.groupby("actor")["compound"].mean()
    else:
        summary["sentiment"] = float("nan")
    kinds = lexicon.kinds()
    summary["kind"] = [kinds.get(a, k) if listed else k for a, k, listed in zip(
        summary.index, summary["mention_kind"], summary["listed"], strict=True)]
    summary = summary.reset_index()
    summary = summary.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable")
    return summary[ACTOR_COLUMNS].astype(ACTOR_DTYPES).reset_index(drop=True)


def cooccurrence(mentions: pd.DataFrame, *, unit: str = "sentence") -> pd.DataFrame:
    """Return how often two actors are named in the same sentence (or paragraph).

    One row per unordered pair (``actor_a`` < ``actor_b``); ``count`` is the number of
    units that name both, most frequent first.

    >>> cooccurrence(tables.mentions, unit="paragraph").head(2).values.tolist()
    [['Eurasia', 'the West', 5], ['Russia', 'United States', 5]]
    """
    units = {"sentence": "sent_id", "paragraph": "para_id"}
    if unit not in units:
        raise InputError(f"unit must be 'sentence' or 'paragraph', not {unit!r}.")
    key = ["doc_id", units[unit]]
    counts: Counter[tuple[str, str]] = Counter()
    for _, actors in mentions.drop_duplicates([*key, "actor"]).groupby(key)["actor"]:
        counts.update(combinations(sorted(actors), 2))
    rows = sorted(((a, b, n) for (a, b), n in counts.items()), key=lambda r: (-r[2], r[0], r[1]))
    return _frame(rows, COOCCURRENCE_COLUMNS,
                  {"actor_a": "str", "actor_b": "str", "count": "int64"})


# --------------------------------------------------------------------------- candidates


def find_candidates(
    sentences: pd.DataFrame,
    lexicon: Lexicon,
    *,
    min_count: int = 2,
    stopwords: frozenset[str] | None = None,
) -> pd.DataFrame:
    """Return capitalised names the lexicon does not cover, most frequent first.

    A candidate is a run of capitalised words ("Primakov Readings Forum", with "of",
    "for" … allowed inside; a possessive ends it) outside every lexicon mention. A name
    counts only if it is capitalised somewhere other than at the start of a sentence or
    after an opening quotation mark or colon; a single word written more often in lower
    case, function words (``stopwords``, default: the workbook's list), titles, months and
    weekdays never count. ``example`` is the first sentence using the name.

    >>> find_candidates(tables.sentences, load_lexicon(), min_count=2)["name"].tolist()
    ['Euro-Atlantic', 'Primakov Readings Forum']
    """
    if stopwords is None:
        stopwords = load_stopwords()
    skip = set(stopwords) | {_key(t).casefold() for t in lexicon.titles} | _CALENDAR
    lower: Counter[str] = Counter()
    found: list[tuple[list[tuple[str, bool]], str, str]] = []  # (run, doc_id, sentence)
    for doc_id, text in zip(sentences["doc_id"].tolist(), sentences["text"].tolist(),
                            strict=True):
        covered = [(m.start, m.end) for m in mention_spans(text, lexicon)]
        tokens = []
        previous_end = 0
        for match in TOKEN.finditer(text):
            word, gap = match.group(), text[previous_end:match.start()]
            previous_end = match.end()
            if word[0].islower():
                lower[word.casefold()] += 1
            tokens.append(_Token(
                word=_POSSESSIVE.sub("", word) if len(word) > 3 else word,
                gap=gap,
                capital=word[0].isupper()
                and not any(s < match.end() and match.start() < e for s, e in covered),
                initial=not tokens or bool(_OPENING.search(gap)),
                possessive=bool(_POSSESSIVE.search(word)) and len(word) > 3,
            ))
        found.extend((run, doc_id, text) for run in _capitalised_runs(tokens, skip))

    inner = {" ".join(w for w, _ in run) for run, _, _ in found if not run[0][1]}
    stats: dict[str, dict] = {}
    for run, doc_id, text in found:
        # "Later Smith" at a sentence start: drop the first word when it is written in
        # lower case elsewhere, or when the rest is a name met elsewhere on its own.
        while len(run) > 1 and run[0][1] and (
            run[0][0].casefold() in lower or " ".join(w for w, _ in run[1:]) in inner
        ):
            run = [(run[1][0], False), *run[2:]]
        name = " ".join(word for word, _ in run)
        entry = stats.setdefault(name, {"count": 0, "inner": 0, "docs": set(), "example": text})
        entry["count"] += 1
        entry["inner"] += not run[0][1]
        entry["docs"].add(doc_id)
    rows = []
    for name, entry in stats.items():
        if entry["inner"] == 0 or entry["count"] < min_count:
            continue
        if " " not in name and lower[name.casefold()] > entry["inner"]:
            continue
        rows.append((name, entry["count"], len(entry["docs"]), entry["example"]))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return _frame(rows, CANDIDATE_COLUMNS,
                  {"name": "str", "count": "int64", "documents": "int64", "example": "str"})


class _Token(NamedTuple):
    word: str  # possessive removed
    gap: str  # the text between the previous token and this one
    capital: bool  # capitalised and outside every lexicon mention
    initial: bool  # first of its sentence, or after an opening mark or a colon
    possessive: bool


def _capitalised_runs(tokens: list[_Token], skip: set[str]) -> Iterator[list[tuple[str, bool]]]:
    """Runs of capitalised tokens separated by spaces only (lower-case connectors allowed
    inside), trimmed of skipped words; each word with its ``initial`` flag."""
    run: list[tuple[str, bool]] = []

    def close() -> Iterator[list[tuple[str, bool]]]:
        while run and run[-1][0].casefold() in skip | _CONNECTORS:
            run.pop()
        while run and run[0][0].casefold() in skip | _CONNECTORS:
            run.pop(0)
        if run:
            yield list(run)
        run.clear()

    for token in tokens:
        joined = bool(run) and token.gap.strip() == ""
        if token.capital:
            if run and not joined:
                yield from close()
            run.append((token.word, token.initial))
            if token.possessive:
                yield from close()
        elif joined and token.word in _CONNECTORS:
            run.append((token.word, False))
        else:
            yield from close()
    yield from close()

"""One batch: the recipe that turns some documents into their tables.

A batch is a list of units — files not read yet, or raw documents from table rows. Each
is read and cleaned into a document record; then the documents are segmented, their
sentences scored, their quotations, voices and actor mentions found and their terms
counted (:func:`process_batch`). The same function runs in this process, in a worker
process or on a Dask worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import paths
from ..actors import find_mentions, load_lexicon
from ..clean import Furniture, clean_document, load_furniture
from ..read import FileRef, Skipped, iter_units, read_file
from ..segment import segment_documents
from ..sentiment import add_sentiment, get_analyzer, score_sentences_with_words
from ..stats.overview import DOCUMENT_COLUMNS, OWN_COLUMNS
from ..terms import count_terms
from ..voices import find_quotes, mark_voice
from .options import AnalysisOptions
from .store import write_part

Unit = FileRef | dict  # a file to read, or a raw document already read from a table row
BATCH_TABLES = (
    "documents", "paragraphs", "sentences", "sentiment_words", "terms", "mentions", "quotes",
)  # fmt: skip
# the documents table's columns before sentiment is added (see stats.overview)
COUNTED_COLUMNS = DOCUMENT_COLUMNS[:DOCUMENT_COLUMNS.index("non_prose") + 1]
RECORD_COLUMNS = [
    "doc_id", "source", "title", "author", "date", "encoding", "repaired_bytes", "layout",
    "text", "removed", "non_prose",
]  # fmt: skip


@lru_cache(maxsize=4)
def lexicon(path: str | None):
    """The actor lexicon of a run, read once per process."""
    return load_lexicon(Path(path) if path else None)


def load_document(unit: Unit, furniture: Furniture, *, paragraphs: str = "auto"
                  ) -> dict | Skipped:
    """Read (a file) and clean one document, its paragraphs laid out as ``paragraphs``
    says (see :class:`~.options.AnalysisOptions`); a document with no body left is
    skipped."""
    raw = read_file(unit) if isinstance(unit, FileRef) else unit
    if isinstance(raw, Skipped):
        return raw
    document = clean_document(raw, furniture, paragraphs=paragraphs)
    if not document["text"].strip():
        reason = "has no body text left after cleaning" if raw["header"] else "has no text"
        return Skipped(raw["source"], reason)
    return document


def read_batch(units: list[Unit], *, paragraphs: str = "auto"
               ) -> tuple[list[dict], list[Skipped]]:
    """Read and clean the documents of a batch: the records, and what was skipped."""
    records, skipped = [], []
    furniture = load_furniture()
    for unit in units:
        document = load_document(unit, furniture, paragraphs=paragraphs)
        (skipped if isinstance(document, Skipped) else records).append(document)
    return records, skipped


def as_sources(sources: Iterable[str | Path] | None) -> list[Path]:
    """The sources as paths; none means the default article."""
    return [Path(s) for s in sources] if sources else [paths.DEFAULT_ARTICLE]


def iter_documents(
    sources: Iterable[str | Path] | None = None, *, paragraphs: str = "auto"
) -> Iterator[dict | Skipped]:
    """Yield each document of ``sources`` (none: the default article) read and cleaned (a
    record: the columns of :data:`RECORD_COLUMNS`), or a
    :class:`~discourse_workbook.read.Skipped` saying why one cannot be analysed, in
    reading order, lazily. ``paragraphs`` is the layout option (``auto``, ``blank``,
    ``line``)."""
    furniture = load_furniture()
    for unit in iter_units(as_sources(sources)):
        yield (unit if isinstance(unit, Skipped)
               else load_document(unit, furniture, paragraphs=paragraphs))


def load_documents(
    sources: Iterable[str | Path] | None = None, *, paragraphs: str = "auto"
) -> pd.DataFrame:
    """Read and clean every readable document of ``sources`` (none: the default article)
    into one table (one row per document, the columns of :data:`RECORD_COLUMNS`);
    unreadable ones are left out (:func:`iter_documents` says why).

    >>> from discourse_workbook import paths
    >>> load_documents([paths.DEFAULT_ARTICLE]).loc[0, ["author", "layout"]].tolist()
    ['Alastair Crooke', 'header+blank']
    """
    records = [d for d in iter_documents(sources, paragraphs=paragraphs)
               if not isinstance(d, Skipped)]
    return with_metadata(pd.DataFrame(records, columns=RECORD_COLUMNS), records)


def with_metadata(table: pd.DataFrame, records: list[dict]) -> pd.DataFrame:
    """Return ``table`` (one row per record) with the records' metadata — the other
    columns of CSV and JSONL rows — as columns at its end, in the order they first
    appear; a record without a column has it empty. A column named like one of the
    documents table's own (a "label" column of a labelled data set) is kept as
    ``meta_`` + its name.

    >>> records = [{"metadata": {"party": "D", "label": "pos"}}, {"metadata": {}}]
    >>> with_metadata(pd.DataFrame({"doc_id": ["a", "b"]}), records)
      doc_id party meta_label
    0      a     D        pos
    1      b  None       None
    """
    metadata = [r.get("metadata") or {} for r in records]
    names = list(dict.fromkeys(name for m in metadata for name in m))
    if not names:
        return table
    values = {f"meta_{n}" if n in OWN_COLUMNS else n: [m.get(n) for m in metadata]
              for n in names}
    return pd.concat([table, pd.DataFrame(values, index=table.index, dtype=object)], axis=1)


def process_batch(records: list[dict], options: AnalysisOptions) -> dict[str, pd.DataFrame]:
    """Return the per-batch tables (documents, paragraphs, sentences, sentiment_words,
    terms, mentions, quotes) of a list of cleaned document records. The documents table
    ends with the records' metadata columns, after its own, so that its columns come in
    the same order however the documents are batched."""
    actors = lexicon(options.actors)
    documents = pd.DataFrame(records)
    paragraphs, sentences = segment_documents(documents)
    sentences, sentiment_words = score_sentences_with_words(
        sentences, analyzer=get_analyzer(lexicon=options.sentiment_lexicon),
        threshold=options.threshold)
    # every name the text uses, listed or found in it, may be a quotation's speaker
    mentions = find_mentions(sentences, actors, demonyms=options.demonyms)
    quotes = find_quotes(paragraphs, lexicon=actors, sentences=sentences, mentions=mentions)
    sentences = mark_voice(sentences, quotes)
    if options.listed_only:
        mentions = mentions[mentions["listed"]].reset_index(drop=True)
    paragraphs = add_sentiment(
        paragraphs, sentences, by=("doc_id", "para_id"), threshold=options.threshold
    )
    documents = _document_table(documents, paragraphs)
    documents = add_sentiment(documents, sentences, by=("doc_id",), threshold=options.threshold)
    documents = with_metadata(documents, records)
    return {
        "documents": documents,
        "paragraphs": paragraphs,
        "sentences": sentences,
        "sentiment_words": sentiment_words,
        "terms": count_terms(sentences),
        "mentions": mentions,
        "quotes": quotes,
    }


def _document_table(documents: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The documents with their counts of paragraphs, sentences and words (0 for a
    document with no body)."""
    codes, doc_ids = pd.factorize(paragraphs["doc_id"], sort=False)
    row = pd.Index(doc_ids).get_indexer(documents["doc_id"])
    counts = {
        "n_paragraphs": np.bincount(codes, minlength=len(doc_ids)),
        "n_sentences": np.bincount(codes, paragraphs["n_sentences"], minlength=len(doc_ids)),
        "n_tokens": np.bincount(codes, paragraphs["n_tokens"], minlength=len(doc_ids)),
    }
    table = documents.drop(columns=["text"])
    if "repaired_bytes" not in table:  # records made by hand, not read from a file
        table["repaired_bytes"] = 0
    for column, values in counts.items():
        values = np.where(row >= 0, values[np.maximum(row, 0)], 0) if len(values) else 0
        table[column] = pd.Series(values, index=table.index).astype("int64")
    return table[COUNTED_COLUMNS]


def run_batch(number: int, units: list[Unit], parts: str, options: AnalysisOptions,
              suffix: str = ".arrow") -> dict:
    """Read, analyse and write one batch: its tables become parts under ``parts``
    (``part-NUMBER`` + ``suffix``; see :func:`~discourse_workbook.pipeline.store.
    write_part`), a folder every worker can reach. Returns the rows written per table
    and the documents skipped."""
    records, skipped = read_batch(units, paragraphs=options.paragraphs)
    rows = {}
    if records:
        for name, frame in process_batch(records, options).items():
            write_part(frame, Path(parts) / name / f"part-{number:06d}{suffix}")
            rows[name] = len(frame)
    return {"rows": rows, "skipped": skipped}


# An attributed quotation and actors: a batch of it builds every matcher and pattern.
WARM_UP = {
    "doc_id": "warm-up", "source": "warm-up", "title": None, "author": None, "date": None,
    "encoding": "utf-8", "repaired_bytes": 0, "layout": "blank", "removed": [],
    "non_prose": [],
    "text": "“We will talk to Russia and the West,” President Putin said.\n\nNobody listens, "
            "Annalena Baerbock said. She left.",
}  # fmt: skip

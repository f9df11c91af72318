"""The tables as files: one Parquet file per table and a manifest, read back as a set.

A batch's tables are written as parts (:func:`write_part`) and merged in batch order into
one Parquet file per table (:func:`merge_parts`), so the tables are the same, byte for
byte, however the corpus was batched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from .options import AnalysisOptions

MANIFEST = "manifest.json"
TABLE_NAMES = (
    "documents", "paragraphs", "sentences", "sentiment_words", "terms", "mentions", "actors",
    "quotes", "skipped",
)  # fmt: skip


@dataclass
class Tables:
    """The tidy tables of one analysis, one attribute per table (see README)."""

    documents: pd.DataFrame = field(default_factory=pd.DataFrame)
    paragraphs: pd.DataFrame = field(default_factory=pd.DataFrame)
    sentences: pd.DataFrame = field(default_factory=pd.DataFrame)
    sentiment_words: pd.DataFrame = field(default_factory=pd.DataFrame)
    terms: pd.DataFrame = field(default_factory=pd.DataFrame)
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    actors: pd.DataFrame = field(default_factory=pd.DataFrame)
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)
    skipped: pd.DataFrame = field(default_factory=pd.DataFrame)
    manifest: dict = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLE_NAMES:
            raise KeyError(name)
        return getattr(self, name)

    @property
    def options(self) -> AnalysisOptions:
        """The analysis options the tables were made with (from the manifest)."""
        return AnalysisOptions.from_dict(self.manifest.get("analysis", {}))

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """Yield ``(name, table)`` pairs in the contract's order."""
        for f in fields(self):
            if f.name in TABLE_NAMES:
                yield f.name, getattr(self, f.name)


def read_tables(folder: str | Path) -> Tables:
    """Read the tables and the manifest that ``analyze`` wrote to ``folder``.

    Example: ``read_tables("data/processed").sentences``.
    """
    folder = Path(folder)
    if not (folder / MANIFEST).is_file():
        raise InputError(f"{folder} holds no tables (no {MANIFEST}); run analyze first.")
    tables = Tables(manifest=json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
    for name in TABLE_NAMES:
        path = folder / f"{name}.parquet"
        if path.exists():
            setattr(tables, name, pd.read_parquet(path))
    return tables


# --------------------------------------------------------------------------- parts


def write_part(frame: pd.DataFrame, path: Path) -> None:
    """Write one batch's table as a part (no index), in the format its suffix names.

    Parts live only until the merge. An Arrow file (``.arrow``) costs no encoding and is
    read back by mapping it: the format for parts on this machine's disk. A Parquet part
    (``.parquet``, LZ4) is smaller, for parts that cross a network to shared storage.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    if path.suffix == ".parquet":
        pq.write_table(table, path, compression="lz4")
        return
    with pa.ipc.new_file(path, table.schema) as writer:
        writer.write_table(table)


def _read_part(path: Path, *, schema_only: bool = False) -> pa.Table | pa.Schema:
    """A part's table (its buffers map the file), or only its schema."""
    if path.suffix == ".parquet":
        return pq.read_schema(path) if schema_only else pq.read_table(path)
    with pa.memory_map(str(path)) as source:
        reader = pa.ipc.open_file(source)
        return reader.schema if schema_only else reader.read_all()


ROW_GROUP = 65_536


def merge_parts(parts: Iterable[Path], target: Path, *, row_group: int = ROW_GROUP) -> int:
    """Concatenate parts, in the order given, into one Parquet file; return the row count.

    Parts are read one at a time, so memory holds one part, not the whole table; rows
    are written in row groups of a fixed size, so the file is the same byte for byte
    however the rows were batched. Columns that are all empty in some part (typed
    null) take the type the other parts give them; a column missing from a part is empty
    in its rows.
    """
    parts = list(parts)
    schema = _unified_schema(_read_part(p, schema_only=True) for p in parts)
    buffered: list[pa.Table] = []
    held = rows = 0
    with pq.ParquetWriter(target, schema) as writer:
        for part in parts:
            table = _with_columns(_read_part(part), schema)
            buffered.append(table)
            held += table.num_rows
            rows += table.num_rows
            while held >= row_group:
                whole = pa.concat_tables(buffered)
                writer.write_table(whole.slice(0, row_group), row_group_size=row_group)
                buffered, held = [whole.slice(row_group)], held - row_group
        if held or not rows:
            writer.write_table(pa.concat_tables(buffered) if buffered else schema.empty_table(),
                               row_group_size=row_group)
    return rows


def _with_columns(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """The part's columns in the schema's order and types; a column the part lacks (a
    metadata column of another batch's rows) is empty."""
    for column in schema:
        if column.name not in table.column_names:
            table = table.append_column(column.name, pa.nulls(table.num_rows, column.type))
    return table.select(schema.names).cast(schema)


def _unified_schema(schemas: Iterable[pa.Schema]) -> pa.Schema:
    schemas = [s.remove_metadata() for s in schemas]
    unified = pa.unify_schemas(schemas, promote_options="permissive")
    return pa.schema([_concrete(f) for f in unified])


def _concrete(f: pa.Field) -> pa.Field:
    """A field that is null in every part is stored as text (or a list of text). A list's
    items are named "element", as Parquet names them, whatever the format of the parts."""
    if pa.types.is_null(f.type):
        return f.with_type(pa.string())
    if pa.types.is_list(f.type):
        value = f.type.value_type
        value = pa.string() if pa.types.is_null(value) else value
        return f.with_type(pa.list_(pa.field("element", value)))
    return f


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Write a whole table as Parquet (no index)."""
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)


def write_manifest(manifest: dict, folder: Path) -> None:
    """Write the provenance record beside the tables."""
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True, default=str)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")

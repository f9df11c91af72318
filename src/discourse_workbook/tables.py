"""The tables: reading and writing them as a set, atomically, with a manifest.

A run writes into a temporary sibling folder and moves it into place only when every
table and the manifest are complete, so a killed run leaves the previous outputs or
none at all, never a mixture.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError

MANIFEST = "manifest.json"
TABLE_NAMES = (
    "documents", "paragraphs", "sentences", "terms", "mentions", "actors", "quotes", "skipped",
)  # fmt: skip


@dataclass
class Tables:
    """The tidy tables of one analysis, one attribute per table (see README)."""

    documents: pd.DataFrame = field(default_factory=pd.DataFrame)
    paragraphs: pd.DataFrame = field(default_factory=pd.DataFrame)
    sentences: pd.DataFrame = field(default_factory=pd.DataFrame)
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

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """Yield ``(name, table)`` pairs in the contract's order."""
        for f in fields(self):
            if f.name in TABLE_NAMES:
                yield f.name, getattr(self, f.name)


def read_tables(folder: str | Path) -> Tables:
    """Read the tables and the manifest that ``analyze`` wrote to ``folder``.

    >>> tables = read_tables("data/processed")
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


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_output_folder(folder: Path) -> None:
    """Refuse an output folder that is a file, not writable, or full of other things."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file, not a folder; choose another --out.")
    parent = folder if folder.exists() else _existing_parent(folder)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"{parent} is not writable; choose another --out.")
    visible = folder.exists() and any(not p.name.startswith(".") for p in folder.iterdir())
    if visible and not (folder / MANIFEST).exists():
        raise InputError(
            f"{folder} is not empty and holds no earlier tables; choose an empty or new folder."
        )


def _existing_parent(path: Path) -> Path:
    for parent in path.absolute().parents:
        if parent.exists():
            return parent
    return Path("/")


@contextmanager
def staged_folder(folder: str | Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``folder``; on success it replaces ``folder``.

    On any error (or a kill) the temporary folder is removed or left as a hidden
    ``.name.tmp-*`` sibling and ``folder`` keeps its previous complete contents.
    """
    folder = Path(folder)
    check_output_folder(folder)
    created = [p for p in (folder.parent, *folder.parent.parents) if not p.exists()]
    tmp = new_staging(folder)
    try:
        yield tmp
        replace_folder(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        for parent in created:  # deepest first: a failed run leaves no folder behind
            with suppress(OSError):
                parent.rmdir()
        raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def new_staging(folder: Path) -> Path:
    """Make an empty staging folder beside ``folder`` (``.NAME.tmp-PID-*``), first
    removing any that runs killed earlier left behind."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    pattern = re.compile(rf"\.{re.escape(folder.name)}\.tmp-(\d+)-")
    for path in folder.parent.glob(f".{folder.name}.tmp-*"):
        match = pattern.match(path.name)
        if match and path.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-{os.getpid()}-",
                                 dir=folder.parent))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _keep_hidden_files(old: Path, new: Path) -> None:
    """Carry hidden files (``.gitkeep``) of the folder being replaced into its successor."""
    if old.is_dir():
        for path in old.iterdir():
            if path.name.startswith(".") and path.is_file() and not (new / path.name).exists():
                shutil.copy2(path, new / path.name)


def _folder_mode(folder: Path, new: Path) -> int:
    """The permissions the output folder should keep: its own when it exists, else
    those a new folder gets from the umask (``mkdtemp`` makes ``new`` private)."""
    if folder.is_dir():
        return folder.stat().st_mode & 0o7777
    probe = new / ".mode"
    probe.mkdir()
    try:
        return probe.stat().st_mode & 0o7777
    finally:
        probe.rmdir()


def replace_folder(new: Path, folder: Path) -> None:
    """Move ``new`` to ``folder``, swapping out any previous contents; ``folder`` keeps
    its permissions and its hidden files (a ``.gitkeep``)."""
    _keep_hidden_files(folder, new)
    os.chmod(new, _folder_mode(folder, new))
    old = None
    if folder.exists():
        # A unique empty folder that rename() may replace: a name built from the pid
        # alone can be left over by an earlier run that was killed with the same pid.
        old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
        folder.rename(old)
    new.rename(folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


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
    null) take the type the other parts give them.
    """
    parts = list(parts)
    schema = _unified_schema(_read_part(p, schema_only=True) for p in parts)
    buffered: list[pa.Table] = []
    held = rows = 0
    with pq.ParquetWriter(target, schema) as writer:
        for part in parts:
            table = _read_part(part).select(schema.names).cast(schema)
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

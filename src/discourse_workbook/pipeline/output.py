"""Output folders: the workbook replaces only what it wrote, and a run's files appear all
at once.

Every folder the workbook writes holds a marker, ``.discourse-workbook``, that records
the run that wrote it and every file of that run. That marker, never a common file name,
is how the workbook knows a folder is its own:

- a folder that exists, holds anything but hidden files and has no marker is refused;
- a run writes into a hidden staging folder beside its target and, once every file is
  complete, swaps the two in one step (an atomic exchange where the system has one), so
  readers see the previous set or the new one, never a mixture;
- files the analyst added to a folder the workbook owns are carried into the new set
  (hard links, or copies where links are impossible) before the swap, and anything the
  old set holds that is not the workbook's is moved back after it: nothing the workbook
  did not write is ever deleted;
- a staging folder left by a killed run is settled by the next run that writes beside it,
  by the same rules.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import filecmp
import json
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .. import __version__
from ..errors import InputError

MARKER = ".discourse-workbook"
KINDS = ("tables", "report")


def new_run_id() -> str:
    """A run's id: when it started (UTC) and a random suffix, e.g. ``20261202T181629-3f9a1c``."""
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + secrets.token_hex(3)


def read_marker(folder: Path) -> dict | None:
    """The marker of a folder the workbook wrote, or None (no marker, or not readable)."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) and isinstance(marker.get("files"), list) else None


def owned_files(folder: Path) -> set[str]:
    """The files (paths relative to ``folder``) the workbook wrote there."""
    marker = read_marker(folder)
    return set(marker["files"]) if marker else set()


# --------------------------------------------------------------------------- checks


def check_target(folder: Path, *, kind: str, option: str = "--out") -> Path:
    """Return ``folder`` as an absolute path, or raise :class:`InputError` when the
    workbook must not write there: the root or the home folder, a file, a path below a
    file, a parent that is not writable, a non-empty folder the workbook did not write,
    or one that holds the other kind of output (tables, a report)."""
    folder = Path(os.path.abspath(folder))
    if folder == Path(folder.anchor) or folder == Path.home().absolute():
        which = "the root" if folder == Path(folder.anchor) else "your home"
        raise InputError(f"{folder} is {which} folder; choose a folder of its own with {option}.")
    for parent in (folder, *folder.parents):
        if parent.exists() and not parent.is_dir():
            what = "" if parent == folder else f", so {folder} cannot be made"
            raise InputError(f"{parent} is a file, not a folder{what}; choose another {option}.")
        if parent.exists():
            break
    existing = folder if folder.exists() else _existing_parent(folder)
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(f"{existing} is not writable; choose another {option}.")
    if folder.is_dir():
        marker = read_marker(folder)
        if marker is None and any(not p.name.startswith(".") for p in folder.iterdir()):
            raise InputError(f"{folder} is not empty and was not written by discourse-workbook; "
                             f"choose an empty or new folder with {option}.")
        if marker is not None and marker.get("kind", kind) != kind:
            raise InputError(f"{folder} holds discourse-workbook {marker.get('kind')}, not "
                             f"{kind}; choose another folder with {option}.")
        if marker is not None and not os.access(folder.parent, os.W_OK | os.X_OK):
            raise InputError(f"{folder.parent} is not writable, so {folder} cannot be "
                             f"replaced; choose another {option}.")
    return folder


def _existing_parent(path: Path) -> Path:
    for parent in path.parents:
        if parent.exists():
            return parent
    return Path(path.anchor)


# --------------------------------------------------------------------------- a run's folder


@contextmanager
def staged_folder(folder: str | Path, *, kind: str = "tables",
                  run_id: str | None = None) -> Iterator[Path]:
    """Yield an empty staging folder beside ``folder``; when the block ends without an
    error, the staging folder becomes ``folder`` (see :func:`publish`).

    On any error or a kill, ``folder`` keeps its previous complete contents, and the
    staging folder is removed (or settled by the next run). Folders this call had to
    create above ``folder`` are removed again when the run fails.
    """
    folder = check_target(Path(folder), kind=kind)
    created = [p for p in (folder.parent, *folder.parent.parents) if not p.exists()]
    folder.parent.mkdir(parents=True, exist_ok=True)
    settle_leftovers(folder)
    run_id = run_id or new_run_id()
    tmp = _new_staging(folder, kind=kind, run_id=run_id)
    try:
        yield tmp
        publish(tmp, folder, kind=kind, run_id=run_id)
    except BaseException:
        _discard(tmp, folder)
        for parent in created:  # deepest first: a failed run leaves no folder behind
            with suppress(OSError):
                parent.rmdir()
        raise


def publish(tmp: Path, folder: Path, *, kind: str, run_id: str) -> None:
    """Make the complete set of files in ``tmp`` the contents of ``folder``.

    The marker listing ``tmp``'s files is written; the files the analyst added to
    ``folder`` are linked (or copied) into ``tmp``; the two folders are swapped; then
    what ``folder`` held is settled: the workbook's old files deleted, anything else
    moved into the new folder if it is not already there.
    """
    files = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*")
                   if p.is_file() and p != tmp / MARKER)
    write_marker(tmp, kind=kind, run_id=run_id, files=files)
    with _lock(folder.parent):
        if folder.is_dir():
            _carry_foreign(folder, tmp, owned_files(folder) | {MARKER})
            os.chmod(tmp, folder.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o777 & ~_umask())
        _swap(tmp, folder)
        if tmp.exists():  # after a swap, tmp holds what folder held
            _settle(tmp, folder)


def _carry_foreign(folder: Path, tmp: Path, owned: set[str]) -> None:
    """Link (or copy) into ``tmp`` every file of ``folder`` the workbook did not write;
    refuse when a new file of the workbook's would take the place of one of them."""
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if rel in owned or path.is_dir() and not path.is_symlink():
            continue
        target = tmp / rel
        if target.exists() or target.is_symlink():
            raise InputError(f"{path} was not written by discourse-workbook and would be "
                             f"replaced by a file of this run; move it and run again.")
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(path, target)
    for path in folder.rglob("*"):  # empty folders the analyst made stay too
        if path.is_dir() and not path.is_symlink():
            (tmp / path.relative_to(folder)).mkdir(parents=True, exist_ok=True)


def link_or_copy(source: Path, target: Path) -> None:
    """Make ``target`` the same file as ``source`` (a hard link), or a copy of it where
    links are impossible; a symbolic link is copied as a link."""
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _settle(old: Path, folder: Path) -> None:
    """Empty and remove ``old``, a set that ``folder`` replaced, or a staging folder
    never published: the workbook's files are deleted, files that ``folder`` holds too
    (same file, or same bytes) are dropped, and anything else is moved into ``folder``."""
    marker = read_marker(old) or {}
    if marker.get("staging"):  # never published: everything in it is the run's own
        shutil.rmtree(old, ignore_errors=True)
        return
    owned = set(marker.get("files", [])) | {MARKER}
    kept = False
    for path in sorted(old.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        rel = str(path.relative_to(old))
        if path.is_dir() and not path.is_symlink():
            with suppress(OSError):
                path.rmdir()
            continue
        twin = folder / rel
        if rel in owned or _same(path, twin):
            path.unlink()
        elif not twin.exists() and not twin.is_symlink():
            twin.parent.mkdir(parents=True, exist_ok=True)
            os.rename(path, twin)
        else:
            kept = True  # a foreign file that clashes: left where it is, never deleted
    if not kept:
        with suppress(OSError):
            old.rmdir()


def _same(path: Path, twin: Path) -> bool:
    if path.is_symlink() or twin.is_symlink():
        return path.is_symlink() and twin.is_symlink() and os.readlink(path) == os.readlink(twin)
    try:
        return os.path.samefile(path, twin) or filecmp.cmp(path, twin, shallow=False)
    except OSError:
        return False


def _discard(tmp: Path, folder: Path) -> None:
    """Remove a staging folder that will not be published, keeping anything foreign."""
    if tmp.exists():
        if folder.is_dir():
            _settle(tmp, folder)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- leftovers


def settle_leftovers(folder: Path) -> None:
    """Settle the staging folders that killed runs left beside ``folder``: a complete set
    (it has its marker) takes the place of a missing ``folder``; any other is settled
    against ``folder`` (its foreign files moved back, the workbook's removed)."""
    pattern = re.compile(rf"\.{re.escape(folder.name)}\.tmp-(\d+)-")
    for path in sorted(folder.parent.glob(f".{glob_escape(folder.name)}.tmp-*")):
        match = pattern.match(path.name)
        if not match or not path.is_dir() or process_alive(int(match.group(1))):
            continue
        with _lock(folder.parent):
            if not folder.exists() and not (read_marker(path) or {"staging": True}).get(
                    "staging"):
                os.rename(path, folder)
            elif folder.is_dir():
                _settle(path, folder)
            else:
                shutil.rmtree(path, ignore_errors=True)


def glob_escape(name: str) -> str:
    """A file name with the characters glob treats specially put in brackets."""
    return re.sub(r"([*?\[])", r"[\1]", name)


def _new_staging(folder: Path, *, kind: str, run_id: str) -> Path:
    """A staging folder beside ``folder``, named after it and this process, whose marker
    says that everything in it is the run's own until it is published."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-{os.getpid()}-",
                                dir=folder.parent))
    write_marker(tmp, kind=kind, run_id=run_id, files=[], staging=True)
    return tmp


def write_marker(folder: Path, *, kind: str, run_id: str, files: list[str],
                 staging: bool = False) -> None:
    """Write a folder's marker: who wrote it, the run, and the files that are its own."""
    marker = {"written_by": "discourse-workbook", "version": __version__, "kind": kind,
              "run_id": run_id, "files": files}
    if staging:
        marker["staging"] = True
    (folder / MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")


def process_alive(pid: int) -> bool:
    """Is a process with this id running (its staging folder still in use)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def _lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on a folder (its own descriptor, nothing written), so that
    two runs writing beside each other take turns to publish."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


# --------------------------------------------------------------------------- the swap

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)


def _swap(new: Path, folder: Path) -> None:
    """Put ``new`` in the place of ``folder`` in one step; afterwards ``new``'s path holds
    what ``folder`` held (nothing when there was no ``folder``).

    Linux exchanges two folders atomically (``renameat2`` with ``RENAME_EXCHANGE``);
    where it cannot, ``folder`` is renamed aside and ``new`` renamed into its place, and a
    run killed between the two renames is repaired by :func:`settle_leftovers`.
    """
    if not folder.exists():
        os.rename(new, folder)
        return
    if _renameat2 is not None:
        done = _renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(folder),
                          _RENAME_EXCHANGE)
        if done == 0:
            return
        if ctypes.get_errno() not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(folder))
    aside = folder.parent / f".{folder.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(folder, aside)  # a complete set under a leftover's name, should this run die
    os.rename(new, folder)
    os.rename(aside, new)


def remove_own(folder: Path) -> None:
    """Delete what the workbook wrote in ``folder`` (the files its marker lists, and the
    marker), and the folders that leaves empty; everything else stays."""
    folder = Path(folder)
    for rel in owned_files(folder):
        with suppress(FileNotFoundError):
            (folder / rel).unlink()
    with suppress(FileNotFoundError):
        (folder / MARKER).unlink()
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not path.is_symlink():
            with suppress(OSError):
                path.rmdir()

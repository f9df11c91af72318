"""Output folders: a run's files appear all at once, or not at all.

A run writes into a temporary sibling folder and moves it into place only when every
file is complete, so a killed run leaves the previous outputs or none at all, never a
mixture.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import InputError
from .store import MANIFEST


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



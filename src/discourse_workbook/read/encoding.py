"""Bytes to text: the encoding of a file, found without silent damage.

UTF-8 (with or without BOM) and UTF-16 with a BOM are tried first; anything else is a
legacy encoding: a Cyrillic, Greek or other non-Latin code page when charset-normalizer
is confident of one, else Windows-1252 (a superset of Latin-1's printable range), else
Latin-1. Nothing is ever replaced by U+FFFD; binary files are refused.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from ..errors import InputError

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (a .docx, .xlsx or .epub?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]")


class Decoded(NamedTuple):
    """A file's text, the encoding it was read in, and how many of its bytes were not
    valid in that encoding and were read as Windows-1252 instead (``repaired``)."""

    text: str
    encoding: str
    repaired: int = 0


def decode_bytes(data: bytes, name: str, *, declared: str | None = None) -> Decoded:
    """Decode a file's bytes.

    A byte-order mark decides (UTF-8, UTF-16); so does an encoding the file declares
    (``declared``, e.g. an HTML page's ``<meta charset>``) when the bytes bear it out.
    UTF-16 without a mark is recognised by its pattern of zero bytes. Otherwise UTF-8 is
    tried: a file that is UTF-8 except for a few stray bytes (fewer than its valid UTF-8
    characters) stays UTF-8, with just those bytes read as Windows-1252 and counted in
    ``repaired``. Anything else is a legacy encoding: a Cyrillic, Greek or other
    non-Latin code page when charset-normalizer is confident of one, else Windows-1252
    (a superset of Latin-1's printable range), else Latin-1. Nothing is ever replaced
    by U+FFFD.

    >>> decode_bytes("Élite".encode("cp1252"), "x.txt")
    Decoded(text='Élite', encoding='cp1252', repaired=0)
    >>> decode_bytes("Café, naïve façade, ".encode() + b"\\xe9t\\xe9", "x.txt")
    Decoded(text='Café, naïve façade, été', encoding='utf-8', repaired=2)
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _utf8(data[3:], name, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name)
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {kind}, not text; convert it to text first.")
    if declared is not None:
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if b"\x00" in data[:65536]:
        utf16 = _utf16_without_mark(data)
        if utf16 is None:
            raise InputError(f"{name} is a binary file, not text.")
        return _strict(data, utf16, name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _utf8(data, name, "utf-8", give_up=True)
    if mostly_utf8 is not None:
        return mostly_utf8
    encoding = _guess_legacy_encoding(data)
    text = data.decode(encoding)
    if len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise InputError(f"{name} is a binary file, not text.")
    return Decoded(text, encoding)


def _strict(data: bytes, encoding: str, name: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        raise InputError(f"{name} is not valid {encoding.upper()} text.") from None


def _utf8(data: bytes, name: str, encoding: str, *, give_up: bool = False) -> Decoded | None:
    """UTF-8 with each invalid byte read as Windows-1252 (Latin-1 for the five bytes
    Windows-1252 leaves undefined). With ``give_up``, None when the invalid bytes are
    not fewer than the valid UTF-8 characters other than ASCII: then the file is not
    UTF-8 at all."""
    pieces, repaired, position = [], 0, 0
    while True:
        try:
            pieces.append(data[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as err:
            bad_start, bad_end = position + err.start, position + err.end
            pieces.append(data[position:bad_start].decode("utf-8"))
            bad = data[bad_start:bad_end]
            pieces.append("".join(_cp1252_byte(b) for b in bad))
            repaired += len(bad)
            position = bad_end
            if give_up and repaired > 1000:
                return None
    text = "".join(pieces)
    if give_up and repaired >= sum(ord(c) > 127 for c in text) - repaired:
        return None
    return Decoded(text, encoding, repaired)


def _cp1252_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def _utf16_without_mark(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when zero bytes fall in every other place, as they do
    in UTF-16 text of a mostly Latin script; else None."""
    sample = data[:65536]
    if len(sample) < 4 or len(data) % 2:
        return None
    pairs = len(sample) // 2
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if odd >= 0.4 * pairs and even <= 0.01 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.01 * pairs:
        return "utf-16-be"
    return None


_DECLARED = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]{1,40})",
                       re.IGNORECASE)
# What browsers read these labels as (WHATWG Encoding): Latin-1 means Windows-1252.
_LABELS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
           "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a ``<meta charset>`` (or ``http-equiv``)
    near its start, as a Python codec name; None when it declares none we know.

    >>> declared_charset(b'<html><head><meta charset="ISO-8859-1">')
    'cp1252'
    """
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        return _LABELS.get(label) or codecs.lookup(label).name
    except LookupError:
        return None


def _guess_legacy_encoding(data: bytes) -> str:
    """Pick a legacy encoding for bytes that are not UTF-8.

    A non-Latin code page is taken when charset-normalizer is confident of it; a
    Chinese, Japanese or Korean multibyte encoding only when the text is mostly in that
    script or when it turns every non-ASCII byte pair into punctuation (English text
    saved with Big5 dashes and quotes is found in the wild); otherwise Windows-1252.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.chaos < 0.1:
        if best.encoding in _NON_LATIN:
            return best.encoding
        if best.encoding in _CJK and _plausible_cjk(data, best.encoding):
            return best.encoding
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _plausible_cjk(data: bytes, encoding: str) -> bool:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    wide = [c for c in text if ord(c) > 127]
    if not wide:
        return False
    letters = sum(c.isalpha() for c in text)
    if sum(c.isalpha() for c in wide) > 0.5 * max(letters, 1):
        return True
    return all(unicodedata.category(c)[0] in "PSZ" for c in wide)


_NON_LATIN = {
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp866",
    "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6",
    "cp874", "tis_620", "cp1254", "iso8859_9",
}  # fmt: skip
_CJK = {
    "big5",
    "cp950",
    "big5hkscs",
    "gb2312",
    "gbk",
    "gb18030",
    "hz",
    "shift_jis",
    "cp932",
    "euc_jp",
    "iso2022_jp",
    "euc_kr",
    "cp949",
    "johab",
    "iso2022_kr",
}


def path_text(path: str | Path) -> str:
    """A path as text that can be printed and stored: bytes of a file name that are not
    UTF-8 are shown as escapes ("caf\\xe9.txt"), never carried as surrogates.

    >>> path_text(Path(os.fsdecode(b"caf\\xe9.txt")))
    'caf\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_text(path: Path, *, html: bool = False) -> Decoded:
    """Read a text file in whatever encoding it has (an HTML page's declared one when
    ``html``)."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path_text(path)} is a folder where a file was expected.") from None
    except PermissionError:
        raise InputError(f"{path_text(path)} cannot be read (permission denied).") from None
    except OSError as err:
        raise InputError(f"{path_text(path)} cannot be read ({err.strerror or err}).") from None
    if not data.strip():
        raise InputError(f"{path_text(path)} is empty.")
    declared = declared_charset(data) if html else None
    return decode_bytes(data, path_text(path), declared=declared)


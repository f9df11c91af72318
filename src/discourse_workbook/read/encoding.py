"""Bytes to text: the encoding of a file, found without silent damage.

UTF-8 (with or without BOM) and UTF-16 with a BOM are tried first; anything else is a
legacy encoding: a Cyrillic, Greek or other non-Latin code page when charset-normalizer
is confident of one, else Windows-1252 (a superset of Latin-1's printable range), else
Latin-1. Nothing is ever replaced by U+FFFD; binary files are refused.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

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


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode a file's bytes, returning ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are tried first; anything else is
    a legacy encoding: a Cyrillic, Greek or other non-Latin code page when
    charset-normalizer is confident of one, else Windows-1252 (a superset of Latin-1's
    printable range), else Latin-1. Nothing is ever replaced by U+FFFD.

    >>> decode_bytes("Élite".encode("cp1252"), "x.txt")
    ('Élite', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {kind}, not text; convert it to text first.")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name} is a binary file, not text.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _guess_legacy_encoding(data)
    text = data.decode(encoding)
    if len(_CONTROL.findall(text[:65536])) > 0.01 * min(len(text), 65536):
        raise InputError(f"{name} is a binary file, not text.")
    return text, encoding


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


def read_text(path: Path) -> tuple[str, str]:
    """Read a text file in whatever encoding it has; return ``(text, encoding)``."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path} is a folder where a file was expected.") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied).") from None
    except OSError as err:
        raise InputError(f"{path} cannot be read ({err.strerror or err}).") from None
    if not data.strip():
        raise InputError(f"{path} is empty.")
    return decode_bytes(data, str(path))


"""Whitespace and invisible characters: text made plain before its layout is read.

Unicode is composed (NFC), odd spaces become plain spaces, line ends become ``\\n``,
invisible and control characters go, and every line is trimmed with single spaces inside.
Two invisible characters carry meaning and are kept where they do: the zero-width joiner
(ZWJ) inside an emoji sequence (man, ZWJ, woman, ZWJ, girl is one family emoji, not three
people), and the ZWJ and the zero-width non-joiner between the letters of a script that
shapes its letters by them (the non-joiner inside the Persian verb "mi-khaham", the joiner
after a Devanagari virama). Anywhere else, as in Latin text pasted from a web page, they
are stray and go.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE_CHARS = r"\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v"
_INVISIBLE_CHARS = r"\u00ad\u200b\u2060\ufeff"  # dropped wherever they are
_JOINER_CHARS = r"\u200c\u200d"  # zero-width non-joiner and joiner: dropped where stray
_CONTROL_CHARS = r"\x00-\x08\x0e-\x1f\x7f\x80-\x9f"
# Scripts whose letters join or form conjuncts by ZWJ/ZWNJ: Arabic (Persian, Urdu …),
# Syriac, Thaana, N'Ko, the Brahmic scripts of India and Sri Lanka, Tibetan, Myanmar,
# Khmer and Mongolian, with their marks and presentation forms.
_JOINING_SCRIPTS = (
    "\u0600-\u07ff\u0860-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u18af"
    "\ua8e0-\ua8ff\ufb50-\ufdff\ufe70-\ufeff"
)
# Pictographs that emoji sequences are made of: the symbol blocks of the Basic
# Multilingual Plane and the emoji planes, before a joiner also a variation selector
# or a skin-tone modifier.
_PICTOGRAPHS = "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u21ff\u2300-\u23ff\u24c2\u25a0-\u27bf" \
    "\u2900-\u297f\u2b00-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
_STRAY_JOINER = re.compile(
    rf"(?<![{_JOINING_SCRIPTS}])\u200c|\u200c(?![{_JOINING_SCRIPTS}])"
    rf"|(?<![{_JOINING_SCRIPTS}{_PICTOGRAPHS}\ufe0f])\u200d"
    rf"|\u200d(?![{_JOINING_SCRIPTS}{_PICTOGRAPHS}])"
)
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
_ODD = re.compile(f"[{_SPACE_CHARS}{_INVISIBLE_CHARS}{_JOINER_CHARS}{_CONTROL_CHARS}]")
# Each starts with two literal characters, which the regex engine skips to quickly.
_MANY_SPACES = re.compile("  " + " *")
_SPACES_AFTER_BREAK = re.compile("\n " + " *")


def normalise_whitespace(text: str) -> str:
    """Return text in NFC with odd spaces made plain, invisible characters dropped (a
    zero-width joiner or non-joiner only where it is stray), line ends unified and runs
    of spaces collapsed; line breaks are kept.

    Every line ends up without spaces at either end and without two spaces in a row.
    Pure-ASCII text, the common case, is mapped in one byte-level pass.

    >>> normalise_whitespace("Two\\u00a0 spaces\\r\\n  and a line ")
    'Two spaces\\nand a line'
    >>> [len(normalise_whitespace(s)) for s in ("👨\\u200d👩\\u200d👧", "wo\\u200drd")]
    [5, 4]
    """
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        text = text.encode("ascii").translate(_ASCII_SPACES, _ASCII_CONTROLS).decode("ascii")
    else:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
        if _ODD.search(text):
            text = _CONTROL.sub("", _INVISIBLE.sub("", _SPACES.sub(" ", text)))
            if "\u200c" in text or "\u200d" in text:
                text = _STRAY_JOINER.sub("", text)
    # Only plain spaces and line breaks are left: trim every line, collapse the spaces.
    text = _SPACES_AFTER_BREAK.sub("\n", text)
    return _MANY_SPACES.sub(" ", text).replace(" \n", "\n").strip(" ")


def _ascii_class(pattern: re.Pattern[str]) -> bytes:
    """The ASCII characters a one-character class matches, as bytes."""
    return bytes(code for code in range(128) if pattern.match(chr(code)))


_ASCII_CONTROLS = _ascii_class(_CONTROL)
_ASCII_SPACES = bytes.maketrans(b"\t\v\f", b"   ")  # the ASCII members of _SPACES

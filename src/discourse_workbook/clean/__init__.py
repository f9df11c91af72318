"""Cleaning: a raw document's text made into the author's paragraphs, with its title,
byline, date and layout recognised and every line taken out listed.

- :mod:`.whitespace`: Unicode composed, odd spaces and invisible characters made plain;
- :mod:`.furniture`: the editable patterns of web-page furniture, for short lines;
- :mod:`.layout`: the text's paragraph layout (blank-line blocks, one paragraph per line,
  hard-wrapped lines, verse and lists, chat and logs) and the header at its top;
- :mod:`.document`: the steps together, for a text and for a raw document.

Layout is the largest part and a question of its own (what makes a paragraph in this
file?), so it is a module of its own beside the small steps it is used with; reading
(:mod:`discourse_workbook.read`) comes before all of them, segmenting after.
"""

from .document import DECLARED, Cleaned, clean_document, clean_text, find_byline
from .furniture import (
    MAX_FLOATING_WORDS,
    MAX_FURNITURE_WORDS,
    Furniture,
    is_furniture,
    load_furniture,
)
from .layout import CHOICES, KINDS, detect_layout, is_title, parse_byline, parse_date, split_layout
from .whitespace import normalise_whitespace

__all__ = [
    "CHOICES",
    "DECLARED",
    "KINDS",
    "MAX_FLOATING_WORDS",
    "MAX_FURNITURE_WORDS",
    "Cleaned",
    "Furniture",
    "clean_document",
    "clean_text",
    "detect_layout",
    "find_byline",
    "is_furniture",
    "is_title",
    "load_furniture",
    "normalise_whitespace",
    "parse_byline",
    "parse_date",
    "split_layout",
]

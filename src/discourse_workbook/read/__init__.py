"""Reading: sources (files, folders, CSV/JSONL rows, HTML pages) into raw documents.

Reading knows file kinds, file names and encodings and nothing of analysis; cleaning
(layout, title, byline, date, furniture) is :mod:`discourse_workbook.clean`.
"""

from .encoding import decode_bytes, path_text, read_text
from .filename import metadata_from_name
from .html import extract_html
from .markdown import front_matter, read_markdown
from .sources import (
    SUPPORTED_SUFFIXES,
    FileRef,
    Skipped,
    iter_files,
    iter_units,
    read_file,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "FileRef",
    "Skipped",
    "decode_bytes",
    "extract_html",
    "front_matter",
    "iter_files",
    "iter_units",
    "metadata_from_name",
    "path_text",
    "read_file",
    "read_markdown",
    "read_text",
]

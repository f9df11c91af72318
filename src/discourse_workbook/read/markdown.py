"""Markdown to plain text: code blocks set apart; headings, links, images and bold
markers go."""

from __future__ import annotations

import re

_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1")
# A fenced code block: a fence of three or more backticks or tildes, up to a fence of the
# same kind at least as long, or the end of the text.
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?P<code>.*?)(?:^ {0,3}(?P=fence)[`~]*"
                    r"[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)


def strip_markdown(text: str) -> str:
    """Turn Markdown into plain text: headings, links, images and bold markers go.

    >>> strip_markdown("# The **Big** Question\\n\\nSee [the report](http://x.org/r).")
    'The Big Question\\n\\nSee the report.'
    """
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def take_code_blocks(text: str) -> tuple[str, list[str]]:
    """Take the fenced code blocks out of Markdown text: return the text with a blank
    line where each stood, and the blocks' code (not prose: kept out of the analysis).

    >>> take_code_blocks("Run it:\\n\\n```python\\nprint(1)\\n```\\n\\nDone.")
    ('Run it:\\n\\n\\n\\nDone.', ['print(1)'])
    """
    code: list[str] = []

    def take(match: re.Match) -> str:
        block = match.group("code").strip("\n")
        if block.strip():
            code.append(block)
        return ""

    if "```" not in text and "~~~" not in text:
        return text, code
    return _FENCE.sub(take, text), code

"""Errors a user can act on: one sentence naming the file and the problem."""

from __future__ import annotations


class InputError(Exception):
    """Bad input (a missing, empty, binary or malformed source, lexicon or option).

    The message is one sentence shown to the user as it is; the CLI turns it into
    exit code 2 without a traceback.
    """

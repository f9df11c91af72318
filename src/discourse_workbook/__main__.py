"""``python -m discourse_workbook``: the same as the ``discourse-workbook`` command."""

from .cli import command

command()

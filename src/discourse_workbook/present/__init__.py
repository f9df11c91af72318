"""Presentation: what a reader sees, drawn from results it is given.

- :mod:`.plots`: charts that take a result table and return a matplotlib Figure;
- :mod:`.html`: tables, figures and sentences as escaped HTML for notebooks and reports;
- :mod:`.findings`: the write-up's sentences, captions and provenance;
- :mod:`.explore`: the JupyterLab explorers (a word in context, an actor's company).

Nothing here computes an analysis: the numbers come from :mod:`discourse_workbook.stats`
and the stage modules.
"""

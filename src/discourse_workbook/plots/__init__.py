"""Figures: functions that take tables and return a matplotlib Figure.

Save any of them with :func:`save_figure` (PNG at 300 dpi and SVG).
"""

from .style import PALETTE, new_figure, plain, save_figure, use_style

__all__ = ["PALETTE", "new_figure", "plain", "save_figure", "use_style"]

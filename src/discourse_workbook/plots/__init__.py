"""Figures: functions that take tables and return a matplotlib Figure.

Save any of them with :func:`save_figure` (PNG at 300 dpi and SVG).
"""

from .sentiment import (
    plot_document_sentiment,
    plot_paragraph_sentiment,
    plot_sentence_sentiment,
    plot_sentiment_arc,
)
from .style import PALETTE, new_figure, plain, save_figure, use_style

__all__ = [
    "PALETTE",
    "new_figure",
    "plain",
    "plot_document_sentiment",
    "plot_paragraph_sentiment",
    "plot_sentence_sentiment",
    "plot_sentiment_arc",
    "save_figure",
    "use_style",
]

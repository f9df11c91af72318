"""Figures: functions that take a result table and return a matplotlib Figure.

Save any of them with :func:`save_figure` (PNG at 300 dpi and SVG).
"""

from .actors import (
    plot_actor_mentions,
    plot_actor_network,
    plot_actor_positions,
    plot_actor_sentiment,
    plot_voice_shares,
)
from .sentiment import (
    plot_document_sentiment,
    plot_paragraph_sentiment,
    plot_sentence_sentiment,
    plot_sentiment_arc,
)
from .style import PALETTE, new_figure, plain, plot_subject, save_figure, use_style
from .terms import collocation_table, plot_dispersion, plot_key_terms, plot_top_terms

__all__ = [
    "PALETTE",
    "collocation_table",
    "new_figure",
    "plain",
    "plot_actor_mentions",
    "plot_actor_network",
    "plot_actor_positions",
    "plot_actor_sentiment",
    "plot_dispersion",
    "plot_document_sentiment",
    "plot_key_terms",
    "plot_paragraph_sentiment",
    "plot_sentence_sentiment",
    "plot_sentiment_arc",
    "plot_subject",
    "plot_top_terms",
    "plot_voice_shares",
    "save_figure",
    "use_style",
]

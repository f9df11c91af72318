"""discourse-workbook: terms, sentiment, actors and voices of a text or a corpus."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("discourse-workbook")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

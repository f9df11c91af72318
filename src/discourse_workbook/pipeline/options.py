"""Options: what an analysis computes, apart from how a run happens.

:class:`AnalysisOptions` change the tables: they are recorded in the manifest, are part
of the key that decides whether cached tables can be reused, and are passed to the
notebooks, all derived from the dataclass's fields. :class:`RunOptions` (workers, engine,
batches, strictness, progress) never change the tables: the same analysis options give
byte-identical tables whatever the run options.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..errors import InputError
from ..resources import load_sentiment_lexicon

ENGINES = ("local", "dask")
THRESHOLD = 0.05
PARAGRAPHS = ("auto", "blank", "line")


@dataclass(frozen=True)
class AnalysisOptions:
    """What the analysis computes.

    - ``actors``: the actor lexicon (a YAML file); None: the shipped one;
    - ``demonyms``: count "Russian", "American" as mentions of Russia, the United States;
    - ``threshold``: VADER's neutral band: a score within ±threshold is neutral;
    - ``listed_only``: count only the actors the lexicon lists, not the names the text
      introduces (those still speak in quotations).
    - ``paragraphs``: how a text file's paragraphs are laid out: ``auto`` (detected per
      document and recorded in its ``layout``), ``blank`` (blank-line blocks, their lines
      joined) or ``line`` (one paragraph per line). An HTML page's paragraphs are its
      block elements whatever this says.
    - ``sentiment_lexicon``: a file of words and valences that override or add to VADER's
      lexicon for this analysis (``resources/examples/`` holds an example); None: VADER's.

    >>> AnalysisOptions(threshold=0.1).to_dict()["threshold"]
    0.1
    """

    actors: str | None = None
    demonyms: bool = True
    threshold: float = THRESHOLD
    listed_only: bool = False
    paragraphs: str = "auto"
    sentiment_lexicon: str | None = None

    def check(self) -> AnalysisOptions:
        """Return these options, or raise :class:`InputError` for one that cannot work."""
        if self.paragraphs not in PARAGRAPHS:
            raise InputError(f"--paragraphs must be one of {', '.join(PARAGRAPHS)}, "
                             f"not {self.paragraphs!r}.")
        if not 0 < self.threshold < 1:
            raise InputError(f"--threshold must be between 0 and 1, not {self.threshold}.")
        if self.actors is not None:
            path = Path(self.actors)
            if path.is_dir():
                raise InputError(f"{self.actors} is a folder, not a file (the --actors lexicon).")
            if not path.is_file():
                raise InputError(f"{self.actors} does not exist (the --actors lexicon).")
        if self.sentiment_lexicon is not None:
            path = Path(self.sentiment_lexicon)
            what = "the --sentiment-lexicon file"
            if path.is_dir():
                raise InputError(f"{self.sentiment_lexicon} is a folder, not a file ({what}).")
            if not path.is_file():
                raise InputError(f"{self.sentiment_lexicon} does not exist ({what}).")
            load_sentiment_lexicon(path)  # a malformed line fails before any work
        return self

    def to_dict(self) -> dict:
        """The options as plain values, as the manifest records them."""
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> AnalysisOptions:
        """Options from a manifest's record (unknown keys are ignored).

        >>> AnalysisOptions.from_dict({"threshold": 0.1, "workers": 4}).threshold
        0.1
        """
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})


@dataclass(frozen=True)
class RunOptions:
    """How a run happens; never what it computes.

    - ``workers``: worker processes (1: everything in this process);
    - ``engine``: "local" (this machine) or "dask" (a Dask cluster);
    - ``scheduler``: the Dask scheduler's address; None: a local cluster;
    - ``batch_docs``, ``batch_mb``: a batch ends at this many documents or megabytes;
    - ``strict``: stop at the first unreadable document instead of skipping it;
    - ``progress``: show a progress bar; None: when stderr is a terminal.
    """

    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    batch_docs: int = 200
    batch_mb: float = 1.0
    strict: bool = False
    progress: bool | None = None

    def check(self) -> RunOptions:
        """Return these options, or raise :class:`InputError` for one that cannot work."""
        if self.engine not in ENGINES:
            raise InputError(f"--engine must be one of {', '.join(ENGINES)}, not {self.engine!r}.")
        if self.workers < 1:
            raise InputError(f"--workers must be at least 1, not {self.workers}.")
        if self.batch_docs < 1 or self.batch_mb <= 0:
            raise InputError("--batch-size must be a positive number of documents.")
        return self

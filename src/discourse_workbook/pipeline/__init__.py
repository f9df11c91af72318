"""The pipeline: sources in, the tables out, on one core, several, or a Dask cluster.

- :mod:`.options`: what an analysis computes (:class:`AnalysisOptions`) apart from how a
  run happens (:class:`RunOptions`);
- :mod:`.batch`: the recipe that turns a batch of documents into its tables;
- :mod:`.engines`: batches run here, in worker processes or on a Dask cluster;
- :mod:`.run`: ``analyze`` — batches, merge, manifest;
- :mod:`.store`: the tables as Parquet files and a manifest;
- :mod:`.provenance`: the manifest and the key that decides whether tables can be reused;
- :mod:`.output`: output folders replaced all at once, never half-written;
- :mod:`.reference`: a reference corpus for keyness.
"""

from .batch import iter_documents, load_documents
from .options import AnalysisOptions, RunOptions
from .reference import load_reference_terms
from .run import analyze, ensure_tables, write_tables
from .store import Tables, read_tables

__all__ = [
    "AnalysisOptions",
    "RunOptions",
    "Tables",
    "analyze",
    "ensure_tables",
    "iter_documents",
    "load_documents",
    "load_reference_terms",
    "read_tables",
    "write_tables",
]

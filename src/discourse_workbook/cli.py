"""The command line: ``discourse-workbook analyze`` and ``discourse-workbook report``.

Errors a user can fix are one sentence on stderr and exit code 2; ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import textwrap
import warnings
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import InputError
from .pipeline.output import new_run_id


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help).\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="files or folders (.txt .md .html .csv .jsonl); none means the default article",
    )
    parser.add_argument(
        "--actors",
        metavar="FILE",
        help="actor lexicon (YAML) to use instead of the shipped one",
    )
    parser.add_argument(
        "--sentiment-lexicon",
        metavar="FILE",
        help="words and valences (word<TAB>valence, or word,valence; -4 to +4, 0 "
             "neutralises) that override or add to VADER's lexicon for this analysis",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=0.05,
        metavar="T",
        help="VADER's neutral band: a sentence scoring within ±T is neutral (default 0.05)",
    )
    parser.add_argument(
        "--no-demonyms",
        action="store_true",
        help="do not count demonyms and adjectives (Russian, American) as mentions",
    )
    parser.add_argument(
        "--listed-only",
        action="store_true",
        help="count only the actors of the lexicon, not the people and organisations the "
             "text names that the lexicon lacks",
    )
    parser.add_argument(
        "--paragraphs",
        choices=("auto", "blank", "line"),
        default="auto",
        help="how a text file's paragraphs are laid out: detected per document (auto, the "
        "default), blank-line blocks (blank) or one paragraph per line (line)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first unreadable document instead of skipping it",
    )
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: the number of cores)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="run batches here (local) or on a Dask cluster (dask)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    parser.add_argument(
        "--batch-size",
        type=_positive_int,
        default=200,
        metavar="DOCS",
        help="documents per batch (default 200; a batch also stops at 1 MB)",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} must be at least 1")
    return value


MAIN_EXAMPLES = """examples:
  discourse-workbook report                      the default article, into reports/
  discourse-workbook report column.txt           your text, into column-report/
  discourse-workbook analyze speeches/ --out t   a corpus's tables, into t/

Run "discourse-workbook COMMAND --help" for a command's options."""
ANALYZE_EXAMPLES = """examples:
  discourse-workbook analyze column.txt
      the tables of one text, in column-tables/
  discourse-workbook analyze speeches/ feed.jsonl --workers 2 --out corpus-tables
      a folder and a JSONL file as one corpus, on two cores"""
REPORT_EXAMPLES = """examples:
  discourse-workbook report column.html --term sanctions --sentiment-lexicon security.txt
      a web page's article, "sanctions" in context, with an adjusted sentiment lexicon
  discourse-workbook report speeches/ --group-by decade --reference other-columns/ --out r
      a corpus compared decade by decade, key words also against a reference corpus"""


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=79)


def build_parser() -> argparse.ArgumentParser:
    """Return the ``discourse-workbook`` argument parser."""
    parser = _Parser(
        prog="discourse-workbook",
        description=_wrap("Discourse analysis of a text or a corpus: terms, sentiment, "
                          "actors and voices, as tables, figures and HTML reports."),
        epilog=MAIN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     metavar="COMMAND")
    analyze = commands.add_parser(
        "analyze", help="write the tables (Parquet) for the sources",
        description=_wrap(
            "Read, clean and segment the sources, score each sentence's sentiment, count the "
            "terms, find the actors and the quotations, and write the tables as Parquet "
            "files with a manifest of the inputs and options. Tables made from the same "
            "inputs and options are reused."),
        epilog=ANALYZE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(analyze)
    analyze.add_argument(
        "--out",
        metavar="DIR",
        help="the tables' folder: new, empty or written by discourse-workbook before "
             "(default: SOURCE-tables where you are; the project's data/processed without "
             "a SOURCE)",
    )
    report = commands.add_parser(
        "report", help="run the notebooks and write HTML reports and figures",
        description=_wrap(
            "Analyse the sources (or reuse their tables), run the notebooks on them and write "
            "one report folder: an index, an HTML page per notebook ending with the "
            "write-up, the executed notebooks, the figures with the data they draw (CSV) "
            "and the tables. A corpus of two or more documents also gets the comparison of "
            "its authors, years or documents."),
        epilog=REPORT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(report)
    report.add_argument(
        "--out",
        metavar="DIR",
        help="the report's folder: new, empty or written by discourse-workbook before "
             "(default: SOURCE-report where you are; the project's reports/ without a SOURCE)",
    )
    report.add_argument("--top", type=_positive_int, metavar="N",
                        help="rows shown of each table (default 15)")
    report.add_argument("--window", type=_positive_int, metavar="N",
                        help="paragraphs in the rolling mean of the tone's arc (default 3)")
    report.add_argument("--term", metavar="WORD",
                        help="the word or phrase shown in context (default: the top key word)")
    report.add_argument("--group-by", metavar="FIELD",
                        help="compare a corpus by author, year, decade, document or a column "
                             "of a CSV/JSONL source (default: by author when there are "
                             "several, else by document, year or decade)")
    report.add_argument(
        "--reference",
        metavar="SOURCE",
        action="append",
        help="a reference corpus for keyness (file or folder; may be given several times)",
    )
    return parser


def _options(args: argparse.Namespace):
    """The analysis options and the run options a command asks for."""
    from .pipeline import AnalysisOptions, RunOptions

    analysis = AnalysisOptions(actors=args.actors, demonyms=not args.no_demonyms,
                               threshold=args.threshold, listed_only=args.listed_only,
                               paragraphs=args.paragraphs,
                               sentiment_lexicon=args.sentiment_lexicon).check()
    cores = os.cpu_count() or 1
    workers = args.workers or cores
    if workers > cores:
        warnings.warn(f"--workers {workers} is more than this machine's {cores} cores; "
                      f"using {cores}.", UserWarning, stacklevel=2)
        workers = cores
    if args.scheduler and args.engine != "dask":
        warnings.warn(f"--scheduler {args.scheduler} is used only with --engine dask; "
                      "running here.", UserWarning, stacklevel=2)
    run = RunOptions(
        workers=workers,
        engine=args.engine,
        scheduler=args.scheduler,
        batch_docs=args.batch_size,
        strict=args.strict,
        progress=args.progress,
    ).check()
    return analysis, run


def run(args: argparse.Namespace) -> int:
    """Carry out a parsed command; return the exit code."""
    options, how = _options(args)
    if args.command == "analyze":
        import pandas as pd

        from .pipeline import write_tables

        out = Path(args.out) if args.out else _default_out(args.sources, "tables")
        run_id = new_run_id()
        folder = write_tables(args.sources, out=out, options=options, run=how, run_id=run_id)
        if _replaced(folder, run_id):
            return 0
        docs = pd.read_parquet(folder / "documents.parquet",
                               columns=["n_paragraphs", "n_sentences", "n_tokens"])
        print(
            f"analysed {len(docs)} document(s): {int(docs['n_paragraphs'].sum())} paragraphs, "
            f"{int(docs['n_sentences'].sum())} sentences, {int(docs['n_tokens'].sum())} words; "
            f"tables in {out}"
        )
        return 0
    from .report import build_report

    for reference in args.reference or []:
        if not Path(reference).exists():
            raise InputError(f"{reference} does not exist (the --reference corpus).")
    out = Path(args.out) if args.out else _default_out(args.sources, "report")
    run_id = new_run_id()
    display = {"top": args.top, "window": args.window, "term": args.term,
               "group_by": args.group_by}
    index = build_report(args.sources, out=out, options=options, run=how,
                         reference=args.reference, display=display, run_id=run_id)
    if not _replaced(index.parent, run_id):
        print(f"report written: {index}")
    return 0


def _default_out(sources: list[str], kind: str) -> Path:
    """Where a command writes without ``--out``: the project's own folder for the default
    article; else a folder where the user is, named after the source (said on stderr)."""
    from . import paths

    if not sources:
        return paths.REPORTS if kind == "report" else paths.PROCESSED
    name = f"{Path(sources[0]).stem}-{kind}" if len(sources) == 1 else f"discourse-{kind}"
    out = Path.cwd() / name
    print(f"discourse-workbook: writing to {out} (choose another folder with --out)",
          file=sys.stderr)
    return out


def _replaced(folder: Path, run_id: str) -> bool:
    """Say so, and return True, when another run replaced this run's output before it
    could report: the folder then holds that run's complete set, not this one's."""
    from .pipeline.output import read_marker

    marker = read_marker(folder) or {}
    if marker.get("run_id") == run_id:
        return False
    print(f"discourse-workbook: another run (id {marker.get('run_id', '?')}) wrote {folder} "
          "after this one; the folder holds that run's complete output.", file=sys.stderr)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``discourse-workbook`` command."""
    args = build_parser().parse_args(argv)
    if args.debug:
        return run(args)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.showwarning = _show_warning
        try:
            return run(args)
        except InputError as err:
            print(f"discourse-workbook: error: {err}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(
                "discourse-workbook: interrupted; earlier outputs are unchanged.", file=sys.stderr
            )
            return 130


def command() -> None:
    """The ``discourse-workbook`` command: :func:`main`, then the end of the process.

    Before it ends, every object is frozen: Python's last garbage collection then skips
    them (about a tenth of a second for a process that analysed a corpus) instead of
    examining every one just before the memory is handed back anyway.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"discourse-workbook: warning: {message}", file=sys.stderr)


if __name__ == "__main__":
    command()

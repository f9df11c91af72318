"""The command line: ``discourse-workbook analyze`` and ``discourse-workbook report``.

Errors a user can fix are one sentence on stderr and exit code 2; ``--debug`` shows the
traceback instead.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError


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
        "--no-demonyms",
        action="store_true",
        help="do not count demonyms and adjectives (Russian, American) as mentions",
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


def build_parser() -> argparse.ArgumentParser:
    """Return the ``discourse-workbook`` argument parser."""
    parser = _Parser(
        prog="discourse-workbook",
        description="Discourse analysis of a text or a corpus: terms, sentiment, "
        "actors and voices, as tables, figures and HTML reports.",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    analyze = commands.add_parser("analyze", help="write the tables (Parquet) for the sources")
    _common(analyze)
    analyze.add_argument("--out", metavar="DIR", help="output folder (default: data/processed)")
    report = commands.add_parser(
        "report", help="run the notebooks and write HTML reports and figures"
    )
    _common(report)
    report.add_argument(
        "--out",
        metavar="DIR",
        help="output folder for reports/ and figures/ (default: the project's)",
    )
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
                               paragraphs=args.paragraphs).check()
    run = RunOptions(
        workers=args.workers or os.cpu_count() or 1,
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

        from . import paths
        from .pipeline import write_tables

        out = args.out or paths.PROCESSED
        folder = write_tables(args.sources, out=out, options=options, run=how)
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
    index = build_report(args.sources, out=args.out, options=options, run=how,
                         reference=args.reference)
    print(f"report written: {index}")
    return 0


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

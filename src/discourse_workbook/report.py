"""``build_report``: run the notebooks headless and export figures and HTML reports.

The tables are made (or reused) once; each notebook then runs with papermill in its own
kernel, with the sources, the lexicon and the output folders passed as parameters, and is
exported as a self-contained HTML page (images embedded, no script or style fetched from
the network). Reports and figures are written into temporary folders that replace the
previous ones only when every notebook has run, so an interrupted or failed report leaves
the previous complete reports in place.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from . import __version__, paths
from .errors import InputError
from .pipeline.batch import as_sources
from .pipeline.options import AnalysisOptions, RunOptions
from .pipeline.output import (
    check_target,
    link_or_copy,
    new_run_id,
    owned_files,
    process_alive,
    staged_folder,
    write_marker,
)
from .pipeline.provenance import inputs, manifest
from .pipeline.run import analyze
from .pipeline.store import MANIFEST, Tables, read_tables, write_manifest
from .present.findings import count, findings, tone_finding
from .stats.groups import check_grouping
from .stats.summary import Summary, summarise


@dataclass(frozen=True)
class Notebook:
    """One notebook of the workbook: its file, its title, the question it answers, and
    whether it needs a corpus (two or more documents) to answer it."""

    name: str
    title: str
    question: str
    show_code: bool = True
    corpus_only: bool = False


NOTEBOOKS = (
    Notebook("01_load_and_clean.ipynb", "Load and clean",
             "What text was analysed, what cleaning removed, and how it splits into "
             "paragraphs and sentences."),
    Notebook("02_terms.ipynb", "Terms",
             "Which words the text uses most, which are key rather than merely frequent, "
             "and where they occur."),
    Notebook("03_sentiment.ipynb", "Sentiment",
             "How positive or negative the text is, sentence by sentence and paragraph by "
             "paragraph, and where the tone turns."),
    Notebook("04_actors_and_voices.ipynb", "Actors and voices",
             "Who the text is about, who appears together, and who is given a voice."),
    Notebook("05_compare.ipynb", "Compare",
             "How the documents, authors or years of a corpus differ in tone, words, actors "
             "and voices, and which resemble each other.", corpus_only=True),
    Notebook("06_write_up.ipynb", "Write-up",
             "The key findings with their figures and tables, for a reader who never sees "
             "the code.", show_code=False),
)
KERNEL = "python3"
OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def build_report(
    sources=None,
    *,
    out: str | Path | None = None,
    options: AnalysisOptions | None = None,
    run: RunOptions | None = None,
    reference=None,
    display: dict | None = None,
    run_id: str | None = None,
) -> Path:
    """Run the notebooks on ``sources`` (all six for a corpus; for a single document all
    but the comparison) and write a report folder; return the path of its index page
    (``OUT/index.html``). ``reference`` names a reference corpus for keyness (any source
    ``analyze`` reads); ``display`` sets the notebooks' display parameters
    (:data:`DISPLAY`: rows shown, rolling window, term, grouping).

    The report folder ``out`` (default: the project's ``reports/``) holds the index, a
    self-contained HTML page per notebook, the executed notebooks (``notebooks/``), the
    figures with their data (``figures/``) and the tables (``tables/``). They are written
    as one set and replace the previous set in one step, so they always come from the
    same run, whose id every page and the manifest record; tables made from the same
    inputs are reused. A folder the workbook did not write is refused when it is not
    empty; files the analyst adds to a report folder survive the next run.

    Example: ``build_report(["column.txt"], out="column-report")``.
    """
    options = (options or AnalysisOptions()).check()
    run = (run or RunOptions()).check()
    if options.actors:
        options = replace(options, actors=str(Path(options.actors).absolute()))
    if options.sentiment_lexicon:
        options = replace(options,
                          sentiment_lexicon=str(Path(options.sentiment_lexicon).absolute()))
    sources = [Path(s).absolute() for s in sources] if sources else []
    folder = check_target(Path(out) if out is not None else paths.REPORTS, kind="report")
    run_id = run_id or new_run_id()
    with staged_folder(folder, kind="report", run_id=run_id) as tmp:
        tables = _tables(sources, tmp / "tables", previous=folder / "tables", options=options,
                         run=run, run_id=run_id)
        parameters = notebook_parameters(sources, options, tables_dir=tmp / "tables")
        parameters["reference"] = [str(Path(r).absolute()) for r in reference or []]
        parameters.update(check_display(display or {}))
        parameters["figures_dir"] = str(tmp / "figures")
        (tmp / "figures").mkdir()
        notebooks = notebooks_for(len(tables.documents))
        if parameters.get("group_by") is not None and len(tables.documents) > 1:
            check_grouping(tables.documents, parameters["group_by"])  # before any notebook
        run_notebooks(tmp, parameters, notebooks, run_id=run_id, rename={str(tmp): str(folder)})
        write_index(tmp, summarise(tables), notebooks, run_id=run_id)
    return folder / "index.html"


def _tables(sources: list[Path], target: Path, *, previous: Path, options: AnalysisOptions,
            run: RunOptions, run_id: str) -> Tables:
    """The tables of a new report: those of the previous report when they were made from
    the same inputs (linked, not computed again), else a new analysis."""
    try:
        old = read_tables(previous)
    except InputError:
        old = None
    if old is not None and inputs(old.manifest) == inputs(
            manifest(as_sources(sources), options, {})):
        target.mkdir()
        for name in owned_files(previous) - {MANIFEST}:
            link_or_copy(previous / name, target / name)
        write_manifest({**old.manifest, "run_id": run_id,
                        "tables_of_run": old.manifest.get("tables_of_run",
                                                          old.manifest.get("run_id"))}, target)
        write_marker(target, kind="tables", run_id=run_id,
                     files=sorted(p.name for p in target.iterdir()))
        return read_tables(target)
    return analyze(sources, out=target, options=options, run=run, run_id=run_id)


# The notebooks' display parameters and their defaults: they change what a report shows,
# never the tables.
DISPLAY = {"top": 15, "window": 3, "term": None, "group_by": None}


def check_display(display: dict) -> dict:
    """Return the display parameters, or raise :class:`InputError` for one that cannot
    work.

    >>> check_display({"top": 20, "term": "security"})
    {'top': 20, 'term': 'security'}
    """
    unknown = set(display) - set(DISPLAY)
    if unknown:
        raise InputError(f"{', '.join(sorted(unknown))} is not a display option "
                         f"({', '.join(DISPLAY)}).")
    for name in ("top", "window"):
        value = display.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 1):
            raise InputError(f"--{name} must be a whole number of at least 1, not {value!r}.")
    return {name: value for name, value in display.items() if value is not None}


def notebook_parameters(sources: list[Path], options: AnalysisOptions, *,
                        tables_dir: Path) -> dict:
    """Return the papermill parameters that make every notebook read the same tables: the
    sources, the analysis options (all of them, as the manifest records them) and the
    tables' folder."""
    return {
        "sources": [str(s) for s in sources],
        "options": options.to_dict(),
        "tables_dir": str(Path(tables_dir).absolute()),
        "interactive": False,
    }


def notebooks_for(documents: int) -> tuple[Notebook, ...]:
    """The notebooks a report of ``documents`` documents runs: all of them for a corpus;
    without the comparison for a single document, which has nothing to compare.

    >>> [n.name[:2] for n in notebooks_for(1)]
    ['01', '02', '03', '04', '06']
    """
    return tuple(n for n in NOTEBOOKS if documents >= 2 or not n.corpus_only)


def run_notebooks(folder: Path, parameters: dict, notebooks=None, *, run_id: str = "",
                  rename: dict[str, str] | None = None) -> list[Path]:
    """Execute each notebook (the executed copy goes to ``folder/notebooks``) and export
    it as ``folder/NAME.html``; return the HTML paths.

    ``rename`` maps temporary paths in the injected parameters to the paths the outputs
    will have once moved into place. No local path stays in a report: the executed
    notebooks name their inputs and outputs relative to where they are (so they re-run
    there), and the pages show paths relative to the folder the command ran in.
    """
    notebooks = NOTEBOOKS if notebooks is None else notebooks
    final = Path((rename or {}).get(str(folder), str(folder)))
    written = []
    (folder / "notebooks").mkdir(exist_ok=True)
    with kernel_folder() as kernel_dir:
        for number, notebook in enumerate(notebooks, 1):
            print(f"report: running {notebook.name} ({number}/{len(notebooks)})",
                  file=sys.stderr, flush=True)
            executed = folder / "notebooks" / notebook.name
            execute_notebook(paths.NOTEBOOKS / notebook.name, executed, parameters,
                             kernel_dir=kernel_dir)
            shown_parameters, shown = local_paths(
                parameters, rename=rename or {}, notebooks=final / "notebooks",
                shown_from=Path.cwd())
            _hide_local_paths(executed, shown_parameters, shown)
            written.append(export_html(executed, folder / f"{executed.stem}.html",
                                       show_code=notebook.show_code, run_id=run_id))
    return written


@contextmanager
def kernel_folder() -> Iterator[Path]:
    """A private temporary folder for the kernels' sockets and connection files, named
    after this process; folders that killed runs left behind are removed first."""
    base = Path(tempfile.gettempdir())
    for path in base.glob("dw-kernel-*"):
        match = re.match(r"dw-kernel-(\d+)-", path.name)
        if match and path.is_dir() and not process_alive(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f"dw-kernel-{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def execute_notebook(source: Path, target: Path, parameters: dict, *,
                     kernel_dir: Path | None = None) -> Path:
    """Run one notebook with papermill (working folder: the notebook's own) into ``target``.

    A failing cell raises :class:`InputError` naming the notebook, the cell and the error.
    """
    if not source.is_file():
        raise InputError(f"{source} does not exist (a notebook of the report).")
    with ExitStack() as stack:
        if kernel_dir is None:
            kernel_dir = stack.enter_context(kernel_folder())
        return _execute(source, target, parameters, kernel_dir)


def _execute(source: Path, target: Path, parameters: dict, kernel_dir: Path) -> Path:
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from jupyter_client.manager import KernelManager
    from papermill.exceptions import PapermillExecutionError

    manager = KernelManager(kernel_name=KERNEL, transport="ipc",
                            ip=str(kernel_dir / f"{source.stem[:12]}"),
                            connection_file=str(kernel_dir / f"{source.stem[:12]}.json"))
    try:
        papermill.execute_notebook(
            str(source), str(target), parameters=parameters, kernel_name=KERNEL,
            cwd=str(source.parent), progress_bar=False, log_output=False, km=manager,
        )
    except PapermillExecutionError as err:
        raise InputError(_failure(source.name, err, _code_cell_number(target))) from None
    except NoSuchKernel:
        raise InputError(f"The Jupyter kernel {KERNEL!r} that runs {source.name} is not "
                         "installed; `make venv` installs it.") from None
    finally:
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    return target


def local_paths(parameters: dict, *, rename: dict[str, str], notebooks: Path,
                shown_from: Path) -> tuple[dict, dict[str, str]]:
    """Return the parameters without absolute paths, and how each absolute path is to be
    shown on a page instead. ``rename`` first maps temporary folders to the final ones.
    A path inside the report is made relative to its executed notebooks' folder
    ``notebooks`` (``../tables``: they re-run where they are); any other path (the
    sources, the lists) relative to ``shown_from``, the folder the command ran in, as the
    analyst would type it, or by its name alone when it lies outside that folder.

    >>> values, shown = local_paths(
    ...     {"tables_dir": "/r/.tmp/tables", "sources": ["/r/texts/a.txt", "/b.txt"]},
    ...     rename={"/r/.tmp": "/r/out"}, notebooks=Path("/r/out/notebooks"),
    ...     shown_from=Path("/r"))
    >>> values
    {'tables_dir': '../tables', 'sources': ['texts/a.txt', 'b.txt']}
    >>> shown["/r/texts/a.txt"], shown["/b.txt"]
    ('texts/a.txt', 'b.txt')
    """
    shown: dict[str, str] = {}
    report = notebooks.parent

    def relative(value):
        if isinstance(value, list):
            return [relative(v) for v in value]
        if isinstance(value, dict):
            return {k: relative(v) for k, v in value.items()}
        if not isinstance(value, str) or not os.path.isabs(value):
            return value
        final = value
        for old, new in rename.items():
            if final == old or final.startswith(old + os.sep):
                final = new + final[len(old):]
        if final == str(report) or final.startswith(str(report) + os.sep):
            shown[value] = os.path.relpath(final, notebooks)
        else:
            typed = os.path.relpath(final, shown_from)
            shown[value] = Path(final).name if typed.startswith("..") else typed
        return shown[value]

    return relative(parameters), shown


def _hide_local_paths(notebook: Path, parameters: dict, shown: dict[str, str]) -> None:
    """Write the relative ``parameters`` into the executed notebook (its injected cell and
    papermill's record) and replace each absolute path its outputs show by ``shown``'s."""
    import nbformat
    from papermill.translators import translate_parameters

    node = nbformat.read(notebook, as_version=4)
    order = sorted(shown, key=len, reverse=True)  # a folder after the paths inside it
    for cell in node.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.source = translate_parameters(KERNEL, "python", parameters, "Parameters")
        for output in cell.get("outputs", []):
            for key in ("text", *(f"data.{m}" for m in ("text/html", "text/plain"))):
                holder, name = (output.get("data", {}), key[5:]) if "." in key else (output, key)
                if isinstance(holder.get(name), str):
                    text = holder[name]
                    for path in order:
                        text = text.replace(path, shown[path])
                    holder[name] = text
    record = node.metadata.setdefault("papermill", {})
    record["parameters"] = parameters
    for key in ("input_path", "output_path"):  # the workbook's notebook, this copy
        if record.get(key):
            record[key] = Path(record[key]).name
    nbformat.write(node, notebook)


def _code_cell_number(executed: Path) -> int | None:
    """The number of the failing cell among the code cells of the notebook as written
    (the cell papermill injects with the parameters is not counted)."""
    import nbformat

    try:
        cells = nbformat.read(executed, as_version=4).cells
    except (OSError, ValueError):
        return None
    code = [c for c in cells if c.cell_type == "code"
            and "injected-parameters" not in c.metadata.get("tags", [])]
    for number, cell in enumerate(code, 1):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return number
    return None


def _failure(name: str, err, number: int | None) -> str:
    """One sentence: which notebook, which cell, which error."""
    lines = [line.strip() for line in (err.source or "").splitlines() if line.strip()]
    code = f" (`{lines[0][:80]}`)" if lines else ""
    where = f"code cell {number}" if number else "a cell"
    value = " ".join(str(err.evalue).split())[:200]
    detail = f"{err.ename}: {value}" if value else err.ename
    return f"The notebook {name} failed in {where}{code} with {detail}"


def export_html(notebook: Path, target: Path, *, show_code: bool = True,
                run_id: str = "") -> Path:
    """Write ``notebook`` as a self-contained HTML page (embedded images and styles, no
    scripts from the network) with the run's id in its footer; ``show_code=False`` hides
    the code cells."""
    import jinja2
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        template_file="offline.html.j2",
        extra_loaders=[jinja2.DictLoader({"offline.html.j2": OFFLINE_TEMPLATE})],
        embed_images=True,
        exclude_input=not show_code,
        exclude_input_prompt=not show_code,
        exclude_output_prompt=not show_code,
    )
    node = nbformat.read(notebook, as_version=4)
    body, _ = exporter.from_notebook_node(node, resources={"metadata": {"name": _title(node)}})
    target.write_text(body.replace("</body>", footer(run_id) + "\n</body>", 1), encoding="utf-8")
    return target


def footer(run_id: str) -> str:
    """The footer of every page of a report: the workbook's version and the run's id,
    which the manifest of the report's tables records too."""
    run = f" · run {html.escape(run_id)}" if run_id else ""
    return (f'<footer class="dw-run" style="margin: 2rem 0 1rem; color: #555; '
            f'font-size: 0.85rem">Made by discourse-workbook {html.escape(__version__)}'
            f"{run}</footer>")


def _title(node) -> str:
    """The notebook's first Markdown heading, as plain text."""
    for cell in node.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return "discourse-workbook report"


# --------------------------------------------------------------------------- the index


def summary_lines(summary: Summary) -> dict[str, str]:
    """Return a one-line, data-based summary for each notebook (by file name)."""
    lines = {
        "01_load_and_clean.ipynb": (
            f"{count(len(summary.documents), 'document')}: "
            f"{count(summary.n_paragraphs, 'paragraph')}, "
            f"{count(summary.n_sentences, 'sentence')}, {count(summary.n_words, 'word')}."
        ),
    }
    if len(summary.frequent):
        lines["02_terms.ipynb"] = (
            f"Most frequent content words: {', '.join(summary.frequent.head(3).index)}; "
            f"key words: {', '.join(summary.key_terms)}.")
    tone = tone_finding(summary)
    if tone:
        lines["03_sentiment.ipynb"] = tone
    if len(summary.actors):
        top = summary.actors.iloc[0]
        lines["04_actors_and_voices.ipynb"] = (
            f"Most-mentioned actor: {top['actor']} ({count(int(top['mentions']), 'mention')}); "
            f"{count(len(summary.speech), 'direct quotation')}.")
    lines["05_compare.ipynb"] = (
        f"{count(len(summary.documents), 'document')} compared by tone, key words, trends, "
        "actors, voices and similarity.")
    lines["06_write_up.ipynb"] = (f"{count(len(findings(summary)), 'key finding')}, "
                                  "with figures, tables, methods and limitations.")
    return lines


def write_index(folder: Path, summary: Summary, notebooks=None, *, run_id: str = "") -> Path:
    """Write ``index.html`` linking each report with a one-line summary; return its path."""
    notebooks = NOTEBOOKS if notebooks is None else notebooks
    summaries = summary_lines(summary)
    items = []
    for notebook in notebooks:
        page = Path(notebook.name).with_suffix(".html").name
        line = summaries.get(notebook.name, "")
        items.append(
            f'<li><a href="{html.escape(page)}">{html.escape(notebook.title)}</a>'
            f"<p>{html.escape(notebook.question)}</p>"
            + (f'<p class="data">{html.escape(line)}</p>' if line else "")
            + "</li>"
        )
    documents = summary.documents
    titles = documents.get("title", pd.Series(dtype=object)).dropna()
    what = (f"“{titles.iloc[0]}”" if len(documents) == 1 and len(titles)
            else count(len(documents), "document"))
    page = INDEX_PAGE.format(subject=html.escape(what), items="\n".join(items),
                             footer=footer(run_id))
    target = folder / "index.html"
    target.write_text(page, encoding="utf-8")
    return target


INDEX_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>discourse-workbook reports</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.45; color: #222; }}
li {{ margin-bottom: 1rem; }}
li a {{ font-weight: bold; font-size: 1.1rem; color: #0072B2; }}
li p {{ margin: 0.2rem 0; }}
p.data {{ color: #555; }}
</style>
</head>
<body>
<h1>Discourse analysis: {subject}</h1>
<p>Reports made by discourse-workbook. Start with the write-up; the numbered notebooks
show how each result was obtained.</p>
<ol>
{items}
</ol>
{footer}
</body>
</html>
"""

"""The notebooks: committed clean and parameterised, short cells, and they run — on the
default article and on a small corpus — through ``discourse-workbook report``.

The two report runs are made once per test session, shared by the xdist workers through a
lock file (:func:`report_runs`, which ``test_report.py`` uses too).
"""

from __future__ import annotations

import fcntl
import json
import os
import platform
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from conftest import INAUGURAL
from discourse_workbook import paths
from discourse_workbook.pipeline.store import read_tables
from discourse_workbook.report import NOTEBOOKS, notebooks_for

NAMES = [notebook.name for notebook in NOTEBOOKS]
# the default article is one document: its report has no comparison
RUN_NAMES = {"default": [n.name for n in notebooks_for(1)], "corpus": NAMES}
RUNS = [(run, name) for run, names in RUN_NAMES.items() for name in names]
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE_TITLE = "<script>document.title='PWNED'</script>"
HOSTILE_MARK = "<img src=y onerror=\"document.body.dataset.pwned='yes'\">"
HOSTILE = (HOSTILE_SCRIPT, HOSTILE_IMAGE, HOSTILE_TITLE, HOSTILE_MARK)
CORPUS = {
    "a-hostile.txt": f"""{HOSTILE_SCRIPT} and the Kremlin

By Jane Roe

"{HOSTILE_SCRIPT} is a terrible, horrible, disgusting attack on us all," Lavrov said. \
Moscow warned that {HOSTILE_IMAGE} was a brutal and cruel provocation by NATO.

Critics said the onerror tag {HOSTILE_IMAGE} was a hoax, and the onerror story \
{HOSTILE_IMAGE} was false. Russia and the United States traded angry warnings.

The page {HOSTILE_TITLE} then {HOSTILE_MARK} went unnoticed. The West responded with calm \
words. Washington welcomed the talks, and Brussels praised the \
good progress made by the European Union.
""",
    "b-peace.txt": """Talks on a new security order

China and India praised the talks. "This is a wonderful day for peace," Modi said. Security \
in Eurasia depends on trust between neighbours.

Critics called the plan a 'fantasy'. Ukraine rejected it, and the war continued with \
terrible losses.
""",
    "c-sanctions.txt": """Sanctions bite

The European Union adopted new sanctions on Russia. Prices rose sharply and families suffered.

Putin dismissed the sanctions as a failure of the West. Security, he argued, cannot be built \
against Russia.
""",
}


def _report(out: Path, *arguments: str | Path) -> dict:
    """Run ``discourse-workbook report`` in a subprocess; return its exit code and output."""
    command = [sys.executable, "-m", "discourse_workbook", "report", *map(str, arguments),
               "--out", str(out), "--workers", "1", "--no-progress"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600,
                          cwd=paths.ROOT)
    return {"out": str(out), "returncode": done.returncode, "stdout": done.stdout,
            "stderr": done.stderr}


def report_runs(tmp_path_factory) -> dict:
    """Return the report runs, made once for all workers: ``default`` (the default
    article) and ``corpus`` (three short texts, one with hostile markup, demonyms not
    counted), each with out, returncode, stdout and stderr."""
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "dw-reports"
    root.mkdir(exist_ok=True)
    record = root / "runs.json"
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            corpus = root / "corpus-sources"
            corpus.mkdir(exist_ok=True)
            for name, text in CORPUS.items():
                (corpus / name).write_text(text, encoding="utf-8")
            with ThreadPoolExecutor(2) as pool:
                default = pool.submit(_report, root / "default", "--reference", INAUGURAL)
                small = pool.submit(_report, root / "corpus", corpus, "--no-demonyms")
                runs = {"default": default.result(), "corpus": small.result()}
            record.write_text(json.dumps(runs), encoding="utf-8")
    runs = json.loads(record.read_text(encoding="utf-8"))
    for name, run in runs.items():
        assert run["returncode"] == 0, f"the {name} report failed:\n{run['stderr'][-3000:]}"
    return runs


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict:
    return report_runs(tmp_path_factory)


def executed(built: dict, run: str, name: str) -> nbformat.NotebookNode:
    return nbformat.read(Path(built[run]["out"]) / "notebooks" / name, as_version=4)


def outputs(notebook: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def source(name: str) -> nbformat.NotebookNode:
    return nbformat.read(paths.NOTEBOOKS / name, as_version=4)


# --------------------------------------------------------------------------- as committed


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_without_outputs(name):
    notebook = source(name)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_opens_with_its_question_then_parameters(name):
    cells = source(name).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    assert "?" in cells[0].source or "findings" in cells[0].source
    parameters = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1
    assert cells.index(parameters[0]) <= 2
    for line in ("sources = []", "options = {}", "tables_dir = None", "figures_dir = None",
                 "window = 3", "interactive = True"):
        assert line in parameters[0].source
    loads = [c for c in cells if "ensure_tables(" in c.source and c.cell_type == "code"]
    assert len(loads) == 1 and "out=tables_dir" in loads[0].source


@pytest.mark.parametrize("name", NAMES)
def test_notebook_cells_are_short_and_without_logic(name):
    for cell in source(name).cells:
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
            continue
        if cell.source.lstrip().startswith(("import", "from")):
            continue
        assert len(cell.source.splitlines()) <= 4, cell.source
        assert not re.search(r"^\s*(for|while|def|class|if|with|try)\b", cell.source, re.M), \
            cell.source


@pytest.mark.parametrize("name", NAMES)
def test_every_chart_is_shown_as_a_numbered_exhibit_under_a_stable_name(name):
    """A figure drawn is shown (and saved with its data) by ``exhibits.figure`` in its own
    cell or, drawn as ``figure = plot_…``, in the next one; names are stable identifiers."""
    cells = [c.source for c in source(name).cells
             if c.cell_type == "code" and not c.source.lstrip().startswith(("import", "from"))]
    for i, cell in enumerate(cells):
        if not re.search(r"\bplot_(?!subject\()\w+\(", cell):
            continue
        shown_in = cells[i + 1] if re.search(r"^figure = plot_", cell, re.M) else cell
        assert "exhibits.figure(" in shown_in, cell
    names = re.findall(r'exhibits\.figure\(\s*"([^"]*)"', "\n".join(cells))
    assert all(re.fullmatch(r"[a-z_]+", n) for n in names), names
    assert len(names) == len(set(names)), "a figure name used twice"
    for drawn in re.findall(r'exhibits\.figure\(\s*"([^"]*)", \*drawn\["([^"]*)"\]',
                            "\n".join(cells)):
        assert drawn[0] == drawn[1]
    if name != "01_load_and_clean.ipynb":
        assert names or "show_corpus(" in "".join(cells)


# --------------------------------------------------------------------------- as executed


@pytest.mark.slow
@pytest.mark.parametrize(("run", "name"), RUNS)
def test_notebook_runs_to_the_end(built, run, name):
    notebook = executed(built, run, name)
    assert notebook.metadata["papermill"]["parameters"]["interactive"] is False
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    assert not [o for o in outputs(notebook) if o.output_type == "error"]
    assert not [o for o in outputs(notebook) if o.get("name") == "stderr"], "a warning shows"


@pytest.mark.slow
@pytest.mark.parametrize("run", ["default", "corpus"])
def test_tables_shown_stay_small(built, run):
    for name in RUN_NAMES[run]:
        for output in outputs(executed(built, run, name)):
            page = output.get("data", {}).get("text/html", "")
            for body in re.findall(r"<tbody>(.*?)</tbody>", page, re.S):
                assert body.count("<tr") <= 15, f"{name} shows a table of more than 15 rows"


@pytest.mark.slow
def test_first_notebook_records_the_environment(built):
    page = " ".join(o.get("data", {}).get("text/html", "")
                    for o in outputs(executed(built, "default", NAMES[0])))
    assert platform.python_version() in page
    assert "vaderSentiment" in page and "pandas" in page


@pytest.mark.slow
def test_first_notebook_shows_what_cleaning_removed(built):
    page = " ".join(o.get("data", {}).get("text/html", "")
                    for o in outputs(executed(built, "default", NAMES[0])))
    removed = read_tables(Path(built["default"]["out"]) / "tables").documents["removed"].iloc[0]
    assert len(removed) > 0
    assert str(removed[0]).split()[0] in page


@pytest.mark.slow
@pytest.mark.parametrize("run", ["default", "corpus"])
@pytest.mark.parametrize("name", ["02_terms.ipynb", "04_actors_and_voices.ipynb"])
def test_explorers_fall_back_to_static_tables(built, run, name):
    last = [c for c in executed(built, run, name).cells if c.cell_type == "code"][-1]
    assert "explore_" in last.source
    data = last.outputs[0]["data"]
    assert "application/vnd.jupyter.widget-view+json" not in data
    if name == "02_terms.ipynb":  # the page already shows the concordance: a note instead
        assert "this cell is an explorer" in data["text/html"]
        assert "<table" not in data["text/html"]
    else:
        assert "<table" in data["text/html"]


@pytest.mark.slow
@pytest.mark.parametrize("run", ["default", "corpus"])
def test_notebooks_reuse_the_tables_the_report_made(built, run):
    out = Path(built[run]["out"])
    manifest = out / "tables" / "manifest.json"
    assert manifest.stat().st_mtime <= (out / "notebooks" / NAMES[0]).stat().st_mtime
    options = json.loads(manifest.read_text(encoding="utf-8"))["analysis"]
    assert options["demonyms"] is (run == "default")
    tables = read_tables(out / "tables")
    assert bool(tables.mentions["demonym"].any()) is (run == "default")


def test_keyness_against_a_named_reference_corpus(built):
    """The default article against the inaugural addresses: words of the column's own
    subject are key; without a reference the notebook says how to name one."""
    terms_page = (Path(built["default"]["out"]) / "02_terms.html").read_text("utf-8")
    section = terms_page.split("Against a corpus of your choice", 1)[1][:20000]
    assert "reference_rate" in section
    for word in ("eurasian", "security", "russia"):
        assert f">{word}<" in section
    corpus_page = (Path(built["corpus"]["out"]) / "02_terms.html").read_text("utf-8")
    assert "No reference corpus was named" in corpus_page

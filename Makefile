# The two commands a new user needs: `make demo` builds the seeded SQLite database and writes the
# workbooks; `make test` runs the whole suite (SQLite, and PostgreSQL when a server answers).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/silkledger init
	$(BIN)/silkledger db status
	$(BIN)/silkledger report deals --out reports/deals.xlsx
	$(BIN)/silkledger report trade --out reports/trade.xlsx
	@echo "Done: database data/silkledger.db, workbooks reports/deals.xlsx and reports/trade.xlsx"

test: $(STAMP)
	$(BIN)/pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) data reports .pytest_cache

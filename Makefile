# Set-up is idempotent: the venv is (re)installed only when pyproject.toml changes, the model is converted
# only when missing or broken, the index is rebuilt only when a chronicle or the model changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup model index chat test eval bench clean help

help:
	@echo "make chat   set up everything, then start the console chat"
	@echo "make test   set up everything, then run the test suite"
	@echo "make eval   retrieval quality on the fourteen question sets;  make bench   speed and memory figures"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

model: $(STAMP)
	@$(BIN)/python -m retrieval.e5_convert
	@$(BIN)/python -m retrieval.lexicon

index: model
	@$(BIN)/chronicle index

setup: index

chat: setup
	@$(BIN)/chronicle chat

test: setup
	$(BIN)/python -m pytest -q

eval: setup
	@for set in data/eval/questions.jsonl data/eval/holdout.jsonl data/eval/fresh.jsonl data/eval/blind.jsonl data/eval/final.jsonl data/eval/sixth.jsonl data/eval/seventh.jsonl data/eval/eighth.jsonl data/eval/tenth.jsonl data/eval/eleventh.jsonl data/eval/twelfth.jsonl data/eval/thirteenth.jsonl data/eval/fourteenth.jsonl data/eval/fifteenth.jsonl; do \
		echo "== $$set"; $(BIN)/chronicle eval --questions $$set || exit 1; done

bench: setup
	@$(BIN)/chronicle bench

clean:
	rm -rf data/index data/models .pytest_cache

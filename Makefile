# Set-up is idempotent: the venv is (re)installed only when pyproject.toml changes, the model is converted and
# the word lexicon compiled only when missing, broken or outdated, the index is rebuilt only when a chronicle or
# the model changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The question sets of docs/retrieval.md: the tuning set, then the blind sets in the order they were written
# (ninth, seventeenth, eighteenth, twentieth, twentysecond, twentyfourth, twentysixth, thirtieth, thirtyfifth to thirtyeighth,
# fortythird and fortyfourth were each held back and measured once, at the end of a round; thirtysecond, thirtyninth, fortieth,
# fortyfifth and fortysixth were written during the last round of a session and measured once on its final code).
EVAL_SETS := questions holdout fresh blind final sixth seventh eighth tenth eleventh twelfth thirteenth \
	fourteenth fifteenth sixteenth ninth seventeenth eighteenth nineteenth twentyfirst twentieth twentysecond \
	twentythird twentyfourth twentyfifth twentyseventh twentyeighth twentyninth thirtyfirst twentysixth thirtieth thirtysecond \
	thirtythird thirtyfourth thirtyfifth thirtysixth thirtyseventh thirtyeighth thirtyninth fortieth fortyfirst fortysecond fortythird fortyfourth fortyfifth fortysixth \
	fortyseventh fortyeighth fortyninth fiftieth \
	fiftyfirst fiftysecond fiftyfifth fiftysixth fiftyseventh fiftyeighth fiftythird fiftyfourth \
	fiftyninth sixtieth sixtythird sixtyfourth sixtyfirst sixtysecond sixtyfifth sixtyeighth sixtysixth sixtyseventh sixtyninth seventieth seventyfirst seventysecond seventythird seventyfourth seventyfifth seventysixth seventyseventh seventyeighth seventyninth eightieth eightyfirst eightysecond eightythird eightyfourth eightyfifth eightysixth eightyseventh eightyeighth eightyninth ninetieth ninetyfirst ninetysecond ninetythird ninetyfourth ninetyfifth ninetysixth ninetyseventh ninetyeighth ninetyninth hundredth \
	hundredfirst hundredthird hundredsecond hundredfourth hundredfifth hundredsixth \
	hundredseventh hundredtenth hundredeighth hundredninth hundredeleventh hundredtwelfth \
	hundredthirteenth hundredseventeenth hundredfourteenth hundredfifteenth hundredsixteenth hundredeighteenth \
	hundrednineteenth hundredtwentieth hundredtwentyfirst hundredtwentysecond hundredtwentythird hundredtwentyfourth \
	hundredtwentysixth hundredtwentyeighth hundredtwentyfifth hundredtwentyseventh \
	hundredtwentyninth hundredthirtieth hundredthirtyfirst hundredthirtysecond hundredthirtythird \
	hundredthirtyfourth hundredthirtyfifth hundredthirtysixth hundredthirtyseventh \
	hundredthirtyeighth hundredthirtyninth hundredfortieth hundredfortyfirst \
	hundredfortysecond hundredfortythird hundredfortyfourth hundredfortyfifth \
	hundredfortysixth hundredfortyseventh hundredfortyeighth hundredfortyninth \
	hundredfiftieth hundredfiftyfirst hundredfiftysecond hundredfiftythird \
	hundredfiftyfourth hundredfiftyfifth hundredfiftysixth hundredfiftyseventh \
	hundredfiftyeighth hundredfiftyninth hundredsixtieth hundredsixtyfirst \
	hundredsixtysecond hundredsixtythird hundredsixtyfourth hundredsixtyfifth \
	hundredsixtysixth hundredsixtyseventh hundredsixtyeighth hundredsixtyninth \
	hundredseventieth hundredseventyfirst hundredseventysecond hundredseventythird \
	hundredseventyfourth hundredseventyfifth hundredseventysixth hundredseventyseventh \
	hundredseventyeighth hundredseventyninth hundredeightieth hundredeightyfirst \
	hundredeightysecond hundredeightythird hundredeightyfourth hundredeightyfifth \
	hundredeightysixth hundredeightyseventh hundredeightyeighth hundredeightyninth \
	hundredninetieth hundredninetyfirst hundredninetysecond hundredninetythird \
	hundredninetyfourth hundredninetyfifth hundredninetysixth hundredninetyseventh \
	hundredninetyeighth hundredninetyninth twohundredth twohundredfirst \
	twohundredsecond twohundredthird twohundredfourth twohundredfifth \
	twohundredsixth twohundredseventh twohundredeighth twohundredninth \
	twohundredtenth twohundredeleventh twohundredtwelfth twohundredthirteenth

.PHONY: setup model index chat test eval bench clean help

help:
	@echo "make chat   set up everything, then start the console chat"
	@echo "make test   set up everything, then run the test suite"
	@echo "make eval   retrieval quality on the question sets of docs/retrieval.md;  make bench   speed and memory figures"

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
	$(BIN)/python -m pytest -q -n auto --maxprocesses 4

eval: setup
	@for set in $(EVAL_SETS); do echo "== data/eval/$$set.jsonl"; \
		$(BIN)/chronicle eval --questions data/eval/$$set.jsonl || exit 1; done

bench: setup
	@$(BIN)/chronicle bench

clean:
	rm -rf data/index data/models .pytest_cache

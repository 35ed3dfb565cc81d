"""Property-based tests: the chronicle parser, the date parser and the question cleaner on arbitrary input.

The parser may refuse text, but only with ChronicleFormatError naming a line of that text; the date parser
never refuses anything and every span it returns is a real range of days; a cleaned question holds no
control or format character and respects the cap. Hypothesis draws both arbitrary Unicode and text built
from the chronicle's own grammar (month headers, day entries, ranges, △, page furniture), plus mutations of
the real 2020 chronicle (lines deleted, duplicated, swapped, junk inserted), which reach the deep branches.
"""

from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bot.engine import _TAG, clean_question
from retrieval.dates import parse_dates
from retrieval.errors import ChronicleFormatError
from retrieval.events import Event
from retrieval.parsing import decode_chronicle, parse_chronicle

SEED = Path(__file__).resolve().parents[1] / "data" / "chronicles" / "2020.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")

# Every example runs in microseconds; a few hundred per property keeps the file at a few seconds.
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- strategies -----------------------------------------------------------------------------------------------

# Anything Python can hold, surrogates and private use included.
any_char = st.characters(codec=None)
any_text = st.text(any_char, max_size=200)

_invisible = "\ufffd\ufeff\u200b\u200c\u200d\u2060\u202e\u202c\u00a0\u2003\u3000\t\r"
_number = st.one_of(
    st.integers(0, 40).map(str),
    st.sampled_from(["00", "99", "３", "٣", "十二", "〇", "1٢", "001"]),
)
_body = st.text(st.sampled_from("园区召开大会发布政策条。，“”《》（）APG-2575 Example Expo" + _invisible), max_size=30)
_grammar_line = st.one_of(
    st.builds(lambda n: f"{n}月", _number),
    st.builds(lambda n, sep, b: f"{n}日{sep}{b}", _number, st.sampled_from(["  ", "\u3000", "“", "《", "", "\t"]), _body),
    st.builds(lambda a, dash, b, body: f"{a}{dash}{b}日  {body}", _number, st.sampled_from("—–-~～至"), _number, _body),
    st.builds(lambda n, b: f"{n}月  {b}", _number, _body),
    st.builds(lambda b: f"△{b}", _body),
    st.builds(lambda b: f"{b}（园\u2003 鉴）", _body),
    st.sampled_from(["", " ", "大事记", " 大事记 ", "\ufeff", "\r", "△", "日", "月"]),
    _body,
    st.text(any_char, max_size=20),
)
grammar_text = st.lists(_grammar_line, max_size=40).map("\n".join)
year = st.integers(1900, 2099)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """The real chronicle with a few lines deleted, duplicated, swapped or replaced by junk."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "junk", "truncate"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "junk":
            lines.insert(i, draw(st.one_of(_grammar_line, any_text)))
        else:
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]) - 1)))]
        if not lines:
            break
    return "\n".join(lines)


# -- the chronicle parser -------------------------------------------------------------------------------------


def check_parse(text: str, year: int, name: str = "fuzz.txt") -> list[Event] | None:
    """Parse; a refusal must be ChronicleFormatError naming this file and a line inside it."""
    try:
        events = parse_chronicle(text, year, name)
    except ChronicleFormatError as exc:
        assert exc.path == name
        if exc.line is not None:
            assert 1 <= exc.line <= text.count("\n") + 1, (exc.line, str(exc))
        assert str(exc).startswith(f"{name}:")
        return None
    check_events(events, text, year, name)
    return events


def check_events(events: list[Event], text: str, year: int, name: str) -> None:
    """What every parsed event promises: a real date in the file's year, its source line, clean text."""
    line_count = text.count("\n") + 1
    assert len({e.id for e in events}) == len(events)
    for event in events:
        assert event.year == year
        start = dt.date.fromisoformat(event.date if event.day else event.date + "-01")
        if event.date_end is not None:
            end = dt.date.fromisoformat(event.date_end)
            assert end > start and end.month == start.month
        file, _, line = event.source.rpartition(":")
        assert file == name and 1 <= int(line) <= line_count
        assert event.text and event.text == event.text.strip()
        assert not any(ch in event.text for ch in "\n\ufffd\ufeff\u200b")


@FAST
@given(any_text, year)
def test_parser_on_arbitrary_text_raises_only_the_documented_error(text: str, year: int) -> None:
    check_parse(text, year)


@FAST
@given(grammar_text, year)
@example("1月\n2日  一事。\n", 2020)
@example("2月\n29日  闰日。\n", 2021)
@example("1月\n\n\n△", 2020)
def test_parser_on_chronicle_shaped_text_raises_only_the_documented_error(text: str, year: int) -> None:
    check_parse(text, year)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed())
def test_parser_on_a_mutated_real_chronicle_raises_only_the_documented_error(text: str) -> None:
    check_parse(text, 2020, "2020.txt")


def test_the_unmutated_chronicle_parses() -> None:
    events = check_parse("\n".join(SEED_LINES), 2020, "2020.txt")
    assert events is not None and len(events) == 168


@FAST
@given(st.lists(st.text(st.characters(codec="utf-8"), max_size=15), min_size=1, max_size=8), st.data(), st.booleans())
def test_undecodable_bytes_are_refused_on_their_own_line(lines: list[str], data: st.DataObject, bom: bool) -> None:
    good = "\n".join(lines).encode("utf-8")
    cut = data.draw(st.integers(0, len(good)))
    while cut < len(good) and (good[cut] & 0xC0) == 0x80:  # never inside a character
        cut += 1
    broken = good[:cut] + data.draw(st.sampled_from([b"\xff", b"\xfe\xff", b"\xc3(", b"\xed\xa0\x80"])) + good[cut:]
    prefix = codecs.BOM_UTF8 if bom else b""
    try:
        decode_chronicle(prefix + broken, "bad.txt")
    except ChronicleFormatError as exc:
        assert exc.path == "bad.txt"
        assert exc.line == broken[:cut].count(b"\n") + 1, (exc.line, broken)
    else:
        raise AssertionError("undecodable bytes were accepted")


# -- the date parser ------------------------------------------------------------------------------------------

_date_words = st.sampled_from(
    ["月", "日", "号", "年", "至", "到", "—", "-", "/", ".", "上旬", "中旬", "下旬", "初", "底", "第一周", "最后一周",
     "上半年", "下半年", "季度", "第", "年初", "年底", "十", "二十", "三十一", "两", "〇", "０", "１２",
     "May", "may", "June", "Feb", "February", "Sept.", "ſept", "the", "of", "between", "and", "from", "to",
     "st", "nd", "th", "early", "mid", "late", "end", "first", "last", "week", "half", "quarter", "Q", "H",
     "year", "new year", "Christmas", "womens day", "women’s day", "childrens day", "国庆节", "五一", " ", ",",
     "2020", "0000", "9999", "1", "29", "30", "31", "45", "13", "٣", "İ", "ı", "K"]
)
date_text = st.lists(st.one_of(_date_words, st.integers(0, 99).map(str)), max_size=14).map("".join)
date_text_spaced = st.lists(st.one_of(_date_words, st.integers(0, 99).map(str)), max_size=14).map(" ".join)


def check_dates(question: str) -> None:
    query = parse_dates(question)
    for span in query.spans:
        year = span.year or 2020  # a span without a year is checked against a leap year, as dates.py does
        start = dt.date(year, *span.start)  # raises on an impossible day
        end = dt.date(year, *span.end)
        assert start <= end, span
        assert span.year is None or 0 <= span.year <= 9999
        assert span.label
    assert all(isinstance(bad, str) and bad for bad in query.invalid)
    assert isinstance(query.rest, str)


@FAST
@given(any_text)
def test_date_parser_never_raises_on_arbitrary_text(question: str) -> None:
    check_dates(question)


@FAST
@given(st.one_of(date_text, date_text_spaced))
@example("What happened on womens day?")
@example("childrens day")
@example("ſeptember 3")
@example("Chriſtmas")
@example("ſecond quarter")
@example("13月45日")
@example("February 30")
@example("0000年2月29日")
def test_date_parser_returns_only_real_ranges_of_days(question: str) -> None:
    check_dates(question)


def test_case_folded_spellings_mean_what_they_say() -> None:
    """re.IGNORECASE matches ſ as s and ı as i; the words matched must still be understood, not mistaken."""
    assert [(s.start, s.end) for s in parse_dates("firſt half").spans] == [((1, 1), (6, 30))]
    assert [(s.start, s.end) for s in parse_dates("mıd-May").spans] == [((5, 11), (5, 20))]
    assert [(s.start, s.end) for s in parse_dates("What happened on womens day?").spans] == [((3, 8), (3, 8))]


# -- the question cleaner -------------------------------------------------------------------------------------

BANNED = {"Cc", "Cf", "Cs", "Co"}


@FAST
@given(any_text, st.integers(1, 600))
@example("\u202e科创板\u202c\u200b\u200d\ufeff", 500)
@example("\x00\x01\x07 科创板 \x1b[31m", 500)
@example("😀" * 300, 100)
def test_cleaned_question_has_no_control_or_format_characters_and_respects_the_cap(text: str, limit: int) -> None:
    cleaned, notice = clean_question(text, limit)
    assert not [ch for ch in cleaned if unicodedata.category(ch) in BANNED]
    assert len(cleaned) <= limit
    assert cleaned == cleaned.lstrip()
    assert "  " not in cleaned
    assert (notice is not None) == (len(clean_question(text, 10**9)[0]) > limit)


@FAST
@given(st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), max_size=100))
def test_cleaning_keeps_ordinary_questions(text: str) -> None:
    # "<A>" is a markup tag, which cleaning drops on purpose (test_reliability, test_telegram): not an ordinary
    # question.
    assume(not _TAG.search(unicodedata.normalize("NFC", text)))
    cleaned, notice = clean_question(text, 500)
    assert notice is None
    assert cleaned == " ".join(unicodedata.normalize("NFC", text).split())


def test_line_breaks_and_tabs_separate_words() -> None:
    """A question typed over two lines (Telegram, a pasted paragraph) keeps its words apart."""
    assert clean_question("Which companies\nlisted\ton the\r\nSTAR Market?", 500)[0] == (
        "Which companies listed on the STAR Market?"
    )


def test_long_question_is_capped_with_a_note() -> None:
    cleaned, notice = clean_question("科" * 100_000, 500)
    assert len(cleaned) == 500 and notice and "500" in notice

"""What speech-to-text leaves in a question, read as typed: punctuation said aloud ("question mark", "逗号"),
numbers and dates said in words ("november twentieth", "twenty twenty", "four hundred fifty three") and
initials said one by one ("e c m o"). Pure functions of the text."""
from __future__ import annotations

import re

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORD_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
              "ninth": 9}
_ORD_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
              "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
              "thirtieth": 30}
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _ordinal(n: int) -> str:
    """21 as "21st", 12 as "12th"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Punctuation said aloud: on its own between words (or ending the question), never inside a word (打问号 stays).
_SAID_MARKS_EN = {
    "question mark": "?", "comma": ",", "full stop": ".", "exclamation mark": "!", "exclamation point": "!",
    "colon": ":", "semicolon": ";", "new line": "\n", "new paragraph": "\n", "open quote": '"', "close quote": '"',
    "end quote": '"', "unquote": '"',
}
_SAID_MARKS_ZH = {"问号": "？", "逗号": "，", "句号": "。", "感叹号": "！", "叹号": "！", "冒号": "：", "顿号": "、",
                  "分号": "；", "换行": "\n", "破折号": "——"}
_SAID_EN = re.compile(rf"\s*\b({_alt(_SAID_MARKS_EN)})\b(?=\s|$|[?.!,])|(?<!\bthe)(?<!\bthat)(?<!\bthis)(?<!\ba)(?<!\bsame)(?<!\bwhole)\s+period\s*$", re.I)
_SAID_ZH = re.compile(rf"(?:(?<=\s)|^|(?<=[\u4e00-\u9fff]))({_alt(_SAID_MARKS_ZH)})(?=\s|$)")

# A year said as two numbers ("twenty twenty", "twenty nineteen") or with thousand ("two thousand and twenty").
_YEAR = re.compile(
    rf"\b(?:twenty|two\s+thousand(?:\s+and)?)\s+({_alt(_TEENS)}|(?:{_alt(_TENS)})(?:[\s-](?:{_alt(_UNITS)}))?)\b", re.I)
# Ordinals: compound ones ("twenty second", "thirty-first") and from tenth up, always; the first nine only beside
# a month ("may third", "the fourth of june"), as elsewhere they are words ("first batch", "second phase").
_ORD_COMPOUND = re.compile(rf"\b({_alt(_TENS)})[\s-]({_alt(_ORD_UNITS)})\b", re.I)
_ORD_HIGH = re.compile(rf"\b({_alt(_ORD_TEENS)})\b", re.I)
_ORD_BY_MONTH = re.compile(
    rf"\b({_MONTHS})\s+(?:the\s+)?({_alt(_ORD_UNITS)})\b|\b({_alt(_ORD_UNITS)})\s+(?=of\s+{_MONTHS}\b)", re.I)
# Cardinals from eleven up ("four hundred fifty three", "twenty six"); one to ten stay words ("one of the").
_ELEVEN_UP = {word: n for word, n in _TEENS.items() if n > 10}
_CARDINAL = re.compile(
    rf"\b(?:({_alt(_UNITS)})\s+hundred(?:\s+and)?\s+)?(?:({_alt(_TENS)})(?:[\s-]({_alt(_UNITS)}))?|({_alt(_ELEVEN_UP)}))\b", re.I)
_HUNDREDS = re.compile(rf"\b({_alt(_UNITS)})\s+hundred(?:(?:\s+and)?\s+({_alt(_UNITS)}))?\b", re.I)
# Initials said one by one: "e c m o", "d b s". A leading "a" is the article ("a c t scanner").
_INITIALS = re.compile(r"(?<![\w'’.-])[a-z](?:\s+[a-z](?![\w'’]))+(?![\w'’])")
# Words an English question holds only if dictated (read once, not for every question).
_HINTS = (*_SAID_MARKS_EN, "period", *_TENS, *_TEENS, *_ORD_TEENS, *_ORD_UNITS, "hundred", "thousand")


def _year(m: re.Match[str]) -> str:
    rest = m.group(1).lower().replace("-", " ").split()
    value = _TEENS.get(rest[0]) or _TENS.get(rest[0], 0) + (_UNITS.get(rest[1], 0) if len(rest) > 1 else 0)
    return str(2000 + value)


def _cardinal(m: re.Match[str]) -> str:
    hundreds, tens, units, teens = (g.lower() if g else g for g in m.groups())
    value = (_UNITS[hundreds] * 100 if hundreds else 0) + (_TENS[tens] if tens else 0)
    return str(value + (_UNITS[units] if units else 0) + (_ELEVEN_UP[teens] if teens else 0))


def _hundreds(m: re.Match[str]) -> str:
    return str(_UNITS[m.group(1).lower()] * 100 + (_UNITS[m.group(2).lower()] if m.group(2) else 0))


def _initials(m: re.Match[str]) -> str:
    letters = m.group().split()
    if letters[0].lower() == "a" or (letters[0].lower() == "i" and len(letters) == 2):
        # "a c t scanner" is a CT scanner; "i b m" is IBM, but "i m" is a slip for I'm
        return m.group() if len(letters) == 2 else f"{letters[0]} {''.join(letters[1:]).upper()}"
    return "".join(letters).upper()


def undictated(question: str) -> str:
    """``question`` with what dictation spells out written as typed: marks for the punctuation said aloud,
    figures for numbers and dates said in words, initials said one by one run together."""
    if question.isascii():
        lowered = question.lower()
        if not any(w in lowered for w in _HINTS) and not _INITIALS.search(question):
            return question
    question = _SAID_ZH.sub(lambda m: _SAID_MARKS_ZH[m.group(1)], question)
    question = _SAID_EN.sub(lambda m: _SAID_MARKS_EN.get((m.group(1) or "").lower(), "."), question)
    question = _YEAR.sub(_year, question)
    question = _ORD_COMPOUND.sub(lambda m: _ordinal(_TENS[m.group(1).lower()] + _ORD_UNITS[m.group(2).lower()]), question)
    question = _ORD_HIGH.sub(lambda m: _ordinal(_ORD_TEENS[m.group(1).lower()]), question)

    def by_month(m: re.Match[str]) -> str:
        if m.group(1):
            return f"{m.group(1)} {_ordinal(_ORD_UNITS[m.group(2).lower()])}"
        return f"{_ordinal(_ORD_UNITS[m.group(3).lower()])} "

    question = _ORD_BY_MONTH.sub(by_month, question)
    question = _HUNDREDS.sub(_hundreds, _CARDINAL.sub(_cardinal, question))
    return _INITIALS.sub(_initials, question)

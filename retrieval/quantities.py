"""Quantities in questions and entries: heights, areas, sums of money and counts, in Chinese and English.

A user who does not know a thing's name often gives its size instead: "那个号称快500米的超高楼" is 苏州中南中心
("规划高度499.15米"), "the 1.8 billion yuan industrial park" is the one of "总投资约1.8亿元". ``quantities(text)``
reads each (kind, value) a text states, in one unit per kind (metres, square metres, yuan, a count); ``close`` tells
two values that round to each other ("快500米" and 499.15米). Pure.
"""

from __future__ import annotations

import re

# Chinese multipliers and English scales.
_CN_SCALE = {"": 1.0, "万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
_EN_SCALE = {"": 1.0, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_NUMBER = r"(\d+(?:,\d{3})*(?:\.\d+)?)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # 50.8万平方米, 9.2万平米, 200,000 square metres, 20万㎡
    ("area", re.compile(rf"{_NUMBER}\s*(万)?\s*(?:平方米|平米|㎡|square\s+met(?:re|er)s?|sq\.?\s*m\b)", re.I)),
    # 499.15米, 500 m, 500 metres (not 米 of 平方米, nor a distance in kilometres)
    ("height", re.compile(rf"{_NUMBER}\s*(?:米(?!高粱)|m\b(?!\s*(?:yuan|rmb|usd))|met(?:re|er)s?\b)(?<!平方米)", re.I)),
    # 1.8亿元, 224亿, 7000万元, 60.7 亿元
    ("money", re.compile(rf"{_NUMBER}\s*(万|亿)\s*(?:元|人民币)?")),
    # RMB 1.8bn, 1.8 billion yuan, CNY 180 million, $5m
    ("money in english", re.compile(
        rf"(?:(?:rmb|cny|usd|us\$|\$|¥)\s*){_NUMBER}\s*(k|m|mn|b|bn|thousand|million|billion)?\b"
        rf"|{_NUMBER}\s*(k|m|mn|b|bn|thousand|million|billion)\s*(?:yuan|rmb|cny)\b", re.I)),
)


def _value(number: str) -> float:
    return float(number.replace(",", ""))


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# "五百米", "一点八亿", "三十万平方米": a number in Chinese numerals before a unit.
_CN_FIGURE = re.compile(r"([零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)(?=\s*(?:万|亿|米|平方米|平米|元))")


def cn_figure(text: str) -> float | None:
    """A number in Chinese numerals (六百, 一千二, 三十五) as a value; None when ``text`` is not one."""
    # (A unit alone, 百 or 千, is no figure: 百米 is a sprint, 千家 many.)
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text) or not (set(text) & set(_CN_DIGITS) or text == "十"):
        return None
    return float(_cn_figure(text))


def _cn_figure(text: str) -> str:
    """A number in Chinese numerals as figures: 五百 → 500, 一点八 → 1.8, 三十 → 30."""
    whole, _, decimals = text.partition("点")
    total = section = 0
    for ch in whole:
        if ch in _CN_DIGITS:
            section = _CN_DIGITS[ch]
        else:
            total += (section or 1) * _CN_UNITS[ch]
            section = 0
    total += section
    return str(total) + ("." + "".join(str(_CN_DIGITS[ch]) for ch in decimals) if decimals else "")


def quantities(text: str) -> list[tuple[str, float]]:
    """Each (kind, value) ``text`` states: "height" in metres, "area" in square metres, "money" in yuan."""
    text = _CN_FIGURE.sub(lambda m: _cn_figure(m.group(1)), text)
    found: list[tuple[str, float]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(start < m.end() and m.start() < end for start, end in taken):
                continue
            groups = m.groups()
            if kind == "money in english":
                number, scale = (groups[0], groups[1]) if groups[0] else (groups[2], groups[3])
                value = _value(number) * _EN_SCALE[(scale or "").lower()]
            else:
                value = _value(groups[0]) * _CN_SCALE[groups[1] or ""] if len(groups) > 1 else _value(groups[0])
            if value <= 0:
                continue
            found.append(("money" if kind == "money in english" else kind, value))
            taken.append((m.start(), m.end()))
    return found


def close(a: float, b: float, share: float = 0.03) -> bool:
    """Whether two values round to each other: within ``share`` of the larger (500 and 499.15)."""
    return abs(a - b) <= share * max(a, b)

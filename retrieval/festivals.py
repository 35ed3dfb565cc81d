"""Festivals and holidays as days of a given year, and times said relative to them.

People place events by the calendar they live in: "端午节前一天", "元宵节那一周", "五一收假后", "国庆前三周左右",
"the week after Qingming", "right after the May Day break", "just before Christmas". A festival of the lunar calendar
(春节, 元宵, 端午, 中秋, 重阳…) or a solar term (清明, 冬至) falls on another day every year, and the official holiday
around a festival (2020's Spring Festival holiday ran from 24 January to 2 February) is set by the State Council each
year: both are read from two small calendar packages, ``lunar_python`` and ``chinese_calendar`` (both MIT). Pure.

``festival_spans(match, years)`` turns one match of :data:`FESTIVAL` into the spans of days it names, one per year.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar
from lunar_python import Lunar

# re.IGNORECASE also matches these as ASCII letters ("chrıstmas"); fold them before any lookup.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "K": "k", "’": "'"})


def _key(text: str) -> str:
    """A matched name as the tables spell it, looked up without apostrophes ("womens day", "women’s day")."""
    return re.sub(r"\s+", " ", text.translate(_FOLD).lower()).replace("'", "")


# Festivals on fixed days of the solar calendar.
FIXED: dict[str, tuple[int, int]] = {
    "元旦": (1, 1), "妇女节": (3, 8), "植树节": (3, 12), "劳动节": (5, 1), "五一": (5, 1), "青年节": (5, 4),
    "五四": (5, 4), "儿童节": (6, 1), "六一": (6, 1), "建党节": (7, 1), "七一": (7, 1), "建军节": (8, 1),
    "八一": (8, 1), "教师节": (9, 10), "国庆节": (10, 1), "国庆": (10, 1), "平安夜": (12, 24), "圣诞节": (12, 25),
    "圣诞": (12, 25), "new year's day": (1, 1), "new years day": (1, 1), "women's day": (3, 8),
    "labour day": (5, 1), "labor day": (5, 1), "may day": (5, 1), "children's day": (6, 1),
    "teachers' day": (9, 10), "teachers day": (9, 10), "national day": (10, 1), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31), "new years eve": (12, 31),
    "xmas eve": (12, 24), "xmas": (12, 25), "x-mas": (12, 25),
    # Shopping days named by their date: 双十一 (11.11, Singles' Day), 双十二 (12.12).
    "双十一": (11, 11), "双11": (11, 11), "双十二": (12, 12), "双12": (12, 12), "singles' day": (11, 11),
    # The National Day holiday by its other names ("十一长假", "golden week", 2020's 国庆中秋 "双节").
    "golden week": (10, 1), "黄金周": (10, 1), "双节": (10, 1), "国庆中秋": (10, 1), "中秋国庆": (10, 1),
}
# Festivals of the lunar calendar as (lunar month, day); 除夕 is the day before the new year.
LUNAR: dict[str, tuple[int, int]] = {
    "春节": (1, 1), "农历新年": (1, 1), "农历年": (1, 1), "大年初一": (1, 1), "正月初一": (1, 1), "过年": (1, 1),
    "元宵节": (1, 15), "元宵": (1, 15), "正月十五": (1, 15), "上元节": (1, 15), "端午节": (5, 5), "端午": (5, 5),
    "端阳节": (5, 5), "七夕节": (7, 7), "七夕": (7, 7), "中秋节": (8, 15), "中秋": (8, 15), "重阳节": (9, 9),
    "重阳": (9, 9), "腊八节": (12, 8), "腊八": (12, 8), "小年": (12, 23),
    "spring festival": (1, 1), "chinese new year": (1, 1), "lunar new year": (1, 1), "cny": (1, 1),
    "lantern festival": (1, 15), "dragon boat festival": (5, 5), "dragon boat": (5, 5), "duanwu": (5, 5),
    "qixi": (7, 7), "mid-autumn festival": (8, 15), "mid autumn festival": (8, 15), "mid-autumn": (8, 15),
    "mid autumn": (8, 15), "moon festival": (8, 15), "mooncake festival": (8, 15), "double ninth": (9, 9),
    "chongyang": (9, 9), "laba": (12, 8),
}
_EVE = ("除夕", "大年三十", "年三十", "大年夜", "chinese new year's eve", "chinese new years eve", "lunar new year's eve")
_NEW_YEAR_DAYS = "一二三四五六七八九十"  # 大年初五, 正月初八: the days of the first lunar month
# Solar terms, as chinese_calendar names them.
TERMS: dict[str, str] = {
    "清明节": "清明", "清明": "清明", "冬至": "冬至", "夏至": "夏至", "立春": "立春", "立夏": "立夏", "立秋": "立秋",
    "立冬": "立冬", "qingming festival": "清明", "qingming": "清明", "ching ming": "清明", "tomb-sweeping day": "清明",
    "tomb sweeping day": "清明", "tomb-sweeping festival": "清明", "tomb sweeping festival": "清明",
    "winter solstice": "冬至", "summer solstice": "夏至",
}

# The tables as names are looked up in them.
_KEYED = {id(table): {_key(name): value for name, value in table.items()} for table in (FIXED, LUNAR, TERMS)}
# Names that are a holiday, not a day.
_BREAKS = {"golden week", "黄金周", "双节", "国庆中秋", "中秋国庆"}
_NAMES = sorted([*FIXED, *LUNAR, *_EVE, *TERMS, "thanksgiving day", "thanksgiving"], key=len, reverse=True)
_NAME = (
    "(?:" + "|".join(re.escape(n) for n in _NAMES).replace("'", "['’]?")
    + f"|(?:大年|正月)初[{_NEW_YEAR_DAYS}]"
    + "|(?<=过完|过了)年"  # "过完年": after the Spring Festival
    # "十一" is the National Day only beside a holiday word ("十一长假", "十一前后"), not the number eleven.
    + "|十一(?=长假|假期|小长假|黄金周|期间|前后|前夕|过后|之后|以后|之前|以前|放假|收假))"
)
_NUM = r"[0-9一二两三四五六七八九十几]{1,2}|一两|两三|三四|a|an|one|two|three|four|five|six|a\s+few|a\s+couple\s+of|couple\s+of|few"
# The holiday around a festival rather than its day: "国庆长假", "the May Day break", "over the CNY holidays".
_BREAK_CN = r"(?:节)?(?:的)?(?:小长假|长假|假期|黄金周|连假|放假|假)"
_BREAK_EN = r"(?:\s+festival)?(?:\s+(?:holidays?|break|golden\s+week|vacation|long\s+weekend|shutdown|period|season|time))"
# What a Chinese speaker says after the festival to place a time around it.
_AFTER_CN = (
    r"(?:节)?(?:的)?(?:"
    r"(?P<cn_eve>前一天|前1天|前一日|头一天|前夕)"
    r"|(?P<cn_next>后一天|后1天|后一日|第二天|次日|翌日|第二日)"
    rf"|(?P<cn_around_n>前后)(?P<cn_around_num>{_NUM})个?(?P<cn_around_unit>天|日|周|星期|礼拜)"
    rf"|(?P<cn_dir>前|之前|以前|后|之后|以后|过后|收假后|收假之后|复工后|开工后|上班后|结束后)(?P<cn_num>{_NUM})个?(?P<cn_unit>天|日|周|星期|礼拜)(?P<cn_loose>左右)?"
    r"|(?P<cn_week>那一?周|这一?周|那个?星期|那个?礼拜|当周)"
    r"|(?P<cn_during>期间|那几天|这几天|那阵子?)"
    r"|(?P<cn_around>前后|左右)"
    r"|(?P<cn_after>收假后|收假之后|收假以后|复工后|开工后|上班后|结束后|刚过|一过|刚结束|一结束|之后|以后|过后|过完|后)"
    r"|(?P<cn_before>之前|以前|前夕|前)"
    r"|(?P<cn_day>当天|那天|当日|那一天))"
)
# What an English speaker says before it.
_BEFORE_EN = (
    r"(?:(?P<en_eve>the\s+day\s+before|the\s+eve\s+of)"
    r"|(?P<en_next>the\s+day\s+after|the\s+morning\s+after)"
    rf"|(?P<en_num>{_NUM})\s+(?P<en_unit>days?|weeks?)\s+(?P<en_loose>or\s+so\s+|or\s+two\s+)?(?P<en_dir>before|after|ahead\s+of|following|prior\s+to)"
    r"|the\s+(?P<en_week_dir>week|weekend|days)\s+(?P<en_week_rel>before|after|following|leading\s+up\s+to)"
    r"|(?P<en_week>the\s+week\s+of)"
    r"|(?:(?:just|right|shortly|soon|immediately|a\s+little|not\s+long)\s+)?(?P<en_before>before|ahead\s+of|prior\s+to|leading\s+up\s+to|in\s+the\s+run[-\s]up\s+to)"
    r"|(?:(?:just|right|shortly|soon|immediately|a\s+little|not\s+long|(?:the\s+)?first\s+(?:working\s+|business\s+)?(?:day|week)s?\s+(?:back\s+)?)\s*)?(?P<en_after>after|following|post)"
    r"|(?P<en_during>during|over|throughout)"
    r"|(?P<en_around>around|near|close\s+to))\s+(?:the\s+)?(?:(?:20\d{2}|this\s+year['’]?s|last\s+year['’]?s)\s+)?"
    r"(?:(?:long|longer|extended|stretched[-\s]out|prolonged|extra[-\s]long|big|whole)\s+)?"
)
_AFTER_CN_LEAD = r"(?P<cn_done>过完|过了)"  # "过完年", "过了十一": after it

FESTIVAL = re.compile(
    rf"(?:{_BEFORE_EN}|{_AFTER_CN_LEAD})?(?P<name>{_NAME})(?P<brk>{_BREAK_CN}|{_BREAK_EN})?(?:{_AFTER_CN})?", re.I
)


@dataclass(frozen=True)
class Days:
    """A span of days of one year: what a festival expression names."""

    first: datetime.date
    last: datetime.date
    holiday: bool  # the festival's own day, said bare: what marks it may be held in the days around it
    loose: bool = False  # "after the CNY shutdown", "国庆前三周左右": roughly then, not those days exactly


def _lookup(table: dict[str, object], name: str) -> object | None:
    return _KEYED[id(table)].get(_key(name))


def fixed_day(name: str) -> tuple[int, int]:
    """The (month, day) of a festival on a fixed day of the solar calendar, as a question writes it."""
    return _KEYED[id(FIXED)][_key(name)]  # type: ignore[return-value]


@lru_cache(maxsize=None)
def festival_day(name: str, year: int) -> datetime.date | None:
    """The day of the festival ``name`` in ``year``; None when the calendars do not reach that year."""
    key = _key(name)
    if key in (_key(e) for e in _EVE):
        day = festival_day("春节", year)
        return day - datetime.timedelta(days=1) if day else None
    new_year_day = re.fullmatch(f"(?:大年|正月)初([{_NEW_YEAR_DAYS}])", key)
    if new_year_day:
        return _lunar(year, 1, _NEW_YEAR_DAYS.index(new_year_day.group(1)) + 1)
    if key == "年":
        return festival_day("春节", year)
    if key in ("thanksgiving", "thanksgiving day"):
        first = datetime.date(year, 11, 1)
        return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)  # the fourth Thursday of November
    if key == "十一":
        return datetime.date(year, 10, 1)
    fixed = _lookup(FIXED, key)
    if fixed:
        return datetime.date(year, *fixed)  # type: ignore[misc]
    lunar = _lookup(LUNAR, key)
    if lunar:
        month, day = lunar  # type: ignore[misc]
        if month == 12:
            # 腊八 and 小年 of the lunar year before fall in January or February of this one.
            return next((d for d in (_lunar(year - 1, month, day), _lunar(year, month, day)) if d and d.year == year), None)
        return _lunar(year, month, day)
    term = _lookup(TERMS, key)
    if term:
        try:
            found = chinese_calendar.get_solar_terms(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        except (NotImplementedError, ValueError, KeyError):
            return None
        return next((day for day, name in found if name == term), None)
    return None


def _lunar(year: int, month: int, day: int) -> datetime.date | None:
    try:
        solar = Lunar.fromYmd(year, month, day).getSolar()
        return datetime.date(solar.getYear(), solar.getMonth(), solar.getDay())
    except (ValueError, IndexError, KeyError):
        return None


@lru_cache(maxsize=None)
def official_holiday(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The official holiday that holds ``day`` (2020's Spring Festival: 24 January to 2 February), or the day alone
    when it is none or the calendar does not reach its year."""
    def named(d: datetime.date) -> bool:
        try:
            off, name = chinese_calendar.get_holiday_detail(d)  # a working day in lieu has the name too
            return bool(off) and name is not None
        except NotImplementedError:
            return False

    if not named(day):
        return day, day
    first = last = day
    while named(first - datetime.timedelta(days=1)):
        first -= datetime.timedelta(days=1)
    while named(last + datetime.timedelta(days=1)):
        last += datetime.timedelta(days=1)
    return first, last


def _count(text: str) -> tuple[int, bool]:
    """A small count as said ("三", "两三", "a few", "couple of"): the number, and whether it is loose."""
    text = _key(text).strip()
    loose = {"几": 3, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2, "一两": 2, "两三": 3, "三四": 4}
    if text in loose:
        return loose[text], True
    words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    if text in words:
        return words[text], False
    if text.isdigit():
        return int(text), False
    digits = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if text == "十":
        return 10, False
    return digits.get(text, 1), False


_D = datetime.timedelta


def festival_days(m: re.Match[str], year: int) -> Days | None:
    """The days one festival expression names in ``year``; None when the calendars do not reach it."""
    day = festival_day(m.group("name"), year)
    if day is None:
        return None
    first, last = official_holiday(day)
    on_break = bool(m.group("brk")) or _key(m.group("name")) in _BREAKS
    g = m.groupdict()
    # Counted offsets: "前一天" is the day before, "前三周左右" three weeks before give or take a few days.
    if g["cn_eve"] or g["en_eve"]:
        eve = (first if on_break else day) - _D(1)
        return Days(eve - _D(2) if g["cn_eve"] == "前夕" else eve, eve, False)
    if g["cn_next"] or g["en_next"]:
        after = (last if on_break else day) + _D(1)
        return Days(after, after, False)
    if g["cn_around_n"]:
        n, _ = _count(g["cn_around_num"])
        days = n * (1 if g["cn_around_unit"] in "天日" else 7)
        return Days(first - _D(days), last + _D(days), False)
    counted = g["cn_num"] or g["en_num"]
    if counted:
        n, loose = _count(counted)
        unit = g["cn_unit"] or g["en_unit"]
        weeks = unit.lower().startswith("week") or unit in ("周", "星期", "礼拜")
        before = (g["cn_dir"] or "").endswith(("前",)) or (g["en_dir"] or "").lower().startswith(("before", "ahead", "prior"))
        base = (first if before else last) if (on_break or not before and g["cn_dir"] in ("收假后", "收假之后", "结束后")) else day
        loose = loose or bool(g["cn_loose"] or g["en_loose"])
        if weeks and n > 1:
            # "国庆前三周左右": about three weeks before, give or take half a week.
            centre = base + _D((-1 if before else 1) * 7 * n)
            return Days(centre - _D(4), centre + _D(4), False, loose=True)
        # "端午前三天", "a week or so before Qingming": within that many days of it.
        reach = (7 if weeks else n) + (3 if loose and weeks else 1 if loose else 0)
        if before:
            return Days(base - _D(reach), base - _D(1), False, loose=loose)
        return Days(base + _D(1), base + _D(reach), False, loose=loose)
    if g["en_week_dir"]:
        if g["en_week_rel"].lower() in ("before", "leading up to") or g["en_week_rel"].lower().startswith("leading"):
            return Days(first - _D(7), first - _D(1), False)
        return Days(last + _D(1), last + _D(7), False)
    if g["cn_week"] or g["en_week"]:
        monday = day - _D(day.weekday())
        return Days(monday, monday + _D(6), False)
    if g["cn_before"] or g["en_before"]:
        return Days(first - _D(7), first - _D(1), False, loose=True)
    if g["cn_after"] or g["en_after"] or g["cn_done"]:
        return Days(day + _D(1), last + _D(7), False, loose=True)
    if g["cn_around"] or g["en_around"]:
        return Days(first - _D(7), last + _D(7), False)
    if g["cn_day"]:
        return Days(day, day, False)
    if on_break or g["cn_during"] or g["en_during"]:
        return Days(first, last, first == last)
    return Days(day, day, True)


def moves(m: re.Match[str]) -> bool:
    """Whether what ``m`` names falls on other days in other years: a lunar festival, a solar term, or any time
    placed by the official holiday around a festival (a day on the solar calendar said bare does not)."""
    fixed = _lookup(FIXED, m.group("name")) is not None
    return not fixed or any(value for key, value in m.groupdict().items() if key != "name")

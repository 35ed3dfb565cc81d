"""Dates in questions, Chinese and English: days, ranges, months, parts of months, halves, quarters.

``parse_dates(question)`` finds the date expressions of a question and returns a :class:`DateQuery` with the
spans they name, any impossible dates it saw (``13月45日``, "February 30") and the question with the date
expressions cut out, so the caller can tell a date-only question from one with a topic. Pure.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field, replace
from collections.abc import Iterable
from functools import lru_cache

from .events import Event
from .festivals import FESTIVAL, FIXED, festival_days, fixed_day, moves

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "[0-9０-９〇零一二两三四五六七八九十]{1,3}"
# The end of a day of a month: 日 or 号, or nothing after figures that nothing numeric follows ("4月29和4月30",
# "4月29园区有啥事"; not "4月3个项目", "4月1.5亿").
_DAY_END = (
    r"(?:[日号]|(?<=[0-9])(?![0-9０-９.．%％]|\s*(?:万|亿|千|百|元|个|家|名|项|件|台|辆|栋|层|米|天|周|届|次|批|条|款|位|人|年|月|点|时|分)))"
)
_MONTHS_EN = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH_EN = r"(?:" + "|".join(sorted(_MONTHS_EN, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th|\.(?=\s))?"  # "18th"; "18." as German and Scandinavian askers write the day
_ORD_SUFFIX = r"st|nd|rd|th"
_LEAP = 2020  # any leap year: month lengths for spans given without a year
# re.IGNORECASE also matches these four as ASCII letters ("ſept", "mıd"); fold them before any lookup.
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "K": "k"})


def _key(text: str) -> str:
    """A matched English word as the lookup tables spell it: lower case, ASCII letters."""
    return text.translate(_FOLD).lower()


def cn_number(text: str) -> int | None:
    """Parse 3, ３, 十二, 二十一, 三十 into an int; None when it is not a number."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text)) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if (tens and tens not in _CN_DIGITS) or (units and units not in _CN_DIGITS):
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


@dataclass(frozen=True)
class Span:
    """A span of days within a year, as (month, day) pairs; ``year`` None means every year."""

    start: tuple[int, int]
    end: tuple[int, int]
    year: int | None = None
    label: str = ""
    holiday: bool = False  # a festival's day: what marks it may be held in the days around it
    loose: bool = False  # a time placed roughly ("after the CNY shutdown", "国庆前三周左右")

    @property
    def single_day(self) -> bool:
        return self.start == self.end

    @property
    def whole_year(self) -> bool:
        return (self.start, self.end) == ((1, 1), (12, 31))

    def covers_month(self, month: int) -> bool:
        """True when the span covers all of ``month`` (then month-level entries belong to it)."""
        return self.start <= (month, 1) and self.end >= (month, _month_days(self.year or _LEAP, month))

    def contains(self, event: Event) -> bool:
        """True when the event falls in the span (a range event when it overlaps)."""
        year, month, start, end = _extent(event.date, event.date_end)
        if self.year is not None and year != self.year:
            return False
        if start is None or end is None:
            return self.covers_month(month)
        return start <= self.end and end >= self.start


@lru_cache(maxsize=None)
def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@lru_cache(maxsize=65536)
def _extent(date: str, date_end: str | None) -> tuple[int, int, tuple[int, int] | None, tuple[int, int] | None]:
    """An entry's year, month, and first and last (month, day), None for a month-level entry: read once, as every
    question with a date tests every entry."""
    year, month = int(date[:4]), int(date[5:7])
    if len(date) != 10:
        return year, month, None, None
    end = date_end or date
    return year, month, (month, int(date[8:10])), (int(end[5:7]), int(end[8:10]) if len(end) == 10 else int(date[8:10]))


@dataclass
class DateQuery:
    """What a question says about dates."""

    spans: list[Span] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    rest: str = ""

    def contains(self, event: Event) -> bool:
        return any(span.contains(event) for span in self.spans)

    @property
    def label(self) -> str:
        return "、".join(span.label for span in self.spans)

    def around_holidays(self, days: int) -> DateQuery:
        """The same query with each festival widened to ``days`` either side, and each time placed roughly to three
        times that: "五四青年节搞了什么主题活动" finds the youth-day event held on May 8, "how many workers were on that
        first special train back after the CNY shutdown" the one of 1 March."""
        def widen(span: Span) -> Span:
            # A time placed roughly ("not long after the May Day break") gets more room still.
            reach = days if span.holiday else 3 * days if span.loose else 0
            if not reach:
                return span
            year = span.year or _LEAP
            first = max(datetime.date(year, *span.start) - datetime.timedelta(reach), datetime.date(year, 1, 1))
            last = min(datetime.date(year, *span.end) + datetime.timedelta(reach), datetime.date(year, 12, 31))
            return Span((first.month, first.day), (last.month, last.day), span.year, span.label, span.holiday, span.loose)

        return DateQuery([widen(span) for span in self.spans], list(self.invalid), self.rest)


def _last_day(month: int, year: int | None) -> int:
    return calendar.monthrange(year or _LEAP, month)[1]


def _valid(month: int | None, day: int | None, year: int | None) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= _last_day(month, year)


def _part(month: int, part: str, year: int | None) -> tuple[tuple[int, int], tuple[int, int]]:
    last = _last_day(month, year)
    if part in ("上旬", "初", "early", "beginning", "start"):
        return (month, 1), (month, 10)
    if part in ("中旬", "中", "mid", "middle"):
        return (month, 11), (month, 20)
    return (month, 21), (month, last)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_QUARTERS_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTERS_EN = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}

# Festivals on fixed days of the solar calendar (festivals.FIXED); those of the lunar calendar and relative times are
# festivals.py's. "womens day" and "women’s day" match too.
_HOLIDAY = re.compile(
    "|".join(re.escape(h) for h in sorted(FIXED, key=len, reverse=True)).replace("'", "['’]?"), re.I
)

# Ordered: the longest, most specific expressions first; each match is cut out of the text before the next.
# (New Year closing a span that starts in the year is its end: "from Christmas Eve to new year".)
_YEAR_END_EN = (
    r"(?:the\s+)?(?:end\s+of\s+(?:the\s+year|(?:19|20)\d{2}|december)|year[-\s]end|new\s+year['’]?s\s+eve"
    r"|new\s+years?(?:['’]s?)?(?:\s+day)?(?![-\s]*(?:eve|holiday|break)))"
)
# Seasons and loose periods of the year, as (first, last) (month, day); roughly then (see Span.loose).
_SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "开春": ((2, 20), (4, 15)), "入春": ((2, 20), (4, 15)), "初春": ((3, 1), (4, 10)), "early spring": ((3, 1), (4, 10)),
    "春天": ((3, 1), (5, 31)), "春季": ((3, 1), (5, 31)), "spring": ((3, 1), (5, 31)), "springtime": ((3, 1), (5, 31)),
    "入夏": ((5, 15), (6, 30)), "初夏": ((5, 15), (6, 30)), "early summer": ((5, 15), (6, 30)),
    "盛夏": ((7, 1), (8, 20)), "peak summer": ((7, 1), (8, 20)), "midsummer": ((7, 1), (8, 20)), "high summer": ((7, 1), (8, 20)),
    "夏天": ((6, 1), (8, 31)), "夏季": ((6, 1), (8, 31)), "summer": ((6, 1), (8, 31)), "summertime": ((6, 1), (8, 31)),
    "入秋": ((8, 25), (10, 10)), "初秋": ((8, 25), (10, 10)), "early autumn": ((8, 25), (10, 20)), "early fall": ((8, 25), (10, 20)),
    "秋天": ((9, 1), (11, 30)), "秋季": ((9, 1), (11, 30)), "autumn": ((9, 1), (11, 30)),
    "in the fall": ((9, 1), (11, 30)), "this fall": ((9, 1), (11, 30)), "that fall": ((9, 1), (11, 30)),
    "入冬": ((11, 1), (12, 31)), "初冬": ((11, 1), (12, 31)), "天冷": ((11, 15), (12, 31)), "the cold months": ((11, 15), (12, 31)),
    "冬天": ((12, 1), (12, 31)), "冬季": ((12, 1), (12, 31)), "winter": ((12, 1), (12, 31)),
    "开学季": ((8, 25), (9, 20)), "开学那阵": ((8, 25), (9, 20)), "back-to-school": ((8, 25), (9, 20)), "back to school": ((8, 25), (9, 20)),
    "毕业季": ((6, 1), (7, 10)), "graduation season": ((6, 1), (7, 10)),
    "年中": ((6, 1), (7, 31)), "mid-year": ((6, 1), (7, 31)), "midyear": ((6, 1), (7, 31)), "mid year": ((6, 1), (7, 31)),
    "the holiday season": ((12, 20), (12, 31)), "holiday season": ((12, 20), (12, 31)),
}
# (Winter also holds the year's first months: "the outbreak winter", "去年冬天" are January and February.)
_WINTER_START = ((1, 1), (2, 29))
_SEASON = re.compile(
    r"(?<![A-Za-z])(?:(?:in|during|over|through|around)\s+(?:the\s+)?)?("
    + "|".join(re.escape(n) for n in sorted(_SEASONS, key=len, reverse=True) if n != "年中")
    # (年中 is mid-year by itself, not the 年 of a year before 中新, 中超, 中国: "2020年中新双方")
    + r"|(?<![\d〇零一二三四五六七八九十今去明当])年中(?![新国欧超日韩美外资方关央])"
    + r")(?:\s*(?:那会儿?|那阵子?|那段时间|期间|的时候|时候|里|时))?"
    + r"(?![a-z])",
    re.I,
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "between Christmas Eve and the end of 2020", "from December 20 to year-end", "from christmas eve (24 dec)
    # until new years eve", "christmas eve through new years eve": to the last day of the year.
    ("en_day_onward", re.compile(
        rf"\b(?:(?:between|from|since)\s+)?(?:(?:({_MONTH_EN})\s+(\d{{1,2}}){_ORD}|(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_EN}))"
        rf"|(?:the\s+)?({_HOLIDAY.pattern}))(?:\s*[（(][^()（）]{{1,20}}[)）])?\s+(?:and|to|until|till|through)\s+{_YEAR_END_EN}", re.I)),
    # "元旦过后到1月10号", "国庆到10月8日": from a festival (or the day after it) to a day.
    ("cn_holiday_range", re.compile(
        rf"({_HOLIDAY.pattern})(过后|以后|之后|后)?\s*(?:到|至|—|–|-|~|～)\s*(?:({_CN_NUM})月)?({_CN_NUM})[日号]", re.I)),
    # "端午节前一天", "元宵节那一周", "the week after Qingming", "五一收假后", "国庆前三周左右": see festivals.py.
    ("festival", FESTIVAL),
    # "入夏那会", "over the summer", "开学季", "the cold months": roughly then.
    ("season", _SEASON),
    # "between 2020-10-28 and 2020-10-31", "2020/12/20 to 12/31".
    ("iso_range", re.compile(
        r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*(?:to|and|until|till|through|–|—|~|～|至|到)\s*"
        r"(?:\d{4}[-/.])?(\d{1,2})[-/.](\d{1,2})(?!\d|[-/.]\d)", re.I)),
    ("iso", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    # "4/29/2020" (American), "29/4/2020" (British): the day is whichever figure cannot be a month; when both
    # can, either reading ("4/5/2020" is April 5 or 4 May).
    ("dmy_numeric", re.compile(r"(?<![\d./\-])(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})(?![\d./\-])")),
    # "18.–22.05.", "18.05.–22.05.": days written the German way, each figure closed by a dot.
    ("dm_dotted_range", re.compile(
        r"(?<![\d./\w])(\d{1,2})\.(?:(\d{1,2})\.)?\s*(?:-|–|—|bis|to|until|till)\s*(\d{1,2})\.(\d{1,2})\.(?!\d)", re.I)),
    # "03.06.", "am 02.01.": a day and a month closed by a dot (a month and day when only that reads: "11.26.").
    ("dm_dotted", re.compile(r"(?<![\d./\w])(\d{1,2})\.(\d{1,2})\.(?!\d)")),
    ("cn_day_range", re.compile(
        rf"(?:(\d{{4}})年)?({_CN_NUM})月({_CN_NUM})[日号]?\s*(?:至|到|—|–|-|~|～)\s*(?:({_CN_NUM})月)?({_CN_NUM}){_DAY_END}")),
    # "12月20号以后到年底", "12月20日起": from that day to the end of the year.
    # "10月25号到10月底": from a day to the end of its month (or of another).
    ("cn_day_to_month_end", re.compile(
        rf"(?:(\d{{4}})年)?({_CN_NUM})月({_CN_NUM})[日号]?\s*(?:至|到|—|–|-|~|～)\s*(?:({_CN_NUM})月|本月|当月|月)(?:底|末)")),
    ("cn_day_onward", re.compile(
        rf"(?:从)?(?:(\d{{4}})年)?({_CN_NUM})月({_CN_NUM})[日号]?\s*(?:(?:以后|之后|起|开始|往后)[，,]?\s*(?:(?:到|至)\s*(?:年底|年末|年终))?|(?:到|至)\s*(?:年底|年末|年终))")),
    # "4月29号30号", "4月29日、30日": two days of one month; "11月19、20这两天": the second said as the days counted.
    ("cn_day_pair", re.compile(
        rf"(?:(\d{{4}})年)?({_CN_NUM})月({_CN_NUM})[日号]?\s*(?:[、,，和及与跟]|[日号]|(?<=\d)\s+(?=\d))\s*({_CN_NUM})"
        r"(?:[日号]|(?=\s*(?:这|那)?(?:两|俩)(?:个)?(?:天|日)))")),
    ("cn_day", re.compile(rf"(?:(\d{{4}})年)?({_CN_NUM})月({_CN_NUM}){_DAY_END}")),
    # "9/9到9/11", "4/27-4/30": two days in figures, slashed (a dot may be a decimal: "1.5到2.5亿").
    ("md_numeric_range", re.compile(
        r"(?<![\d./\w])(\d{1,2})/(\d{1,2})\s*(?:到|至|~|～|–|—|-|to|until|till|through)\s*(\d{1,2})/(\d{1,2})(?![\d./%])|"
        # …and with dots, month first as Chinese writers put it ("5.13-5.15", "11.23-11.27"), not before a unit (1.5-2.5亿)
        r"(?<![\d./\w])(\d{1,2})\.(\d{1,2})\s*(?:到|至|~|～|–|—|-)\s*(\d{1,2})\.(\d{1,2})(?=\s|这|那|号|日|的|$|[?？,，。!！)）|｜])", re.I)),
    # "11.26 那天", "3/25": month and day in figures, when nothing numeric follows.
    # (Also beside Chinese words, "园区6.19发生了啥", not before a unit: "1.5亿", "2.5倍".)
    ("md_numeric", re.compile(
        r"(?<![\d./A-Za-z_])(\d{1,2})[/.](\d{1,2})(?![\d./%])"
        r"(?=\s|那天|这天|当天|那日|号|日|$|[?？,，。!！)）]|(?<=\.\d)[^\W\d_A-Za-z亿万千百元个家名项倍米吨平%％]|"
        r"(?<=\.\d\d)[^\W\d_A-Za-z亿万千百元个家名项倍米吨平%％])")),
    ("cn_month_part", re.compile(rf"(?:(\d{{4}})年)?({_CN_NUM})月份?(上旬|中旬|下旬|初|底|末|中)")),
    # "十月最后四天", "10月头三天", "the last four days of October".
    ("cn_month_days", re.compile(rf"(?:(\d{{4}})年)?({_CN_NUM})月份?的?(最后|最後|后|頭|头|前)({_CN_NUM})天")),
    ("en_month_days", re.compile(
        rf"\b(first|last|final|opening|closing)\s+(?!10\b)(\d{{1,2}}|two|three|four|five|six|seven|eight|nine)\s+days\s+of\s+({_MONTH_EN})\b(?:,?\s*(\d{{4}}))?", re.I)),
    ("cn_month_week", re.compile(
        rf"(?:(\d{{4}})年)?({_CN_NUM})月份?的?((?:第[一二三四]|头一?|最后一?)个?(?:周|星期|礼拜)|前几天|头几天|最后几天|上半月|下半月)")),
    ("cn_month_range", re.compile(
        rf"(?:(\d{{4}})年)?(?<![0-9])({_CN_NUM})(?:月份?)?\s*(?:至|到|—|–|-|~|～)\s*({_CN_NUM})月份?")),
    # "1、2月份", "三、四月": months named in turn, sharing one 月.
    ("cn_month_pair", re.compile(
        rf"(?:(\d{{4}})年)?(?<![0-9])({_CN_NUM})\s*(?:[、和及与跟或]|或者)\s*({_CN_NUM})月份?(?!份额)")),
    ("cn_month", re.compile(rf"(?:(\d{{4}})年)?(?<![0-9个])({_CN_NUM})月份?(?!份额)")),
    ("cn_half", re.compile(r"(?:(\d{4})年)?(上|下)半年")),
    ("cn_quarter", re.compile(r"(?:(\d{4})年)?(?:第)?([一二三四1-4])季度")),
    # "2019年底" shares its 年 with the year.
    # (年终总结, 年终盘点, 年终奖 are the asker's year-end work, not when something happened.)
    ("cn_year_part", re.compile(r"(?:(\d{4})年?)?(年初|年底|年末|年终|岁末)(?!总结|盘点|奖|报告|汇报|述职|考核|评比|大会|汇总)")),
    # "from 27 April to 30 April", "April 27 until the end of April", "between the 3rd of May and the 9th".
    ("en_span", re.compile(
        rf"\b(?:(between|from)\s+)?(?:the\s+)?(?:({_MONTH_EN})\s+(\d{{1,2}}){_ORD}|(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_EN}))"
        rf"\s*(?:,?\s*((?:19|20)\d{{2}}))?\s*(?:(and)|to|until|till|through|-|–|—)\s*(?:the\s+)?"
        rf"(?:({_MONTH_EN})\s+(\d{{1,2}}){_ORD}\b|(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_EN})\b|(?:end\s+of\s+(?:(?:the|that|this)\s+month\b|({_MONTH_EN})\b)|month[\s-]end\b))"
        rf"(?:,?\s*((?:19|20)\d{{2}})\b)?", re.I)),
    ("en_range", re.compile(
        rf"\b(?:between|from)\s+({_MONTH_EN})\s+(\d{{1,2}}){_ORD}\s+(?:and|to|until|till|through)\s+(?:({_MONTH_EN})\s+)?(\d{{1,2}}){_ORD}\b", re.I)),
    ("en_range_dash", re.compile(
        rf"\b({_MONTH_EN})\s+(\d{{1,2}}){_ORD}\s*(?:-|–|—|to|through|until|till)\s*({_MONTH_EN})\s+(\d{{1,2}}){_ORD}\b(?:,?\s*(\d{{4}}))?", re.I)),
    # ("October 28 through the 31st": the end said as a bare day of that month.)
    ("en_day_range", re.compile(
        rf"\b({_MONTH_EN})\s+(\d{{1,2}}){_ORD}\s*(?:-|–|—|to|through|until|and)\s*(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)\b))?(\d{{1,2}}){_ORD}\b(?:,?\s*(\d{{4}}))?", re.I)),
    # "from the 20th through December 31": a day of the month the range ends in.
    ("en_bare_day_to_month_day", re.compile(
        rf"\b(?:from\s+)?the\s+(\d{{1,2}})(?:st|nd|rd|th)\s+(?:to|till|until|through|-|–)\s+({_MONTH_EN})\s+(\d{{1,2}}){_ORD}\b", re.I)),
    # "Dec 28 onwards", "28 December and after": from that day to the end of its month.
    ("en_day_to_month_end", re.compile(
        rf"\b(?:({_MONTH_EN})\s+(\d{{1,2}}){_ORD}|(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_EN}))\s+"
        rf"(?:on(?:wards?)?|and\s+(?:after|later|beyond)|or\s+later)\b", re.I)),
    ("en_month_day", re.compile(rf"\b({_MONTH_EN})\s+(\d{{1,2}}){_ORD}\b(?:,?\s*(\d{{4}}))?", re.I)),
    ("en_days_month", re.compile(
        rf"\b(?:(?:between|from)\s+(?:the\s+)?)?(\d{{1,2}}){_ORD}\s*(?:-|–|—|to|and|through|until|till)\s*(?:the\s+)?(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_EN})\b(?:,?\s*(\d{{4}}))?", re.I)),
    ("en_day_month", re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_EN})\b(?:,?\s*(\d{{4}}))?", re.I)),
    ("en_month_range", re.compile(
        rf"\b(?:(?:from|between)\s+)?({_MONTH_EN})\s*(?:-|–|—|to|through|until|till)\s*({_MONTH_EN})\b(?:,?\s*(\d{{4}}))?|"
        rf"\bbetween\s+({_MONTH_EN})\s+and\s+({_MONTH_EN})\b(?:,?\s*(\d{{4}}))?", re.I)),
    ("en_month_part", re.compile(
        rf"\b(early|mid|middle|late|beginning|start|end)(?:-|\s+)(?:of\s+)?({_MONTH_EN})\b(?:,?\s*(\d{{4}}))?", re.I)),
    ("en_month_week", re.compile(
        rf"\b(first|last|final|second|third|fourth|opening|closing|middle)\s+(week|days|few\s+days|half|ten\s+days|10\s+days)\s+of\s+({_MONTH_EN})\b(?:,?\s*(\d{{4}}))?", re.I)),
    ("en_half", re.compile(r"\b(first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+(?:the\s+)?year)?(?:\s+(\d{4}))?\b|\bH([12])\b", re.I)),
    ("en_quarter", re.compile(
        r"\b(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(?:the\s+)?year)?(?:\s+(\d{4}))?\b|\bQ([1-4])\b", re.I)),
    ("en_year_part", re.compile(
        r"\b(end|close|beginning|start)\s+of\s+(?:the\s+)?year\b|\byear[-\s]end\b|(?<!chinese\s)(?<!lunar\s)\b(?:at\s+)?new\s+year\b", re.I)),
    ("en_month", re.compile(rf"\b({_MONTH_EN})\b(?:,?\s*(\d{{4}}))?", re.I)),
    # "05-15 那天": a month written with its nought, a dash and a day, as dates are stored (last: "May 11-15" is
    # days of May).
    ("md_dashed", re.compile(r"(?<![\d./\w-])(0[1-9]|1[0-2])-([0-2]\d|3[01])(?![\d./%-])(?=\s|那天|这天|当天|那日|$|[?？,，。!！)）])")),
]
# "may" is also a verb: a bare "may" counts as the month only when something around it says it is a date.
_MAY_CONTEXT = re.compile(r"\b(?:in|during|of|since|until|till|by|from|through|early|mid|late|end|this|last)\s+may\b", re.I)


def _en_month(name: str) -> int:
    return _MONTHS_EN[_key(name).rstrip(".")]


def _festival_spans(m: re.Match[str], years: tuple[int, ...], text: str) -> list[Span]:
    """The days a festival expression names in each year asked about. A festival on a fixed day said bare is that
    day of every year; a lunar one, a solar term or an official holiday is looked up year by year, and names no
    days when no year is known."""
    if not years and moves(m):
        return []  # which days it names depends on a year nobody gave
    spans = []
    for year in years or (None,):
        days = festival_days(m, year or _LEAP)
        if days is None:
            continue
        first = days.first if days.first.year == (year or _LEAP) else datetime.date(year or _LEAP, 1, 1)
        last = days.last if days.last.year == (year or _LEAP) else datetime.date(year or _LEAP, 12, 31)
        pinned = year if moves(m) else None
        spans.append(Span((first.month, first.day), (last.month, last.day), pinned, text, days.holiday, days.loose))
    return spans


def _match_spans(kind: str, m: re.Match[str], invalid: list[str], years: tuple[int, ...] = ()) -> list[Span] | None:
    """The spans one matched expression names; None when it is not a date after all."""
    text = m.group(0).strip()
    if kind == "festival":
        return _festival_spans(m, years, text)
    if kind == "season":
        name = re.sub(r"\s+", " ", _key(m.group(1)))
        start, end = _SEASONS.get(name) or _SEASONS[name.replace("the ", "")]
        spans = [Span(start, end, None, text, loose=True)]
        if name in ("winter", "冬天", "冬季"):
            spans.append(Span(*_WINTER_START, None, text, loose=True))
        return spans
    if kind == "cn_holiday_range":
        month, day = fixed_day(m.group(1))
        if m.group(2):
            after = datetime.date(_LEAP, month, day) + datetime.timedelta(days=1)
            month, day = after.month, after.day
        end_month = cn_number(m.group(3)) if m.group(3) else month
        return _days((month, day), (end_month, cn_number(m.group(4))), None, text, invalid)
    if kind == "iso_range":
        year, start, end = int(m.group(1)), (int(m.group(2)), int(m.group(3))), (int(m.group(4)), int(m.group(5)))
        if not (_valid(*start, year) and _valid(*end, year)) or end < start:
            invalid.append(text)
            return []
        return [Span(start, end, year, text)]
    if kind == "iso":
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not _valid(month, day, year):
            invalid.append(text)
            return []
        return [Span((month, day), (month, day), year, text)]
    if kind == "en_day_onward":
        if re.search(r"\sand\s", text, re.I) and not re.match(r"between\b", text, re.I):
            return None  # "Christmas Eve and New Year's Eve" are two days; "between … and …" a range
        if m.group(5):
            start = fixed_day(m.group(5))
        elif m.group(1):
            start = (_en_month(m.group(1)), int(m.group(2)))
        else:
            start = (_en_month(m.group(4)), int(m.group(3)))
        year_named = re.search(r"(?:19|20)\d{2}", text)
        return _days(start, (12, 31), int(year_named.group()) if year_named else None, text, invalid)
    if kind == "cn_day_to_month_end":
        year, month, day = _year(m.group(1)), cn_number(m.group(2)), cn_number(m.group(3))
        end_month = cn_number(m.group(4)) if m.group(4) else month
        if not _valid(end_month, None, year):
            invalid.append(text)
            return []
        return _days((month, day), (end_month, _last_day(end_month, year)), year, text, invalid)  # type: ignore[arg-type]
    if kind == "cn_day_pair":
        year, month = _year(m.group(1)), cn_number(m.group(2))
        first, second = cn_number(m.group(3)), cn_number(m.group(4))
        return _days((month, first), (month, first), year, text, invalid) + _days((month, second), (month, second), year, text, invalid)
    if kind in ("cn_month_days", "en_month_days"):
        if kind == "cn_month_days":
            year, month, which, count = _year(m.group(1)), cn_number(m.group(2)), m.group(3), cn_number(m.group(4))
            last = which in ("最后", "最後", "后")
        else:
            year, month, which = _year(m.group(4)), _en_month(m.group(3)), _key(m.group(1))
            count = int(m.group(2)) if m.group(2).isdigit() else _EN_NUMBERS[_key(m.group(2))]
            last = which in ("last", "final", "closing")
        if not _valid(month, None, year) or not count:
            invalid.append(text)
            return []
        end = _last_day(month, year)  # type: ignore[arg-type]
        first, final = (end - count + 1, end) if last else (1, count)
        return _days((month, max(first, 1)), (month, min(final, end)), year, text, invalid)
    if kind == "cn_day_onward":
        year, month, day = _year(m.group(1)), cn_number(m.group(2)), cn_number(m.group(3))
        return _days((month, day), (12, 31), year, text, invalid)
    if kind == "dmy_numeric":
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        readings = {(a, b) for a, b in ((first, second), (second, first)) if _valid(a, b, year)}
        if "." in m.group() and _valid(second, first, year):
            # Dots between the figures are the European way, day first: "03.06.2020" is 3 June.
            readings = {(second, first)}
        if not readings:
            invalid.append(text)
            return []
        return [Span(day, day, year, text) for day in sorted(readings)]
    if kind == "dm_dotted_range":
        first, last, month = int(m.group(1)), int(m.group(3)), int(m.group(4))
        first_month = int(m.group(2)) if m.group(2) else month
        if not (_valid(first_month, first, None) and _valid(month, last, None)) or (month, last) < (first_month, first):
            return None
        return [Span((first_month, first), (month, last), None, text)]
    if kind == "dm_dotted":
        day, month = int(m.group(1)), int(m.group(2))
        if not _valid(month, day, None):
            day, month = month, day
        if not _valid(month, day, None):
            return None
        return [Span((month, day), (month, day), None, text)]
    if kind == "md_numeric_range":
        g = m.groups()[4:] if m.group(1) is None else m.groups()[:4]
        start, end = (int(g[0]), int(g[1])), (int(g[2]), int(g[3]))
        if not (_valid(*start, None) and _valid(*end, None)) or end < start:
            return None  # not two days after all (scores, fractions)
        return [Span(start, end, None, text)]
    if kind in ("md_numeric", "md_dashed"):
        month, day = int(m.group(1)), int(m.group(2))
        if not _valid(month, day, None):
            return None  # not a date after all (a version, a score)
        return [Span((month, day), (month, day), None, text)]
    if kind in ("cn_day", "cn_day_range"):
        year = _year(m.group(1))
        month, day = cn_number(m.group(2)), cn_number(m.group(3))
        if kind == "cn_day":
            end_month, end_day = month, day
        else:
            end_month = cn_number(m.group(4)) if m.group(4) else month
            end_day = cn_number(m.group(5))
        return _days((month, day), (end_month, end_day), year, text, invalid)
    if kind == "cn_month_part":
        year, month = _year(m.group(1)), cn_number(m.group(2))
        if not _valid(month, None, year):
            invalid.append(text)
            return []
        start, end = _part(month, m.group(3), year)  # type: ignore[arg-type]
        return [Span(start, end, year, text)]
    if kind == "cn_month_week":
        year, month = _year(m.group(1)), cn_number(m.group(2))
        if not _valid(month, None, year):
            invalid.append(text)
            return []
        return [_week(month, m.group(3), year, text)]  # type: ignore[arg-type]
    if kind == "en_month_week":
        month, year = _en_month(m.group(3)), _year(m.group(4))
        which, unit = _key(m.group(1)), _key(m.group(2))
        if unit.endswith("ten days") or unit.endswith("10 days"):
            # The first, middle or last ten days of a month: 上旬, 中旬, 下旬.
            part = {"first": "上旬", "opening": "上旬", "second": "中旬", "middle": "中旬"}.get(which, "下旬")
            return [Span(*_part(month, part, year), year, text)] if month else None
        word = {"first": "第一周", "opening": "第一周", "second": "第二周", "third": "第三周", "fourth": "第四周"}.get(which, "最后一周")
        if unit == "half":
            word = "上半月" if which == "first" else "下半月"
        return [_week(month, word, year, text)]
    if kind == "cn_month_range":
        year, first, last = _year(m.group(1)), cn_number(m.group(2)), cn_number(m.group(3))
        return _months(first, last, year, text, invalid)
    if kind == "cn_month_pair":
        year, first, second = _year(m.group(1)), cn_number(m.group(2)), cn_number(m.group(3))
        if first is None or second is None:
            return None
        spans = _months(first, first, year, text, invalid)
        return spans + _months(second, second, year, text, invalid) if spans else []
    if kind == "cn_month":
        year, month = _year(m.group(1)), cn_number(m.group(2))
        if month is None:
            return None
        if not _valid(month, None, year):
            invalid.append(text)
            return []
        return [Span((month, 1), (month, _last_day(month, year)), year, text)]
    if kind == "cn_half":
        year = _year(m.group(1))
        return [Span((1, 1), (6, 30), year, text) if m.group(2) == "上" else Span((7, 1), (12, 31), year, text)]
    if kind == "cn_quarter":
        q = _QUARTERS_CN[m.group(2)]
        return [_quarter(q, _year(m.group(1)), text)]
    if kind == "cn_year_part":
        year = _year(m.group(1))
        # Said roughly: "2020年底拿了什么荣誉" may be of late November (Span.loose).
        return [Span((1, 1), (1, 31), year, text, loose=True) if m.group(2) == "年初" else Span((12, 1), (12, 31), year, text, loose=True)]
    if kind == "en_month_range":
        first, last = _en_month(m.group(1) or m.group(4)), _en_month(m.group(2) or m.group(5))
        return _months(first, last, _year(m.group(3) or m.group(6)), text, invalid)
    if kind == "en_days_month":
        first, last, month, year = int(m.group(1)), int(m.group(2)), _en_month(m.group(3)), _year(m.group(4))
        return _days((month, first), (month, last), year, text, invalid)
    if kind == "en_range_dash":
        month, day, end_month, end_day = _en_month(m.group(1)), int(m.group(2)), _en_month(m.group(3)), int(m.group(4))
        return _days((month, day), (end_month, end_day), _year(m.group(5)), text, invalid)
    if kind == "en_span":
        if m.group(7) and not m.group(1):
            return None  # "April 27 and May 3" are two days; only "between … and …" is a span
        month, day = _en_month(m.group(2) or m.group(5)), int(m.group(3) or m.group(4))
        year = _year(m.group(6) or m.group(13))
        if m.group(8) or m.group(11):
            end = (_en_month(m.group(8) or m.group(11)), int(m.group(9) or m.group(10)))
        else:  # "until the end of April", "to the end of the month"
            end_month = _en_month(m.group(12)) if m.group(12) else month
            end = (end_month, _last_day(end_month, year))
        return _days((month, day), end, year, text, invalid)
    if kind == "en_range":
        month = _en_month(m.group(1))
        end_month = _en_month(m.group(3)) if m.group(3) else month
        day, end_day = int(m.group(2)), int(m.group(4))
        return _days((month, day), (end_month, end_day), None, text, invalid)
    if kind == "en_day_range":
        if _key(m.group(1)) == "may" and not m.group(2):
            return None
        month, day, end_day, year = _en_month(m.group(1)), int(m.group(2)), int(m.group(3)), _year(m.group(4))
        return _days((month, day), (month, end_day), year, text, invalid)
    if kind == "en_bare_day_to_month_day":
        month = _en_month(m.group(2))
        first, last = int(m.group(1)), int(m.group(3))
        if not (_valid(month, first, None) and _valid(month, last, None)) or last < first:
            invalid.append(text)
            return []
        return [Span((month, first), (month, last), None, text)]
    if kind == "en_day_to_month_end":
        month, day = (_en_month(m.group(1)), int(m.group(2))) if m.group(1) else (_en_month(m.group(4)), int(m.group(3)))
        if not _valid(month, day, None):
            invalid.append(text)
            return []
        return [Span((month, day), (month, _last_day(month, None)), None, text)]
    if kind in ("en_month_day", "en_day_month"):
        if kind == "en_month_day":
            month, day = _en_month(m.group(1)), int(m.group(2))
        else:
            month, day = _en_month(m.group(2)), int(m.group(1))
        year = _year(m.group(3))
        if not _valid(month, day, year):
            invalid.append(text)
            return []
        return [Span((month, day), (month, day), year, text)]
    if kind == "en_month_part":
        month, year = _en_month(m.group(2)), _year(m.group(3))
        start, end = _part(month, _key(m.group(1)), year)
        return [Span(start, end, year, text)]
    if kind == "en_half":
        which = _key(m.group(1) or m.group(3) or "")
        first = which in ("first", "1st", "1")
        year = _year(m.group(2))
        return [Span((1, 1), (6, 30), year, text) if first else Span((7, 1), (12, 31), year, text)]
    if kind == "en_quarter":
        q = _QUARTERS_EN.get(_key(m.group(1) or "")) or int(m.group(3))
        return [_quarter(q, _year(m.group(2)), text)]
    if kind == "en_year_part":
        start_words = ("beginning", "start", "new")
        begin = any(w in _key(text) for w in start_words)
        if "new" in _key(text) and re.search(r"\b(?:after|post|following|since)\s+(?:the\s+)?$", m.string[: m.start()], re.I):
            # "back after new year": after New Year's Day or after the Spring Festival, roughly (workers returned
            # through February).
            return [Span((1, 1), (2, 9), None, text, loose=True)]
        if "new" in _key(text) and re.search(r"\b(?:before|ahead\s+of|(?:leading\s+)?up\s+to|run[-\s]up\s+to)\s+(?:the\s+)?$",
                                            m.string[: m.start()], re.I):
            return [Span((12, 1), (12, 31), None, text, loose=True)]  # "right before new year": the end of the year
        return [Span((1, 1), (1, 31), None, text) if begin else Span((12, 1), (12, 31), None, text)]
    if kind == "en_month":
        name = m.group(1)
        if _key(name) == "may" and not _MAY_CONTEXT.search(m.string):
            return None
        month = _en_month(name)
        year = _year(m.group(2))
        return [Span((month, 1), (month, _last_day(month, year)), year, text)]
    raise AssertionError(kind)


def _days(
    start: tuple[int | None, int | None], end: tuple[int | None, int | None], year: int | None, text: str, invalid: list[str]
) -> list[Span]:
    """The span from ``start`` to ``end`` (month, day) when both are real days in that order; otherwise ``text``
    is noted as an invalid date and nothing is returned."""
    if not (_valid(*start, year) and _valid(*end, year)) or end < start:
        invalid.append(text)
        return []
    return [Span(start, end, year, text)]  # type: ignore[arg-type]


def _months(first: int | None, last: int | None, year: int | None, text: str, invalid: list[str]) -> list[Span]:
    """The months ``first`` to ``last`` when both are real months in that order; otherwise noted as invalid."""
    if not (_valid(first, None, year) and _valid(last, None, year)) or last < first:  # type: ignore[operator]
        invalid.append(text)
        return []
    return [Span((first, 1), (last, _last_day(last, year)), year, text)]  # type: ignore[arg-type]


def _week(month: int, word: str, year: int | None, label: str) -> Span:
    last = _last_day(month, year)
    if word in ("上半月",):
        return Span((month, 1), (month, 15), year, label)
    if word in ("下半月",):
        return Span((month, 16), (month, last), year, label)
    if word.startswith(("最后",)):
        return Span((month, last - 6), (month, last), year, label)
    week = next((n for prefix, n in (("第二", 2), ("第三", 3), ("第四", 4)) if word.startswith(prefix)), 1)
    return Span((month, 7 * week - 6), (month, 7 * week), year, label)


# Days given without a month ("24号到31号", "between the 11th and the 20th") take the month already named.
_SPOKEN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")
_SPOKEN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# "20年园区有哪几家公司上市", "19年": the year said short, as people do; not a span of years (20年来, 过去20年, 20年前).
_SHORT_YEAR = re.compile(r"(?:^|(?<=[\s，,。？?！!：:]))['’]?(1\d|2\d)年(?![来前后代里间内多以])")
_THRU = re.compile(r"\bthru\b", re.I)
_FIXED_NAMES = "|".join(re.escape(n) for n in sorted(FIXED, key=len, reverse=True)).replace("'", "['’]?")
_TO_FESTIVAL = re.compile(
    rf"(?<=\d)(?:{_ORD_SUFFIX})?(\s*(?:through|to|until|till|and|-|–|—)\s+(?:the\s+)?)({_FIXED_NAMES})\b"
    rf"|(?<=[\d日号])(\s*(?:到|至|—|-|~|～)\s*)({_FIXED_NAMES})",
    re.I,
)


def _festival_written(m: re.Match[str]) -> str:
    name = m.group(2) or m.group(4)
    month, day = fixed_day(name)
    if (month, day) == (1, 1):
        # New Year's Day closing a span that starts in the year is its end ("12月24日到元旦").
        month, day = 12, 31
    if m.group(1) is not None:
        return f"{m.group(0)[: m.start(1) - m.start(0)]}{m.group(1)}{calendar.month_name[month]} {day}"
    return f"{m.group(3)}{month}月{day}日"


_FESTIVAL_TO_NEW_YEAR = re.compile(rf"({_FIXED_NAMES})\s*(?:到|至|—|-|~|～)\s*(?:元旦|跨年|新年|年底|年末)", re.I)
_BETWEEN_SLASHED = re.compile(r"\bbetween\s+(\d{1,2}/\d{1,2})\s+and\s+(\d{1,2}/\d{1,2})(?![\d/])", re.I)
_CN_DAY = re.compile(r"(?<![\d月第])([一二三四五六七八九十]{1,3})(?=\s*[日号])")
# "二十一号到月底": from a day to the end of the month named.
_DAY_TO_MONTH_END = re.compile(r"(?<![\d月])(\d{1,2})\s*[日号]\s*(?:至|到|—|–|-|~|～)\s*(?:月底|月末|这个月底|本月底)")
# "like from the 24th on", "24号以后": from a day to the end of the month named.
_DAY_ONWARD = re.compile(
    r"\b(?:from\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\s+(?:on(?:wards?)?\b|(?:to|till|until|through)\s+(?:the\s+)?(?:end\b(?:\s+of\s+(?:the|that)\s+month\b)?|month[\s-]end\b))"
    r"|(?<![\d月])(?<!\d)(\d{1,2})\s*[日号]\s*(?:以后|之后|往后|起)",
    re.I,
)
_BARE_DAY_RANGE = re.compile(
    r"(?<![\d月])(\d{1,2})\s*[日号]?\s*(?:至|到|—|–|-|~|～)\s*(\d{1,2})\s*[日号]"
    r"|\b(?:between\s+|from\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?:\s*[-–—]\s*|\s+(?:and|to|through|until)\s+)(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b",
    re.I,
)


def _narrowest(spans: list[Span]) -> list[Span]:
    """Drop a span that strictly contains another: "January 2020 (January 1 to 3)" means the 1st to 3rd."""
    def inside(a: Span, b: Span) -> bool:
        same_year = a.year is None or b.year is None or a.year == b.year
        return (a.start, a.end) != (b.start, b.end) and b.start <= a.start and a.end <= b.end and same_year

    # A festival beside an explicit period only places it ("元旦过完一月上旬"): the period is what is asked. A year
    # does not ("2020年圣诞节那天"): the festival is the day of it asked about.
    if any(not s.holiday and not s.whole_year for s in spans):
        spans = [s for s in spans if not s.holiday]
    # A day named inside a year ("2019年圣诞节", "2020年元旦到1月10号") is a day of that year.
    years = [s for s in spans if s.year and s.whole_year]
    spans = [
        replace(s, year=next((y.year for y in years if inside(s, y)), None)) if s.year is None else s for s in spans
    ]
    kept: list[Span] = []
    for span in spans:
        if not any(inside(other, span) for other in spans) and not any(
            (k.start, k.end, k.year) == (span.start, span.end, span.year) for k in kept
        ):
            kept.append(span)
    return kept


def _quarter(q: int, year: int | None, label: str) -> Span:
    first = 3 * q - 2
    return Span((first, 1), (first + 2, _last_day(first + 2, year)), year, label)


# What may stand before a Chinese year that says when: nothing, or the park, a preposition, a comma.
_YEAR_LEAD_CN = re.compile(r"(?:^|[\s，,。？?！!：:])(?:请问)?(?:苏州工业园区|工业园区|园区|在|于|是|从|到)?$")
# A time asked inside the year right after it ("2021年几月", "2021年哪天"), and "是2021年开工的".
_TIME_IN_YEAR = re.compile(r"\s*(?:几月|哪个?月|哪一?天|几号|几日|什么时候|啥时候|何时)")
# After its subject, a year followed by where or how it was done says when ("毕马威2019年在园区开分公司", "2019年就上市了").
_DONE_IN_YEAR = re.compile(r"\s*(?:在|于|首次|第一次|正式)")
_DONE_THEN = re.compile(r"[\u4e00-\u9fff]{1,4}的(?:吗|吧|呢)?\s*(?:[？?。！!]|$)")


# The end of the year as the end of a span ("… to the end of 2020", "until year-end", "到年底").
# A day named as the week it falls in: "the week of 20 Apr 2020", "4月20日那一周".
_WEEK_BEFORE = re.compile(r"\bweek\s+(?:of|starting|beginning|commencing)\s+(?:the\s+)?$", re.I)
_WEEK_AFTER = re.compile(r"^\s*(?:[（(][^()（）]{0,20}[)）])?\s*(?:那|这|所在的?|的那)一?个?(?:周|星期|礼拜)")


def _week_of(day: Span, starting: bool = False) -> Span:
    """The Monday-to-Sunday week holding ``day`` in its year; without a year, the days from three before it to
    three after, or the seven days from it for "the week of 18 May" (said of the day a week starts)."""
    year = day.year or _LEAP
    date = datetime.date(year, *day.start)
    first = date - datetime.timedelta(days=date.weekday() if day.year else 0 if starting else 3)
    last = first + datetime.timedelta(days=6)
    start = (first.month, first.day) if first.year == year else (1, 1)
    end = (last.month, last.day) if last.year == year else (12, 31)
    return Span(start, end, day.year, day.label)


_TO_YEAR_END = re.compile(rf"\b(?:to|until|till|through)\s+{_YEAR_END_EN}\b|(?:到|至|直到)\s*(?:年底|年末|年终)", re.I)
# Parts of a month a question may restate in days.
_VAGUE = {"cn_month_part", "cn_month_week", "en_month_part", "en_month_week"}
_EXACT = {"md_dashed", "en_day_onward", "cn_day_onward", "cn_day_to_month_end", "en_bare_day_to_month_day", "en_day_to_month_end", "cn_holiday_range", "iso", "iso_range", "dmy_numeric", "dm_dotted_range", "dm_dotted", "md_numeric_range", "cn_day_range", "cn_day", "cn_day_pair", "en_span", "en_range", "en_range_dash", "en_day_range", "en_month_day",
          "en_days_month", "en_day_month"}
# A weekday beside a date says nothing more ("Monday October 26", "10月26日（周一）").
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?\s*|[（(]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)]", re.I)


# What was done, right before a bare year in English: "brukinsa approved 2019" says when.
_DONE_BEFORE_EN = re.compile(
    r"\b(?:approved|listed|opened|signed|launched|founded|held|built|started|completed|unveiled|established)$", re.I
)

def parse_dates(question: str, years: Iterable[int] = ()) -> DateQuery:
    """Find the date expressions of a question; ``rest`` is the question without them. ``years`` are those a
    festival without a year is looked up in (the chronicles' years): 端午 falls on another day every year."""
    query = DateQuery()
    # A year the question names is the one its festivals fall in ("2019年春节"); a train's number (G1938) is none.
    named = tuple(sorted({int(y) for y in re.findall(r"(?<![\dA-Za-z])((?:19|20)\d{2})(?!\d)", question)}))
    festival_years = named or tuple(sorted(set(years)))
    # A year said digit by digit (二零二零年, as speech input writes it) is written in figures, a year said short (20年)
    # in full, and "thru" in full.
    question = _SPOKEN_YEAR.sub(lambda m: m.group(1).translate(_SPOKEN_DIGITS) + "年", question)
    question = _SHORT_YEAR.sub(r"20\1年", _THRU.sub("through", question))
    # "between 4/29 and 5/5": two days in figures, as a range.
    question = _BETWEEN_SLASHED.sub(r"\1 to \2", question)
    # "Dec 18 through Christmas Eve", "12月20日到圣诞": a festival on a fixed day closing a range is that day.
    question = _TO_FESTIVAL.sub(_festival_written, question)
    # "平安夜到元旦", "圣诞到跨年": from a festival's day to the end of the year.
    question = _FESTIVAL_TO_NEW_YEAR.sub(lambda m: "{}月{}日到年底".format(*fixed_day(m.group(1))), question)
    rest = said = _WEEKDAY.sub(" ", question)
    vague: list[Span] = []
    exact: list[Span] = []
    placed: list[Span] = []
    for kind, pattern in _PATTERNS:
        pieces: list[str] = []
        position = 0
        for m in pattern.finditer(rest):
            spans = _match_spans(kind, m, query.invalid, festival_years)
            if spans is None:
                continue
            query.spans.extend(spans)
            if kind in ("festival", "season"):
                placed.extend(spans)
            if kind in _VAGUE:
                vague.extend(spans)
            elif kind in _EXACT:
                exact.extend(spans)
            pieces.append(rest[position : m.start()])
            pieces.append(" ")
            position = m.end()
        pieces.append(rest[position:])
        rest = "".join(pieces)
    # "from mid-December (Dec 16) to the end of 2020": from the one day named to the end of its year.
    to_end = _TO_YEAR_END.search(rest)
    if to_end and len(exact) == 1 and exact[0].start == exact[0].end:
        day = exact[0]
        year_named = re.search(r"(?:19|20)\d{2}", to_end.group(0))
        onward = Span(day.start, (12, 31), day.year or _year(year_named and year_named.group()), f"{day.label} {to_end.group(0)}")
        query.spans = [onward if span is day else span for span in query.spans if span not in vague]
        vague, exact = [], [onward]
        rest = rest[: to_end.start()] + " " + rest[to_end.end():]
    for day in [span for span in exact if span.single_day and span.label in said]:
        at = said.index(day.label)
        before = _WEEK_BEFORE.search(said[:at])
        if before or _WEEK_AFTER.search(said[at + len(day.label):]):
            week = _week_of(day, starting=bool(before))
            query.spans = [week if span is day else span for span in query.spans]
            exact = [week if span is day else span for span in exact]
    # Days given outright win over the festival that places them ("元宵节那一周（2月8号到14号）", "元旦过完一月上旬", "the week after
    # the National Day holiday, i.e. Oct 9 through Oct 16").
    if placed and any(span not in placed and not span.whole_year for span in query.spans):
        query.spans = [span for span in query.spans if span not in placed]
    # Explicit days win over a vaguer span of the same month they restate ("the last week of December (24–31
    # Dec)", "12月下旬（21号到31号）").
    if vague and exact:
        query.spans = [
            span for span in query.spans
            if span not in vague or not any(e.start[0] == span.start[0] and e.end[0] == span.end[0] for e in exact)
        ]
    months = {span.start[0] for span in query.spans} | {span.end[0] for span in query.spans}
    if len(months) == 1:
        month = months.pop()
        year = next((span.year for span in query.spans if span.year), None)

        def bare_range(m: re.Match[str]) -> str:
            first, last = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(3)), int(m.group(4)))
            if _valid(month, first, year) and _valid(month, last, year) and first <= last:
                query.spans.append(Span((month, first), (month, last), year, m.group(0).strip()))
            else:
                query.invalid.append(m.group(0).strip())
            return " "

        def to_month_end(m: re.Match[str]) -> str:
            first = int(m.group(1) or m.group(2))  # Chinese numerals are figures by now (_CN_DAY)
            if _valid(month, first, year):
                query.spans.append(Span((month, first), (month, _last_day(month, year)), year, m.group(0).strip()))
            return " "

        before = list(query.spans)
        # Days in Chinese numerals (一号到十号) within the month named.
        rest = _CN_DAY.sub(lambda m: str(cn_number(m.group(1)) or m.group(1)), rest)
        rest = _BARE_DAY_RANGE.sub(bare_range, rest)
        rest = _DAY_ONWARD.sub(to_month_end, _DAY_TO_MONTH_END.sub(to_month_end, rest))
        if len(query.spans) > len(before):
            # Explicit days win over the vaguer span that gave their month ("最后一周（24号到31号）").
            query.spans = query.spans[len(before):]
    # A bare year ("2020年", "in 2019") is the whole year: it keeps the events of that year, so a question
    # about a year no chronicle covers finds nothing. A narrower span inside it wins (see _narrowest).
    def bare_year(m: re.Match[str]) -> str:
        # Only a year that says when ("2021年园区有哪些企业上市", "what happened in 2019") filters; a year
        # that qualifies something ("2019年度考核", "the Ministry's 2019 assessment", "for 2019") does not.
        year = int(m.group(1) or m.group(2))
        before = m.string[: m.start()].rstrip()
        if m.group(1):
            after = m.string[m.end():]
            when = not m.group(0).endswith("度") and (
                not before or bool(_YEAR_LEAD_CN.search(before))
                # …or before the time asked in it ("是2021年几月开工的"), or in "是…的" ("是2021年开工的吗").
                or bool(_TIME_IN_YEAR.match(after)) or before.endswith("是") and bool(_DONE_THEN.match(after))
                or bool(_DONE_IN_YEAR.match(after))
            )
        else:
            # (…or right after what was done, as a quick note puts it: "brukinsa approved 2019 which month".)
            when = bool(m.group(0).lower().startswith(("in", "during"))) or bool(_DONE_BEFORE_EN.search(before))
        if when:
            label = m.group(0).strip() if m.group(1) else str(year)
            query.spans.append(Span((1, 1), (12, 31), year, label))
        return " "

    # A range of years ("2020—2035年", "2020 to 2035") names a plan's horizon, not when something happened.
    rest = re.sub(r"(?<!\d)(?:19|20)\d{2}\s*年?\s*(?:—|–|-|~|～|至|到|to|through)\s*(?:19|20)\d{2}\s*年?", " ", rest)
    rest = re.sub(r"(?<!\d)((?:19|20)\d{2})\s*(?:年(?:度)?|(?=这一?年|一?整年|全年))|\b(?:(?:in|during)\s+)?((?:19|20)\d{2})\b", bare_year, rest)
    query.spans = _narrowest(_joined_ranges(question, query.spans))
    query.rest = re.sub(r"\s+", " ", rest).strip()
    return query


# Between the ends of a range said as two date expressions: "Dec 20 to end of year", "12月20号到年底".
_RANGE_JOIN = r"\s*(?:to|till|until|thru|through|[-–—~～]|至|到)\s*(?:the\s+)?"


def _joined_ranges(question: str, spans: list[Span]) -> list[Span]:
    """``spans`` with a day and a later span it runs to ("Dec 20 to end of year": Dec 20 and the end of the year)
    joined into one range from the first to the end of the second."""
    for first in spans:
        for second in spans:
            if first is second or not first.single_day or not second.label or second.end <= first.start:
                continue
            if re.search(re.escape(first.label) + _RANGE_JOIN + re.escape(second.label), question, re.I):
                joined = Span(first.start, second.end, first.year or second.year, f"{first.label}—{second.label}")
                return [joined, *(s for s in spans if s is not first and s is not second)]
    return spans

"""Dates in questions, Chinese and English, as a user writes them."""

from __future__ import annotations

import pytest

from retrieval.dates import cn_number, parse_dates
from retrieval.search import topic_of
from retrieval.events import Event


def spans(question: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(s.start, s.end) for s in parse_dates(question).spans]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("6月3日发生了什么", [((6, 3), (6, 3))]),
        ("六月三日有什么事", [((6, 3), (6, 3))]),
        ("12月8号", [((12, 8), (12, 8))]),
        ("3月有什么活动", [((3, 1), (3, 31))]),
        ("9月下旬", [((9, 21), (9, 30))]),
        ("5月初", [((5, 1), (5, 10))]),
        ("上半年园区有哪些药获批", [((1, 1), (6, 30))]),
        ("下半年", [((7, 1), (12, 31))]),
        ("年底有什么大事", [((12, 1), (12, 31))]),
        ("2020年第二季度", [((4, 1), (6, 30))]),
        ("5月18日至19日", [((5, 18), (5, 19))]),
        ("3月到5月", [((3, 1), (5, 31))]),
        ("疫情刚开始那会儿（1、2月份），园区出了哪些政策", [((1, 1), (1, 31)), ((2, 1), (2, 29))]),  # two months, one 月
        ("三、五月", [((3, 1), (3, 31)), ((5, 1), (5, 31))]),
        ("12月最后一周（24号到31号）", [((12, 24), (12, 31))]),
        ("the last week of December 2020 (24–31 Dec)", [((12, 24), (12, 31))]),  # the days it restates
        ("the last week of Dec 2020 (24th-31st)", [((12, 24), (12, 31))]),
        ("What events took place between Christmas Eve and New Year's Eve 2020?", [((12, 24), (12, 31))]),
        ("国庆节园区有什么活动", [((10, 1), (10, 1))]),
        ("What happened on September 28?", [((9, 28), (9, 28))]),
        ("9/9到9/11 园区有啥活动", [((9, 9), (9, 11))]),  # two days in figures
        ("2020年元旦过后到1月10号之间，园区有啥大事？", [((1, 2), (1, 10))]),  # from the day after a festival
        ("国庆到10月8日有什么活动", [((10, 1), (10, 8))]),
        ("what happened 4/27-4/30?", [((4, 27), (4, 30))]),
        ("anything going on the week of 20 Apr 2020 (mon-sun)?", [((4, 20), (4, 26))]),  # the week, Monday to Sunday
        ("2020年4月22日那一周有什么新闻", [((4, 20), (4, 26))]),
        ("week of dec 30 2020", [((12, 28), (12, 31))]),  # not past the year's end
        ("What happened during the week of 21 September?", [((9, 21), (9, 27))]),  # no year: the week it starts
        ("4月22日那周", [((4, 19), (4, 25))]),  # no year, no weekdays: the days around it
        ("on 28 September", [((9, 28), (9, 28))]),
        ("in March", [((3, 1), (3, 31))]),
        ("events in May", [((5, 1), (5, 31))]),
        ("first half of the year", [((1, 1), (6, 30))]),
        ("end of the year", [((12, 1), (12, 31))]),
        ("between May 1 and May 15", [((5, 1), (5, 15))]),
        ("late October", [((10, 21), (10, 31))]),
        ("mid-October 2020, between the 11th and the 20th", [((10, 11), (10, 20))]),
        ("Q3", [((7, 1), (9, 30))]),
        ("the last week of June", [((6, 24), (6, 30))]),
        ("the last ten days of December 2020", [((12, 21), (12, 31))]),
        ("the first ten days of March", [((3, 1), (3, 10))]),
        ("the middle ten days of May", [((5, 11), (5, 20))]),
        ("from April to June", [((4, 1), (6, 30))]),
        ("between 16 and 18 September 2020", [((9, 16), (9, 18))]),
        ("16-18 September", [((9, 16), (9, 18))]),
        ("from Sept 16 thru Sept 18, 2020", [((9, 16), (9, 18))]),  # "thru" is "through"
        ("from christmas eve (24 dec) until new years eve", [((12, 24), (12, 31))]),
        # Speech input writes numbers in words: a year digit by digit, days in Chinese numerals.
        ("二零二零年七月 一号到十号那几天", [((7, 1), (7, 10))]),
        ("十月 二十一号到月底那段", [((10, 21), (10, 31))]),
        ("events Oct 28 - Oct 31 2020", [((10, 28), (10, 31))]),
        ("September 30 to October 2", [((9, 30), (10, 2))]),
        ("元旦过完一月上旬", [((1, 1), (1, 10))]),  # the festival only places the period asked about
        ("12月20号以后到年底", [((12, 20), (12, 31))]),
        ("12月20日起", [((12, 20), (12, 31))]),
        ("11.26 那天", [((11, 26), (11, 26))]),
        ("what happened on 3/25?", [((3, 25), (3, 25))]),
        ("projects started in Q2 (April-June)", [((4, 1), (6, 30))]),
        ("二季度（4到6月）", [((4, 1), (6, 30))]),
        ("1-3月", [((1, 1), (3, 31))]),
        ("2020-06-03", [((6, 3), (6, 3))]),
        ("Christmas Day", [((12, 25), (12, 25))]),
        ("十月最后四天园区有什么活动", [((10, 28), (10, 31))]),
        ("10月头三天", [((10, 1), (10, 3))]),
        ("the last four days of October", [((10, 28), (10, 31))]),
        ("the first 5 days of March", [((3, 1), (3, 5))]),
        ("4月29号30号园区有啥新闻", [((4, 29), (4, 29)), ((4, 30), (4, 30))]),
        ("11月19、20这两天园区有什么动静", [((11, 19), (11, 19)), ((11, 20), (11, 20))]),  # the second day said by the count
        ("Anything happening in SIP from October 28 through the 31st?", [((10, 28), (10, 31))]),  # the end a bare day
        ("3月25日和26日", [((3, 25), (3, 25)), ((3, 26), (3, 26))]),
        ("between Christmas Eve and the end of 2020", [((12, 24), (12, 31))]),
        ("from December 20 to the end of the year", [((12, 20), (12, 31))]),
        ("Right after the National Day holiday, between October 9 and 15", [((10, 9), (10, 15))]),
        ("the week of Monday October 26 to Sunday November 1, 2020", [((10, 26), (11, 1))]),
        ("10月26日（周一）", [((10, 26), (10, 26))]),
        ("10月25号到10月底", [((10, 25), (10, 31))]),
        # A day written "18." (German), Christmas as xmas, Singles' Day as 双十一, a festival named in its year.
        ("What happened from 18. to 22. May 2020?", [((5, 18), (5, 22))]),
        ("between xmas eve and new year's eve", [((12, 24), (12, 31))]),
        ("2020年双十一那天园区有啥事", [((11, 11), (11, 11))]),
        ("2020年圣诞节", [((12, 25), (12, 25))]),
        # Days written the European way, each figure closed by a dot: day first.
        ("what was going on in the park on 03.06.2020?", [((6, 3), (6, 3))]),
        ("Any events in SIP 18.–22.05.?", [((5, 18), (5, 22))]),
        ("from 18.05. to 22.05.", [((5, 18), (5, 22))]),
        ("the meeting on 02.01. in SIP", [((1, 2), (1, 2))]),
        ("what happened on 11.26.", [((11, 26), (11, 26))]),
    ],
)
def test_dates_are_understood(question: str, expected: list) -> None:
    assert spans(question) == expected


@pytest.mark.parametrize(
    "question",
    ["which companies listed on STAR Market", "May I ask about drugs?", "12个月的成绩", "哪些公司在科创板上市", "5G工业互联网"],
)
def test_no_date_where_there_is_none(question: str) -> None:
    assert spans(question) == []


@pytest.mark.parametrize("question", ["13月45日", "February 30", "4月31日发生了什么", "2020-02-30", "13、14月"])
def test_impossible_dates_are_reported_not_guessed(question: str) -> None:
    query = parse_dates(question)
    assert query.spans == [] and query.invalid


def test_rest_is_the_question_without_its_dates() -> None:
    assert parse_dates("6月3日发生了什么").rest == "发生了什么"
    assert "STAR" in parse_dates("which companies listed on STAR Market in May 2020").rest


def test_span_contains_ranges_and_month_level_entries() -> None:
    june = parse_dates("6月").spans[0]
    third = parse_dates("6月3日").spans[0]
    month_level = Event("2020-06-1", "2020-06", None, "x", "2020.txt:1")
    range_event = Event("2020-05-18-1", "2020-05-18", "2020-05-19", "x", "2020.txt:2")
    assert june.contains(month_level) and not third.contains(month_level)
    assert parse_dates("5月19日").spans[0].contains(range_event)
    assert not parse_dates("5月20日").spans[0].contains(range_event)


@pytest.mark.parametrize(("text", "value"), [("3", 3), ("十", 10), ("十二", 12), ("二十一", 21), ("三十", 30), ("３", 3), ("abc", None)])
def test_chinese_numbers(text: str, value: int | None) -> None:
    assert cn_number(text) == value


def test_a_festival_named_in_a_year_is_that_years_day() -> None:
    assert [s.year for s in parse_dates("2019年圣诞节那天园区有啥事").spans] == [2019]
    assert [s.year for s in parse_dates("2019年元旦到1月10号").spans] == [2019]


def test_a_bare_year_is_that_whole_year() -> None:
    query = parse_dates("2021年园区有哪些企业上市？")
    assert [(s.start, s.end, s.year) for s in query.spans] == [((1, 1), (12, 31), 2021)]
    assert "2021" not in query.rest
    # A narrower date in the same question wins over its year.
    assert spans("2020年3月发生了什么") == [((3, 1), (3, 31))]
    assert spans("What happened in 2019?") == [((1, 1), (12, 31))]


@pytest.mark.parametrize("question", ["《规划（2020—2035年）》什么时候发布", "the plan for 2020 to 2035"])
def test_a_range_of_years_is_a_horizon_not_a_date(question: str) -> None:
    query = parse_dates(question)
    assert query.spans == [] and "2035" not in query.rest


def test_festivals_can_be_widened_to_the_days_around_them() -> None:
    query = parse_dates("五四青年节搞了什么主题活动")
    assert spans("五四青年节搞了什么主题活动") == [((5, 4), (5, 4))]
    wide = query.around_holidays(7)
    assert [(s.start, s.end) for s in wide.spans] == [((4, 27), (5, 11))]
    # Other dates stay as they are.
    assert parse_dates("6月3日").around_holidays(7).spans == parse_dates("6月3日").spans


@pytest.mark.parametrize("question", ["总投资1.8亿元", "复工率增长3.5%", "版本2.0发布", "744.92的综合得分"])
def test_figures_with_a_point_are_not_dates(question: str) -> None:
    assert parse_dates(question).spans == []


@pytest.mark.parametrize(
    "question",
    ["hey bot, anything going on 19 June 2020?", "Anything recorded for 26 November 2020? I need the full list for that day."],
)
def test_chat_words_beside_a_date_leave_a_date_question(question: str) -> None:
    assert parse_dates(question).spans and topic_of(parse_dates(question).rest) == ""


@pytest.mark.parametrize("question", ["workers back after Chinese New Year", "after the Lunar New Year holiday"])
def test_the_lunar_new_year_is_not_the_start_of_the_year(question: str) -> None:
    assert parse_dates(question).spans == []


def test_a_year_before_its_end_keeps_its_year() -> None:
    # "2019年底" writes 年 once: the end of 2019, which no entry of 2020 falls in.
    (span,) = parse_dates("2019年底园区有啥大新闻").spans
    assert (span.year, span.start, span.end) == (2019, (12, 1), (12, 31))
    (span,) = parse_dates("2020年年底").spans
    assert span.year == 2020


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("from 27 April to 30 April", (4, 27), (4, 30)),
        ("anything notable from april 27 to the end of april 2020?", (4, 27), (4, 30)),
        ("from the 27th of April until the end of the month", (4, 27), (4, 30)),
        ("from May 28, 2020 to June 2, 2020", (5, 28), (6, 2)),
        ("4月27日到月底有什么", (4, 27), (4, 30)),
        # A day named, then the end of the year: from that day on.
        ("list the events from mid-December (Dec 16) to the end of 2020", (12, 16), (12, 31)),
        # A week of a month, as people say it: 头一个礼拜, 第二个星期, 最后一个礼拜.
        ("1月头一个礼拜园区有什么大事", (1, 1), (1, 7)),
        ("3月第二个星期", (3, 8), (3, 14)),
        ("2020年12月最后一个礼拜", (12, 25), (12, 31)),
        # Two ISO dates joined by "and" or "to": one span.
        ("between 2020-10-28 and 2020-10-31.", (10, 28), (10, 31)),
        ("2020/12/20 to 12/31", (12, 20), (12, 31)),
    ],
)
def test_a_span_from_one_day_to_another_or_to_the_end_of_the_month(question: str, start: tuple, end: tuple) -> None:
    spans = parse_dates(question).spans
    assert [(s.start, s.end) for s in spans] == [(start, end)]


def test_two_days_joined_by_and_and_to_the_bottom_of_are_no_span() -> None:
    assert [(s.start, s.end) for s in parse_dates("what happened on April 27 and May 3").spans] == [((4, 27), (4, 27)), ((5, 3), (5, 3))]
    # 到底 is "on earth", not "to the end of the month".
    assert [(s.start, s.end) for s in parse_dates("4月27日到底发生了什么").spans] == [((4, 27), (4, 27))]


@pytest.mark.parametrize(
    ("question", "days"),
    [
        # A date in figures with its year, as Americans and the British write it.
        ("wat happend on 4/29/2020", [(4, 29)]),
        ("events of 29/4/2020?", [(4, 29)]),
        # Both figures can be a month: either reading.
        ("what about 4/5/2020", [(4, 5), (5, 4)]),
    ],
)
def test_a_date_in_figures_with_its_year(question: str, days: list) -> None:
    spans = parse_dates(question).spans
    assert [(s.start, s.end, s.year) for s in spans] == [(d, d, 2020) for d in days]


def test_an_impossible_date_in_figures_is_noted() -> None:
    assert parse_dates("13/13/2020").invalid == ["13/13/2020"]


@pytest.mark.parametrize("question", ["2020这一年，园区有哪些公司在上交所敲钟？", "20年园区有哪几家公司去上海上市的"])
def test_a_year_said_as_people_say_it(question: str) -> None:
    assert [(s.start, s.end, s.year) for s in parse_dates(question).spans] == [((1, 1), (12, 31), 2020)]


def test_a_year_said_after_its_subject_says_when() -> None:
    # "毕马威2019年在园区开分公司" asks about 2019; the year-end work the asker writes (年终总结) is no date.
    assert [s.year for s in parse_dates("毕马威2019年在园区开分公司是哪天").spans] == [2019]
    assert parse_dates("我在写年终总结，需要核实一下").spans == []
    assert parse_dates("年终盘点要用，哪些公司上市了").spans == []
    assert [s.start for s in parse_dates("园区年终有什么活动").spans] == [(12, 1)]


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("events from 25 October through the end of that month", ((10, 25), (10, 31))),
        ("from Oct 25 until month end", ((10, 25), (10, 31))),
        ("5.13-5.15 三天的大事", ((5, 13), (5, 15))),  # month first, as Chinese writers put it
        ("11.23-11.27 这周园区有啥事", ((11, 23), (11, 27))),
    ],
)
def test_more_ways_to_write_a_range_of_days(question: str, span: tuple) -> None:
    assert [(s.start, s.end) for s in parse_dates(question).spans] == [span]


def test_a_range_of_amounts_is_no_range_of_days() -> None:
    assert parse_dates("总投资1.5-2.5亿元").spans == []


def test_another_year_said_short_is_that_year() -> None:
    assert [s.year for s in parse_dates("19年园区有哪些公司去科创板上市了？").spans] == [2019]
    assert [s.year for s in parse_dates("'21年园区有什么新项目").spans] == [2021]


@pytest.mark.parametrize("question", ["园区开发建设20年来有什么变化", "是2019那年的考评吗", "园区成立26年了"])
def test_twenty_years_and_that_year_name_no_span(question: str) -> None:
    assert parse_dates(question).spans == []


def in_2020(question: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(s.start, s.end) for s in parse_dates(question, [2020]).spans]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Lunar festivals and solar terms fall on their day of the chronicle's year.
        ("大年初五园区有什么事", [((1, 29), (1, 29))]),
        ("元宵节当天", [((2, 8), (2, 8))]),
        ("端午节前一天园区跟哪个市签了战略合作", [((6, 24), (6, 24))]),
        ("清明节那天", [((4, 4), (4, 4))]),
        ("重阳节后一天", [((10, 26), (10, 26))]),
        # The official holiday around a festival, as the State Council set it that year.
        ("春节期间园区做了什么", [((1, 24), (2, 2))]),
        ("国庆中秋长假里园区有啥活动", [((10, 1), (10, 8))]),
        ("over the Dragon Boat holiday", [((6, 25), (6, 27))]),
        # Times placed around a festival.
        ("the week after Qingming", [((4, 7), (4, 13))]),
        ("just before Christmas", [((12, 18), (12, 24))]),
        ("Right after the May Day break, which software company listed?", [((5, 2), (5, 12))]),
        ("国庆前三周左右开业的银行", [((9, 6), (9, 14))]),
        ("双十一过后两周左右", [((11, 21), (11, 29))]),
        ("端午前三天", [((6, 22), (6, 24))]),
        ("元宵节那一周", [((2, 3), (2, 9))]),
        ("Around Thanksgiving, which top judge came to SIP?", [((11, 19), (12, 3))]),
        ("五一假期刚过那个青年主题活动", [((5, 2), (5, 12))]),
        ("the first special train after the stretched-out CNY break", [((1, 26), (2, 9))]),
        # Days given outright win over the festival that places them.
        ("元宵节那一周（2月8号到14号）园区都发生了些啥事", [((2, 8), (2, 14))]),
        ("the first week back after the National Day / Mid-Autumn Golden Week, i.e. Oct 9 through Oct 16", [((10, 9), (10, 16))]),
    ],
)
def test_festivals_and_times_around_them(question: str, expected: list) -> None:
    assert in_2020(question) == expected


def test_a_festival_falls_in_the_year_named_or_the_chronicles_year() -> None:
    (span,) = parse_dates("2019年春节", [2020]).spans
    assert (span.year, span.start) == (2019, (2, 5))
    (span,) = parse_dates("端午节", [2021]).spans
    assert (span.year, span.start) == (2021, (6, 14))


@pytest.mark.parametrize("question", ["十一个项目签约", "两年后投产", "一年前园区", "过年好"])
def test_numbers_and_greetings_are_not_festivals(question: str) -> None:
    query = parse_dates(question, [2020])
    assert query.spans == [] or question == "过年好"


def test_a_rough_time_is_widened_more_than_a_festival() -> None:
    query = parse_dates("after the CNY shutdown, how many workers came back on the special train", [2020])
    (span,) = query.spans
    assert span.loose
    (wide,) = query.around_holidays(7).spans
    assert wide.start < span.start and wide.end >= (3, 1)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what happened at SIP between 4/29 and 5/5?", [((4, 29), (5, 5))]),
        ("anything happen in the park the last week of december? like from the 24th on", [((12, 24), (12, 31))]),
        ("12月下旬 24号起园区有啥事", [((12, 24), (12, 31))]),
        ("what happened in the last days of the year, like Dec 28 onwards?", [((12, 28), (12, 31))]),
        ("late June 2020 (say the 21st to the end of the month) - what was happening in SIP?", [((6, 21), (6, 30))]),
        # A month with its nought, a dash and a day, as dates are stored; days of a month named stay days.
        ("05-15 那天园区发生了哪些事", [((5, 15), (5, 15))]),
        ("11月26 27号那两天 园区发生了啥", [((11, 26), (11, 26)), ((11, 27), (11, 27))]),
        # A festival closing a range is its day.
        ("what was happening right before Christmas, Dec 18 through Christmas Eve?", [((12, 18), (12, 24))]),
        ("a box for the last part of December 2020 - from the 20th through New Year's Eve", [((12, 20), (12, 31))]),
        ("what events were recorded in the week of May 11-15, 2020?", [((5, 11), (5, 15))]),
    ],
)
def test_days_restated_after_a_span(question: str, expected: list) -> None:
    assert spans(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Seasons and loose periods: roughly then.
        ("春天园区有什么事", [((3, 1), (5, 31))]),
        ("入夏那会开工的苏州中南中心，规划高度多少米来着？", [((5, 15), (6, 30))]),
        ("天冷那阵子最高法院长来园区考察", [((11, 15), (12, 31))]),
        ("年中园区有啥大事", [((6, 1), (7, 31))]),
        # Days given outright win over the season that places them.
        ("What was going on in the park during the last week of July (July 25-31), peak summer?", [((7, 25), (7, 31))]),
        ("开学季第一周（9月1号到7号）园区有啥新闻", [((9, 1), (9, 7))]),
        # "fall" is a season only as one: "in the fall", "this fall".
        ("the fall of the stock price", []),
    ],
)
def test_seasons_place_a_time_roughly(question: str, expected: list) -> None:
    query = parse_dates(question, [2020])
    assert [(s.start, s.end) for s in query.spans] == expected
    assert all(s.loose for s in query.spans if s.label in ("春天", "入夏那会", "天冷那阵子", "年中"))


def test_after_new_year_runs_roughly_into_spring() -> None:
    # "back after new year" may mean New Year's Day or the Spring Festival: the first special train (1 March) is in
    # reach, as after the CNY shutdown; "at new year" is still January.
    (span,) = parse_dates("the first train bringing workers back after new year", [2020]).spans
    assert span.loose and span.start == (1, 1)
    (wide,) = parse_dates("the first train bringing workers back after new year", [2020]).around_holidays(7).spans
    assert wide.end >= (3, 1)
    (january,) = parse_dates("what happened at new year", [2020]).spans
    assert (january.start, january.end, january.loose) == ((1, 1), (1, 31), False)


@pytest.mark.parametrize(
    ("question", "days"),
    [
        ("4月29和4月30这两天园区都发生了什么", [((4, 29), (4, 29)), ((4, 30), (4, 30))]),
        ("4月29园区有啥事", [((4, 29), (4, 29))]),
        ("4月29到30", [((4, 29), (4, 30))]),
        ("4月3个项目开工", [((4, 1), (4, 30))]),  # three projects in April, not April 3
    ],
)
def test_a_day_of_a_month_may_go_without_its_ri(question: str, days: list) -> None:
    assert [(s.start, s.end) for s in parse_dates(question, [2020]).spans] == days


def test_before_new_year_is_the_end_of_the_year() -> None:
    (span,) = parse_dates("which hospital opened right before new year", [2020]).spans
    assert span.start == (12, 1) and span.end == (12, 31) and span.loose


@pytest.mark.parametrize(
    "question",
    [
        "from Christmas Eve to new year",
        "christmas eve through new years eve",
        "12月24日到元旦",
        "平安夜到跨年",
        "from Dec 24 to New Year's Day",
        # The days restating a vaguer span widen it: Christmas Eve is the 24th, the last week starts on the 25th.
        "What happened in the last week of Dec 2020, like from Christmas Eve to new year?",
    ],
)
def test_a_span_closed_by_new_year_runs_to_the_end_of_the_year(question: str) -> None:
    assert spans(question) == [((12, 24), (12, 31))]


def test_two_festivals_joined_by_and_are_two_days() -> None:
    assert spans("Christmas Eve and New Year's Eve") == [((12, 24), (12, 24)), ((12, 31), (12, 31))]


def test_a_train_number_is_no_year() -> None:
    # G1938 names a train: "after CNY" is the Lunar New Year of the chronicle's year, not of 1938.
    (span,) = parse_dates("how many workers came back on the first special train after CNY? the G1938 one", [2020]).spans
    assert span.year != 1938

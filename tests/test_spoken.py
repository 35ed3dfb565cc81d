"""Dictated questions: punctuation said aloud, numbers and dates in words, initials said one by one."""
import pytest

from retrieval.dates import parse_dates
from retrieval.spoken import undictated


@pytest.mark.parametrize(
    ("said", "typed"),
    [
        ("what happened on november twentieth question mark", "what happened on november 20th?"),
        ("from the eighteenth to the twenty second of may", "from the 18th to the 22nd of may"),
        ("march twenty fourth through twenty sixth twenty twenty", "march 24th through 26th 2020"),
        ("events between october twenty eighth and thirty first comma please", "events between october 28th and 31st, please"),
        ("may third and the fourth of june", "may 3rd and the 4th of june"),
        ("who chaired the twenty first joint council meeting", "who chaired the 21st joint council meeting"),
        ("in two thousand and nineteen", "in 2019"),
        ("four hundred fifty three workers and two hundred and five", "453 workers and 205"),
        ("the first home grown e c m o machine", "the first home grown ECMO machine"),
        ("when did d b s bank open full stop", "when did DBS bank open."),
        ("is it a c t scanner", "is it a CT scanner"),
        ("六月三号园区有啥事 问号", "六月三号园区有啥事 ？"),
        ("九月下旬都发生了什么 逗号 帮我列一下", "九月下旬都发生了什么 ， 帮我列一下"),
    ],
)
def test_what_dictation_spells_out_is_read_as_typed(said: str, typed: str) -> None:
    assert undictated(said) == typed


@pytest.mark.parametrize(
    "question",
    [
        "one of the first batch of the second phase",  # small numbers and ordinals are words
        "what happened during the period",  # "period" ends no sentence here
        "I'm a new foreign resident in SIP",  # "m a" of "I'm a" are no initials
        "Options: A B C D",  # capitals are typed, not dictated
        "大家都对这个数字打问号吗",  # 问号 inside a phrase is a word
        "园区有哪些公司上市",
    ],
)
def test_typed_words_are_left_alone(question: str) -> None:
    assert undictated(question) == question


def test_a_dictated_range_of_days_is_a_date() -> None:
    spans = parse_dates(undictated("what happened in the park from the eighteenth to the twenty second of may question mark")).spans
    assert [(s.start, s.end) for s in spans] == [((5, 18), (5, 22))]

"""Wu Chinese (Suzhou, Shanghai) is read as Mandarin before a question is searched; Mandarin is left as it is."""

from __future__ import annotations

import pytest

from retrieval.wu import to_mandarin


@pytest.mark.parametrize(
    ("wu", "mandarin"),
    [
        ("独墅湖那边新造的医院啥辰光开门的啊？", "独墅湖那边新建的医院什么时候开门的啊？"),
        ("中超开幕是哪一天的事体？", "中超开幕是哪一天的事情？"),
        ("我想晓得哪块地方在造房子", "我想知道哪块地方在建房子"),
        ("苏州中心开了伐？", "苏州中心开了吗？"),
        ("门票几钿？", "门票多少钱？"),
    ],
)
def test_wu_words_are_read_as_mandarin(wu: str, mandarin: str) -> None:
    assert to_mandarin(wu) == mandarin


@pytest.mark.parametrize(
    "mandarin",
    [
        "园区2020年制造业产值多少",  # 造 of 制造 is Mandarin's
        "讨伐",  # 伐 not ending a question
        "中新两国政府联合协调理事会哪天开的会？",
    ],
)
def test_mandarin_is_left_as_it_is(mandarin: str) -> None:
    assert to_mandarin(mandarin) == mandarin

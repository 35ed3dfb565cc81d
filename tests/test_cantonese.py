"""Written Cantonese is read as Mandarin before a question is searched; Mandarin is left as it is."""

from __future__ import annotations

import pytest

from retrieval.cantonese import to_mandarin


@pytest.mark.parametrize(
    ("cantonese", "mandarin"),
    [
        ("園區喺外地開咗邊啲創新合作中心？分別喺邊個城市？", "園區在外地開了哪些創新合作中心？分別在哪個城市？"),
        ("星海教育集團包括咗邊幾間學校？", "星海教育集團包括了哪幾間學校？"),
        ("凌志軟件上市集咗幾多錢？", "凌志軟件上市集了多少钱？"),
        ("揭幕戰係邊兩隊對賽？結果點呀？", "揭幕戰是哪兩隊對賽？結果怎么样？"),
        ("三期開咗幕未？幾時開㗎？", "三期開了幕吗？什么时候開？"),
        ("2020年8月園區發生過咩大事？幫我全部列出嚟。", "2020年8月園區發生過什么大事？幫我全部列出来。"),
    ],
)
def test_cantonese_words_are_read_as_mandarin(cantonese: str, mandarin: str) -> None:
    assert to_mandarin(cantonese) == mandarin


@pytest.mark.parametrize(
    "mandarin",
    [
        "这边几个项目是哪天开工的？",  # 边几 is Cantonese only in a Cantonese question
        "中新两国关係怎么样",  # 係 in 关係 is no copula
        "園區2020年有哪些企業上市？",  # traditional characters, but Mandarin
        "What happened on June 3?",
    ],
)
def test_mandarin_is_left_as_it_is(mandarin: str) -> None:
    assert to_mandarin(mandarin) == mandarin

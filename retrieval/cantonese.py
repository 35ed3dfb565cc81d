"""Written Cantonese read as Mandarin: what users from Hong Kong type ("園區喺外地開咗邊啲創新合作中心？").

The chronicles are written in Mandarin. A question in written Cantonese asks with words they never use (喺 for
在, 咗 for 了, 邊啲 for 哪些, 幾多錢 for 多少钱), and those words would count as key terms no event holds. Each
is replaced by its Mandarin word before the question is read; a question without Cantonese is left as it is.
Pure: no I/O.
"""

from __future__ import annotations

import re

# Words of more than one character first. Some are also Mandarin strings (这边几个, 旁边家长): they are read as
# Cantonese only in a question that shows it is Cantonese (_SURE).
_WORDS = {
    "邊啲": "哪些", "边啲": "哪些", "邊度": "哪里", "边度": "哪里", "點呀": "怎么样", "点呀": "怎么样",
    "幾多錢": "多少钱", "几多钱": "多少钱", "幾多": "多少", "几多": "多少",
    "點解": "为什么", "点解": "为什么", "點樣": "怎样", "点样": "怎样", "幾時": "什么时候", "几时": "什么时候",
    "乜嘢": "什么", "咩嘢": "什么", "而家": "现在", "琴日": "昨天", "尋日": "昨天", "寻日": "昨天",
    "聽日": "明天", "听日": "明天", "佢哋": "他们", "我哋": "我们", "你哋": "你们",
    "有冇": "有没有", "係咪": "是不是", "系咪": "是不是", "係唔係": "是不是", "系唔系": "是不是",
    "得唔得": "行不行", "咁樣": "这样", "咁样": "这样", "噉樣": "这样",
}
# Characters that are Cantonese wherever they stand (喺 is never Mandarin).
_CHARACTERS = {
    "喺": "在", "咗": "了", "嘅": "的", "咩": "什么", "嗰": "那", "啲": "些", "佢": "他", "哋": "们",
    "嘢": "东西", "冇": "没有", "唔": "不", "嚟": "来", "畀": "给", "搵": "找", "揾": "找", "睇": "看",
    "咁": "这么", "㗎": "", "喎": "", "嘞": "", "囉": "", "啰": "",
}
# 邊 before a number or a measure word asks which: 邊個, 邊間, 邊兩隊.
_WHICH = re.compile("[邊边](?=[一两兩二三四五六七八九十幾几個个間间位隻只家年種种條条款項项次日天月樣样])")
# 係 is the copula unless it stands in 關係/关係 or 係數 (a coefficient).
_COPULA = re.compile(r"(?<![關关联聯维維])係(?!數|数)")
# "開咗幕未？": has it happened yet, a question ending in 未.
_YET = re.compile(r"(咗[^，。！？?!,]{0,8}?)未(?=\s*[？?]|\s*$)")
# What only Cantonese writes: a question holding one of these is read as Cantonese throughout.
_SURE = re.compile("[喺咗嘅咩嗰啲佢哋嘢冇唔嚟畀搵揾睇㗎喎]|邊啲|边啲|邊個|边个|幾多|几多|點解|点解|乜嘢|係咪|系咪|有冇|"
                   + _COPULA.pattern)
_REPLACE = re.compile("|".join(map(re.escape, sorted([*_WORDS, *_CHARACTERS], key=len, reverse=True))))


def to_mandarin(text: str) -> str:
    """``text`` with its written-Cantonese words replaced by Mandarin ones; unchanged when it has none."""
    if not _SURE.search(text):
        return text
    text = _YET.sub(r"\1吗", text)
    text = _COPULA.sub("是", text)
    text = _WHICH.sub("哪", text)
    return _REPLACE.sub(lambda m: _WORDS.get(m.group(0), _CHARACTERS.get(m.group(0), "")), text)

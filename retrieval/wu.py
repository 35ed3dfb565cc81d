"""Wu Chinese read as Mandarin: what older residents of Suzhou and Shanghai type ("独墅湖医院啥辰光开门的？").

The chronicles are written in Mandarin. A question typed in Wu words asks with some the chronicles never use
(辰光 for 时候, 事体 for 事情, 晓得 for 知道, 几钿 for 多少钱), and those words would count as key terms no event
holds. Each is replaced by its Mandarin word before the question is read. Only words a Mandarin question does not
use are listed (今朝 and 物事 survive only in old poems), so a Mandarin question is left as it is. Pure: no I/O.
"""

from __future__ import annotations

import re

# Longer words first, so that 啥辰光 is read whole before 辰光.
_WORDS = {
    "啥辰光": "什么时候", "辰光": "时候", "事体": "事情", "晓得": "知道", "今朝": "今天", "几钿": "多少钱",
    "多少钿": "多少钱", "啥人": "谁", "哪能": "怎么", "哪搭": "哪里", "啥地方": "哪里", "物事": "东西",
    "交关": "很", "阿是": "是不是", "侬": "你", "覅": "不要", "搿": "这",
    # 造 is Wu for building (新造的医院); Mandarin writes it for making (制造).
    "新造": "新建", "在造": "在建", "造好": "建好", "造房子": "建房子",
}
_REPLACE = re.compile("|".join(map(re.escape, sorted(_WORDS, key=len, reverse=True))))
# A question ending in 伐 ("好伐？", "开了伐"): Mandarin's 吗 (not 伐 of 讨伐, 采伐, 步伐).
_QUESTION = re.compile(r"(?<![讨征砍杀采步北])伐(?=\s*[？?！!。]|\s*$)")


def to_mandarin(text: str) -> str:
    """``text`` with its Wu words replaced by Mandarin ones; unchanged when it has none."""
    return _QUESTION.sub("吗", _REPLACE.sub(lambda m: _WORDS[m.group(0)], text))

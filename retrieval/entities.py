"""The named things of a chronicle (organisations, people, stock markets) and which of them a question names.

"百济神州什么时候在科创板上市的？" names two things the chronicle has, 百济神州 and 科创板, but never in one
entry: no entry answers it, however well each half matches. A question that names several things must find
most of them together in one event. Names are read off the chronicle itself (organisation suffixes, titles
before people's names), so a new chronicle brings its own. Pure: regular expressions over the event texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .lexical import TITLES_ZH

# Organisation names end with one of these; the name runs back to the start of its clause (or list item)…
ORG = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9·（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|集团|银行[\u4e00-\u9fff]{0,6}分行|银行|"
    r"研究院|研究所|实验室|大学|学院|医院|法院|法庭|检察院|协会|商会|联盟|创新中心|创客中心|众创空间|硬创空间|众创|中心)"
    # …and runs on to a unit of it named right after ("武汉大学苏州创客中心", "毕马威…有限公司苏州分公司").
    r"(?:[\u4e00-\u9fff]{0,6}?(?:创客中心|创新中心|研究院|分公司|分行))?"
)
_LEADING = re.compile(r"^(?:园区企业|园区与|园区|由|在|苏州工业园区的?)")
_CLAUSE = re.compile(r"[。；;，,]")
# Items of a list inside a clause: "百拓众创空间、同程众创、欧朗物联硬创空间和武汉大学苏州创客中心入选".
_CONJUNCTION = re.compile(r"^(?:和|与|及|以及|、)")
_LEGAL_FORM = re.compile(r"^(?:股份)?有限(?:责任)?公司")
# Without a suffix, the subject of a clause such as "罗氏组织诊断和专业诊断系统试剂项目签约" is what it is about.
_SUBJECT = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9·]{2,24}?(?=项目|基地|签约|落户|开业|揭牌|投产|上市|获批|获)")


def organisations(text: str, terms: Sequence[str] = (), every_clause: bool = False) -> list[str]:
    """The organisations a text names, cut verbatim from it, in the clauses that hold one of ``terms``.

    Every item of a list counts ("百拓众创空间、同程众创…入选"), and every clause that matched ("天臣…在科创板
    上市，再鼎医药…在香港联合交易所主板挂牌上市" names both); with no organisation suffix anywhere, the
    subject of the first matching clause does ("罗氏组织诊断…项目签约").
    """
    clauses = [c for c in _CLAUSE.split(text) if c]
    if not clauses:
        return []
    # The clauses holding the most of ``terms`` (by their length: longer ones say more): "天臣…在上海证券交易所科创板
    # 上市，再鼎医药…在香港联合交易所主板挂牌上市" answers a question on 科创板 in its first clause only.
    held = [sum(len(t) for t in terms if t in c) for c in clauses]
    matched = clauses if every_clause else [c for c, n in zip(clauses, held) if n and n == max(held)] or clauses[:1]
    names: list[str] = []
    for clause in matched:
        end = None
        for m in ORG.finditer(clause):
            # (The legal form of the name before is no part of this one: "…集团有限公司与深圳市创新投资集团".)
            found = _LEGAL_FORM.sub("", m.group(0)) if end is not None else m.group(0)
            listed = end is None or clause[end : m.start()] == "、" or _CONJUNCTION.match(found)
            if not listed and not every_clause:
                break  # for a headline, only the first name and the items of a list right after it
            name = _LEADING.sub("", _LEADING.sub("", found))  # "由园区与…": both go
            # A name holds no 的 or 在: "以“…”为主题的…博览会在苏州国际博览中心" names 苏州国际博览中心.
            name = re.split(r"[的在](?!线)", name)[-1]
            # A list item after the first starts after its conjunction; 和铂医药 at a clause's start keeps its 和.
            name = _CONJUNCTION.sub("", name) if end is not None and listed else name
            if len(name) >= 2 and name not in names:
                names.append(name)
            end = m.end()
    if not names and not every_clause:
        for clause in matched[:1] + clauses:
            m = ORG.search(clause) or _SUBJECT.search(_LEADING.sub("", clause))
            if m:
                names.append(_LEADING.sub("", m.group(0)))
                break
    return names


# A person's name follows a title and comes before what they did ("主任娄勤俭考察", "院长周强一行").
PERSON = re.compile(
    r"(?:书记|主任|院长|副总理|总理|省长|市长|部长|局长|主席|大使|董事长|总裁)、?"
    r"([\u4e00-\u9fff]{2,3}?)(?=考察|调研|到|一行|在|出席|主持|与|和|、|，|。|为|共同|视察|会见|参加|通过|举行|等)"
)
# The titles a question may give a person, in Chinese and in English (with the Chinese ones they stand for).
_TITLES_ZH = TITLES_ZH
_TITLES_EN = {
    "mayor": "市长", "governor": "省长", "premier": "总理", "vice premier": "副总理", "minister": "部长",
    "party secretary": "书记", "party chief": "书记", "ambassador": "大使", "chairman": "董事长|主席",
    "dean": "院长", "director": "主任|局长|所长", "president": "院长|主席|校长|总裁", "procurator": "检察长",
    "prosecutor": "检察长",
}
# A drug's name: its brand (商品名：百悦泽), a generic name by its ending (泽布替尼, 贝伐珠单抗注射液), or what
# was approved for sale ("再鼎医药的爱普盾获批上市"). "信达生物的泽布替尼" names two things never together.
PRODUCT = re.compile(
    r"商品名[：:]\s*([\u4e00-\u9fff]{2,6})|"
    r"(?<=的)([\u4e00-\u9fff]{2,10}?(?:替尼|单抗注射液|单抗|滴眼液|注射液|胶囊|芬净))(?=（|获|，|。|的)|"
    r"(?:药物|药品|的)([\u4e00-\u9fff]{2,5})(?=(?:（[^）]*）)?获(?:批|国家药品监督管理局批准)上市)"
)
# Stock markets are things a question pairs with a company ("…在科创板上市")…
MARKETS = (
    "科创板", "创业板", "新三板", "香港联合交易所", "上海证券交易所", "深圳证券交易所", "北京证券交易所",
    "上交所", "深交所", "港交所", "北交所", "纳斯达克", "纽约证券交易所", "新加坡交易所",
    # …and so are the regulators that approve a company's products ("…在美国拿到FDA许可").
    "FDA", "EMA", "美国食品药品监督管理局", "国家药品监督管理局",
)
_PLACE = re.compile(r"^(?:苏州工业园区|苏州市|苏州|园区企业|园区|中国|江苏省|江苏)")
_PAREN = re.compile(r"（[^）]*）|\([^)]*\)")
_LEGAL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团|分公司|分行)$")
_CJK_START = re.compile(r"^[\u4e00-\u9fff]{2}")
# What an organisation is, without which one: 大学, 医院, 银行…
_KINDS = {"大学", "学院", "医院", "银行", "法院", "法庭", "检察院", "研究院", "研究所", "实验室", "协会", "商会", "联盟",
          "中心", "集团", "公司", "创新中心", "人民法院", "人民医院", "中学", "小学"}
EVERYDAY = 1000  # jieba's count above which a word is everyday language


def core(name: str) -> str:
    """The distinctive part of an organisation's name: 百济神州（苏州）生物科技有限公司 → 百济神州生物科技."""
    name = _PAREN.sub("", name)
    for _ in range(2):
        shorter = _LEGAL.sub("", _PLACE.sub("", name))
        if len(shorter) <= 2 or shorter in _KINDS:
            break  # 苏州大学 stays whole: 大学 alone names nothing in particular
        name = shorter
    return name


@dataclass(frozen=True)
class Anchor:
    """A named thing in a question, and the strings an event names it by."""

    label: str
    alternatives: tuple[str, ...]


# How names of places, and words that are no name, start: 苏州大学 is a name, 苏州 and 全国首个 are not.
_NOT_A_NAME_START = re.compile(r"苏州|江苏|国家|全国|中国|国内|自贸|园区|首个|首家|第一|省|市")
_NO_NAME_BUT_STARTS = re.compile(rf"(?:{_NOT_A_NAME_START.pattern})+")


class Entities:
    """The organisations and people named in ``texts``, for finding them in questions."""

    def __init__(self, texts: Sequence[str], common: dict[str, int] | None = None, known: Iterable[str] = ()) -> None:
        self.texts = list(texts)
        # A name is also found with what its text puts in brackets inside it left out: 金融创新中心 in
        # 园区金融创新（上海）中心, as core() names it.
        self._lowered = [f"{text.lower()}\n{_PAREN.sub('', text).lower()}" for text in self.texts]
        self._clauses = [c for text in self._lowered for line in text.split("\n") for c in _CLAUSE.split(line) if c]
        names: set[str] = set()
        self.people: set[str] = set()
        for text in self.texts:
            names.update(core(n) for n in organisations(text, every_clause=True))
            self.people.update(m.group(1) for m in PERSON.finditer(text))
            names.update(next(g for g in m.groups() if g) for m in PRODUCT.finditer(text))
        names |= self.people
        self.common = common or {}
        self.names = sorted((n for n in names if _CJK_START.match(n)), key=len, reverse=True)
        # Chinese names the glossary gives for organisations (微软 for Microsoft): though words of the language,
        # they name someone when the chronicles write them only to start a name (微软亚太研发集团); not 中新, which
        # they also write alone (中新双方).
        self.known = frozenset(w for w in known if self._only_in_names(w))

    def is_organisation(self, name: str) -> bool:
        """True when ``name`` is an organisation of the chronicles: a name they give (信达生物, 亚盛医药) or how
        one of their names starts (百济神州 of 百济神州生物科技), not a place or a word that starts many (苏州, 全国首个)."""
        if name in self.people:
            return False
        if name in self.known or name in self.names:
            return True
        return len(name) >= 3 and not _NOT_A_NAME_START.match(name) and any(n.startswith(name) for n in self.names)

    def kind_asked(self, label: str, question: str) -> bool:
        """True when ``label``, in everyday words only, is the kind of the items a list question asks for:
        创新中心 in "设了哪些创新中心"."""
        return re.search(rf"哪(?:些|几个|几家|几所|几项)\s*{re.escape(label)}", question) is not None and not self._distinctive(
            label, whole=False
        )

    def _only_in_names(self, word: str) -> bool:
        starting = [n for n in self.names if n.startswith(word)]
        if not starting:
            return False
        for text in self.texts:
            for name in starting:
                text = text.replace(name, " ")
            if word in text:
                return False
        return True

    def _distinctive(self, prefix: str, whole: bool) -> bool:
        """False for the start of a name that is only a word of the language (生物医药 of 生物医药研究院) or
        only everyday words: it names nothing in particular. A whole name (凌志软件) always names."""
        if whole:
            return True
        if _NO_NAME_BUT_STARTS.fullmatch(prefix):
            return False  # 全国首个 of 全国首个工业互联网安全研究院: words a name starts with, not the name
        from .lexical import segment

        words = segment(prefix)
        return len(words) > 1 and any(self.common.get(w, 0) < EVERYDAY for w in words)

    def _cut_short(self, prefix: str, name: str, question: str) -> bool:
        """True when the question goes on from the start of a name into another word: 苏州研 of 苏州研究所 in
        "在苏州研发的", where 研 begins 研发, not 研究."""
        if prefix == name:
            return False
        at = question.find(prefix) + len(prefix)
        asked, meant = prefix[-1] + question[at : at + 1], name[len(prefix) - 1 : len(prefix) + 1]
        return len(asked) == 2 and asked != meant and self.common.get(asked, 0) > 0

    def in_question(self, question: str, english: Sequence[Anchor] = ()) -> list[Anchor]:
        """The named things ``question`` mentions: markets, then organisations and people of the chronicles
        (their full distinctive name, its first three or more characters, or its last four or more), then
        ``english`` ones found by the caller through the glossary."""
        found: list[Anchor] = [Anchor(m, (m,)) for m in MARKETS if m in question and not _inside(m, MARKETS, question)]
        prefixes: set[str] = set()
        for name in self.names:
            if name[:2] not in question and name[-4:] not in question:
                continue  # neither its start nor its end: most names, skipped with two substring tests
            prefix = next((name[:k] for k in range(len(name), 2, -1) if name[:k] in question), None)
            if prefix is None and name[:2] in question and (
                len(name) == 2 or name[:2] not in self.common or name[:2] in self.known
            ):
                prefix = name[:2]  # 天臣 of 天臣国际医疗科技: two characters no dictionary has name it
            if prefix is None:
                # …or its end, from four characters (商事法庭 of 国际商事法庭).
                prefix = next((name[k:] for k in range(0, len(name) - 3) if name[k:] in question), None)
            if prefix and name.startswith(prefix) and self._cut_short(prefix, name, question):
                continue
            if prefix and self._distinctive(prefix, whole=prefix == name or len(prefix) == 2):
                prefixes.add(prefix)
        # The longest wins: 独墅湖医院, not also 独墅湖.
        for prefix in sorted(prefixes, key=len, reverse=True):
            if not any(prefix in a.label for a in found):
                found.append(Anchor(prefix, (prefix,)))
        found.extend(english)
        return found

    def miscast(self, question: str, anchors: Sequence[Anchor]) -> bool:
        """True when the question gives a person of the chronicles a title the chronicles never give them
        ("苏州市长蓝绍敏", "Mayor Lan Shaomin": he is 市委书记): a false premise."""
        for anchor in anchors:
            people = [alt for alt in anchor.alternatives if alt in self.people]
            if not people:
                continue
            label = re.escape(anchor.label)
            # (Also "周强以最高检检察长身份": in the capacity of.)
            asked = re.search(
                rf"({_TITLES_ZH})\s*{label}|{label}\s*(?:(?:以|作为|身为)[^，。？?]{{0,5}}?)?({_TITLES_ZH})", question
            )
            if asked:
                titles = asked.group(1) or asked.group(2)
            else:
                english = re.search(rf"\b({'|'.join(_TITLES_EN)})\s+{label}", question, re.I)
                if not english:
                    continue
                titles = _TITLES_EN[english.group(1).lower()]
            if not self._titled(titles, people) and not any(self._titled(t, people) for t in _offered_titles(question)):
                return True
        return False

    def _titled(self, titles: str, people: Sequence[str]) -> bool:
        """True when some text gives one of ``people`` one of ``titles`` (a pattern: 书记|主任)."""
        given = re.compile(rf"(?:{titles})[^，。；]{{0,16}}(?:{'|'.join(map(re.escape, people))})")
        return any(given.search(text) for text in self.texts)

    def naming(self, anchor: Anchor) -> frozenset[int]:
        """The numbers of the texts that name ``anchor``."""
        return frozenset(i for i in range(len(self.texts)) if self.mentions(anchor, i))

    def mentions(self, anchor: Anchor, event: int) -> bool:
        """True when text number ``event`` names ``anchor``."""
        return any(alt.lower() in self._lowered[event] for alt in anchor.alternatives)

    def together(self, anchors: Sequence[Anchor], clause: bool = False, within: Sequence[int] | None = None) -> int:
        """The most of ``anchors`` that one event names (with ``clause``, one clause of an event:
        "天臣…在科创板上市，再鼎医药…在香港联合交易所主板挂牌上市" names 再鼎医药 with 香港联合交易所 only); with
        ``within``, one of the events of those numbers."""
        alternatives = [[alt.lower() for alt in a.alternatives] for a in anchors]
        texts = self._clauses if clause else self._lowered if within is None else [self._lowered[i] for i in within]
        return max((sum(1 for alts in alternatives if any(alt in text for alt in alts)) for text in texts), default=0)


_OFFERS = re.compile(r"还是|或者|或是|\bor\b", re.I)


def _offered_titles(question: str) -> list[str]:
    """The titles a question offers to choose from ("Suzhou mayor Lan Shaomin (or was he party chief?)",
    "蓝绍敏是市长还是书记"), as patterns of Chinese titles; none when it offers no choice."""
    if not _OFFERS.search(question):
        return []
    found = re.findall(_TITLES_ZH, question)
    found += [_TITLES_EN[m.lower()] for m in re.findall(rf"\b({'|'.join(_TITLES_EN)})\b", question, re.I)]
    return found


def is_market(anchor: Anchor) -> bool:
    """True for a stock market or a regulator: named by many events, and paired by a question with a company."""
    return any(alt in MARKETS for alt in anchor.alternatives)


def apart(question: str) -> bool:
    """True when the question joins the things it names ("思瑞浦和天臣", "Pfizer or AstraZeneca"): it asks
    about each, not about them together, unless it says they acted together ("吴庆文和王瑞杰一起主持",
    "园区和苏州大学合建的", "co-chaired")."""
    return bool(_JOINED.search(question)) and not _TOGETHER.search(question)


# (A comparison asks about each too: "泽布替尼跟贝伐珠单抗，哪个先批下来的", "which came first".)
_JOINED = re.compile(
    r"和|与|及|、|以及|分别|还是|或者?|哪个(?:先|早|晚|更|大|多|高)|谁(?:先|早|更)|先后|对比|"
    r"\b(?:and|or|both|each|respectively|versus|vs)\b|\bwhich\s+(?:one\s+)?(?:\w+\s+)?(?:first|earlier|later|sooner)\b",
    re.I,
)
_TOGETHER = re.compile(
    r"(?:和|与|跟|同)[^，。？?]{0,12}?(?:一起|一同|共同|联合|合建|共建|合办|合作|携手|共同主持)|"
    r"\bco-?(?:chair|chaired|host|hosted|found|founded|develop|developed|organi[sz]e|organi[sz]ed|sign|signed)\b|"
    r"\b(?:together|jointly)\b",
    re.I,
)


def _inside(market: str, markets: Sequence[str], question: str) -> bool:
    """True when ``market`` is only part of a longer market name the question uses (主板 in 香港…主板)."""
    return any(market != other and market in other and other in question for other in markets)

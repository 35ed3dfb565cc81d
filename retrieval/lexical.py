"""Chinese-aware lexical search: BM25 over character bigrams (and weak unigrams) and Latin words.

Character n-grams need no dictionary and match Chinese names however a user segments them. A bilingual
glossary (``resources/glossary.tsv``) maps English and colloquial terms to the chronicle's Chinese words, so an
English question gets a lexical side too. Pure: no model, no I/O beyond reading the packaged glossary.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, reduce
from importlib import resources

from .lexicon import (
    chinese_words, english_counts, glossed, is_english, is_proper_name, lemmas, log_total_count, names_a_thing, one_slip_away, readings, syllables,
    synonyms, translations,
)

import numpy as np

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-]*[A-Za-z0-9+]|[A-Za-z0-9]")
UNIGRAM_WEIGHT = 0.3
# Unigrams that carry no topic on their own (function words, and words every entry has).
_STOP_CHARS = set("的了在和与及是有为于等中对并将从向以其之这那个哪些什么吗呢吧啊请问你我他她它们年月日号")
# Two or three capitalised words in a row: perhaps one name ("China Mobile").
_TITLED_RUN = re.compile(
    r"\b(?!(?:Did|Does|Do|Is|Are|Was|Were|Has|Have|Had|When|What|Which|Who|Where|How|Why|The|In|On|At|And|Or|"
    r"Can|Could|Will|Would|Should|Please|Tell|List|Show|Give)\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b"
)
_STOP_LATIN = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "is", "are", "was",
    "were", "be", "been", "did", "does", "do", "what", "which", "who", "whom", "when", "where", "why", "how", "any",
    "all", "that", "this", "these", "those", "there", "it", "its", "as", "about", "into", "s", "has", "have", "had",
    "happened", "happen", "event", "events", "tell", "me", "please", "list", "show", "give", "some", "get", "got",
    "up", "out", "off", "down", "over", "under", "ahead", "back", "away", "along", "via", "per", "onto", "against",
    "apart", "besides", "except", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody",
    "something", "anything", "everything", "nothing", "asked", "told", "heard", "said", "both",
    "eh", "ah", "lah", "leh", "lor", "meh", "hor", "ya", "oh",
    "without", "within", "regarding", "than", "then", "so", "if", "not", "no", "yes", "can", "could", "would",
    "every", "each", "many", "much", "several", "such", "other", "another", "own", "same", "time", "times", "co",
    "compile", "compiled", "gather", "collect", "summarise", "summarize", "outline", "recap", "overview", "miss", "missed", "stretch", "worth", "knowing", "notable", "noteworthy", "interesting", "remarkable", "ish",
    "outside", "itself", "themselves", "himself", "herself", "oneself", "ourselves", "yourself", "yourselves", "myself",
}


def tokens(text: str) -> Counter[str]:
    """Bag of tokens: CJK bigrams, CJK unigrams (prefixed ``1:``) and lower-cased Latin words."""
    bag: Counter[str] = Counter()
    for run in _CJK.findall(text):
        for i in range(len(run) - 1):
            bag[run[i : i + 2]] += 1
        for ch in run:
            if ch not in _STOP_CHARS:
                bag["1:" + ch] += 1
    for word in _LATIN.findall(text):
        word = word.lower()
        if word not in _STOP_LATIN:
            bag[word] += 1
    return bag


def _starts_inside_a_word(text: str, pattern: re.Pattern[str]) -> bool:
    """True when each place ``pattern`` matches in ``text`` begins or ends inside a word of the run of Chinese
    characters holding it: 国药 in 美国药企 (美国 / 药 / 企)."""
    for m in pattern.finditer(text):
        run = next(r for r in _CJK.finditer(text) if r.start() <= m.start() < r.end())
        bounds, at = {run.start(), run.end()}, run.start()
        for word in segment(run.group()):
            at += len(word)
            bounds.add(at)
        if m.start() in bounds and m.end() in bounds:
            return False
    return True


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    pattern: re.Pattern[str]
    expansion: str
    # True in the section of named organisations and companies: a question naming two named things asks
    # about them together (see retrieval.entities).
    is_name: bool = False
    # A piece of the term any text it matches must contain (lower case): a cheap test before the pattern.
    probe: str = ""

    def search(self, text: str, lowered: str) -> bool:
        """True when the term occurs in ``text``; ``lowered`` is ``text`` (or what it was cut from) in lower case."""
        return self.probe in lowered and self.pattern.search(text) is not None

    def cut_from_words(self, text: str) -> bool:
        """True when the term is Chinese and each place it occurs in ``text`` begins or ends inside a word: 国药
        in 美国药企 (美国 / 药 / 企) names no one."""
        return not self.term.isascii() and _starts_inside_a_word(text, self.pattern)


@lru_cache(maxsize=1)
def load_glossary() -> tuple[GlossaryEntry, ...]:
    """The packaged bilingual glossary, longest terms first."""
    text = resources.files("retrieval").joinpath("resources/glossary.tsv").read_text(encoding="utf-8")
    entries = []
    is_name = False
    for line in text.splitlines():
        if line.startswith("# ---"):
            is_name = any(word in line for word in ("organisations", "companies"))
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        term, expansion = line.split("\t", 1)
        term = term.strip()
        if term.isascii():
            # "sci-tech", "sci tech" and "scitech" are one term.
            body = r"[\s\-]*".join(re.escape(part) for part in re.split(r"[\s\-]+", term))
            # Plurals too: "rankings" is "ranking", "companies" is "company".
            if re.search(r"[^aeiou]y$", term):
                body = body[:-1] + "(?:y|ies)"
            elif term[-1].isalpha() and not term.endswith("s"):
                body += "(?:s|es)?"
            pattern = re.compile(r"(?<![A-Za-z0-9])" + body + r"(?![A-Za-z0-9])", re.I)
        else:
            pattern = re.compile(re.escape(term), re.I)  # "A股" as "a股"
        probe = re.split(r"[\s\-]+", term.lower())[0] if term.isascii() else term.lower()
        # (A Chinese name among them is a name, as an English one: 雅培 is Abbott.)
        entries.append(GlossaryEntry(term, pattern, expansion.strip(), is_name and (term.isascii() or term == expansion.strip()), probe))
    entries.sort(key=lambda e: len(e.term), reverse=True)
    return tuple(entries)


# Each list of entries searched, by the first characters of their probes: (the list, entry positions by key).
_PROBE_INDEXES: dict[int, tuple[Sequence[GlossaryEntry], dict[str, list[int]]]] = {}


def probed(entries: Sequence[GlossaryEntry], lowered: str) -> list[GlossaryEntry]:
    """The ``entries`` whose probe occurs in ``lowered``, in their order: looked up by the probe's first one or
    two characters rather than tried one by one (a question holds a handful of the glossary's 600 terms)."""
    cached = _PROBE_INDEXES.get(id(entries))
    if cached is None or cached[0] is not entries:
        index: dict[str, list[int]] = {}
        for position, entry in enumerate(entries):
            index.setdefault(entry.probe[:2], []).append(position)
        cached = _PROBE_INDEXES[id(entries)] = (entries, index)
    index = cached[1]
    keys = {"", *lowered, *(lowered[i : i + 2] for i in range(len(lowered) - 1))}
    hits = sorted({position for key in keys & index.keys() for position in index[key]})
    return [entries[i] for i in hits if entries[i].probe in lowered]


def warm_up() -> None:
    """Load the glossary (a third of a second) and open the word lexicon now rather than on the first question."""
    from .lexicon import warm_up as load_lexicon

    load_glossary()
    load_lexicon()


def expand(question: str) -> tuple[str, list[str]]:
    """The question plus the Chinese words of every glossary term it contains; and those terms."""
    found: list[str] = []
    additions: list[str] = []
    remaining, lowered = question, question.lower()
    for entry in probed(load_glossary(), lowered):
        if entry.search(remaining, lowered):
            found.append(entry.term)
            additions.append(entry.expansion)
            # A longer term consumes its words: "hong kong stock exchange" does not also count as "stock".
            if entry.term.isascii():
                remaining = entry.pattern.sub(" ", remaining)
    return (question + " " + " ".join(additions)).strip(), found


class BM25:
    """Okapi BM25 over :func:`tokens`, with an inverted index so scoring touches only matching documents."""

    def __init__(self, texts: Sequence[str], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        bags = [tokens(t) for t in texts]
        self.n = len(bags)
        self.lengths = np.array([sum(b_.values()) for b_ in bags], dtype=np.float32)
        self.avg_length = float(self.lengths.mean()) if self.n else 0.0
        postings_by_term: dict[str, list[tuple[int, int]]] = {}
        for doc, bag in enumerate(bags):
            for term, tf in bag.items():
                postings_by_term.setdefault(term, []).append((doc, tf))
        self.idf = {
            term: math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5)) for term, p in postings_by_term.items()
        }
        # Each term's documents and their length-normalised term frequencies, as arrays: a query adds a term's
        # column in one step rather than document by document.
        self._columns: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term, postings in postings_by_term.items():
            docs = np.array([doc for doc, _ in postings], dtype=np.int64)
            tf = np.array([tf for _, tf in postings], dtype=np.float64)
            norm = self.k1 * (1 - self.b + self.b * self.lengths[docs].astype(np.float64) / self.avg_length)
            self._columns[term] = (docs, tf * (self.k1 + 1) / (tf + norm))

    def known(self, term: str) -> bool:
        return term in self._columns

    def scores(self, query: str) -> tuple[np.ndarray, float]:
        """BM25 score of every document, and the share of the query's weight the corpus knows (0..1)."""
        out = np.zeros(self.n, dtype=np.float64)
        bag = tokens(query)
        total = known = 0.0
        for term, count in bag.items():
            weight = UNIGRAM_WEIGHT if term.startswith("1:") else 1.0
            total += weight
            column = self._columns.get(term)
            if column is None:
                continue
            known += weight
            docs, saturated = column
            out[docs] += self.idf[term] * weight * min(count, 2) * saturated
        return out.astype(np.float32), (known / total if total else 0.0)


# Characters that glue question words together; a bigram containing one is never a key term of the question.
_GLUE = set(
    "的了在和与及是有为于等对并将从向以其之这那个哪些什么吗呢吧啊请问你我他她它们年月日号几多少啥谁怎么样如何"
    "时候天次场款种家项一都也还就又被把给让去来过到后前里上下得地着没"
)
# Measure words ("那台", "这款", "哪家"): what follows them is what they count.
_MEASURE_WORDS = set("台个家款项位只件座栋条所部名张份批架辆")
# Whole question words removed before bigrams are taken (their bigrams would otherwise look like topic words).
_QUESTION_WORDS = re.compile(
    r"什么时候|啥时候|哪一天|哪天|什么|哪些|哪个|哪家|哪款|哪里|哪儿|多少|有没有|是不是|一共|请问|告诉我|介绍一下|"
    r"主要|名称|名字|情况|相关|有关|关于|具体|事项|记载|当时|这次|那次|那场|那天|那阵子|头一回|第一次|来着"
)
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]")
_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|"
    r"ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v))+$",
    re.I,
)


# English words too general to say what a question is about (their translations prove nothing either way), and
# the asker's own circumstances ("my mum thinks", "whats the company called").
_GENERIC_EN = set("""
according reach reached reaching achieve achieved achievement achievements occasion occasions appear appears
appeared mention mentioned mentions update updates related involving involve involved record recorded chronicle
report reports reported
when did does do was were is are be been being has have had will would could should can may might must shall
get got make made take took give gave go went come came become became begin began start started happen happened
receive received hold held take place took place see say said tell know want need use used find found
bring brought live living lives put puts putting stuck remember remembered recall recalled hometown hometowns
first second third last next new old big small large great good best more most many much some any other
year years month months day days time times date dates week weeks 2020 today yesterday ago
north south east west central northern southern eastern western
park sip gyq suzhou industrial china chinese sino jiangsu city local area areas region there here where what which who
how why whom whose that this these those it its they them their he she his her we our you your
also very just only even still yet already ever really about around after before during between into onto
something anything everything thing things kind type way ways part parts lot lots one ones two three four five
called else crazy supposed reckon reckons think thinks thought guess guessed wondering curious
kindly advise advised appreciate appreciated grateful briefing relating concerning pertaining relate relates
mum mom mummy mommy dad daddy parents grandparents grandson granddaughter grandkids grandma grandpa grandmother
grandfather wife husband hubby uncle aunt auntie cousin neighbour neighbor neighbours neighbors folks
""".split())


# Verbs of _GENERIC_EN, whose other forms ("makes", "holding") say nothing particular either.
_GENERIC_VERBS = set("""
reach achieve appear mention update involve record report get make take give go come become begin start happen
receive hold see say tell know want need use find bring live ask wonder hear put
""".split())


# An English word or a code (5G); a hyphen joins two words ("Vietnam-Singapore", "Su-Xiang").
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9']+|[0-9]+[A-Za-z][A-Za-z0-9]*")
_TRADE = r"(?:bio|biotech|biologics|biosciences?|pharma|pharmaceuticals?|medical|therapeutics|technolog(?:y|ies)|tech|" \
    r"software|semiconductors?|micro|microelectronics|electronics|materials|diagnostics|healthcare|health)\b"
# China and another country (中日, 中美): names the partner as surely as the country's name would.
_BILATERAL = re.compile(r"中[日美韩德法英俄意澳加欧非泰越印朝蒙巴]")
# An organisation an English question names by its name and kind: "DBS Bank", "Tsinghua University".
_ORG_EN = re.compile(r"\b((?:[A-Z][\w&'\-]*\s+){1,3})(Bank|University|Group|Hospital|Court)\b|"
                     # A court is often named in lower case by what it tries ("an intellectual property court").
                     r"\b((?:[a-z][\w'\-]*\s+){1,2})(court)\b")
_ORG_KINDS = {"bank": "银行", "university": "大学", "group": "集团", "hospital": "医院", "court": "法院|法庭"}
_QUESTION_EN = re.compile(r"(?:Which|What|When|Where|Who|How|Did|Does|Do|Is|Was|Were|Are|Has|Have|Any|Some|The|A|An)")
# Common Chinese surnames (not those that are also everyday words in questions: 高, 金, 周, 于, 方, 文…).
_SURNAMES_ZH = frozenset("王李张刘陈杨赵黄吴徐孙胡朱郭何罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范石姚谭廖邹熊陆郝孔崔康毛邱秦史顾侯邵孟段雷钱汤尹黎常乔贺赖龚")
# The titles a person is given, in Chinese (the longer first: 副总理 before 总理).
TITLES_ZH = "副总理|总理|书记|市长|省长|区长|县长|主任|院长|部长|局长|主席|大使|董事长|总裁|校长|总经理|秘书长|检察长"
# A surname and a title name a person by their office (吴书记, 丁主任), as the chronicles write it the other way round
# ("党工委书记吴庆文"); a title, then a surname and a given name, names one too ("贸工部长陈振声").
_TITLE_BEFORE = re.compile(rf"(?:{TITLES_ZH})$")
_TITLED = re.compile(rf"(.)({TITLES_ZH})")
# Chinese surnames in pinyin: "Li Keqiang" is a person, whom the chronicles name (in characters) or not.
_SURNAMES = set("""
li wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song zheng xie han tang
feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye yan pan du dai xia zhong
tian ren fan fang shi yao tan liao zou xiong jin hao kong bai cui kang mao qiu qin gu hou shao meng long wan duan lei
qian yin yi chang qiao lai gong wen lou lan ou xi bao mo niu ge
""".split())
# Another park: a city's development zone (苏州高新区, 昆山开发区, "Suzhou New District") that the chronicles never
# name. A province's zones (江苏开发区) are a class the park belongs to, not another park.
_ZONE_ZH = re.compile(r"高新技术产业开发区|经济技术开发区|经济开发区|高新区|开发区|经开区|综保区|保税区|新区")
_ZONE_EN = re.compile(
    r"\b([A-Za-z]+)\s+(new\s+district|hi(?:gh)?[\s\-]?tech(?:\s+industrial)?(?:\s+development)?\s+(?:zone|park|district)|"
    r"(?:economic(?:\s+and\s+technological)?\s+)?development\s+(?:zone|district)|bonded\s+zone)\b",
    re.I,
)
_ZONE_KINDS = {"new": ("新区",), "hi": ("高新区", "高新技术产业开发区"), "bonded": ("保税区", "综保区")}
PROVINCES = set("""
江苏 浙江 安徽 山东 广东 福建 河南 河北 湖南 湖北 江西 四川 云南 贵州 陕西 山西 辽宁 吉林 黑龙江 海南 甘肃 青海 台湾
jiangsu zhejiang anhui shandong guangdong fujian henan hebei hunan hubei jiangxi sichuan yunnan guizhou shaanxi shanxi
liaoning jilin heilongjiang hainan gansu qinghai taiwan
""".split())
# Month and weekday names and their short forms, which a date question leaves behind ("Oct 28 - Oct 31").
_CALENDAR_EN = set("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
""".split())


# A word the chronicle lacks but that is this common in general Chinese text (jieba's counts over ~60M words) is
# everyday language ("比例", "设施"), which a paraphrase may bring in; a rarer one names a thing (音乐节, 地铁).
EVERYDAY_WORD_COUNT = 10000


# Words jieba does not tag as nouns that name a happening a chronicle would record as an event of its own (下雪,
# 罢工, 停电, 高考): unlike 拿到 or 获准, which say what happened to what the question is about, they are what it is about.
_INCIDENTS = frozenset("""
下雪 下雨 降雪 罢工 停工 停电 停水 限电 断电 倒闭 破产 爆炸 失火 着火 起火 泄漏 泄露 坍塌 倒塌 塌方 停产 召回 裁员 关停 停航 封城 封控
高考 中考 选举
""".split())

# Chinese words that frame a question rather than name its subject ("有啥动静", "开始能办", "包括哪些"), and the
# asker's own circumstances ("我孙子在星海小学读书", "我家就住在旁边").
_FRAME_ZH = set("""
动静 动作 举措 消息 新闻 情况 方面 十来天 几天 这些 那些 地方 开始 包括 一起 正式 哪里 类型 比例 设施 文件 最早 进展 荣誉 自己 全省 几个 主要 具体
时间 日子 日期 时期 阶段 结果 成果 内容 原因 目的 意义 作用 影响 方式 办法 过程 细节 规模 数量 数字 金额 名字 名称
名单 排名 名次 面向 第几 多久 多长 多大 多高 多远 多快 怎样 怎么样 为啥 为何 啥事 大事 好事 新鲜 最近 后来 当初 以前 以后
谢谢 感谢 多谢 麻烦 劳驾 拜托 你好 您好 大家 朋友 小伙伴 层面 层级 级别 英文 中文 英语 汉语 全称 简称 英文名 中文名
孙子 孙女 外孙 外孙女 儿子 女儿 老伴 爷爷 奶奶 外婆 外公 姥姥 姥爷 妈妈 爸爸 老妈 老爸 我妈 我爸 老公 老婆 邻居 亲戚 家里 我家
读书 上学 问问 听说 旁边 附近 那阵子 这阵子 那阵 这阵 那会儿 那会 那时候 过年 快过年 过年前 过完年
列明 逐一 烦请 有关情况 相关情况 情况说明 有关事项 事项 人选 路线 技术路线 路线图 科普 求科普 解惑 求解答 求告知
区级 县级 镇级 村级 校级 部级 厅级 局级 片区级
月初 月中 月底 月末 年初 年中 年底 年末 上旬 中旬 下旬
稿子 稿件 草稿 初稿 今年 去年 明年 当年 那年 今天 昨天 当天 那天 这天 本月 上月 下月 春天 夏天 秋天 冬天 年内 全年 本年 当时 期间 同期
开春 开年 年后 节后 年前 节前 春节后
外地 本地 当地 外省 异地 各地 外面 国外 海外 大陆 内地
中方 韩方 新方 美方 日方 德方 外方 双方 对方 合作方 甲方 乙方
节点 关键节点 重要节点 关键 大事情 事情 里程碑 亮点 看点 要事
往来 来往 交往 互动 联系 交集 两国 双边 两地 各国 多国 双方
多长时间 多少钱 多少次
整理 汇总 梳理 盘点 罗列 列举 归纳 列出 汇报 整个月 整月 月份 日子 条目 顺序 排序 先后 统计 说明 一共 总共
""".split())

# Words that qualify how a question asks, never what it is about ("which specific projects", "roughly how
# many", "what is distinctive about"): no key term, whether or not the chronicle has a translation of them.
_HEDGES = set("""
world-class first-ever novel special particular specific certain various several following latest recent
roughly approximately nearly around distinctive notable remarkable significant unique noteworthy etc
quick quickly brief briefly short golden actually exactly precisely
""".split())
# English words that say what kind of fact is asked for, not what it is about: no translation of theirs in the
# chronicle proves the question is about something else ("venue", "milestones", "designation").
_FRAME_EN = set("""
venue place location site spot designation title status honour honor award prize rank ranking milestone milestones
sale sales approval amount number figure size scale total cost price value share rate stage step steps progress
detail details purpose reason result results outcome role type kind category name names money
proportion percentage ratio footprint compare compared comparing comparison versus vs
""".split()) | _HEDGES


# The stems that end international drug names: antibodies (-mab), kinase inhibitors (-nib), and others.
_DRUG_NAME = re.compile(r"(?:mab|tinib|rafenib|ciclib|parib|lisib|degib|cept|gliflozin|glutide|sartan|statin|prazole|"
                        r"previr|buvir|navir|platin|taxel|rubicin|mycin|cillin|lutamide|clax|domide|zomib|gliptin|"
                        r"floxacin|conazole|siran|ersen|olol|dipine|afil|setron|tidine|vudine|ciclovir)$")
# The endings of English abstract nouns (commendation, assessment, happiness, capacity, tolerance).
_ABSTRACT = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship)s?$")
# Letters and digits joined by + (10+N, 5G+): codes that words and numbers alone would cut apart.
_CODE = re.compile(r"(?<![0-9A-Za-z+])[0-9A-Za-z]+(?:\+[0-9A-Za-z]+)+\+?|(?<![0-9A-Za-z+])[0-9A-Za-z]+\+(?![0-9A-Za-z])")
# jieba's count under which a dictionary word is rare enough to be a name (华为 373, 国家 far above).
EVERYDAY_NAME_COUNT = 1000
# A number and the one or two characters after it; not a date (20年, 8月, 3日, 5号), which dates.py reads.
_COUNTED = re.compile(r"(?<![0-9.])(?!(?:19|20)[0-9]{2}(?![0-9.]))([0-9]+(?:\.[0-9]+)?)(?![年月日])(?!号(?![\u4e00-\u9fff]))[\u4e00-\u9fff]{1,2}")


@dataclass(frozen=True)
class KeyTerm:
    """A term the answer must contain: Chinese bigrams, a glossary term's words, or a foreign name.

    ``absent`` marks a specific word (a dictionary word, or an English word whose every Chinese translation
    is) that no chronicle contains: a strong sign the question is about something the chronicles do not cover.
    """

    label: str
    alternatives: tuple[str, ...]
    weight: float
    absent: bool = False
    # A proper name (李显龙, 汇丰, Samsung): when absent, the question is about someone or something else.
    proper: bool = False
    # A foreign name no dictionary knows (Deloitte, Optune): the chronicle may name it in Chinese, or not at all.
    foreign: bool = False
    # A slip of voice or pinyin input (独树湖 for 独墅湖): the question means the chronicle's word.
    slip: bool = False

    @property
    def words(self) -> list[str]:
        """The words the question wrote for this term: one, or those of alternatives joined into one
        ("ranking|evaluation")."""
        return self.label.split("|")


# "获批上市或推向市场", "A or B": alternatives, of which the chronicle need hold only one.
_EITHER = re.compile(r"或者|或是|还是|或|\bor\b|/", re.I)
_EXAMPLES = re.compile(
    r"\betc\b|\band\s+so\s+on\b|\band\s+the\s+like\b|\bsuch\s+as\b|\be\.g\.|\bincluding\b|\blike\b|(?<![一二三四五六七八九十第高上中下同平均])等等?(?![次奖级于同候待])|之类|什么的|啥的|比如|例如|包括|诸如|"
    r"像[^，。？?！!]{2,40}?(?:这种|这样|这类|那种|那样)|"  # "像公寓、商务楼、市民中心这种"
    r"、[^，。？?！!、]{1,12}(?:这些|这几个|这几家|这几座|这几处|这几类|这种|那种|这类|那类|之类)|"  # "北京、深圳、上海这些"
    r"哪些[\u4e00-\u9fff]{2,6}、[\u4e00-\u9fff]{2,6}[？?，,。]|"  # "开了哪些峰会、论坛？": the kinds a list may hold
    # Short options after a dash or colon, closing the question: "What new freight options opened - port, rail, air?"
    r"[-–—:：]\s*(?:[a-z]+(?:\s[a-z]+)?\s*,\s*)+(?:or\s+|and\s+)?[a-z]+(?:\s[a-z]+)?\s*[?？]",
    re.I,
)
# Where alternatives part in a list of examples: between items ("、", ",", brackets), or where two terms are joined
# into one (、 and "," only: a bracket says something of its own).
_OR_ZH = re.compile(r"或者|或是|或")
_EITHER_OR_LISTED = re.compile(_EITHER.pattern + r"|[、,，()（）]", re.I)
_EITHER_OR_EXAMPLE = re.compile(_EITHER.pattern + r"|、|,", re.I)


# A part of what is asked, named in brackets ("在上交所上市（含科创板）", "(incl. STAR Market)", "（含开工奠基）").
# A bracket that widens what is asked: "（含开工奠基）", "(including HK)", and "（科创板也算）", "(STAR counts too)".
_WIDENS_AFTER = r"也算|也要|也包括|都算|在内|(?:are\s+|is\s+)?included|counts?\s+too|also\s+counts?"
INCLUDED = re.compile(
    rf"[(（]\s*(?=含|包含|包括|连同|including|incl|[^()（）]{{1,30}}?(?:{_WIDENS_AFTER})\s*[)）])"
    rf"(?:含|包含|包括|连同|including|incl\.?)?\s*([^()（）]{{1,30}}?)\s*(?:{_WIDENS_AFTER})?\s*[)）]",
    re.I,
)


def _widened(terms: Sequence[KeyTerm], text: str) -> list[KeyTerm]:
    """``terms`` with the words of a bracket that widens one of them joined to it as alternatives: in
    "拿了第一（含第一等次、单项第一）" an entry may hold 第一 or 一等; in "开工（含开工奠基）", 开工 or 奠基."""
    merged = list(terms)
    outside = INCLUDED.sub(" ", text).lower()
    lowered = text.lower()
    for bracket in INCLUDED.finditer(lowered):
        # What the bracket follows, when none of its words is said outside it: "苏州大学（含附属医院）" is 苏州大学 or
        # its hospitals.
        before = next((t for t in merged if len(t.words) == 1 and lowered[: bracket.start()].rstrip().endswith(t.label.lower())), None)
        for item in re.split(r"[、,，/和及与]|\band\b|\bor\b", bracket.group(1)):
            head = next((t for t in merged if len(t.words) == 1 and t.label.lower() in item and t.label.lower() in outside), None)
            if head is None and before is not None and any(t.label.lower() in item and t.label.lower() not in outside for t in merged):
                head = before
            if head is None:
                continue
            joined_to_before = head is before
            for word in [t for t in merged if t is not head and t.label.lower() in item and t.label.lower() not in outside]:
                merged = [t for t in merged if t is not head and t is not word]
                head = replace(head, label=f"{head.label}|{word.label}", alternatives=head.alternatives + word.alternatives,
                               weight=min(head.weight, word.weight), absent=head.absent and word.absent)
                merged.append(head)
            if joined_to_before:
                before = head
    return merged


def either(terms: Sequence[KeyTerm], text: str, listing: bool = False) -> list[KeyTerm]:
    """``terms`` with a missing word no longer absent when it is one of alternatives ("获批上市或推向市场") and
    another alternative holds a word the chronicle has: the question is answered by that one. Names stay absent
    ("特斯拉或者三星"): each is someone the chronicle may not know. Two terms written either side of "or"
    ("Shanghai or Hong Kong stock exchanges") are one term, either of which an event may hold."""
    terms = _widened(_joined_by_or(terms, text, listing), text)
    # Examples given in a list ("apartments, towers, industrial parks, etc.", "楼宇、公寓、产业园之类") are
    # alternatives too.
    pattern = _EITHER_OR_LISTED if _EXAMPLES.search(text) else _EITHER
    parts = pattern.split(text)
    if len(parts) < 2 or not any(t.absent for t in terms):
        return list(terms)
    lowered = [p.lower() for p in parts]

    def side(term: KeyTerm) -> set[int]:
        return {i for i, p in enumerate(lowered) for word in term.words if word.lower() in p}

    present = set().union(*(side(t) for t in terms if not t.absent))
    # …and so are names a question offers to choose from ("中国移动还是联通还是电信", "the Shanghai one or Shenzhen
    # one"): it asks which one, and an entry naming one of them answers it.
    choice = is_choice(text)
    return [
        replace(t, absent=False)
        if t.absent and (not t.proper or choice and offered(t.label, text)) and side(t) and present - side(t) else t
        for t in terms
    ]


# A question that offers alternatives to choose from: "…中国移动还是联通？", "which exchange, Shanghai or Shenzhen?".
# ("where did lingzhi go public, shanghai or hk?": two options set after the question.)
_CHOICE = re.compile(
    r"还是|\b(?:which|what|whether|is\s+it|where|who|when)\b[^?？]*\bor\b|"
    r"[,，]\s*(?:[\w\-']+\s+){0,3}?[\w\-']+\s+or\s+(?:[\w\-']+\s*){1,4}[?？]\s*$",
    re.I,
)


def is_choice(text: str) -> bool:
    """True when ``text`` asks which of the alternatives it offers is right."""
    return bool(_CHOICE.search(text))


# A question that names several things and counts any of them: "科创板、A股、港股、新三板都算", "any of them counts".
_COUNTS_ALL = re.compile(r"都算|都行|都可以|均可|都要|都包括|都列上|\b(?:all|any|either|both)\s+(?:of\s+(?:them|these|those)\s+)?(?:counts?|are\s+fine|is\s+fine|ok|okay)\b", re.I)


def counts_all(text: str) -> bool:
    """True when ``text`` counts any of the things it names, so an answer may lack some of them."""
    return bool(_COUNTS_ALL.search(text))


def offered(name: str, text: str) -> bool:
    """True when ``name`` stands right beside a word that offers a choice ("中国移动还是联通", "Mobile or Unicom"),
    not merely in the same message ("…办了吗？还是因为疫情取消了")."""
    label = re.escape(name)
    return bool(re.search(rf"{label}\s*(?:还是|或者|或是|\bor\b)|(?:还是|或者|或是|\bor\b)\s*{label}", text, re.I))


def offered_among(names: Sequence[str], text: str) -> list[str]:
    """Those of ``names`` that ``text`` offers to choose from, when it asks for a choice; none otherwise."""
    return [name for name in names if offered(name, text)] if is_choice(text) else []


# A sentence of a message, and whether it asks something: "when did BeiGene's Brukinsa get approved? my dad's
# oncologist mentioned it" asks in its first sentence; the second says why. So does a dash before the asker's own
# words ("Give me everything chip related - we're chasing MCU supply"); "Suzhou supercomputing centre - total
# investment?" is one question.
_SENTENCE = re.compile(
    r"(?<=[?？!！。；;：:])\s*|(?<=[.])\s+(?=[A-Za-z\u4e00-\u9fff])|"
    r"\s+[-–—]+\s+(?=(?:i|i'm|im|i've|i'd|we|we're|we've|we'd|my|our|us)\b)",
    re.I,
)
_ASKS = re.compile(
    # (Not "啥新闻也没看", "那几天": nothing, those days.)
    r"[?？]\s*$|(?:什么|啥)(?![^，,。？?！!]{0,6}?(?:也|都)(?:没|不))|哪|吗|呢|多少|(?<![那这好十])几|谁|怎么|如何|为何|为什么|是否|有没有|是不是|列出|列举|"
    r"^\s*(?:(?:please|pls|kindly|and|also|so|now)\s+)?(?:what|which|when|who|whom|whose|where|why|how|did|does|do|is|are|"
    r"was|were|has|have|can|could|will|list|tell|name|give|show)\b",
    re.I,
)
# A word after "which"/"that" names the kind of thing asked about or pointed to ("哪个场馆", "那个抗癌药"): the
# chronicle names the thing itself (体育中心, 抗肿瘤药物), not necessarily the kind.
_KIND_WORD = r"(?:哪|什么|啥|那|这)(?:一)?(?:个|家|些|所|种|类|项|位|款|座|条|间|只|支)?"


# Words for any event at all ("有哪些会议和活动", "meetings and other events"), and kinds of event beside them.
_ANY_EVENT = re.compile(r"活动|事情|事件|事儿|新闻|大事|\b(?:events?|activities|happenings|goings-on|news)\b", re.I)
_EVENTS_LISTED = re.compile(r"活动\s*[、,，/]|[、,，/或和]\s*活动|\bevents\s*(?:,|/|or|and)|(?:,|/|or|and)\s*events\b", re.I)
_NEWS_KINDS = {"签约", "项目", "开工", "揭牌", "仪式", "动态", "signings", "projects", "ceremonies"}
_EVENT_KINDS = {"会议", "大会", "会展", "展会", "论坛", "峰会", "meeting", "meetings", "conference", "conferences",
                "forum", "forums", "exhibition", "exhibitions", "expo", "expos", "fair", "fairs"}


def any_event(terms: Sequence[KeyTerm], text: str) -> bool:
    """True when ``text`` asks for events of any kind, naming only kinds of event beside ("哪些会议和活动"): on
    a date, every event of that date answers."""
    if not _ANY_EVENT.search(text):
        return False
    # "有哪些活动、签约或项目动态": events as one item of a list, beside other kinds of news.
    kinds = _EVENT_KINDS | _NEWS_KINDS if _EVENTS_LISTED.search(text) else _EVENT_KINDS
    return all(t.label.lower() in kinds for t in terms)


# The same, compiled once: a determiner right before a word, and the Chinese characters right after it.
_KIND_BEFORE = re.compile(f"(?:{_KIND_WORD})$")
_CJK_AFTER = re.compile(r"[\u4e00-\u9fff]*")


def _occurrences(word: str, text: str) -> Iterator[tuple[int, int]]:
    start = text.find(word)
    while start >= 0:
        yield start, start + len(word)
        start = text.find(word, start + 1)


def sentences_asking(text: str) -> tuple[list[str], list[str]]:
    """The sentences of ``text``, and those of them that ask something."""
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    return sentences, [s for s in sentences if _ASKS.search(_QUOTED.sub(" ", s))]


# A title in quotes ("想做一期“谁是中国第一高楼”"): a question word in it asks nothing of the chronicle.
_QUOTED = re.compile(r"“[^”]{1,30}”|「[^」]{1,30}」|《[^》]{1,30}》")


# Words for a time of the year that Chinese writes against the words around it ("苏相合作区全年", "园区港今年").
_TIME_WORDS_ZH = frozenset("今年 去年 明年 当年 那年 全年 整年 本年 年内 今天 昨天 当天 那天 这天 本月 上月 下月".split())


def _times_out(run: str) -> list[str]:
    """``run`` (Chinese characters) in pieces around the words for a time it holds, so that no bigram crosses
    into one ("区全" of 苏相合作区全年); a time word it holds only inside another word (安全年会) stays."""
    if not any(w in run for w in _TIME_WORDS_ZH):
        return [run]
    pieces, current = [], ""
    for word in segment(run):
        if word in _TIME_WORDS_ZH:
            pieces.append(current)
            current = ""
        else:
            current += word
    return [p for p in [*pieces, current] if p]


def clauses_asking(text: str, spaced: bool = False, dashes: bool = False) -> tuple[list[str], list[str]]:
    """The clauses of ``text`` (parted by commas; with ``spaced``, also by a space between Chinese words typed
    for one; with ``dashes``, by a dash between spaces), and those of them that ask something."""
    clauses = [c for c in (_CLAUSE_BREAK if spaced else _CLAUSE_OR_DASH if dashes else _COMMA).split(text) if c.strip()]
    return clauses, [c for c in clauses if _ASKS.search(c)]


def _carry_most(present: Sequence[KeyTerm], asking: Sequence[str]) -> bool:
    """True when the sentences that ask (lower-cased) hold most of the key-term weight: the others are side talk,
    not the premise the question builds on."""
    held = sum(t.weight for t in present if any(t.label.lower() in s for s in asking))
    return held > 0.5 * sum(t.weight for t in present)


# Where the clauses of a sentence part: a comma, or a space between Chinese words typed for one.
_COMMA = re.compile(r"[，,]\s*")
_CLAUSE_BREAK = re.compile(_COMMA.pattern + r"|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# …or a comma or a dash between spaces: where a note before a question ends.
_CLAUSE_OR_DASH = re.compile(_COMMA.pattern + r"|\s+[-–—]+\s+")


def asked(terms: Sequence[KeyTerm], text: str) -> list[KeyTerm]:
    """``terms`` with a missing word no longer absent when it stands in a sentence that asks nothing beside one
    that asks with most of the terms ("…get the green light? my dad's oncologist mentioned it"), or, for a
    common word, when it only says what kind of thing is asked ("在哪个场馆踢的"). Foreign names stay absent."""
    if not any(t.absent for t in terms):
        return list(terms)
    present = [t for t in terms if not t.absent]

    def split(parts: tuple[list[str], list[str]]) -> tuple[list[str], bool]:
        sentences, asking = parts
        asking = [s.lower() for s in asking]
        telling = len(asking) < len(sentences) and asking
        return asking, bool(telling and _carry_most(present, asking))

    asking, side_talk = split(sentences_asking(text))
    if not side_talk:
        # …or the clauses of one sentence: "家里老人想找养老的地方，园区第一个养老服务中心是什么时候开起来的？"
        asking, side_talk = split(clauses_asking(text))
    if not side_talk:
        # A space between Chinese words may be a comma typed quickly ("打算带爸妈一起搬过去 园区有没有养老中心"), when
        # what asks names things of its own: "苏州地铁5号线 哪天开通的" asks about what stands before the space.
        clauses = [c for c in _CLAUSE_BREAK.split(text) if c.strip()]
        asking_clauses = [c.lower() for c in clauses if _ASKS.search(c)]
        # A clause that is only what the terms name ("昆山综保区 2020年 做成了哪些首单业务") is the topic the asking
        # clause is about, not side talk.
        labels = sorted((t.label for t in terms), key=len, reverse=True)
        told = [c for c in clauses if not _ASKS.search(c)]
        bare = all(sum(map(len, _CJK.findall(reduce(lambda c, w: c.replace(w, ""), labels, c)))) < 2 for c in told)
        if not bare and sum(any(t.label.lower() in c for c in asking_clauses) for t in present) >= 2:
            asking, side_talk = split((clauses, asking_clauses))

    def side(term: KeyTerm) -> bool:
        # A name said in passing ("娃明年小升初在看学校") is side talk too, unless it is a foreign one.
        return bool(side_talk) and not term.foreign and not any(term.label.lower() in s for s in asking)

    def soft(term: KeyTerm) -> bool:
        # The first place the term follows a determiner ("哪个场馆"), and the characters after it.
        after = next(
            (
                _CJK_AFTER.match(text, end, end + 4).group()  # type: ignore[union-attr]
                for start, end in _occurrences(term.label, text)
                # "哪些公交线路" asks for things of that kind: the kind itself must be the chronicle's.
                if (kind := _KIND_BEFORE.search(text, max(0, start - 5), start)) and not kind.group().endswith("些")
            ),
            None,
        )
        # …and is the head of what follows the determiner, not a word before it (哪些防汛防台措施).
        head = segment(after)[0] if after else ""
        if after is not None and not (len(head) >= 2 and names_a_thing(head)):
            return True
        return side(term)

    return [
        replace(t, absent=False)
        if t.absent and (_glossed(t.label, text, present) or _owned(t.label, text) or soft(t) and (not t.proper or side(t)))
        else t
        for t in terms
    ]


# The asker's own things, compared with what is asked about ("taller than our Ping An tower?", "我们那边的前海").
_OWN = re.compile(r"\b(?:[Oo]ur|[Mm]y)\s+((?:[A-Z][\w&'.-]*\s*){1,4})|我们(?:这边|那边|这里|那里)?的?([\u4e00-\u9fff]{2,8})")


def _owned(word: str, text: str) -> bool:
    """True when ``word`` stands only in what the asker calls theirs (a capitalised name after "our")."""
    return _only_within(word, text, [m.span(1) if m.group(1) else m.span(2) for m in _OWN.finditer(text)])


def _only_within(word: str, text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """True when ``word`` occurs in ``text`` (either in lower case), each time inside one of ``spans``."""
    found = list(_occurrences(word.lower(), text.lower()))
    return bool(spans and found) and all(any(a <= start and end <= b for a, b in spans) for start, end in found)


# Words in brackets right after others, in the other script: the asker's own gloss of them ("苏州国博(SEC展览中心)",
# "蔡司 (Zeiss)"); "苏州 (上海/无锡)" gives other places, not a translation.
_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*[(（]([A-Za-z][^()（）]{0,39})[)）]|(?<=[A-Za-z])\s*[(（]([\u4e00-\u9fff][^()（）]{0,39})[)）]"
)


def _glossed(word: str, text: str, present: Sequence[KeyTerm]) -> bool:
    """True when ``word`` stands only in the asker's gloss of a key term the chronicles hold, right before it
    (国博 (SEC…)): that term decides, not the asker's translation of it. The gloss of a name they lack
    (新加坡企业发展局（ESG）) is no such word."""
    lowered = text.lower()
    labels = [t.label.lower() for t in present]
    spans = [
        m.span(1) if m.group(1) else m.span(2)
        for m in _GLOSS.finditer(lowered)
        if any(lowered[: m.start()].rstrip().endswith(label) for label in labels)
    ]
    return _only_within(word, text, spans)


# Words that point back at what another sentence names.
_BACK = re.compile(r"\b(?:it|its|they|them|their|he|him|his|she|her|one|ones|this|these|those|there|such)\b|"
                   # ("that", not when it opens a clause of its own: "the rankings that came out")
                   r"\bthat\b(?!\s+(?:\w+ed|came|was|were|is|are|has|had|have|will|would|can|could|got|won|went|made|took|"
                   r"set|began|begun|ran|held|saw|drew|brought|left|built|broke|grew|rose|fell|lost|led)\b)|"
                   # (…not 这块, 这方面 after a noun: "教育这块" is education.)
                   r"它|其|该|他们|她们|(?<![\u4e00-\u9fff]{2})这|(?<=[\u4e00-\u9fff]{2})这(?!一?块|方面)|那", re.I)


# The asker's trade, said without a subject: "做房产中介的", "干物流的".
ASKER_TRADE = r"(?:做|干|搞)[\u4e00-\u9fff]{1,6}的"
_ASKER = re.compile(
    r"^\s*(?:(?:in|at|back\s+in|over\s+in|here\s+in)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2},?\s+)?"
    r"(?:i|i'm|im|i've|i'd|we|we're|we've|my|our|me|us)\b|^\s*(?:我|本人|家里|我家|咱家)|"
    # (…after when it was: "疫情那会儿我在园区一家外企上班")
    r"^\s*[\u4e00-\u9fff]{1,8}(?:那会儿?|那时候?|那阵子?|那几年|那年|的时候|期间)[，,]?\s*(?:我|本人)|"
    # Said without a subject, as Chinese allows: what the asker means to do ("想找外地对接窗口"); so in a quick English
    # note ("want to do inspection at the terminal instead of trucking boxes").
    r"^\s*(?:想|打算|准备|正在找|在找|需要找|要找)|^\s*(?:want|wanting|wanna|trying|planning|hoping)\s+to\b|"
    # (…or their trade: "做房产中介的，想问下…")
    rf"^\s*{ASKER_TRADE}\s*$|"
    r"^\s*(?:just\s+)?(?:moved|relocated|arrived)\s+(?:to|here|in)\b|"
    # (…or where they were: "was on leave", "been away")
    r"^\s*(?:was|were|been)\s+(?:on\s+(?:leave|holiday|vacation|a\s+trip)|away|abroad|out\s+of\s+town|travell?ing)\b|"
    # …or what they are doing and why ("need a USD account for importing parts", "asking bc our IT guys…", "Doing site
    # selection for a new plant."), or what someone they work for wants ("HR wants to go paperless").
    r"^\s*(?:need|needs|needed|asking|tracking|doing|chasing|looking|working|writing|researching|prepping|preparing|"
    r"putting|comparing|considering|thinking|curious|context|fyi|btw|ps|bc|cuz|because)\b|"
    r"^\s*(?:[\w'-]+\s+){0,2}(?:wants?|wanted|needs|asked|asks)\s+(?:to|me|us|for|a|an|the|this|that|it|more)\b",
    re.I,
)
# …but a sentence that says what is asked is part of the question: "I mean the innovation centres", "我是说…".
_MEANT = re.compile(
    r"^\s*(?:i|we)\s+(?:mean|meant|want|need|only|just|care|am\s+asking|am\s+looking|am\s+interested)\b|"
    r"^\s*(?:i'm|im|we're)\s+(?:asking|looking|interested|talking)\b|^\s*(?:i\.e\.|that\s+is|namely|meaning)\b|"
    r"^\s*我(?:是)?(?:说|指|问|想问|想知道|要|只要|需要)|^\s*(?:就是|比如|例如|也就是)",
    re.I,
)


# What the asker heard or remembers is what they ask about: "I heard KAIST and ETRI set up an institute. When…?"
_PREMISE = re.compile(
    r"^\s*(?:i|we)\s+(?:(?:have\s+|had\s+)?(?:heard|read|remember|recall|saw|seen|learned|learnt|understand|believe|think)|"
    r"was\s+told|were\s+told)\b|^\s*(?:我|本人)?(?:听说|记得|看到|据说|了解到|得知)",
    re.I,
)


def without_asker_talk(text: str, pointed_at: bool = False, premises: bool = False) -> str:
    """``text`` without the sentences that ask nothing and tell of the asker ("…open yet?? we'd probably rent near
    there"): they say nothing of the kind of fact asked for. With ``pointed_at``, the sentence that one asking
    points back at stays, whoever's story it tells ("I'm writing about Zai Lab. When did it list?"); with
    ``premises``, so does what the asker heard or remembers ("I heard KAIST…")."""
    sentences, asking = sentences_asking(text)
    referents = _pointed_at(sentences, asking) if pointed_at else set()
    kept = [
        s for i, s in enumerate(sentences)
        if s in asking or i in referents or not _ASKER.search(s) or premises and _PREMISE.search(s)
    ]
    return " ".join(kept) if kept and len(kept) < len(sentences) else text


def _pointed_at(sentences: Sequence[str], asking: Sequence[str], times: bool = True) -> set[int]:
    """The places of the sentences that a sentence asking points back at: the one right before it, when that one
    asks nothing ("I'm writing about Zai Lab. When did it list?"). "…How did SIP place? list all of them" points
    back at a question, not at what the asker tells. Without ``times``, a pointer at a time ("that day") does not
    count."""
    return {
        i - 1 for i, s in enumerate(sentences)
        if i and s in asking and sentences[i - 1] not in asking and _BACK.search(s if times else _TIME_POINTED.sub(" ", s))
    }


# A pointer back at a time ("that day", 那几天): the dates say when; it points at no subject.
_TIME_POINTED = re.compile(
    r"\b(?:that|this|those|these)\s+(?:day|days|week|weeks|month|year|time|period|morning|afternoon|evening|weekend)\b|"
    r"那(?:天|几天|周|一周|个月|段时间|阵子|会儿?)",
    re.I,
)


# Marks between words (a slash, a dash, brackets): "innovation/cooperation centres" says the glossary's phrase.
_MARKS = re.compile(r"[\W_]+")


def beside_the_point(terms: Sequence[KeyTerm], text: str) -> list[KeyTerm]:
    """``terms`` without the words found only in sentences that ask nothing ("We love evening walks by the lake.
    Did the Jinji Lake scenic area get any award for night tourism?"): what the asker says of themselves is not
    what an answer must hold. Another sentence counts as side talk only when the sentences that ask carry most
    of the key-term weight (else it is the premise they build on). Not when the sentence that asks points back
    ("…When did it list?"); names stay, as do missing words (see :func:`asked`)."""
    sentences, asking = sentences_asking(text)
    if len(sentences) == 1:
        # …or the clauses of one, when those that ask nothing tell of the asker ("园区港今年都有些啥进展，我做物流的",
        # "just moved to SIP and saw a news thing about Jan 2 — how many…").
        clauses, in_clauses = clauses_asking(text, dashes=True)
        told = [c for c in clauses if c not in in_clauses]
        if in_clauses and told and all(_ASKER.search(c) for c in told):
            sentences, asking = clauses, in_clauses
    if not asking or len(asking) == len(sentences):
        return list(terms)  # most questions: one sentence, which asks
    # "Zai Lab had a busy 2020. When did it list?": the sentence before says what about, whoever's story it is.
    # (A pointer back at a time, "that day", points at the date, which is read from the whole question.)
    referents = [sentences[i].lower() for i in sorted(_pointed_at(sentences, asking, times=False))]
    told = [s.lower() for s in sentences if s not in asking]
    meant = [s for s in told if _MEANT.search(s) or s in referents]
    # A sentence about the asker ("We love evening walks", "I'm putting together a note") is side talk however
    # much it says; any other is side talk only beside sentences that ask with most of the weight (and never when
    # a sentence asking points back: then what it points at may stand in any of them).
    premise = [s for s in told if s not in meant and not _ASKER.search(s)]
    asking = [s.lower() for s in asking]
    side = not referents and _carry_most([t for t in terms if not t.absent], asking)
    kept = asking + meant + ([] if side else premise)
    # Even a name the chronicles lack is no key term when only the asker's own story holds it ("In Hangzhou we had a
    # few biotech IPOs too"); in a premise ("Samsung said it would…") it stays.
    own = [s for s in told if s not in meant and s not in premise]

    def within(term: KeyTerm, said: Sequence[str]) -> bool:
        # (Either of two words joined by "or" or a slash: "ranking|evaluation"; a glossary phrase said with other
        # marks between its words: "innovation/cooperation centres".)
        words = [_MARKS.sub(" ", word.lower()).strip() for word in term.words]
        return any(f" {word} " in f" {_MARKS.sub(' ', s)} " or word in s for word in words for s in said)

    def only_own(term: KeyTerm) -> bool:
        return within(term, own) and not within(term, kept + premise)

    return [t for t in terms if (t.absent or t.proper or t.foreign or within(t, kept)) and not only_own(t)]


def _whole(term: KeyTerm, lowered: str) -> bool:
    """True when ``term`` stands between marks in ``lowered`` (a Latin word, or Chinese between 、, after 像, 哪些 or
    比如, before 这些 or 之类), not inside a longer Chinese word."""
    at = lowered.find(term.label.lower())
    if at < 0 or not _CJK_CHAR.match(term.label):
        return True
    end = at + len(term.label)
    before, after = lowered[at - 1 : at] if at else "", lowered[end : end + 1]
    return (not _CJK_CHAR.match(before) or before in "像如括些") and (
        not _CJK_CHAR.match(after) or bool(_AFTER_EXAMPLES.match(lowered, end))
    )


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# What closes a list of examples ("北京、深圳、上海这些", "开工、奠基之类").
_AFTER_EXAMPLES = re.compile(r"这些|这几|这种|这样|这类|那种|那样|之类|等")


def _joined_by_or(terms: Sequence[KeyTerm], text: str, listing: bool = False) -> list[KeyTerm]:
    """The terms right before and right after an "or" (English words or glossary terms, not bigrams of a
    Chinese run) merged into one whose alternatives are both's."""
    lowered = text.lower()
    # Examples listed with 、 are alternatives too ("在外地（北京、深圳、上海这些）设了哪些中心"); there, a word of two
    # characters stands whole between the marks. So are the kinds a list asks for ("在各类考核、排名里拿第一的有哪几次").
    kinds = listing and "、" in lowered
    examples = bool(_EXAMPLES.search(lowered)) or kinds
    # (…each a word of its own: 考核 of 各类考核, not 仪式 of 开工仪式.)
    segmented = {word for run in _CJK.findall(lowered) for word in segment(run)} if kinds else set()
    joiner = _EITHER_OR_EXAMPLE if examples else _EITHER
    # (Two words of two characters either side of 或 stand whole too: "开工或奠基仪式".)
    around_or = [(m.start(), m.end()) for m in _OR_ZH.finditer(lowered)]
    # (…as a word, or the first of two in a compound: 奠基 of 奠基仪式, not 产业 of 产业园.)
    cut = {
        part for run in _CJK.findall(lowered) for word in segment(run)
        for part in (word, *((word[:2], word[-2:]) if len(word) >= 4 else ()))
    } if around_or else set()
    pairs = {
        id(t) for t in terms
        if len(t.label) == 2 and t.label in cut and not t.proper
        and any(start >= 2 and lowered.startswith(t.label, start - 2) or lowered.startswith(t.label, end) for start, end in around_or)
    }
    words = [t for t in terms if t.label.isascii() or len(t.label) > 2 or examples or id(t) in pairs]
    if len(words) < 2 or not joiner.search(lowered):
        return list(terms)
    spans = {id(t): (i, i + len(t.label)) for t in words if (i := lowered.find(t.label.lower())) >= 0}
    merged = list(terms)
    for m in joiner.finditer(lowered):
        left = [
            t for t in words
            if id(t) in spans and spans[id(t)][1] <= m.start() and not lowered[spans[id(t)][1] : m.start()].strip(" ,，、'’s")
        ]
        right = [
            t for t in words
            if id(t) in spans and spans[id(t)][0] >= m.end() and not lowered[m.end() : spans[id(t)][0]].strip(" ,，、")
        ]
        if m.group() == "、" and not all(_whole(t, lowered) or _own_word(t, spans, segmented, terms) for t in left + right):
            continue  # (仪式 of 开工仪式 is no example of its own)
        if len(left) == 1 and len(right) == 1 and left[0] is not right[0] and (
            (id(left[0]) in pairs) == (id(right[0]) in pairs) or examples
        ):
            # (A term already joined to another stands for both: "北京、深圳、上海" is one term of three.)
            a = next((t for t in merged if left[0].label in t.words), None)
            b = next((t for t in merged if right[0].label in t.words), None)
            if a is None or b is None or a is b:
                continue
            merged = [t for t in merged if t is not a and t is not b]
            # (Bigrams straddling a word of two characters so joined are no words: 基仪 of "开工或奠基仪式".)
            straddling = {lowered[edge - 1 : edge + 1] for t in (left[0], right[0]) if id(t) in pairs for edge in spans[id(t)]}
            merged = [t for t in merged if t.label not in straddling or t.label.isascii()]
            merged.append(KeyTerm(
                f"{a.label}|{b.label}", a.alternatives + b.alternatives, min(a.weight, b.weight),
                absent=a.absent and b.absent, proper=a.proper and b.proper, foreign=a.foreign or b.foreign,
            ))
    return merged


def _own_word(term: KeyTerm, spans: dict[int, tuple[int, int]], segmented: set[str], terms: Sequence[KeyTerm]) -> bool:
    """True when ``term`` is a word of its own beside no other key term: 考核 of "各类考核、排名", not 仪式 of
    "开工仪式、奠基" nor 海关 of "首单、海关验收"."""
    if term.label not in segmented or id(term) not in spans:
        return False
    start, end = spans[id(term)]
    return not any(
        (i := spans.get(id(t))) and (i[1] == start or i[0] == end) for t in terms if t is not term
    )


# Chat shorthand: how a message is said, not what it asks about.
_CHAT = set("lol lmao haha hehe hmm pls plz ppl smth sth thx tks btw imo imho idk omg ur yeah yep nope okay bot chatbot bro bruh dude guys".split())
# Word beginnings English runs into the next word (medtech, biopharma, fintech).
_COMBINING = frozenset("bio med nano fin info agri auto cyber eco micro pharma tele neuro immuno onco chem geo aero e".split())
# Short forms of written English, as the words they stand for.
_SHORT_FOR = {
    "intl": "international", "int'l": "international", "natl": "national", "nat'l": "national",
    "govt": "government", "gov't": "government", "gov": "government", "govs": "governments", "govts": "governments", "dept": "department", "univ": "university", "ctr": "center",
    "mgmt": "management", "assoc": "association", "admin": "administration",
    "yr": "year", "yrs": "years", "bn": "billion", "mn": "million", "mio": "million", "mrd": "billion", "hosp": "hospital", "inst": "institute",
    "ppl": "people", "biz": "business", "mfg": "manufacturing", "coop": "cooperation",
}
_AMOUNTS = frozenset({"million", "billion"})
_SHORT = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(k) for k in _SHORT_FOR) + r")\.?(?![\w'])", re.I)


# British spellings and the American ones the dictionary glosses: neighbouring, cancelled, optimising, analyse.
_BRITISH = tuple(
    (re.compile(british), american)
    for british, american in (("our", "or"), ("ll", "l"), ("is(?=e|ing|ation)", "iz"), ("yse", "yze"))
)


def _match_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


# A spelling this many times more common than any other one slip away is the word a typo meant.
_DOMINANT_SPELLING = 20
# Words long enough that one slip of the keys rarely lands on another word: only these are put right.
_LONG_WORD = re.compile(r"(?<![A-Za-z0-9'])[A-Za-z]{7,}(?![A-Za-z0-9'])")


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """The English words the question reader knows without the dictionary: its own lists and the glossary's."""
    words = _STOP_LATIN | _GENERIC_EN | _HEDGES | _FRAME_EN | _CALENDAR_EN
    glossary = {w for entry in load_glossary() for w in re.findall(r"[a-z]+", entry.term.lower())}
    return frozenset(words | glossary)


def whole_words(piece: str, text: str) -> bool:
    """True when ``piece`` stands in ``text`` as whole words of its run (独树湖 in 独树湖医院), not across one
    (同成 in 北京同成都, which cuts 成都)."""
    for run in _CJK.findall(text):
        start = run.find(piece)
        if start < 0:
            continue
        bounds = set(itertools.accumulate(len(w) for w in segment(run))) | {0}
        return start in bounds and start + len(piece) in bounds
    return False


def segment(run: str) -> list[str]:
    """Cut a run of Chinese characters into its most likely words (jieba's dictionary, unigram model)."""
    words = chinese_words()
    total = log_total_count()
    n = len(run)
    best: list[tuple[float, int]] = [(0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, min(n, i + 6) + 1):
            piece = run[i:j]
            if j == i + 1 or piece in words:
                options.append((math.log(words.get(piece) or 1) - total + best[j][0], j))
        best[i] = max(options)
    out, i = [], 0
    while i < n:
        out.append(run[i : best[i][1]])
        i = best[i][1]
    return out


# First place won ("拿了第一", "排名第一", "拿过哪些“第一”"), not the first of a series (第一次, 第一届).
_RANK_ASKED = re.compile(
    r"(?:拿|排|得|获|夺|取|名列|位居|位列|排名|排在|评为|争)(?:了|过|得|到|个|上)?\s*[“\"「]?第一(?![次届季个批期位轮天年月号])|[“\"「]第一[”\"」]"
)

# A unit after a numeral character: what follows it is no word with it ("五百米高", "两万吨级").
_UNITS = frozenset("米吨亩元层岁")
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百千万亿几多")

# What a drug acts on is named before these: "BTK抑制剂", "PD-1 antibody", "Bcl-2 inhibitor".
_TARGET_OF = r"(?:抑制剂|抗体|单抗|靶点|靶向|受体|通路|\binhibitors?\b|\bantibod(?:y|ies)\b|\btargets?\b|\breceptors?\b|\bpathway\b)"


@lru_cache(maxsize=1)
def _glossary_terms() -> frozenset[str]:
    """The glossary's terms as a user types them (lower case)."""
    return frozenset(entry.term for entry in load_glossary())


def _numbered_thing(word: str) -> bool:
    """True for a name that starts with a number and ends in a thing's name: 三八红旗手 (红旗手), 五一劳动奖章."""
    rest = word.lstrip("一二三四五六七八九十")
    return len(word) >= 4 and len(rest) >= 2 and rest != word and names_a_thing(rest)


_DETERMINERS = frozenset("my our your his her their a an".split())


def _after_determiner(word: str, context: Sequence[str]) -> bool:
    """True when ``word`` follows a possessive or an indefinite article in ``context`` (the question's words)."""
    return any(i > 0 and context[i - 1].lower() in _DETERMINERS for i, w in enumerate(context) if w == word)


def _city(word: str) -> bool:
    """True for a province or a city of China the retriever knows by name (重庆, 浙江)."""
    from .answer_type import CITY_NAMES

    return word in PROVINCES or word in CITY_NAMES


def _place(word: str) -> bool:
    """True for a proper name, a city's or a province's too (广州市: 广州 is the name, 市 says what it is)."""
    return is_proper_name(word) or (len(word) > 2 and word[-1] in "市省县" and is_proper_name(word[:-1]))


def _lone(word: str, context: Sequence[str]) -> bool:
    """True when no capitalised dictionary word stands next to ``word`` in ``context`` (the question's words):
    it is a name, not part of a translated title ("National Civilized Unit"). A name beside it ("Hanoi",
    "Singapore") or a framing word ("Details") makes no title."""
    positions = [i for i, w in enumerate(context) if w == word]
    if not positions:
        return True  # nothing stands beside it
    for position in positions:
        neighbours = [context[j] for j in (position - 1, position + 1) if 0 <= j < len(context)]
        if not any(_titled(n) for n in neighbours):
            return True
    return False


def _before_trade(word: str, context: Sequence[str]) -> bool:
    """True when ``word`` stands before a word of trade in ``context`` ("Aditum Bio", "ascentage pharma"): it may
    be a local firm's English name, which the chronicle gives in Chinese only."""
    return re.search(rf"\b{re.escape(word)}\s+{_TRADE}", " ".join(context), re.I) is not None


def _after_a_name(word: str, context: Sequence[str]) -> bool:
    """True when ``word`` follows a capitalised word in ``context`` (the question's words): "Minxin Micro"."""
    return re.search(rf"\b[A-Z][\w\-]*\s+{re.escape(word)}\b", " ".join(context)) is not None


# What an organisation does, said of it in a question: "When did DBS open", "PwC signed", "DBS's new branch".
_DEEDS = (r"open(?:s|ed)?|sign(?:s|ed)?|set(?:s)?\s+up|launch(?:es|ed)?|invest(?:s|ed)?|list(?:s|ed)?|build(?:s)?|built|"
          r"establish(?:es|ed)?|move[sd]?|expand(?:s|ed)?|enter(?:s|ed)?|acquire[sd]?|buy|bought")


def _differs_once_in(a: str, b: str, where: range) -> bool:
    """True when ``a`` and ``b`` (of one length) differ in exactly one character, at a position in ``where``."""
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diffs) == 1 and diffs[0] in where


def _opens_sentence(word: str, question: str) -> bool:
    """True when ``word`` stands first in a sentence of ``question`` (every time it occurs)."""
    found = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", question)]
    return bool(found) and all(re.fullmatch(r"(?:.*[.?!。？！:：]\s*)?\W*", question[:start], re.S) for start in found)


def _acts(word: str, question: str) -> bool:
    """True when ``word`` is the one acting in ``question``: the subject of a deed (alone or with others: "did DBS
    or UOB open"), or the owner of a branch."""
    # …with the word of its trade after it ("did DBS Bank open").
    w = re.escape(word) + r"(?:\s+(?i:bank|group|pharma|inc|corp|co|ltd|company))?(?:\s*(?:,|\bor\b|\band\b|&|/)\s*[A-Za-z][\w&.\-]*)*"
    return re.search(
        rf"\b(?:did|does|do|has|have|had|will|would|could|can)\s+{w}(?:'s)?\s+(?:{_DEEDS})\b|"
        rf"\b{w}\s+(?:has\s+|have\s+|had\s+)?(?:{_DEEDS})\b|\b{w}'s\s+(?:new\s+)?(?:branch|office|factory|plant|campus|headquarters|hq)\b",
        question,
    ) is not None


def _titled(word: str) -> bool:
    """True for a capitalised dictionary word that is not a name: a word of a translated title."""
    lowered = word.lower()
    # Capitalised, even a common word ("East", "Four", "Park") is part of a title.
    if not word[0].isupper() or lowered in _STOP_LATIN or lowered in _FRAME_EN:
        return False
    found = translations(lowered)
    # A common word may have a proper gloss among many ("Cooperation": 协和 among ten); a name's glosses are few
    # ("Singapore": 新加坡, 坡国, 坡县).
    proper = sum(map(is_proper_name, found))
    return bool(found) and (proper == 0 or (len(found) >= 4 and proper * 2 < len(found)))


def split_pinyin(word: str) -> list[str] | None:
    """``word`` cut into pinyin syllables, fewest first ("shaomin" → shao, min); None when it is not pinyin.

    Interjections (r, m, ng, o…) are not syllables of names: "Moderna" is not mo-de-r-na."""
    known = syllables() - _INTERJECTIONS
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[len(word)] = []
    for i in range(len(word) - 1, -1, -1):
        for j in range(min(len(word), i + 6), i, -1):
            rest = best[j]
            if word[i:j] in known and rest is not None and (best[i] is None or len(rest) + 1 < len(best[i])):
                best[i] = [word[i:j], *rest]
    return best[0]


_INTERJECTIONS = frozenset({"r", "m", "n", "ng", "hm", "hng", "o", "ê"})


@lru_cache(maxsize=4096)
def is_pinyin(word: str) -> bool:
    """True for a romanised Chinese word (Rong, Yizhan, Jinji): the corpus has it in characters."""
    return bool(_PINYIN.match(word)) and split_pinyin(word.lower()) is not None


class KeyTerms:
    """Which of a question's key terms an event contains, weighted by rarity (unknown terms weigh most)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self.n = len(self.texts)
        df: Counter[str] = Counter()
        for text in self.texts:
            df.update({text[i : i + 2] for i in range(len(text) - 1)})
        self.df = df
        self.unknown_weight = math.log(self.n + 1) + 1.0
        self._joined = "\n".join(self.texts)
        self._lowered = self._joined.lower()
        # The Latin words of the chronicles (ecmo, mrna, 5g) and how many events write each.
        self._latin: Counter[str] = Counter()
        # …and their codes written without the hyphen, so APG2575 is found as the chronicle's APG-2575.
        self._latin_codes: set[str] = set()
        for text in self._lowered.split("\n"):
            self._latin.update(set(re.findall(r"[a-z0-9]+", text)))
            self._latin_codes.update(code.replace("-", "") for code in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text))
        # …and their letters in order, so a slip of the keys (ECOM for ECMO) is found in one look-up.
        self._latin_letters = {"".join(sorted(word)) for word in self._latin}
        # …and what follows their first letter, so an acronym that is the tail of one (RNA of mRNA) is found in one too.
        self._latin_tails = {word[1:] for word in self._latin if len(word) > 1}
        self._df_cache: dict[tuple[str, ...], int] = {}
        self._sound_cache: dict[tuple[str, ...], list[str]] = {}
        self._by_reading: dict[str, list[tuple[int, int]]] | None = None
        self._by_char: dict[str, set[int]] | None = None

    def spell(self, text: str) -> str:
        """``text`` with each long English word no dictionary, glossary or chronicle knows put right, when exactly
        one known word is a slip of the keys away ("Industial" → "Industrial", "Septmber" → "September"). A name
        is left alone: nothing known is that close to it (Deloitte, zanubrutinib). Short forms of writing are
        written out ("Intl Expo Center", "Natl", "Govt")."""
        # (An amount's unit is no name, however it is written: "200 Mio." is 200 million.)
        text = _SHORT.sub(lambda m: _match_case(full, m.group()) if (full := _SHORT_FOR[m.group().lower().rstrip(".")]) not in _AMOUNTS else full, text)
        return _LONG_WORD.sub(self._respelt, text) if _LONG_WORD.search(text) else text

    def _respelt(self, match: re.Match[str]) -> str:
        word = match.group()
        lowered = word.lower()
        if self._knows(lowered) or is_pinyin(word):
            return word
        if _DRUG_NAME.search(lowered):
            # A drug's name is put right only to one the glossary gives ("zanubritinib" → zanubrutinib).
            drugs = one_slip_away(lowered) & _glossary_terms()
            return next(iter(drugs)) if len(drugs) == 1 else word
        if re.search(r"[a-z][A-Z]", word):
            return word  # a capital inside a word is a brand's (BioNTech, AstraZeneca), not a slip
        # A British spelling ("neighbouring", "optimising") is the American one the dictionary knows: found at
        # once, not among the hundreds of spellings a slip of the keys could give.
        for british, american in _BRITISH:
            spelt = british.sub(american, lowered, count=1)
            if spelt != lowered and self._knows(spelt):
                return spelt.capitalize() if word[0].isupper() else spelt
        candidates = one_slip_away(lowered)
        known = {c for c in candidates if c in _vocabulary() or c in self._latin} | glossed(candidates)
        if len(known) > 1:
            # Of several words a slip away, one written far more often than any other is the one meant
            # ("compnies": companies, not complies; "vacines": vaccines, not valines).
            counts = english_counts(known)
            ranked = sorted(known, key=lambda c: -counts.get(c, 0))
            if counts.get(ranked[0], 0) >= _DOMINANT_SPELLING * max(counts.get(ranked[1], 0), 1):
                known = {ranked[0]}
        if len(known) != 1:
            return word
        (right,) = known
        return right.capitalize() if word[0].isupper() else right

    def _knows(self, lowered: str) -> bool:
        return lowered in _vocabulary() or lowered in self._latin or is_english(lowered)

    def document_frequency(self, term: str) -> int:
        if len(term) == 2:
            return self.df.get(term, 0)
        return self.df_any((term,))

    def df_any(self, alternatives: tuple[str, ...]) -> int:
        """How many events hold any of ``alternatives`` (remembered: questions repeat their words)."""
        count = self._df_cache.get(alternatives)
        if count is None:
            count = sum(1 for text in self.texts if any(a in text for a in alternatives))
            if len(self._df_cache) < 100_000:
                self._df_cache[alternatives] = count
        return count

    def weight(self, term: str) -> float:
        return self._idf(self.document_frequency(term))

    def weight_any(self, alternatives: tuple[str, ...]) -> float:
        """The weight of a term any of whose ``alternatives`` an event may hold."""
        return self._idf(self.df_any(alternatives))

    def _idf(self, count: int) -> float:
        return math.log((self.n + 1) / (count + 0.5)) if count else self.unknown_weight

    def extract(self, question: str, context: str = "") -> list[KeyTerm]:
        """The question's key terms; ``question`` may be only its topic, and ``context`` the whole of it."""
        terms: list[KeyTerm] = self.other_parks(question)
        remaining, lowered = question, question.lower()
        # The words around a name, before any is read or cut as filler ("Belt and Road industrial park in Thailand").
        full = context or question
        context = [re.sub(r"'s$", "", w).strip("'") for w in _WORD.findall(full.replace("’", "'"))]
        for entry in probed(load_glossary(), lowered):
            if entry.search(remaining, lowered):
                alternatives = tuple(entry.expansion.split())
                weight = max(self.weight(a) for a in alternatives)
                # A term whose every Chinese word no chronicle holds (negative list → 负面清单) is absent; a single
                # English word weighs as a common word the chronicle lacks (it may be said otherwise: minister, 部长).
                # A named organisation no chronicle holds (Standard Chartered: 渣打银行) is someone else, as any name,
                # and a foreign one (the glossary gives its Chinese name so that the chronicle's would be found).
                # An acronym (MRI, EUA) is a term of art, not a common word said otherwise: its absence tells.
                missing = not self.df_any(alternatives)
                if missing and entry.term.isascii() and " " not in entry.term and not entry.is_name:
                    written = entry.pattern.search(remaining)
                    if not (written and written.group().isupper() and len(written.group()) <= 6):
                        weight = self.unknown_weight / 2
                named = missing and entry.is_name
                if named and entry.cut_from_words(remaining):
                    continue  # 国药 in 美国药企: 美国 and 药企, no name
                terms.append(KeyTerm(entry.term, alternatives, weight, absent=missing, proper=named, foreign=named))
                remaining = entry.pattern.sub(" ", remaining)
        for run in (piece for run in _CJK.findall(_QUESTION_WORDS.sub(" ", remaining)) for piece in _times_out(run)):
            unknown = [False] * len(run)  # characters of a bigram that no chronicle has
            words = segment(run) if any(c in _GLUE for c in run) else []
            glued = {w for w in words if len(w) == 2}
            # A longer word of the chronicles holding a character that is also grammar (双年展: 年) keeps its bigrams.
            kept = [w for w in words if len(w) >= 3 and w in self._joined]
            for i in range(len(run) - 1):
                gram = run[i : i + 2]
                if (
                    (gram[0] in _GLUE or gram[1] in _GLUE) and not (gram in glued and self._glued_name(gram))
                    and not any(gram in w for w in kept)
                ):
                    continue
                if gram in self.df:
                    terms.append(KeyTerm(gram, (gram,), self.weight(gram)))
                else:
                    unknown[i] = unknown[i + 1] = True
            terms.extend(self._absent_words(run, unknown, full))
        if _RANK_ASKED.search(full) and "第一" in self.df and not any(t.label == "第一" for t in terms):
            # "在哪些考核评比里拿了第一": first place is what is asked, though an ordinal is otherwise no key term.
            terms.append(KeyTerm("第一", ("第一",), self.weight("第一")))
        for code in dict.fromkeys(_CODE.findall(remaining)):
            # A code the chronicles write the same way (10+N, 5G+): as telling as a name.
            if code.lower() in self._lowered:
                terms.append(KeyTerm(code, (code,), self.weight(code)))
        for m in _COUNTED.finditer(remaining):
            # A number with its unit that a chronicle also writes (99周年, 11届, 5号线): as telling as a name.
            for end in range(len(m.group()), len(m.group(1)), -1):
                piece = m.group()[:end]
                if piece in self._joined and not piece.endswith("号"):
                    terms.append(KeyTerm(piece, (piece,), self.weight(piece)))
                    break
        for m in _TITLED_RUN.finditer(remaining):
            # A name of several capitalised words that the dictionary knows as one Chinese name ("China Mobile":
            # 中国移动通信, "China Unicom": 中国联通): the chronicle's when it writes it, else someone it lacks.
            # Followed by another capitalised word, it is a stretch of a longer name ("…Four Seasons Apartments");
            # a title before it is not ("PM Lee Hsien Loong").
            after = re.search(rf"{re.escape(m.group())}\s+([A-Za-z]+)", question)
            longer = after is not None and after.group(1)[0].isupper() and after.group(1).lower() not in _STOP_LATIN
            names = [] if longer else [t for t in translations(m.group().lower()) if len(t) >= 3 and is_proper_name(t)]
            if names:
                present = tuple(t for t in names if t in self._joined)
                terms.append(
                    KeyTerm(m.group(), present, self.weight_any(present)) if present
                    else KeyTerm(m.group(), tuple(names), self.unknown_weight, absent=True, proper=True, foreign=True)
                )
                remaining = remaining.replace(m.group(), " ")
        for m in re.finditer(r"(?=\b(([A-Z][a-z]{0,5})\s+([A-Z][a-z]+))\b)", remaining):
            # A person written in pinyin ("Li Keqiang") whom the chronicles do not name: no characters of theirs
            # read so (part of the name may, as 科强 reads Keqiang).
            name, surname, given = m.group(1), m.group(2).lower(), m.group(3).lower()
            spoken = split_pinyin(surname + given)
            # A surname that ends the name before it is that person's given name: "Han Zheng / Heng Swee Keat" has
            # no "Zheng Heng".
            before = re.search(r"([A-Z][a-z]+)\s+$", remaining[: m.start()])
            heard = split_pinyin((before.group(1) + surname).lower()) if before else None
            if (
                surname in _SURNAMES and given not in _STOP_LATIN and spoken
                and len(split_pinyin(given) or ()) in (1, 2) and not self._by_sound(spoken)
                and not (heard and self._by_sound(heard))
            ):
                terms.append(KeyTerm(name, (name,), self.unknown_weight, absent=True, proper=True))
                remaining = remaining.replace(name, " ")
        for label, matches in self.romanised(remaining):
            # Pinyin the chronicles have in characters: 蓝绍敏 for "Lan Shaomin".
            terms.append(KeyTerm(label, matches, self.weight_any(matches)))
            remaining = remaining.replace(label, " ")
        words = []
        for joined in re.findall(r"[A-Za-z0-9][A-Za-z0-9'\-]*", remaining):
            # "high-end" is a word the dictionary knows; "Vietnam-Singapore" is two.
            whole = joined.strip("'-")
            words += [whole] if "-" in whole and translations(whole.lower()) else [w.strip("'") for w in _WORD.findall(whole)]
        for word in words:
            lowered = word.lower()
            # "makes", "bringing": a verb form of a word that says nothing particular is no key term either.
            verb_forms = {lowered[:-1], lowered[:-3], lowered[:-3] + "e"} if lowered.endswith(("s", "ing")) else set()
            if (
                lowered in _STOP_LATIN or lowered in _GENERIC_EN or lowered in _HEDGES or verb_forms & _GENERIC_VERBS
                or len(lowered) < 2
            ):
                continue
            if lowered in self._latin:
                # A word the chronicle writes (JSC, ECMO), weighed by the events that write it.
                terms.append(KeyTerm(word, (word,), self._idf(self._latin[lowered])))
                continue
            # Pinyin written with a capital inside is a brand (WuXi), not the dictionary's word for it (无锡, a city).
            if word[0].isupper() and re.fullmatch(_TRADE, lowered) and _after_a_name(word, context):
                continue  # the trade of the name before it ("Minxin Micro", "Zelgen Biotech"), no name of its own
            found = translations(lowered) if not (_CAMEL.match(word) and is_pinyin(word)) else frozenset()
            if word.isupper() and all(len(t) == 1 for t in found):
                # An abbreviation the dictionary gives only a character for ("PR": 瓧, a unit) is read as one.
                found = frozenset()
            chinese = [t for t in found if len(t) >= 2] or list(found)
            # A people or a language is its country's (Filipino → 菲律宾人 → 菲律宾, Burmese → 缅甸语 → 缅甸).
            chinese += [t[:-1] for t in chinese if len(t) >= 3 and t[-1] in "人语文" and is_proper_name(t[:-1])]
            if chinese:
                present = tuple(t for t in chinese if t in self._joined)
                # A one-character translation the chronicle has may be the head of its word (plant → 厂 in
                # 工厂, station → 站 in 服务站): the concept may be there, so it is not known to be absent.
                maybe = any(len(t) == 1 and t in self._joined for t in found)
                if present:
                    terms.append(KeyTerm(word, present, self.weight_any(present)))
                elif any(form in _FRAME_EN for form in lemmas(lowered)):
                    # A framing word ("milestones", "venue") the chronicle does not write says how the question
                    # asks, not what about: no key term the answer must hold.
                    continue
                else:
                    # A concept the chronicle never mentions in any of its Chinese words (metro → 地铁). An
                    # exact-gloss lookup misses synonyms the chronicle may use, so a common word weighs less
                    # than a name; a capitalised one (Apple → 苹果, Tesla → 特斯拉) is a name it lacks.
                    # Pinyin is a name when its translations are (Hangzhou → 杭州).
                    # So it is when the dictionary gives only a one-character short form (Hangzhou → 杭).
                    not_chinese = not is_pinyin(word) or all(_place(t) or len(t) == 1 for t in chinese)
                    # Written in lower case, it is a name when the dictionary knows it only as one (samsung → 三星);
                    # a short word may be an English one all the same ("won", not the currency).
                    # Capitalised only because it opens a sentence ("Kindly list…"), an English word is no name.
                    # An abstract noun ("commendation": 嘉奖, which jieba tags as a name) is no name in any case.
                    # So is a place written in lower-case pinyin of two syllables or more that the dictionary
                    # knows only as a name (guangzhou → 广州, chongqing → 重庆).
                    # (Nor is the plural or the tense of an English word: "accolades", whose 盛赞 jieba tags as a name.)
                    named = (word[0].isupper() and not (is_english(lowered) and _opens_sentence(word, full))) or (
                        len(word) >= 5 and (not is_pinyin(word) or len(split_pinyin(lowered) or ()) >= 2)
                        and all(_place(t) for t in chinese) and not _ABSTRACT.search(lowered)
                        and not any(form != lowered and is_english(form) for form in lemmas(lowered))
                        # (…nor a word after "my" or "a": "my teenager", whose 青少年 jieba tags as a name too.)
                        and not _after_determiner(word, context)
                    )
                    # Beside another capitalised word it may be a word of a translated title, unless the dictionary
                    # knows it only as a name ("Alibaba Cloud": 阿里巴巴).
                    name = named and not_chinese and (
                        _lone(word, context) or (word[0].isupper() and all(is_proper_name(t) for t in chinese))
                    )
                    weight = self.unknown_weight if name else self.unknown_weight / 2
                    terms.append(KeyTerm(word, (word,), weight, absent=not maybe, proper=name, foreign=name))
                continue
            # Capitalised, or long enough not to be a slip (lianyungang, lingang). In lower case, a word whose first
            # two syllables read as the chronicle's is its word written loosely (zimaoqu: 自贸 of 自贸片区).
            # (An English word is never read for its sound: the sound index is looked up for pinyin only.)
            spoken = (
                split_pinyin(lowered)
                if (word[0].isupper() or len(lowered) >= 5) and not found and not is_english(lowered) else None
            )
            if spoken and not word[0].isupper() and self._by_sound(spoken[:2]):
                spoken = None
            if spoken and len(spoken) >= 2 and not self._by_sound(spoken):
                # A place or firm in pinyin (Yangshan) that no characters of the chronicles read as: one they do
                # not mention. A short word in lower case (hukou) is a Chinese word they lack, or a slip: it weighs
                # as a common word.
                short = len(lowered) < 6 and not word[0].isupper()
                weight = self.unknown_weight / 2 if short else self.unknown_weight
                terms.append(KeyTerm(word, (word,), weight, absent=True, proper=not short))
                continue
            if len(lowered) >= 8 and _DRUG_NAME.search(lowered):
                # A drug's international name (tislelizumab) that the glossary does not give for one of the
                # chronicle's drugs: another drug.
                terms.append(KeyTerm(word, (word,), self.unknown_weight, absent=True, proper=True, foreign=True))
                continue
            # A capitalised word that is neither romanised Chinese nor in the dictionary is a foreign name
            # (Pfizer; Hsien and Loong in "Lee Hsien Loong"); capitalised dictionary words of a phrase
            # ("National Civilized Unit") are a translated title and were looked up above.
            if word[0].isupper() and not is_pinyin(word) and len(word) > 2:
                # Written in lower case after its capital and standing alone, it is the name of a company or
                # a product (Deloitte, Pfizer, Optune), not part of a title or an acronym (MTI, ECOM).
                # Before a word of trade ("Aditum Bio", "Ascentage Pharma") it may be a local firm's English
                # name, which the chronicle gives in Chinese only: nothing says it is someone else.
                lone = (
                    word[1:].islower() and len(word) >= 4 and _lone(word, context) and lowered not in _CALENDAR_EN
                    and not _before_trade(word, context)
                )
                # In a Chinese question, an acronym is written as the chronicle would write it (CBA, GDP): one
                # no chronicle has is something it does not mention.
                # So is one that acts in an English question ("When did DBS open its branch"): an organisation.
                # A slip of the keys (ECOM for ECMO) is the chronicle's, and so is the tail of one (RNA of mRNA).
                # Before 抑制剂 or "inhibitor" it is what a drug acts on (BTK, Bcl-2), which an entry names by the drug.
                acronym = (
                    word.isupper() and (bool(_CJK.search(question)) or _acts(word, question))
                    and "".join(sorted(lowered)) not in self._latin_letters
                    and lowered not in self._latin_tails and lowered not in self._latin_codes
                    and not re.search(rf"(?<![A-Za-z]){re.escape(word)}(?:-?\d+)?\s*{_TARGET_OF}", question, re.I)
                )
                terms.append(KeyTerm(word, (word,), self.unknown_weight, absent=bool(acronym), proper=bool(acronym), foreign=lone))
            elif self._unknown_in_lower_case(word) and not _before_trade(word, context):
                # Written in lower case, a word that is neither English, pinyin nor the chronicle's (gdp, dbs,
                # deloitte) is something it does not mention; as it may be a slip or a short form of what it
                # does, it weighs as an English common word the chronicle lacks, deciding only when it is much
                # of what is asked.
                # Acting in the question ("when did dbs open its branch"), it is an organisation the chronicle
                # does not name; so is a run of such words ("singapore PM lee hsien loong"): a name in lower case.
                # (Of four letters or more: short ones run together are abbreviations, "econ dev zone", "mtg jcc".)
                acts = _acts(word, question) or len(word) >= 4 and any(
                    0 <= j < len(context) and len(context[j]) >= 4 and self._unknown_in_lower_case(context[j])
                    for i, w in enumerate(context) if w == word for j in (i - 1, i + 1)
                )
                terms.append(KeyTerm(word, (word,), self.unknown_weight if acts else self.unknown_weight / 2, absent=True, proper=acts))
        return terms

    def _unknown_in_lower_case(self, word: str) -> bool:
        """True for a word in lower case that is neither English, pinyin, chat nor two known words run together."""
        lowered = word.lower()
        return (
            word.isalpha() and word.islower() and len(word) >= 3 and not is_pinyin(word) and not is_english(lowered)
            and lowered not in _CHAT and not self._two_words(lowered)
        )

    def _two_words(self, word: str) -> bool:
        """True for two known words, or a combining form and a word, run together (medtech, nanotech, biomed)."""
        return any(
            (word[:i] in _COMBINING or self._knows(word[:i])) and self._knows(word[i:]) for i in range(2, len(word) - 2)
        )

    def organisations_en(self, question: str) -> list[tuple[str, tuple[str, ...]]]:
        """Organisations an English question names by a name and its kind ("DBS Bank", "Tsinghua University"):
        each as the Chinese kind and the Chinese words an event naming it would hold (through pinyin, the
        dictionary or the glossary; none for a name they cannot read). Known names of the glossary are
        left out: they are named things already."""
        named = list(_ORG_EN.finditer(question))
        if not named:
            return []  # most questions: the glossary need not be read
        found = []
        lowered = question.lower()
        known = [m.span() for entry in probed(load_glossary(), lowered) if entry.is_name and entry.search(question, lowered)
                 for m in entry.pattern.finditer(question)]
        for m in named:
            if any(start < m.end() and m.start() < end for start, end in known):
                continue
            name, kind = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            words = [w for w in name.split() if w.lower() not in _STOP_LATIN and w.lower() not in _GENERIC_EN
                     and not _QUESTION_EN.fullmatch(w)]
            if not words:
                continue
            # The glossary's words for phrases of the name ("commercial court": 商事法庭), then for each word.
            hints: list[str] = [
                e.expansion for e in probed(load_glossary(), m.group(0).lower())
                if " " in e.term and e.search(m.group(0), m.group(0).lower())
            ]
            for word in words:
                hints += [c for _, matches in self.romanised(word) for c in matches]
                hints += [t for t in translations(word.lower()) if len(t) >= 2]
                hints += [e.expansion for e in probed(load_glossary(), word.lower()) if e.search(word, word.lower())]
            found.append((_ORG_KINDS[kind.lower()], tuple(dict.fromkeys(" ".join(hints).split()))))
        return found

    def other_parks(self, question: str) -> list[KeyTerm]:
        """Development zones of a city that the chronicles never name (苏州高新区, "Kunshan Development Zone"),
        as absent names: the question is about another park."""
        found = []
        for m in _ZONE_ZH.finditer(question):
            for size in (3, 2):
                place = question[max(0, m.start() - size) : m.start()]
                if len(place) == size and is_proper_name(place) and place[:2] not in PROVINCES:
                    if place + m.group() not in self._joined:
                        found.append(place + m.group())
                    break
        for m in _ZONE_EN.finditer(question):
            city, kind = m.group(1), m.group(2).lower()
            if not is_pinyin(city) or city.lower() in PROVINCES:
                continue
            places = [c for _, matches in self.romanised(city) for c in matches]
            kinds = next((v for k, v in _ZONE_KINDS.items() if kind.startswith(k)), ("开发区", "经开区", "经济技术开发区"))
            if not any(p + k in self._joined for p in places for k in kinds):
                found.append(m.group())
        return [KeyTerm(name, (name,), self.unknown_weight, absent=True, proper=True) for name in found]

    def _absent_words(self, run: str, unknown: Sequence[bool], question: str = "") -> list[KeyTerm]:
        """The words of a run of Chinese characters that no chronicle contains, as absent key terms.

        The run is cut into its most likely words. A word the chronicles lack is absent when it names a
        thing (a noun, not a verb like 拿到) and is not everyday language (a paraphrase may bring in 比例 or
        设施); three or more single characters in a row, each in a bigram no chronicle has, are a coinage no
        dictionary knows (碳达峰). A mere junction of two words ("人想办永" in 外国人想办永久居留) is neither.
        """
        if all(run[i : i + 2] in self.df for i in range(len(run) - 1)):
            # Every two characters occur in the chronicles: no word of two is absent, and the dictionary
            # need not be read (the first questions after start do not wait for it).
            return []
        words = chinese_words()
        found: list[str] = []
        found_short: list[KeyTerm] = []
        position = 0
        singles = ""
        for word in [*segment(run), ""]:
            if len(word) == 1 and unknown[position]:
                singles += word
            elif (
                len(singles) == 1 and singles in _SURNAMES_ZH and word and len(word) <= 2
                and all(unknown[position : position + len(word)]) and _TITLE_BEFORE.search(run[: position - 1])
            ):
                # A title, then a surname and a given name no chronicle holds ("贸工部长陈振声"): someone else.
                found_short.append(KeyTerm(singles + word, (singles + word,), self.unknown_weight, absent=True, proper=True))
                singles = ""
                position += len(word)
            else:
                if len(singles) >= 2:
                    # Three or more are a coinage unless they stand for the chronicle's words; two are only
                    # looked at as a slip of pinyin input (软建 for 软件).
                    other = self._stands_for(singles, abbreviation=len(singles) >= 3)
                    if not other and len(singles) == 2 and len(word) >= 2:
                        # Two that shorten the chronicle's words before the next one: 联协理事会 (联合协调理事会).
                        other = self._shortened(singles + word)
                    if other:
                        found_short.append(other)
                    elif len(singles) <= 3 and singles[0] in _SURNAMES_ZH:
                        # A surname and a given name the dictionary cannot know (张伟): a person no chronicle names.
                        found_short.append(KeyTerm(singles, (singles,), self.unknown_weight, absent=True, proper=True))
                    elif len(singles) >= 3:
                        found.append(singles)
                    elif not set(singles) & _STOP_CHARS and re.search(rf"(?:^[\s，,。：:]*|[跟和与同])\s*{singles}", question):
                        # Two that open the question or follow 跟/和 name who acts (德勤苏州分公司…开业,
                        # 高瓴有没有跟园区签…): a name no dictionary or chronicle knows.
                        found_short.append(KeyTerm(singles, (singles,), self.unknown_weight, absent=True))
                singles = ""
                # A full proper name (南京大学, 中国移动) is no abbreviation of another (南京航空航天大学), nor a slip
                # of pinyin input for the chronicle's words (中国医…); nor is a city's (重庆 is not 重阳节庆).
                other = (
                    self._stands_for(word, abbreviation=any(unknown[position : position + len(word)]))
                    if len(word) >= 2 and word not in self._joined and not (len(word) >= 4 and is_proper_name(word)) and not _city(word)
                    else None
                )
                if other:
                    found_short.append(other)
                elif (
                    len(word) >= 2
                    and word not in self._joined
                    and not self._compound(word)
                    and words.get(word, 0) < EVERYDAY_WORD_COUNT
                    and word not in _FRAME_ZH
                    and not word.startswith("第")
                    # "两国政府", "各地政府": a count or "each" before a noun describes, it names nothing.
                    and not (len(word) >= 3 and word[0] in "两双各")
                    # (A name that starts with a number, 三八红旗手 or 五一劳动奖章, names what its last words name.)
                    and (names_a_thing(word) or word in _INCIDENTS or _numbered_thing(word))
                    and not _QUESTION_WORDS.fullmatch(word)
                    # A cut across the chronicle's word: "西浦和园区" is 西浦 (西交利物浦) and 和, not 西 and 浦和.
                    and not (len(word) == 2 and word[1] in _GLUE and run[position - 1 : position + 1] in self.df)
                    # …nor a unit after a number and what it measures ("五百米高" is 五百米 high, not 米高).
                    and not (len(word) == 2 and word[0] in _UNITS and position > 0 and run[position - 1] in _NUMERALS)
                    # …and "那台大孔径" is 那台 and 大孔径, not 台大: a measure word after 这/那/哪 counts what follows.
                    and not (
                        len(word) == 2 and word[0] in _MEASURE_WORDS and position > 0 and run[position - 1] in "这那哪每几一"
                        and run[position + 1 : position + 3] in self.df
                    )
                ):
                    # A dictionary word may still be a slip of voice or pinyin input across the chronicle's
                    # longer word: 独树 in 独树湖医院 is 独墅湖.
                    start = max(0, position - 1)
                    typed = self._misspelt(run[start : position + len(word) + 1], within=(position - start, len(word)))
                    if typed:
                        found_short.append(KeyTerm(typed[0], typed[1], self.weight_any(typed[1]), slip=True))
                    else:
                        found.append(word)
            position += len(word)
        return [self._missing(w) for w in dict.fromkeys(found)] + found_short

    def _missing(self, word: str) -> KeyTerm:
        """A word no chronicle contains: absent, unless it is a name or has a synonym the chronicles use
        (外籍 for 外国, 场合 for 场所): then it stands for that. A surname and a title (吴书记) stand for the person
        the chronicles give that title and surname ("书记吴庆文"), when there is one."""
        titled = _TITLED.fullmatch(word)
        if titled and titled.group(1) in _SURNAMES_ZH:
            called = titled.group(2) + titled.group(1)
            if called in self._joined:
                return KeyTerm(word, (called,), self.weight_any((called,)))
        if is_proper_name(word) or _BILATERAL.fullmatch(word):
            return KeyTerm(word, (word,), self.unknown_weight, absent=True, proper=True)
        present = tuple(sorted(w for w in synonyms(word) if w in self._joined))
        if present:
            return KeyTerm(word, present, self.weight_any(present))
        return KeyTerm(word, (word,), self.unknown_weight, absent=True)

    def _shortened(self, text: str) -> KeyTerm | None:
        """``text`` as a key term for the chronicles' words it abbreviates (超算 → 超级计算), or None."""
        short_for = self._abbreviated(text)
        return KeyTerm(text, short_for, self.weight_any(short_for)) if short_for else None

    def _stands_for(self, text: str, abbreviation: bool = True) -> KeyTerm | None:
        """``text`` as a key term for the chronicles' own words, when it writes them otherwise: an abbreviation
        of their full form (超算 → 超级计算, 经开区 → 经济技术开发区), or a stretch of it typed with a character of
        the same sound (软建 → 软件). None when it is neither."""
        shortened = self._shortened(text) if abbreviation else None
        if shortened:
            return shortened
        # A word the dictionary knows was typed as meant: no stretch inside it is a slip (上海交大 holds no 海教).
        typed = self._misspelt(text) if text not in chinese_words() else None
        return KeyTerm(typed[0], typed[1], self.weight_any(typed[1]), slip=True) if typed else None

    def _misspelt(self, run: str, within: tuple[int, int] | None = None) -> tuple[str, tuple[str, ...]] | None:
        """A stretch of ``run`` typed with a wrong character of the same sound (软建 for 软件: pinyin input's
        commonest slip), and the chronicles' words it stands for; None if there is none. With ``within`` (the
        offset and length of a word of ``run``), only a longer stretch holding that word, the slip in it."""
        for size in range(min(len(run), 4), 1, -1):
            for start in range(len(run) - size + 1):
                piece = run[start : start + size]
                if piece in chinese_words():
                    continue  # a word typed right (今年 is not a slip for 近年)
                if within and not (start <= within[0] and within[0] + within[1] <= start + size and size > within[1]):
                    continue
                sounds = [sorted(readings(c)) for c in piece]
                if not all(sounds) or math.prod(len(s) for s in sounds) > 16:
                    continue
                # One character differs, and with ``within`` it is one of the word's.
                slip_at = range(len(piece)) if not within else range(within[0] - start, within[0] - start + within[1])
                found = {
                    match
                    for spoken in itertools.product(*sounds)
                    for match in self._by_sound(spoken)
                    if _differs_once_in(match, piece, slip_at)
                    # (Two characters stand for a word, not for the end of one and the start of the next: 新开 is
                    # no slip for the 心开 of 中心开工.)
                    and (size > 2 or not self._cuts_words(match))
                }
                if 0 < len(found) <= 3:
                    return piece, tuple(sorted(found))
        return None

    def _cuts_words(self, stretch: str) -> bool:
        """True when ``stretch`` starts or ends inside a word wherever the chronicles have it (心开 of 中心开工)."""
        for text in self.texts:
            for run in (r for r in _CJK.findall(text) if stretch in r):
                bounds = {0, *itertools.accumulate(len(word) for word in segment(run))}
                at = run.find(stretch)
                while at >= 0:
                    if at in bounds and at + len(stretch) in bounds:
                        return False
                    at = run.find(stretch, at + 1)
        return True

    def _glued_name(self, gram: str) -> bool:
        """True for a word whose character is also grammar (华为: 为, 并购: 并), which the chronicles use: a rare
        dictionary word (not 以及, 为了, 并且)."""
        return gram in self.df and (chinese_words().get(gram) or EVERYDAY_NAME_COUNT) < EVERYDAY_NAME_COUNT

    def _abbreviated(self, word: str) -> tuple[str, ...]:
        """The chronicles' stretches that ``word`` abbreviates: its characters in order, within one clause,
        at most twice as long as the word (超算 → 超级计算, 血液病 → 血液系统疾病); () if none."""
        by_char = self._events_by_char()
        docs = set.intersection(*(by_char.get(c, set()) for c in word))  # events with all its characters
        gaps = re.compile("".join(re.escape(c) + "[^，。、；：！？\\s]{0,3}?" for c in word[:-1]) + re.escape(word[-1]))
        found = {m.group() for doc in docs for m in gaps.finditer(self.texts[doc]) if len(m.group()) <= 2 * len(word)}
        return tuple(sorted(found))[:5]

    def romanised(self, question: str) -> list[tuple[str, tuple[str, ...]]]:
        """Chinese names of the chronicles that the question writes in pinyin: "Lan Shaomin" → 蓝绍敏,
        "Zhongnan Center" → 中南, "Lingzhi" → 凌志. A run of capitalised words (or one word of two syllables or
        more) is split into syllables and matched against the characters' readings, in the chronicles' own
        text; a run that matches nothing, or too many different things, is left alone."""
        found: list[tuple[str, tuple[str, ...]]] = []
        words = re.findall(r"[A-Za-z]+", question)
        run: list[str] = []
        for word in [*words, ""]:
            # Lower case too, when the word is no English one ("zhongnan", "xinda shengwu" typed in a chat).
            if word and is_pinyin(word) and word.lower() not in _STOP_LATIN and (word[0].isupper() or not is_english(word.lower())):
                run.append(word)
                continue
            if run and word and is_pinyin(word) and self._named_by_sound([*run, word]):
                # An English word that goes on a name in pinyin ("yuanqu gang": 园区港) is a syllable of it.
                run.append(word)
                continue
            while run:
                # The longest stretch of the run that names something, from its start.
                for end in range(len(run), 0, -1):
                    piece = run[:end]
                    matches = self._named_by_sound(piece)
                    if matches:
                        found.append((" ".join(piece), matches))
                        run = run[end:]
                        break
                else:
                    run = run[1:]
        return found

    def _named_by_sound(self, words: Sequence[str]) -> tuple[str, ...]:
        """The one to three things of the chronicles that ``words``, read together as pinyin of two syllables or
        more, name; none when they name nothing or more than three."""
        spoken = split_pinyin("".join(words).lower())
        if not spoken or len(spoken) < 2:
            return ()
        matches = self._by_sound(spoken)
        return tuple(matches) if 0 < len(matches) <= 3 else ()

    def warm_up(self) -> None:
        """Build the indexes of pinyin readings and of characters now (tens of milliseconds for a chronicle),
        not on the first question written in pinyin or with an abbreviation."""
        self._positions_by_reading()
        self._events_by_char()

    def _events_by_char(self) -> dict[str, set[int]]:
        if self._by_char is None:
            by_char: dict[str, set[int]] = {}
            for doc, text in enumerate(self.texts):
                for char in set(text):
                    by_char.setdefault(char, set()).add(doc)
            self._by_char = by_char
        return self._by_char

    def _positions_by_reading(self) -> dict[str, list[tuple[int, int]]]:
        if self._by_reading is None:
            index: dict[str, list[tuple[int, int]]] = {}
            for doc, text in enumerate(self.texts):
                for position, char in enumerate(text):
                    for reading in readings(char):
                        index.setdefault(reading, []).append((doc, position))
            self._by_reading = index
        return self._by_reading

    def _by_sound(self, spoken: Sequence[str]) -> list[str]:
        """The chronicles' stretches read as ``spoken`` (remembered: questions repeat their words, and a slip is
        looked for across several windows of one)."""
        key = tuple(spoken)
        cached = self._sound_cache.get(key)
        if cached is not None:
            return cached
        found: dict[str, None] = {}
        for doc, position in self._positions_by_reading().get(spoken[0], ()):
            text = self.texts[doc]
            piece = text[position : position + len(spoken)]
            if len(piece) == len(spoken) and all(s in readings(c) for s, c in zip(spoken, piece)):
                found[piece] = None
        result = list(found)
        if len(self._sound_cache) < 100_000:
            self._sound_cache[key] = result
        return result

    def _compound(self, word: str) -> bool:
        """True when ``word`` is two words the chronicles have (建设项目 = 建设 + 项目): not a new concept."""
        return any(
            word[:i] in self._joined and word[i:] in self._joined for i in range(2, len(word) - 1)
        )

    @staticmethod
    def coverage(terms: Sequence[KeyTerm], text: str) -> float:
        """The weighted share of ``terms`` that ``text`` contains (1.0 when there are none)."""
        total = sum(t.weight for t in terms)
        if not total:
            return 1.0
        lowered = text.lower()
        found = sum(t.weight for t in terms if any(a.lower() in lowered for a in t.alternatives))
        return found / total

"""Recognising questions the chronicle cannot answer: the pure pieces, on the seed's texts and made-up ones.

The whole behaviour (through the real model and index) is in tests/test_retrieval.py; here each signal is
checked on its own: words the chronicle lacks, the kind of fact a question asks for, and named things that
never appear together.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retrieval.answer_type import contradicted, expected_type
from retrieval.entities import Entities, apart, core, organisations
from retrieval.events import Event
from retrieval.lexical import KeyTerms, asked, beside_the_point, either, segment
from retrieval.lexicon import chinese_words
from retrieval.parsing import parse_chronicle_file

SEED = Path(__file__).resolve().parents[1] / "data" / "chronicles" / "2020.txt"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [e.text for e in parse_chronicle_file(SEED)]


@pytest.fixture(scope="module")
def keys(texts: list[str]) -> KeyTerms:
    return KeyTerms(texts)


@pytest.fixture(scope="module")
def entities(texts: list[str]) -> Entities:
    return Entities(texts, chinese_words())


def absent(keys: KeyTerms, question: str) -> list[str]:
    return [t.label for t in keys.extract(question) if t.absent]


# ----------------------------------------------------------------------------- words the chronicle lacks


def test_segmentation_finds_words_not_junctions() -> None:
    assert segment("外国人想办永久居留") == ["外国人", "想", "办", "永久", "居留"]
    assert "中秋节" in segment("今年中秋节园区搞了啥活动")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("园区2020年办了音乐节吗", {"音乐节"}),
        ("园区一共有多少新冠确诊病例", {"病例"}),  # 确诊 is a verb: it says what happened, not about what
        ("园区关于碳达峰、碳中和有什么规划", {"碳达峰", "碳中和"}),  # 碳达峰 is in no dictionary: a coinage
        ("阿里巴巴在园区落了什么项目", {"阿里巴巴"}),
        ("Did Samsung announce any new investment?", {"Samsung"}),  # 三星 is not in the chronicle
        ("Was the marathon held?", {"marathon"}),
        ("上海交大医学院和园区有合作吗", {"上海交大"}),  # a word typed as meant holds no slip (海交 for 海教)
        ("园区今年新开社区卫生服务中心了吗", {"社区卫生"}),
        ("How many barge sailings a week to Yangshan?", {"Yangshan"}),  # pinyin none of the chronicle's words reads as
        ("is there a sea-rail service to lianyungang?", {"lianyungang"}),  # …in lower case, long enough to be no slip
        ("Which sectors left the FTZ negative list?", {"negative list"}),  # a glossary term whose Chinese is missing
        ("2020年苏州下雪了吗", {"下雪"}),  # a verb that names a happening of its own, unlike 拿到
        ("园区有工厂罢工吗", {"罢工"}),
        ("园区今年高考一本率多少", {"高考"}),
        ("马瑜婷获评全国三八红旗手是哪天", {"三八红旗手"}),  # a name that starts with a number names a thing
        ("雅培的检测试剂盒哪天投产", {"雅培"}),  # a foreign firm written in Chinese
    ],
)
def test_specific_words_the_chronicle_lacks_are_absent_terms(keys: KeyTerms, question: str, expected: set) -> None:
    assert {e.lower() for e in expected} <= {a.lower() for a in absent(keys, question)}


@pytest.mark.parametrize(
    "question",
    [
        "外国人想办永久居留，园区有没有受理的地方",  # junctions of words the chronicle has
        "2020年园区有哪些建设项目开工",  # 建设项目 = 建设 + 项目, both in the chronicle
        "血液病的国家级临床研究中心今年有啥动静",  # 动静, 今年: framing, not a subject
        "What venue hosted the final?",  # frame words: venue
        "When did the financial service station open?",  # station → 站 is in the chronicle (服务站)
        "Which companies went public on the STAR Market?",
        "园区在外地设了哪些创新合作中心",  # 外地: where, relative to the park, not a subject
        "苏相合作区2020年有哪些重要节点",  # 节点: milestones, whatever they were
        "Roughly what proportion of firms had resumed operations?",
        "外籍高端人才在园区可以到哪里办理永久居留",  # 外籍: a synonym of the chronicle's 外国
        "服贸通数据专线是在什么场合开通的",  # 场合 and 场所 share a gloss
        "园区第一个片区级的养老服务中心是什么时候投入使用的？",  # 区级: a level, as 省级 is
        "西浦和园区一起办了个什么学院？",  # 西浦 and 和, not 西 and 浦和 (Urawa)
        "艾博生物的RNA疫苗哪天获批临床？",  # RNA is the tail of the chronicle's mRNA
    ],
)
def test_paraphrases_and_framing_words_are_not_absent_terms(keys: KeyTerms, question: str) -> None:
    assert not absent(keys, question)


@pytest.mark.parametrize(
    ("question", "label", "full"),
    [
        ("苏州超算中心二期什么时候建成", "超算", "超级计算"),
        ("血液病的国家级临床研究中心", "血液病", "血液系统疾病"),
        ("国家级经开区考核园区排第几", "经开区", "经济开发区"),
        ("今年的软件会议和联协理事会会议有哪几次", "联协理事会", "联合协调理事会"),  # two before the next word
        ("亚盛的APG2575是几时拿到临床批件的", "APG2575", "APG2575"),  # the chronicle's APG-2575
    ],
)
def test_abbreviations_stand_for_the_chronicles_full_words(keys: KeyTerms, question: str, label: str, full: str) -> None:
    term = next(t for t in keys.extract(question) if t.label == label)
    assert not term.absent and full in term.alternatives


def test_foreign_names_weigh_as_names_even_in_a_run_of_capitals(keys: KeyTerms) -> None:
    # (The dictionary knows the whole name, 李显龙: one term for it, absent.)
    named = [t for t in keys.extract("Did Lee Hsien Loong visit the park?") if "Hsien" in t.label]
    assert named and all(t.weight == keys.unknown_weight and t.proper for t in named)
    # A title made of dictionary words is looked up word by word, not taken for a name.
    title = {t.label: t.weight for t in keys.extract("Which unit was named a National Civilized Unit?")}
    assert title.get("Civilized", 0) < keys.unknown_weight


def test_lone_foreign_names_are_marked_but_titles_and_acronyms_are_not(keys: KeyTerms) -> None:
    def foreign(question: str) -> list[str]:
        return [t.label for t in keys.extract(question) if t.foreign]

    assert foreign("When did Deloitte open its Suzhou branch?") == ["Deloitte"]
    assert foreign("Which drug did Innovent develop with Regeneron?") == ["Regeneron"]
    assert foreign("Did Novavax set up anything here?") == ["Novavax"]  # not pinyin: no-va-vax is no name
    assert foreign("What did the MTI official discuss?") == []  # an acronym may be spelt out in Chinese
    assert foreign("Who was named a National Civilized Unit?") == []
    assert foreign("What happened between Oct 28 and Oct 31?") == []
    # Beside another name or a framing word, a name stays a name ("Vietnam" of "Vietnam-Singapore … Hanoi").
    terms = {t.label: t for t in keys.extract("Details on the Vietnam-Singapore park that Hanoi approved?")}
    assert terms["Vietnam"].absent and terms["Vietnam"].proper
    # Filler words cut out of a question do not make its words neighbours: "Road … Thailand" is no title.
    topic = "overseas Belt and Road Thailand got government approval"
    context = "CSSD's overseas Belt and Road industrial park in Thailand got government approval"
    assert keys.extract(topic, context)[-1].proper or any(t.proper for t in keys.extract(topic, context) if t.label == "Thailand")


def test_names_written_with_a_grammar_character_are_key_terms(keys: KeyTerms) -> None:
    assert "华为" in [t.label for t in keys.extract("华为在独墅湖设立了什么机构")]
    # …but only as a word of the question: 今年金鸡湖 holds no 年金.
    assert "年金" not in [t.label for t in keys.extract("今年金鸡湖马拉松办了没有")]


def test_absent_proper_names_are_marked(keys: KeyTerms) -> None:
    terms = {t.label: t for t in keys.extract("李显龙和汇丰银行来过园区吗")}
    assert terms["李显龙"].absent and terms["李显龙"].proper
    # An acronym with the word of its trade after it acts as one name ("did DBS Bank open…").
    assert {t.label: t for t in keys.extract("When did DBS Bank open its Suzhou branch?")}["DBS"].proper
    # An acronym before 抑制剂 or "inhibitor" is what a drug acts on, not an organisation the chronicle lacks.
    assert not any(t.absent for t in keys.extract("百济那个BTK抑制剂百悦泽是哪天批准的") if t.label == "BTK")
    assert {t.label: t for t in keys.extract("BTK什么时候在园区设立分公司")}["BTK"].proper
    # A unit after a number makes no word with what follows: "五百米高" holds no 米高.
    assert not any(t.label == "米高" for t in keys.extract("那幢要造到五百米高的楼叫啥"))
    # A city in pinyin is a name in lower case too, though the dictionary writes it with 市 (广州市).
    for question in ("when did the park open its innovation center in guangzhou", "Innovation center in Guangzhou?"):
        assert any(t.proper and t.label.lower() == "guangzhou" for t in keys.extract(question))
    # China and another country the chronicle never pairs it with (it has 中韩, 中新).
    assert {t.label: t for t in keys.extract("中日联合创新研究院设在哪")}["中日"].proper
    assert not any(t.proper for t in keys.extract("园区2020年办了音乐节吗"))  # absent, but no proper name
    # A measure word after 那 counts what follows (那台 大孔径); with nothing before it, 台大 is a name.
    assert not any(t.label == "台大" for t in keys.extract("飞利浦那台大孔径CT几月拿的批文"))
    assert {t.label: t for t in keys.extract("台大孔径CT什么时候批的")}["台大"].proper


def test_latin_words_are_the_chronicles_words_not_pieces_of_them(keys: KeyTerms) -> None:
    weights = {t.label: t for t in keys.extract("Who co-chaired the JSC meeting, and was the ECMO high-end?")}
    assert "co" not in weights  # a prefix, not a word (SARS-CoV-2 holds "co" but not the word)
    assert weights["ECMO"].weight < keys.unknown_weight  # written by the chronicle
    assert "high-end" in weights  # a hyphenated word the dictionary knows stays whole


def test_codes_the_chronicle_writes_are_key_terms(keys: KeyTerms) -> None:
    assert "10+N" in [t.label for t in keys.extract('What is the "10+N" model for selling industrial land?')]


def test_glossary_terms_match_their_plurals(keys: KeyTerms) -> None:
    found = {t.label: t.alternatives for t in keys.extract("In which rankings did the park come first?")}
    assert "排名" in found["ranking"] and "第一" in found["come first"]
    # So is first place asked in Chinese; the first of a series (第一次) is no key term.
    assert "第一" in {t.label for t in keys.extract("园区今年在哪些考核评比里拿了第一")}
    assert "第一" not in {t.label for t in keys.extract("中新第一次软件会议什么时候开的")}


def test_numbers_with_their_unit_are_key_terms_but_dates_are_not(keys: KeyTerms) -> None:
    labels = [t.label for t in keys.extract("建党99周年的时候园区开了什么会")]
    assert "99周年" in labels
    assert not any(label[0].isdigit() for label in (t.label for t in keys.extract("20年8月份园区都出了哪些大事")))


# ----------------------------------------------------------------------------- the kind of fact asked for


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("苏州中南中心总投资多少钱？", "money"),
        ("How much money did Lingzhi raise?", "money"),
        ("苏州中南中心规划多高？", "height"),
        ("How tall is the tower?", "height"),
        ("复工比例有多高？", "share"),  # a share, not a height
        ("双年展有多少观众？", "turnout"),
        ("MEMSensing first day gain on listing?", "share"),
        ("敏芯股份上市首日涨了多少", "share"),
        ("沛嘉医疗上市首日升了多少", "share"),
        ("那家外资银行开证手续费怎么收", "price"),
        ("Since when has Wu Qingwen been the party secretary of SIP?", "appointment"),
        ("Since when do flat owners get the deed with the keys?", None),  # since when a practice began: a date
        ("When did that become possible?", None),  # becoming possible is no appointment
        ("When did he become the new party secretary?", "appointment"),
        ("书记几月份卸任的？", "appointment"),  # leaving a post, as taking one
        ("研究院招工程师吗？年薪大概多少", "salary"),
        ("What's the starting salary for graduates there?", "salary"),
        ("和铂医药的股票代号是多少？", "stock code"),
        ("What was the total construction cost of the hospital?", "money"),
        ("How many teams entered the AI contest?", "turnout"),
        ("创业大赛有多少支队伍参赛？", "turnout"),
        ("中南中心哪天动工的？", "groundbreaking"),
        ("When did construction actually start on the industrial park in Myanmar?", "groundbreaking"),
        ("visitor numbers for the AI expo in August?", "turnout"),
        ("养老中心一个月收费多少？", "price"),
        ("How much is Roche putting into the project?", "money"),
        ("毕马威苏州办公室具体在哪栋楼？", "address"),
        ("which building projects broke ground in Q2?", None),  # which projects, not which building
        ("今年园区启用了哪些企业融资服务平台？", None),  # platforms for firms, not which firms
        ("天臣医疗科创板的保荐机构是哪家", "intermediary"),
        ("Who were the cornerstone investors in the Hong Kong IPO?", "intermediary"),
        ("Did CSSD issue any bonds in 2020, and at what coupon?", "share"),
        ("园易融平台到现在累计放款多少", "money"),
        ("园区排第几名？", "rank"),  # a rank, not a number of people
        ("拉了多少人？", "people"),
        ("How many confirmed cases were there?", "cases"),
        ("金鸡湖创业大赛最后谁夺冠了？", "winner"),
        ("Which team won the opening match?", "winner"),
        ("新成立的实验室由谁领衔？", "leader"),
        ("中南中心预计哪年完工？", "completion"),
        ("书记在揭牌仪式上讲了啥", "speech"),
        ("独墅湖医院有多少张床位", "measure"),
        ("九龙仓国金中心楼高多少米？", "height"),
        ("丹纳赫基地预计招多少员工？", "people"),
        ("What is the registered capital of the branch?", "money"),
        ("What was the final score of the opener?", "winner"),
        ("信达生物今年在哪个交易所上的市？", "listing"),
        ("超算中心的二期什么时候能建好？", "completion"),
        ("药学院第一任院长是谁？", "leader"),
        ("这次大会由谁主办？", "organiser"),
        ("首趟返岗专列是从哪个省发车的？", "route"),
        ("金鸡湖创新合作中心都开到哪些城市了？", None),  # which cities: a list, not a route
        ("蔡司的中心在园区哪条路上？", "address"),
        ("哪些公司在科创板上市？", "company"),
        ("When did BeiGene get approval?", None),
        ("第五届双年展一共来了多少观众", "turnout"),  # those who came, which no other count of people gives
        ("园区在营商环境评估里具体得了多少分", "score"),
        ("How many TEU did the port handle?", "throughput"),
        ("What was the theme of the expo?", "theme"),
        ("How much is Roche investing in the project?", "money"),
        ("What's the total investment of the HQ base?", "money"),
        ("诊断基地预计哪年投产？", "completion"),
        ("法庭首任庭长是谁？", "leader"),
        ("Which Singaporean minister attended the meeting?", "leader"),
        ("Who was the first dean of the pharmacy school?", "leader"),
        ("他是哪一年开始当管委会主任的", "appointment"),
        ("那个抗原检测试剂盒多长时间能出结果", "duration"),  # a time, not a length
        ("How quickly do the kits give a result?", "duration"),
        ("How long is the new road?", "height"),
        ("工业园区占地多少平方公里？", "area"),
        ("Which hospital ran the clinical trial?", "institution"),
        ("园区专列是从哪个城市发车的？", "route"),
        ("双年展共展出多少件作品？", "measure"),
        ("独墅湖医院有几张床", "measure"),
        ("How many engineers work at the institute?", "people"),
        ("What are the opening hours of the branch?", "hours"),
        ("What is the peak computing power of the centre in petaflops?", "computing power"),
        ("她哪年进的研究所", "appointment"),
        ("中南中心啥时候能封顶？", "completion"),
        ("When was the tower topped out?", "completion"),
        ("泽布替尼是用来治什么病的？", "indication"),
        ("What are the school fees like?", "money"),
        ("分行的营运资金有多少？", "money"),
        ("疫苗在哪家医院做的临床", "institution"),
        ("When did Ding Lixin become director of the committee?", "appointment"),
        ("周强院长考察了哪些企业？", "company"),
        ("涉及国家级临床医学研究中心的有哪几件事？", None),  # a list, not a count of items
        ("精英创业周园区分会场一共签约了多少个项目？", "count"),
        ("西浦慧湖药学院 首任院长", "leader"),
        ("Who founded the cancer drug developer?", "leader"),
        ("Which airline flew the first cargo charter?", "company"),
        ("Which company won the product gold award?", "winner"),
        ("首架货运包机是哪家航空公司执飞的", "company"),
        ("一等奖是哪个团队拿的？", "winner"),
        ("Which two teams played in the opening match?", "institution"),
        ("第十一届纳博会有多少家企业参展？", "exhibitors"),
        ("How many exhibitors came to the expo?", "exhibitors"),
        ("电子劳动合同标准由多少章、多少条构成？", "count"),
        ("开拓药业在港交所上市集资多少港元？", "money"),
        ("What is the daily production capacity of the test line?", "capacity"),
        ("DNA covid vaccine trial results? efficacy?", "results"),
        ("马瑜婷主要研究什么方向？", "field"),
        ("她在研究所担任什么职务？", "post"),
        ("How many kits were in the first batch?", "measure"),
        ("Where was the first freight train headed?", "route"),
        ("疫情时候那趟接工人回来的专列是从哪个省开过来的啊？", "route"),
        ("苏州那个国际商事庭收的第一案是什么？", "court case"),
        ("what was the first case heard by the Suzhou International Commercial Court?", "court case"),
        ("When was the Suzhou International Commercial Court unveiled?", None),
        ("园区法院今年的创新案例有哪些", None),  # 案例 are examples, not cases heard
        ("中南中心什么时候能盖好？", "completion"),
        ("西浦今年招了多少新生？", "people"),
        ("2019年度金鸡湖人才一共表彰了多少个人？", "people"),
        ("2020年金鸡湖双年展系第几届？其主题为何？", "rank"),  # 为何 ending a clause is "what", not "why"
        ("东京奥运会为何推迟到2021年举办？", "reason"),
        ("the special train that brought workers back in march - which city did it leave from?", "route"),
        ("the first china-europe freight train - which european city did it go to?", "route"),
        ("the first foreign bank branch in the FTZ is from which country", None),  # whose bank, not where it went
        ("敏芯微的股票代码是多少", "stock code"),
        ("What's the ticker of the chip maker?", "stock code"),
        ("金鸡湖双年展展到几号结束", "end"),
        ("When did the biennale close?", "end"),
        ("When will the tower be finished?", "completion"),  # finished building, not an end date
        ("How much prize money did each awardee receive?", "money"),
        ("What was the total loan amount signed?", "money"),
        ("sip covid confirmed cases total 2020?", "cases"),
        ("How large was the healthcare industry fund?", "size"),  # an amount here, not an area
        ("恒泰东延四季公寓房租大概多少一个月？", "price"),  # a rent, which a total investment is not
        ("When was it published and how long is it?", "duration"),
        # Why: a reason, or why something is notable; before the rank a why-question may also name.
        ("园区为什么在全国高新区评价里综合只排第五？", "reason"),
        ("Why did the Supreme People's Court president come to SIP?", "reason"),
        ("A Philippine lender opened a branch in the FTZ - which bank was it, and why was it notable?", "significance"),
        ("你觉得星海实验中学和星浦中学哪个更好？", "opinion"),
        ("姑苏实验室被省里列为什么级别的实验室？", None),  # 列为 + 什么级别, no why
        ("中南中心哪天封顶的？", "completion"),  # a milestone the entry must state
        ("what's the best international school in SIP for a 7 yr old?", "opinion"),
        # Jobs are a number of people, which an entry on a signing does not give.
        ("How many jobs will the diagnostics base create?", "people"),
        ("这个项目能带动多少就业？", "people"),
        ("首架货运包机一共运了多少吨货？", "weight"),
        ("How many tonnes of cargo did the flight carry?", "weight"),
        ("which is nicer: Jinji Lake or Dushu Lake?", "opinion"),
        # Whom to call, and who runs a branch: a chronicle gives neither.
        ("公平贸易工作站对接人是谁 有联系电话吗", "contact"),
        ("what's the phone number of the commercial court?", "contact"),
        ("metrobank suzhou branch - who's the GM?", "leader"),
        ("独墅湖医院是哪间大学的附属医院？", "institution"),  # 哪间, as Cantonese speakers write 哪所
        # How to apply and by when; who gave the keynotes: a chronicle records neither.
        ("金鸡湖合伙人计划报名截止是哪天？需要什么材料", "application"),
        ("金鸡湖人才评选的申报条件是什么？", "application"),
        # A document's number, a floor price, a bed count, a designer: none is a date or a name the entry gives.
        ("再鼎的爱普盾进口医疗器械注册证号是多少？", "document number"),
        ("What is the standard number of the electronic labour contract standard?", "document number"),
        ("中南中心那幅地当年楼面价几多？", "price"),
        ("SIP's first elderly care centre - bed count?", "measure"),
        ("who's the design architect for Zhongnan Center?", "leader"),
        ("how do I apply for the jinji lake talent title", "application"),
        ("金鸡湖创业大赛有多少人报名", "people"),  # a number of entrants, not how to enter
        ("Who gave the keynote speeches at the biotech conference?", "speech"),
        ("Who were the 34 people that got the talent awards?", "members"),  # names the entry only counts
        ("Did the nano institute get a new director in 2020?", "appointment"),
        ("苏州纳米所2020年换院长了吗", "appointment"),
        # How well a test performs; a tender price; who curated a show; who hosted a meeting.
        ("sensitivity and specificity of the antibody test kit?", "accuracy"),
        ("这个试剂盒准确率多少", "accuracy"),
        ("Which COVID notices were issued, e.g. rent relief and enterprise support?", None),  # relief asks no rent
        ("减免房租的政策哪天出的？", None),
        ("did state-owned companies in the park cut rent for small businesses? when was that announced", None),  # a cut is relief
        ("星海教育集团成立时旗下一共有几间学校？", "measure"),
        ("那个药集采中标价是多少", "price"),
        ("双年展的策展人是哪位？", "leader"),
        ("who's the president of the new hospital?", "leader"),
        ("Who hosted the 21st Joint Steering Council meeting?", "organiser"),
        # A share per person, which a total does not give; a clock time, not the points of a list.
        ("人才奖励每人最高能拿多少？", "per person"),
        ("how much did each recipient receive?", "per person"),
        ("游船晚上几点停航", "hours"),
        ("会议提出了哪几点要求", None),
        # A rent asked "how much a month", a road asked for, an area in m².
        ("hengtai four seasons apartments rent how much a month", "price"),
        ("metrobank suzhou branch, what road is it on", "address"),
        ("how big in m² is the base?", "area"),
    ],
)
def test_the_kind_of_fact_a_question_asks_for(question: str, kind: str | None) -> None:
    found = expected_type(question)
    assert (found.name if found else None) == kind


def test_a_price_a_size_and_a_length_are_found_as_the_chronicle_writes_them() -> None:
    rent = expected_type("恒泰东延四季公寓房租大概多少一个月？")
    assert rent and not rent.found_in("恒泰东延四季公寓开工，总投资16亿元。")
    assert rent.found_in("人才公寓租金为每月1500元。")
    fund = expected_type("How large was the healthcare industry fund?")
    assert fund and fund.found_in("举行100亿元药明汇英大健康产业基金签约仪式。")
    length = expected_type("When was the standard published and how long is it?")
    assert length and length.found_in("该标准共7章45条。")
    # 2020人工智能 is a year and a word, no count of people.
    people = expected_type("How many visitors attended the expo?")
    assert people and not people.found_in("“华为云杯”2020人工智能应用创新大赛启动。")


def test_a_reason_is_found_only_where_an_entry_gives_one() -> None:
    reason = expected_type("Why did the park choose a 10+N lease term for industrial land?")
    assert reason and not reason.found_in("园区在全国范围内首创的产业用地分段弹性年期（10+N）挂牌出让模式落地。")
    visit = expected_type("Why did Zhou Qiang come to the park?")
    assert visit and visit.found_in("最高人民法院院长周强一行考察园区并出席苏州国际商事法庭揭牌仪式。")
    # Who attended is no reason for anything but a visit.
    plan = expected_type("为啥园区要和相城搞那个合作区")
    assert plan and not plan.found_in("苏州市委书记蓝绍敏出席会议并为苏相合作区揭牌。")
    notable = expected_type("为什么说园区港海关监管场所通过验收很重要？")
    assert notable and notable.found_in("园区港海关监管场所实现“水水中转”互通，填补“水陆空”立体物流体系中“水”的空白。")
    assert not notable.found_in("菲律宾首都银行苏州分行开业。")  # 首都 is a capital, not a first


def test_an_answer_type_is_found_only_where_the_text_states_one(texts: list[str]) -> None:
    money = expected_type("总投资多少钱")
    height = expected_type("多高")
    assert money and height
    zhongnan = next(t for t in texts if t.startswith("苏州中南中心开工仪式"))
    assert height.found_in(zhongnan) and not money.found_in(zhongnan)
    assert money.found_in("项目总投资2.1亿元，分两期建设")
    assert expected_type("复工比例").found_in("规模以上工业企业复工率近100%。")  # type: ignore[union-attr]
    score = expected_type("得了多少分")
    assert score and score.found_in("园区以744.92的综合得分位居第一。") and not score.found_in("园区位居第一。")


def test_an_institution_asked_for_must_be_one_of_its_kind() -> None:
    hospital = expected_type("Which hospital ran the clinical trial of the vaccine?")
    assert hospital and hospital.found_in("亚盛医药与苏州大学附属第一医院共建研究院。")
    assert not hospital.found_in("艾博生物的mRNA疫苗获国家药品监督管理局临床试验批准。")


def test_a_count_asked_for_must_be_given_of_that_thing() -> None:
    count = expected_type("园区今年一共签约了多少个项目？")
    assert count and count.found_in("17个项目与苏相合作区集中签约。") and count.found_in("园区开工重大产业项目32个。")
    assert not count.found_in("精英创业周园区分会场活动举行，一批项目签约。")
    assert not count.found_in("发布政策举措30条，推出产业用地68.8平方千米。")  # a count of something else


def test_a_company_asked_for_must_be_named(texts: list[str]) -> None:
    company = expected_type("韩正考察了哪些企业")
    assert company
    visit = next(t for t in texts if "周强一行考察园区" in t)  # a visit to the park that names no company
    assert not company.found_in(visit)
    assert company.found_in("苏州和锐生物科技有限公司研制出新冠病毒抗体检测试剂盒。")
    assert company.found_in("园区生物医药企业贝康医疗自助研发的试剂盒上市。")  # a firm of a trade, by its name
    assert company.found_in("罗氏组织诊断和专业诊断系统试剂项目签约。")  # a short name the glossary knows
    assert company.found_in("360工业互联网安全研究院揭牌仪式举行。")
    # A number before a measure word counts something; it is no firm's code ("共7章45条").
    assert not company.found_in("园区发布《苏州工业园区电子劳动合同标准》。该标准共7章45条，是国内首个电子劳动合同标准。")
    # Which firms a policy helps asks for the policy, not a firm ("哪些帮扶企业的政策").
    assert expected_type("疫情期间园区出台了哪些帮扶企业的政策文件？") is not company
    assert not company.found_in("2020全球人工智能产品应用博览会举办，“产品金奖”3个奖项揭晓。")
    winner = expected_type("Which company won the product gold award?")
    assert winner and not winner.found_in("2020全球人工智能产品应用博览会举办，“产品金奖”3个奖项揭晓。")
    assert winner.found_in("某某公司获评“产品金奖”。") and winner.found_in("园区企业获得创新大赛一等奖。")


def test_a_role_asked_about_in_english_must_be_named_in_chinese() -> None:
    minister = expected_type("Which Singaporean minister attended the software meeting?")
    assert minister and minister.found_in("新加坡贸工部部长出席会议。")
    assert not minister.found_in("新加坡贸工部副常任秘书兼软件办主任吴鹏毅通过视频连线主持会议。")


@pytest.mark.parametrize(
    ("question", "text", "answers"),
    [
        # A meeting is hosted by whoever chairs it; a curator must be named; schools asked by 间 are counted by 所.
        ("Who hosted the 21st meeting of the Joint Steering Council?", "韩正同新加坡副总理王瑞杰举行视频会见，共同主持联合协调理事会第二十一次会议。", True),
        ("金鸡湖双年展的策展人是哪位？", "第五届苏州·金鸡湖双年展开幕，学术论坛同时举行。", False),
        ("星海教育集团旗下一共有几间学校？", "集团由星海实验中学、星海小学等5所独立法人学校组成。", True),
        ("What is the sensitivity of the antibody test kit?", "苏州和锐生物科技有限公司研制出新冠病毒抗体检测试剂盒。", False),
        ("What is the sensitivity of the antibody test kit?", "该试剂盒灵敏度达95%。", True),
        # A count asked in English is stated with its unit, or not at all; a prize taken needs a winner.
        ("How many products were on the first catalogue of anti-epidemic innovations?", "企业指导组发布首批抗疫创新产品目录。", False),
        ("How many companies signed at the conference?", "6家企业集中签约。", True),
        ("Which product took the gold award at the AI expo?", "2020全球人工智能产品应用博览会在苏州国际博览中心举办。", False),
        # A train's number is a code; the ten figures of the year are named, not only announced.
        ("What was the train number of the first SIP special train?", "首趟“园区专列”（G1938）接载453名一线员工返苏返岗复工。", True),
        ("What was the train number of the first SIP special train?", "园区专列接载一线员工返苏返岗复工。", False),
        ("Who were the ten AI figures of the year named at the expo?", "中国人工智能年度十大风云人物等3个奖项揭晓。", False),
    ],
)
def test_the_fact_asked_for_is_found_as_an_entry_states_it(question: str, text: str, answers: bool) -> None:
    kind = expected_type(question)
    assert kind is not None and kind.found_in(text) is answers


def test_a_role_asked_about_must_be_the_role_named(texts: list[str]) -> None:
    court = next(t for t in texts if "苏州国际商事法庭揭牌" in t)  # names a 院长, not the court's 庭长
    leader = expected_type("苏州国际商事法庭首任庭长是谁？")
    assert leader and not leader.found_in(court) and leader.found_in("首任庭长由某某担任。")


_TORCH = "园区在国家高新区最新一轮评价结果中综合排名第五，国际化和参与全球竞争能力全国第一。"


@pytest.mark.parametrize(
    ("question", "event", "contradicts"),
    [
        ("超算中心二期什么时候建成", "苏州超级计算中心一期启用。", True),
        ("中新软件会议第三次是什么时候开的", "中新合作苏州工业园区2020年第二次软件会议召开。", True),
        # Another anniversary: 两周年 is not the 一周年 the entry marks.
        ("自贸片区两周年建设情况汇报会哪天开的", "苏州自贸片区一周年建设情况汇报会召开。", True),
        ("自贸片区一周年建设情况汇报会哪天开的", "苏州自贸片区一周年建设情况汇报会召开。", False),
        ("When was the 30th anniversary of the science park marked?", "苏州国际科技园开发建设20周年纪念活动举办。", True),
        ("超算中心一期什么时候启用", "苏州超级计算中心一期启用。", False),
        ("When will phase II of the center open?", "苏州超级计算中心一期启用。", True),
        ("金鸡湖景区什么时候被评为国家级夜间文旅消费集聚区", "金鸡湖景区入选江苏省省级夜间文旅消费集聚区建设单位名单。", True),
        ("金鸡湖景区什么时候被评为国家级夜间文旅消费集聚区", "金鸡湖景区入选夜间文旅消费集聚区名单。", False),
        ("超算中心什么时候建成", "苏州超级计算中心一期启用。", False),
        # A phase must be stated: an approval for clinical trials says nothing of phase III.
        ("DNA疫苗三期临床结果怎么样", "新冠病毒DNA疫苗临床试验批件获批准。", True),
        ("What came of the vaccine's phase 3 trial?", "新冠病毒DNA疫苗临床试验批件获批准。", True),
        # An assessment of another year.
        ("园区在商务部2018年度经开区考评里排第几？", "园区在商务部2019年国家级经济技术开发区考核评价结果中排名第一。", True),
        ("园区在商务部2019年度经开区考评里排第几？", "园区在商务部2019年国家级经济技术开发区考核评价结果中排名第一。", False),
        ("Where did SIP rank in the 2018 assessment?", "园区在商务部2019年国家级经济技术开发区考核评价结果中排名第一。", True),
        # Another year's edition of an event, named in its name.
        ("when is the 2021 Jinji Lake startup competition final?", "2020金鸡湖创业大赛总决赛在园区举办。", True),
        ("when was the 2020 Jinji Lake startup competition final?", "2020金鸡湖创业大赛总决赛在园区举办。", False),
        # Another rank than the one reported.
        ("园区在国家高新区评价中综合排名第三，靠的是哪些指标？", "园区在国家高新区评价结果中综合排名第五。", True),
        ("Why did SIP slip to second place in the evaluation?", "园区在考核评价结果中排名第一。", True),
        ("园区在国家高新区评价中排第几？", "园区在国家高新区评价结果中综合排名第五。", False),
        # Another edition of a recurring event.
        ("第十届纳米技术产业博览会开了几天？", "第十一届中国国际纳米技术产业博览会在苏州国际博览中心举办。", True),
        ("Who curated the 6th Jinji Lake Biennale?", "2020第五届苏州·金鸡湖双年展开幕。", True),
        ("第十一届纳博会在哪办的？", "第十一届中国国际纳米技术产业博览会在苏州国际博览中心举办。", False),
        ("When was the 4th Sino-Singapore (Suzhou) Fintech Expo held?", "第二届中新（苏州）金融科技应用博览会举办。", True),
        # A place in an assessment is a rank ("评估第一"); the edition of its forum ("第二届") is not.
        ("园区在营商环境评估里排第二，是在哪个论坛上公布的", "园区在第二届长三角营商环境论坛上获营商环境发展水平评估第一。", True),
        ("园区在营商环境评估里排第一，是在哪个论坛上公布的", "园区在第二届长三角营商环境论坛上获营商环境发展水平评估第一。", False),
        ("Did SIP come second in the national ranking?", "园区国际化和参与全球竞争能力全国第一。", True),
        # Not a rank ("全球第二款" is no place in a ranking), but a figure: the first is not the second.
        ("全球第一款获批的抗原检测试剂盒是哪家的", "该试剂盒是全球第二款获美国FDA批准的抗原检测试剂盒。", True),
        ("全球第二款获批的抗原检测试剂盒是哪家的", "该试剂盒是全球第二款获美国FDA批准的抗原检测试剂盒。", False),
        # A place in a ranking must be stated: an event that gives none does not answer "third place".
        ("Why did SIP slip to third place?", "园区综合排名第五。", True),
        ("Why did SIP slip to third place?", "火炬中心发布国家高新区评价结果。", True),
        ("Why did SIP come fifth overall?", "园区综合排名第五。", False),
        # Kinds of vaccine, and what a drug was approved for.
        ("When was the mRNA vaccine approved for trials?", "新冠病毒DNA疫苗临床试验批件获批准。", True),
        ("Was an inactivated vaccine approved?", "新型冠状病毒mRNA疫苗获临床试验批准。", True),
        ("When was the DNA vaccine approved for trials?", "新冠病毒DNA疫苗临床试验批件获批准。", False),
        ("APG-2575是哪天获批上市销售的？", "APG-2575获药品审评中心批准，将开展1b/2期临床研究。", True),
        ("泽布替尼哪天获批上市？", "泽布替尼获国家药品监督管理局批准上市。", False),
        # The city something took place in; a city inside a name places nothing.
        ("纳博会是在上海哪个场馆举办的？", "第十一届纳博会在苏州国际博览中心举办。", True),
        ("首架货运包机从南京禄口机场起飞，目的地是哪里？", "首架国际货运包机从上海浦东国际机场起飞，抵达法兰克福机场。", True),
        ("纳博会是在苏州哪个场馆举办的？", "第十一届纳博会在苏州国际博览中心举办。", False),
        ("When did it list in Hong Kong?", "再鼎医药（苏州）有限公司的爱普盾获批上市。", False),
        ("When did the first cargo flight to Paris take off?", "首架国际货运包机从上海浦东国际机场起飞，抵达德国法兰克福机场。", True),
        ("Which Singaporean bank opened the first foreign bank branch?", "菲律宾首都银行苏州分行开业，这是首家外资银行分行。", True),
        ("Which Philippine bank opened the first foreign bank branch?", "菲律宾首都银行苏州分行开业，这是首家外资银行分行。", False),
        ("第三次软件会议是什么时候开的？", "中新合作苏州工业园区2020年第二次软件会议召开。", True),
        ("Was the Biennale that opened in September its fourth edition?", "2020第五届苏州·金鸡湖双年展开幕。", True),
        # A figure claimed that the event gives otherwise; an approximate one claims nothing exact.
        ("苏州中南中心的规划高度是729米，对吗？", "苏州中南中心规划高度499.15米。", True),
        ("星海教育集团是由6所学校组成的吗？", "集团由星海实验中学等5所独立法人学校组成。", True),
        ("那个规划高度接近500米的项目是哪天开工的？", "苏州中南中心规划高度499.15米。", False),
        ("规划高度499.15米的项目是哪天开工的？", "苏州中南中心规划高度499.15米。", False),
        # …in Chinese numerals too, and "N多" claims N to twice N.
        ("听说中南中心规划有六百米高，真的假的？", "苏州中南中心规划高度499.15米。", True),
        ("首趟园区专列拉了一千多名员工回苏州复工，对吧？", "首趟“园区专列”接载453名一线员工返苏返岗复工。", True),
        ("首趟园区专列拉了四百多名员工回苏州复工，对吧？", "首趟“园区专列”接载453名一线员工返苏返岗复工。", False),
        ("The first SIP worker train brought 800 employees back - what was its train number?", "首趟“园区专列”接载453名一线员工返苏返岗复工。", True),
        ("that sip train in march that brought back like 1000+ workers, what was the train number", "首趟“园区专列”接载453名一线员工返苏返岗复工。", True),
        ("the sip train that brought back 400+ workers, what was the train number", "首趟“园区专列”接载453名一线员工返苏返岗复工。", False),
        # Another organisation of the same kind: another city's government, another university or bank.
        ("园区管委会和昆山市政府签战略合作协议是哪一天？", "园区管委会与张家港市政府战略合作协议签约仪式举行。", True),
        ("园区和南京大学共建的附属中学是哪天揭牌的？", "园区管委会与南京航空航天大学共建南京航空航天大学苏州附属中学签约揭牌仪式在园区举行。", True),
        ("园区管委会和张家港市政府签战略合作协议是哪一天？", "园区管委会与张家港市政府战略合作协议签约仪式举行。", False),
        ("最高法院院长周强来园区做什么？", "最高人民法院院长周强一行考察园区并出席苏州国际商事法庭揭牌仪式。", False),
        ("第一家外资银行分行是哪个国家的银行开的？", "菲律宾首都银行苏州分行开业，这是苏州自贸片区首家外资银行分行。", False),
        ("When did the first cargo charter flight to Chicago take off?", "首架国际货运包机从上海浦东国际机场起飞，抵达德国法兰克福机场。", True),
        # What a drug treats; the very first against the second of its kind; a count of people claimed in English.
        ("Is it true that Zai Lab's Optune was approved to treat lung cancer?", "再鼎医药的爱普盾获批上市，主要用于治疗新诊断的胶质母细胞瘤患者。", True),
        ("What is Optune approved to treat in glioblastoma?", "再鼎医药的爱普盾获批上市，主要用于治疗新诊断的胶质母细胞瘤患者。", False),
        ("Was BD's kit the very first antigen test cleared by the FDA?", "碧迪首批抗原检测试剂盒投产，该试剂盒是全球第二款获美国FDA批准的抗原检测试剂盒。", True),
        ("When did BD start making its first batch of antigen kits?", "碧迪首批抗原检测试剂盒投产，该试剂盒是全球第二款获美国FDA批准的抗原检测试剂盒。", False),
        ("Is it true that 50 people shared the first talent awards?", "首批人才奖励发放仪式举行，符合条件的34名人才获得奖励。", True),
        ("Is it true that 34 people shared the first talent awards?", "首批人才奖励发放仪式举行，符合条件的34名人才获得奖励。", False),
        ("What score did SIP get in Jiangsu's 2018 development-zone assessment?", "在2019年度江苏省经济开发区科学发展综合考核评价中，园区位居第一。", True),
        # Companies of another ownership; an edition of another year; the second drug against the first.
        ("娄勤俭主持召开民营企业座谈会是在哪一天？", "娄勤俭主持召开部分外资及港澳台资企业座谈会。", True),
        ("娄勤俭主持召开外资企业座谈会是在哪一天？", "娄勤俭主持召开部分外资及港澳台资企业座谈会。", False),
        ("2020版《中国人工智能产业知识产权白皮书》是哪天发布的？", "《中国人工智能产业知识产权白皮书（2019）》发布仪式在园区举行。", True),
        ("泽布替尼是园区获批的第二款新药吗？", "这是2020年园区获批的首款新药。", True),
        # Another train or batch of a series: 首趟 is the first.
        ("第二趟园区专列是哪天发车的？", "首趟“园区专列”（G1938）接载453名一线员工返苏返岗复工。", True),
        ("首趟园区专列是哪天发车的？", "首趟“园区专列”（G1938）接载453名一线员工返苏返岗复工。", False),
        ("When did the second China-Europe freight train leave?", "中欧班列苏州自贸片区专列首发。", True),
        ("When was the second batch of talent rewards handed out?", "首批高端和急需人才奖励发放仪式举行。", True),
        # 哪一期 asks which phase; "phase-three" is one.
        ("APG-2575获准开展哪一期的临床研究？", "APG-2575将在中国开展1b/2期临床研究。", False),
        ("When did Microsoft sign the phase-three expansion?", "微软亚太研发集团苏州二期项目签约。", True),
        # A court is not a procuratorate.
        ("园区法院评上全国文明单位是哪天的事？", "在全国精神文明建设表彰大会上，园区人民检察院获评全国文明单位。", True),
        ("园区检察院评上全国文明单位是哪天的事？", "在全国精神文明建设表彰大会上，园区人民检察院获评全国文明单位。", False),
        ("园区人民法院获评全国文明单位，是在哪次大会上？", "在全国精神文明建设表彰大会上，园区人民检察院获评全国文明单位。", True),
        # Another city's government, though an event beside it names no government at all.
        ("园区管委会和昆山市政府签署战略合作协议是哪天？", "园区管委会与张家港市政府战略合作协议签约仪式举行。", True),
        # Another plot of a site.
        ("苏州纳米城D地块项目是什么时候开工的？", "苏州纳米城C地块项目开工。", True),
        ("When did construction start on Nanopolis plot C?", "苏州纳米城C地块项目开工。", False),
        # Another numbered bureau of a state builder is another firm.
        ("中建八局有哪几家公司入驻园区", "中建七局第一建筑有限公司等5家企业入驻园区。", True),
        ("中建七局有哪几家公司入驻园区", "中建七局第一建筑有限公司等5家企业入驻园区。", False),
        # The honour won, not every honour the ceremony is named for.
        ("马瑜婷被评为全国劳动模范了吗？", "在2020年全国劳动模范和先进工作者表彰大会上，马瑜婷获评“全国先进工作者”。", True),
        ("马瑜婷获评全国先进工作者是哪天？", "在2020年全国劳动模范和先进工作者表彰大会上，马瑜婷获评“全国先进工作者”。", False),
        # The first of its kind (全国第一台) is no place in a ranking; an overall place is not one indicator's.
        ("全国第一台心理干预机器人叫什么？", "全国首个心理干预机器人“小欣”发布。", False),
        ("When did SIP rank number one overall among the high-tech zones?", _TORCH, True),
        ("园区综合排名全国第一是哪个月公布的？", _TORCH, True),
        ("园区综合排第几？有没有哪项是全国第一？", _TORCH, False),
        ("When did SIP come fifth overall among the high-tech zones?", _TORCH, False),
    ],
)
def test_a_qualifier_the_events_give_only_other_values_of(question: str, event: str, contradicts: bool) -> None:
    assert contradicted(question, [event]) is contradicts


def test_an_event_named_with_a_year_is_the_edition_of_its_entrys_year() -> None:
    expo = "第十一届中国国际纳米技术产业博览会在苏州国际博览中心举办。"
    assert contradicted("Dates of the 2019 nanotech expo at the expo center?", [expo], [2020])
    assert not contradicted("Dates of the 2020 nanotech expo at the expo center?", [expo], [2020])
    # An assessment's year is not the year of the entry that reports it.
    assert not contradicted("How did SIP do in the 2019 assessment?", ["商务部公布2019年国家级经开区综合发展水平考核评价结果。"], [2020])


# ----------------------------------------------------------------------------- named things together


def test_organisation_names_are_cut_from_the_text() -> None:
    assert organisations("百拓众创空间、同程众创、欧朗物联硬创空间和武汉大学苏州创客中心入选名单。", every_clause=True) == [
        "百拓众创空间", "同程众创", "欧朗物联硬创空间", "武汉大学苏州创客中心",
    ]
    assert organisations("苏州和锐生物科技有限公司研制出试剂盒。") == ["苏州和锐生物科技有限公司"]
    assert organisations("和铂医药（苏州）有限公司在香港联合交易所主板挂牌上市。") == ["和铂医药（苏州）有限公司"]
    # No suffix: the subject of the clause.
    assert organisations("罗氏组织诊断和专业诊断系统试剂项目签约。") == ["罗氏组织诊断和专业诊断系统试剂"]
    assert core("百济神州（苏州）生物科技有限公司") == "百济神州生物科技"
    # A name holds no 的 or 在: the clause before them is not part of it.
    assert organisations("以“万物赋苏”为主题的2020博览会在苏州国际博览中心举办。") == ["苏州国际博览中心"]


@pytest.mark.parametrize(
    ("question", "labels", "together"),
    [
        ("百济神州什么时候在科创板上市的", {"百济神州", "科创板"}, 1),
        ("娄勤俭书记参加独墅湖医院启用仪式了吗", {"娄勤俭", "独墅湖医院"}, 1),
        ("天臣国际在科创板上市了吗", {"天臣国际", "科创板"}, 2),
        ("商事法庭挂牌那天，吴庆文书记到场了吗？", {"商事法庭", "吴庆文"}, 1),
        # A drug is a named thing too: here named with its maker, but never with the FDA.
        ("百济神州泽布替尼是哪天在美国拿到FDA许可的？", {"百济神州", "泽布替尼", "FDA"}, 2),
        ("信达生物的泽布替尼（百悦泽）是哪天获批上市的？", {"信达生物", "泽布替尼", "百悦泽"}, 2),
    ],
)
def test_named_things_and_whether_one_event_has_them_all(
    entities: Entities, question: str, labels: set, together: int
) -> None:
    anchors = entities.in_question(question)
    assert {a.label for a in anchors} == labels
    assert entities.together(anchors) == together


def test_a_company_and_a_market_are_named_together_only_in_one_clause(entities: Entities) -> None:
    zai_lab = entities.in_question("再鼎医药在科创板上市了吗")
    assert entities.together(zai_lab) == 2  # in one entry…
    assert entities.together(zai_lab, clause=True) == 1  # …but 天臣国际 is the one on 科创板
    assert entities.together(entities.in_question("天臣国际在科创板上市了吗"), clause=True) == 2


def test_a_name_is_found_with_its_bracketed_place_left_out(entities: Entities) -> None:
    (anchor,) = entities.in_question("金融创新中心在哪里揭牌")
    assert any(entities.mentions(anchor, i) for i in range(len(entities.texts)))


def test_everyday_words_are_not_names(entities: Entities) -> None:
    assert entities.in_question("园区生物医药产业有哪些进展") == []


def test_the_start_of_a_name_running_into_another_word_is_no_name(entities: Entities) -> None:
    # 苏州研 starts 苏州研究所, but here 研 begins 研发: the question names 飞利浦医疗 and nothing else.
    assert [a.label for a in entities.in_question("飞利浦医疗在苏州研发的CT什么时候获批")] == ["飞利浦医疗"]


def test_names_joined_by_and_are_asked_about_one_by_one() -> None:
    assert apart("思瑞浦和天臣分别是哪天上市的")
    assert apart("Did Pfizer or AstraZeneca sign anything?")
    assert not apart("百济神州什么时候在科创板上市的")
    # …unless they did it together.
    assert not apart("吴庆文和王瑞杰一起主持过什么会议吗？")
    assert not apart("园区和苏州大学合建的药学院是几月成立的？")
    assert not apart("When did Li Keqiang and Heng Swee Keat co-chair the meeting?")


def test_a_university_keeps_its_city() -> None:
    assert core("苏州大学") == "苏州大学" and core("苏州工业园区人民法院") == "苏州工业园区人民法院"
    assert core("苏州国际商事法庭") == "国际商事法庭"


def test_a_title_the_chronicle_never_gives_a_person_is_a_false_premise(entities: Entities) -> None:
    def miscast(question: str) -> bool:
        return entities.miscast(question, entities.in_question(question))

    assert miscast("苏州市长蓝绍敏给苏相合作区揭牌是哪天")  # he is 市委书记
    assert not miscast("苏州市委书记蓝绍敏给苏相合作区揭牌是哪天")
    assert not miscast("江苏省委书记娄勤俭来园区是哪一天？")  # "省委书记、省人大常委会主任娄勤俭"
    assert not miscast("娄勤俭来园区是哪一天？")  # no title given


def test_entities_come_from_the_chronicle_itself() -> None:
    made_up = ["星河光电有限公司在科创板上市。", "市长王大明考察星河光电有限公司。", "月亮湾医院开业。"]
    entities = Entities(made_up, chinese_words())
    anchors = entities.in_question("月亮湾医院在科创板上市了吗")
    assert {a.label for a in anchors} == {"月亮湾医院", "科创板"} and entities.together(anchors) == 1
    anchors = entities.in_question("王大明考察了星河光电吗")
    assert {a.label for a in anchors} == {"王大明", "星河光电"} and entities.together(anchors) == 2


# ----------------------------------------------------------------------------- list or not


@pytest.mark.parametrize(
    ("question", "is_list"),
    [
        ("which companies listed on STAR Market", True),
        ("华为今年在园区搞了啥", True),
        ("亚盛医药2020年有什么消息", True),
        ("What did Huawei open or launch in SIP in 2020?", True),
        ("Innovent drug approvals 2020", True),
        ("List all of Innovent's milestones", True),
        # "list" the verb, a single fact.
        ("When did Lingzhi Software list on the Hong Kong stock exchange?", False),
        ("When did the listings happen?", False),
        ("What happened on June 3?", False),
        # Any plural after which/what asks for several; a verb ending in s does not.
        ("Which particular developments broke ground?", True),
        ("What new buildings opened in 2020?", True),
        ("What happens at the expo centre in October?", False),
        ("What status does the supercomputing centre have?", False),
        # A word or two between which and the plural say of what; "what's new" asks for every event.
        ("For foreign staff, which new service windows or counters were opened?", True),
        ("BioBAY 2020年有什么新动态", True),
        ("Which year did the park rank first?", False),
        # "List" opening a later sentence asks for all; "分别是多少" asks two amounts of one thing.
        ("How did the park do in the zone rankings this year? List each one.", True),
        ("微软二期的投资额和面积分别是多少", False),
    ],
)
def test_list_questions_are_told_from_single_facts(question: str, is_list: bool) -> None:
    from retrieval.search import is_list_question

    assert is_list_question(question) is is_list


# ----------------------------------------------------------------------------- names in pinyin


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Did Lan Shaomin attend?", ("Lan Shaomin", "蓝绍敏")),
        ("How tall is the Zhongnan Center?", ("Zhongnan", "中南")),
        ("When did Lingzhi Software list?", ("Lingzhi", "凌志")),
        ("What is the Xin Su Tong licence?", ("Xin Su Tong", "新苏通")),
    ],
)
def test_names_written_in_pinyin_are_found_in_the_chronicle(keys: KeyTerms, question: str, expected: tuple) -> None:
    label, hanzi = expected
    assert (label, (hanzi,)) in keys.romanised(question)


@pytest.mark.parametrize("question", ["In which cities?", "What happened on June 3?", "the Chinese Super League", "Premier Li Keqiang"])
def test_english_words_and_absent_names_are_not_taken_for_pinyin(keys: KeyTerms, question: str) -> None:
    assert keys.romanised(question) == []


def test_an_end_is_stated_in_words_or_by_the_days_an_entry_covers() -> None:
    end = expected_type("双年展展到几号结束？")
    assert end is not None and end.dated
    assert not end.found_in(Event("e", "2020-09-06", None, "双年展开幕。", "f").stated)
    assert end.found_in(Event("e", "2020-09-06", "2020-09-20", "双年展开幕。", "f").stated)
    assert end.found_in("双年展于10月8日闭幕。")


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("苏州高新区2020年有哪些企业上市了", "苏州高新区"),  # another park of the city
        ("昆山开发区有什么大项目开工", "昆山开发区"),
        ("Which firms in Suzhou New District listed?", "Suzhou New District"),
        ("When did Premier Li Keqiang visit the park?", "Li Keqiang"),  # a person in pinyin no entry names
        ("did samsung expand its chip plant?", "samsung"),  # a name in lower case
        ("When did Alibaba Cloud open its AI centre in SIP?", "Alibaba"),  # a company named in pinyin
        ("Did Standard Chartered open a branch in the FTZ?", "standard chartered"),  # a name the glossary knows
        ("did costco open a store in the park?", "costco"),  # …whose dictionary word is no proper name (好市多)
        ("lingang bonded policy details?", "lingang"),  # a place in lower-case pinyin
    ],
)
def test_other_parks_unnamed_people_and_lower_case_names_are_absent_names(keys: KeyTerms, question: str, label: str) -> None:
    terms = {t.label: t for t in keys.extract(question)}
    assert terms[label].absent and terms[label].proper


@pytest.mark.parametrize(
    "question",
    [
        "江苏省开发区科学发展综合考核园区得了多少分",  # a province's zones: the class the park is in
        "SIP ranking among national economic and technological development zones",
        "When did Lan Shaomin unveil the zone?",  # a person the chronicle names, in pinyin
        "Which company won the product gold award?",  # "won" is a verb, not the currency
        "first foreign bank branch in the Suzhou free trade zone",
        "How big is the Hengtai East Extension Four Seasons Apartments community?",  # a title's common words
        "How large was the WuXi-linked healthcare fund?",  # a brand, not the city of 无锡
        "first foreign bank branch in the free trade zone (zimaoqu)",  # 自贸 of 自贸片区, written loosely in pinyin
    ],
)
def test_parks_people_and_words_the_chronicle_has_are_not_absent_names(keys: KeyTerms, question: str) -> None:
    assert not [t.label for t in keys.extract(question) if t.absent and t.proper]


def test_what_the_asker_says_of_themselves_is_not_what_an_answer_must_hold(keys: KeyTerms) -> None:
    def labels(question: str) -> set[str]:
        return {t.label.lower() for t in beside_the_point(keys.extract(question), question)}

    side = labels("We love evening walks by the lake. Did the Jinji Lake scenic area get an award for night tourism?")
    assert "jinji lake" in side and "tourism" in side and not {"love", "walks"} & side
    # A sentence that asks and points back needs the one before; one that says what is meant is the question.
    assert "busy" in labels("Zai Lab had a busy 2020 in Suzhou. When did it list in Hong Kong?")
    meant = labels("In which other cities did SIP set up outposts? I mean the innovation cooperation centres and so on.")
    assert "innovation" in " ".join(meant)


def test_a_missing_word_among_alternatives_is_not_absent(keys: KeyTerms) -> None:
    text = "药品或医疗器械获批上市或推向市场"
    assert any(t.absent for t in keys.extract(text))
    assert not any(t.absent for t in either(keys.extract(text), text))
    # Names stay absent: each may be someone the chronicle does not know.
    names = "特斯拉或者三星的工厂"
    assert {t.label for t in either(keys.extract(names), names) if t.absent} >= {"特斯拉"}


def test_a_count_asked_with_a_verb_after_its_unit_is_a_count_of_that_unit() -> None:
    count = expected_type("电子劳动合同标准一共有多少章多少条？")
    assert count is not None and count.found_in("该标准共7章45条。") and not count.found_in("园区发布电子劳动合同标准。")


def test_organisations_named_in_english_by_name_and_kind(keys: KeyTerms) -> None:
    # A name no dictionary reads: nothing an event could hold names it.
    assert keys.organisations_en("When did DBS Bank open a branch in the Suzhou FTZ?") == [("银行", ())]
    # A name read through the glossary or pinyin gives the words an event naming it holds.
    assert keys.organisations_en("Which Philippine Bank opened a branch?") == [("银行", ("菲律宾",))]
    assert ("大学", ("武汉",)) in keys.organisations_en("What did Wuhan University sign?")
    # The glossary's own names are named things already; a kind alone names nobody.
    assert keys.organisations_en("When did Bank of China sign with SIP?") == []
    assert keys.organisations_en("Which bank opened the first foreign bank branch?") == []
    # A court named in lower case by what it tries; the glossary reads a phrase of the name.
    (court,) = keys.organisations_en("Did Zhou Qiang unveil a Suzhou intellectual property court?")
    assert court[0] == "法院|法庭" and "知识产权" in court[1]
    assert "商事法庭" in keys.organisations_en("When was the SIP commercial court unveiled?")[0][1]


def test_framing_words_and_forms_of_everyday_verbs_are_no_key_terms(keys: KeyTerms) -> None:
    labels = [t.label.lower() for t in keys.extract("list all of Innovent Biologics' milestones and the company that makes it")]
    assert "milestones" not in labels and "makes" not in labels
    assert "innovent biologics" in labels
    # Hedges say how a question asks, whether or not the chronicle has a translation of them (具体 for specific).
    labels = [t.label.lower() for t in keys.extract("Which specific building projects started, etc.?")]
    assert "specific" not in labels and "etc" not in labels and "projects" in labels


def test_examples_in_a_list_are_alternatives(keys: KeyTerms) -> None:
    text = "building projects started construction (stadiums, marinas, industrial parks, etc.)"
    assert any(t.absent for t in keys.extract(text))
    assert not any(t.absent for t in either(keys.extract(text), text))


def test_terms_either_side_of_or_are_one_term(keys: KeyTerms) -> None:
    text = "Which park companies IPO'd on the Shanghai or Hong Kong stock exchanges?"
    merged = [t for t in either(keys.extract(text), text) if "|" in t.label]
    assert len(merged) == 1
    assert {"上海", "香港联合交易所"} <= set(merged[0].alternatives)
    # An event need hold only one of them to be fully covered.
    assert keys.coverage(merged, "和铂医药在香港联合交易所主板挂牌上市。") == 1.0


def test_side_talk_and_kind_words_do_not_make_a_question_unanswerable(keys: KeyTerms) -> None:
    def still_absent(text: str) -> set[str]:
        return {t.label for t in asked(keys.extract(text), text) if t.absent}

    # A sentence that asks nothing, beside one that asks with most of the terms.
    chatter = "When did BeiGene's Brukinsa get approved? my dad's oncologist mentioned it"
    assert {"oncologist"} <= {t.label for t in keys.extract(chatter) if t.absent}
    assert not still_absent(chatter)
    assert not still_absent("南航苏州附中是啥时候签约挂牌的？娃明年小升初在看学校")
    # …or a clause that asks nothing, beside one that asks with most of them.
    premise = "家里长辈想找养老的地方，园区第一个区域性养老服务中心是什么时候启用的？"
    assert "长辈" in {t.label for t in keys.extract(premise) if t.absent} and not still_absent(premise)
    # The same words as the premise of a question that asks with nothing else stay absent.
    assert still_absent("my dad's oncologist works in the park. when did he start?")
    # The kind of thing asked for ("哪个场馆") is no subject; a topic before its kind (哪些防汛防台措施) is.
    assert not still_absent("中超在苏州的第一场比赛是在哪个场馆踢的")
    assert "防汛防台" in still_absent("2020年夏天园区采取了哪些防汛防台措施？")
    # A space typed for a comma after side talk leaves its words aside; after a bare name it does not: the name
    # is what the clause that asks is about.
    assert not still_absent("打算带爸妈一起搬过去 园区有没有给老人的养老中心")
    assert "昆山综保区" in still_absent("昆山综保区 2020年 做成了哪些首单业务")


def test_an_acronym_in_a_chinese_question_that_no_chronicle_writes_is_absent(keys: KeyTerms) -> None:
    assert "cba" in [label.lower() for label in absent(keys, "2020年CBA联赛苏州赛区的揭幕战是哪天打的？")]
    assert "GDP" in absent(keys, "昆山2020年GDP多少？")
    # The chronicle's own acronyms, a slip of the keys (ECOM for ECMO) and the glossary's (IND) are not.
    assert not absent(keys, "赛腾那个国产便携式ECOM现在到哪一步了")
    assert not absent(keys, "2020年园区有哪些候选药物拿到了IND批件？")


def test_an_unknown_international_drug_name_is_another_drug(keys: KeyTerms) -> None:
    other = next(t for t in keys.extract("When did BeiGene's tislelizumab win approval?") if t.label == "tislelizumab")
    assert other.absent and other.proper
    known = next(t for t in keys.extract("When did BeiGene's zanubrutinib win approval?") if t.label == "zanubrutinib")
    assert not known.absent and "泽布替尼" in known.alternatives

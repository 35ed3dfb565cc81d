"""What kind of fact a question asks for, and whether an event's text holds one.

"苏州中南中心总投资多少钱？" asks for an amount of money: an event about 中南中心 that gives its height but no
amount does not answer it, however close its wording. Checking the expected answer type is how a retriever
without a reading model tells "the chronicle mentions this" from "the chronicle answers this". Only types
whose answer is always written the same way in a chronicle are checked: money, counts of people or cases,
heights and lengths, shares and rates, ranks; and, for a winner, a leader, a completion date or what someone
said, at least the words that report one. Pure: regular expressions only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lexical import EVERYDAY_NAME_COUNT, offered_among


@dataclass(frozen=True)
class AnswerType:
    name: str
    asks: re.Pattern[str]
    evidence: re.Pattern[str]
    # The evidence may be the span the entry covers (its date range), not only its words.
    dated: bool = False

    def found_in(self, text: str) -> bool:
        return bool(self.evidence.search(text))


_NUMBER = r"[0-9０-９][0-9０-９.,，]*|[一二两三四五六七八九十百千万亿]+"

# Posts a person is appointed to ("become the new dean", "since when has he been secretary").
_POSTS = r"head|director|president|dean|ceo|chair(?:man|woman)?|principal|secretary|boss"

# A rent asked for; rent relief (减免房租) asks for none.
_RENT = r"(?<![减免])(?:房租|租金)"

# Rent cut, waived or lowered ("did they cut rent for small firms") is relief, which states no rent.
_RENT_NOT_CUT = "".join(
    rf"(?<!\b{verb}\s)" for verb in ("cut", "cuts", "cutting", "reduce", "reduced", "waive", "waived", "lower", "lowered", "slash", "slashed", "halve", "halved")
)

# Words for pay, asked for and stated alike.
_PAY = r"工资|薪资|薪水|薪酬|年薪|月薪|底薪|起薪"

# A length of time stated ("How long is it" may ask the length of a text: "共7章45条").
_DURATION_STATED = re.compile(rf"(?:{_NUMBER})\s*(?:分钟|小时|秒|天|周|个月|年|章|条|页)|当天|即时|实时")

# Ordered: the first type whose question pattern matches is the one asked ("复工比例有多高" asks for a share,
# not a height; "排第几名" for a rank, not a number of people).
TYPES: tuple[AnswerType, ...] = (
    AnswerType(
        # "英文名字叫什么", "what's its name in English": a name in Latin letters, which most entries do not give.
        "English name",
        re.compile(r"英文(?:名字?|名称|全称|简称|叫)|英语(?:名字?|叫)|\benglish\s+(?:name|title)\b|\bname\s+in\s+english\b|"
                   r"\bcalled\s+in\s+english\b", re.I),
        re.compile(r"[A-Za-z]{3,}"),
    ),
    AnswerType(
        # "每个人最多能拿多少钱", "how much did each recipient get": a share per person, which a total (34名人才获得奖励800万余元)
        # does not give.
        "per person",
        # (…or a share claimed: "是每人发100万吗".)
        re.compile(r"(?:每个?人|每名|每位|单人|一个人|人均)[^，。？?！!]{0,10}?(?:多少|几|\d+(?:\.\d+)?\s*(?:万|千|元|块))|"
                   r"\b(?:per\s+(?:person|head|capita|recipient|winner|employee)|each\s+(?:person|recipient|winner|employee|talent))\b", re.I),
        re.compile(r"每人|人均|每名|每位|单人|/\s*人|最高(?:可)?(?:获得?|奖励|补贴|资助)?[^，。；]{0,6}元"),
    ),
    AnswerType(
        # "sensitivity and specificity of the test kit": how well a test performs, which no entry on a kit gives.
        "accuracy",
        re.compile(r"灵敏度|特异性|准确率|准确度|检出率|假阳性|假阴性|\bsensitivity\b|\bspecificity\b|\baccuracy\b|"
                   r"\bfalse[-\s](?:positive|negative)s?\b|\bdetection\s+rate\b", re.I),
        re.compile(rf"灵敏度|特异性|准确率|准确度|检出率|符合率|(?:{_NUMBER})\s*(?:%|％)"),
    ),
    AnswerType(
        "share",
        re.compile(
            r"比例|占比|百分之|百分比|增长了?多少|增幅|涨了?多少|降了?多少|率(?:是|为|有)?多少|率多高|"
            r"\bpercent(?:age)?\b|\bwhat\s+share\b|\bgrowth\s+rate\b|\brate\s+of\b|\bby\s+how\s+much\b|"
            r"利率|利息|票面利率|\binterest\s+rates?\b|\bcoupon(?:\s+rate)?\b|涨幅|升幅|首日(?:涨|跌|升|表现|收盘)|"
            r"\b(?:first|opening)[-\s]day\s+(?:gain|pop|jump|rise|return|performance|close)s?\b|\bday[-\s]one\s+(?:gain|pop)\b|"
            # "how much did Peijia pop on its first trading day", "how much did the shares fall"
            r"\bhow\s+much\s+(?:did|does|do|has|have|had|will|would)\s+[^?.!]{0,60}?\b(?:rise|jump|pop|gain|fall|drop|climb|surge|"
            r"soar|grow|increase|decrease|decline|slump)(?:ed|s)?\b",
            re.I,
        ),
        re.compile(rf"(?:{_NUMBER})\s*(?:%|％)|百分之|(?:{_NUMBER})\s*成|翻(?:了)?(?:一|两|几)?番|近?100%"),
    ),
    AnswerType(
        # "房租具体免几个月": how long something was waived or lasted, whatever else the question names (房租).
        "duration",
        re.compile(r"(?:免|减免|延期|延长|持续|用了|花了|需要|要)(?:了)?(?:几|多少)个?(?:月|天|周|星期|礼拜)|"
                   r"\bfor\s+how\s+many\s+(?:days|weeks|months)\b|"
                   r"\bhow\s+many\s+(?:days|weeks|months)\s+(?:of\s+)?(?:rent|free|waiver|relief|exemption|extension|delay|deferral|holiday)", re.I),
        _DURATION_STATED,
    ),
    AnswerType(
        # "房租多少一个月", "what is the rent": a price, which a total investment does not give.
        "price",
        re.compile(rf"中标价|集采价|楼面价|楼面地价|地价|成交价|{_RENT}|月租|多少钱一(?:个月|平|平方米?|晚|次)|每(?:个)?月(?:要)?多少钱|单价|售价|票价|学费|"
                   r"收费(?:标准)?(?:是|要|大概)?多少|怎么收费|手续费|服务费|管理费|一个月(?:要|收)?多少钱?|"
                   r"\b(?:monthly|the|average|annual|typical)\s+rents?\b|\brents?\s+(?:per|a\s+month|for\s+a)\b|\brents?\b[^?.]{0,15}\bhow\s+much\b|\bprices?\b(?!\s+tag)|\bticket\s+prices?\b|\bhow\s+much\s+(?:are|is|do|does|did|were|was)\s+(?:the\s+)?(?:tickets?|admission|entry|entrance)\b|门票|\btuition\b|\bper\s+(?:month|square\s+metre|square\s+meter)\b",
                   re.I),
        re.compile(r"租金|房租|租价|售价|价格|单价|票价|门票|学费|收费|免费|(?:元|万元)\s*/\s*(?:月|年|平方米|㎡|人|次|晚)|每(?:月|年|平方米|人|次)[^，。；]{0,6}元"),
    ),
    AnswerType(
        # "年薪大概多少", "starting salary": pay, which no entry's investment or prize gives.
        "salary",
        re.compile(rf"{_PAY}|\bsalar(?:y|ies)\b|\bwages?\b|\bstarting\s+pay\b|\bpay\s+(?:scale|range|level)s?\b", re.I),
        re.compile(_PAY),
    ),
    AnswerType(
        # "观众有多少", "visitor numbers", "how many people attended", "how many teams entered": a turnout, which no count
        # of projects signed gives.
        "turnout",
        re.compile(r"参观人数|观众(?:人数|数量)|多少(?:名|位)?(?:观众|游客|球迷)|游客(?:人数|数量|量)|客流量?|人流量?|多少人次|"
                   r"(?:参观|观展|观赛)人次|多少人(?:来)?(?:参观|观展|观赛|入场|到场|光临|参加|出席|与会)|(?:参加|出席|参会|与会)(?:的)?人数|"
                   r"多少(?:支|个)?(?:参赛)?(?:队伍|团队|参赛队)|多少(?:位|名|个)?(?:艺术家|嘉宾|运动员|球员|选手|志愿者)|参赛(?:队伍|团队|选手|项目)(?:数|数量)?(?:有|是)?多少|"
                   r"\bhow\s+many\s+(?:teams|entries|entrants|contestants|competitors)\b|"
                   r"\bvisitor\s+(?:numbers?|counts?|figures?|traffic)\b|\bnumbers?\s+of\s+(?:visitors|attendees|spectators)\b|"
                   r"\bhow\s+many\s+(?:people|visitors|guests|attendees|fans|spectators|participants|artists|speakers|"
                   r"delegates|athletes|players|performers|students|volunteers)\s+(?:attended|visited|came|"
                   r"turned\s+(?:up|out)|went|were\s+there|showed\s+up|took\s+part|were\s+let\s+in)\b|\battendance\b|\bfootfall\b|\bturnout\b", re.I),
        re.compile(rf"人次|观众|游客|参观者|(?:{_NUMBER})[^，。；]{{0,8}}参赛|(?:{_NUMBER})\s*(?:多|余)?\s*(?:万)?\s*(?:名|位|人)[\u4e00-\u9fff]{{0,12}}?(?:参加|出席|参观|到场|与会|参与)"),
    ),
    AnswerType(
        "money",
        re.compile(
            r"多少钱|花了多少|投了多少|投资(?:了)?多少|多少(?:的)?(?:投资|资金)|总投资|投资额|投资总额|金额|价格|售价|价钱|发行价|股价|定价|单价|"
            rf"卖多少|多少元|学费|收费标准|费用(?:是)?多少|{_RENT}|月租|资金(?:有)?多少|营运资金|运营资金|"
            r"募资|募集|融资(?:了)?多少|筹集|总额|总值|产值|营收|收入多少|注册资本|注册资金|\bregistered\s+capital\b|"
            r"奖金|奖励(?:了)?多少|集资|筹资|募得|融得|多少(?:亿|万|千万|百万)?(?:港|美|欧|新|日)?元|\bhow\s+many\s+(?:billion|million)\b|贷款(?:额|总额|金额)?(?:是|有)?多少|(?:放款|放贷|贷出)(?:了)?(?:额|总额|金额)?(?:是|有)?多少|授信(?:额度)?(?:是|有)?多少|"
            r"\bhow\s+much\s+(?:[\w\-]+\s+)?(?:money|funding|capital|investment|cash|financing|credit|loans?)\b|"
            r"\bprize\s+(?:money|pool)\b|\bcash\s+(?:prize|award|reward)s?\b|\bbonus(?:es)?\b|"
            r"\b(?:loan|deal|contract|credit|financing|transaction|order)\s+(?:amount|value|size|volume)\b|"
            r"\b(?:total|combined)\s+(?:amount|sum|value)\b|\b(?:fund|funding)\s+size\b|基金规模|\bamount\s+of\s+(?:money|funding|loans?|investment|financing|credit)\b|\bhow\s+much\s+(?:did|was|were|is|are|does|do|will)\b.*"
            r"\b(?:cost|costing|raise|raised|raising|invest|invested|investing|spend|spent|spending|worth|pay|paid|"
            r"paying|waive|waived|fund|funded|subsid[iy]\w*|put(?:ting)?\s+into|pour(?:ing|ed)?\s+into)\b|\bhow\s+much\s+in\s+total\b|\btotal\s+investment\b|"
            r"\binvestment\s+(?:amount|size|value|total)\b|\b(?:construction|building|total|project)\s+costs?\b|\bprice\b|\bhow\s+much\s+rent\b|"
            r"\bcosts?\s+to\s+(?:build|make|construct|develop)\b|\bwhat\s+(?:did|does|will|would)\s+.{1,60}?\bcost\b|\bvalued?\s+at\b|\bfees?\b|\btuition\b|"
            rf"{_RENT_NOT_CUT}\brent\b(?![\s-]*(?:relief|reductions?|waivers?|cuts?|exemptions?|subsid\w*|free|holidays?)\b)|"
            r"\bworking\s+capital\b",
            re.I,
        ),
        re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*(?:万|亿)?\s*(?:元|美元|港元|欧元|新元)|(?:万|亿)元"),
    ),
    AnswerType(
        "duration",
        re.compile(r"多长时间|多少(?:分钟|小时|秒)|几(?:分钟|小时)|多快|\bhow\s+(?:quickly|fast|soon)\b|"
                   r"\bhow\s+long\s+(?:does|did|do|will|would|is\s+it|was\s+it|to|before|after|until|has|have|had)\b|"
                   r"\bhow\s+many\s+(?:minutes|hours|seconds)\b", re.I),
        _DURATION_STATED,
    ),
    AnswerType(
        # "How large was the fund", "how big is the park": a size, which may be an amount, an area or a count.
        "size",
        re.compile(r"(?:规模|体量)(?:有|是)?多(?:大|少)|\bhow\s+(?:big|large)\s+(?:is|was|are|were)\b|\bsize\s+of\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*(?:万|亿)?\s*(?:元|美元|港元|欧元|平方(?:米|公里|千米)|亩|公顷|名|人(?![工民])|家|个|米|层)|(?:万|亿)元"),
    ),
    AnswerType(
        "area",
        re.compile(r"占地(?:面积)?(?:有)?多(?:少|大)|面积(?:有|是)?多(?:少|大)|多少平方|多少亩|多少公顷|"
                   r"\bwhat\s+(?:is|was)\s+the\s+(?:land\s+|floor\s+)?area\b|\b(?:gross|total|built)\s+(?:floor\s+|land\s+|site\s+)?area\b|\bfloor\s+space\b|"
                   r"\bhow\s+many\s+(?:square|hectares|acres|mu)\b|\bsquare\s+(?:metres|meters|kilometres|kilometers)\b|"
                   r"\bhow\s+(?:big|large|many)\s+(?:\w+\s+){0,3}?in\s+(?:m²|m2|sq\.?\s?m|sqm|km²|square|hectares)|\bhow\s+many\s+(?:m²|m2|sq\.?\s?m|sqm|km²)|多少(?:平米|平方米|㎡|m²)", re.I),
        re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*(?:万|亿)?\s*(?:平方(?:米|公里|千米)|亩|公顷)"),
    ),
    AnswerType(
        "height",
        re.compile(r"多高|高度|多长(?!时间)|长度|多少米|楼高|高多少|\bhow\s+(?:tall|high)\b|\bheight\b|\blength\b|"
                   r"\bhow\s+long\s+(?:is|was|are|were|will)\s+(?:the|it|its)\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*(?:米|公里|千米|层|m\b|km\b)"),
    ),
    AnswerType(
        # "苏州国际商事法庭受理的第一宗案件是什么", "the first case heard by the court": a case a court heard, which its
        # opening ceremony does not name.
        "court case",
        re.compile(r"^(?=.*(?:法庭|法院|商事庭|仲裁|\bcourts?\b|\btribunals?\b|\barbitration\b)).*(?:案件|案子|[第首]一?[宗起件个]?案(?!例)|\bcases?\b)",
                   re.I | re.S),
        re.compile(r"案件|案子|审理|判决|裁决|受理|[一二三四五六七八九十首]案(?!例)"),
    ),
    AnswerType(
        "cases",
        re.compile(r"多少例|病例数|几例|确诊(?:病例)?(?:人数|数|多少|几)|感染(?:人数|者多少)|"
                   r"\bhow\s+many\s+(?:[\w\-]+\s+){0,3}?(?:cases|infections|patients)\b|"
                   r"\b(?:confirmed|infected|positive)\s+(?:cases|infections|patients)\b|\bcase\s+(?:count|number)s?\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*例"),
    ),
    AnswerType(
        "measure",
        re.compile(r"(?:多少|(?<!哪)几)(?:张|台|辆|套|栋|间|座|层|架|艘|件(?![大小]?事)|幅|部|册|份|株|棵|盒|支|剂|人份)(?!嘴)|床位|"
                   r"\bhow\s+many\s+(?:[\w\-]+\s+){0,2}?(?:beds|floors|units|buildings|kits|doses|tests|vials)\b|"
                   r"\bbed\s+(?:counts?|numbers?|capacity)\b|\bnumber\s+of\s+beds\b", re.I),
        # Schools asked by 间 are counted by 所 (5所独立法人学校).
        re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*(?:万|亿)?\s*(?:张|台|辆|套|栋|间|所|座|层|架|艘|件|幅|部|册|份|株|棵|盒|支|剂|人份)"),
    ),
    AnswerType(
        "rank",
        re.compile(r"第几|排名|排第|名次|\bwhat\s+rank\b|\branked?\b|\bwhich\s+place\b|\bwhat\s+place\b", re.I),
        re.compile(rf"第\s*(?:{_NUMBER})|前\s*(?:{_NUMBER})|首位|榜首|第一|首(?:个|家|批|例)|十佳|百强|领先"),
    ),
    AnswerType(
        "exhibitors",
        re.compile(r"多少家?(?:企业|单位|展商|公司)?参展|参展(?:企业|商|单位|公司)(?:有|是)?多少|"
                   r"\bhow\s+many\s+(?:[\w\-]+\s+){0,2}?(?:exhibitors|exhibiting)\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*(?:家|个)[\u4e00-\u9fff]{{0,4}}参展|参展[\u4e00-\u9fff]{{0,4}}(?:{_NUMBER})"),
    ),
    AnswerType(
        # "运了多少吨货", "how many tonnes of cargo": a weight.
        "weight",
        re.compile(r"多少吨|几吨|多少公斤|多少千克|多重|重量|货量|运量|\bhow\s+many\s+(?:metric\s+)?(?:tonnes|tons|kilograms|kg|kilos)\b|"
                   r"\bhow\s+heavy\b|\bweigh(?:t|ed|s)?\b|\bcargo\s+volume\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*(?:万)?\s*(?:吨|公斤|千克|kg|t\b)", re.I),
    ),
    AnswerType(
        "people",
        re.compile(
            r"多少个?人(?![才员民])|几个人|多少名|多少位|几名|几位|人口|人次|"
            r"多少(?:个|名|位)?(?:一线|普通|新|外籍|外国|海外|在职|专业|技术|高端|高层次|科研|研发|医护)?(?:员工|职工|工人|人员|学生|患者|游客|居民|人才|观众|听众|市民|访客|参观者|志愿者|选手|"
            r"运动员|嘉宾|代表|医护|医生|护士|用户|会员|毕业生|新生|本科生|研究生|留学生|学员|家庭|户|工程师|科学家|研究人员|研发人员|教师|老师)|"
            # Jobs are counted in people: "能提供多少个就业岗位", "how many jobs will it create".
            r"多少(?:个)?(?:就业|工作)?岗位|(?:带动|提供|创造|新增)(?:多少|几)(?:个)?就业|"
            r"\bhow\s+many\s+(?:[\w\-]+\s+){0,2}?(?:jobs|positions|vacancies|openings|hires)\b|"
            r"\bhow\s+many\s+(?:[\w\-]+\s+){0,3}?(?:people|persons|workers|employees|staff|residents|students|visitors|"
            r"tourists|talents|participants|attendees|spectators|audiences?|volunteers|athletes|guests|delegates|freshmen|undergraduates|"
            r"households|users|members|graduates|engineers|scientists|researchers|doctors|nurses|teachers|beds?)\b|\b(?:audience\s+size|headcount)\b",
            re.I,
        ),
        re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*(?:万)?\s*(?:名|人(?![工民])|位|户|个?(?:就业|工作)?岗位)"),
    ),
)


TYPES += (
    AnswerType(
        "capacity",
        re.compile(r"产能|日产量?|年产量?|生产能力|每(?:天|日|年)(?:能)?(?:生产|产)|\b(?:production|manufacturing|output)\s+capacity\b|"
                   r"\bcapacity\s+(?:of|per)\b|\bhow\s+many\s+[\w\-]+\s+(?:per|a|each)\s+(?:day|week|month|year)\b|"
                   r"\b(?:daily|annual|yearly)\s+(?:output|production|capacity)\b", re.I),
        re.compile(rf"产能|日产|年产|生产能力|每(?:天|日|年|月)[^，。；]{{0,8}}(?:{_NUMBER})|(?:{_NUMBER})[^，。；]{{0,6}}/(?:天|日|年)"),
    ),
    AnswerType(
        # "疗效如何", "efficacy": results the entry reports, not only that a trial was approved.
        "results",
        re.compile(r"疗效|有效率|保护率|试验结果|临床结果|结果(?:如何|怎么样|怎样)|\befficacy\b|\beffectiveness\b|"
                   r"\b(?:trial|study|clinical)\s+(?:results?|outcomes?|data)\b|\bresults?\s+did\b.*\breport\b", re.I),
        re.compile(rf"疗效|有效率|保护率|结果显示|数据显示|研究显示|表明|(?:{_NUMBER})\s*(?:%|％)"),
    ),
    AnswerType(
        # "主要研究什么方向", "what does she research": the field the entry gives.
        "field",
        re.compile(r"研究(?:什么|啥|哪些)?方向|研究领域|研究什么|研究啥|从事(?:什么|哪方面|哪些)研究|"
                   r"\bresearch\s+(?:field|area|focus|interests?)\b|\bwhat\s+(?:does|did|is)\s+\w+(?:\s+\w+)?\s+research(?:ing)?\b|"
                   r"\bfield\s+of\s+research\b", re.I),
        re.compile(r"研究方向|研究领域|致力于|专注于|从事[^，。；]{1,12}研究|研究[^，。；]{1,12}(?:领域|方向)|主攻"),
    ),
    AnswerType(
        # "担任什么职务", "what is her position": a post the entry gives.
        "post",
        re.compile(r"(?:担任|任|当|是)(?:什么|啥|何)(?:职务|职位|岗位|职)|什么职务|职务是|职位是|\bwhat\s+(?:is|was)\s+(?:his|her|their)\s+"
                   r"(?:role|position|post|title|job)\b|\bwhat\s+(?:role|position|post)\s+(?:does|did|do)\b", re.I),
        re.compile(r"主任|所长|院长|副院长|研究员|教授|首席|董事长|总经理|总裁|书记|负责人|经理|主席|部长|局长|组长|团队|领衔"),
    ),
    AnswerType(
        "hours",
        # A clock time: "几点停航", "几点钟开始" (not "哪几点要求", points of a list).
        re.compile(r"营业时间|开放时间|(?<!哪)几点(?:钟|开门|关门|开放|营业|上班|下班|开始|结束|停|开|关|放|投放|出发|发车|截止)|"
                   r"\bopening\s+hours\b|\bbusiness\s+hours\b|"
                   r"\bwhat\s+time\s+does\b.*\b(?:open|close)\b", re.I),
        re.compile(r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*点|营业时间|开放时间|全天候|24小时"),
    ),
    AnswerType(
        "computing power",
        re.compile(r"算力|运算速度|计算能力|每秒.{0,6}次|\bpetaflops?\b|\bflops\b|\bcomputing\s+(?:power|capacity|speed)\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*(?:亿亿次|万亿次|千万亿次|亿次|PFlops|petaflops?|TFlops)|算力", re.I),
    ),
    AnswerType(
        "score",
        # (A match's score too: "比分多少", "whats the score of the opener".)
        re.compile(r"多少分|几分(?!钟|之)|得分|分数|评分是|比分|几比几|\bscore\s+(?:did|does|do|has|have)\b|\bscored\b|"
                   r"\bhow\s+many\s+points\b|\bpoints\s+did\b|\b(?:final|match|game)\s+score\b|"
                   r"\bwhat(?:'?s|\s+was|\s+is)\s+the\s+score\b|\bthe\s+score\s+of\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*分(?!钟|之|别|类|行|会|中心|公司)|(?:{_NUMBER})\S{{0,6}}(?:得分|评分)|"
                   rf"(?:得分|评分)\S{{0,4}}(?:{_NUMBER})|\d+(?:\.\d+)?\s*points|\d+\s*[:：比]\s*\d+"),
    ),
    AnswerType(
        # "那趟专列的车次", "what was the train number", "flight number": a service's number, given as a code (X8001,
        # 第X次) or not at all.
        "service number",
        re.compile(r"车次|航班号|班次号|\b(?:train|flight|service)\s+(?:number|no\.?|code)s?\b", re.I),
        re.compile(r"(?<![A-Za-z])[A-Z]{1,2}\s?[0-9]{2,5}(?![0-9])|[0-9]{2,5}\s*次(?:列车|专列|航班)|车次"),
    ),
    AnswerType(
        # "注册证号是多少", "the standard number": a document's number, which a chronicle does not record.
        "document number",
        re.compile(r"(?:注册证|批准文|文|标准|证书|许可证|备案)(?:编)?号(?:码)?(?:是)?(?:多少|什么)|"
                   r"\b(?:standard|registration|licen[cs]e|certificate|approval|permit|document)\s+(?:number|no\.?|code)\b", re.I),
        re.compile(r"[A-Z]{1,4}\s*/\s*[A-Z]{0,4}\s*[0-9]{2,}|[国苏]械注[准进许]\s*[0-9]{6,}|[〔［\[][0-9]{4}[〕］\]]\s*[0-9]+号"),
    ),
    AnswerType(
        "stock code",
        re.compile(r"(?:股票|证券|股份)代[码号]|代[码号]是|\bstock\s+(?:code|ticker|symbol)\b|\btickers?\b|\bticker\s+symbol\b|"
                   r"\btrading\s+(?:code|symbol)\b", re.I),
        re.compile(r"代码|代号|(?<![0-9])[0-9]{6}(?![0-9])|\b[0-9]{4,6}\.(?:SH|SZ|HK)\b", re.I),
    ),
    AnswerType(
        # "展到几号结束", "when did the expo close": an end the entry states (its span, 闭幕, 至10月8日).
        "end",
        re.compile(r"(?:展|开|办|持续|举办|举行|进行)到(?:几号|几月|哪天|哪一天|什么时候|啥时候)|"
                   r"(?:几号|哪天|什么时候|啥时候|何时|哪一天)(?:结束|闭幕|落幕|收官)|结束(?:时间|日期)|闭幕(?:时间|日期)|"
                   r"\bwhen\s+(?:did|does|will|was)\b.{0,60}(?<!-)\b(?:end|ended|close|closed|conclude|concluded|wrap\s+up)\b(?!-)|"
                   r"\b(?:end|closing)\s+date\b|\b(?:until|till)\s+when\b|\b(?:last|run|open|on)\s+(?:until|till)\b", re.I),
        re.compile(r"闭幕|落幕|结束|收官|截至|[至到—–-]\s*[0-9]{1,2}(?:月|日|号)|[至到]\s*20\d\d"),
        dated=True,
    ),
    AnswerType(
        "throughput",
        re.compile(r"吞吐量|标箱|集装箱量|\bTEUs?\b|\bthroughput\b|\bcontainers?\s+handled\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*(?:万|亿)?\s*(?:标箱|标准箱|TEU|吨)"),
    ),
)

# Types whose answer is a name or a statement rather than a figure: the entry must at least say it happened.
TYPES += (
    AnswerType(
        # "十大人物都有谁", "which artists exhibited": the members of a group, which an entry that only says the
        # group was announced ("…3个奖项揭晓。") does not give.
        "members",
        re.compile(r"(?:十大|十佳|人物|获奖者|得主|艺术家)[^，。？?]{0,6}(?:都有谁|都是谁|有哪些人|是哪些人|名单|有哪些|是谁)|(?:颁|发)给了?(?:谁|哪)|"
                   r"具体是哪(?:些|几|\d+|[一二三四五六七八九十]+)|哪[\d一二三四五六七八九十]+家|哪些艺术家|艺术家(?:有|是)?哪|"
                   r"获奖(?:者|名单|作品|项目)(?:有|是)?哪|\bwho\s+were\s+(?:the\s+(?:\d+|[a-z]+)\s+(?:[\w\-]+\s+){0,2}?(?:people|persons|winners|recipients|talents|individuals|figures|personalities)\b|named|among|awarded|honou?red|selected|chosen|"
                   r"the\s+(?:winners|recipients|artists|members))\b|\bnames\s+of\s+(?:the\s+)?(?:top|ten|\d+|winners|artists|recipients|members)\b|"
                   r"\bwhich\s+artists\b|\bwhat\s+were\s+the\s+(?:ten|\d+|top)\b|"
                   r"\bwhich\s+(?:products|works|cases|projects)\s+(?:won|were\s+(?:named|awarded|honou?red|released|selected))\b|"
                   r"\blist\s+of\s+(?:winners|artists|recipients|awardees)\b", re.I),
        # Names the entry enumerates: after 包括/分别为/由/a colon, or after the announcement (名单，信达生物…、…).
        re.compile(r"(?:包括|分别(?:为|是)|[：:]|由)[^。；]{0,80}、|(?:揭晓|发布|公布|颁布|出炉|名单)[^。；]{0,3}[，,][^。；]*?(?:有限公司|、)"),
    ),
    AnswerType(
        "winner",
        re.compile(r"夺冠|冠军|获胜|谁赢|赢了|胜者|比分|谁拿了?的?第一|谁得了?的?第一|第一名是谁|\b(?:who|which\s+\w+)\s+won\b|\bwinners?\b|\bchampions?\b|"
                   r"\b(?:who|which\s+\w+)\s+(?:took|got|received|bagged|scooped|picked\s+up)\s+(?:the\s+)?(?:gold|silver|bronze|top|first|grand)\s+(?:award|prize|medal)\b|"
                   r"(?:[一二三特]等奖|[金银铜]奖|大奖)[\u4e00-\u9fff]{0,4}?(?:是?(?:谁|哪)|给了|颁给|花落)|"
                   r"\bfinal\s+score\b|\bwhat\s+was\s+the\s+score\b", re.I),
        # An award won, not only named ("“产品金奖”3个奖项揭晓" names no winner).
        re.compile(r"冠军|夺冠|获胜|战胜|(?:获|获得|荣获|摘得|夺得)[^，。；]{0,12}(?:一等奖|金奖|特等奖|第一名)|获奖|中标|获评|荣获|夺得|摘得|"
                   r"\d+\s*[:：比]\s*\d+"),
    ),
    AnswerType(
        "organiser",
        re.compile(r"谁(?:主办|承办|举办|发起|组织)|由谁(?:主办|承办|举办|发起|组织)|\bwho\s+(?:organi[sz]ed|hosted|ran)\b|"
                   r"\b(?:organi[sz]ed|hosted)\s+by\b", re.I),
        # A meeting is hosted by whoever chairs it (共同主持…会议).
        re.compile(r"主办|承办|发起|组织|举办|主持|(?:由|与)[^，。]{2,30}(?:共同|联合)?(?:组建|共建)"),
    ),
    AnswerType(
        # Whom to call: a chronicle records what happened, not its contacts.
        "contact",
        re.compile(r"联系电话|联系方式|电话(?:号码?)?(?:是)?多少|对接人|联系人|热线|邮箱|"
                   r"\bcontact\s+(?:person|details|number|info|email)\b|\bphone\s+(?:number|no)\b|\bhotline\b|\bemail\s+address\b", re.I),
        re.compile(r"电话|热线|邮箱|联系人|@|\d{3,4}-\d{7,8}|1\d{10}"),
    ),
    AnswerType(
        # How to apply, by when, with what: a chronicle records the launch, not the application rules.
        "application",
        re.compile(r"报名截止|截止(?:日期|时间)|怎么报名|如何报名|报名(?:条件|方式|材料|入口)|怎么申请|如何申请|(?:申请|申报)(?:条件|材料|流程|入口)|"
                   r"需要(?:什么|哪些)(?:材料|条件|手续)|\bdeadline\b|\bhow\s+(?:do|can|to|should)\s+(?:i\s+|we\s+|you\s+)?(?:apply|sign\s+up|register)\b|"
                   r"\beligib(?:le|ility)\b|\bapplication\s+(?:form|process|requirements?)\b", re.I),
        re.compile(r"截止|报名|申报|申请条件|申请材料|条件为|须具备"),
    ),
    AnswerType(
        "leader",
        re.compile(r"领衔|牵头人|负责人|带头人|由谁|谁负责|谁主持|(?:院长|校长|主任|董事长|总经理|总裁|掌门人|所长|行长)(?:是谁|叫什么|叫啥|是哪位|姓什么|人选)|"
                   r"\bwho(?:'s|\s+is|\s+was)\s+(?:the\s+|its\s+)?(?:gm|general\s+manager|managing\s+director|boss|branch\s+manager)\b|"
                   r"创始人|创办人|谁创办|谁创立|\bwho\s+(?:founded|started|set\s+up)\b|\bfounders?\b|"
                   r"\bwho\s+(?:leads|led|heads|headed|runs|chairs)\b|\b(?:led|headed|chaired)\s+by\b|"
                   r"\bwho(?:'s|\s+is|\s+was)\s+(?:heading|leading|running|in\s+charge\s+of)\b|"
                   r"\bwho\s+(?:is|was)\s+(?:the\s+)?(?:first\s+)?(?:dean|director|head|president|chair|principal|ceo|chairman|chairwoman)\b|"
                   r"\bname\s+of\s+(?:the\s+|its\s+)?(?:new\s+|first\s+)?(?:dean|director|head|president|chair|principal|ceo|chairman|chairwoman)\b", re.I),
        re.compile(r"领衔|牵头|负责人|带头人|主持|院士|教授|主任|院长|校长|所长|书记|董事长|理事长|总经理|创始人|创办|创立"),
    ),
    AnswerType(
        # "哪位领导揭的牌", "which official signed it": a person named with a title ("园区党工委书记吴庆文"), which
        # "苏州超级计算中心揭牌仪式举行" does not give. (Not "有哪些领导出席": a list may hold entries naming none.)
        "official",
        re.compile(r"哪(?:位|个|一位)(?:大)?(?:领导|官员|嘉宾|高官)|什么(?:级别的?)?领导|"
                   r"\b(?:which|what)\s+(?:[\w\-]+\s+)?(?:official|leader|dignitary)\b(?!s)", re.I),
        re.compile(r"(?:书记|主任|院长|副总理|总理|省长|市长|部长|局长|主席|大使|董事长|总裁|秘书长|检察长|常任秘书)、?"
                   r"[\u4e00-\u9fff]{2,3}(?:一行|考察|调研|到|出席|主持|与|和|、|，|。|为|共同|视察|会见|参加|通过|在)"),
    ),
    AnswerType(
        "route",
        # "从哪个省开过来的", "which city did it leave from", "which European city did it go to": where a train or
        # a flight came from or went, which "接载453名一线员工返苏" does not say ("a bank from which country" asks
        # whose it is, not where it travelled).
        re.compile(r"从哪(?:里|儿|个[\u4e00-\u9fff]{1,3})?(?:发车|出发|起飞|开出|运来|开过来|开来|过来|(?:把[\u4e00-\u9fff]{1,4})?(?:接|运|拉|送)(?:回|过)?来)|"
                   r"从哪(?:里|儿)?(?:发|开|出发|始发)的(?:车|火车|列车|班)?|终点|目的地|(?:开往|飞往|发往|飞到|开到|运到)了?哪(?!些)|"
                   r"\bdestination\b|\bwhere\s+(?:did|does|was|were)\b.*\b(?:depart|leave|fly|go|head|headed|heading|bound|going)\b(?!\s+(?:public|live|on\s+sale))|"
                   r"\bwhere\s+(?:from|to)\b|"
                   r"\b(?:leave|left|depart|departed|come|came|start|started|originate|originated|set\s+off)\s+from\s+(?:which|what|where)\b|"
                   r"\b(?:which|what)\s+(?:\w+\s+)?(?:city|province|country|station|airport|port|town|region)\b[^?.]{0,60}?"
                   r"\b(?:(?:leave|left|depart|departed|come|came|start|started|originate|originated|set\s+off|set\s+out|sets\s+off|setting\s+off)\s+from|"
                   r"(?:go|went|head|headed|fly|flew|bound|arrive|arrived|land|landed)\s+(?:to|for|in|at))\b", re.I),
        re.compile(r"从[\u4e00-\u9fff]{2,}(?:出发|起飞|发车)|抵达|开往|飞往|发往|运往|至[\u4e00-\u9fff]{2,}|到达"),
    ),
    AnswerType(
        "address",
        # (Also the subdistrict: "开在哪个街道".)
        re.compile(r"哪条路|什么路|哪条街|地址|门牌|什么位置|具体位置|(?:在|位于|落在|建在|落户)哪(?:个|一)?(?:街道|社区|镇)|"
                   r"\bwhere\s+exactly\s+(?:is|are|was|were)\b[^?]{0,60}\blocated\b|\bexact\s+(?:location|address|spot)\b|\b(?:which|what)\s+(?:building|street|road)\s+or\s+(?:building|street|road)\b|哪(?:一)?(?:栋|幢|座)(?:楼|大楼|大厦)?|在几楼|"
                   r"\b(?:in|on|at)\s+(?:which|what)\s+(?:building|tower|floor)\b|\bwhich\s+(?:building|tower)\s+(?:is|was|are|were)\b|(?:在|去|到)?哪(?:里|儿)(?:可以|能)?领|\bwhere\s+(?:can|do|should|to)\s+(?:i\s+|we\s+|you\s+)?(?:pick\s+(?:it\s+|them\s+)?up|collect)\b|\baddress\b|\b(?:which|what)\s+(?:road|street|avenue)\b", re.I),
        re.compile(r"[\u4e00-\u9fff]{1,8}(?:路|街|大道)\d*号?|位于|坐落|大厦|大楼|\d+\s*(?:楼|层)|[\u4e00-\u9fff]{2}(?:街道|镇)(?!的?[一-龥]{0,2}(?:评|获))"),
    ),
    AnswerType(
        # Who stood behind a listing or a fund: a sponsor, an underwriter, cornerstone investors, a fund's GP.
        "intermediary",
        re.compile(r"保荐(?:机构|人|商|券商)|承销(?:商|机构|券商)|基石投资(?:者|人|方)|普通合伙人|基金管理人|(?<![A-Za-z])GP(?![A-Za-z])|"
                   r"\b(?:sponsors?|underwriters?|bookrunners?|cornerstone\s+investors?|general\s+partners?)\b", re.I),
        re.compile(r"保荐|承销|基石|普通合伙人|管理人|(?<![A-Za-z])GP(?![A-Za-z])"),
    ),
    AnswerType(
        "listing",
        re.compile(r"哪个交易所|哪家交易所|哪个板块?上市|在哪(?:里|儿)?上(?:的)?市|\bwhich\s+(?:stock\s+)?(?:exchange|board|market)\b", re.I),
        re.compile(r"交易所|科创板|创业板|新三板|主板|挂牌"),
    ),
    AnswerType(
        # "什么时候动工", "when did construction actually start": a start of building, which an approval or a signing
        # does not give.
        "groundbreaking",
        re.compile(r"(?:哪年|哪一年|哪天|哪一天|几号|几月|哪个月|什么时候|何时|啥时候)(?:正式|真正|才)?(?:开工|动工|开建|奠基|破土)|"
                   r"(?:开工|动工|奠基)(?:时间|日期)|\bwhen\b.*\b(?:construction|building\s+work|work)\s+(?:\w+\s+)?(?:start|begin|began|started|kick(?:ed)?\s+off)\b|"
                   r"\bwhen\b.*\b(?:break|broke|breaks)\s+ground\b|\bgroundbreaking\s+(?:date|ceremony)\b", re.I),
        re.compile(r"开工|动工|开建|奠基|破土|启动建设|开始建设|建设启动|集中启动"),
    ),
    AnswerType(
        "completion",
        re.compile(r"(?:哪年|哪一年|哪天|哪一天|几号|几月|哪个月|什么时候|何时|啥时候|预计|多久).{0,4}(?:完工|竣工|建成|建好|盖好|盖完|建完|修好|交付|落成|投产|投用|运营|开业|封顶)|"
                   r"(?:完工|竣工|建成|交付|落成|投产|投用|封顶)"
                   r"(?:时间|日期)|\bwhen\b.*\b(?:completed|finished|be\s+complete|be\s+done|be\s+built|start\s+production|"
                   r"go\s+into\s+production|begin\s+operat\w+|be\s+operational|topped\s+out|top\s+out)\b|\bcompletion\b|\btopping[\s\-]out\b",
                   re.I),
        re.compile(r"完工|竣工|建成|交付|投用|落成|启用|启动|投产|开业|开馆|开园|运营|运行|封顶"),
    ),
    AnswerType(
        "indication",
        re.compile(r"治(?:疗)?什么病|治啥病|治什么|适应症|用于治疗什么|\bwhat\s+(?:does|did|is|was)\s+(?:it|the\s+\w+)\s+(?:treat|used\s+for)\b|"
                   r"\bindications?\b|\bused\s+to\s+treat\b|\btreat(?:s|ment\s+of)?\s+what\b", re.I),
        re.compile(r"治疗|用于|适应症|患者|癌|瘤|病|症"),
    ),
    AnswerType(
        "appointment",
        # (Also who left or took over a post: "吴庆文什么时候调走的？接任的是谁", "who succeeded him".)
        re.compile(r"(?:哪一?年|什么时候|何时|啥时候)(?:开始)?(?:当|当上|担任|出任|就任|上任|任职|进的|加入|入职)|(?:哪一?年|几月份?|哪一?天|几号|什么时候|何时|啥时候)(?:卸任|离任|调任|调离|卸职|辞职|退休)|"
                   r"调走|接任的|继任|接班人|\bsuccessor\b|\bsucceed(?:ed|s)?\s+(?:him|her|(?-i:[A-Z])\w+|as)\b|\breplaced\s+(?:him|her)\b|"
                   r"\bwhen\s+did\s+.{2,40}\s+(?:step\s+down|resign|retire|leave\s+office)\b|(?:当|担任|出任)[\u4e00-\u9fff]{1,8}(?:多久|几年)|"
                   rf"\bwhen\s+did\s+.{{2,40}}\s+(?:become\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:new\s+)?(?:[\w-]+\s+)?(?:{_POSTS}|mayor|chief|governor|minister|leader|manager)|take\s+office|take\s+over|get\s+appointed|join)\b|\bsince\s+when\s+(?:has|have|had|is|was)\s+.{{2,40}}?\s+(?:been\s+)?(?:the\s+)?(?:{_POSTS}|mayor|in\s+charge|in\s+office)\b|\bappointed\b|\b(?:get|got|have|had|name|named)\s+a\s+new\s+(?:{_POSTS})\b|换了?(?:新)?(?:院长|所长|校长|主任|书记|行长|董事长|总经理|领导)|新(?:任|上任)的?(?:院长|所长|校长|主任|书记|行长|董事长|总经理)", re.I),
        re.compile(r"任命|担任|就任|上任|出任|当选|履新|接任|继任|任职|加入|入职|卸任|离任|调任|调离|免去|辞职|退休"),
    ),
    AnswerType(
        "theme",
        re.compile(r"主题(?:是|为)?(?:什么|啥)|什么主题|啥主题|\b(?:theme|motto|slogan)\b", re.I),
        re.compile(r"主题|为题|口号"),
    ),
    AnswerType(
        "speech",
        re.compile(r"讲了|说了|讲话|发言|致辞|讲的是|说的是|\bwhat\s+did\s+\w+(?:\s+\w+)?\s+say\b|\bspeech(?:es)?\b|\bremarks\b|\bkeynotes?\b|\bspeakers?\b|\bwho\s+spoke\b|主讲|演讲嘉宾|演讲", re.I),
        re.compile(r"讲话|致辞|表示|指出|强调|发言|要求|提出|宣布|说"),
    ),
    AnswerType(
        # "How many products were on the first catalogue": a number of things, which the entry states with its unit
        # (17个项目, 6家企业) or not at all. (A count of the entries themselves, "how many companies listed", is
        # judged by the retriever.)
        "count",
        # (Not projects, measures or policies, which an entry may count in other words: 六大重点工程.)
        re.compile(r"\bhow\s+many\s+(?:[\w\-]+\s+){0,2}?(?:products|companies|firms|enterprises|businesses|apartments|flats|"
                   r"homes|schools|items|institutions|institutes|centres|centers|bottles|foreigners|"
                   r"units|rooms|stores|shops|members|batches|startups|start-ups|labs|laboratories)\b", re.I),
        re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*(?:个|家|项|所|款|种|条|批|座|栋|幢|套|间|名|位|台|件|份|瓶|支|人)"),
    ),
)


# "Why": a reason, which an entry states only in so many words (为了, 旨在, 由于…), or the reason an event is
# notable ("why was it significant": a first, the only one, a gap filled). A visit's reason is what it attended.
_WHY = re.compile(r"\bwhy\b|(?<![列作成称评定选认视改命升划归])为什么(?!级别|等级|类型|性质|名字|名称|身份|角色|称号|样的)|为何(?!\s*(?:[？?。，,！!]|$))|为啥|何故|什么原因|\bhow\s+come\b|\bwhat\s+(?:was|is|were|are)\s+the\s+reasons?\b|"
                  r"\breasons?\s+(?:for|behind|why)\b|\breasoning\b|理由是|差在哪|拖(?:了)?后腿|短板|不足之处|"
                  r"\bwhat\s+held\s+(?:it|them|sip|the\s+park)\s+back\b|\bweak(?:ness(?:es)?|\s+spots?|\s+points?)\b", re.I)
_NOTABLE = re.compile(r"notable|significant|significance|important|importance|\bmatters?\b|special|big\s+deal|"
                      r"noteworthy|remarkable|重要|意义|特别|值得|了不起|亮点", re.I)
_REASON = AnswerType(
    "reason",
    _WHY,
    re.compile(r"为了|旨在|以便|因为|由于|原因|得益于|鉴于|目的|为[^，。；]{1,12}(?:提供|打造|服务)"),
)
_VISIT = re.compile(r"\b(?:come|came|coming|visit\w*|travel\w*|go|went)\b|来|到访|访问|考察|视察|调研", re.I)
_VISIT_REASON = AnswerType("reason", _WHY, re.compile(_REASON.evidence.pattern + r"|出席|参加|应邀"))
_SIGNIFICANCE = AnswerType(
    "significance",
    _WHY,
    re.compile(r"首(?:个|家|款|次|创|单|张|票|批|台|部|条|座|只|例|发|位)|第一|唯一|填补|最大|最高|最早|领先|突破|里程碑|标志"),
)

# An opinion or a comparison ("你觉得哪个更好", "what's the best school for…"): a chronicle judges nothing, though
# a ranking it records may answer which came first.
_OPINION = AnswerType(
    "opinion",
    re.compile(r"你觉得|你认为|你看(?:呢|来)|怎么看|哪(?:个|所|家|里)?更好|谁更好|更好吗|好不好|值不值得|值得(?:去|买|吗)|"
               r"(?:哪|什么)(?:所|个|家)?[\u4e00-\u9fff]{0,8}最好|\bdo\s+you\s+think\b|\bin\s+your\s+(?:view|opinion)\b|"
               r"\bwhich\s+(?:one\s+)?is\s+(?:better|nicer|prettier|more\s+fun|more\s+interesting|safer|cheaper)\b|"
               r"\b(?:better|nicer)\s+than\b|\bwould\s+you\s+recommend\b|\bworth\s+it\b|"
               r"\bwhat(?:'?s|\s+is)\s+the\s+best\b|哪(?:个|里|边)?(?:更)?(?:好玩|漂亮|划算|有意思)", re.I),
    re.compile(r"第一|首位|榜首|最佳|最好|领先|优于|位列|排名"),
)

# "庭长是谁", "谁是董事长", "who is the president": the role asked about, which the answering event must name.
_ROLE = re.compile(
    # …or who did a piece of work ("策展人是哪位"): the event must name that role.
    r"([\u4e00-\u9fff]?(?:长|主任|书记|主席|总监|总裁|经理|负责人|掌门人|首席[\u4e00-\u9fff]{2})|策展人|设计师|建筑师|主持人|主教练|代言人)"
    r"(?:是|为|叫)(?:谁|哪位|什么人)|"
    r"(?:谁|哪位)(?:是|当|担任|出任)(?:了)?[\u4e00-\u9fff]{0,6}?([\u4e00-\u9fff]?(?:长|主任|书记|主席|总监|总裁|经理|负责人))|"
    # "西浦慧湖药学院 首任院长": the first holder of a role.
    r"首任([\u4e00-\u9fff]?(?:长|主任|书记|主席|总监|总裁|经理))"
)
_ROLE_TYPE = TYPES[[t.name for t in TYPES].index("leader")]
# The same in English: the Chinese titles an event would give the person asked about.
_ROLES_EN = {
    "minister": "部长|大臣|总理|部长级", "mayor": "市长", "governor": "省长", "ambassador": "大使",
    "secretary": "书记|秘书", "director": "主任|局长|所长|院长|董事|署长", "president": "主席|总统|校长|院长|总裁|会长",
    "chairman": "董事长|主席|理事长", "chairwoman": "董事长|主席|理事长", "ceo": "总裁|首席执行官|总经理",
    "dean": "院长", "architect": "建筑师|设计", "designer": "设计", "curator": "策展", "premier": "总理", "vice premier": "副总理", "party secretary": "书记", "judge": "法官|庭长|院长",
}
_TITLES_EN = "|".join(sorted(_ROLES_EN, key=len, reverse=True))
_ROLE_EN = re.compile(
    rf"\b(?:which|what)\s+(?:[\w\-]+\s+){{0,2}}?({_TITLES_EN})s?\b|"
    rf"\bwho(?:\s+(?:is|was|were|are)|'s|’s)\s+(?:the\s+)?(?:[\w\-]+\s+){{0,2}}?({_TITLES_EN})s?\b",
    re.I,
)
# "哪家医院", "which hospital": kinds of institution whose names say what they are (苏州大学附属第一医院), so the
# answering event must name one of that kind.
# Each kind: the Chinese words an answering event names it by, and how a question asks for it in English.
_INSTITUTIONS = (
    ("医院", "hospitals?"), ("大学|高校", "universit(?:y|ies)"), ("银行", "banks?"),
    # A university is a school to the asker ("哪个学校的中心": 苏州大学…中心).
    ("学校|中学|小学|学院|大学|高校", "schools?"), ("法院|法庭", "courts?"),
    ("研究院|研究所|研究中心|实验室", "(?:research\\s+)?(?:institutes?|labs?|laborator(?:y|ies))"),
    ("团队|球队|战队|队伍|俱乐部", "teams?|clubs?"),
)
_INSTITUTION = re.compile(
    r"哪(?:家|个|所|间|几家|些)(" + "|".join(zh for zh, _ in _INSTITUTIONS) + r")|\bwhich\s+(?:\w+\s+)?("
    + "|".join(en for _, en in _INSTITUTIONS) + r")\b",
    re.I,
)


# A question asking which organisation or who ("which Korean institutes signed", "哪家企业", "谁"): its answer
# is a name the question cannot hold.
_ASKS_WHO = re.compile(
    r"哪(?:家|个|所|间|几家|些|位)(?:企业|公司|机构|单位|团队|高校|大学|银行|医院|院所|研究院|学校)?|谁|"
    r"\bwhich\s+(?:[\w\-]+\s+){0,3}?(?:compan(?:y|ies)|firms?|enterprises?|institut(?:e|es|ion|ions)|"
    r"universit(?:y|ies)|banks?|partners?|organi[sz]ations?|hospitals?|consorti(?:um|a)|teams?|schools?|"
    r"investors?|groups?|labs?|laborator(?:y|ies)|players?|brands?|bodies|agenc(?:y|ies)|parties|members|sponsors?)\b|"
    r"\bwho(?:m|se)?\b",
    re.I,
)


# Who founded or set up something: a person or an organisation…
_FOUNDED = re.compile(r"\bwho\s+(?:founded|started|set\s+up|established)\b|谁(?:创办|创立|设立|建立|成立)|由谁(?:创办|创立|设立|建立|成立)", re.I)
# …unless it is a firm ("who founded the park's cancer drug developer").
_FIRM_FOUNDED = re.compile(
    r"^[^?？.。]{0,60}?(?:\b(?:compan(?:y|ies)|firms?|developers?|makers?|start-?ups?|biotechs?|manufacturers?|"
    r"suppliers?|business(?:es)?|enterprises?)\b|公司|企业|药企|厂商)",
    re.I,
)


def asks_who(question: str) -> bool:
    """True when the question asks which organisation or person: the answer names someone it does not."""
    return bool(_ASKS_WHO.search(question))


# "哪家公司", "which companies": the answering event names a company, by its legal form (有限公司, 集团), as a
# firm of a trade ("企业贝康医疗"), by a short name the glossary knows (罗氏, 丹纳赫) or by a code (360);
# "考察园区" names none.
# …not when the word only says whose something is ("哪些企业融资服务平台", "which enterprise financing platforms").
_FOR_FIRMS = r"融资|服务|平台|贷款|政策|补贴|扶持|名单|代表|员工|职工|高管|家属"
_COMPANY = re.compile(
    # (not what is done for firms: "哪些给企业减负的政策", "哪些帮企业的文件")
    rf"哪(?:家|个|几家|些)(?:(?![给帮为对向让扶惠助])[\u4e00-\u9fff]){{0,4}}?(?:企业|公司|药企|厂商|厂家)(?!的?(?:{_FOR_FIRMS}))|"
    r"(?:企业|公司|药企|厂商|厂家|商户|商家)(?:分别|都|又)?(?:是|有)?哪(?:几|些)家|"
    r"\bwhich\s+(?:[\w\-]+\s+){0,2}?(?:compan(?:y|ies)|firms?|enterprises?|airlines?|carriers?)\b"
    r"(?!\s+(?:financing|services?|platforms?|loans?|polic(?:y|ies)|subsid\w*|support|representatives|employees|staff|executives)\b)",
    re.I,
)


# A number before one of these counts something ("共7章45条", "6家"); a code names a firm ("360集团").
_UNIT = "[条章节款项个家名人位万亿千百元届次批种所场台套辆米层天周岁期号日月年]"


@lru_cache(maxsize=1)
def _company_evidence() -> re.Pattern[str]:
    from .lexical import load_glossary

    short = {word for entry in load_glossary() if entry.is_name for word in entry.expansion.split()}
    return re.compile(
        rf"公司|集团|股份|企业[\u4e00-\u9fff]{{2,4}}(?:医疗|科技|生物|医药|软件|制药|电子|药业|智能|材料|信息)|(?<![0-9A-Za-z])(?!(?:19|20)\d\d(?!\d))(?![0-9]+{_UNIT})[0-9A-Za-z]{{2,}}(?=[\u4e00-\u9fff])|"
        + "|".join(re.escape(word) for word in sorted(short, key=len, reverse=True))
    )


@lru_cache(maxsize=1)
def _founder_evidence() -> re.Pattern[str]:
    """A founder (创始人, 院长…) or a firm (公司, 360…), compiled once."""
    return re.compile(_ROLE_TYPE.evidence.pattern + "|" + _company_evidence().pattern)


def expected_type(question: str) -> AnswerType | None:
    """The kind of fact ``question`` asks for, when it is one whose answer a text visibly holds."""
    if _WHY.search(question):
        if _NOTABLE.search(question):
            return _SIGNIFICANCE
        return _VISIT_REASON if _VISIT.search(question) else _REASON
    if _OPINION.asks.search(question):
        return _OPINION
    if _WINNER.asks.search(question):
        return _WINNER  # "which team won": the winner, not any team
    if _APPOINTMENT.asks.search(question):
        return _APPOINTMENT  # "接任的党工委书记是谁": who took the post over, not who holds it in an entry
    institution = _INSTITUTION.search(question)
    if institution:
        asked = institution.group(1) or institution.group(2)
        for zh, en in _INSTITUTIONS:
            if re.fullmatch(zh, asked) or re.fullmatch(en, asked, re.I):
                return AnswerType("institution", _INSTITUTION, re.compile(zh))
    if _COMPANY.search(question):
        return AnswerType("company", _COMPANY, _company_evidence())
    role_en = _ROLE_EN.search(question)
    if role_en:
        title = (role_en.group(1) or role_en.group(2)).lower()
        return AnswerType("leader", _ROLE_TYPE.asks, re.compile(_ROLES_EN[title]))
    role = _ROLE.search(question)
    if role:
        word = role.group(1) or role.group(2) or role.group(3)
        return AnswerType("leader", _ROLE_TYPE.asks, re.compile(re.escape(word)))
    founded = _FOUNDED.search(question)
    if founded and not _FIRM_FOUNDED.search(question[founded.end():]):
        # "who set up the industrial internet security institute": a founder, or the firm whose name it bears
        # (360工业互联网安全研究院). Who founded a company is a person.
        return AnswerType("founder", _FOUNDED, _founder_evidence())
    for kind in TYPES:
        if kind.asks.search(question):
            return kind
    counted = _HOW_MANY.search(question)
    if counted:
        # "签约了多少个项目": a number of that thing, before or after it ("项目32个", "17个项目").
        unit, noun = counted.group(1), counted.group(2)
        if not noun or _COUNT_VERB.match(noun):
            # "由多少章、多少条构成": a number of that unit ("共7章45条").
            return AnswerType("count", _HOW_MANY, re.compile(rf"(?:{_NUMBER})\s*(?:多|余)?\s*{unit}"))
        noun = re.escape(noun)
        return AnswerType("count", _HOW_MANY, re.compile(
            rf"(?:{_NUMBER})\s*(?:多|余)?\s*{unit}[^，。；]{{0,8}}{noun}|{noun}[^，。；]{{0,8}}?(?:{_NUMBER})\s*(?:多|余)?\s*{unit}"
        ))
    return None


# "多少个项目", "多少家外资企业": a count of things of a kind.
# (Not a unit when it opens a word: 多少项目, 多少家长, 多少场馆.)
_HOW_MANY = re.compile(
    r"多少\s*(个|项(?!目)|家(?![长属庭])|所(?!长)|批(?![准件])|款(?!项)|种(?!类)|条(?![件例款])|章|篇|场(?![馆地所]))\s*([\u4e00-\u9fff]{2})?"
)
# What follows the unit may say what was done, not what was counted ("多少条构成", "多少家入选", "多少章多少条").
_COUNT_VERB = re.compile(r"多少|构成|组成|左右|以上|参加|参与|入选|获得|获批|签约|落户|上市|开工|投产|落地|启动|发布|出台|参展|入驻")


_WINNER = next(kind for kind in TYPES if kind.name == "winner")
_APPOINTMENT = next(kind for kind in TYPES if kind.name == "appointment")


# Qualifiers whose values exclude each other: an event about a project's 一期 does not answer a question about
# its 二期, an entry on a provincial list does not answer one about a national list. Chinese and English forms.
# Placed somewhere: "位于", "设在", "放在", "in", "by".
_SITED = r"(?:(?:在|于|位于|放在|设在|建在|落户|落在|搬到|开在)\s*(?:苏州)?(?:工业园区|园区)?|\b(?:in|at|near|by|on)\s+(?:the\s+)?)"
_QUALIFIERS: tuple[dict[str, re.Pattern[str]], ...] = tuple(
    {value: re.compile(pattern, re.I) for value, pattern in slot.items()}
    for slot in (
        {
            "1": r"(?<!哪)(?:一|1|Ⅰ)期|\bphase[\s-]*(?:I|1|one)\b|\bfirst\s+phase\b",
            "2": r"(?:二|2|Ⅱ)期|\bphase[\s-]*(?:II|2|two)\b|\bsecond\s+phase\b",
            "3": r"(?:三|3|Ⅲ)期|\bphase[\s-]*(?:III|3|three)\b|\bthird\s+phase\b",
            "4": r"(?:四|4|Ⅳ)期|\bphase[\s-]*(?:IV|4|four)\b|\bfourth\s+phase\b",
        },
        {
            # A plot or block of a site: 纳米城C地块 is not D地块.
            letter: rf"(?<![A-Za-z]){letter}\s*(?:地块|栋|座|幢)|\b(?:plot|block|lot|parcel)\s+{letter}\b"
            for letter in "ABCDEFGH"
        },
        {
            # A numbered bureau of a state builder: 中建八局 is not 中建七局.
            number: rf"(?<![一二三四五六七八九十]){number}局" for number in "一二三四五六七八九十"
        },
        {
            # The kind of a vaccine.
            "mrna": r"\bm-?RNA\b|mRNA",
            "dna": r"(?<![mM])(?<![mM]-)DNA",
            "inactivated": r"灭活|\binactivated\b",
            "protein": r"重组蛋白|\brecombinant\s+protein\b|\bprotein\s+subunit\b",
            "vector": r"腺病毒|病毒载体|\badenovirus\b|\bviral\s+vector\b",
        },
        {
            # The level of a people's congress: the park's delegation went to 苏州市第十六届人民代表大会, not the province's.
            "national": r"全国人民代表大会|全国人大|\bnational\s+people[’']?s\s+congress\b|\bNPC\b",
            "provincial": r"省(?:第[一二三四五六七八九十]+届)?人民代表大会|省人大(?!常委会主任)|省人代会|\bprovincial\s+people[’']?s\s+congress\b",
            "municipal": r"市(?:第[一二三四五六七八九十]+届)?人民代表大会|市人大(?!常委会主任)|市人代会|"
                         r"\b(?:municipal|city)\s+people[’']?s\s+congress\b|\bsuzhou\s+people[’']?s\s+congress\b",
        },
        {
            # The kind of a test: BD's antigen kit does not answer a question on a nucleic acid one.
            "nucleic": r"核酸|\bnucleic[\s-]acids?\b|\b(?:RT-)?PCR\b",
            "antigen": r"抗原|\bantigens?\b",
            "antibody": r"抗体|\bantibod(?:y|ies)\b",
        },
        {
            # What a drug or device was approved for: sale, or clinical trials.
            "market": r"(?:批准|获批|许可)上市|上市(?:销售|许可|申请)|注册证|\bmarket(?:ing)?\s+(?:approval|authori[sz]ation)\b|"
                      r"\bapproved\s+for\s+(?:sale|marketing|market)\b|\bcleared\s+for\s+sale\b",
            "clinical": r"临床(?:试验|研究)|\bclinical\s+(?:trials?|stud(?:y|ies))\b|\bhuman\s+trials?\b",
        },
        {
            # (A lab is national or provincial by its list: 国家实验室, "江苏省实验室".)
            "national": r"国家级|全国|国家(?:重点)?实验室|\bnational\b|\bstate[\s-]level\b",
            "provincial": r"省级|省(?:重点)?实验室|\bprovincial\b|\bprovince[\s-]level\b",
            "municipal": r"市级|\bmunicipal\b|\bcity[\s-]level\b",
        },
        {
            # What a drug treats: 爱普盾 for glioblastoma does not answer a question on lung cancer.
            "lung": r"肺癌|\blung\s+cancer\b|\bNSCLC\b", "glioblastoma": r"胶质母细胞瘤|胶质瘤|\bglioblastoma\b|\bglioma\b",
            "breast": r"乳腺癌|\bbreast\s+cancer\b", "liver": r"肝癌|\bliver\s+cancer\b|\bHCC\b",
            "gastric": r"胃癌|\bgastric\s+cancer\b|\bstomach\s+cancer\b", "colorectal": r"结直肠癌|肠癌|\bcolorectal\b",
            "aml": r"急性髓(?:系|细胞)?白血病|\bacute\s+myeloid\b|\bAML\b",
            "cll": r"慢性淋巴细胞白血病|小淋巴细胞淋巴瘤|\bCLL\b|\bSLL\b|\bchronic\s+lymphocytic\b",
            "glaucoma": r"青光眼|高眼压|\bglaucoma\b|\bocular\s+hypertension\b",
            "diabetes": r"糖尿病|\bdiabet\w*", "hypertension": r"(?<!眼)高血压|\bhigh\s+blood\s+pressure\b",
        },
        {
            # An honour: a model worker (劳动模范) is not an advanced worker (先进工作者); "劳模先进" asks for either.
            "model": r"(?:劳动模范|劳模)(?!(?:和|与|及|、)?先进|(?:表彰)?(?:大会|会上|那次|评选|表彰))|\bmodel\s+workers?\b(?!\s+(?:ceremony|conference|awards?))", "advanced": r"先进工作者|\badvanced\s+workers?\b",
            "civilised": r"文明单位|\bcivili[sz]ed\s+(?:unit|work\s+unit)s?\b",
            "march 8": r"三八红旗手|红旗手|\bmarch\s+8(?:th)?\s+red[\s-]banner\b|\bred[\s-]banner\s+pacesetters?\b",
            "may 4": r"五四青年奖章|青年五四奖章|\bmay\s+4(?:th)?\s+youth\s+medal\b",
            "may 1": r"五一劳动奖章|\bmay\s+day\s+labou?r\s+medal\b|\bmay\s+1(?:st)?\s+labou?r\s+medal\b",
        },
        {
            # Who owns the companies: 民营企业座谈会 is not the one for 外资及港澳台资企业.
            "private": r"民营|私营|民企|\bprivate(?:ly[\s-]owned)?\s+(?:firms?|companies|enterprises|businesses)\b",
            "foreign": r"外资|外商|外企|\bforeign(?:[\s-](?:invested|owned|funded))?\s+(?:firms?|companies|enterprises|businesses)\b",
            "state": r"国有|国企|央企|\bstate[\s-]owned\b",
        },
        {
            # Where in the park something stands: the materials lab's headquarters is "位于苏州独墅湖科教创新区", not
            # on the Yangcheng Lake peninsula.
            "独墅湖": rf"{_SITED}(?:独墅湖|\bdushu\s+lake\b)", "阳澄湖": rf"{_SITED}(?:阳澄湖|\byangcheng\s+lake\b)",
            "金鸡湖": rf"{_SITED}(?:金鸡湖|\bjinji\s+lake\b)",
            # …or in another district of the city altogether (the materials lab is not "在高新区").
            "高新区": rf"{_SITED}(?:苏州)?(?:高新区|\bSND\b|\b(?:suzhou\s+)?new\s+district\b)",
            "吴中区": rf"{_SITED}(?:苏州)?(?:吴中区|\bwuzhong(?:\s+district)?\b)",
            "吴江区": rf"{_SITED}(?:苏州)?(?:吴江区|\bwujiang(?:\s+district)?\b)",
            "姑苏区": rf"{_SITED}(?:苏州)?(?:姑苏区|\bgusu\s+district\b)",
        },
        {
            # The country of a partner ("which Singaporean bank" finds 菲律宾首都银行).
            "新加坡": r"新加坡|\bsingapor(?:e|ean)\b", "菲律宾": r"菲律宾|\bphilippines?\b|\bfilipino\b",
            "美国": r"美国|\bamerican?\b|\bU\.?S\.?A?\b", "德国": r"德国|\bgerman(?:y)?\b", "韩国": r"韩国|中韩|\bkorean?\b",
            "日本": r"日本|中日|\bjapan(?:ese)?\b", "英国": r"英国|\bbritish\b|\bU\.?K\.?\b|\bbritain\b",
            "法国": r"法国|\bfrench\b|\bfrance\b", "缅甸": r"缅甸|\bmyanmar\b|\bburm(?:a|ese)\b",
            "泰国": r"泰国|\bthai(?:land)?\b", "越南": r"越南|\bvietnam(?:ese)?\b", "瑞士": r"瑞士|\bswiss\b|\bswitzerland\b",
            "香港": r"香港|港澳|\bhong\s?kong(?:ese)?\b",
        },
        {
            # The venue something was held at ("the opener at the Expo Center" finds 在苏州奥林匹克体育中心开赛).
            "expo": r"博览中心|博览馆|\bexpo(?:sition)?\s+(?:cent(?:er|re)|hall)s?\b",
            "olympic": r"奥林匹克体育中心|奥体|体育中心|体育场|体育馆|\bolympic\s+(?:sports\s+)?(?:cent(?:er|re)|stadium)\b|"
                       r"\b(?:sports\s+(?:cent(?:er|re)|park)|stadium|arena)\b|\baoti\b",
            "conference": r"会议中心|国际会议|\bconference\s+(?:cent(?:er|re)|hall)\b|\bconvention\s+cent(?:er|re)\b",
            "arts": r"文化艺术中心|艺术中心|大剧院|\barts?\s+cent(?:er|re)\b|\btheat(?:er|re)\b|\bopera\s+house\b",
        },
    )
)


# The stage of a project: a signing (微软二期项目签约) says nothing of its opening, a groundbreaking (中南中心开工)
# nothing of its completion.
_STAGES = {
    value: re.compile(pattern, re.I)
    for value, pattern in {
        "signed": r"签约|签署|签订|\bsign(?:ed|ing|s)?\b",
        "started": r"开工|动工|奠基|破土|\bbr(?:oke|eak|eaks)\s+ground\b|\bground-?breaking\b|"
                   r"\bconstruction\s+(?:start(?:ed|s)?|beg[au]n|begins|commenc(?:e|ed|es))\b|\bstart(?:ed)?\s+(?:construction|building)\b",
        "completed": r"竣工|建成|落成|完工|造好|建好|封顶|\b(?:get|got|was|were|be|been|is)\s+(?:finished|completed)\b|"
                     r"\bcompletion\s+(?:date|inspection|acceptance)\b|\bconstruction\s+(?:was\s+)?(?:finished|completed)\b|\btopp(?:ed|ing)\s+out\b",
        "opened": r"开业|开张|启用|开园|开馆|开幕|揭牌|投用|投入使用|正式运营|成立|\bopen(?:ed|s|ing)?\b(?!\s+(?:up|to|again|innovation)\b)|"
                  r"\binaugurat(?:e|ed|ion)\b",
        "production": r"投产|量产|\bstart(?:ed)?\s+production\b|\bwent\s+into\s+production\b|\bproduction\s+(?:start(?:ed)?|began)\b",
        # A listing on a market (not a drug's 批准上市): 恒瑞's entry tells of a signing, no listing.
        "listed": r"(?<!批准)(?<!获批)(?<!准予)上市(?!许可|申请|销售)|\bIPO\b|\bwent\s+public\b|\bgo(?:es|ing)?\s+public\b|"
                  r"\blisted\s+on\b",
    }.items()
}


def other_stage(question: str, texts: Sequence[str]) -> bool:
    """True when the sentences that ask name one stage of a project (开工, "open") and each of ``texts`` states
    another (签约) but not that one. A stage the premise tells ("听说…2019年就动工了。一共要投多少钱？") is not asked."""
    from .lexical import sentences_asking

    asking = " ".join(sentences_asking(question)[1]) or question
    asked = {value for value, pattern in _STAGES.items() if pattern.search(asking)}
    stated = [{value for value, pattern in _STAGES.items() if pattern.search(text)} for text in texts]
    return _only_others(asked, stated)


_CITIES = {
    city: re.compile(pattern, re.I)
    for city, pattern in {
        "苏州": r"苏州|\bsu\s?zhou\b", "上海": r"上海(?!证券交易所|交易所)|\bshang\s?hai\b(?!\s+stock)", "北京": r"北京|\bbei\s?jing\b",
        "深圳": r"深圳(?!证券交易所|交易所)|\bshen\s?zhen\b(?!\s+stock)", "广州": r"广州|\bguang\s?zhou\b", "杭州": r"杭州|\bhang\s?zhou\b",
        "南京": r"南京(?!航空航天大学|大学)|\bnan\s?jing\b", "无锡": r"无锡|\bwu\s?xi\b", "成都": r"成都|\bcheng\s?du\b", "武汉": r"武汉|\bwu\s?han\b",
        "天津": r"天津|\btian\s?jin\b", "重庆": r"重庆|\bchong\s?qing\b", "西安": r"西安(?!交通|交大)|\bxi'?an\b(?!\s+jiaotong)",
        "香港": r"香港|\bhong\s+kong\b", "昆山": r"昆山|\bkun\s?shan\b", "常州": r"常州|\bchang\s?zhou\b",
        "张家港": r"张家港|\bzhangjiagang\b", "常熟": r"常熟|\bchang\s?shu\b", "太仓": r"太仓|\btai\s?cang\b",
        "法兰克福": r"法兰克福|\bfrankfurt\b", "巴黎": r"巴黎|\bparis\b", "伦敦": r"伦敦|\blondon\b",
        "东京": r"东京|\btokyo\b", "首尔": r"首尔|\bseoul\b", "纽约": r"纽约|\bnew\s+york\b",
        "汉堡": r"汉堡|\bhamburg\b", "杜伊斯堡": r"杜伊斯堡|\bduisburg\b", "莫斯科": r"莫斯科|\bmoscow\b",
        "合肥": r"合肥|\bhe\s?fei\b", "宁波": r"宁波|\bning\s?bo\b", "青岛": r"青岛|\bqing\s?dao\b", "厦门": r"厦门|\bxia\s?men\b",
        "长沙": r"长沙|\bchang\s?sha\b", "郑州": r"郑州|\bzheng\s?zhou\b", "南通": r"南通|\bnan\s?tong\b", "扬州": r"扬州|\byang\s?zhou\b",
        "徐州": r"徐州|\bxu\s?zhou\b", "嘉兴": r"嘉兴|\bjia\s?xing\b", "温州": r"温州|\bwen\s?zhou\b", "济南": r"济南|\bji\s?nan\b",
        "大连": r"大连|\bda\s?lian\b", "沈阳": r"沈阳|\bshen\s?yang\b", "昆明": r"昆明|\bkun\s?ming\b", "福州": r"福州|\bfu\s?zhou\b",
        "芝加哥": r"芝加哥|\bchicago\b", "洛杉矶": r"洛杉矶|\blos\s+angeles\b", "旧金山": r"旧金山|\bsan\s+francisco\b",
        "波士顿": r"波士顿|\bboston\b", "西雅图": r"西雅图|\bseattle\b", "多伦多": r"多伦多|\btoronto\b",
        "温哥华": r"温哥华|\bvancouver\b", "悉尼": r"悉尼|\bsydney\b", "墨尔本": r"墨尔本|\bmelbourne\b",
        "柏林": r"柏林|\bberlin\b", "慕尼黑": r"慕尼黑|\bmunich\b", "米兰": r"米兰|\bmilan\b", "罗马": r"罗马|\brome\b",
        "马德里": r"马德里|\bmadrid\b", "阿姆斯特丹": r"阿姆斯特丹|\bamsterdam\b", "布鲁塞尔": r"布鲁塞尔|\bbrussels\b",
        "大阪": r"大阪|\bosaka\b", "曼谷": r"曼谷|\bbangkok\b", "河内": r"河内|\bhanoi\b", "吉隆坡": r"吉隆坡|\bkuala\s+lumpur\b",
        "雅加达": r"雅加达|\bjakarta\b", "迪拜": r"迪拜|\bdubai\b", "孟买": r"孟买|\bmumbai\b", "仰光": r"仰光|\byangon\b",
    }.items()
}


_PLACED = re.compile(r"(?:在|于|从|赴|到|落户|飞往|抵达|开往)\s*(?:[\u4e00-\u9fff]{1,2}国)?\s*$|\b(?:in|at|from|to)\s+$", re.I)


# An organisation of a kind (a city government, a university, a bank, a group) is told from another of its kind
# by the characters before the kind: 昆山市政府 is not 张家港市政府, 南京大学 not 南京航空航天大学.
_KIND = re.compile(r"(?:市政府|区政府|县政府|政府|大学|(?:医|药|法|商)?学院|银行|集团|医院|研究院|检察院|法院|法庭)")
# …unless those characters say which kind of one, not which one (外资银行, 哪所大学).
_GENERIC_OWNER = re.compile(r"[哪啥何些该其各这那某本的家所个跟和与及同里在对向从给为被把]|还是|或者|或是|以及|还有|外资|中资|国有|商业|民营|本地|当地|外国|国外|国内|"
                            r"^第|附属|合作|联合|共建|合办|新建|新设|研究|创新|人民|地方|全国|全省|全市|级$|两家|多家|一家|几家|几所|家$|所$|"
                            r"[市省区县公私]立|民办|公办|综合|大型|新开|^.方$")  # 缅方政府: the Myanmar side, no one's own name


# Kinds of organisation the chronicle's events are told apart by.
_FAMILIES = ("法院|检察院|法庭", "市政府|区政府|县政府|政府", "大学|(?:医|药|法|商)?学院")


# What joins organisations named together: "园区法院、检察院", "法院还是检察院", "南京大学和东南大学".
_JOINED = re.compile(r"\s*(?:、|和|与|及|以及|跟|或|或者|或是|还是|/)\s*")


def _counterparts(question: str) -> list[list[str]]:
    """The organisations of a kind the question names by their own name (昆山市政府, 南京大学, 盘谷银行), in
    groups named together: a kind joined to the one before shares its owner ("园区法院、检察院" names 园区法院
    and 园区检察院, either of which the question may mean)."""
    groups: list[list[str]] = []
    owner_before, end_before = "", -1
    for m in _KIND.finditer(question):
        start = m.start() - 2 if question[max(0, m.start() - 2) : m.start()] == "人民" else m.start()
        if owner_before and _JOINED.fullmatch(question[end_before:start]):
            groups[-1].append(owner_before + m.group())
            end_before = m.end()
            continue
        owner = question[max(0, start - 2) : start]  # 园区 of 园区人民法院
        if (
            len(owner) == 2 and re.fullmatch(r"[\u4e00-\u9fff]{2}", owner) and not _GENERIC_OWNER.search(owner)
            # (A court is told by what it hears, the end of a longer word: 知识产权法庭 is not 商事法庭.)
            and (m.group() == "法庭" or not _tail_of_a_word(question, start - 2, m.end()))
        ):
            groups.append([owner + m.group()])
            owner_before, end_before = owner, m.end()
        else:
            owner_before = ""
    return groups


# What a firm does, after the name it is known by (信达生物, 信达证券): the same name with another trade is
# another firm.
_TRADES = ("证券|银行|保险|基金|信托|地产|置业|汽车|生物|医药|制药|药业|医疗|科技|电子|物流|资本|投资|能源|半导体|"
           "通信|电器|食品|传媒|软件|智能|光电|材料")
_TRADE = re.compile(rf"(?=([\u4e00-\u9fff]{{2}})({_TRADES}))")
# Places and words that start many names (园区生物医药, 苏州银行) rather than one firm's.
_NO_FIRM_NAME = re.compile(r"园区|苏州|江苏|中国|全国|国家|全省|全市|省级|市级|本地|相关|新兴|高端|重点|知名|龙头|头部|上市|医药|生物")


def _another_trade(question: str, texts: Sequence[str]) -> bool:
    """True when the question names a firm by a rare name and a trade (信达证券) and the events name that name
    only with another trade (信达生物制药): another firm of the same name."""
    from .lexicon import chinese_words

    words = chinese_words()
    for m in _TRADE.finditer(question):
        name, trade = m.group(1), m.group(2)
        if _GENERIC_OWNER.search(name) or _NO_FIRM_NAME.search(name) or (words.get(name) or 0) >= EVERYDAY_NAME_COUNT:
            continue
        # (博瑞医药 is 博瑞生物医药: a trade may follow another.)
        same = re.compile(rf"{re.escape(name)}(?:{_TRADES}){{0,2}}{trade}")
        if any(same.search(text) for text in texts):
            continue
        if any(re.search(rf"{re.escape(name)}(?:{_TRADES})", text) for text in texts):
            return True
    return False


def _tail_of_a_word(text: str, start: int, end: int) -> bool:
    """True when the characters from ``start`` end a word that began before them and stops short of ``end``:
    液病 of 血液病研究院 says what the institute works on, it is no owner (新加坡国立大学 is one word, a name)."""
    from .lexical import segment

    # The owner and the kind are Chinese characters: one run holds both.
    run = next(m for m in re.finditer(r"[\u4e00-\u9fff]+", text) if m.start() <= start < m.end())
    at = run.start()
    for word in segment(run.group()):
        if at < start < at + len(word):
            return at + len(word) < end
        at += len(word)
    return False


def _of_another_city(question: str, texts: list[str]) -> bool:
    """True when the question names something by its city ("上海创新投资集团", "金鸡湖创新合作中心（武汉）") and the
    events it is about name it only with another city (深圳市创新投资集团; （北京）): the chronicle has that one."""
    for city, pattern in _CITIES.items():
        for m in pattern.finditer(question):
            if city == "苏州" or not _HAN.fullmatch(m.group()):
                continue
            # (A city's branch of something, "南京片区", "上海海关", as well as a name of four after it; of a branch,
            # the park's own city's is another one: 苏州片区 for 南京片区.)
            branch = re.match(r"市?(片区|分行|分公司|分院|校区|赛区|海关)", question[m.end():])
            after = branch or re.match(r"市?([\u4e00-\u9fff]{4})", question[m.end():])
            others = "|".join(c for c in _CITIES if c != city and (branch or c != "苏州"))
            before = re.search(r"([\u4e00-\u9fff]{4})[（(]$", question[: m.start()])
            if after:
                key = re.escape(after.group(1))
                own, other = rf"{city}市?{key}", rf"(?:{others})市?{key}"
            elif before and question[m.end() : m.end() + 1] in "）)":
                key = re.escape(before.group(1))
                own, other = rf"{key}[（(]{city}[）)]", rf"{key}[（(](?:{others})[）)]"
            else:
                continue
            if any(re.search(other, t) for t in texts) and not any(re.search(own, t) for t in texts):
                return True
    return False


_HAN = re.compile(r"[\u4e00-\u9fff]+")


# The supreme court and procuratorate by their short names.
_SUPREME_NAMES = {"最高检": "最高人民检察院", "最高法": "最高人民法院"}
_SUPREME = re.compile(r"最高检(?!察)|最高法(?!院)")


def _swapped(question: str, texts: list[str]) -> bool:
    """True when the question names an organisation of a kind (昆山市政府) and each event it is about names
    one of that kind, but another (张家港市政府): the chronicle has the event with someone else in it. Of the
    names a question offers to choose from ("汇丰银行还是菲律宾首都银行"), one named is enough."""
    groups = _counterparts(_SUPREME.sub(lambda m: _SUPREME_NAMES[m.group()], question))
    names = [name for group in groups for name in group]
    others = []
    for name in names:
        kind = _KIND.search(name).group()  # type: ignore[union-attr]
        # A court and a procuratorate are one kind here: 园区法院 is not 园区人民检察院.
        family = next((f for f in _FAMILIES if re.fullmatch(f, kind)), kind)
        if named_otherwise(family, lambda text: _names(name, kind, text), texts):
            others.append(name)
    offered = offered_among(names, question)
    # (Kinds joined to an owner named before are offered with it: "园区法院还是检察院".)
    offers = [name for group in groups if set(group) & set(offered) for name in group]
    if offers:
        return any(n not in offers for n in others) or all(n in others for n in offers)
    # Of several named together ("园区法院、检察院这块有哪些事"), one named is enough.
    return any(all(n in others for n in group) for group in groups)


def named_otherwise(kind: str, names_it: Callable[[str], bool], texts: Sequence[str]) -> bool:
    """True when some of the texts name an organisation of ``kind`` (a pattern: 银行, 法院|法庭) but ``names_it``
    finds the one asked about in none of them: "园区管委会和昆山市政府签署战略合作协议" finds the agreement with
    张家港市政府 and one with a firm."""
    naming_kind = [text for text in texts if re.search(kind, text)]
    return bool(naming_kind) and not any(names_it(text) for text in texts)


def _names(name: str, kind: str, text: str) -> bool:
    """True when ``text`` names ``name`` (a kind and the two characters before it), in full or without its
    人民 (最高法院 is 最高人民法院, 园区检察院 is 园区人民检察院); 南京大学 is not 南京航空航天大学."""
    return bool(re.search(f"{re.escape(name[: -len(kind)])}(?:人民)?{re.escape(kind)}", text))


def _cities_after(text: str, lead: re.Pattern[str], window: int) -> frozenset[str]:
    """The cities ``text`` names right after what ``lead`` finds in the ``window`` characters before them."""
    return frozenset(
        city for city, pattern in _CITIES.items()
        if any(lead.search(text[max(0, m.start() - window) : m.start()]) for m in pattern.finditer(text))
    )


@lru_cache(maxsize=4096)
def _places(text: str) -> frozenset[str]:
    """The cities ``text`` places something in: named right after 在, 从, in, from… (an event's text is read
    once, not for every question)."""
    return _cities_after(text, _PLACED, 6)


# A city as the other party of an agreement or a visit: "园区跟昆山签战略合作", "园区管委会与张家港市政府…".
_PARTNERED = re.compile(r"(?:跟|和|与|同|携手)\s*$|\b(?:with|and)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=16384)
def _partners(text: str) -> frozenset[str]:
    """The cities ``text`` names as another party ("与张家港市政府")."""
    return _cities_after(text, _PARTNERED, 10)


# A thing placed in a city ("its AI innovation center in nanjing"), not an event ("list in Hong Kong").
_THING_IN = re.compile(
    r"\b(?:cent(?:er|re)|institute|branch|office|factory|plant|lab|laboratory|campus|headquarters|hq|base|hub|school)s?\s+"
    r"(?:in|at)\s+(?:the\s+)?[A-Za-z\u4e00-\u9fff]|(?:在|位于)[\u4e00-\u9fff]{2,3}的[\u4e00-\u9fff]{0,8}(?:中心|研究院|分行|工厂|基地|校区)",
    re.I,
)


def another_partner(question: str, texts: Sequence[str]) -> bool:
    """True when the question names a city as the other party ("跟昆山签的战略合作", "with the kunshan government") and
    of ``texts`` (the events it is about) some name a city as a party ("与张家港市政府…签约") and none names that one."""
    partner = _partners(question) - {"苏州"}
    return len(partner) == 1 and any(map(_partners, texts)) and not any(partner & cities_named(t) for t in texts)


def _bracketed(text: str) -> frozenset[str]:
    """The cities ``text`` gives in brackets inside a name: 苏州 of 华为（苏州）人工智能创新中心."""
    return frozenset(city for city, pattern in _CITIES_IN_BRACKETS.items() if pattern.search(text))


# The cities known by name, in Chinese.
CITY_NAMES = frozenset(_CITIES)
_CITIES_IN_BRACKETS = {city: re.compile(rf"[（(](?:{pattern.pattern})[）)]") for city, pattern in _CITIES.items()}


def cities_named(text: str) -> frozenset[str]:
    """Every city ``text`` names, wherever it stands: 上海 in 园区金融创新（上海）中心."""
    return frozenset(city for city, pattern in _CITIES.items() if pattern.search(text))


@lru_cache(maxsize=16384)
def _stated(number: int, text: str) -> frozenset[str]:
    """The values of qualifier slot ``number`` that ``text`` states (cached: event texts recur)."""
    return frozenset(v for v, p in _QUALIFIERS[number].items() if p.search(text))


# The year an assessment or award is for ("2018年度考评", "the 2018 assessment"), and the years a text names.
_YEAR_ASKED = re.compile(
    r"((?:19|20)\d{2})\s*年?(?:度|版)|\b((?:19|20)\d{2})\s+(?:[\w\-]+\s+){0,2}?(?:assessment|evaluation|ranking|review|appraisal|awards?|rating|results?|edition|version)\b|"
    # …and the year in an event's name ("the 2021 Jinji Lake startup competition"): that year's edition.
    r"\b((?:19|20)\d{2})\s+(?:[\w\-']+\s+){0,4}?(?:competition|contest|conference|expo|forum|summit|festival|fair|finals?|"
    r"championships?|biennale|exhibition|congress|marathon|league|season|opener|games?|matche?s?|tournament)\b",
    re.I,
)
_YEAR_STATED = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


# A rank reported in a ranking ("排名第五", "位居第一", "second place"), as a number.
_CN_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10, "top": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_RANK = re.compile(
    # (Not "专列第一趟": the first train.)
    r"(?:排名|排|位居|位列|名列|列|居)第\s*([一二三四五六七八九十]|\d{1,2})(?![\d届次代批季期个家款台部架辆座例张只所项件种套条艘枚栋幢趟班列轮])|"
    r"第\s*([一二三四五六七八九十]|\d{1,2})\s*名|"
    # "评估第一", "全国第一" (not "全球第二款", "第一届", "全国第一台…机器人": the first of its kind).
    r"(?:全国|全省|全市|全球|评估|考核|评价|评比|测评|综合)第\s*([一二三四五六七八九十]|\d{1,2})"
    r"(?![\d届次代批季期个家款台部架辆座例张只所项件种套条艘枚栋幢])|"
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top)\s+(?:place|spot|position)\b|"
    r"\b(?:ranked?|ranks|ranking|came|come|comes|coming|finished|placed)\s+(?:in\s+|at\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b|"
    r"\bno\.\s*(\d{1,2})\b|\bnumber\s+(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b|"
    # "rated the 3rd best government LP", "#1 in the ranking"
    r"\b(\d{1,2})(?:st|nd|rd|th)\s+best\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+best\b|"
    r"(?<![\w#])#\s*(\d{1,2})\b(?!\s*(?:号|楼|栋|线|地块))",
    re.I,
)
# A rank overall ("overall", 综合排名第五) is not a rank in one indicator (国际化…全国第一).
_OVERALL_RANK = re.compile(r"(?:综合|总体|总)(?:排名|排|位列|位居|名列)?\s*(?:全国|全省|全市)?\s*第\s*([一二三四五六七八九十]|\d{1,2})(?!\d)")
_OVERALL_EN = re.compile(
    r"\b(?:(?:number|no\.)\s*)?(one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|\d{1,2})(?:st|nd|rd|th)?\s+(?:place\s+)?overall\b|"
    r"\boverall\s+(?:rank(?:ing)?\s+(?:of\s+)?|place\s+)?(?:(?:number|no\.)\s*)?(one|two|three|four|five|first|second|third|"
    r"fourth|fifth|\d{1,2})\b",
    re.I,
)


# The edition of a recurring event: 第五届, "the 11th expo".
_EDITION = re.compile(
    r"第\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*(?:届|次[\u4e00-\u9fff]{0,4}?会议|次全体会议)|会议\s*第\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*次|"
    r"\b(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:\(?[A-Z][\w\-]*\)?\s+){0,6}?(?:edition|session|expo|exposition|fair|forum|summit|"
    r"conference|congress|biennale|biennial|festival|meeting|week|competition|contest|games|awards?|plenary)\b|"
    # "the Biennale in 2020 was only the 3rd one": an edition said with "one" (in figures: "the first one" may be anything)
    r"\b(\d{1,3}(?:st|nd|rd|th))\s+one\b",
    re.I,
)


# Which one of a series of batches, trains or rounds: 首趟 (the first), 第二批, "the second charter train".
_RUN = re.compile(
    r"(首|头|第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3}))\s*(?:趟|批次?|班|列|架次|轮)|"
    r"\b(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:['\"‘“]?[\w\-]+['\"’”]?\s+){0,2}?['\"‘“]?(?:batch|batches|train|trains|flight|flights|round|rounds|shipment|shipments)\b|"
    r"(?<=[列班])(首)发",  # 专列首发: the first train
    re.I,
)


# Which one of its kind: 首款新药, 全球第二款, 首家外资银行, 首个养老服务中心; "the very first antigen test", "the second new drug".
_NTH_OF_KIND = re.compile(
    r"(首|第\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3}))\s*(?:款|家|个|座|所)|"
    # (Two offered: "the first or second antigen test".)
    r"\b(first|second|third|fourth|fifth)(?:\s+or\s+(first|second|third|fourth|fifth))?\s+"
    r"(?:(?!batch|shipment|round|lot)[\w\-]+\s+){0,3}?"
    r"(?:kits?|tests?|drugs?|vaccines?|medicines?|banks?|cent(?:er|re)s?|hospitals?|schools?|labs?)\b",
    re.I,
)


# Which anniversary (建团98周年, 一周年, "the 25th anniversary"): 两周年 is not the 一周年 an entry marks.
_ANNIVERSARY = re.compile(
    r"(?<![\d.])(\d{1,3}|[一二两三四五六七八九十百]{1,4})\s*周年|"
    r"\b(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+anniversary\b",
    re.I,
)


def _ordinals(pattern: re.Pattern[str], text: str) -> set[int]:
    """The ordinals ``pattern`` finds in ``text`` (第五届, "the 11th expo", 首趟), as numbers."""
    from .dates import cn_number

    found = set()
    for m in pattern.finditer(text):
        for word in (g.lstrip("第").strip() for g in m.groups() if g):
            if word in ("首", "头"):
                value = 1
            elif word[0].isdigit():
                value = int(word[:-2]) if word[-1].isalpha() else int(word)
            else:
                value = cn_number(word) or _EN_ORDINALS.get(word.lower())
            if value:
                found.add(value)
    return found


# A figure with its unit ("729米", "25亿元", "6所学校"): a claim about an amount, a height, a number of things.
_QUANTITY = re.compile(
    # (一 after a determiner counts nothing: 那一届, 这一栋, 哪一家.)
    # (Nor is 几百, 数百 or 上千 a figure, and "七千多个亿" is a sum of money, not a number of things.)
    r"(接近|将近|大约|约|近|超过|逾|多达|不到)?\s*(?<![\d.])(?<![那这哪每同某几数上好])(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(多|余)?"
    r"(万平方米|平方米|平方千米|亿元|万元|元|米|所|家|个(?![亿万])|名|项|层|栋|款|条|届|人(?![工才民大口员士物们气文事力类次均]))"
)


# "一个个", "一家家": one by one, no amount.
_ONE_BY_ONE = re.compile(r"一([个家项名所条栋])\1")


def _figure(number: str) -> float | None:
    """A number written in figures or in Chinese numerals (六百, 一千): its value."""
    from .dates import cn_number
    from .quantities import cn_figure

    if number[0].isdigit():
        return float(number)
    small = cn_number(number)
    return float(small) if small is not None else cn_figure(number)


def _figures(text: str) -> Iterator[tuple[str, float | None, bool, bool]]:
    """Each figure ``text`` gives with its unit, in Chinese or in English ("1000+ workers"): (the Chinese unit, the
    value, said roughly (接近, about), said as "more than" (多, 余, +))."""
    for about, number, more, unit in _QUANTITY.findall(_ONE_BY_ONE.sub(" ", text)):
        yield unit, _figure(number), bool(about), bool(more)
    for about, number, plus, unit in _QUANTITY_EN.findall(text):
        yield _UNITS_EN[unit.lower().rstrip("s")], float(number), bool(about), bool(plus)


def _quantities(text: str) -> dict[str, set[float]]:
    """Exact figures by unit, rounded to two significant digits; approximate ones (接近500米, 800万余元) left out."""
    found: dict[str, set[float]] = {}
    for unit, value, about, more in _figures(text):
        if value is not None and not about and not more:
            found.setdefault(unit, set()).add(float(f"{value:.2g}"))
    return found


def _at_least(text: str) -> list[tuple[str, float]]:
    """The figures ``text`` gives as "more than" (一千多名, 30余家, 1000+ workers), by unit: (unit, the figure)."""
    return [(unit, value) for unit, value, about, more in _figures(text) if value and more and not about]


# The same in English ("50 people shared the awards", "a 729-metre tower"), by the Chinese unit a text gives.
_UNITS_EN = {"people": "名", "person": "名", "talent": "名", "individual": "名", "recipient": "名", "worker": "名", "employee": "名",
             "company": "家", "companie": "家", "firm": "家", "enterprise": "家", "project": "个", "floor": "层",
             "storey": "层", "metre": "米", "meter": "米", "m": "米", "school": "所"}
_QUANTITY_EN = re.compile(
    r"\b(about|around|nearly|approximately|roughly|over|almost|some|up\s+to|more\s+than|fewer\s+than|less\s+than|"
    r"at\s+least|close\s+to)?\s*(?<![\d.])(\d+(?:\.\d+)?)(\+)?[\s\-]+(people|persons?|talents?|individuals?|recipients?|"
    r"workers?|employees?|compan(?:y|ies)|firms?|enterprises?|projects?|floors?|storeys?|metres?|meters?|m|schools?)\b",
    re.I,
)


# Which of several happened first ("which came first, A or B", "哪个先批下来"): an order in time, not a rank.
SEQUENCE_ASKED = re.compile(
    r"\b(?:which|what|who)\s+(?:one\s+|event\s+|of\s+(?:them|the\s+two)\s+)?(?:came|happened|was|went|got\s+\w+|\w+ed)\s+"
    r"(?:first|earlier|sooner|last|later)\b",
    re.I,
)


def _ranks(text: str) -> set[int]:
    found = set()
    for groups in _RANK.findall(SEQUENCE_ASKED.sub(" ", text)):
        value = next(g for g in groups if g)
        found.add(int(value) if value.isdigit() else _CN_ORDINALS.get(value) or _EN_ORDINALS[value.lower()])
    return found


# The first of its kind within a place ("国内首个获批开展临床试验的新冠DNA疫苗"): first there, as "国内第一" asks.
_FIRST_IN = re.compile(r"(?:全国|全省|全市|全球|国内|省内|世界|亚洲)(?:范围内)?首(?:个|家|款|批|台|例|张|单|票|次)")


_HONOURS = next(i for i, slot in enumerate(_QUALIFIERS) if "model" in slot)
_AWARDED = re.compile(r"(?:获评|评为|荣获|获得|授予|获颁|当选)[^，。；]{0,24}")


def _awarded(text: str) -> str:
    """What ``text`` says was won: the words after 获评, 荣获… (all of it when it says no such thing)."""
    found = _AWARDED.findall(text)
    return " ".join(found) if found else text


def _overall_ranks(text: str) -> set[int]:
    return {int(v) if v.isdigit() else _CN_ORDINALS[v] for v in _OVERALL_RANK.findall(text)}


def _overall_asked(question: str) -> set[int]:
    """The overall place a question names ("综合排名全国第一", "number one overall"), as numbers."""
    found = _overall_ranks(question)
    for groups in _OVERALL_EN.findall(question):
        value = next(g for g in groups if g)
        found.add(int(value) if value.isdigit() else _EN_ORDINALS[value.lower()])
    return found


def _unstated(asked: set, stated: list[set]) -> bool:
    """True when one value is asked and no text states it (a phase, a rank: what must be said outright)."""
    return len(asked) == 1 and not any(found & asked for found in stated)


def _only_others(asked: set, stated: list[set]) -> bool:
    """True when one value is asked and every text states some value of the same kind, but never that one."""
    return len(asked) == 1 and bool(stated) and all(found and not found & asked for found in stated)


_GUESS = re.compile(
    r"\b(?:i|my\s+[a-z]+|he|she|they|someone|somebody|people)\s+(?:think|thinks|thought|reckon|reckons|guess|guessed|"
    r"believe|believes|assume|assumes)\s+(?:that\s+)?(?:it'?s|it\s+(?:is|was)|its|they\s+(?:are|were))\b[^.?!;]*|"
    r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering)\s+(?:if|whether)\s+(?:it|they)\s+(?:is|was|are|were)\b[^.?!;]*|"
    r"(?:我|我妈|我爸|他|她|有人)?(?:记得|觉得|以为|猜|印象中)(?:好像|大概|应该|可能)?是[^，,。？?！!；;]*",
    re.I,
)
_EXAMPLES = re.compile(
    r"[(（][^()（）]*(?:\betc\b|\band\s+so\s+on\b|\band\s+the\s+like\b|\be\.g\.|\bsuch\s+as\b|\bfor\s+example\b|等|之类|比如|例如|譬如)[^()（）]*[)）]", re.I
)
_OFFERS_OTHER = re.compile(
    r"[^，,。？?！!；;]*(?:还是|或者|或是)(?:别的|其他|其它|另外的?|别处)[^，,。？?！!；;]*|"
    r"[^,.?!;]*\bor\s+(?:something\s+else|somewhere\s+else|elsewhere|some\s+other|another\s+one|what)\b[^,.?!;]*",
    re.I,
)
_CHECKS_CLAIM = re.compile(
    r"对吗|对不对|是不是|真的吗|属实|没错吧|\b(?:true|correct|right|accurate)\s*[?？]|\bis\s+(?:that|this|she|he)\s+(?:true|right|correct)\b|"
    r"\b(?:isn'?t|wasn'?t|aren'?t)\s+(?:it|they)\b",
    re.I,
)


def contradicted(question: str, texts: list[str], years: Sequence[int] = ()) -> bool:
    """True when the question asks about one value of a qualifier and the events it is about each state only
    other values of it: another phase (一期 for 二期), kind of vaccine (DNA for mRNA), approval (clinical
    trials for sale), level (省级 for 国家级), edition or assessment year (2019年 for 2018年度): they are about
    something else of the same name. A phase (of a project, of clinical trials) and a rank must be stated
    outright: an entry that names no phase does not answer 三期临床, nor one giving no place "third place"."""
    # What the asker only guesses ("my mum thinks its a japanese bank", "我记得好像是日本的") is no qualifier the
    # answer must share, unless the question asks whether the guess is right.
    if not _CHECKS_CLAIM.search(question):
        question = _GUESS.sub(" ", question)
    # Examples in brackets ("(R&D bases, plants, phase 2 etc.)", "（比如二期之类）") widen what is asked; they claim nothing.
    question = _EXAMPLES.sub(" ", question)
    # A value offered beside "or another" ("是劳模还是别的称号", "a gold medal or something else?") is asked, not claimed.
    offered = " ".join(m.group() for m in _OFFERS_OTHER.finditer(question))
    for number, slot in enumerate(_QUALIFIERS):
        if offered and any(pattern.search(offered) for pattern in slot.values()):
            continue
        asked = {value for value, pattern in slot.items() if pattern.search(question)}
        # An honour is the one the entry says was won ("在全国劳动模范和先进工作者表彰大会上…获评“全国先进工作者”"),
        # not every honour the ceremony's name lists.
        where = [_awarded(t) for t in texts] if number == _HONOURS else texts
        stated = [_stated(number, t) for t in where]
        if number == 0 and _unstated(asked, stated):
            return True
        if _only_others(asked, stated):
            return True
    # The city something took place in ("在上海哪个场馆", "from Nanjing", "in Hangzhou"), against the cities the
    # events place it in ("在苏州国际博览中心举办"); a city in a name (再鼎医药（苏州）) places nothing, unless nothing
    # else does ("华为（苏州）人工智能创新中心揭幕" is no centre in Nanjing). The park's own city is named in passing by
    # most questions, so it is never the one asked about.
    placed = _places(question) - {"苏州"}
    things_placed = _THING_IN.search(question) is not None
    if _only_others(placed, [_places(t) or (_bracketed(t) if things_placed else frozenset()) for t in texts]):
        return True
    if _swapped(question, texts) or _of_another_city(question, texts) or _another_trade(question, texts):
        return True
    # A figure the question states ("规划高度是729米，对吗") that the events give otherwise (499.15米).
    stated_figures = [_quantities(t) for t in texts]
    for unit, values in _quantities(question).items():
        if _only_others(values, [figures.get(unit, set()) for figures in stated_figures]):
            return True
    # "一千多名员工" claims at least a thousand, and fewer than twice as many: 453名 is another figure.
    for unit, floor in _at_least(question):
        values = [figures.get(unit, set()) for figures in stated_figures]
        if values and all(found and not any(floor <= v < 2 * floor for v in found) for found in values):
            return True
    ranks = _ranks(question)
    # (An entry's "国内首个…", "全球首个…" is first in the country, in the world: the rank "国内第一" asks.)
    if _unstated(ranks, [_ranks(t) | ({1} if _FIRST_IN.search(t) else set()) for t in texts]):
        return True  # a place in a ranking must be stated: "why did SIP slip to third place" finds 第五
    if _only_others(_overall_asked(question), [_overall_ranks(t) for t in texts]):
        return True  # "number one overall" against 综合排名第五 (and 国际化…全国第一, another indicator)
    for series in (_EDITION, _RUN, _NTH_OF_KIND, _ANNIVERSARY):
        # Another edition (第五届 for the sixth), another batch or train (首趟 for the second).
        if _only_others(_ordinals(series, question), [_ordinals(series, t) for t in texts]):
            return True
    asked = _YEAR_ASKED.findall(question)
    # An event named with its year ("the 2019 nanotech expo") is the edition held in the entry's year (``years``)
    # when its text names none: the eleventh expo of a 2020 entry is the 2020 one.
    named = any(c for _, _, c in asked)
    held = list(years) or [None] * len(texts)
    stated = [set(_YEAR_STATED.findall(t)) or ({str(y)} if named and y else set()) for t, y in zip(texts, held)]
    return _only_others({a or b or c for a, b, c in asked}, stated)

"""The compiled word lexicon: built at set-up, read in microseconds, rebuilt when missing, stale or damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from retrieval import lexicon
from retrieval.lexical import KeyTerms


@pytest.fixture()
def lexicon_at(tmp_path: Path):
    """Point the lexicon at a file under tmp_path for one test, then back at the shared one."""
    path = tmp_path / "models" / "lexicon.sqlite"
    lexicon.use(path)
    yield path
    lexicon.use(lexicon.DEFAULT_PATH)


def _answers_lookups() -> None:
    words = lexicon.chinese_words()
    assert "音乐节" in words and words.get("园区", 0) > 0
    assert "人想办永" not in words
    assert not lexicon.names_a_thing("拿到") and lexicon.names_a_thing("音乐节")
    # A set phrase is a thing when its last word is one (洪涝灾害), not when it is a saying (值得一提).
    assert lexicon.names_a_thing("洪涝灾害") and not lexicon.names_a_thing("值得一提")
    assert lexicon.is_english("rundown") and not lexicon.is_english("gdp")
    # jieba tags common words as people (楼宇, 道德); a name is one when its first character is a surname.
    assert not lexicon.is_proper_name("楼宇") and not lexicon.is_proper_name("道德")
    assert lexicon.is_proper_name("李显龙") and lexicon.is_proper_name("辉瑞")
    # …and verbs as other names (印发: nz): CC-CEDICT knows it only as a verb ("to print and distribute").
    assert not lexicon.is_proper_name("印发") and lexicon.is_proper_name("三星")
    assert "地铁" in lexicon.translations("subway")
    assert "城市" in lexicon.translations("cities")  # through the lemma "city"
    assert "阿里巴巴" in lexicon.translations("alibaba")  # "Alibaba, PRC e-commerce company": a name, then what it is
    assert lexicon.readings("行") == {"hang", "xing"}
    assert {"shao", "min", "lan"} <= lexicon.syllables()
    assert lexicon.log_total_count() > 10
    assert lexicon.is_proper_name("东京") and lexicon.is_proper_name("汇丰银行") and not lexicon.is_proper_name("音乐节")


def test_missing_lexicon_is_built_on_first_use_and_answers(lexicon_at: Path) -> None:
    assert not lexicon_at.exists()
    _answers_lookups()
    assert lexicon_at.exists()
    db = sqlite3.connect(lexicon_at)
    assert db.execute("SELECT count(*) FROM word").fetchone()[0] > 300_000
    db.close()


def test_garbage_file_is_detected_and_rebuilt(lexicon_at: Path) -> None:
    lexicon_at.parent.mkdir(parents=True)
    lexicon_at.write_bytes(b"not a database at all\n" * 100)
    _answers_lookups()
    assert lexicon_at.read_bytes().startswith(b"SQLite format 3")


def test_file_from_other_sources_is_rebuilt(lexicon_at: Path) -> None:
    lexicon.build(lexicon_at)
    db = sqlite3.connect(lexicon_at)
    with db:
        db.execute("UPDATE meta SET value = 'older' WHERE key = 'signature'")
        db.execute("DELETE FROM word WHERE w = '音乐节'")
    db.close()
    lexicon.use(lexicon.DEFAULT_PATH)
    lexicon.use(lexicon_at)
    _answers_lookups()  # 音乐节 is back: the stale file was rebuilt, not trusted


def test_file_damaged_after_opening_is_rebuilt_once(lexicon_at: Path) -> None:
    lexicon.build(lexicon_at)
    assert lexicon.readings("蓝") == {"lan"}
    # Cut the file in half behind the open connection: its tables' pages are gone.
    data = lexicon_at.read_bytes()
    lexicon_at.write_bytes(data[: len(data) // 2])
    lexicon.use(lexicon.DEFAULT_PATH)
    lexicon.use(lexicon_at)
    _answers_lookups()
    db = sqlite3.connect(lexicon_at)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_command_builds_once_then_reports_up_to_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lexicon.sqlite"
    assert lexicon.main(["--out", str(out)]) == 0
    assert "lexicon ready" in capsys.readouterr().out
    before = out.stat().st_mtime_ns
    assert lexicon.main(["--out", str(out)]) == 0
    assert "up to date" in capsys.readouterr().out
    assert out.stat().st_mtime_ns == before


def test_abbreviations_name_what_the_chronicle_writes_in_full() -> None:
    keys = KeyTerms(["苏州超级计算中心一期启用。", "国家血液系统疾病临床研究中心启动建设。", "园区外资企业落地。"])
    terms = {t.label: t for t in keys.extract("超算中心二期")}
    assert "超算" in terms and not terms["超算"].absent and terms["超算"].alternatives == ("超级计算",)
    blood = {t.label: t for t in keys.extract("血液病研究中心")}
    assert not blood["血液病"].absent and "血液系统疾病" in blood["血液病"].alternatives
    # Two characters far apart are no abbreviation: 园地 is not 园区外资企业落地.
    assert {t.label: t for t in keys.extract("园地")}["园地"].absent


def test_traditional_characters_have_their_simplified_form() -> None:
    table = lexicon.traditional()
    assert "園區最後什麼臺灣".translate(table) == "园区最后什么台湾"
    # Simplified characters are left alone, even one that is the traditional form of another in a few words.
    assert "苏州工业园区什么时候".translate(table) == "苏州工业园区什么时候"
    # Japanese forms, as a Japanese asker writes them (CC-CEDICT's "Japanese variant of"), read as simplified.
    assert "経済技術開発区 研発 対 薬".translate(table) == "经济技术开发区 研发 对 药"


def test_words_sharing_a_gloss_are_synonyms_also_through_either_or_glosses() -> None:
    # 夜间 is glossed "evening or night": it shares "evening" with 晚上.
    assert "夜间" in lexicon.synonyms("晚上") and "晚上" in lexicon.synonyms("夜间")
    assert "夜间" not in lexicon.synonyms("白天")


def test_a_slip_of_pinyin_input_names_the_chronicles_word() -> None:
    keys = KeyTerms(["苏州工业园区凌志软件股份有限公司在科创板上市。", "近年来园区发展迅速。"])
    terms = {t.label: t for t in keys.extract("凌志软建什么时候上市")}
    assert "软建" in terms and terms["软建"].alternatives == ("软件",) and not terms["软建"].absent
    # A word typed right is no slip: 今年 is not 近年.
    assert "今年" not in {t.label for t in keys.extract("园区今年有啥新闻") if t.alternatives == ("近年",)}


def test_two_characters_are_no_slip_for_the_end_of_one_word_and_the_start_of_the_next() -> None:
    # 新开 sounds like the 心开 of 中心开工, which is no word; 苏湘 is a slip for the 苏相 of 苏相合作区.
    keys = KeyTerms(["园区南部市民中心开工仪式举行。", "苏相合作区开发有限公司揭牌仪式举行。"])
    assert not any("心开" in t.alternatives for t in keys.extract("园区有哪些新开的中小学"))
    assert any(t.alternatives == ("苏相",) for t in keys.extract("苏湘合作区有啥进展"))


def test_a_slip_of_the_keys_in_an_english_word_is_put_right() -> None:
    keys = KeyTerms(["苏州工业园区凌志软件股份有限公司在科创板上市。"])
    assert keys.spell("Events in Suzhou Industial Park on Septmber 17?") == "Events in Suzhou Industrial Park on September 17?"
    assert keys.spell("I'm researching Innovant Biologics") == "I'm researching Innovent Biologics"  # a glossary name
    # Of two words a slip away, one written a hundred times as often is the one meant (companies, not complies).
    assert keys.spell("which compnies got vacines") == "which companies got vaccines"
    # Real English words and names nothing known is one slip from are left as they are.
    # A capital inside a word is a brand's (BioNTech is not Biotech).
    for text in ("Give me a rundown of March", "when did Deloitte open", "zanubrutinib approval", "where is it located",
                 "partnered with BioNTech"):
        assert keys.spell(text) == text
    # Short forms are written out; a word that only begins like one is left alone.
    assert keys.spell("Suzhou Intl Expo Center, a natl. high-tech zone") == "Suzhou International Expo Center, a national high-tech zone"
    assert keys.spell("Govt. of the Internet technology park") == "Government of the Internet technology park"
    assert keys.spell("how many ppl work for the govs") == "how many people work for the governments"
    assert keys.spell("the Suzhou-Xiangcheng coop zone") == "the Suzhou-Xiangcheng cooperation zone"
    # A British spelling is read as the American one the dictionary glosses; a known British word stays.
    assert keys.spell("Optimising the neighbouring parks") == "Optimizing the neighboring parks"
    assert keys.spell("the cancelled football season") == "the cancelled football season"


def test_the_glossary_lookup_finds_what_trying_every_entry_finds() -> None:
    from retrieval.lexical import load_glossary, probed

    glossary = load_glossary()
    for text in ("Which companies listed on the STAR Market?", "香港联交所上市的有哪些", "sci-tech board IPOs",
                 "Zai Lab, BeiGene and Innovent: 2020 approvals", "a", "", "hk-listed biotech firms in SIP"):
        lowered = text.lower()
        assert probed(glossary, lowered) == [e for e in glossary if e.probe in lowered]

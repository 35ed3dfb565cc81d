"""The chronicle parser: the seed's 168 events and every rule, on the seed and on made-up chronicles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.errors import ChronicleFormatError
from retrieval.parsing import clean_text, load_chronicles, parse_chronicle, parse_chronicle_file

SEED = Path(__file__).resolve().parents[1] / "data" / "chronicles" / "2020.txt"


@pytest.fixture(scope="module")
def seed() -> list:
    return parse_chronicle_file(SEED)


def by_text(events: list, needle: str):
    found = [e for e in events if needle in e.text]
    assert len(found) == 1, f"{needle!r} found in {len(found)} events"
    return found[0]


def test_seed_has_168_events_of_each_kind(seed: list) -> None:
    text = SEED.read_text(encoding="utf-8")
    further = [e for e in seed if text.split("\n")[int(e.source.split(":")[1]) - 1].lstrip().startswith("△")]
    month_level = [e for e in seed if e.day is None]
    assert len(seed) == 168
    assert len(further) == 34
    assert len(seed) - len(further) - 4 == 130  # day entries
    assert len([e for e in month_level if e not in further]) == 4


def test_ids_are_unique_and_stable(seed: list) -> None:
    assert len({e.id for e in seed}) == len(seed)
    assert [e.id for e in parse_chronicle_file(SEED)] == [e.id for e in seed]


@pytest.mark.parametrize(
    ("needle", "date", "date_end"),
    [
        ("凌志软件", "2020-05-11", None),
        ("思瑞浦", "2020-09-21", None),
        ("苏州国际商事法庭", "2020-11-26", "2020-11-27"),
        ("169个国家高新区", "2020-02", None),
        ("曲伏前列素滴眼液", "2020-06", None),  # a △ after a month-level entry
        ("苏州产业链全球合", "2020-05-18", "2020-05-19"),
        ("万物赋苏", "2020-08-14", "2020-08-16"),
        ("蔡司智能质量创新日", "2020-11-12", None),  # entry line starting with a space
    ],
)
def test_spot_checks(seed: list, needle: str, date: str, date_end: str | None) -> None:
    event = by_text(seed, needle)
    assert (event.date, event.date_end) == (date, date_end)


def test_ranges(seed: list) -> None:
    ranges = {(e.date, e.date_end) for e in seed if e.date_end}
    assert ("2020-10-28", "2020-10-30") in ranges
    assert ("2020-11-26", "2020-11-27") in ranges
    assert all(end > start for start, end in ranges)


def test_text_is_clean(seed: list) -> None:
    for event in seed:
        for bad in ("大事记", "园  鉴", "园\u2003", "△", "\n", "\ufffd", "\u2003", "\u200a"):
            assert bad not in event.text, (event.id, bad)
        assert event.text == event.text.strip()
    assert "Brilliance CT Big Bore" in by_text(seed, "飞利浦").text
    assert "APG-2575获" in by_text(seed, "亚盛医药有限公司原").text
    assert "（CLL/SLL）" in by_text(seed, "亚盛医药有限公司原").text
    assert "复发/难治" in by_text(seed, "亚盛医药有限公司原").text
    assert "（G1938）" in by_text(seed, "园区专列").text
    # The page header 大事记 sat in the middle of an entry: its two halves are joined.
    assert "中国科技金融促进会风险投资专业委员会" in by_text(seed, "中国科技金融促进会").text


def test_numbers_inside_entries_never_start_one(seed: list) -> None:
    assert by_text(seed, "2019年度推进高质量发展先进地区").date == "2020-03-05"
    assert by_text(seed, "16家潜力地标企业").date == by_text(seed, "16家潜力地标企业").date[:10]
    assert not any(e.text.startswith(("年", "家", "周年")) for e in seed)


def test_sources_point_at_entry_lines(seed: list) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for event in seed:
        name, line = event.source.split(":")
        assert name == "2020.txt"
        assert event.text[:4] in lines[int(line) - 1].replace("\u2003", "").replace(" ", "")


MADE_UP = """\
 大事记
1月

2日  园区召开大会，发布

政策30条。

△  苏州某某有限公司在上海证

券交易所科创板上市。

15—17日  第一届 Example Expo 在园区举

办，APG-

2575 项目签约。

2月

2月  园区获评全国第一。

△  又一事。（园\u2003 鉴）

 3月

 5日  一个以空格开头的条目。\ufffd
"""


def test_made_up_chronicle_covers_every_rule() -> None:
    events = parse_chronicle(MADE_UP, 2021, "2021.txt")
    assert [(e.id, e.date, e.date_end) for e in events] == [
        ("2021-01-02-1", "2021-01-02", None),
        ("2021-01-02-2", "2021-01-02", None),
        ("2021-01-15-1", "2021-01-15", "2021-01-17"),
        ("2021-02-1", "2021-02", None),
        ("2021-02-2", "2021-02", None),
        ("2021-03-05-1", "2021-03-05", None),
    ]
    assert events[0].text == "园区召开大会，发布政策30条。"
    assert events[1].text == "苏州某某有限公司在上海证券交易所科创板上市。"
    assert events[2].text == "第一届Example Expo在园区举办，APG-2575项目签约。"
    assert events[4].text == "又一事。"
    assert events[5].text == "一个以空格开头的条目。"
    assert events[3].source == "2021.txt:20"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("2日  没有月份的条目。\n", 1, "before any month header"),
        ("4月\n\n31日  四月没有三十一日。\n", 3, "does not exist"),
        ("2月\n30日  二月三十日。\n", 2, "does not exist"),
        ("5月\n19—18日  倒序的范围。\n", 2, "range"),
        ("5月\n△  没有前一个条目。\n", 2, "no dated entry"),
        ("园区召开大会。\n", 1, "before any month header"),
        ("3月\n2日  一事。\n2月\n", 3, "months must increase"),
        ("13月\n", 1, "not a month"),
        ("1月\n2日  一事。\n2月  月度条目。\n", 3, "month header missing"),
    ],
)
def test_malformed_chronicles_are_refused_with_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ChronicleFormatError) as info:
        parse_chronicle(text, 2020, "bad.txt")
    assert info.value.path == "bad.txt"
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"bad.txt:{line}: ")


def test_undecodable_bytes_name_their_line(tmp_path: Path) -> None:
    bad = tmp_path / "2020.txt"
    bad.write_bytes("1月\n\n2日  好的。\n".encode() + b"\xff\xfe broken\n")
    with pytest.raises(ChronicleFormatError) as info:
        parse_chronicle_file(bad)
    assert info.value.line == 4 and "UTF-8" in str(info.value)


def test_file_name_without_a_year_is_refused(tmp_path: Path) -> None:
    nameless = tmp_path / "chronicle.txt"
    nameless.write_text("1月\n2日  一事。\n", encoding="utf-8")
    with pytest.raises(ChronicleFormatError, match="year"):
        parse_chronicle_file(nameless)


def test_several_chronicles_one_per_year(tmp_path: Path) -> None:
    (tmp_path / "2021.txt").write_text("1月\n2日  二〇二一年的事。\n", encoding="utf-8")
    (tmp_path / "2020.txt").write_bytes(SEED.read_bytes())
    events = load_chronicles(tmp_path)
    assert len(events) == 169
    assert events[-1].id == "2021-01-02-1"
    (tmp_path / "sip-2021.txt").write_text("1月\n3日  重复的年份。\n", encoding="utf-8")
    with pytest.raises(ChronicleFormatError, match="second chronicle for 2021"):
        load_chronicles(tmp_path)


def test_clean_text_keeps_latin_spaces_only() -> None:
    assert clean_text(["Brilliance CT Big", "Bore（大孔", "径 CT）"]) == "Brilliance CT Big Bore（大孔径CT）"
    assert clean_text(["以“初心守望\u2003 文明交融”为主题"]) == "以“初心守望文明交融”为主题"


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_cli_events_json_lists_every_event() -> None:
    result = run_cli("events", "--json")
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    assert len(events) == 168
    assert set(events[0]) == {"id", "date", "date_end", "text", "source"}
    june = json.loads(run_cli("events", "--month", "6", "--json").stdout)
    assert june and all(e["date"].startswith("2020-06") for e in june)


def test_cli_refuses_a_broken_chronicle_with_file_and_line(tmp_path: Path) -> None:
    import os

    (tmp_path / "2020.txt").write_text("4月\n\n31日  不存在的日子。\n", encoding="utf-8")
    result = run_cli("events", env={**os.environ, "CHRONICLE_DATA_DIR": str(tmp_path)})
    assert result.returncode == 1
    assert "2020.txt:3" in result.stderr and "Traceback" not in result.stderr


def test_cli_info_masks_the_token() -> None:
    import os

    secret = "123456:AAExampleSecretTokenValue"
    result = run_cli("info", "--json", env={**os.environ, "TELEGRAM_BOT_TOKEN": secret})
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["event_count"] == 168
    assert info["telegram_bot_token"] == "123456:***"
    assert "AAExampleSecret" not in result.stdout + result.stderr

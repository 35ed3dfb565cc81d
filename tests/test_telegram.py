"""The Telegram bot end to end: the real Application and python-telegram-bot's whole HTTP stack against a local
fake Bot API server (tests/fake_bot_api.py), with the real engine (model + index built as `make` builds them).

Each test starts the bot in its own event loop the way ``run_polling`` does (initialize, post_init, polling,
start; then the reverse) and injects updates into the fake; assertions read what the fake received.
Run with ``-s`` to see the measured round-trip and burst times.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import socket
import statistics
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import aiohttp
import pytest

from bot import telegram_handlers as h
from bot.answer import Answer, Quote
from bot.config import Settings
from bot.engine import ChronicleEngine
from bot.telegram_app import ALLOWED_UPDATES, RedactToken, build_application
from retrieval.events import Event
from fake_bot_api import BOT_USERNAME, TOKEN, FakeBotApi, check_text, utf16_len

log = logging.getLogger(__name__)
slow = pytest.mark.slow
BOT = f"@{BOT_USERNAME}"
WRONG_TOKEN = "987654321:AAWrongTokenWrongTokenWrongToken12345"
_ids = itertools.count(10_000)


def new_id() -> int:
    """A fresh user/chat id: the engine keeps follow-up state per chat, so tests never share a chat."""
    return next(_ids)


def new_group() -> int:
    return -1_001_000_000_000 - next(_ids)


# -- fixtures -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine() -> ChronicleEngine:
    """The real engine: the converted multilingual-e5-small and the FAISS index, built here if missing."""
    from bot.engine import open_engine
    from retrieval.e5_convert import ensure_model

    settings = Settings.load(env={})
    ensure_model(progress=None)
    return open_engine(settings)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as fake:
        yield fake


@pytest.fixture(autouse=True)
def no_token_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Every test: capture all logs at DEBUG and check that no token ever appears, tracebacks included."""
    caplog.set_level(logging.DEBUG)
    yield
    formatter = logging.Formatter()
    # caplog.records would only hold this teardown's records: check the setup's and the test's own.
    for record in caplog.get_records("setup") + caplog.get_records("call"):
        text = formatter.format(record)
        for token in (TOKEN, WRONG_TOKEN):
            assert token not in text, f"token leaked in a log record of {record.name}"
            assert token.split(":", 1)[1] not in text, f"token secret leaked in a log record of {record.name}"


@contextlib.asynccontextmanager
async def running(
    api: FakeBotApi, engine: ChronicleEngine, request_timeout: float | None = None, **overrides: Any
) -> AsyncIterator[Any]:
    """The bot polling the fake, started and stopped in the order run_polling uses."""
    settings = replace(Settings(telegram_bot_token=api.token, telegram_api_base_url=api.base_url), **overrides)
    app = build_application(settings, engine, request_timeout=request_timeout)
    await app.initialize()
    await app.post_init(app)
    assert app.updater is not None
    await app.updater.start_polling(
        poll_interval=0,
        timeout=1,
        allowed_updates=ALLOWED_UPDATES,
        # As run_polling does: polling errors go to the application's error handler.
        error_callback=lambda exc: app.create_task(app.process_error(error=exc, update=None)),
    )
    await app.start()
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await app.post_shutdown(app)


def bot_messages(api: FakeBotApi, chat_id: int, after: int = 0) -> list[dict[str, Any]]:
    """Messages the bot delivered in a chat after message id ``after``."""
    return [m for m in api.sent(chat_id) if m["message_id"] > after]


async def reply_to(api: FakeBotApi, message: dict[str, Any], timeout: float = 30.0) -> dict[str, Any]:
    """The bot's first message in the chat after ``message`` (wait for it)."""
    chat_id = message["chat"]["id"]
    found = await api.wait_for(lambda: bot_messages(api, chat_id, message["message_id"]), timeout)
    return found[0]


async def settle(api: FakeBotApi, app: Any) -> None:
    """Wait until every injected update was fetched, confirmed and fully handled."""
    await api.wait_for(lambda: api.pending_updates == 0)
    for _ in range(500):
        if app.update_queue.empty() and app.update_processor.current_concurrent_updates == 0:
            break
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.1)


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """Inline keyboard of a message: callback data by button label."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


def no_refused_calls(api: FakeBotApi) -> None:
    refused = [c for c in api.calls if c.status == 400]
    assert not refused, f"the fake refused: {[(c.method, c.response) for c in refused]}"


# -- private chats --------------------------------------------------------------------------------------------


@slow
async def test_private_question_in_chinese(api: FakeBotApi, engine: ChronicleEngine) -> None:
    async with running(api, engine):
        user = new_id()
        reply = await reply_to(api, api.private_message(user, "哪些公司在科创板上市"))
    assert "凌志软件" in reply["text"]
    assert "2020年5月11日" in reply["text"]
    params = reply["params"]
    assert params["parse_mode"] == "HTML"
    assert params["link_preview_options"] == {"is_disabled": True}
    assert "reply_parameters" not in params  # private chats are not cluttered with quotes
    assert logging.getLogger("httpx").level == logging.WARNING  # httpx logs URLs, which hold the token
    no_refused_calls(api)


@slow
async def test_private_question_in_english(api: FakeBotApi, engine: ChronicleEngine) -> None:
    async with running(api, engine):
        reply = await reply_to(api, api.private_message(new_id(), "Which companies listed on the Hong Kong stock exchange?"))
    assert "matching events" in reply["text"]  # the headline follows the question's language
    assert "香港联合交易所" in reply["text"]
    assert "沛嘉医疗" in reply["text"]


@slow
async def test_start_help_about_and_unknown_command(api: FakeBotApi, engine: ChronicleEngine) -> None:
    async with running(api, engine):
        user = new_id()
        start = await reply_to(api, api.private_message(user, "/start"))
        about = await reply_to(api, api.private_message(user, "/about"))
        unknown = await reply_to(api, api.private_message(user, "/frobnicate"))
    assert "哪些公司在科创板上市" in start["text"] and "Which companies" in start["text"]
    assert BOT in start["text"]
    assert str(engine.about().event_count) in about["text"] and "multilingual-e5-small" in about["text"]
    assert "/help" in unknown["text"]
    assert api.calls_of("setMyCommands", ok=True), "the command menu is set at start-up"
    no_refused_calls(api)


# -- groups ---------------------------------------------------------------------------------------------------


@slow
async def test_group_message_not_addressed_gets_no_reply(api: FakeBotApi, engine: ChronicleEngine) -> None:
    group, user = new_group(), new_id()
    async with running(api, engine) as app:
        api.group_message(group, user, "哪些公司在科创板上市")
        api.group_message(group, user, "@someone_else 哪些公司在科创板上市")
        api.group_message(group, user, "/ask@other_bot 哪些公司在科创板上市")
        stranger = api.group_message(group, user + 1, "大家好")
        api.group_message(group, user, "我同意", reply_to=stranger)  # a reply, but not to the bot
        await settle(api, app)
        assert bot_messages(api, group) == []
        # The bot is alive and listening: an addressed message in the same group is answered.
        sentinel = api.group_message(group, user, f"{BOT} 科创板")
        reply = await reply_to(api, sentinel)
        await settle(api, app)
    assert [m["message_id"] for m in bot_messages(api, group)] == [reply["message_id"]]
    assert reply["reply_to_message"]["message_id"] == sentinel["message_id"]


@slow
async def test_group_mention_is_answered_as_a_reply(api: FakeBotApi, engine: ChronicleEngine) -> None:
    group = new_group()
    async with running(api, engine):
        question = api.group_message(group, new_id(), f"{BOT} 哪些公司在科创板上市？")
        reply = await reply_to(api, question)
    assert "凌志软件" in reply["text"]
    assert reply["params"]["reply_parameters"]["message_id"] == question["message_id"]
    assert reply["reply_to_message"]["message_id"] == question["message_id"]


@slow
async def test_group_ask_command_with_bot_name(api: FakeBotApi, engine: ChronicleEngine) -> None:
    group = new_group()
    async with running(api, engine):
        question = api.group_message(group, new_id(), f"/ask{BOT} 哪些公司在科创板上市")
        reply = await reply_to(api, question)
        bare = api.group_message(group, new_id(), "/ask")
        usage = await reply_to(api, bare)
    assert "凌志软件" in reply["text"]
    assert reply["reply_to_message"]["message_id"] == question["message_id"]
    assert "/ask" in usage["text"] and usage["reply_to_message"]["message_id"] == bare["message_id"]


@slow
async def test_reply_to_the_bot_is_a_follow_up(api: FakeBotApi, engine: ChronicleEngine) -> None:
    group, user = new_group(), new_id()
    async with running(api, engine):
        first = await reply_to(api, api.group_message(group, user, f"{BOT} 哪些公司在科创板上市"))
        follow_up = api.group_message(group, user, "那香港联合交易所呢？", reply_to=first)
        reply = await reply_to(api, follow_up)
    assert reply["reply_to_message"]["message_id"] == follow_up["message_id"]
    assert "香港联合交易所" in reply["text"] and "沛嘉医疗" in reply["text"]


# -- inline mode ----------------------------------------------------------------------------------------------


@slow
async def test_inline_query_offers_matching_events(api: FakeBotApi, engine: ChronicleEngine) -> None:
    async with running(api, engine):
        query = api.inline_query(new_id(), "科创板")
        answer = await api.wait_for(lambda: api.query_answer(query))
        empty = api.inline_query(new_id(), "   ")
        empty_answer = await api.wait_for(lambda: api.query_answer(empty))
    results = answer["results"]
    assert results and all(r["type"] == "article" for r in results)
    lingzhi = next(r for r in results if "凌志软件" in r["description"])
    assert lingzhi["title"].startswith("2020年5月11日 ")
    content = lingzhi["input_message_content"]
    assert content["parse_mode"] == "HTML" and "<b>2020年5月11日</b>" in content["message_text"]
    assert "凌志软件" in lingzhi["shown_text"]  # the fake parsed the HTML as Telegram would
    assert empty_answer["results"] == []


# -- paging ---------------------------------------------------------------------------------------------------


@slow
async def test_more_button_pages_by_editing_and_rejects_forged_data(api: FakeBotApi, engine: ChronicleEngine) -> None:
    user = new_id()
    async with running(api, engine):
        first = await reply_to(api, api.private_message(user, "/month 5"))
        first_text = first["text"]  # `first` is the fake's live copy: edits change it
        assert "1/4" in first_text
        more = buttons(first)["更多 ▸"]
        assert len(more.encode()) <= 64 and more.endswith(":1")

        pressed = api.callback_query(user, first, more)
        await api.wait_for(lambda: api.query_answer(pressed))
        page2 = api.messages[(user, first["message_id"])]
        assert "2/4" in page2["text"] and page2["text"] != first_text
        assert set(buttons(page2)) == {"◂ 上一页", "更多 ▸"}

        back = api.callback_query(user, page2, buttons(page2)["◂ 上一页"])
        await api.wait_for(lambda: api.query_answer(back))
        assert "1/4" in api.messages[(user, first["message_id"])]["text"]

        again = api.callback_query(user, first, more.rsplit(":", 1)[0] + ":0")  # the page already shown
        assert (await api.wait_for(lambda: api.query_answer(again))).get("text") is None

        key = more.split(":")[1]
        answers = {}
        for data in ["p:forged0:1", f"p:{key}:99", "rm -rf /", "p:" + "x" * 60, ""]:
            query = api.callback_query(user, first, data)
            answers[data] = await api.wait_for(lambda q=query: api.query_answer(q))
        # A button of this answer pressed in another chat is refused too.
        other = new_id()
        await reply_to(api, api.private_message(other, "/help"))
        elsewhere = api.callback_query(other, bot_messages(api, other)[0], more)
        answers["elsewhere"] = await api.wait_for(lambda: api.query_answer(elsewhere))
    assert all(a["text"] == h.EXPIRED for a in answers.values()), answers
    assert "1/4" in api.messages[(user, first["message_id"])]["text"]  # forged data changed nothing
    assert len(api.sent(user)) == 1  # paging edits, it never sends
    no_refused_calls(api)


@slow
async def test_more_command_shows_the_next_results(api: FakeBotApi, engine: ChronicleEngine) -> None:
    user = new_id()
    async with running(api, engine):
        nothing = await reply_to(api, api.private_message(user, "/more"))
        first = await reply_to(api, api.private_message(user, "疫情防控"))
        more = await reply_to(api, api.private_message(user, "/more"))
    assert nothing["text"] == h.NOTHING_ASKED
    assert "2/" in more["text"]
    first_dates = [line for line in first["text"].splitlines() if line.startswith("2020年")]
    assert first_dates and not any(line in more["text"] for line in first_dates)  # new events, not the same


# -- hostile and long input -----------------------------------------------------------------------------------


@slow
async def test_html_in_the_question_is_escaped(api: FakeBotApi, engine: ChronicleEngine) -> None:
    user, group = new_id(), new_group()
    async with running(api, engine):
        await reply_to(api, api.private_message(user, "哪些公司在科创板上市"))
        # A follow-up with markup: whatever of the question the answer echoes (its "understood as" note) is escaped.
        echoed = await reply_to(api, api.private_message(user, "那<b>香港联合交易所</b><script>alert(1)</script>呢？"))
        plain = await reply_to(api, api.private_message(new_id(), "<b>科创板</b><script>alert(1)</script>"))
        grouped = await reply_to(api, api.group_message(group, new_id(), f"{BOT} <i>科创板</i> & <tag>"))
        inline = api.inline_query(new_id(), "<b>科创板</b>&<script>")
        await api.wait_for(lambda: api.query_answer(inline))
    no_refused_calls(api)  # the fake parsed every text as Telegram would: no stray tag or bare "&"
    for reply in (echoed, plain, grouped):
        assert not any(tag in reply["html"] for tag in ("<script", "<tag", "<b>科创板", "<i>科创板", "<b>香港"))
    assert "香港联合交易所" in echoed["text"] and "凌志软件" in plain["text"] and "凌志软件" in grouped["text"]
    assert any("凌志软件" in r["description"] for r in api.query_answer(inline)["results"])


@slow
async def test_a_6000_character_question_gets_a_note_and_fits(api: FakeBotApi, engine: ChronicleEngine) -> None:
    question = "哪些公司在科创板上市？" + " 谢谢！" * 1500
    assert len(question) > 6000
    async with running(api, engine):
        reply = await reply_to(api, api.private_message(new_id(), question))
    assert "问题过长" in reply["text"] and "凌志软件" in reply["text"]
    assert all(utf16_len(m["text"]) <= 4096 for m in api.sent())
    no_refused_calls(api)


@slow
async def test_hostile_questions_each_get_one_reply(api: FakeBotApi, engine: ChronicleEngine) -> None:
    hostile = [
        "\u0000\u0001\u0007 科创板 \u001b[31m",
        "\u202e科创板\u202c\u200b\u200d\ufeff",
        "'; DROP TABLE events; --",
        "😀" * 300,
        "13月45日发生了什么",
        "What happened on February 30?",
        "x" * 100_000,
        "\u200b\u200b",
    ]
    async with running(api, engine) as app:
        asked = [api.private_message(new_id(), text) for text in hostile]
        replies = [await reply_to(api, m) for m in asked]
        await settle(api, app)
    no_refused_calls(api)
    for message in asked:
        assert len(api.sent(message["chat"]["id"])) == 1
    assert "不是有效的日期" in replies[4]["text"]
    assert replies[-1]["text"].startswith("请输入一个问题")


def test_pages_fit_telegram_even_with_huge_events() -> None:
    """Pure check of the fitting helpers: an answer of oversized events still fits 4096 characters a page."""
    events = [Event(f"2020-05-{d:02d}-1", f"2020-05-{d:02d}", None, f"第{d}条 <b>&" + "长" * 3000, "t:1") for d in range(1, 8)]
    answer = Answer("q", "最相关的记事：", [Quote(e, 1.0, ("长",)) for e in events], False)
    size = h.fitting_page_size(answer)
    assert size == 1
    huge = replace(answer, quotes=[Quote(replace(events[0], text="字" * 9000), 1.0)])
    for page in range(answer.pages(size)):
        assert utf16_len(check_text(h.fit_html(answer, page, size), "HTML")) <= 4096
    shown = check_text(h.fit_html(huge, 0, 1), "HTML")
    assert utf16_len(shown) <= 4096 and shown.endswith("…")
    assert h.parse_page_data("p:abc_-9:3") == ("abc_-9", 3)
    assert h.parse_page_data("p:abc:3:4") is None and h.parse_page_data(None) is None


def test_redact_token_masks_messages_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("tests.redact")
    logger.addFilter(RedactToken(TOKEN, "123456789:***"))
    try:
        try:
            raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
        except RuntimeError:
            logger.exception("calling %s/getMe failed", f"https://api.telegram.org/bot{TOKEN}")
    finally:
        logger.filters.clear()
    text = logging.Formatter().format(caplog.records[-1])
    assert TOKEN not in text and text.count("123456789:***") == 2


def test_sliding_window_warns_once_per_window() -> None:
    now = [0.0]
    window = h.SlidingWindow(2, 60, clock=lambda: now[0])
    assert [window.hit("u") for _ in range(4)] == [(True, False), (True, False), (False, True), (False, False)]
    now[0] = 61
    assert window.hit("u") == (True, False)
    assert h.SlidingWindow(0).hit("u") == (True, False)


# -- under load -----------------------------------------------------------------------------------------------


@slow
async def test_round_trip_time(api: FakeBotApi, engine: ChronicleEngine) -> None:
    questions = ["哪些公司在香港联合交易所上市", "疫情防控工作会议", "生物医药产业人才", "2020年6月发生了什么",
                 "What happened in March 2020?", "自贸片区", "金鸡湖", "Which banks opened branches?",
                 "人工智能", "签约仪式"]
    times = []
    async with running(api, engine):
        for question in questions:
            started = time.perf_counter()
            await reply_to(api, api.private_message(new_id(), question))
            times.append(time.perf_counter() - started)
    median = statistics.median(times) * 1000
    summary = f"round trip (question injected -> reply received), {len(times)} questions: median {median:.0f} ms, max {max(times) * 1000:.0f} ms"
    print(f"\n{summary}")
    log.info(summary)


@slow
async def test_burst_of_100_users(api: FakeBotApi, engine: ChronicleEngine) -> None:
    topics = ["科创板", "香港联合交易所", "疫情防控", "生物医药", "人工智能", "自贸片区", "金鸡湖", "签约仪式", "纳米技术",
              "复工复产", "人才政策", "集成电路", "研究院", "医院", "大学", "银行", "论坛", "峰会", "会议", "上市",
              "STAR Market", "Hong Kong listing", "biomedicine", "talent policy", "epidemic"]
    forms = ["{}", "请问{}", "关于{}的记事", "{}有哪些"]
    questions = [form.format(topic) for form in forms for topic in topics]
    assert len(set(questions)) == 100
    users = [new_id() for _ in questions]
    async with running(api, engine) as app:
        started = time.perf_counter()
        for user, question in zip(users, questions):
            api.private_message(user, question)
        await api.wait_for(lambda: all(api.sent(u) for u in users), timeout=120)
        elapsed = time.perf_counter() - started
        await settle(api, app)
    assert all(len(api.sent(u)) == 1 for u in users), "every user answered exactly once"
    no_refused_calls(api)
    summary = f"burst: 100 users asking at once, all answered in {elapsed:.2f} s ({100 / elapsed:.1f} answers/s)"
    print(f"\n{summary}")
    log.info(summary)


# -- faults ---------------------------------------------------------------------------------------------------


@slow
async def test_send_faults_are_retried_and_each_question_answered_once(api: FakeBotApi, engine: ChronicleEngine) -> None:
    users = [new_id() for _ in range(4)]
    async with running(api, engine, request_timeout=1.0):
        api.fail("sendMessage", "5xx", times=2, status=502)
        first = await reply_to(api, api.private_message(users[0], "科创板"))
        api.fail("sendMessage", "429", retry_after=1)
        started = time.perf_counter()
        await reply_to(api, api.private_message(users[1], "疫情防控"))
        assert time.perf_counter() - started >= 1.0, "RetryAfter was honoured"
        api.fail("sendMessage", "hang", hang_seconds=3)
        await reply_to(api, api.private_message(users[2], "生物医药"))
        api.fail("sendMessage", "drop")
        await reply_to(api, api.private_message(users[3], "金鸡湖"))
        await asyncio.sleep(0.3)
    assert "凌志软件" in first["text"]
    assert [len(api.sent(u)) for u in users] == [1, 1, 1, 1]
    faults = [c.fault for c in api.calls_of("sendMessage") if c.fault]
    assert faults == ["5xx", "5xx", "429", "hang", "drop"]


@slow
async def test_polling_faults_lose_no_update(api: FakeBotApi, engine: ChronicleEngine) -> None:
    users = [new_id() for _ in range(3)]
    async with running(api, engine, request_timeout=1.0) as app:
        await api.wait_for(lambda: api.calls_of("getUpdates"))
        api.fail("getUpdates", "5xx", status=500)
        api.fail("getUpdates", "drop")
        api.fail("getUpdates", "hang", hang_seconds=4)
        asked = [api.private_message(u, q) for u, q in zip(users, ["科创板", "疫情防控", "Which companies listed on the Hong Kong stock exchange?"])]
        for message in asked:
            await reply_to(api, message, timeout=30)
        await settle(api, app)
    assert [len(api.sent(u)) for u in users] == [1, 1, 1]
    assert api.pending_updates == 0
    assert [c.fault for c in api.calls_of("getUpdates") if c.fault] == ["5xx", "drop", "hang"]


@slow
async def test_handler_exception_reaches_the_error_handler(
    api: FakeBotApi, engine: ChronicleEngine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_ask = engine.ask

    def ask(question: str, chat: object = "local", k: int = 5) -> Any:
        if question == "触发一个错误":
            raise RuntimeError("injected failure")
        return real_ask(question, chat, k)

    monkeypatch.setattr(engine, "ask", ask)
    user = new_id()
    async with running(api, engine):
        friendly = await reply_to(api, api.private_message(user, "触发一个错误"))
        after = await reply_to(api, api.private_message(user, "哪些公司在科创板上市"))
    assert friendly["text"] == h.FRIENDLY_ERROR
    assert "凌志软件" in after["text"], "the bot keeps answering"
    errors = [r for r in caplog.records if r.levelno == logging.ERROR and r.name == "bot.telegram_handlers"]
    assert errors and errors[0].exc_info and "injected failure" in str(errors[0].exc_info[1])


# -- allow-list, rate limits, webhook -------------------------------------------------------------------------


@slow
async def test_allow_list_holds(api: FakeBotApi, engine: ChronicleEngine) -> None:
    allowed, stranger, group = new_id(), new_id(), new_group()
    async with running(api, engine, allowed_chats=frozenset({allowed})) as app:
        answered = await reply_to(api, api.private_message(allowed, "科创板"))
        refusal = await reply_to(api, api.private_message(stranger, "科创板"))
        api.private_message(stranger, "哪些公司在科创板上市")
        api.group_message(group, stranger, f"{BOT} 科创板")
        inline = api.inline_query(stranger, "科创板")
        await settle(api, app)
    assert "凌志软件" in answered["text"]
    assert refusal["text"] == h.NOT_ALLOWED and len(api.sent(stranger)) == 1
    assert api.sent(group) == []
    assert api.query_answer(inline)["results"] == []


@slow
async def test_rate_limit_holds_with_one_polite_line(api: FakeBotApi, engine: ChronicleEngine) -> None:
    user = new_id()
    async with running(api, engine, user_rate_per_minute=2) as app:
        for question in ["科创板", "疫情防控", "生物医药", "金鸡湖", "自贸片区"]:
            await asyncio.sleep(0.05)  # in order: one chat's questions are answered in order anyway
            api.private_message(user, question)
        await settle(api, app)
        await api.wait_for(lambda: len(api.sent(user)) >= 3)
        await settle(api, app)
    texts = [m["text"] for m in api.sent(user)]
    assert len(texts) == 3 and texts.count(h.TOO_FAST) == 1


@slow
async def test_webhook_mode_checks_the_secret_token(api: FakeBotApi, engine: ChronicleEngine) -> None:
    settings = Settings(telegram_bot_token=api.token, telegram_api_base_url=api.base_url)
    app = build_application(settings, engine)
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    user = new_id()
    async with app:
        await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="hook",
                                        webhook_url="https://bot.example.org/hook", secret_token="s3cret-Token_1")
        await app.start()
        try:
            message = api.private_message(user, "哪些公司在科创板上市")
            update = api.take_update(message)  # delivered through the webhook instead of getUpdates
            url = f"http://127.0.0.1:{port}/hook"
            async with aiohttp.ClientSession() as session:
                async with session.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as bad:
                    assert bad.status == 403
                async with session.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"}) as ok:
                    assert ok.status == 200
            reply = await reply_to(api, message)
        finally:
            await app.updater.stop()
            await app.stop()
            await app.post_shutdown(app)
    assert api.webhook["url"] == "https://bot.example.org/hook" and api.webhook["secret_token"] == "s3cret-Token_1"
    assert "凌志软件" in reply["text"] and len(api.sent(user)) == 1


# -- start-up errors (no engine needed: the token is checked before the model loads) -----------------------


def _run_cli(monkeypatch: pytest.MonkeyPatch, token: str, base_url: str) -> int:
    from bot.cli import main

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", base_url)
    return main(["telegram"])


async def test_missing_token_exits_2_with_one_line(
    api: FakeBotApi, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await asyncio.to_thread(_run_cli, monkeypatch, "", api.base_url)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "TELEGRAM_BOT_TOKEN is not set" in err
    assert api.calls == [], "nothing is sent without a token"


async def test_rejected_token_exits_2_with_one_line_and_no_token(
    api: FakeBotApi, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await asyncio.to_thread(_run_cli, monkeypatch, WRONG_TOKEN, api.base_url)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "rejected the token 987654321:***" in err
    assert WRONG_TOKEN.split(":")[1] not in err
    assert [c.method for c in api.calls] == ["getMe"] and api.calls[0].status == 401


async def test_webhook_settings_are_checked_before_anything_is_sent(
    api: FakeBotApi, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", api.token)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", api.base_url)
    plain_http = await asyncio.to_thread(main, ["telegram", "--webhook-url", "http://bot.example.org/hook"])
    bad_secret = await asyncio.to_thread(
        main, ["telegram", "--webhook-url", "https://bot.example.org/hook", "--secret-token", "no spaces!"]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert (plain_http, bad_secret) == (2, 2) and len(err) == 2
    assert "https://" in err[0] and "secret token" in err[1]
    assert api.calls == []


# -- the fake refuses what Telegram refuses -------------------------------------------------------------------


async def test_fake_refuses_what_telegram_refuses(api: FakeBotApi) -> None:
    chat = api.private_message(new_id(), "hello")["chat"]["id"]
    base = f"{api.base_url}{api.token}"

    async def post(method: str, **data: Any) -> tuple[int, dict[str, Any]]:
        form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}
        async with aiohttp.ClientSession() as session, session.post(f"{base}/{method}", data=form) as response:
            return response.status, await response.json()

    bad_html = ["<b>unclosed", "<script>x</script>", "a < b", "fish & chips", "<b>x</i>", "<br/>", "&nbsp;"]
    for text in bad_html:
        status, body = await post("sendMessage", chat_id=chat, text=text, parse_mode="HTML")
        assert status == 400 and "can't parse entities" in body["description"], text
    assert (await post("sendMessage", chat_id=chat, text="<b>ok</b> &lt;&amp;&gt; &#20013;", parse_mode="HTML"))[0] == 200
    assert (await post("sendMessage", chat_id=chat, text="x" * 4097))[1]["description"] == "Bad Request: message is too long"
    assert (await post("sendMessage", chat_id=chat, text="<b>" + "x" * 4096 + "</b>", parse_mode="HTML"))[0] == 200
    status, body = await post("sendMessage", chat_id=chat, text="hi", reply_parameters={"message_id": 999})
    assert status == 400 and body["description"] == "Bad Request: message to be replied not found"
    ok = await post("sendMessage", chat_id=chat, text="hi",
                    reply_parameters={"message_id": 999, "allow_sending_without_reply": True})
    assert ok[0] == 200
    query = api.callback_query(chat, ok[1]["result"], "p:x:1")
    assert (await post("answerCallbackQuery", callback_query_id=query))[0] == 200
    status, body = await post("answerCallbackQuery", callback_query_id=query)
    assert status == 400 and "query is too old" in body["description"]
    async with aiohttp.ClientSession() as session, session.post(f"{api.base_url}123:nope/getMe") as response:
        assert response.status == 401 and (await response.json())["description"] == "Unauthorized"
    message = api.group_message(-100123, 1, f"/ask{BOT} 科创板 @someone_x and {BOT} 😀 {BOT}")
    kinds = [(e["type"], message["text"].encode("utf-16-le")[2 * e["offset"]: 2 * (e["offset"] + e["length"])].decode("utf-16-le"))
             for e in message["entities"]]
    assert kinds == [("bot_command", f"/ask{BOT}"), ("mention", "@someone_x"), ("mention", BOT), ("mention", BOT)]

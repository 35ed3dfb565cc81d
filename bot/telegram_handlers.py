"""Telegram handlers: questions in private chats and groups, commands, inline mode, paging buttons, errors.

Wiring (which handler for which update, the Application itself) lives in :mod:`bot.telegram_app`; this module
holds what each handler does. Long-lived services (the engine, the answers kept for paging, the rate limits)
are one :class:`BotServices` object in ``application.bot_data``, opened in ``post_init`` and read through
:func:`get_services`. Answers are composed by :class:`bot.engine.ChronicleEngine` and rendered by the shared
:func:`bot.answer.render_html`; this module only fits them into Telegram's limits.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import secrets
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType, InlineQueryLimit, MessageLimit, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.answer import PAGE_SIZE, Answer, Quote, compose, is_chinese, render_html
from bot.config import Settings
from bot.engine import ChronicleEngine

log = logging.getLogger(__name__)

SERVICES_KEY = "chronicle_services"
TEXT_LIMIT = int(MessageLimit.MAX_TEXT_LENGTH)  # 4096, counted after entity parsing
INLINE_RESULTS = 20
INLINE_TITLE_CHARS = 36
MAX_ANSWERS_KEPT = 2048
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

FRIENDLY_ERROR = "抱歉，处理这条消息时出了点问题，请稍后再试。 Sorry, something went wrong with that message; please try again."
EXPIRED = "这个答案已过期，请重新提问。 This answer has expired; please ask again."
NOT_ALLOWED = "抱歉，这个机器人只为指定的聊天服务。 Sorry, this bot only serves the chats it was set up for."
TOO_FAST = "提问太快了，请稍等一分钟再问。 You are asking faster than I can answer; please wait a minute."
TEXT_ONLY = "我只能回答文字问题。 I can only answer questions sent as text."
ASK_USAGE = "用法：/ask 问题，例如 /ask 哪些公司在科创板上市？ Usage: /ask QUESTION, e.g. /ask what happened in May 2020?"
MONTH_USAGE = "用法：/month 月份（1–12），例如 /month 5。 Usage: /month N with N from 1 to 12, e.g. /month 5."
NO_MORE = "没有更多记事了。 There is nothing more to show for the last question."
NOTHING_ASKED = "还没有问题可以继续，请先提问。 Ask a question first; /more shows more results for it."
UNKNOWN_COMMAND = "我不认识这个命令，发送 /help 查看用法。 I don't know that command; send /help."

_PAGE_DATA = re.compile(r"p:([A-Za-z0-9_-]{1,16}):(\d{1,4})")
_TAG = re.compile(r"<[^>]*>")


# -- fitting answers into Telegram's limits (pure) ------------------------------------------------------------


def plain_text(html_text: str) -> str:
    """What Telegram shows of our own escaped HTML: tags removed, entities decoded."""
    return html.unescape(_TAG.sub("", html_text))


def visible_length(html_text: str) -> int:
    """Length of our own escaped HTML as Telegram counts it (UTF-16 code units, after entity parsing)."""
    return len(plain_text(html_text).encode("utf-16-le")) // 2


def fitting_page_size(answer: Answer, size: int = PAGE_SIZE, limit: int = TEXT_LIMIT) -> int:
    """The largest page size up to ``size`` whose every page fits ``limit``: whole quotes move to later pages."""
    for candidate in range(size, 1, -1):
        if all(visible_length(render_html(answer, p, candidate)) <= limit for p in range(answer.pages(candidate))):
            return candidate
    return 1


def _shorten(answer: Answer, chars: int) -> Answer:
    def cut(quote: Quote) -> Quote:
        text = quote.event.text
        return quote if len(text) <= chars else replace(quote, event=replace(quote.event, text=text[:chars] + "…"))

    return replace(answer, quotes=[cut(q) for q in answer.quotes])


def fit_html(answer: Answer, page: int, size: int, limit: int = TEXT_LIMIT) -> str:
    """``render_html`` of one page, guaranteed to fit ``limit``: an oversized event text is cut with "…"."""
    text = render_html(answer, page, size)
    chars = limit
    while visible_length(text) > limit and chars > 40:
        # Only an event longer than a whole message gets here; every other page was sized by fitting_page_size.
        chars //= 2
        text = render_html(_shorten(answer, chars), page, size)
    return text


def page_data(key: str, page: int) -> str:
    """Callback data of a paging button: small (well under Telegram's 64 bytes) and nothing but a page."""
    return f"p:{key}:{page}"


def parse_page_data(data: str | None) -> tuple[str, int] | None:
    """(answer key, page) from callback data, or None for anything we did not make."""
    match = _PAGE_DATA.fullmatch(data or "")
    return (match.group(1), int(match.group(2))) if match else None


# -- long-lived services --------------------------------------------------------------------------------------


@dataclass
class StoredAnswer:
    """An answer kept for its paging buttons: the chat it was sent to and the page size that fits."""

    answer: Answer
    chat_id: int
    size: int

    @property
    def pages(self) -> int:
        return self.answer.pages(self.size)


class AnswerStore:
    """The answers whose buttons still work: a bounded LRU keyed by short random ids (unguessable, 8 chars)."""

    def __init__(self, capacity: int = MAX_ANSWERS_KEPT) -> None:
        self.capacity = capacity
        self._items: OrderedDict[str, StoredAnswer] = OrderedDict()

    def put(self, stored: StoredAnswer) -> str:
        key = secrets.token_urlsafe(6)
        while key in self._items:
            key = secrets.token_urlsafe(6)
        self._items[key] = stored
        if len(self._items) > self.capacity:
            self._items.popitem(last=False)
        return key

    def get(self, key: str) -> StoredAnswer | None:
        stored = self._items.get(key)
        if stored is not None:
            self._items.move_to_end(key)
        return stored

    def __len__(self) -> int:
        return len(self._items)


class SlidingWindow:
    """At most ``limit`` hits per ``window`` seconds per key (``limit`` <= 0: no limit); keys kept bounded."""

    def __init__(
        self, limit: int, window: float = 60.0, max_keys: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.max_keys, self.clock = limit, window, max_keys, clock
        self._hits: OrderedDict[Hashable, deque[float]] = OrderedDict()
        self._warned: dict[Hashable, float] = {}

    def hit(self, key: Hashable) -> tuple[bool, bool]:
        """Count one hit; returns (allowed, warn): ``warn`` is True on the first refusal of a window only."""
        if self.limit <= 0:
            return True, False
        now = self.clock()
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = deque()
            if len(self._hits) > self.max_keys:
                old, _ = self._hits.popitem(last=False)
                self._warned.pop(old, None)
        self._hits.move_to_end(key)
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) < self.limit:
            hits.append(now)
            return True, False
        # One polite line per window, then silence: the bot must not flood a chat with refusals.
        if self._warned.get(key, float("-inf")) > now:
            return False, False
        self._warned[key] = hits[0] + self.window
        return False, True


@dataclass
class BotServices:
    """Everything the handlers share, stored once in ``bot_data`` (see :func:`get_services`)."""

    engine: ChronicleEngine
    settings: Settings
    answers: AnswerStore = field(default_factory=AnswerStore)
    user_limit: SlidingWindow = field(default_factory=lambda: SlidingWindow(0))
    group_limit: SlidingWindow = field(default_factory=lambda: SlidingWindow(0))
    # The engine's page of each chat's last answer, mirrored so that /more knows which page it returned.
    engine_pages: OrderedDict[int, int] = field(default_factory=OrderedDict)
    refused: OrderedDict[int, None] = field(default_factory=OrderedDict)
    questions: int = 0
    _locks: weakref.WeakValueDictionary[int, asyncio.Lock] = field(
        default_factory=weakref.WeakValueDictionary, init=False, repr=False
    )

    @classmethod
    def open(cls, engine: ChronicleEngine, settings: Settings) -> BotServices:
        return cls(
            engine,
            settings,
            user_limit=SlidingWindow(settings.user_rate_per_minute),
            group_limit=SlidingWindow(settings.group_rate_per_minute),
        )

    def chat_lock(self, chat_id: int) -> asyncio.Lock:
        """One lock per chat: a chat's questions run in order (follow-ups), different chats concurrently."""
        lock = self._locks.get(chat_id)
        if lock is None:
            lock = self._locks[chat_id] = asyncio.Lock()
        return lock

    def set_engine_page(self, chat_id: int, page: int) -> None:
        self.engine_pages[chat_id] = page
        self.engine_pages.move_to_end(chat_id)
        if len(self.engine_pages) > MAX_ANSWERS_KEPT:
            self.engine_pages.popitem(last=False)

    def first_refusal(self, chat_id: int) -> bool:
        """True the first time a chat outside the allow-list writes (it gets one polite line, then silence)."""
        if chat_id in self.refused:
            return False
        self.refused[chat_id] = None
        if len(self.refused) > MAX_ANSWERS_KEPT:
            self.refused.popitem(last=False)
        return True


def get_services(context: ContextTypes.DEFAULT_TYPE) -> BotServices:
    """The services opened in post_init; a clear error if a handler runs before them."""
    services = context.bot_data.get(SERVICES_KEY)
    if not isinstance(services, BotServices):
        raise RuntimeError("the bot's services are not open: post_init has not run")
    return services


# -- sending -------------------------------------------------------------------------------------------------


def _keyboard(key: str | None, page: int, pages: int, chinese: bool) -> InlineKeyboardMarkup | None:
    if key is None or pages <= 1:
        return None
    buttons = []
    if page > 0:
        buttons.append(InlineKeyboardButton("◂ 上一页" if chinese else "◂ Back", callback_data=page_data(key, page - 1)))
    if page + 1 < pages:
        buttons.append(InlineKeyboardButton("更多 ▸" if chinese else "More ▸", callback_data=page_data(key, page + 1)))
    return InlineKeyboardMarkup([buttons])


def _in_group(message: Message) -> bool:
    return message.chat.type != ChatType.PRIVATE


async def _reply(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
    """Reply in the message's chat; in groups as a reply to it (sent anyway if it was deleted meanwhile)."""
    group = _in_group(message)
    return await message.reply_text(
        text,
        parse_mode=ParseMode.HTML,
        link_preview_options=NO_PREVIEW,
        reply_markup=markup,
        do_quote=group,
        allow_sending_without_reply=True if group else None,
    )


async def _reply_plain(message: Message, text: str) -> Message:
    return await _reply(message, html.escape(text))


async def send_answer(message: Message, services: BotServices, answer: Answer, page: int = 0, size: int | None = None) -> None:
    """Send one page of an answer; with paging buttons when it has more pages."""
    size = size or fitting_page_size(answer)
    stored = StoredAnswer(answer, message.chat.id, size)
    key = services.answers.put(stored) if stored.pages > 1 else None
    await _reply(message, fit_html(answer, page, size), _keyboard(key, page, stored.pages, answer.chinese))


def _within_limits(services: BotServices, message: Message) -> tuple[bool, bool]:
    """(allowed, warn) for one question: the user's limit, and the group's in a group."""
    user_id = message.from_user.id if message.from_user else message.chat.id
    allowed, warn = services.user_limit.hit(("user", user_id))
    if allowed and _in_group(message):
        allowed, warn = services.group_limit.hit(("group", message.chat.id))
    return allowed, warn


async def answer_question(message: Message, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Answer ``question`` in the message's chat: rate limits, retrieval off the event loop, one reply."""
    services = get_services(context)
    allowed, warn = _within_limits(services, message)
    if not allowed:
        log.info("chat %s: over the rate limit, question dropped", message.chat.id)
        if warn:
            await _reply_plain(message, TOO_FAST)
        return
    chat_id = message.chat.id
    started = time.perf_counter()
    async with services.chat_lock(chat_id):
        # Retrieval embeds the question (CPU-bound): a worker thread, so other chats keep being answered.
        answer = await asyncio.to_thread(services.engine.ask, question, chat_id)
        services.set_engine_page(chat_id, 0)
    services.questions += 1
    log.info(
        "chat %s (%s): %d chars asked, %d events quoted, %.0f ms",
        chat_id, message.chat.type, len(question), answer.total, (time.perf_counter() - started) * 1000,
    )
    await send_answer(message, services, answer)


# -- commands and messages -----------------------------------------------------------------------------------


def help_text(username: str) -> str:
    """The /start and /help text, in Chinese and English, with examples."""
    bot = html.escape(f"@{username}")
    return "\n".join([
        "<b>大事记问答 · Chronicle Q&amp;A</b>",
        "我回答关于大事记的问题，只引用带日期的原文记事。",
        "I answer questions about the chronicles (大事记) by quoting their dated events.",
        "",
        "<b>例如 Examples</b>",
        "• 哪些公司在科创板上市？",
        "• 2020年3月发生了什么？",
        "• 那4月呢？ <i>(follow-up · 追问)</i>",
        "• Which companies listed on the Hong Kong stock exchange?",
        "• What happened in May 2020?",
        "",
        "<b>命令 Commands</b>",
        "/ask 问题 question · /month 5 · /more · /about · /help",
        "",
        f"群组里：@提及我（{bot}）、用 /ask 或回复我的消息。",
        f"In groups: mention me ({bot}), use /ask, or reply to one of my messages.",
        f"内联 Inline: type <code>{bot} 科创板</code> in any chat.",
    ])


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet the user with what the bot does and examples."""
    if update.effective_message:
        await _reply(update.effective_message, help_text(context.bot.username))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Explain the bot with examples in Chinese and English."""
    if update.effective_message:
        await _reply(update.effective_message, help_text(context.bot.username))


async def ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask QUESTION (also /ask@botname in groups)."""
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        await _reply_plain(message, ASK_USAGE)
        return
    await answer_question(message, context, question)


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a private chat any text is a question."""
    message = update.effective_message
    if message is not None and message.text is not None:
        await answer_question(message, context, message.text)


async def private_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos and the like in a private chat: say that questions are text."""
    if update.effective_message:
        await _reply_plain(update.effective_message, TEXT_ONLY)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not have (private chats only): point to /help."""
    if update.effective_message:
        await _reply_plain(update.effective_message, UNKNOWN_COMMAND)


def addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question of a group message that addresses the bot (mention or reply to it), else None."""
    text = message.text or ""
    mentioned = False
    for entity, value in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if (entity.type == MessageEntity.MENTION and value.lower() == f"@{username}".lower()) or (
            entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id
        ):
            mentioned = True
            text = text.replace(value, " ")
    replied = message.reply_to_message
    to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
    if not (mentioned or to_bot):
        return None
    return " ".join(text.split())


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a group, answer only a message that mentions the bot or replies to one of its messages."""
    message = update.effective_message
    if message is None:
        return
    question = addressed_question(message, context.bot.username, context.bot.id)
    if question is None:
        return
    if not question:
        await _reply_plain(message, ASK_USAGE)
        return
    await answer_question(message, context, question)


async def month_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/month N: every event of month N, paged."""
    message = update.effective_message
    if message is None:
        return
    args = context.args or []
    raw = args[0].removesuffix("月") if len(args) == 1 else ""
    month = int(raw) if raw.isdecimal() and len(raw) <= 2 else 0
    if not 1 <= month <= 12:
        await _reply_plain(message, MONTH_USAGE)
        return
    services = get_services(context)
    allowed, warn = _within_limits(services, message)
    if not allowed:
        if warn:
            await _reply_plain(message, TOO_FAST)
        return
    async with services.chat_lock(message.chat.id):
        answer = await asyncio.to_thread(services.engine.month, month, message.chat.id)
        services.set_engine_page(message.chat.id, 0)
    await send_answer(message, services, answer)


async def more_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/more: the next results of the chat's last question (the engine widens the search when needed)."""
    message = update.effective_message
    if message is None:
        return
    services = get_services(context)
    chat_id = message.chat.id
    if chat_id not in services.engine_pages:
        await _reply_plain(message, NOTHING_ASKED)
        return
    allowed, warn = _within_limits(services, message)
    if not allowed:
        if warn:
            await _reply_plain(message, TOO_FAST)
        return
    async with services.chat_lock(chat_id):
        answer = await asyncio.to_thread(services.engine.more, chat_id)
        page = services.engine_pages.get(chat_id, 0) + 1
        if answer is not None:
            services.set_engine_page(chat_id, page)
    if answer is None:
        await _reply_plain(message, NO_MORE)
        return
    await send_answer(message, services, answer, page=page, size=services.engine.page_size)


async def about_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/about: which chronicles, how many events, the date range and the model."""
    message = update.effective_message
    if message is None:
        return
    about = get_services(context).engine.about()
    e = html.escape
    lines = [
        "<b>大事记问答 · Chronicle Q&amp;A</b>",
        f"大事记 Chronicles: {e('、'.join(about.chronicles) or '—')}",
        f"记事 Events: {about.event_count}",
        f"日期 Dates: {e(about.first_date)} — {e(about.last_date)}",
        f"模型 Model: {e(about.model)}" + (f" ({e(about.index_type)})" if about.index_type else ""),
        "回答只引用原文记事，不作编造。 Answers only quote the chronicles.",
    ]
    await _reply(message, "\n".join(lines))


# -- inline mode and buttons ---------------------------------------------------------------------------------


def _inline_article(question: str, quote: Quote) -> InlineQueryResultArticle:
    event = quote.event
    zh = is_chinese(question)
    words = event.text if len(event.text) <= INLINE_TITLE_CHARS else event.text[:INLINE_TITLE_CHARS] + "…"
    single = Answer(question, "大事记" if zh else "From the chronicle", [quote], False, chinese=zh)
    return InlineQueryResultArticle(
        id=event.id[:64],
        title=f"{quote.date} {words}",
        description=event.text[:200],
        input_message_content=InputTextMessageContent(
            fit_html(single, 0, 1), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
        ),
    )


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """``@botname 科创板`` in any chat: one article per matching event, the quoted event as the message."""
    query = update.inline_query
    if query is None:
        return
    text = query.query.strip()
    services = get_services(context)
    if not text:
        await query.answer([], cache_time=300)
        return
    allowed, _ = services.user_limit.hit(("user", query.from_user.id))
    if not allowed:
        await query.answer([], cache_time=5, is_personal=True)
        return
    result = await asyncio.to_thread(services.engine.search, text, 10)
    articles: list[InlineQueryResultArticle] = []
    if not result.no_match:
        answer = compose(result, shown_question=text)
        seen: set[str] = set()
        for quote in answer.quotes[: min(INLINE_RESULTS, InlineQueryLimit.RESULTS)]:
            if quote.event.id not in seen:
                seen.add(quote.event.id)
                articles.append(_inline_article(text, quote))
    log.info("inline query: %d chars, %d results", len(text), len(articles))
    await query.answer(articles, cache_time=60)


async def page_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A paging button (More ▸ / ◂ Back): edit the message to another page; anything else gets a polite no."""
    query = update.callback_query
    if query is None:
        return
    services = get_services(context)
    parsed = parse_page_data(query.data)
    stored = services.answers.get(parsed[0]) if parsed else None
    message = query.message if isinstance(query.message, Message) else None
    if (
        parsed is None
        or stored is None
        or message is None
        or stored.chat_id != message.chat.id
        or not 0 <= parsed[1] < stored.pages
    ):
        log.info("callback with unknown or stale data from user %s", query.from_user.id)
        await _answer_callback(query, EXPIRED)
        return
    key, page = parsed
    text = fit_html(stored.answer, page, stored.size)
    if plain_text(text) == message.text:
        # A double tap asks for the page already shown: nothing to edit (Telegram would refuse it).
        await _answer_callback(query, None)
        return
    try:
        await query.edit_message_text(
            text,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=_keyboard(key, page, stored.pages, stored.answer.chinese),
        )
    except BadRequest as exc:
        # Two taps racing each other: the second edit changes nothing, nothing is wrong.
        if "not modified" not in exc.message.lower():
            raise
    await _answer_callback(query, None)


async def _answer_callback(query: CallbackQuery, text: str | None) -> None:
    try:
        await query.answer(text)
    except BadRequest as exc:
        # "query is too old": the user waited too long or tapped twice; there is no one left to tell.
        log.info("callback answer refused: %s", exc.message)


# -- gate and errors -----------------------------------------------------------------------------------------


async def allow_list_gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before every handler: chats outside TELEGRAM_ALLOWED_CHATS get one polite refusal, then silence."""
    services = get_services(context)
    allowed = services.settings.allowed_chats
    if not allowed:
        return
    chat = update.effective_chat
    user = update.effective_user
    # An inline query has no chat: the user's own id (their private chat) decides.
    chat_id = chat.id if chat else (user.id if user else None)
    if chat_id in allowed:
        return
    if update.inline_query:
        await update.inline_query.answer([], cache_time=300, is_personal=True)
    elif update.callback_query:
        await _answer_callback(update.callback_query, NOT_ALLOWED)
    elif chat is not None and chat.type == ChatType.PRIVATE and update.effective_message:
        if services.first_refusal(chat.id):
            await _reply_plain(update.effective_message, NOT_ALLOWED)
    log.info("update from chat %s ignored: not in TELEGRAM_ALLOWED_CHATS", chat_id)
    raise ApplicationHandlerStop


async def error_handler(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error with its traceback and tell the user one friendly sentence."""
    error = context.error
    if update is None and isinstance(error, NetworkError | RetryAfter):
        # Fetching updates failed; python-telegram-bot retries with backoff and no update is lost.
        log.warning("polling failed, retrying: %s", error)
        return
    if isinstance(error, Forbidden):
        log.warning("cannot write to a chat (blocked or removed): %s", error)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query:
            await update.callback_query.answer(FRIENDLY_ERROR)
        elif update.effective_message and update.effective_chat and not update.inline_query:
            await _reply_plain(update.effective_message, FRIENDLY_ERROR)
    except TelegramError as exc:
        log.warning("could not tell the user about the error: %s", exc)

"""The Telegram bot's wiring: ``build_application`` and ``run_telegram`` (the `chronicle telegram` command).

Handlers live in :mod:`bot.telegram_handlers`; this module builds the python-telegram-bot Application around
them: the Bot API address (a local server or our tests' fake via TELEGRAM_API_BASE_URL), HTML parse mode
without link previews, a bound on concurrently processed updates, Telegram's flood limits (AIORateLimiter,
RetryAfter honoured) plus retries with backoff for transient network failures, and the services the handlers
share, opened in ``post_init`` and closed in ``post_shutdown``. Only these two modules import ``telegram``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import sys
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import urlparse

from telegram import Bot, BotCommand, LinkPreviewOptions, Update, User
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import telegram_handlers as h
from bot.config import Settings
from bot.engine import ChronicleEngine

log = logging.getLogger(__name__)

# Enough to keep the CPU busy and the flood limiter fed; retrieval itself runs in worker threads.
CONCURRENT_UPDATES = 32
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
COMMANDS = [
    BotCommand("ask", "提问 Ask a question"),
    BotCommand("month", "某月的全部记事 Every event of a month"),
    BotCommand("more", "更多结果 More results"),
    BotCommand("about", "大事记与模型 About the chronicles"),
    BotCommand("help", "用法与例子 How to ask"),
]
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
Callback = Callable[..., Coroutine[Any, Any, Any]]


class RetryingRateLimiter(AIORateLimiter):
    """Telegram's flood limits (AIORateLimiter, RetryAfter waited out) plus retries of transient failures.

    A 5xx answer, a timeout or a dropped connection is retried with exponential backoff, so an answer is not
    lost to a hiccup. A 400 (BadRequest) is never retried: the request itself is wrong. The one risk is a
    timeout after Telegram did deliver the message; Telegram gives no way to tell, and a rare duplicate
    beats a lost answer.
    """

    def __init__(self, network_retries: int = 4, backoff: float = 0.5, max_retries: int = 3, **kwargs: Any) -> None:
        super().__init__(max_retries=max_retries, **kwargs)
        self.network_retries = network_retries
        self.backoff = backoff

    async def process_request(
        self,
        callback: Callback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        delay = self.backoff
        for attempt in range(self.network_retries + 1):
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise
            except NetworkError as exc:  # includes TimedOut and every 5xx
                if attempt == self.network_retries:
                    raise
                log.warning("%s failed (%s); retry %d of %d in %.1f s", endpoint, exc.message, attempt + 1,
                            self.network_retries, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 8.0)
        raise AssertionError("unreachable")


def file_url(base_url: str) -> str:
    """The file download base for a Bot API base URL (``…/bot`` → ``…/file/bot``)."""
    root = base_url.rstrip("/")
    return (root[: -len("/bot")] if root.endswith("/bot") else root) + "/file/bot"


class RedactToken(logging.Filter):
    """Replace the token in every log record (message and traceback) by its masked form: belt and braces."""

    def __init__(self, token: str, masked: str) -> None:
        super().__init__()
        self.token, self.masked = token, masked

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, self.masked), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, self.masked)
        return True


def quiet_http_logs() -> None:
    """httpx logs every URL at INFO, and Telegram URLs contain the token."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


# Loggers known to write Bot API URLs: python-telegram-bot's Bot logs "Set Bot API URL: …/bot<token>" at DEBUG.
_URL_LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot", "httpx", "httpcore")


def redact_token_in_logs(settings: Settings) -> None:
    """Mask the token in whatever the loggers that know it write, whatever LOG_LEVEL is."""
    for name in _URL_LOGGERS:
        logger = logging.getLogger(name)
        if settings.telegram_bot_token and not any(
            isinstance(f, RedactToken) and f.token == settings.telegram_bot_token for f in logger.filters
        ):
            logger.addFilter(RedactToken(settings.telegram_bot_token, settings.masked_token))


def build_application(
    settings: Settings,
    engine: ChronicleEngine,
    *,
    concurrency: int = CONCURRENT_UPDATES,
    request_timeout: float | None = None,
) -> Application:
    """The bot: every handler wired, services opened in post_init; run it with run_polling or run_webhook.

    ``request_timeout`` (seconds) overrides python-telegram-bot's connect/read/write timeouts (5 s).
    """
    quiet_http_logs()
    redact_token_in_logs(settings)  # before build(): the Bot logs its URL when it is created

    async def post_init(application: Application) -> None:
        services = h.BotServices.open(engine, settings)
        application.bot_data[h.SERVICES_KEY] = services
        try:
            await application.bot.set_my_commands(COMMANDS)
        except TelegramError as exc:  # a missing command menu must not stop the bot
            log.warning("could not set the command menu: %s", exc)
        log.info(
            "bot @%s ready: %d events, %d updates at a time, allow-list %s, %d questions/min per user",
            application.bot.username, len(engine.retriever.events), concurrency,
            sorted(settings.allowed_chats) or "off", settings.user_rate_per_minute,
        )

    async def post_shutdown(application: Application) -> None:
        services = application.bot_data.pop(h.SERVICES_KEY, None)
        if isinstance(services, h.BotServices):
            log.info("bot stopped after %d questions", services.questions)

    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_base_url)
        .base_file_url(file_url(settings.telegram_api_base_url))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .concurrent_updates(concurrency)
        .rate_limiter(RetryingRateLimiter())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if request_timeout is not None:
        for name in ("connect_timeout", "read_timeout", "write_timeout"):
            getattr(builder, name)(request_timeout)
            getattr(builder, f"get_updates_{name}")(request_timeout)
    application = builder.build()

    application.add_handler(TypeHandler(Update, h.allow_list_gate), group=-1)
    new = filters.UpdateType.MESSAGE  # edits of old messages are not new questions
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    application.add_handlers([
        CommandHandler("start", h.start, filters=new),
        CommandHandler("help", h.help_command, filters=new),
        CommandHandler("ask", h.ask_command, filters=new),
        CommandHandler("month", h.month_command, filters=new),
        CommandHandler("more", h.more_command, filters=new),
        CommandHandler("about", h.about_command, filters=new),
        MessageHandler(new & private & filters.COMMAND, h.unknown_command),
        MessageHandler(new & private & filters.TEXT, h.private_text),
        MessageHandler(new & private & ~filters.TEXT, h.private_other),
        MessageHandler(new & groups & filters.TEXT & ~filters.COMMAND, h.group_text),
        InlineQueryHandler(h.inline_query),
        CallbackQueryHandler(h.page_button),
    ])
    application.add_error_handler(h.error_handler)
    return application


async def check_token(settings: Settings) -> User:
    """getMe with the configured token: the bot's user, or InvalidToken / NetworkError."""
    bot = Bot(settings.telegram_bot_token, base_url=settings.telegram_api_base_url,
              base_file_url=file_url(settings.telegram_api_base_url))
    async with bot:
        return bot.bot


def _fail(message: str, code: int) -> int:
    print(f"chronicle telegram: {message}", file=sys.stderr)
    return code


def run_telegram(settings: Settings, args: argparse.Namespace) -> int:
    """Run the bot until interrupted (long polling, or a webhook with --webhook-url); returns the exit code.

    A missing or rejected token is one line on stderr and exit code 2, before the model is loaded.
    """
    token = settings.telegram_bot_token
    if not token:
        return _fail("TELEGRAM_BOT_TOKEN is not set; put the token from @BotFather in the environment or .env", 2)
    quiet_http_logs()
    redact_token_in_logs(settings)
    # Every other record too (a library's traceback quoting a URL): filters on the root handlers see them all.
    redact = RedactToken(token, settings.masked_token)
    handlers = list(logging.getLogger().handlers)
    for handler in handlers:
        handler.addFilter(redact)
    try:
        return _run(settings, args)
    finally:
        for handler in handlers:
            handler.removeFilter(redact)


def _run(settings: Settings, args: argparse.Namespace) -> int:
    token = settings.telegram_bot_token
    webhook_url = getattr(args, "webhook_url", None)
    secret = getattr(args, "secret_token", None) or settings.webhook_secret or None
    if webhook_url:
        if urlparse(webhook_url).scheme != "https":
            return _fail(f"--webhook-url must be an https:// URL (Telegram only posts to HTTPS), not {webhook_url!r}", 2)
        if secret is not None and not _SECRET.fullmatch(secret):
            return _fail("the webhook secret token may only hold 1-256 characters A-Z, a-z, 0-9, _ and -", 2)

    host = urlparse(settings.telegram_api_base_url).netloc or settings.telegram_api_base_url
    try:
        me = asyncio.run(check_token(settings))
    except InvalidToken:
        # The exception's own message quotes the token: never print it.
        return _fail(f"the Bot API at {host} rejected the token {settings.masked_token} (getMe: Unauthorized); "
                     "check TELEGRAM_BOT_TOKEN", 2)
    except TelegramError as exc:
        return _fail(f"cannot reach the Bot API at {host}: {str(exc).replace(token, settings.masked_token)}", 1)
    print(f"chronicle telegram: logged in as @{me.username}; loading the model and the index", file=sys.stderr)

    from bot.engine import open_engine

    # Questions are embedded concurrently in worker threads: CHRONICLE_TORCH_THREADS=1 (the default) keeps
    # them from fighting over the cores (measured: docs/performance.md).
    engine = open_engine(settings, progress=lambda message: print(message, file=sys.stderr, flush=True))
    application = build_application(settings, engine)
    try:
        if webhook_url:
            print(f"chronicle telegram: webhook {webhook_url}, listening on {args.listen}:{args.port}", file=sys.stderr)
            application.run_webhook(
                listen=args.listen,
                port=args.port,
                url_path=urlparse(webhook_url).path.lstrip("/"),
                webhook_url=webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            print("chronicle telegram: long polling; Ctrl-C stops", file=sys.stderr)
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        return _fail(f"the Bot API at {host} rejected the token {settings.masked_token}; check TELEGRAM_BOT_TOKEN", 2)
    return 0

"""A small fake Telegram Bot API server for tests: the real python-telegram-bot stack talks to it via base_url.

It serves ``/bot{token}/{method}`` on 127.0.0.1 (a random port), decodes what PTB posts (form-encoded bodies
whose nested values are JSON strings, or a JSON body) and behaves like Telegram's server where our bot can
tell the difference:

- it adds the ``bot_command`` and ``mention`` entities (UTF-16 offsets) to injected messages, as Telegram does;
- ``getUpdates`` honours ``offset`` (an update is forgotten only once a later offset confirms it) and holds
  the long poll until an update arrives or ``timeout`` runs out;
- it refuses what Telegram refuses: bad HTML in parse mode HTML, texts over 4096 characters after entity
  parsing, a reply to a missing message, an edit that changes nothing, a callback or inline query answered
  twice, an unknown token (401 on every method);
- faults can be injected for the next N calls of a method: 5xx, 429 with ``retry_after``, a hang (the client
  times out) or a dropped connection.

Every call is recorded (:attr:`FakeBotApi.calls`) and tests wait on conditions with :meth:`FakeBotApi.wait_for`.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Literal

from aiohttp import web

TOKEN = "123456789:AAH-fake-token-for-tests-0123456789abcde"
BOT_USERNAME = "chronicle_test_bot"
TEXT_LIMIT = 4096
CALLBACK_TEXT_LIMIT = 200
ALLOWED_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "a", "tg-spoiler", "span",
     "blockquote", "tg-emoji"}
)
# Values PTB sends that are text and must never go through json.loads ("2020" must stay a string).
_STRING_KEYS = frozenset(
    {"text", "caption", "parse_mode", "callback_query_id", "inline_query_id", "url", "secret_token", "next_offset",
     "action", "inline_message_id", "language_code", "description", "short_description", "name", "ip_address"}
)
_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_MENTION = re.compile(r"(?<![\w@/])@[A-Za-z][A-Za-z0-9_]{4,31}\b")
_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"

FaultKind = Literal["5xx", "429", "hang", "drop"]


class ApiError(Exception):
    """What the fake answers instead of a result: Telegram's error object."""

    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: how Telegram measures offsets and lengths."""
    return len(text.encode("utf-16-le")) // 2


class _TelegramHTML(HTMLParser):
    """Parse text in parse mode HTML as strictly as Telegram; raise ApiError on anything it refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    @staticmethod
    def _refuse(detail: str) -> ApiError:
        return ApiError(400, f"Bad Request: can't parse entities: {detail}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS or (tag == "span" and ("class", "tg-spoiler") not in attrs):
            raise self._refuse(f'Unsupported start tag "{tag}"')
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise self._refuse(f'Unsupported start tag "{tag}/"')

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise self._refuse(f'Unmatched end tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data:
            raise self._refuse("Unsupported start tag")
        if "&" in data:
            raise self._refuse("Character entity expected")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in {"lt", "gt", "amp", "quot"}:
            raise self._refuse(f'Unsupported HTML entity "&{name};"')
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        try:
            self.text.append(chr(int(name[1:], 16) if name[:1] in "xX" else int(name)))
        except (ValueError, OverflowError):
            raise self._refuse(f'Wrong character reference "&#{name};"') from None

    def handle_comment(self, data: str) -> None:
        raise self._refuse("Unsupported comment")

    def handle_decl(self, decl: str) -> None:
        raise self._refuse("Unsupported declaration")

    def handle_pi(self, data: str) -> None:
        raise self._refuse("Unsupported processing instruction")

    def unknown_decl(self, data: str) -> None:
        raise self._refuse("Unsupported declaration")


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text a user sees: entities parsed as Telegram does; ApiError when Telegram would refuse it."""
    if (parse_mode or "").upper() != "HTML":
        return text
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.rawdata:  # an unterminated tag such as "<b" is left unparsed
        raise _TelegramHTML._refuse("Unclosed start tag")
    if parser.stack:
        raise _TelegramHTML._refuse(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    return "".join(parser.text)


def check_text(text: Any, parse_mode: str | None) -> str:
    """Validate a message text as Telegram does and return what the user would see."""
    if not isinstance(text, str):
        raise ApiError(400, "Bad Request: message text is empty")
    shown = visible_text(text, parse_mode)
    if not shown.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_len(shown) > TEXT_LIMIT:
        raise ApiError(400, "Bad Request: message is too long")
    return shown


def _public(message: dict[str, Any]) -> dict[str, Any]:
    """A stored message without the fields the fake keeps for assertions (what Telegram would send)."""
    return {k: v for k, v in message.items() if k not in {"html", "params"}}


def auto_entities(text: str) -> list[dict[str, Any]]:
    """The bot_command and mention entities Telegram's server adds to a message (UTF-16 offsets)."""
    entities: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for m in _COMMAND.finditer(text):
        entities.append({"type": "bot_command", "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group())})
        taken.append(m.span())
    for m in _MENTION.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        entities.append({"type": "mention", "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group())})
    return sorted(entities, key=lambda e: e["offset"])


@dataclass
class Call:
    """One request the bot made: method, decoded parameters, HTTP status and the answer body (None if dropped)."""

    method: str
    params: dict[str, Any]
    status: int
    response: dict[str, Any] | None
    at: float
    fault: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class Fault:
    kind: FaultKind
    status: int = 502
    retry_after: int = 1
    hang_seconds: float = 5.0


@dataclass
class _Query:
    kind: str
    from_user: dict[str, Any]
    answered: bool = False
    answer: dict[str, Any] | None = None


@dataclass
class _Chat:
    data: dict[str, Any]
    message_ids: itertools.count = field(default_factory=lambda: itertools.count(1))


class FakeBotApi:
    """The fake server; use ``async with FakeBotApi() as api`` and point the bot at ``api.base_url``."""

    def __init__(self, token: str = TOKEN, username: str = BOT_USERNAME) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.username = username
        self.calls: list[Call] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.webhook: dict[str, Any] = {}
        self._chats: dict[int, _Chat] = {}
        self._queries: dict[str, _Query] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(1000)
        self._faults: dict[str, deque[Fault]] = {}
        self._changed = asyncio.Condition()
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.confirmed_up_to = 0

    # -- server ---------------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Chronicle", "username": self.username}

    async def start(self) -> FakeBotApi:
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.05)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def close(self) -> None:
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeBotApi:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- what tests inject ----------------------------------------------------------------------------------

    def _chat(self, chat_id: int, data: dict[str, Any]) -> _Chat:
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = _Chat(data)
        return chat

    @staticmethod
    def user(user_id: int, first_name: str | None = None) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name or f"User{user_id}", "language_code": "zh-hans"}

    def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        update["update_id"] = next(self._update_ids)
        self._updates.append(update)
        self._notify()
        return update

    def message(
        self,
        chat: dict[str, Any],
        user_id: int,
        text: str,
        reply_to: dict[str, Any] | None = None,
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Queue a text message from a user in ``chat``; returns the message as the bot will receive it."""
        state = self._chat(chat["id"], chat)
        message: dict[str, Any] = {
            "message_id": next(state.message_ids),
            "from": self.user(user_id),
            "chat": state.data,
            "date": int(time.time()),
            "text": text,
        }
        found = auto_entities(text) if entities is None else entities
        if found:
            message["entities"] = found
        if reply_to is not None:
            message["reply_to_message"] = _public(reply_to)
        self.messages[(chat["id"], message["message_id"])] = message
        self._push({"message": message})
        return message

    def private_message(self, user_id: int, text: str, reply_to: dict[str, Any] | None = None) -> dict[str, Any]:
        chat = {"id": user_id, "type": "private", "first_name": f"User{user_id}"}
        return self.message(chat, user_id, text, reply_to)

    def group_message(
        self, chat_id: int, user_id: int, text: str, reply_to: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        chat = {"id": chat_id, "type": "supergroup", "title": f"Group {chat_id}"}
        return self.message(chat, user_id, text, reply_to)

    def callback_query(self, user_id: int, message: dict[str, Any], data: str) -> str:
        """Queue a press on an inline button of ``message`` (a message the bot sent); returns the query id."""
        query_id = str(next(self._query_ids))
        self._queries[query_id] = _Query("callback", self.user(user_id))
        current = _public(self.messages.get((message["chat"]["id"], message["message_id"]), message))
        self._push({"callback_query": {"id": query_id, "from": self.user(user_id), "message": current,
                                       "chat_instance": f"ci{message['chat']['id']}", "data": data}})
        return query_id

    def inline_query(self, user_id: int, query: str, chat_type: str = "private") -> str:
        """Queue an inline query (``@bot query`` typed in a chat); returns the query id."""
        query_id = str(next(self._query_ids))
        self._queries[query_id] = _Query("inline", self.user(user_id))
        self._push({"inline_query": {"id": query_id, "from": self.user(user_id), "query": query, "offset": "",
                                     "chat_type": chat_type}})
        return query_id

    def take_update(self, message: dict[str, Any]) -> dict[str, Any]:
        """Remove the queued update of ``message`` and return it (to post it to a webhook instead)."""
        update = next(u for u in self._updates if u.get("message", {}).get("message_id") == message["message_id"]
                      and u["message"]["chat"]["id"] == message["chat"]["id"])
        self._updates.remove(update)
        return update

    # -- faults ---------------------------------------------------------------------------------------------

    def fail(self, method: str, kind: FaultKind, times: int = 1, **options: Any) -> None:
        """Make the next ``times`` calls of ``method`` fail: "5xx", "429", "hang" or "drop"."""
        queue = self._faults.setdefault(method, deque())
        for _ in range(times):
            queue.append(Fault(kind, **options))

    # -- what tests inspect ---------------------------------------------------------------------------------

    def calls_of(self, method: str, ok: bool | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]

    def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Messages the bot delivered (sendMessage that succeeded), oldest first; as Telegram stored them."""
        out = []
        for call in self.calls_of("sendMessage", ok=True):
            result = call.response["result"]  # type: ignore[index]
            if chat_id is None or result["chat"]["id"] == chat_id:
                out.append(self.messages[(result["chat"]["id"], result["message_id"])])
        return out

    def query_answer(self, query_id: str) -> dict[str, Any] | None:
        query = self._queries.get(query_id)
        return query.answer if query else None

    @property
    def pending_updates(self) -> int:
        """Updates not yet confirmed by a getUpdates offset."""
        return sum(1 for u in self._updates if u["update_id"] >= self.confirmed_up_to)

    def _notify(self) -> None:
        async def notify() -> None:
            async with self._changed:
                self._changed.notify_all()

        asyncio.get_running_loop().create_task(notify())

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 15.0) -> Any:
        """Wait until ``predicate()`` is truthy (checked after every call); return its value."""
        async def wait() -> Any:
            async with self._changed:
                while not (value := predicate()):
                    await self._changed.wait()
                return value

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            raise AssertionError(f"condition not met within {timeout} s; last calls: {self.calls[-5:]}") from None

    # -- request handling -----------------------------------------------------------------------------------

    @staticmethod
    def _decode(key: str, value: str) -> Any:
        if key in _STRING_KEYS:
            return value
        try:
            return json.loads(value)
        except ValueError:
            return value

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            body = await request.json()
            return dict(body) if isinstance(body, dict) else {}
        form = await request.post()
        params = {k: self._decode(k, v) for k, v in form.items() if isinstance(v, str)}
        params.update({k: self._decode(k, v) for k, v in request.query.items()})
        return params

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await self._params(request)
        fault = self._faults.get(method)
        if fault:
            return await self._fault(request, method, params, fault.popleft())
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(params)
            status, body = 200, {"ok": True, "result": result}
        except ApiError as exc:
            status = exc.status
            body = {"ok": False, "error_code": exc.status, "description": exc.description}
            if exc.parameters:
                body["parameters"] = exc.parameters
        self._record(Call(method, params, status, body, time.monotonic()))
        return web.json_response(body, status=status)

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._notify()

    async def _fault(self, request: web.Request, method: str, params: dict[str, Any], fault: Fault) -> web.StreamResponse:
        now = time.monotonic()
        if fault.kind == "hang":
            # Nothing is processed: the client gives up (TimedOut) long before this answer.
            self._record(Call(method, params, 0, None, now, "hang"))
            try:
                await asyncio.wait_for(self._closing.wait(), fault.hang_seconds)
            except TimeoutError:
                pass
            return web.json_response({"ok": False, "error_code": 504, "description": "Gateway Timeout"}, status=504)
        if fault.kind == "drop":
            self._record(Call(method, params, 0, None, now, "drop"))
            assert request.transport is not None
            request.transport.abort()
            raise asyncio.CancelledError  # aiohttp drops a handler cancelled after its connection is gone
        if fault.kind == "429":
            body = {"ok": False, "error_code": 429, "description": f"Too Many Requests: retry after {fault.retry_after}",
                    "parameters": {"retry_after": fault.retry_after}}
            self._record(Call(method, params, 429, body, now, "429"))
            return web.json_response(body, status=429)
        descriptions = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
        body = {"ok": False, "error_code": fault.status, "description": descriptions.get(fault.status, "Server Error")}
        self._record(Call(method, params, fault.status, body, now, "5xx"))
        return web.json_response(body, status=fault.status)

    # -- methods --------------------------------------------------------------------------------------------

    async def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": True}

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    async def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        if not str(params.get("url", "")).startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = params
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}

    async def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or not all(
            re.fullmatch(r"[a-z0-9_]{1,32}", c.get("command", "")) and 1 <= len(c.get("description", "")) <= 256
            for c in commands
        ):
            raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        return True

    async def _m_deleteMyCommands(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_close(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_logOut(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_sendChatAction(self, params: dict[str, Any]) -> bool:
        self._known_chat(params.get("chat_id"))
        return True

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if offset:
            # An offset confirms every update before it: Telegram forgets them.
            self.confirmed_up_to = max(self.confirmed_up_to, offset)
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            self._notify()

        def ready() -> list[dict[str, Any]]:
            return [u for u in self._updates if u["update_id"] >= offset][:limit]

        if not ready() and timeout > 0:
            async def wait() -> None:
                async with self._changed:
                    while not ready() and not self._closing.is_set():
                        await self._changed.wait()

            try:
                await asyncio.wait_for(wait(), timeout)
            except TimeoutError:
                pass
        return ready()

    def _known_chat(self, chat_id: Any) -> _Chat:
        try:
            return self._chats[int(chat_id)]
        except (KeyError, TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None

    @staticmethod
    def _check_markup(markup: Any) -> None:
        if markup is None:
            return
        rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
        if not isinstance(rows, list):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        for row in rows:
            for button in row:
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._known_chat(params.get("chat_id"))
        shown = check_text(params.get("text"), params.get("parse_mode"))
        self._check_markup(params.get("reply_markup"))
        reply = params.get("reply_parameters") or (
            {"message_id": params["reply_to_message_id"],
             "allow_sending_without_reply": params.get("allow_sending_without_reply", False)}
            if params.get("reply_to_message_id") else None
        )
        replied = None
        if reply:
            replied = self.messages.get((int(reply.get("chat_id", chat.data["id"])), int(reply["message_id"])))
            if replied is None and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
        message: dict[str, Any] = {
            "message_id": next(chat.message_ids),
            "from": self.bot_user,
            "chat": chat.data,
            "date": int(time.time()),
            "text": shown,
        }
        if replied is not None:
            message["reply_to_message"] = _public(replied)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        # Kept for assertions only (Telegram answers with entities instead).
        self.messages[(chat.data["id"], message["message_id"])] = {**message, "html": params.get("text"),
                                                                   "params": params}
        return message

    async def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._known_chat(params.get("chat_id"))
        key = (chat.data["id"], int(params.get("message_id") or 0))
        stored = self.messages.get(key)
        if stored is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if stored["from"]["id"] != self.bot_id:
            raise ApiError(400, "Bad Request: message can't be edited")
        shown = check_text(params.get("text"), params.get("parse_mode"))
        self._check_markup(params.get("reply_markup"))
        if shown == stored["text"] and params.get("reply_markup") == stored.get("reply_markup"):
            raise ApiError(400, "Bad Request: message is not modified: specified new message content and reply "
                                "markup are exactly the same as a current content and reply markup of the message")
        stored.update(text=shown, html=params.get("text"), edit_date=int(time.time()))
        stored.pop("reply_markup", None)
        if params.get("reply_markup"):
            stored["reply_markup"] = params["reply_markup"]
        return _public(stored)

    def _take_query(self, query_id: Any, kind: str) -> _Query:
        query = self._queries.get(str(query_id))
        if query is None or query.kind != kind or query.answered:
            raise ApiError(400, _TOO_OLD)
        return query

    async def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        query = self._take_query(params.get("callback_query_id"), "callback")
        if len(str(params.get("text") or "")) > CALLBACK_TEXT_LIMIT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        query.answered, query.answer = True, params
        return True

    async def _m_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        query = self._take_query(params.get("inline_query_id"), "inline")
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [str(r.get("id", "")) for r in results]
        if len(set(ids)) != len(ids) or not all(1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
        for result in results:
            if result.get("type") == "article" and not result.get("title"):
                raise ApiError(400, "Bad Request: RESULT_TITLE_EMPTY")
            content = result.get("input_message_content") or {}
            result["shown_text"] = check_text(content.get("message_text"), content.get("parse_mode"))
        query.answered, query.answer = True, params
        return True

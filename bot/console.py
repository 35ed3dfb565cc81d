"""The console chat: a REPL over the shared answer engine, written once with its input and output as callables.

:func:`chat_loop` takes ``read(prompt) -> str`` and ``write(text)`` so tests drive it with scripted input, the
way simonw/llm's ``_run_chat`` does. :func:`run_console` wires it to the terminal: prompt_toolkit (line editing,
history) and rich rendering when it is a terminal, ``render_plain`` text and plain line reading when piped.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TextIO

from bot.answer import PAGE_SIZE, Answer, render_plain
from retrieval.errors import ChronicleError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from bot.config import Settings
    from bot.engine import ChronicleEngine

log = logging.getLogger(__name__)

PROMPT = "chronicle> "
CHAT_KEY = "console"
COMMANDS = ("/help", "/more", "/month", "/clear", "/quit", "/exit")
GOODBYE = "再见！ (Bye.)"
HELP = """\
用中文或英文提问，回答引用大事记原文及日期。 Ask in Chinese or English; answers quote the dated events.
  例 e.g.  哪些公司在科创板上市？ · What happened on 3 June? · 6月有哪些签约项目？
  追问 follow-ups reuse the last question: 那香港呢？ · and in Hong Kong? · 那4月呢？ · what about April?
/more       下一页 · the next results of the last answer
/month N    浏览某月 · every event of month N (1-12)
/clear      清除上下文 · forget the conversation so far
/help       this help
/quit       退出 · leave (also /exit, Ctrl-D)"""
UNKNOWN = "未知命令 {name}。可用命令 / commands: /help /more /month N /clear /quit"
MONTH_USAGE = "用法 usage: /month N，N 为 1 到 12 的月份 (a month number 1-12), e.g. /month 6"
BAD_MONTH = "“{value}”不是有效的月份，请输入 1 到 12 (not a month: use 1-12), e.g. /month 6"
NOTHING_YET = "还没有可翻页的回答，请先提问。 (Nothing to page through yet: ask a question first.)"
NO_MORE = "没有更多结果了。 (No more results.)"
CLEARED = "已清除上下文，可以问新问题了。 (Context cleared.)"
FAILED = "抱歉，回答这个问题时出错了，请换个问法再试。 (Sorry, something went wrong; please try again.)"

_MONTH_ARG = re.compile(r"^(\d{1,2})\s*月?$")


class Renderer(Protocol):
    """Turns answers and messages into the text that ``write`` prints (plain or with ANSI styles)."""

    def answer(self, answer: Answer, page: int) -> str: ...

    def message(self, text: str) -> str: ...

    def error(self, text: str) -> str: ...


class PlainRenderer:
    """Plain text, exactly :func:`bot.answer.render_plain`: what a pipe or a script gets."""

    def answer(self, answer: Answer, page: int) -> str:
        return render_plain(answer, page=page) + "\n"

    def message(self, text: str) -> str:
        return text

    def error(self, text: str) -> str:
        return text


# Line breaking for Chinese: rich breaks only at spaces, so a Chinese sentence would be one long "word". Any
# character may end a line, Latin words stay whole, and closing punctuation never starts a line (kinsoku).
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/:'’&]*[ \t]*|\s+|.", re.S)
_NO_LINE_START = set("，。、；：？！）」』”’》〉】…,.;:?!)%")
_NO_LINE_END = set("（「『“‘《〈【(")


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets at which to break ``text`` so that no line is wider than ``width`` terminal cells."""
    from rich.cells import cell_len

    tokens: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(text):
        if cell_len(m.group().rstrip()) > width:  # a word wider than the line is folded by character
            tokens.extend((m.start() + i, ch) for i, ch in enumerate(m.group()))
        else:
            tokens.append((m.start(), m.group()))
    offsets: list[int] = []
    line_start, col = 0, 0
    prev: tuple[int, str] | None = None
    for start, token in tokens:
        if token == "\n":
            line_start, col, prev = start + 1, 0, None
            continue
        if col and col + cell_len(token.rstrip()) > width:
            cut = start
            if prev and prev[0] > line_start and (token[0] in _NO_LINE_START or prev[1][-1] in _NO_LINE_END):
                cut = prev[0]  # carry the previous character down with the punctuation
            offsets.append(cut)
            line_start, col = cut, cell_len(text[cut:start])
        col += cell_len(token)
        prev = (start, token)
    return offsets


def wrap_text(text: Text, width: int) -> list[Text]:
    """``text`` cut into lines of at most ``width`` cells, styles kept, trailing blanks dropped."""
    lines = list(text.divide(break_offsets(text.plain, max(1, width))))
    for line in lines:
        line.rstrip()
    return lines


class RichRenderer:
    """Terminal rendering: dates in colour, each answer's quotes behind a bar, the words that matched highlighted."""

    DATE = "bold cyan"
    BAR = "cyan"
    MATCH = "bold yellow"
    BAR_TEXT = "┃ "

    def __init__(self, console: Console | None = None) -> None:
        from rich.console import Console

        self.console = console or Console(force_terminal=True, highlight=False)

    def _capture(self, lines: list[Text]) -> str:
        from rich.text import Text

        with self.console.capture() as captured:
            # Lines are already cut to the width: soft_wrap stops rich from wrapping them again.
            self.console.print(Text("\n").join(lines), soft_wrap=True)
        return captured.get().rstrip("\n")

    def quote_lines(self, answer: Answer, page: int) -> list[Text]:
        """The quotes of one page: date, then the text, behind the bar; the text indented under a wide screen."""
        from rich.cells import cell_len
        from rich.text import Text

        quotes = answer.page(page)
        width = self.console.width - cell_len(self.BAR_TEXT)
        date_width = max(cell_len(q.date) for q in quotes) + 2
        beside = width - date_width >= 30  # room for the text beside the date
        bar = Text(self.BAR_TEXT, style=self.BAR)
        lines: list[Text] = []
        for i, quote in enumerate(quotes):
            if i:
                lines.append(Text(self.BAR_TEXT.rstrip(), style=self.BAR))
            body = Text(quote.event.text)
            # Longest first, so that a long match is not cut up by a shorter one inside it.
            body.highlight_words(sorted(quote.highlights, key=len, reverse=True), style=self.MATCH)
            date = Text(quote.date, style=self.DATE)
            if beside:
                date.append(" " * (date_width - cell_len(quote.date)))
                for j, line in enumerate(wrap_text(body, width - date_width)):
                    lines.append(Text.assemble(bar, date if j == 0 else " " * date_width, line))
            else:
                lines.append(Text.assemble(bar, date))
                lines.extend(Text.assemble(bar, line) for line in wrap_text(body, width))
        return lines

    def answer(self, answer: Answer, page: int) -> str:
        from rich.text import Text

        width = self.console.width
        lines: list[Text] = []
        if answer.notice:
            lines += wrap_text(Text(answer.notice, style="italic dim"), width)
        lines += wrap_text(Text(answer.headline, style="yellow" if answer.no_match else "bold"), width)
        if answer.quotes:
            lines += self.quote_lines(answer, page)
            pages = answer.pages(PAGE_SIZE)
            if pages > 1:
                more = ("  /more 查看更多" if answer.chinese else "  /more for more") if page + 1 < pages else ""
                lines.append(Text(f"[{page + 1}/{pages}]{more}", style="dim"))
        return self._capture(lines) + "\n"

    def message(self, text: str) -> str:
        from rich.text import Text

        return self._capture(wrap_text(Text(text), self.console.width))

    def error(self, text: str) -> str:
        from rich.text import Text

        return self._capture(wrap_text(Text(text, style="red"), self.console.width))


Style = Literal["plain", "rich"]


def make_renderer(style: Style | Renderer) -> Renderer:
    """A renderer for a style name; a Renderer instance passes through."""
    if style == "plain":
        return PlainRenderer()
    if style == "rich":
        return RichRenderer()
    if isinstance(style, str):
        raise ValueError(f"unknown style {style!r}: use 'plain' or 'rich'")
    return style


def chat_loop(
    engine: ChronicleEngine,
    read: Callable[[str], str],
    write: Callable[[str], None],
    style: Style | Renderer = "plain",
    chat: Hashable = CHAT_KEY,
    prompt: str = PROMPT,
    k: int = 5,
) -> int:
    """Read questions and commands until /quit, end of input or Ctrl-C; returns the exit status (0)."""
    render = make_renderer(style)
    page = 0  # the page of the last answer on screen; mirrors the engine's ChatState.page
    asked = False
    while True:
        try:
            line = read(prompt)
        except (EOFError, KeyboardInterrupt):
            break
        line = (line or "").strip()
        if line.startswith("／"):  # a Chinese input method's full-width slash
            line = "/" + line[1:]
        if not line:
            continue
        try:
            if not line.startswith("/"):
                write(render.answer(engine.ask(line, chat=chat, k=k), 0))
                page, asked = 0, True
                continue
            name, _, arg = line.partition(" ")
            name, arg = name.lower(), arg.strip()
            if re.match(r"/month\d", name):
                name, arg = "/month", name[len("/month") :] + arg  # "/month6"
            if name in ("/quit", "/exit"):
                break
            if name == "/help":
                write(render.message(HELP))
            elif name == "/clear":
                engine.clear(chat)
                page, asked = 0, False
                write(render.message(CLEARED))
            elif name == "/more":
                answer = engine.more(chat) if asked else None
                if answer is None:
                    write(render.message(NO_MORE if asked else NOTHING_YET))
                else:
                    page += 1
                    write(render.answer(answer, page))
            elif name == "/month":
                month = _parse_month(arg)
                if month is None:
                    write(render.error(BAD_MONTH.format(value=arg) if arg else MONTH_USAGE))
                else:
                    write(render.answer(engine.month(month, chat=chat), 0))
                    page, asked = 0, True
            else:
                write(render.error(UNKNOWN.format(name=name)))
        except ChronicleError as exc:
            write(render.error(f"chronicle: {exc}"))
        except KeyboardInterrupt:
            break  # Ctrl-C while an answer is being computed: leave, as at the prompt
        except BrokenPipeError:
            raise  # the reader of a pipe went away: nobody is left to tell
        except Exception:
            # One friendly line for the person; the traceback is for whoever runs with LOG_LEVEL=DEBUG.
            log.debug("answering %r failed", line, exc_info=True)
            write(render.error(FAILED))
    write(render.message(GOODBYE))
    return 0


def _parse_month(arg: str) -> int | None:
    m = _MONTH_ARG.match(arg.strip())
    if not m:
        return None
    month = int(m.group(1))
    return month if 1 <= month <= 12 else None


# --------------------------------------------------------------------------- the terminal edge


def history_path() -> Path:
    """Where the prompt history lives: $XDG_STATE_HOME/chronicle/history (~/.local/state by default)."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "chronicle" / "history"


def prompt_reader(history: Path | None = None) -> Callable[[str], str]:
    """A prompt_toolkit reader: line editing, persistent history, /command completion."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.application import get_app
    from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
    from prompt_toolkit.completion import WordCompleter
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.history import FileHistory, History, InMemoryHistory
    from prompt_toolkit.styles import Style as PromptStyle

    store: History = InMemoryHistory()
    if history is not None:
        try:
            history.parent.mkdir(parents=True, exist_ok=True)
            history.touch(exist_ok=True)
            store = FileHistory(str(history))
        except OSError as exc:
            # A read-only home must not stop the chat; history then lasts for this session only.
            log.debug("no history file at %s: %s", history, exc)
    session: PromptSession[str] = PromptSession(
        history=store,
        auto_suggest=AutoSuggestFromHistory(),
        completer=WordCompleter(list(COMMANDS), sentence=True),
        complete_while_typing=True,
        style=PromptStyle.from_dict({"prompt": "bold ansicyan", "placeholder": "ansibrightblack"}),
    )
    hint = FormattedText([("class:placeholder", "问一个问题，或 /help · ask a question, or /help")])

    def placeholder() -> FormattedText:
        # Not in the last frame drawn after Ctrl-D/Ctrl-C: the hint would stay on screen above the goodbye.
        return FormattedText([]) if get_app().is_done else hint

    def read(prompt: str) -> str:
        return session.prompt(FormattedText([("class:prompt", prompt)]), placeholder=placeholder)

    return read


def line_reader(stream: Iterable[str] | None = None, echo_prompt_to: TextIO | None = None) -> Callable[[str], str]:
    """A plain reader, one line per call; EOFError at the end. The prompt goes to ``echo_prompt_to`` if given."""
    lines = iter(stream if stream is not None else sys.stdin)

    def read(prompt: str) -> str:
        if echo_prompt_to is not None:
            print(prompt, end="", file=echo_prompt_to, flush=True)
        try:
            return next(lines).rstrip("\r\n")
        except StopIteration:
            raise EOFError from None

    return read


def _quiet_libraries() -> None:
    # Model-loading chatter at INFO would scroll the chat; the console says itself what it is loading.
    for name in ("sentence_transformers", "transformers", "faiss", "faiss.loader", "filelock"):
        if logging.getLogger(name).getEffectiveLevel() < logging.WARNING:
            logging.getLogger(name).setLevel(logging.WARNING)


def run_console(settings: Settings) -> int:
    """Load the engine (showing each step), then chat on stdin/stdout until /quit or Ctrl-D."""
    from rich.console import Console
    from rich.markup import escape

    from bot.engine import open_engine

    _quiet_libraries()
    status = Console(stderr=True, highlight=False)  # loading chatter goes to stderr; stdout keeps the answers
    started = time.perf_counter()

    def progress(message: str) -> None:
        status.print(f"[dim]· {escape(message)}[/dim]", soft_wrap=True)

    progress(f"opening the index in {settings.index_dir}")
    engine = open_engine(settings, progress=progress, show_progress=status.is_terminal)
    about = engine.about()
    status.print(
        f"[bold]大事记问答 chronicle chat[/bold] [dim]· {about.event_count} events, {about.first_date} – "
        f"{about.last_date} · ready in {time.perf_counter() - started:.1f} s · /help for commands, Ctrl-D to quit[/dim]",
        soft_wrap=True,
    )

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        read = prompt_reader(history_path())
    else:
        # Piped in or out: no line editor; a person typing into a piped stdout still sees the prompt on stderr.
        read = line_reader(echo_prompt_to=sys.stderr if sys.stdin.isatty() else None)
    style: Style | Renderer = RichRenderer(Console(highlight=False)) if sys.stdout.isatty() else "plain"

    def write(text: str) -> None:
        print(text, flush=True)

    return chat_loop(engine, read, write, style=style)

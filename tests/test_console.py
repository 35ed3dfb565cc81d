"""The console chat: the loop driven with scripted input, and the real `chronicle chat` in a pty and in a pipe.

Answers come from the real model and index (marked slow); the deterministic hashing embedder only backs the
plumbing tests (commands, errors, exits), never a claim about which events answer a question.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.answer import render_plain
from bot.config import PROJECT_ROOT, Settings
from bot.console import (
    CLEARED,
    FAILED,
    GOODBYE,
    NO_MORE,
    NOTHING_YET,
    PROMPT,
    RichRenderer,
    break_offsets,
    chat_loop,
    line_reader,
)
from bot.engine import ChronicleEngine, open_engine
from retrieval.errors import IndexCorrupted

CHRONICLE = Path(sys.executable).parent / "chronicle"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
_chat_ids = itertools.count()


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="module")
def engine(index_dir: Path) -> ChronicleEngine:
    """The real engine: converted multilingual-e5-small, index built into a temporary directory."""
    from retrieval.e5_convert import ensure_model

    ensure_model(progress=None)
    return open_engine(Settings.load(env={"CHRONICLE_INDEX_DIR": str(index_dir)}))


@pytest.fixture(scope="module")
def hash_engine(tmp_path_factory: pytest.TempPathFactory) -> ChronicleEngine:
    """Plumbing only: the seed chronicle indexed with the hashing fake embedder."""
    from retrieval.embedding import HashEmbedder
    from retrieval.index import build_index
    from retrieval.parsing import load_chronicles
    from retrieval.search import Retriever

    embedder = HashEmbedder()
    events = load_chronicles(Settings.load(env={}).data_dir)
    return ChronicleEngine(Retriever(build_index(events, embedder, tmp_path_factory.mktemp("hash-index")), embedder))


def run_chat(engine: object, script: Sequence[str | BaseException | type[BaseException]], style: object = "plain",
             chat: str | None = None) -> tuple[int, list[str], list[str]]:
    """Drive chat_loop: each item is a line typed, or an exception ``read`` raises; EOF after the last one.

    Returns (exit status, what was written, the prompts shown).
    """
    lines = iter(script)
    written: list[str] = []
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        item = next(lines, EOFError)
        if isinstance(item, BaseException) or (isinstance(item, type) and issubclass(item, BaseException)):
            raise item
        return item

    status = chat_loop(engine, read, written.append, style=style, chat=chat or f"test-{next(_chat_ids)}")  # type: ignore[arg-type]
    return status, written, prompts


# --------------------------------------------------------------------------- scripted input, real model


@pytest.mark.slow
def test_chinese_question_quotes_the_events_with_their_dates(engine: ChronicleEngine) -> None:
    status, out, _ = run_chat(engine, ["哪些公司在科创板上市"])
    assert status == 0
    assert "凌志软件" in out[0] and "2020年5月11日" in out[0]
    assert "• 2020年5月11日  园区凌志软件股份有限公司在上海证券交易所科创板上市。" in out[0].splitlines()
    assert out[-1] == GOODBYE


@pytest.mark.slow
def test_english_questions(engine: ChronicleEngine) -> None:
    _, out, _ = run_chat(engine, ["What happened on 3 June?", "Which companies went public in Hong Kong?"])
    on_june_3 = [line for line in out[0].splitlines() if line.startswith("• ")]
    assert on_june_3 and all(line.startswith("• 2020年6月3日  ") for line in on_june_3)
    assert any("艾棣维欣" in line for line in on_june_3)
    assert "沛嘉医疗" in out[1] and "2020年5月15日" in out[1]


@pytest.mark.slow
@pytest.mark.parametrize("follow_up", ["那香港呢？", "and in Hong Kong?"])
def test_follow_up_reuses_the_previous_question(engine: ChronicleEngine, follow_up: str) -> None:
    _, out, _ = run_chat(engine, ["哪些公司在科创板上市", follow_up, "/more"])
    answer = out[1]
    assert re.search(r"（理解为：.*\S）|\(understood as: .*\S\)", answer.splitlines()[0])
    for company in ("沛嘉医疗", "开拓药业", "和铂医药"):
        assert company in answer


@pytest.mark.slow
def test_follow_up_on_a_date(engine: ChronicleEngine) -> None:
    _, out, _ = run_chat(engine, ["3月有哪些签约项目？", "那4月呢？"])
    notice, *rest = out[1].splitlines()
    assert notice.startswith("（理解为：") and "4月" in notice
    quotes = [line for line in rest if line.startswith("• ")]
    assert quotes and all(line.startswith("• 2020年4月") for line in quotes)


@pytest.mark.slow
def test_month_and_more_page_through_june(engine: ChronicleEngine) -> None:
    status, out, _ = run_chat(engine, ["/month 6", "/more", "/more"])
    june = engine.month(6, chat="expected")
    assert status == 0
    assert out[0] == render_plain(june, page=0) + "\n"
    assert out[1] == render_plain(june, page=1) + "\n"
    assert out[2] == render_plain(june, page=2) + "\n"
    assert "• 2020年6月3日  " in out[0] and out[0].splitlines()[-1].startswith("[1/")
    assert all(line.startswith("• 2020年6月") for line in "".join(out[:3]).splitlines() if line.startswith("• "))


@pytest.mark.slow
def test_more_runs_out(engine: ChronicleEngine) -> None:
    _, out, _ = run_chat(engine, ["哪些公司在科创板上市", "/more"])
    assert out[1] == NO_MORE


@pytest.mark.slow
def test_clear_forgets_the_context(engine: ChronicleEngine) -> None:
    _, out, _ = run_chat(engine, ["哪些公司在科创板上市", "/clear", "/more", "那香港呢？"])
    assert out[1] == CLEARED
    assert out[2] == NOTHING_YET
    assert "理解为" not in out[3]  # no previous question to follow up on


@pytest.mark.slow
def test_rich_rendering_colours_dates_bars_quotes_and_highlights_matches(engine: ChronicleEngine) -> None:
    from rich.cells import cell_len
    from rich.console import Console

    renderer = RichRenderer(Console(force_terminal=True, color_system="standard", width=60))
    _, out, _ = run_chat(engine, ["哪些公司在科创板上市"], style=renderer)
    text = out[0]
    assert "\x1b[1;36m2020年5月11日" in text  # the date in bold cyan
    assert re.search(r"\x1b\[1;33m[^\x1b]*(科创板|上市)[^\x1b]*\x1b\[0m", text)  # a matched word in bold yellow
    lines = strip_ansi(text).rstrip("\n").splitlines()
    assert all(cell_len(line) <= 60 for line in lines)
    quoted = [line for line in lines if line.startswith("┃")]
    assert quoted and any("2020年5月11日" in line for line in quoted)
    # The quote is all there, cut into lines but not altered.
    assert "天臣国际医疗科技股份有限公司在上海证券交易所科创板上市，再鼎医药（苏州）有限公司在香港联合交易所主板挂牌上市。" in "".join(
        line[2:].strip() if not re.match(r"┃ 2020年", line) else line[2:].split("  ", 1)[-1].strip() for line in quoted
    )


# --------------------------------------------------------------------------- plumbing (hashing fake embedder)


def test_commands_get_one_clear_line_and_the_loop_goes_on(hash_engine: ChronicleEngine) -> None:
    status, out, prompts = run_chat(hash_engine, ["/month 13", "/month abc", "/month", "/frobnicate", "/month 0", "/month 6"])
    assert status == 0
    bad_13, bad_abc, usage, unknown, bad_0, june = out[:6]
    for line in (bad_13, bad_abc, usage, unknown, bad_0):
        assert "\n" not in line and line.strip()
    assert "13" in bad_13 and "1" in bad_13 and "12" in bad_13
    assert "abc" in bad_abc and "/month 6" in usage
    assert "/frobnicate" in unknown and all(c in unknown for c in ("/help", "/more", "/month", "/clear", "/quit"))
    assert june.startswith("6月共有")
    assert prompts == [PROMPT] * 7


def test_help_lists_every_command(hash_engine: ChronicleEngine) -> None:
    _, out, _ = run_chat(hash_engine, ["/help"])
    for command in ("/help", "/more", "/month N", "/clear", "/quit"):
        assert command in out[0]


@pytest.mark.parametrize("spelling", ["/MONTH 6", "／month 6", "/month6", "/month 6月", "  /month   06  "])
def test_command_spellings(hash_engine: ChronicleEngine, spelling: str) -> None:
    _, out, _ = run_chat(hash_engine, [spelling])
    assert out[0].startswith("6月共有")


def test_empty_lines_are_ignored(hash_engine: ChronicleEngine) -> None:
    status, out, prompts = run_chat(hash_engine, ["", "   ", "\t"])
    assert status == 0 and out == [GOODBYE] and len(prompts) == 4


@pytest.mark.parametrize("command", ["/quit", "/exit", "/QUIT"])
def test_quit_leaves_without_reading_further(hash_engine: ChronicleEngine, command: str) -> None:
    status, out, prompts = run_chat(hash_engine, [command, "/help"])
    assert status == 0 and out == [GOODBYE] and len(prompts) == 1


@pytest.mark.parametrize("end", [EOFError, KeyboardInterrupt])
def test_ctrl_d_and_ctrl_c_leave_cleanly(hash_engine: ChronicleEngine, end: type[BaseException]) -> None:
    status, out, _ = run_chat(hash_engine, ["/month 6", end, "/help"])
    assert status == 0
    assert out[-1] == GOODBYE and len(out) == 2


class _Failing:
    """The engine, except that ``ask`` raises ``error``: failures the real engine cannot be made to produce."""

    def __init__(self, engine: ChronicleEngine, error: BaseException) -> None:
        self.engine, self.error = engine, error

    def ask(self, *args: object, **kwargs: object) -> object:
        raise self.error

    def __getattr__(self, name: str) -> object:
        return getattr(self.engine, name)


def test_domain_error_is_one_line(hash_engine: ChronicleEngine) -> None:
    failing = _Failing(hash_engine, IndexCorrupted("/tmp/x/vectors.faiss is truncated or altered"))
    status, out, _ = run_chat(failing, ["哪些公司在科创板上市", "/month 6"])
    assert status == 0
    assert out[0] == "chronicle: /tmp/x/vectors.faiss is truncated or altered"
    assert out[1].startswith("6月共有")  # the loop went on


def test_unexpected_error_is_a_friendly_line_and_the_traceback_is_logged(
    hash_engine: ChronicleEngine, caplog: pytest.LogCaptureFixture
) -> None:
    failing = _Failing(hash_engine, ZeroDivisionError("division by zero"))
    with caplog.at_level(logging.DEBUG, logger="bot.console"):
        status, out, _ = run_chat(failing, ["哪些公司在科创板上市", "/month 6"])
    assert status == 0 and out[0] == FAILED and out[1].startswith("6月共有")
    assert "Traceback" not in "".join(out)
    record = next(r for r in caplog.records if r.name == "bot.console")
    assert record.levelno == logging.DEBUG and record.exc_info and record.exc_info[0] is ZeroDivisionError


def test_ctrl_c_while_answering_leaves_cleanly(hash_engine: ChronicleEngine) -> None:
    status, out, _ = run_chat(_Failing(hash_engine, KeyboardInterrupt()), ["哪些公司在科创板上市", "/help"])
    assert status == 0 and out == [GOODBYE]


def test_plain_style_writes_no_escape_codes(hash_engine: ChronicleEngine) -> None:
    _, out, _ = run_chat(hash_engine, ["/month 6", "/more", "/help", "/month 13", "/nope", "/clear"])
    assert "\x1b" not in "".join(out)


def test_rich_rendering_on_a_narrow_terminal_puts_the_date_above_the_text(hash_engine: ChronicleEngine) -> None:
    from rich.cells import cell_len
    from rich.console import Console

    renderer = RichRenderer(Console(force_terminal=True, color_system="standard", width=36))
    _, out, _ = run_chat(hash_engine, ["/month 6", "/more"], style=renderer)
    lines = strip_ansi(out[0]).rstrip("\n").splitlines()
    assert all(cell_len(line) <= 36 for line in lines)
    assert "┃ 2020年6月2日" in lines and lines[-1] == "[1/5]  /more 查看更多"
    assert strip_ansi(out[1]).rstrip("\n").splitlines()[-1] == "[2/5]  /more 查看更多"


def test_unknown_style_is_refused(hash_engine: ChronicleEngine) -> None:
    with pytest.raises(ValueError, match="style"):
        chat_loop(hash_engine, lambda p: "", print, style="html")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- line breaking for the terminal


def _lines(text: str, width: int) -> list[str]:
    cuts = [0, *break_offsets(text, width), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


def test_chinese_breaks_anywhere_but_not_before_closing_punctuation() -> None:
    from rich.cells import cell_len

    text = "天臣国际医疗科技股份有限公司在上海证券交易所科创板上市，再鼎医药（苏州）有限公司在香港联合交易所主板挂牌上市。"
    for width in range(6, 60):
        lines = _lines(text, width)
        assert "".join(lines) == text
        assert all(cell_len(line) <= width for line in lines)
        assert not any(line[0] in "，。）" for line in lines[1:]), (width, lines)
        assert not any(line.endswith("（") for line in lines), (width, lines)


def test_latin_words_stay_whole() -> None:
    text = "Bcl-2选择性抑制剂APG-2575获批 in the Suzhou Industrial Park"
    for width in range(10, 40):
        lines = _lines(text, width)
        assert "".join(lines) == text
        words = [w for line in lines for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9\-]*", line)]
        assert {"Bcl-2", "APG-2575", "Suzhou", "Industrial", "Park"} <= set(words), (width, lines)


# --------------------------------------------------------------------------- the real `chronicle chat`


def _env(index_dir: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CHRONICLE_", "NO_COLOR", "FORCE_COLOR"))}
    env.update(
        CHRONICLE_INDEX_DIR=str(index_dir),
        HOME=str(home),
        XDG_STATE_HOME=str(home / "state"),
        TERM="xterm-256color",
        # No terminal answers prompt_toolkit's cursor-position request here; don't wait for one.
        PROMPT_TOOLKIT_NO_CPR="1",
        PYTHONUNBUFFERED="1",
    )
    return env


class Terminal:
    """`chronicle chat` in a pseudo-terminal, and everything it has shown so far (escape codes removed)."""

    def __init__(self, index_dir: Path, home: Path) -> None:
        import pexpect

        self.raw = ""
        self.child = pexpect.spawn(
            str(CHRONICLE), ["chat"], env=_env(index_dir, home), cwd=str(home), encoding="utf-8",
            dimensions=(40, 100), timeout=120,
        )
        self.wait_prompt("")

    def wait_prompt(self, marker: str, timeout: float = 60) -> str:
        """Read until a prompt is drawn after ``marker`` was shown; returns the text seen meanwhile."""
        seen = ""
        deadline = time.monotonic() + timeout
        # prompt_toolkit redraws the prompt as keys arrive, so a prompt alone does not mean the answer is done.
        while True:
            self.child.expect_exact(PROMPT, timeout=max(1.0, deadline - time.monotonic()))
            self.raw += self.child.before + PROMPT
            seen += strip_ansi(self.child.before)
            if marker in seen:
                time.sleep(0.2)  # let prompt_toolkit switch the terminal to raw mode before the next key
                return seen

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.child.isalive():  # a failed test must not leave a chat running
            self.child.terminate(force=True)

    def say(self, line: str, marker: str) -> str:
        self.child.sendline(line)
        return self.wait_prompt(marker)

    def finish(self, control: str) -> tuple[int | None, str]:
        import pexpect

        self.child.sendcontrol(control)
        self.child.expect(pexpect.EOF, timeout=30)
        self.raw += self.child.before
        self.child.close()
        return self.child.exitstatus, strip_ansi(self.raw)


@pytest.mark.slow
def test_chronicle_chat_in_a_terminal(engine: ChronicleEngine, index_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("pexpect")
    started = time.monotonic()
    with Terminal(index_dir, tmp_path) as term:
        assert "loading the model" in strip_ansi(term.raw) and "168 events" in strip_ansi(term.raw)

        seen = term.say("哪些公司在科创板上市", "凌志软件")
        assert "2020年5月11日" in seen and "┃" in seen
        assert "\x1b[1;36m2020年5月11日" in term.raw  # dates in colour on a terminal
        seen = term.say("那香港呢？", "和铂医药")
        assert "理解为" in seen and "沛嘉医疗" in seen and "开拓药业" in seen
        seen = term.say("What happened in May?", "/more for more")
        assert "events in the chronicle for May" in seen and "2020年5月8日" in seen and "[1/4]" in seen
        seen = term.say("/more", "[2/4]")
        assert "2020年5月13日" in seen
        seen = term.say("/month 6", "[1/5]")
        assert "6月共有" in seen and "2020年6月3日" in seen
        status, shown = term.finish("d")

    assert status == 0, shown[-2000:]
    assert GOODBYE in shown
    assert "Traceback" not in shown
    history = (tmp_path / "state" / "chronicle" / "history").read_text(encoding="utf-8")
    assert "哪些公司在科创板上市" in history and "/month 6" in history
    assert time.monotonic() - started < 120


@pytest.mark.slow
def test_ctrl_c_at_the_prompt_leaves_cleanly(engine: ChronicleEngine, index_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("pexpect")
    with Terminal(index_dir, tmp_path) as term:
        term.say("/month 6", "[1/5]")
        status, shown = term.finish("c")
    assert status == 0 and GOODBYE in shown and "Traceback" not in shown


@pytest.mark.slow
def test_piped_chat_prints_plain_text(engine: ChronicleEngine, index_dir: Path, tmp_path: Path) -> None:
    questions = ["哪些公司在科创板上市", "", "那香港呢？", "/more", "/month 6", "/more", "/month 13"]
    done = subprocess.run(
        [str(CHRONICLE), "chat"], input="\n".join(questions) + "\n", capture_output=True, text=True,
        env=_env(index_dir, tmp_path), cwd=tmp_path, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert "Traceback" not in done.stderr
    # Exactly what the loop writes in plain style, i.e. the shared formatter answer after answer.
    expected: list[str] = []
    status = chat_loop(engine, line_reader(questions), lambda text: expected.append(text + "\n"), chat="expected-pipe")
    assert status == 0 and done.stdout == "".join(expected)
    first = engine.ask("哪些公司在科创板上市", chat="expected-pipe-2")
    assert done.stdout.startswith(render_plain(first, page=0) + "\n\n")
    assert "凌志软件" in done.stdout and "和铂医药" in done.stdout and "• 2020年6月3日  " in done.stdout
    assert done.stdout.endswith(GOODBYE + "\n")

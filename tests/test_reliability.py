"""Hostile questions through every front end but Telegram (tests/test_telegram.py covers it): the engine, the
console chat loop and `chronicle ask - --json` in a subprocess, all on the real model and index.

Each hostile question gets an answer or one clear sentence, never a traceback, and the question after it is
still answered correctly (哪些公司在科创板上市 → 凌志软件), in the same chat. Questions are capped at 500
characters with a note. The subprocess is started first so the model loads while the in-process tests run; it
also runs over a chronicle broken since its index was built, which must keep serving with a warning.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.answer import Answer, render_plain
from bot.config import PROJECT_ROOT, Settings
from bot.console import FAILED, GOODBYE, RichRenderer, chat_loop
from bot.engine import ChronicleEngine

pytestmark = pytest.mark.slow

CHRONICLE = Path(sys.executable).parent / "chronicle"
CHECK = "哪些公司在科创板上市"
CHECK_ANSWER = "凌志软件"
PROMPT_ZH = "请输入一个问题"
CAP_NOTE = "问题过长"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
CONTROL = {"Cc", "Cf", "Cs", "Co"}


@dataclass(frozen=True)
class Hostile:
    """A bad input and what its answer must show (every answer must also be free of tracebacks and controls)."""

    text: str
    expect: str = ""  # a piece of the answer's text; "" when any answer or sentence will do
    capped: bool = False  # longer than the cap: the answer carries the note
    cli: bool = True  # can travel through a UTF-8 pipe as one line
    empty: bool = False  # nothing left once cleaned: the "ask a question" prompt


HOSTILE: dict[str, Hostile] = {
    "empty": Hostile("", PROMPT_ZH, empty=True),
    "blank": Hostile(" \t \u3000 ", PROMPT_ZH, empty=True),
    "100,000 characters": Hostile("哪些公司在科创板上市？" + " 谢谢！" * 25_000, CHECK_ANSWER, capped=True),
    "NUL and control characters": Hostile("\x00\x01\x07哪些公司在\x7f科创板\x1b[31m上市\x08", CHECK_ANSWER),
    "only NULs": Hostile("\x00" * 50, PROMPT_ZH, empty=True),
    "bidi overrides and zero-width": Hostile("\u202e哪些公司在\u200b科创板\u200d上市\u202c\ufeff\u2066\u2069", CHECK_ANSWER),
    "only zero-width and bidi": Hostile("\u200b\u200c\u200d\u2060\ufeff\u202e\u202c", PROMPT_ZH, empty=True),
    "terminal escapes": Hostile("\x1b]0;pwned\x07\x1b[2J\x1b[31m哪些公司在科创板上市", CHECK_ANSWER),
    "HTML, script tags and markup": Hostile("<script>alert('x')</script><img src=x onerror=alert(1)><b>科创板</b>[bold red]x[/]"),
    "SQL-looking text, format strings, paths": Hostile("'; DROP TABLE events; -- 1' OR '1'='1 %s{0} ../../etc/passwd $(id)"),
    "hundreds of emoji": Hostile("😀" * 300),
    "emoji joined by ZWJ, over the cap": Hostile("👨\u200d👩\u200d👧\u200d👦" * 200, capped=True),
    "impossible date, Chinese": Hostile("13月45日发生了什么", "不是有效的日期"),
    "impossible date, English": Hostile("What happened on February 30?", "is not a valid date"),
    "impossible ISO date": Hostile("2020-02-30", "is not a valid date"),
    "hundreds of dates": Hostile("".join(f"{m}月{d}日" for m in range(1, 13) for d in range(1, 29)), capped=True),
    "lone surrogates and private use": Hostile("\ud800\ue000哪些公司在科创板上市\udfff", CHECK_ANSWER, cli=False),
    "line and paragraph separators": Hostile("哪些公司在\u2028科创板\u2029上市\x85", CHECK_ANSWER),
}


def assert_clean_output(text: str) -> None:
    """No traceback, no control or format character a terminal or a client would act on."""
    assert "Traceback" not in text and FAILED not in text
    bad = sorted({f"U+{ord(ch):04X}" for ch in text if ch != "\n" and unicodedata.category(ch) in CONTROL})
    assert not bad, f"control or format characters in the output: {bad}"


def assert_answers(answer_text: str, case: Hostile) -> None:
    assert_clean_output(answer_text)
    lines = [line for line in answer_text.splitlines() if line.strip()]
    assert lines, "an answer or one clear sentence, never nothing"
    if case.expect:
        assert case.expect in answer_text
    if case.empty:
        assert len(lines) == 1, "one clear sentence"
    assert (CAP_NOTE in answer_text) == case.capped


# -- the real engine, and `chronicle ask - --json` started before it -------------------------------------------


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's index with the real model in a temporary directory: a copy of the one `make` built when it is
    current (checked without loading the model), else built here."""
    from retrieval.e5_convert import ensure_model
    from retrieval.embedding import SentenceTransformerEmbedder
    from retrieval.index import ensure_index

    ensure_model(progress=None)
    settings = Settings.load(env={})
    path = tmp_path_factory.mktemp("index")
    if settings.index_dir.is_dir():
        shutil.copytree(settings.index_dir, path, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".lock", ".build-*"))
    ensure_index(settings.data_dir, path, SentenceTransformerEmbedder(settings.model))
    return path


# What the subprocess reads: every hostile question that fits on a line, each followed by the check question;
# then a line of undecodable bytes, the check question and one more question.
UNDECODABLE = "哪些公司在科创板上市？".encode()[:7] + b"\xff\xfe\xc3(" + "科创板".encode()
LAST = "What happened on 3 June?"
# A line longer than the decoder's 8 KiB chunk (blank, so never answered): the bytes after it decode separately.
PADDING = " " * 9000


def cli_script() -> tuple[bytes, list[str]]:
    """The bytes fed to stdin, and the questions `chronicle ask -` answers, in order (blank lines are skipped)."""
    lines: list[bytes] = []
    answered: list[str] = []
    for case in HOSTILE.values():
        if case.cli:
            lines += [case.text.encode(), CHECK.encode()]
            answered += [case.text] if case.text.strip() else []
            answered.append(CHECK)
    lines += [PADDING.encode(), UNDECODABLE, CHECK.encode(), LAST.encode()]
    answered += ["<undecodable>", CHECK, LAST]
    return b"\n".join(lines) + b"\n", answered


@dataclass
class CliRun:
    returncode: int
    answers: list[dict]
    stderr: str
    questions: list[str]


# An entry on a day April does not have, inserted after the 4月 header (line 340) of the seed: line 341.
BROKEN_LINE = 341


@pytest.fixture(scope="module")
def cli_process(index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[subprocess.Popen[bytes]]:
    """`chronicle ask - --json` reading every hostile question; started at once, read by ``cli_run``.

    Its chronicle was broken after its index was built: it must answer from that index and log why.
    """
    work = tmp_path_factory.mktemp("cli")
    (work / "chronicles").mkdir()
    seed = Settings.load(env={}).data_dir / "2020.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    assert lines[BROKEN_LINE - 2] == "4月"
    lines.insert(BROKEN_LINE - 1, "31日  四月没有三十一日。")
    (work / "chronicles" / "2020.txt").write_text("\n".join(lines), encoding="utf-8")
    shutil.copytree(index_dir, work / "index", ignore=shutil.ignore_patterns(".lock"))
    script, _ = cli_script()
    stdin_file = work / "questions.txt"
    stdin_file.write_bytes(script)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CHRONICLE_", "EMBEDDING_"))}
    # Strict UTF-8 on the standard streams, as on any machine whose locale is e.g. en_US.UTF-8.
    env.update(CHRONICLE_DATA_DIR=str(work / "chronicles"), CHRONICLE_INDEX_DIR=str(work / "index"),
               PYTHONIOENCODING="utf-8", LOG_LEVEL="WARNING")
    with stdin_file.open("rb") as stdin:
        proc = subprocess.Popen([str(CHRONICLE), "ask", "-", "--json"], stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=PROJECT_ROOT)
    yield proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def cli_run(cli_process: subprocess.Popen[bytes]) -> CliRun:
    out, err = cli_process.communicate(timeout=300)
    answers = []
    for raw in out.splitlines():
        answers.append(json.loads(raw.decode("utf-8")))  # strict: the output must be valid UTF-8 JSON lines
    return CliRun(cli_process.returncode, answers, err.decode("utf-8", "replace"), cli_script()[1])


@pytest.fixture(scope="module")
def engine(index_dir: Path, cli_process: subprocess.Popen[bytes]) -> ChronicleEngine:
    """The real engine over the same index (asks for ``cli_process`` only so that it starts first)."""
    from bot.engine import open_engine

    return open_engine(Settings.load(env={"CHRONICLE_INDEX_DIR": str(index_dir)}))


# -- the engine ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(HOSTILE))
def test_engine_answers_hostile_questions_and_the_next_one(engine: ChronicleEngine, name: str) -> None:
    case = HOSTILE[name]
    chat = f"engine-{name}"
    answer = engine.ask(case.text, chat=chat)
    assert isinstance(answer, Answer) and answer.headline
    assert len(answer.question) <= engine.max_question_chars == 500
    assert_answers(render_plain(answer), case)
    after = engine.ask(CHECK, chat=chat)
    assert CHECK_ANSWER in render_plain(after) and not after.no_match


def test_the_cap_note_says_what_was_kept(engine: ChronicleEngine) -> None:
    answer = engine.ask(HOSTILE["100,000 characters"].text, chat="cap")
    assert answer.notice and "500" in answer.notice and "Question cut to its first 500 characters" in answer.notice
    assert len(answer.question) == 500


# -- the console chat loop, scripted ---------------------------------------------------------------------------


def run_chat(engine: ChronicleEngine, lines: list[str], style: object = "plain") -> tuple[int, list[str]]:
    script = iter(lines)
    written: list[str] = []

    def read(prompt: str) -> str:
        line = next(script, None)
        if line is None:
            raise EOFError
        return line

    status = chat_loop(engine, read, written.append, style=style, chat=f"console-{len(lines)}-{style!s:.5}")  # type: ignore[arg-type]
    return status, written


def test_console_answers_every_hostile_question_and_the_next_one(engine: ChronicleEngine) -> None:
    script: list[str] = []
    for case in HOSTILE.values():
        script += [case.text, CHECK]
    status, out = run_chat(engine, script)
    assert status == 0 and out[-1] == GOODBYE
    replies = out[:-1]
    # chat_loop skips lines that are blank once stripped, as a prompt would: those get no reply at all.
    asked = [case for case in HOSTILE.values() if case.text.strip()]
    assert len(replies) == 2 * len(asked) + (len(HOSTILE) - len(asked))
    position = 0
    for case in HOSTILE.values():
        if case.text.strip():
            assert_answers(replies[position], case)
            position += 1
        assert CHECK_ANSWER in replies[position], replies[position]
        position += 1


def test_rich_console_prints_hostile_text_as_text(engine: ChronicleEngine) -> None:
    """The terminal renderer: markup and escape sequences typed by the user never reach the terminal as such."""
    from rich.console import Console

    renderer = RichRenderer(Console(force_terminal=True, width=100, highlight=False))
    script = [HOSTILE["HTML, script tags and markup"].text, HOSTILE["terminal escapes"].text, "[red]13月45日[/red]\x1b[5m", CHECK]
    status, out = run_chat(engine, script, renderer)
    assert status == 0 and FAILED not in "".join(out)
    assert not re.search(r"\x1b(?!\[[0-9;]*m)", "".join(out)), "only the renderer's own colour codes"
    shown = [ANSI.sub("", text) for text in out]
    assert CHECK_ANSWER in shown[1] and "“13月45日”不是有效的日期" in shown[2] and CHECK_ANSWER in shown[3]


# -- `chronicle ask - --json`, one process ---------------------------------------------------------------------


def cli_answer(run: CliRun, index: int) -> dict:
    assert index < len(run.answers), (
        f"`chronicle ask -` stopped after {len(run.answers)} of {len(run.questions)} answers "
        f"(exit {run.returncode}): {run.stderr.strip().splitlines()[-1:]}"
    )
    return run.answers[index]


def cli_position(run: CliRun, text: str) -> int:
    return run.questions.index(text)


@pytest.mark.parametrize("name", [name for name, case in HOSTILE.items() if case.cli and case.text.strip()])
def test_cli_answers_hostile_questions_and_the_next_one(cli_run: CliRun, name: str) -> None:
    case = HOSTILE[name]
    at = cli_position(cli_run, case.text)
    answer = cli_answer(cli_run, at)
    assert answer["question"] == case.text
    assert_answers(answer["answer"], case)
    if case.empty:
        assert answer["answer"].startswith(PROMPT_ZH), "the same prompt as the console and Telegram give"
    following = cli_answer(cli_run, at + 1)
    assert following["question"] == CHECK and CHECK_ANSWER in following["answer"]


def test_cli_survives_undecodable_bytes_on_stdin(cli_run: CliRun) -> None:
    at = cli_position(cli_run, "<undecodable>")
    answer = cli_answer(cli_run, at)
    assert "\ufffd" in answer["question"] and answer["answer"]
    assert CHECK_ANSWER in cli_answer(cli_run, at + 1)["answer"]
    assert "艾棣维欣" in cli_answer(cli_run, at + 2)["answer"]


def test_cli_exits_0_without_a_traceback_and_answers_every_line(cli_run: CliRun) -> None:
    assert "Traceback" not in cli_run.stderr, cli_run.stderr[-2000:]
    assert cli_run.returncode == 0
    assert [a["question"] for a in cli_run.answers][-2:] == [CHECK, LAST]
    assert len(cli_run.answers) == len(cli_run.questions)


def test_cli_keeps_serving_the_index_built_before_a_chronicle_broke(cli_run: CliRun) -> None:
    assert f"2020.txt:{BROKEN_LINE}" in cli_run.stderr and "does not exist" in cli_run.stderr
    assert "serving the index built before" in cli_run.stderr
    assert CHECK_ANSWER in cli_answer(cli_run, 1)["answer"]

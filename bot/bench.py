"""`chronicle bench`: every speed and memory figure beside its floor, measured in the same run.

A floor is the cost no design avoids: the bare sentence-transformers encode of the same question, a process
that only imports sentence-transformers, loads the model and encodes one query, the model's raw batch encode of
the same passages. Figures are reported as measured/floor ratios and each measurement alternates with its
floor, so a machine busy with other work slows both sides alike. Speed targets live here and in
docs/performance.md, never in tests.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import argparse

    import faiss

    from bot.config import Settings
    from bot.engine import ChronicleEngine

Progress = Callable[[str], None]

DIM_BYTES = 4  # float32
DEFAULT_SCALES = "10000,100000,1000000"  # as `chronicle bench --scales` defaults
QUICK_MAX_SCALE = 100_000
# Exact-search latency by corpus size, for the threshold between exact and approximate search.
CROSSOVER_SIZES = (10_000, 20_000, 50_000, 100_000)
# Corpus sizes the whole retriever (BM25, dates, fusion) is timed at.
RETRIEVER_SIZES = (10_000, 100_000)
RETRIEVER_SIZES_QUICK = (10_000,)
RECALL_K = 10
# The retriever asks FAISS for this many candidates to fuse with BM25 (SearchParams.candidate_pool).
POOL_K = 1000
# Search parameters swept for the approximate indexes compared with exact search at every scale.
HNSW_EF = (64, 256, 1024)
IVF_NPROBE = (16, 32, 64, 128)
# A process that only loads the model and encodes one query: the floor of a cold start.
FLOOR_SCRIPT = """\
import sys
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(sys.argv[1], device="cpu", local_files_only=True)
prompt = "query" if "query" in (getattr(model, "prompts", None) or {}) else None
vector = model.encode(sys.argv[2], prompt_name=prompt, normalize_embeddings=True, show_progress_bar=False)
print(len(vector), flush=True)
"""


# --- figures and their table -------------------------------------------------------------------------------


@dataclass
class Figure:
    """One measured figure, its floor, and the target on their ratio (or on the value when there is no floor)."""

    name: str
    value: float
    unit: str
    floor: float | None = None
    target: str = ""  # "<= 1.2", ">= 0.9" (on the ratio) or "< 1" (on the value, in ``unit``)
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)
    paired_ratio: float | None = None  # set when runs were paired with their floor: the median of pair ratios

    @property
    def ratio(self) -> float | None:
        if self.paired_ratio is not None:
            return self.paired_ratio
        if self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    @property
    def met(self) -> bool | None:
        if not self.target:
            return None
        op, _, bound = self.target.partition(" ")
        subject = self.ratio if self.floor is not None else self.value
        if subject is None:
            return None
        limit = float(bound)
        return {"<=": subject <= limit, "<": subject < limit, ">=": subject >= limit, ">": subject > limit}[op]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = None if self.ratio is None else round(self.ratio, 3)
        data["met"] = self.met
        return data


def percentiles(samples: Sequence[float], points: Iterable[int] = (50, 95, 99)) -> dict[str, float]:
    """``{"p50": ..., "p95": ..., "p99": ...}`` of ``samples`` (linear interpolation, as numpy)."""
    values = np.asarray(samples, dtype=np.float64)
    if values.size == 0:
        return {f"p{p}": float("nan") for p in points}
    return {f"p{p}": float(np.percentile(values, p)) for p in points}


def _fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value:,.1f} {unit}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def format_report(report: dict[str, Any]) -> str:
    """The bench report as plain-text tables: figures vs floors, torch threads, FAISS scale."""
    machine = report.get("machine", {})
    out = [
        f"chronicle bench{' --quick' if report.get('quick') else ''}: {machine.get('cpus', '?')} CPUs, "
        f"load average {machine.get('load_before', '?')} -> {machine.get('load_after', '?')}, "
        f"torch {machine.get('torch_threads', '?')} threads, {report.get('questions', '?')} questions"
        + (f", git {machine['git']}" if machine.get("git") else ""),
        "",
    ]
    figure_rows = []
    for fig in report.get("figures", []):
        ratio = fig.get("ratio")
        met = fig.get("met")
        figure_rows.append([
            fig["name"],
            _fmt_value(fig["value"], fig["unit"]),
            _fmt_value(fig.get("floor"), fig["unit"]),
            "-" if ratio is None else f"{ratio:.2f}",
            fig.get("target") or "-",
            "-" if met is None else ("yes" if met else "NO"),
        ])
    out += _table(["figure", "measured", "floor", "ratio", "target", "met"], figure_rows, {1, 2, 3})

    threads = report.get("torch_threads", [])
    if threads:
        out += ["", "torch threads (cache bypassed; floor = bare encode at the same thread count)"]
        rows = [
            [
                str(t["threads"]), t["mode"], _fmt_value(t["p50_ms"], "ms"), _fmt_value(t["p95_ms"], "ms"),
                _fmt_value(t.get("floor_p50_ms"), "ms"), f"{t['questions_per_s']:.1f}",
            ]
            for t in threads
        ]
        out += _table(["threads", "load", "p50", "p95", "floor p50", "questions/s"], rows, {2, 3, 4, 5})

    scale = report.get("faiss", [])
    if scale:
        out += [
            "",
            f"FAISS, one query per search as the bot does (1 OpenMP thread unless noted); recall@{RECALL_K} "
            f"against exact search; queries: {report.get('faiss_queries', '?')}",
        ]
        rows = [
            [
                f"{r['n']:,}", r["index"] + ("  <- chosen" if r.get("chosen") else ""), f"{r['build_s']:.1f}",
                _fmt_value(r["p50_ms"], "ms"), _fmt_value(r["p95_ms"], "ms"), _fmt_value(r.get("p95_pool_ms"), "ms"),
                f"{r['recall']:.3f}", f"{r['memory_bytes'] / 1e6:,.0f} MB", f"{r['memory_ratio']:.2f}",
            ]
            for r in scale
        ]
        out += _table(
            ["n", "index", "build s", "p50", f"p95 k={RECALL_K}", f"p95 k={POOL_K}", f"recall@{RECALL_K}", "memory", "x raw"],
            rows,
            {0, 2, 3, 4, 5, 6, 7, 8},
        )
        openmp = [f"{r['n']:,}: {r['p95_ms_openmp']:.2f} ms" for r in scale if "p95_ms_openmp" in r]
        if openmp:
            out.append(f"exact search p95 with {report['machine'].get('cpus', 'all')} OpenMP threads instead of 1: " + ", ".join(openmp))
    crossover = report.get("exact_crossover", [])
    if crossover:
        out.append(
            "exact search by size, 1 thread, p50/p95: "
            + ", ".join(f"{r['n']:,}: {r['p50_ms']:.2f}/{r['p95_ms']:.2f} ms" for r in crossover)
            + f"  (exact below {report.get('approximate_threshold', 0):,} events)"
        )
    retriever = report.get("retriever_scale", [])
    if retriever:
        out += ["", "retriever at scale: its own work per question (embeddings cached), events replicated over 30 years"]
        rows = [
            [
                f"{r['n']:,}", r["index"], _fmt_value(r["p50_ms"], "ms"), _fmt_value(r["p95_ms"], "ms"),
                _fmt_value(r["p99_ms"], "ms"), "-" if r.get("memory_bytes") is None else f"{r['memory_bytes'] / 1e6:,.0f} MB",
            ]
            for r in retriever
        ]
        out += _table(["events", "index", "p50", "p95", "p99", "memory"], rows, {0, 2, 3, 4, 5})
    for note in report.get("notes", []):
        out.append(note)
    return "\n".join(out)


# --- in-process latency ------------------------------------------------------------------------------------


def time_call(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def interleaved(
    questions: Sequence[str], measured: dict[str, Callable[[str], object]], rounds: int = 1
) -> dict[str, list[float]]:
    """Seconds of every callable on every question, rotating their order per question so drift hits all alike."""
    names = list(measured)
    out: dict[str, list[float]] = {name: [] for name in names}
    turn = 0
    for _ in range(rounds):
        for question in questions:
            order = names[turn % len(names):] + names[: turn % len(names)]
            turn += 1
            for name in order:
                out[name].append(time_call(lambda: measured[name](question)))
    return out


def clear_query_cache(engine: ChronicleEngine) -> None:
    """Empty the retriever's query-embedding cache, so the next question pays for its embedding."""
    retriever = engine.retriever
    cache = getattr(retriever, "_cache", None)  # Retriever has no public way to clear it (yet)
    if cache is not None:
        with getattr(retriever, "_lock", threading.Lock()):
            cache.clear()


def engine_callables(engine: ChronicleEngine) -> tuple[Callable[[str], object], Callable[[str], object]]:
    """(ask with the query cache bypassed, ask again with it warm): question to rendered text, fresh chat."""
    from bot.answer import render_plain

    def ask(question: str) -> str:
        engine.clear("bench")  # a fresh chat: no follow-up merging with the previous question
        return render_plain(engine.ask(question, chat="bench"))

    def uncached(question: str) -> str:
        clear_query_cache(engine)
        return ask(question)

    return uncached, ask


def measure_latency(
    questions: Sequence[str],
    uncached: Callable[[str], object],
    cached: Callable[[str], object],
    floor: Callable[[str], object],
    rounds: int = 1,
    warm_up: Sequence[str] = (),
) -> list[Figure]:
    """p50/p95/p99 question latency, cache bypassed and cached, against the bare encode of the same questions."""
    # Lazy tables (glossary, the CC-CEDICT lexicon of English questions) and torch's first-call allocations are
    # start-up, not latency: one question of each language first (see first_question_figures).
    for question in (*warm_up, questions[0]):
        for fn in (floor, uncached, cached):
            fn(question)

    # The cached ask follows the uncached one directly, so it always hits the cache it just filled.
    def uncached_then_cached(question: str) -> None:
        samples["uncached"].append(time_call(lambda: uncached(question)))
        samples["cached"].append(time_call(lambda: cached(question)))

    samples: dict[str, list[float]] = {"uncached": [], "cached": []}
    timed = interleaved(questions, {"floor": floor, "engine": uncached_then_cached}, rounds)
    floor_p = percentiles(timed["floor"])
    figures = []
    for key, label, target in (("uncached", "cache bypassed", "<= 1.2"), ("cached", "cached repeat", "")):
        measured = percentiles(samples[key])
        for p in ("p50", "p95", "p99"):
            figures.append(Figure(
                f"question latency {p}, {label}", measured[p] * 1e3, "ms", floor_p[p] * 1e3, target,
                samples={"measured_ms": _ms(samples[key]), "floor_ms": _ms(timed["floor"])} if p == "p50" else {},
            ))
    return figures


def first_question_figures(
    first: dict[str, str], uncached: Callable[[str], object], floor: Callable[[str], object]
) -> list[Figure]:
    """The first question of each language after start against the same question once warm (lazy loads)."""
    figures = []
    for lang, question in first.items():
        if not figures:
            floor(question)  # torch's first call belongs to the model, not to the bot
        cold = time_call(lambda: uncached(question))
        warm = time_call(lambda: uncached(question))
        figures.append(Figure(
            f"first {lang} question after start", cold * 1e3, "ms", warm * 1e3,
            note="floor: the same question, warm (cache bypassed); the difference is lazy loading",
        ))
    return figures


def _ms(seconds: Sequence[float]) -> list[float]:
    return [round(s * 1e3, 3) for s in seconds]


def measure_threads(
    questions: Sequence[str],
    uncached: Callable[[str], object],
    floor: Callable[[str], object],
    thread_counts: Sequence[int] = (1, 2),
    concurrency: int = 4,
    set_threads: Callable[[int], None] | None = None,
) -> list[dict[str, Any]]:
    """Question latency per torch thread count: one at a time (interleaved), then ``concurrency`` in flight."""
    if set_threads is None:
        import torch

        before = torch.get_num_threads()
        set_threads = torch.set_num_threads
    else:
        before = None
    rows: list[dict[str, Any]] = []
    try:
        # Single questions: every question at every thread count, switching per question.
        calls: dict[str, Callable[[str], object]] = {}
        for n in thread_counts:
            calls[f"ask{n}"] = (lambda q, n=n: (set_threads(n), uncached(q)))
            calls[f"floor{n}"] = (lambda q, n=n: (set_threads(n), floor(q)))
        timed = interleaved(questions, calls)
        for n in thread_counts:
            p = percentiles(timed[f"ask{n}"])
            rows.append({
                "threads": n, "mode": "1 at a time", "p50_ms": p["p50"] * 1e3, "p95_ms": p["p95"] * 1e3,
                "floor_p50_ms": percentiles(timed[f"floor{n}"])["p50"] * 1e3,
                "questions_per_s": len(questions) / sum(timed[f"ask{n}"]),
            })
        # A burst: ``concurrency`` questions in flight at once, as Telegram's worker threads serve them. The
        # question set is cut into chunks served alternately at each thread count, so drift hits both alike.
        latencies: dict[int, list[float]] = {n: [] for n in thread_counts}
        walls: dict[int, float] = {n: 0.0 for n in thread_counts}
        lock = threading.Lock()
        chunk = max(2 * concurrency, 1)
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            for turn, start in enumerate(range(0, len(questions), chunk)):
                part = questions[start : start + chunk]
                order = list(thread_counts) if turn % 2 == 0 else list(thread_counts)[::-1]
                for n in order:
                    set_threads(n)

                    def one(question: str, n: int = n) -> None:
                        seconds = time_call(lambda: uncached(question))
                        with lock:
                            latencies[n].append(seconds)

                    walls[n] += time_call(lambda: list(pool.map(one, part)))
        for n in thread_counts:
            p = percentiles(latencies[n])
            rows.append({
                "threads": n, "mode": f"{concurrency} in flight", "p50_ms": p["p50"] * 1e3, "p95_ms": p["p95"] * 1e3,
                "floor_p50_ms": None, "questions_per_s": len(latencies[n]) / walls[n] if walls[n] else 0.0,
            })
    finally:
        if before is not None:
            set_threads(before)
    return rows


# --- index build throughput ----------------------------------------------------------------------------------


def measure_build(
    events: Sequence[Any], embedder: Any, floor: Callable[[list[str]], object], reps: int = 1
) -> Figure:
    """Events per second of build_index into a temporary directory against the raw batch encode of the same texts."""
    from retrieval.index import build_index

    texts = [e.text for e in events]

    def build(_: str) -> None:
        with tempfile.TemporaryDirectory(prefix="chronicle-bench-") as tmp:
            build_index(events, embedder, Path(tmp))

    timed = interleaved(["x"] * reps, {"build": build, "floor": lambda _: floor(texts)})
    # Throughput: events over the median seconds of each side.
    value = len(texts) / statistics.median(timed["build"])
    floor_value = len(texts) / statistics.median(timed["floor"])
    return Figure(
        f"index build throughput ({len(texts)} events)", value, "events/s", floor_value, ">= 0.9",
        samples={"build_s": [round(s, 3) for s in timed["build"]], "floor_s": [round(s, 3) for s in timed["floor"]]},
    )


# --- subprocesses: cold start, --help, serving memory -------------------------------------------------------


@dataclass
class Run:
    """A child process: seconds to its first line of output, to its exit, peak RSS and exit code."""

    first_output_s: float
    total_s: float
    max_rss_bytes: int
    returncode: int
    stderr: str = ""


# A child forked from this process inherits its peak RSS through exec (Linux keeps the old memory's high-water
# mark), and the bench holds a loaded model: so children that are measured for memory are started by this small
# launcher, which reports its own child's peak RSS from wait4 as the last line of stderr.
_LAUNCHER = """\
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(proc.pid, 0)
sys.stderr.write(f"\\n__bench_maxrss__ {usage.ru_maxrss}\\n")
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""
_RSS_MARK = "__bench_maxrss__ "


def run_child(
    cmd: Sequence[str],
    env: dict[str, str] | None = None,
    stdin_text: str | None = None,
    timeout: float = 600.0,
    rss: bool = True,
) -> Run:
    """Run ``cmd``; times its first stdout byte and its exit and, with ``rss``, reads its own peak RSS."""
    argv = [sys.executable, "-I", "-S", "-c", _LAUNCHER, *cmd] if rss else list(cmd)
    with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stderr:
        if stdin_text is not None:
            stdin.write(stdin_text.encode("utf-8"))
            stdin.seek(0)
        started = time.perf_counter()
        # A session of its own, so a timeout kills the launcher and its child together.
        proc = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=stderr, env=env, start_new_session=True)
        assert proc.stdout is not None
        timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
        timer.start()
        try:
            first = proc.stdout.read(1)
            first_s = time.perf_counter() - started
            proc.stdout.read()
            proc.wait()
            total_s = time.perf_counter() - started
        finally:
            timer.cancel()
            proc.stdout.close()
        stderr.seek(0)
        err = stderr.read().decode("utf-8", "replace")
    max_rss = 0
    head, mark, tail = err.rpartition(_RSS_MARK)
    if rss and mark:
        err = head.rstrip("\n")
        # Linux reports ru_maxrss in KiB, macOS in bytes.
        max_rss = int(tail.split()[0]) * (1 if sys.platform == "darwin" else 1024)
    return Run(first_s if first else total_s, total_s, max_rss, proc.returncode, err)


def chronicle_command() -> list[str]:
    """How to run `chronicle` with this interpreter: the console script beside it, else ``-m bot.cli``."""
    script = Path(sys.executable).with_name("chronicle")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def child_env(settings: Settings) -> dict[str, str]:
    """The environment of a child `chronicle`: this one, with the settings in force spelled out."""
    env = dict(os.environ)
    env.update({
        "EMBEDDING_MODEL": settings.model,
        "CHRONICLE_DATA_DIR": str(settings.data_dir),
        "CHRONICLE_INDEX_DIR": str(settings.index_dir),
        "LOG_LEVEL": "WARNING",
    })
    return env


def _checked(run: Run, what: str) -> Run:
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"{what} exited with {run.returncode}: {tail[0]}")
    return run


def measure_cold_start(
    ask_cmd: Sequence[str], floor_cmd: Sequence[str], env: dict[str, str] | None, reps: int = 1
) -> tuple[list[Figure], list[Run], list[Run]]:
    """Process start to first answer (median and best of ``reps``) against a process that only loads the model and encodes one query."""
    asks: list[Run] = []
    floors: list[Run] = []
    for rep in range(reps):
        pair = [("ask", ask_cmd, asks), ("floor", floor_cmd, floors)]
        for what, cmd, out in (pair if rep % 2 == 0 else pair[::-1]):
            out.append(_checked(run_child(cmd, env), what))
    samples = {"ask_s": [round(r.first_output_s, 3) for r in asks], "floor_s": [round(r.first_output_s, 3) for r in floors]}
    # Each ask runs right beside its floor, so a burst of other work slows a pair together: the ratio is the
    # median of the pairs' ratios (the medians of each side are shown).
    paired = statistics.median(a.first_output_s / f.first_output_s for a, f in zip(asks, floors))
    median = Figure(
        f"cold start to first answer, median of {reps}", statistics.median(r.first_output_s for r in asks), "s",
        statistics.median(r.first_output_s for r in floors), "<= 1.3",
        note="floor: import sentence-transformers, load the model, encode one query; ratio: median of paired ratios",
        samples=samples, paired_ratio=paired,
    )
    # The fastest run of each is the one least disturbed by other work on the machine.
    best = Figure(
        f"cold start to first answer, best of {reps}", min(r.first_output_s for r in asks), "s",
        min(r.first_output_s for r in floors), "<= 1.3",
    )
    return [median, best], asks, floors


def measure_help(cmd: Sequence[str], env: dict[str, str] | None, reps: int = 3) -> Figure:
    runs = [_checked(run_child([*cmd, "--help"], env, rss=False), "chronicle --help") for _ in range(reps)]
    return Figure(
        "chronicle --help", statistics.median(r.total_s for r in runs), "s", None, "< 1",
        samples={"s": [round(r.total_s, 3) for r in runs]},
    )


def measure_memory(cmd: Sequence[str], env: dict[str, str] | None, questions: Sequence[str], floor_rss: int) -> Figure:
    """Peak RSS of `chronicle ask -` answering every question, against the model-only process."""
    run = _checked(run_child([*cmd, "ask", "-"], env, stdin_text="\n".join(questions) + "\n"), "chronicle ask -")
    return Figure(
        f"peak RSS serving {len(questions)} questions", run.max_rss_bytes / 1e6, "MB", floor_rss / 1e6,
        note=f"{run.total_s:.1f} s in all", samples={"total_s": [round(run.total_s, 3)]},
    )


# --- FAISS at scale ----------------------------------------------------------------------------------------


def synthetic_vectors(base: np.ndarray, n: int, seed: int = 0, noise: float | None = None) -> np.ndarray:
    """``n`` unit vectors shaped like ``base``: a random row of it plus Gaussian noise, renormalised.

    The noise's expected norm defaults to the rows' mean distance from their centroid (0.34 for the e5 event
    vectors), so synthetic events sit around real ones about as far as real events sit from each other's mean.
    """
    base = np.asarray(base, dtype=np.float32)
    rng = np.random.default_rng(seed)
    if noise is None:
        noise = float(np.linalg.norm(base - base.mean(axis=0), axis=1).mean()) or 0.1
    dim = base.shape[1]
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 65_536):  # in chunks: never a second full-size temporary
        size = min(65_536, n - start)
        block = base[rng.integers(0, len(base), size)]
        block += rng.standard_normal((size, dim), dtype=np.float32) * np.float32(noise / np.sqrt(dim))
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + size] = block
    return out


def recall_at_k(found: np.ndarray, truth: np.ndarray) -> float:
    """Mean share of each query's true top-k ids that ``found`` also returned (-1 padding never counts)."""
    found = np.asarray(found)
    truth = np.asarray(truth)
    if truth.size == 0:
        return 1.0
    k = truth.shape[1]
    shared = [len(set(f[f >= 0].tolist()) & set(t[t >= 0].tolist())) for f, t in zip(found, truth)]
    return float(np.mean(shared) / k)


def index_memory(index: faiss.Index) -> int:
    """Bytes of the serialized index: what the artifact costs on disk and, loaded, in memory."""
    import faiss

    return int(faiss.serialize_index(index).nbytes)


def describe(index: faiss.Index) -> str:
    """A short, comparable label of an index and its search parameters."""
    import faiss

    index = faiss.downcast_index(index)
    if isinstance(index, faiss.IndexHNSW):
        storage = faiss.downcast_index(index.storage)
        sq8 = "-SQ8" if isinstance(storage, faiss.IndexScalarQuantizer) else ""
        return f"HNSW{index.hnsw.nb_neighbors(1)}{sq8} efC={index.hnsw.efConstruction} ef={index.hnsw.efSearch}"
    if isinstance(index, faiss.IndexIVFFlat):
        return f"IVF-Flat nlist={index.nlist} nprobe={index.nprobe}"
    if isinstance(index, faiss.IndexFlat):
        return "Flat (exact)"
    return type(index).__name__


def _search_timed(index: faiss.Index, queries: np.ndarray, k: int, budget_s: float = 2.0) -> tuple[list[float], np.ndarray]:
    """Seconds of each single-query search and the ids found; repeated up to 3 passes within ``budget_s``.

    More passes steady the p95 of fast indexes, where one preempted search of 158 would move it.
    """
    k = min(k, index.ntotal)
    times: list[float] = []
    ids: list[np.ndarray] = []
    started = time.perf_counter()
    for attempt in range(3):
        for q in queries:
            begin = time.perf_counter()
            _, found = index.search(q[None, :], k)
            times.append(time.perf_counter() - begin)
            if attempt == 0:
                ids.append(found[0])
        if time.perf_counter() - started > budget_s:
            break
    return times, np.array(ids)


@dataclass
class Candidate:
    """An approximate index to compare: how to build it, its search-parameter sweep, up to which size to try it."""

    name: str
    factory: Callable[[], faiss.Index]
    set_param: Callable[[faiss.Index, int], None]
    sweep: Sequence[int]
    max_n: int | None = None


def _candidates(dim: int, n: int) -> list[Candidate]:
    import faiss

    from retrieval.index import ivf_lists

    def hnsw() -> faiss.Index:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        return index

    def hnsw_sq8() -> faiss.Index:
        index = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_8bit, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        return index

    def ivf() -> faiss.Index:
        # The same lists and training sample as make_faiss_index, so its row is one of this sweep.
        return faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, ivf_lists(n), faiss.METRIC_INNER_PRODUCT)

    def set_ef(index: faiss.Index, ef: int) -> None:
        faiss.downcast_index(index).hnsw.efSearch = ef

    def set_nprobe(index: faiss.Index, nprobe: int) -> None:
        faiss.downcast_index(index).nprobe = nprobe

    return [
        Candidate("ivf-flat", ivf, set_nprobe, IVF_NPROBE),
        Candidate("hnsw", hnsw, set_ef, HNSW_EF),
        # SQ8 only cuts memory; where plain HNSW32 already misses the recall target (1M) it is not worth the build.
        Candidate("hnsw-sq8", hnsw_sq8, set_ef, HNSW_EF[-1:], max_n=QUICK_MAX_SCALE),
    ]


def _train_and_add(index: faiss.Index, vectors: np.ndarray, seed: int) -> None:
    if not index.is_trained:
        from retrieval.index import ivf_training_sample

        index.train(ivf_training_sample(vectors, seed))
    index.add(vectors)


def _same_kind(a: faiss.Index, b: faiss.Index) -> bool:
    """Whether two indexes differ at most by their search parameter (same type, lists, links)."""
    return describe(a).rsplit(" ", 1)[0] == describe(b).rsplit(" ", 1)[0]


@contextmanager
def omp_threads(n: int) -> Iterator[None]:
    """FAISS's OpenMP threads inside the block. Torch shares the OpenMP runtime: torch.set_num_threads(1), as the
    engine does for serving, leaves FAISS one thread too, so builds here ask for every core explicitly."""
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(max(1, n))
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


ALL_CORES = os.cpu_count() or 1


def faiss_scale(
    base: np.ndarray,
    queries: np.ndarray,
    sizes: Sequence[int],
    *,
    kinds: Sequence[str] | None = None,
    seed: int = 0,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Exact vs approximate single-query search over synthetic corpora of each size: p95, recall@10, memory.

    ``kinds`` picks among "ivf-flat", "hnsw" and "hnsw-sq8" (default all); the row of the index the bot
    would build (``make_faiss_index``) is marked ``chosen``.
    """
    import faiss

    from retrieval.index import make_faiss_index

    say = progress or (lambda message: None)
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    rows: list[dict[str, Any]] = []

    def measure(index: faiss.Index, n: int, truth: np.ndarray, build_s: float, memory: int) -> dict[str, Any]:
        with omp_threads(1):  # the bot searches one query at a time, from several threads
            times, found = _search_timed(index, queries, RECALL_K)
            pool_times, _ = _search_timed(index, queries, POOL_K)
        p = percentiles(times)
        return {
            "n": n, "index": describe(index), "build_s": round(build_s, 2),
            "p50_ms": p["p50"] * 1e3, "p95_ms": p["p95"] * 1e3, "p95_pool_ms": percentiles(pool_times)["p95"] * 1e3,
            "recall": recall_at_k(found, truth), "memory_bytes": memory, "memory_ratio": memory / (n * queries.shape[1] * DIM_BYTES),
            "chosen": False,
        }

    with omp_threads(ALL_CORES):  # builds and the ground truth on every core
        for n in sizes:
            vectors = synthetic_vectors(base, n, seed=seed)
            say(f"faiss {n:,}: exact search")
            flat = faiss.IndexFlatIP(vectors.shape[1])
            flat.add(vectors)
            _, truth = flat.search(queries, min(RECALL_K, n))  # batched: the ground truth
            flat_row = measure(flat, n, truth, 0.0, index_memory(flat))
            # The same single-query search with OpenMP on every core: on a busy machine the threads fight for them.
            flat_row["p95_ms_openmp"] = percentiles(_search_timed(flat, queries, RECALL_K)[0])["p95"] * 1e3
            rows.append(flat_row)
            del flat

            say(f"faiss {n:,}: make_faiss_index")
            started = time.perf_counter()
            chosen = make_faiss_index(vectors)
            chosen_build = time.perf_counter() - started
            chosen_label = describe(chosen)
            chosen_done = chosen_label == flat_row["index"]
            flat_row["chosen"] = chosen_done
            for candidate in _candidates(vectors.shape[1], n):
                if (kinds is not None and candidate.name not in kinds) or (candidate.max_n and n > candidate.max_n):
                    continue
                probe = candidate.factory()
                if _same_kind(probe, chosen):
                    index, build_s = chosen, chosen_build  # sweep the chosen index itself: no second build
                else:
                    say(f"faiss {n:,}: building {candidate.name}")
                    index = probe
                    started = time.perf_counter()
                    _train_and_add(index, vectors, seed)
                    build_s = time.perf_counter() - started
                memory = index_memory(index)
                for value in candidate.sweep:
                    candidate.set_param(index, value)
                    rows.append(measure(index, n, truth, build_s, memory))
                    if rows[-1]["index"] == chosen_label:
                        rows[-1]["chosen"] = chosen_done = True
                del index, probe
            if not chosen_done:
                rows.append(measure(chosen, n, truth, chosen_build, index_memory(chosen)))
                rows[-1]["chosen"] = True
            del chosen, vectors
    return rows


def exact_crossover(base: np.ndarray, queries: np.ndarray, sizes: Sequence[int] = CROSSOVER_SIZES) -> list[dict[str, Any]]:
    """Single-query exact search p50/p95 (1 OpenMP thread) by corpus size: where it stops being negligible."""
    import faiss

    rows = []
    for n in sizes:
        flat = faiss.IndexFlatIP(base.shape[1])
        flat.add(synthetic_vectors(base, n))
        with omp_threads(1):
            p = percentiles(_search_timed(flat, np.ascontiguousarray(queries, dtype=np.float32), RECALL_K)[0])
        rows.append({"n": n, "p50_ms": p["p50"] * 1e3, "p95_ms": p["p95"] * 1e3})
        del flat
    return rows


def _current_rss() -> int | None:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def retriever_scale(
    index: Any, embedder: Any, questions: Sequence[str], sizes: Sequence[int], progress: Progress | None = None
) -> list[dict[str, Any]]:
    """The retriever's own work per question (embeddings cached) over the events replicated to each size.

    Copies of the real events spread over 30 years (so date questions select a thirtieth of them), with
    synthetic vectors and the index make_faiss_index picks: BM25, date filters and fusion at that size.
    """
    from dataclasses import replace

    from retrieval.index import ChronicleIndex, make_faiss_index
    from retrieval.search import Retriever

    say = progress or (lambda message: None)
    cached = {q: np.asarray(embedder.encode_queries([q])[0], dtype=np.float32) for q in questions}

    class CachedEmbedder:
        """The real embedder's vectors of the bench questions, looked up: the model is not what is timed here."""

        name = getattr(embedder, "name", "cached")
        dim = int(next(iter(cached.values())).shape[0])

        def fingerprint(self) -> str:
            return "cached"

        def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
            return np.stack([cached[t] for t in texts])

        def encode_passages(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
            raise NotImplementedError

    base_vectors = index.vectors()
    rows = []
    for n in sizes:
        say(f"retriever over {n:,} events")
        before = _current_rss()
        started = time.perf_counter()
        events = []
        for copy in range(n // len(index.events) + 1):
            shift = copy % 30
            for e in index.events:
                if len(events) == n:
                    break
                year = str(e.year - shift)
                events.append(replace(
                    e, id=f"{e.id}~{copy}", date=year + e.date[4:], date_end=(year + e.date_end[4:]) if e.date_end else None,
                ))
        with omp_threads(ALL_CORES):
            faiss_index = make_faiss_index(synthetic_vectors(base_vectors, n))
        retriever = Retriever(ChronicleIndex(events, faiss_index, dict(index.manifest, count=n)), CachedEmbedder())
        retriever.keys.warm_up()  # as served: open_engine builds the pinyin and abbreviation indexes at start
        setup_s = time.perf_counter() - started
        after = _current_rss()
        for q in questions:  # what search embeds is the question as read (its typos put right)
            read = retriever.read(q)
            if read not in cached:
                cached[read] = np.asarray(embedder.encode_queries([read])[0], dtype=np.float32)
        with omp_threads(1):  # as served: one thread per question
            retriever.search(questions[0])
            times = [time_call(lambda: retriever.search(q)) for q in questions]
        p = percentiles(times)
        rows.append({
            "n": n, "index": describe(faiss_index), "setup_s": round(setup_s, 1),
            "p50_ms": p["p50"] * 1e3, "p95_ms": p["p95"] * 1e3, "p99_ms": p["p99"] * 1e3,
            "memory_bytes": None if before is None or after is None else after - before,
        })
        del retriever, faiss_index, events
    return rows


def parse_scales(text: str, quick: bool) -> list[int]:
    """"10000,100000,1000000" -> sizes; --quick drops those above 100k."""
    sizes = []
    for part in str(text).replace("_", "").split(","):
        part = part.strip().lower()
        if not part:
            continue
        factor = 1
        if part[-1] in "km":
            factor = 1_000 if part[-1] == "k" else 1_000_000
            part = part[:-1]
        sizes.append(int(float(part) * factor))
    return [n for n in sizes if n > 0 and not (quick and n > QUICK_MAX_SCALE)]


# --- the command ---------------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for package in ("torch", "sentence-transformers", "faiss-cpu", "numpy"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            continue
    try:
        root = Path(__file__).resolve().parents[1]
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, timeout=10)
        git = head.stdout.strip() + (" with local changes" if dirty.stdout.strip() else "") if head.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        git = None
    return {
        "git": git,
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
        "load_before": round(os.getloadavg()[0], 2),
    }


def run_bench(settings: Settings, args: argparse.Namespace) -> int:
    """Measure every figure beside its floor and print the table (or JSON with --json)."""
    import torch

    from bot.engine import open_engine
    from bot.evaluation import load_questions
    from retrieval.parsing import load_chronicles

    quick = bool(getattr(args, "quick", False))
    scales = parse_scales(getattr(args, "scales", DEFAULT_SCALES), quick)

    def say(message: str) -> None:
        print(f"bench: {message}", file=sys.stderr, flush=True)

    report: dict[str, Any] = {"quick": quick, "machine": machine_info(), "figures": [], "notes": []}
    say("loading the engine")
    engine = open_engine(settings)
    embedder = engine.retriever.embedder
    model = embedder.model  # the same SentenceTransformer the engine uses: the floor shares its weights
    prompts = getattr(model, "prompts", None) or {}
    query_prompt = "query" if "query" in prompts else None
    passage_prompt = "passage" if "passage" in prompts else None
    report["machine"]["torch_threads"] = torch.get_num_threads()

    loaded = load_questions()
    questions = list(dict.fromkeys(q.question for q in loaded))
    sample = questions[::3] if quick else questions
    report["questions"] = len(sample)

    def encode(question: str) -> object:
        return model.encode(question, prompt_name=query_prompt, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)

    uncached, cached = engine_callables(engine)
    say("first question of each language (lazy loads)")
    first = {}
    for q in loaded:
        first.setdefault(q.lang, q.question)
    report["figures"] += [f.to_json() for f in first_question_figures(first, uncached, encode)]
    say(f"question latency over {len(sample)} questions")
    report["figures"] += [
        f.to_json() for f in measure_latency(sample, uncached, cached, encode, rounds=1 if quick else 2, warm_up=list(first.values()))
    ]

    say("torch threads 1 vs 2")
    report["torch_threads"] = measure_threads(sample if not quick else sample[:30], uncached, encode)

    say("index build throughput")
    events = load_chronicles(settings.data_dir)

    def encode_passages(texts: list[str]) -> object:
        return model.encode(
            texts, prompt_name=passage_prompt, batch_size=getattr(embedder, "batch_size", 32),
            convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False,
        )

    report["figures"].append(measure_build(events, embedder, encode_passages, reps=3 if quick else 5).to_json())

    say("cold start (subprocesses)")
    cmd = chronicle_command()
    env = child_env(settings)
    ask_cmd = [*cmd, "ask", questions[0]]
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT, settings.model, questions[0]]
    cold, _, floors = measure_cold_start(ask_cmd, floor_cmd, env, reps=2 if quick else 5)
    report["figures"] += [f.to_json() for f in cold]
    report["figures"].append(measure_help(cmd, env, reps=3 if quick else 5).to_json())
    say("peak memory of a serving process")
    floor_rss = min(r.max_rss_bytes for r in floors)
    report["figures"].append(measure_memory(cmd, env, sample, floor_rss).to_json())

    if scales:
        say(f"faiss scale {', '.join(f'{n:,}' for n in scales)}")
        base = engine.retriever.index.vectors()
        queries = embedder.encode_queries(questions)
        report["faiss_queries"] = f"{len(queries)} real question embeddings"
        report["faiss"] = faiss_scale(base, queries, scales, progress=say)
        say("exact search by size")
        report["exact_crossover"] = exact_crossover(base, queries)
        from retrieval.index import APPROXIMATE_THRESHOLD

        report["approximate_threshold"] = APPROXIMATE_THRESHOLD
    retriever_sizes = RETRIEVER_SIZES_QUICK if quick else RETRIEVER_SIZES
    report["retriever_scale"] = retriever_scale(engine.retriever.index, embedder, questions, retriever_sizes, progress=say)
    report["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    given = str(getattr(args, "scales", DEFAULT_SCALES))
    report["notes"].append(
        "\nreproduce: chronicle bench" + (" --quick" if quick else "") + (f" --scales {given}" if given != DEFAULT_SCALES else "")
    )
    if getattr(args, "json", False):
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0

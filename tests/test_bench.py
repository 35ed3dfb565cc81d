"""`chronicle bench` code paths on a tiny configuration: structure and sanity, never timing thresholds."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from bot import bench
from bot.engine import ChronicleEngine
from retrieval.embedding import HashEmbedder
from retrieval.events import Event
from retrieval.index import build_index
from retrieval.search import Retriever

TEXTS = [
    "园区举行新冠肺炎疫情防控工作会议，部署复工复产。",
    "科创板上市企业数量居全国开发区首位。",
    "Suzhou Industrial Park signed 58 projects worth 73.6 billion yuan.",
    "生物医药产业集群入选国家战略性新兴产业集群。",
    "纳米技术应用产业总产值首次突破千亿元。",
    "金鸡湖畔举办国际马拉松比赛，参赛者超过两万人。",
]
QUESTIONS = ["科创板上市的企业有哪些？", "疫情防控会议", "which projects were signed?", "纳米技术产值"]


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return [
        Event(id=f"2020-0{i + 1}-01-1", date=f"2020-0{i + 1}-01", date_end=None, text=text, source=f"2020.txt:{i + 1}")
        for i, text in enumerate(TEXTS)
    ]


@pytest.fixture(scope="module")
def engine(events: list[Event], tmp_path_factory: pytest.TempPathFactory) -> ChronicleEngine:
    index = build_index(events, HashEmbedder(), tmp_path_factory.mktemp("index"))
    return ChronicleEngine(Retriever(index, HashEmbedder()))


def test_percentiles_and_recall() -> None:
    p = bench.percentiles([1.0, 2.0, 3.0, 4.0, 100.0])
    assert set(p) == {"p50", "p95", "p99"}
    assert p["p50"] == 3.0 and p["p50"] <= p["p95"] <= p["p99"] <= 100.0

    truth = np.array([[1, 2, 3, 4], [5, 6, 7, 8]])
    assert bench.recall_at_k(truth, truth) == 1.0
    assert bench.recall_at_k(truth[:, ::-1], truth) == 1.0  # order within the top k does not matter
    assert bench.recall_at_k(np.array([[1, 2, -1, -1], [9, 9, 9, 9]]), truth) == pytest.approx(0.25)


def test_synthetic_vectors_are_unit_and_near_their_base() -> None:
    rng = np.random.default_rng(1)
    base = rng.standard_normal((20, 32)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    vectors = bench.synthetic_vectors(base, 500, seed=3)
    assert vectors.shape == (500, 32) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # Every synthetic vector is closer to some real one than random unit vectors are to each other.
    assert float((vectors @ base.T).max(axis=1).mean()) > 0.5
    assert np.array_equal(vectors, bench.synthetic_vectors(base, 500, seed=3))  # reproducible


def test_faiss_scale_at_2k() -> None:
    rng = np.random.default_rng(0)
    base = rng.standard_normal((50, 384)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    queries = bench.synthetic_vectors(base, 40, seed=99)
    rows = bench.faiss_scale(base, queries, [2000], kinds=("hnsw", "ivf-flat"))
    exact = [r for r in rows if r["index"].startswith("Flat")]
    assert len(exact) == 1 and exact[0]["recall"] == 1.0
    assert exact[0]["memory_ratio"] == pytest.approx(1.0, abs=0.01)
    assert exact[0]["chosen"]  # 2k vectors: the bot would build the exact index
    assert {r["index"].split()[0] for r in rows} >= {"Flat", "HNSW32", "IVF-Flat"}
    for r in rows:
        assert r["n"] == 2000
        assert 0.0 <= r["recall"] <= 1.0
        assert r["p95_ms"] > 0 and r["p95_pool_ms"] > 0 and r["memory_bytes"] > 0 and r["build_s"] >= 0
    json.dumps(rows)  # the --json report holds these rows as they are


def test_exact_crossover_and_retriever_scale(engine: ChronicleEngine) -> None:
    base = engine.retriever.index.vectors()
    rows = bench.exact_crossover(base, base[:5], sizes=(500, 1000))
    assert [r["n"] for r in rows] == [500, 1000] and all(0 < r["p50_ms"] <= r["p95_ms"] for r in rows)

    # A typo is read before it is embedded ("tecnology" → "technology"): the cached vectors follow it.
    scale = bench.retriever_scale(engine.retriever.index, engine.retriever.embedder, QUESTIONS + ["3月发生了什么", "which projects were signed by tecnology companies?"], [60])
    assert len(scale) == 1 and scale[0]["n"] == 60 and scale[0]["index"] == "Flat (exact)"
    assert 0 < scale[0]["p50_ms"] <= scale[0]["p95_ms"] <= scale[0]["p99_ms"]


def test_parse_scales() -> None:
    assert bench.parse_scales("10000,100000,1000000", quick=False) == [10_000, 100_000, 1_000_000]
    assert bench.parse_scales("10k, 100k, 1m", quick=True) == [10_000, 100_000]
    assert bench.parse_scales("", quick=False) == []


def test_latency_threads_and_build_on_a_fake_embedder(engine: ChronicleEngine, events: list[Event]) -> None:
    uncached, cached = bench.engine_callables(engine)
    floor = engine.retriever.embedder.encode_queries
    figures = bench.measure_latency(QUESTIONS, uncached, cached, lambda q: floor([q]), rounds=2)
    assert [f.name for f in figures][:3] == [f"question latency p{p}, cache bypassed" for p in (50, 95, 99)]
    for figure in figures:
        assert figure.value > 0 and figure.floor is not None and figure.floor > 0
        assert figure.ratio is not None and figure.ratio > 0
        assert figure.met in (True, False, None)
    assert len(figures[0].samples["measured_ms"]) == 2 * len(QUESTIONS)
    assert len(engine.retriever._cache) > 0  # the cached pass really used the cache

    threads_seen: list[int] = []
    rows = bench.measure_threads(QUESTIONS, uncached, lambda q: floor([q]), concurrency=2, set_threads=threads_seen.append)
    assert [(r["threads"], r["mode"]) for r in rows] == [(1, "1 at a time"), (2, "1 at a time"), (1, "2 in flight"), (2, "2 in flight")]
    assert all(r["p50_ms"] > 0 and r["questions_per_s"] > 0 for r in rows)
    assert set(threads_seen) == {1, 2}

    embedder = HashEmbedder()
    build = bench.measure_build(events, embedder, embedder.encode_passages, reps=2)
    assert build.unit == "events/s" and build.value > 0 and build.floor and build.ratio and build.ratio > 0
    assert len(build.samples["build_s"]) == 2


def test_figure_targets() -> None:
    assert bench.Figure("x", 12.0, "ms", 10.0, "<= 1.2").met is True
    assert bench.Figure("x", 13.0, "ms", 10.0, "<= 1.2").met is False
    assert bench.Figure("x", 9.0, "events/s", 10.0, ">= 0.9").met is True
    assert bench.Figure("x", 0.2, "s", None, "< 1").met is True
    assert bench.Figure("x", 900.0, "MB", 800.0).met is None
    assert bench.Figure("x", 20.0, "s", 10.0, "<= 1.3", paired_ratio=1.1).met is True  # paired runs: pair ratios count


def test_cold_start_pairs_each_run_with_its_floor() -> None:
    fast = [sys.executable, "-c", "print(1)"]
    figures, asks, floors = bench.measure_cold_start(fast, fast, None, reps=3)
    assert len(asks) == len(floors) == 3
    assert [f.name for f in figures] == ["cold start to first answer, median of 3", "cold start to first answer, best of 3"]
    assert all(f.ratio is not None and f.ratio > 0 for f in figures)
    assert all(r.max_rss_bytes > 0 for r in floors)


def test_child_process_is_timed_with_its_peak_memory() -> None:
    run = bench.run_child([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"], stdin_text="hi\n")
    assert run.returncode == 0 and 0 < run.first_output_s <= run.total_s and run.max_rss_bytes > 1_000_000
    failed = bench.run_child([sys.executable, "-c", "import sys; sys.exit('boom')"])
    with pytest.raises(RuntimeError, match="boom"):
        bench._checked(failed, "child")


def test_child_peak_memory_is_its_own_not_this_process() -> None:
    # A child forked from a large process inherits its high-water mark through exec unless launched apart.
    ballast = np.ones(300_000_000, dtype=np.uint8)
    run = bench.run_child([sys.executable, "-c", "print(1)"])
    assert ballast.sum() == 300_000_000
    assert 1_000_000 < run.max_rss_bytes < 150_000_000


def test_large_corpora_get_an_ivf_index_that_survives_a_round_trip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import faiss

    from retrieval import index as index_module

    rng = np.random.default_rng(0)
    base = rng.standard_normal((30, 64)).astype(np.float32)
    vectors = bench.synthetic_vectors(base / np.linalg.norm(base, axis=1, keepdims=True), 4000, seed=2)
    monkeypatch.setattr(index_module, "APPROXIMATE_THRESHOLD", 3000)
    built = index_module.make_faiss_index(vectors)
    assert isinstance(built, faiss.IndexIVFFlat) and built.ntotal == 4000
    assert built.nlist == index_module.ivf_lists(4000) and built.nprobe == index_module.IVF_NPROBE
    faiss.write_index(built, str(tmp_path / "v.faiss"))
    loaded = faiss.read_index(str(tmp_path / "v.faiss"))
    assert loaded.nprobe == index_module.IVF_NPROBE  # the search parameter travels with the artifact
    assert np.array_equal(loaded.reconstruct_n(0, 4000), vectors)  # incremental builds reuse stored vectors
    flat = faiss.IndexFlatIP(64)
    flat.add(vectors)
    _, truth = flat.search(vectors[:50], 10)
    _, found = loaded.search(vectors[:50], 10)
    assert bench.recall_at_k(found, truth) > 0.5
    assert isinstance(index_module.make_faiss_index(vectors[:2999]), faiss.IndexFlatIP)


def test_help_is_measured_without_loading_the_model() -> None:
    figure = bench.measure_help(bench.chronicle_command(), None, reps=1)
    assert figure.value > 0 and figure.met in (True, False)


def test_report_formats_as_table_and_json() -> None:
    figures = [
        bench.Figure("question latency p50, cache bypassed", 31.0, "ms", 27.5, "<= 1.2"),
        bench.Figure("cold start: process start to first answer", 12.5, "s", 11.0, "<= 1.3"),
        bench.Figure("chronicle --help", 0.08, "s", None, "< 1"),
        bench.Figure("index build throughput (6 events)", 18.0, "events/s", 19.0, ">= 0.9"),
        bench.Figure("peak RSS serving 4 questions", 930.0, "MB", 850.0),
    ]
    rng = np.random.default_rng(0)
    base = rng.standard_normal((10, 16)).astype(np.float32)
    faiss_rows = bench.faiss_scale(base, bench.synthetic_vectors(base, 5, seed=1), [300], kinds=())
    report = {
        "quick": True,
        "machine": {"cpus": 2, "load_before": 1.0, "load_after": 1.5, "torch_threads": 2},
        "questions": 4,
        "figures": [f.to_json() for f in figures],
        "torch_threads": [{"threads": 1, "mode": "1 at a time", "p50_ms": 30.0, "p95_ms": 40.0, "floor_p50_ms": 28.0, "questions_per_s": 30.0}],
        "faiss": faiss_rows,
        "faiss_queries": "5 synthetic",
        "exact_crossover": [{"n": 10_000, "p50_ms": 0.5, "p95_ms": 0.6}],
        "approximate_threshold": 20_000,
        "retriever_scale": [{"n": 10_000, "index": "Flat (exact)", "p50_ms": 20.0, "p95_ms": 60.0, "p99_ms": 90.0, "memory_bytes": None}],
        "notes": [],
    }
    text = bench.format_report(report)
    lines = text.splitlines()
    assert lines[0].startswith("chronicle bench --quick: 2 CPUs")
    assert any(line.startswith("question latency p50, cache bypassed") and "1.13" in line and "yes" in line for line in lines)
    assert any("index build throughput" in line and "0.95" in line for line in lines)
    assert any("Flat (exact)  <- chosen" in line for line in lines)
    assert "recall@10" in text and "x raw" in text
    assert "10,000: 0.50/0.60 ms  (exact below 20,000 events)" in text
    assert any(line.startswith("10,000  Flat (exact)") and "60.0 ms" in line for line in lines)
    assert json.loads(json.dumps(report, ensure_ascii=False))["figures"][0]["ratio"] == pytest.approx(1.127, abs=1e-3)


def test_bench_subcommand_is_wired() -> None:
    from bot.cli import build_parser

    args = build_parser().parse_args(["bench", "--quick", "--json", "--scales", "2000"])
    assert args.quick and args.json and bench.parse_scales(args.scales, args.quick) == [2000]
    assert args.handler.__name__ == "cmd_bench"


def test_performance_doc_exists() -> None:
    doc = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
    assert "chronicle bench" in doc.read_text(encoding="utf-8")

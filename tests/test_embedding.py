"""Embedders: the real sentence-transformers model (lazy, prompted, normalised) and the hashing fake."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval import embedding
from retrieval.e5_convert import BUILD_INFO, DEFAULT_MODEL_DIR, WEIGHTS_FILE, ensure_model
from retrieval.embedding import Embedder, HashEmbedder, SentenceTransformerEmbedder, resolve_model_name
from retrieval.errors import ModelUnavailable

TEXTS = [
    "园区凌志软件股份有限公司在上海证券交易所科创板上市。",
    "苏州开放再出发大会在园区召开。",
    "Suzhou Industrial Park signed 58 projects.",
    "",
]


@pytest.fixture(scope="module")
def model_dir() -> Path:
    """The converted model; built here if `make` has not built it yet (a no-op otherwise)."""
    ensure_model(DEFAULT_MODEL_DIR, progress=None)
    return DEFAULT_MODEL_DIR


@pytest.fixture(scope="module")
def embedder(model_dir: Path) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(model_dir)


def _assert_unit_rows(vectors: np.ndarray, n: int, dim: int) -> None:
    assert vectors.dtype == np.float32
    assert vectors.shape == (n, dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


# ----------------------------------------------------------------------------- names


def test_resolve_model_name_defaults_to_converted_directory() -> None:
    assert resolve_model_name(None) == str(DEFAULT_MODEL_DIR)
    assert resolve_model_name("") == str(DEFAULT_MODEL_DIR)
    assert resolve_model_name("  ") == str(DEFAULT_MODEL_DIR)
    assert resolve_model_name("intfloat/multilingual-e5-small") == "intfloat/multilingual-e5-small"


def test_construction_is_lazy_and_cheap(tmp_path: Path) -> None:
    started = time.monotonic()
    e = SentenceTransformerEmbedder(tmp_path / "nowhere")
    assert e._model is None
    assert time.monotonic() - started < 0.5
    assert e.name == "nowhere"
    hub = SentenceTransformerEmbedder("intfloat/multilingual-e5-small")
    assert hub.name == "intfloat/multilingual-e5-small" and hub.path is None


# ----------------------------------------------------------------------------- real model


@pytest.mark.slow
def test_fingerprint_is_recorded_sha_and_needs_no_load(model_dir: Path) -> None:
    fresh = SentenceTransformerEmbedder(model_dir)
    recorded = json.loads((model_dir / BUILD_INFO).read_text())["files"][WEIGHTS_FILE]["sha256"]
    assert fresh.fingerprint() == recorded
    assert fresh._model is None
    assert SentenceTransformerEmbedder(str(model_dir)).fingerprint() == recorded
    assert fresh.name == "multilingual-e5-small"
    assert SentenceTransformerEmbedder(None).name == "multilingual-e5-small"


@pytest.mark.slow
def test_dims_and_normalisation(embedder: SentenceTransformerEmbedder) -> None:
    assert embedder.dim == 384
    _assert_unit_rows(embedder.encode_passages(TEXTS), len(TEXTS), 384)
    _assert_unit_rows(embedder.encode_queries(TEXTS), len(TEXTS), 384)
    _assert_unit_rows(embedder.encode_queries(["科创板上市公司"]), 1, 384)
    assert embedder.encode_passages([]).shape == (0, 384)
    assert embedder.encode_queries([]).shape == (0, 384)


@pytest.mark.slow
def test_prompts_are_applied(embedder: SentenceTransformerEmbedder) -> None:
    text = "科创板上市"
    query = embedder.encode_queries([text])[0]
    passage = embedder.encode_passages([text])[0]
    assert float(query @ passage) < 0.999  # different prefixes, different vectors
    raw = embedder.model
    by_hand_q = raw.encode("query: " + text, normalize_embeddings=True)
    by_hand_p = raw.encode("passage: " + text, normalize_embeddings=True)
    assert float(query @ by_hand_q) > 0.99999
    assert float(passage @ by_hand_p) > 0.99999


@pytest.mark.slow
def test_single_query_equals_batched(embedder: SentenceTransformerEmbedder) -> None:
    batch = embedder.encode_queries(TEXTS[:3])
    for text, row in zip(TEXTS[:3], batch):
        assert float(embedder.encode_queries([text])[0] @ row) > 0.99999


@pytest.mark.slow
def test_retrieval_sanity(embedder: SentenceTransformerEmbedder) -> None:
    passages = embedder.encode_passages(TEXTS[:3])
    scores = passages @ embedder.encode_queries(["哪家公司在科创板上市？"])[0]
    assert int(np.argmax(scores)) == 0


@pytest.mark.slow
def test_model_without_prompts_encodes_plain_text(model_dir: Path, tmp_path: Path) -> None:
    # Same weights (symlinked), but a config without prompts: the embedder must not invent any.
    plain = tmp_path / "plain"
    plain.mkdir()
    for item in model_dir.iterdir():
        if item.name not in {BUILD_INFO, "config_sentence_transformers.json"}:
            (plain / item.name).symlink_to(item)
    (plain / "config_sentence_transformers.json").write_text(json.dumps({"prompts": {}, "default_prompt_name": None}))
    e = SentenceTransformerEmbedder(plain)
    vec = e.encode_queries(["科创板"])[0]
    assert float(vec @ e.model.encode("科创板", normalize_embeddings=True)) > 0.99999
    assert float(vec @ e.encode_passages(["科创板"])[0]) > 0.99999
    assert len(e.fingerprint()) == 64


def test_warm_up_loads_once_across_threads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sentence_transformers

    loads: list[str] = []

    class FakeModel:
        prompts = {"query": "query: ", "passage": "passage: "}

        def __init__(self, name: str, **kwargs: Any) -> None:
            time.sleep(0.2)  # long enough for every thread to race into warm_up
            loads.append(name)

    monkeypatch.setattr(sentence_transformers, "SentenceTransformer", FakeModel)
    e = SentenceTransformerEmbedder(tmp_path)
    threads = [threading.Thread(target=e.warm_up) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert loads == [str(tmp_path.resolve())]
    assert isinstance(e.model, FakeModel)


# ----------------------------------------------------------------------------- failures


def _assert_one_line(exc: BaseException, name: str) -> None:
    message = str(exc)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"cannot load embedding model '{name}': ")
    assert len(message) < 400


def test_missing_directory_is_model_unavailable(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    e = SentenceTransformerEmbedder(missing)
    with pytest.raises(ModelUnavailable) as info:
        e.encode_queries(["x"])
    _assert_one_line(info.value, str(missing))
    assert "no such directory" in str(info.value)


def test_relative_path_is_never_sent_to_the_hub() -> None:
    e = SentenceTransformerEmbedder("data/models/not-built-yet")
    assert e.path is not None
    with pytest.raises(ModelUnavailable, match="no such directory"):
        e.warm_up()


def test_truncated_local_directory_is_model_unavailable_without_torch(tmp_path: Path) -> None:
    (tmp_path / WEIGHTS_FILE).write_bytes(b"12345")
    (tmp_path / BUILD_INFO).write_text(json.dumps({"files": {WEIGHTS_FILE: {"size": 470045872, "sha256": "0" * 64}}}))
    with pytest.raises(ModelUnavailable, match="truncated") as info:
        SentenceTransformerEmbedder(tmp_path).warm_up()
    _assert_one_line(info.value, str(tmp_path))


@pytest.mark.slow
def test_garbage_directory_is_model_unavailable(tmp_path: Path) -> None:
    (tmp_path / "modules.json").write_text("[not json")
    with pytest.raises(ModelUnavailable) as info:
        SentenceTransformerEmbedder(tmp_path).warm_up()
    _assert_one_line(info.value, str(tmp_path))


@pytest.mark.slow
def test_unknown_hub_name_offline_is_model_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache: nothing to fall back on
    name = "no-such-org/no-such-embedding-model"
    started = time.monotonic()
    with pytest.raises(ModelUnavailable) as info:
        SentenceTransformerEmbedder(name).encode_queries(["x"])
    assert time.monotonic() - started < 60
    _assert_one_line(info.value, name)
    assert "HF_HUB_OFFLINE" in str(info.value)


@pytest.mark.slow
def test_unreachable_hub_fails_fast(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setattr(embedding, "_hub_reachable", lambda timeout=3.0: False)
    name = "no-such-org/no-such-embedding-model"
    started = time.monotonic()
    with pytest.raises(ModelUnavailable, match="unreachable") as info:
        SentenceTransformerEmbedder(name).warm_up()
    assert time.monotonic() - started < 30
    _assert_one_line(info.value, name)


# ----------------------------------------------------------------------------- fake


def test_hash_embedder_is_deterministic_and_normalised() -> None:
    a, b = HashEmbedder(), HashEmbedder()
    assert a.name == "hash-demo" and a.dim == 64
    first = a.encode_passages(TEXTS)
    _assert_unit_rows(first, len(TEXTS), 64)
    assert np.array_equal(first, b.encode_passages(TEXTS))
    assert np.array_equal(a.encode_queries(TEXTS[:1]), first[:1])
    assert a.fingerprint() == b.fingerprint()
    assert float(first[0] @ first[1]) < 0.99
    assert a.encode_queries([]).shape == (0, 64)
    # crc32, not hash(): the same vector in every process whatever PYTHONHASHSEED is. Pinned.
    abc = a.encode_queries(["abc"])[0]
    assert np.nonzero(abc)[0].tolist() == [2, 3, 45, 47, 56, 57]
    assert np.allclose(abc[[2, 3, 45, 47, 56, 57]], np.array([-1, 1, 1, 1, 1, -1]) / np.sqrt(6))


def test_hash_embedder_satisfies_protocol() -> None:
    fake: Embedder = HashEmbedder()
    real: Embedder = SentenceTransformerEmbedder(DEFAULT_MODEL_DIR)
    for e in (fake, real):
        assert isinstance(e.name, str) and callable(e.fingerprint)
        assert callable(e.encode_queries) and callable(e.encode_passages)
    assert real._model is None  # checking the shape of the API loads nothing

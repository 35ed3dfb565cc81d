"""Sentence embeddings for retrieval: the real sentence-transformers model and a hashing fake for unit tests.

Importing this module is cheap: torch and sentence-transformers load on the first ``warm_up()``.
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import numpy as np

from .e5_convert import DEFAULT_MODEL_DIR, WEIGHTS_FILE, read_build_info
from .errors import ModelUnavailable

QUERY_PROMPT = "query"
PASSAGE_PROMPT = "passage"
PASSAGE_BATCH_SIZE = 32
# Small files that, with the weights' header, identify a model directory that has no build_info.json.
_CONFIG_FILES = (
    "config.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "tokenizer_config.json",
    "tokenizer.json",
    "1_Pooling/config.json",
)


class Embedder(Protocol):
    """What the index needs from an embedding model."""

    name: str  # model id recorded in the index manifest (directory name or hub name)

    @property
    def dim(self) -> int:
        """Embedding dimension."""
        ...

    def fingerprint(self) -> str:
        """Hex digest identifying the weights, so that an index built with other weights is detected."""
        ...

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Float32 (n, dim) L2-normalised embeddings of search queries."""
        ...

    def encode_passages(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        """Float32 (n, dim) L2-normalised embeddings of passages (events)."""
        ...


def resolve_model_name(setting: str | None) -> str:
    """The model to load: the setting, or the converted multilingual-e5-small directory when unset."""
    setting = (setting or "").strip()
    return setting or str(DEFAULT_MODEL_DIR)


def _looks_like_path(name: str) -> bool:
    # Hub ids are "name" or "org/name"; anything with more parts, a leading ./ ../ ~ / or a backslash
    # is meant as a local directory and must never be sent to the hub.
    return (
        name.startswith(("/", ".", "~"))
        or "\\" in name
        or name.count("/") > 1
        or Path(name).expanduser().exists()
    )


def _short_reason(exc: BaseException) -> str:
    """Type and first line of an exception, trimmed: the edges print one line, never a traceback."""
    text = str(exc).strip()
    line = f"{type(exc).__name__}: {text.splitlines()[0].strip()}" if text else type(exc).__name__
    return line if len(line) <= 240 else line[:237] + "..."


def _hub_endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", "").strip() or "https://huggingface.co"


def _hub_reachable(timeout: float = 3.0) -> bool:
    """Whether a TCP connection to the hub opens; assumed so behind a proxy, which we cannot probe."""
    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")):
        return True
    url = urlsplit(_hub_endpoint())
    if not url.hostname:
        return True
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        socket.create_connection((url.hostname, port), timeout=timeout).close()
    except OSError:
        return False
    return True


def _offline() -> bool:
    # huggingface_hub reads HF_HUB_OFFLINE once at import; read it here so a later change still counts.
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def _local_fingerprint(path: Path) -> str:
    """sha256 recorded at build time, else a digest of the config files and the weights' headers."""
    files = (read_build_info(path) or {}).get("files")
    recorded = files.get(WEIGHTS_FILE) if isinstance(files, dict) else None
    if isinstance(recorded, dict) and isinstance(recorded.get("sha256"), str):
        return str(recorded["sha256"])
    digest = hashlib.sha256()
    for name in _CONFIG_FILES:
        file = path / name
        if file.is_file():
            digest.update(name.encode() + b"\0" + file.read_bytes() + b"\0")
    # Hashing gigabytes of weights at every start would be slow; their size and safetensors header
    # (names, shapes, offsets) plus the configs tell apart any two models one would realistically swap.
    for weights in sorted(path.glob("*.safetensors")) + sorted(path.glob("*.bin")):
        digest.update(weights.name.encode() + str(weights.stat().st_size).encode())
        with weights.open("rb") as fh:
            digest.update(fh.read(1 << 16))
    return digest.hexdigest()


class SentenceTransformerEmbedder:
    """A sentence-transformers model on CPU, loaded lazily and once; e5 "query: "/"passage: " prompts."""

    def __init__(self, model: str | Path | None = None, *, device: str = "cpu", batch_size: int = PASSAGE_BATCH_SIZE) -> None:
        self.source = resolve_model_name(str(model) if model is not None else None)
        self.is_local = _looks_like_path(self.source)
        self.path: Path | None = Path(self.source).expanduser().resolve() if self.is_local else None
        self.name = self.path.name if self.path is not None else self.source
        self.device = device
        self.batch_size = batch_size
        self._model: Any = None
        self._prompts: set[str] = set()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SentenceTransformerEmbedder({self.source!r}, device={self.device!r})"

    def _fail(self, reason: str) -> ModelUnavailable:
        return ModelUnavailable(f"cannot load embedding model '{self.source}': {reason}")

    def _check_local(self) -> None:
        """Cheap checks before torch starts: a missing or half-written directory gets a useful message."""
        assert self.path is not None
        if not self.path.is_dir():
            hint = " (run `make` or `python -m retrieval.e5_convert`)" if self.path == DEFAULT_MODEL_DIR.resolve() else ""
            raise self._fail(f"no such directory{hint}")
        files = (read_build_info(self.path) or {}).get("files")
        if not isinstance(files, dict):
            return
        for name, meta in files.items():
            file = self.path / name
            if not file.is_file() or not isinstance(meta, dict) or file.stat().st_size != meta.get("size"):
                raise self._fail(f"{name} is missing or truncated; rebuild with `python -m retrieval.e5_convert --force`")

    def warm_up(self) -> None:
        """Load the model if not loaded yet; safe to call from several threads."""
        if self._model is not None:
            return
        with self._lock:
            if self._model is not None:
                return
            if self.path is not None:
                self._check_local()
            try:
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging
            except ImportError as exc:
                raise self._fail(f"sentence-transformers is not installed ({_short_reason(exc)})") from None
            # The "Loading weights" bar would clutter the console and logs at every start.
            bars = hf_logging.is_progress_bar_enabled()
            hf_logging.disable_progress_bar()
            try:
                model = self._load(SentenceTransformer)
            finally:
                if bars:
                    hf_logging.enable_progress_bar()
            self._prompts = set(getattr(model, "prompts", None) or {})
            self._model = model

    def _load(self, factory: Any) -> Any:
        """Local directory: load it. Hub name: the local cache first, the network only if allowed and up."""
        if self.path is not None:
            try:
                return factory(str(self.path), device=self.device, local_files_only=True)
            except Exception as exc:  # any loading failure is one clear line for the edges
                raise self._fail(_short_reason(exc)) from None
        try:
            # A cached hub model loads without touching the network (fast, reproducible starts).
            return factory(self.source, device=self.device, local_files_only=True)
        except Exception as exc:
            cached_error = exc
        if _offline():
            raise self._fail(f"not in the local cache and HF_HUB_OFFLINE is set ({_short_reason(cached_error)})")
        if not _hub_reachable():
            # Without this probe huggingface_hub retries for well over a minute before giving up.
            raise self._fail(f"not in the local cache and {_hub_endpoint()} is unreachable")
        try:
            return factory(self.source, device=self.device)
        except Exception as exc:
            raise self._fail(_short_reason(exc)) from None

    @property
    def model(self) -> Any:
        """The loaded SentenceTransformer (loads it on first use)."""
        self.warm_up()
        return self._model

    @property
    def dim(self) -> int:
        """Embedding dimension of the loaded model."""
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dim = getter()
        if not dim:
            raise self._fail("the model does not report its embedding dimension")
        return int(dim)

    def fingerprint(self) -> str:
        """sha256 of model.safetensors from build_info.json (local build), config digest, or the hub name."""
        if self.path is not None and self.path.is_dir():
            return _local_fingerprint(self.path)
        return hashlib.sha256(f"hub:{self.source}".encode()).hexdigest()

    def _prompt(self, name: str) -> str | None:
        return name if name in self._prompts else None

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed queries with the "query" prompt; a single query skips batching overhead."""
        model = self.model
        prompt = self._prompt(QUERY_PROMPT)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) == 1:
            vec = model.encode(texts[0], prompt_name=prompt, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
            return np.asarray(vec, dtype=np.float32).reshape(1, -1)
        out = model.encode(list(texts), prompt_name=prompt, batch_size=self.batch_size, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(out, dtype=np.float32)

    def encode_passages(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        """Embed passages with the "passage" prompt, batch_size 32."""
        model = self.model
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = model.encode(
            list(texts),
            prompt_name=self._prompt(PASSAGE_PROMPT),
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=show_progress,
        )
        return np.asarray(out, dtype=np.float32)


class HashEmbedder:
    """Deterministic fake for plumbing tests only: character 1-3-gram hashing into 64 signed buckets."""

    name = "hash-demo"

    def __init__(self, dim: int = 64) -> None:
        self._dim = dim

    @property
    def dim(self) -> int:
        """Embedding dimension (64 by default)."""
        return self._dim

    def fingerprint(self) -> str:
        """Fixed digest: the algorithm is the weights."""
        return hashlib.sha256(f"hash-demo:v1:{self._dim}".encode()).hexdigest()

    def _embed(self, text: str) -> np.ndarray:
        vec = np.zeros(self._dim, dtype=np.float32)
        text = " ".join(text.lower().split())
        for n in (1, 2, 3):
            for i in range(len(text) - n + 1):
                # crc32 rather than hash(): stable across processes (PYTHONHASHSEED).
                h = zlib.crc32(text[i : i + n].encode("utf-8"))
                vec[h % self._dim] += 1.0 if (h >> 16) & 1 else -1.0
        norm = float(np.linalg.norm(vec))
        if norm == 0.0:
            vec[0] = 1.0  # empty text: still a unit vector, as the index expects
            return vec
        return vec / norm

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        return np.stack([self._embed(t) for t in texts]).astype(np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Same space as passages: a query equal to a passage scores 1."""
        return self._encode(texts)

    def encode_passages(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        """Hash each passage; show_progress is ignored."""
        return self._encode(texts)


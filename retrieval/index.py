"""Build, save and load the FAISS index of the events, with a manifest that makes it verifiable.

The index directory holds ``vectors.faiss``, ``events.json`` and ``manifest.json``. The manifest records the
model, the corpus checksum and a sha256 of every file, so a truncated or altered file is detected and the
index rebuilt. Files are written to a temporary directory and renamed into place, the manifest last, under
a lock, so a crash mid-build or two builds at once never leave a half index that passes verification.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .embedding import Embedder
from .errors import ChronicleFormatError, IndexCorrupted, IndexNotFound
from .events import Event
from .parsing import load_chronicles

if TYPE_CHECKING:
    import faiss

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
VECTORS = "vectors.faiss"
EVENTS = "events.json"
MANIFEST = "manifest.json"
# Below this many events exact search is both fastest and exact; above it HNSW keeps p95 low (see docs/performance.md).
HNSW_THRESHOLD = 50_000

Progress = Callable[[str], None]


def corpus_checksum(events: Sequence[Event]) -> str:
    """A sha256 over every event's fields, in order: changes whenever any chronicle's content changes."""
    digest = hashlib.sha256()
    for event in events:
        digest.update(json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_faiss_index(vectors: np.ndarray) -> faiss.Index:
    """An inner-product index over normalized vectors (cosine); exact below HNSW_THRESHOLD, HNSW above."""
    import faiss

    dim = vectors.shape[1]
    if len(vectors) < HNSW_THRESHOLD:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 64
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


@dataclass
class ChronicleIndex:
    """A loaded index: the events, their FAISS index, and the manifest it was built with."""

    events: list[Event]
    faiss_index: faiss.Index
    manifest: dict[str, Any]

    @property
    def dim(self) -> int:
        return int(self.faiss_index.d)

    def vectors(self) -> np.ndarray:
        """All stored vectors (for exact re-scoring of a small corpus)."""
        return self.faiss_index.reconstruct_n(0, self.faiss_index.ntotal)


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for package in ("faiss-cpu", "sentence-transformers", "torch", "transformers"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            continue
    return found


def read_manifest(index_dir: Path) -> dict[str, Any]:
    """The manifest of the index in ``index_dir``; IndexNotFound / IndexCorrupted when absent or unreadable."""
    path = Path(index_dir) / MANIFEST
    if not path.exists():
        raise IndexNotFound(f"no index in {index_dir} (run `chronicle index`)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupted(f"{path}: unreadable manifest ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        raise IndexCorrupted(f"{path}: not a manifest of format {FORMAT_VERSION}")
    return manifest


def verify_files(index_dir: Path, manifest: dict[str, Any]) -> None:
    """Check every file against the manifest's size and sha256; IndexCorrupted names the first bad one."""
    for name, expected in manifest.get("files", {}).items():
        path = Path(index_dir) / name
        if not path.exists():
            raise IndexCorrupted(f"{path} is missing")
        if path.stat().st_size != expected["size"] or file_sha256(path) != expected["sha256"]:
            raise IndexCorrupted(f"{path} is truncated or altered (checksum mismatch)")


def load_index(index_dir: Path) -> ChronicleIndex:
    """Load and verify the index in ``index_dir``; never unpickles anything."""
    import faiss

    index_dir = Path(index_dir)
    manifest = read_manifest(index_dir)
    verify_files(index_dir, manifest)
    try:
        faiss_index = faiss.read_index(str(index_dir / VECTORS))
        raw_events = json.loads((index_dir / EVENTS).read_text(encoding="utf-8"))
        events = [Event.from_dict(e) for e in raw_events]
    except (RuntimeError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupted(f"{index_dir}: cannot read the index ({exc})") from None
    if faiss_index.ntotal != len(events) or len(events) != manifest.get("count"):
        raise IndexCorrupted(f"{index_dir}: {faiss_index.ntotal} vectors for {len(events)} events")
    return ChronicleIndex(events, faiss_index, manifest)


def build_index(
    events: Sequence[Event], embedder: Embedder, index_dir: Path, show_progress: bool = False
) -> ChronicleIndex:
    """Embed every event (passage prompt) and write the index atomically into ``index_dir``."""
    import faiss

    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    vectors = embedder.encode_passages([e.text for e in events], show_progress=show_progress)
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    faiss_index = make_faiss_index(vectors)
    seconds = time.perf_counter() - started
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=index_dir))
    try:
        faiss.write_index(faiss_index, str(tmp / VECTORS))
        (tmp / EVENTS).write_text(json.dumps([e.to_dict() for e in events], ensure_ascii=False), encoding="utf-8")
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": embedder.name,
            "model_fingerprint": embedder.fingerprint(),
            "dim": int(vectors.shape[1]),
            "count": len(events),
            "corpus_checksum": corpus_checksum(events),
            "index_type": type(faiss_index).__name__,
            "versions": _versions(),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "embed_seconds": round(seconds, 3),
            "files": {
                name: {"size": (tmp / name).stat().st_size, "sha256": file_sha256(tmp / name)}
                for name in (VECTORS, EVENTS)
            },
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        # Data files first, manifest last: a crash in between leaves a manifest whose checksums do not match.
        for name in (VECTORS, EVENTS, MANIFEST):
            os.replace(tmp / name, index_dir / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return ChronicleIndex(list(events), faiss_index, manifest)


def index_is_current(manifest: dict[str, Any], events: Sequence[Event], embedder: Embedder) -> bool:
    """True when the manifest was built from exactly these events with this model."""
    return (
        manifest.get("corpus_checksum") == corpus_checksum(events)
        and manifest.get("model") == embedder.name
        and manifest.get("model_fingerprint") == embedder.fingerprint()
    )


def ensure_index(
    data_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    force: bool = False,
    progress: Progress | None = None,
    show_progress: bool = False,
) -> tuple[ChronicleIndex, bool]:
    """Load the index, building it when missing, stale, corrupted or forced; returns (index, rebuilt).

    A chronicle that no longer parses is refused with its file and line, but when a verified index built
    before exists, that index keeps serving (the error is logged) so a bad edit never takes the bot down.
    """
    from filelock import FileLock

    say = progress or (lambda message: None)
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(index_dir / ".lock"), timeout=600):
        try:
            events = load_chronicles(data_dir)
        except ChronicleFormatError as exc:
            if force:
                raise
            try:
                existing = load_index(index_dir)
            except (IndexNotFound, IndexCorrupted):
                raise exc from None
            log.error("chronicle refused (%s); serving the index built before", exc)
            say(f"warning: {exc}; serving the index built before")
            return existing, False
        if not force:
            try:
                existing = load_index(index_dir)
                if index_is_current(existing.manifest, events, embedder):
                    return existing, False
                say("the chronicles or the model changed: rebuilding the index")
            except IndexNotFound:
                say("no index yet: building it")
            except IndexCorrupted as exc:
                log.warning("index corrupted, rebuilding: %s", exc)
                say(f"index corrupted ({exc}): rebuilding it")
        say(f"embedding {len(events)} events with {embedder.name}")
        return build_index(events, embedder, index_dir, show_progress=show_progress), True

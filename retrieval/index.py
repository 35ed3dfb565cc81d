"""Build, save and load the FAISS index of the events, with a manifest that makes it verifiable.

The index directory holds ``manifest.json`` and the two data files it names, ``vectors-<generation>.faiss`` and
``events-<generation>.json`` (``vectors.faiss`` and ``events.json`` in indexes built before generations). The
manifest records the model, the corpus checksum and a sha256 of every file, so a truncated or altered file is
detected and the index rebuilt. A build writes its data files under new names next to the old ones, then
renames the manifest into place: that one rename is the commit, so a crash at any moment leaves the previous
index whole and verifiable. Builds run under a lock, so two at once never interleave.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
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
# Data file names a manifest may point at: never a path, so a crafted manifest cannot reach outside the directory.
_DATA_NAME = re.compile(r"(?:vectors(?:-[0-9a-f]{8,64})?\.faiss|events(?:-[0-9a-f]{8,64})?\.json)")
# Files only a build writes; the sweep of leftovers never touches anything else in the directory.
_GENERATION_FILE = re.compile(r"(?:vectors-[0-9a-f]{8,64}\.faiss|events-[0-9a-f]{8,64}\.json)")
# What load_index and the edges read from a manifest, with its type.
_MANIFEST_FIELDS: dict[str, type] = {
    "model": str, "model_fingerprint": str, "corpus_checksum": str, "index_type": str, "count": int, "dim": int,
    "files": dict,
}
# Exact search below this many events: its p95 stays under ~1.5 ms (1.2 ms at 20k, 3.5 ms at 50k, 17 ms at 100k on
# 2 cores), a small share of the ~25 ms query embedding. Above it IVF-Flat: p95 4 ms and recall@10 0.98 at 1M,
# where HNSW32 reached recall 0.37 at ef=64 and 0.80 at ef=1024 (`chronicle bench`, docs/performance.md).
APPROXIMATE_THRESHOLD = 20_000
HNSW_THRESHOLD = APPROXIMATE_THRESHOLD  # the former name
# IVF-Flat: ~4 sqrt(n) lists, 64 probed, k-means on 40 vectors per list.
IVF_NPROBE = 64
IVF_TRAIN_PER_LIST = 40

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


def ivf_lists(n: int) -> int:
    """Inverted lists for ``n`` vectors: about 4 sqrt(n), never fewer than IVF_TRAIN_PER_LIST vectors each."""
    return max(1, min(n // IVF_TRAIN_PER_LIST, int(4 * np.sqrt(n))))


def ivf_training_sample(vectors: np.ndarray, seed: int = 0) -> np.ndarray:
    """A fixed random sample of IVF_TRAIN_PER_LIST vectors per list: k-means over all of 1M would take far longer."""
    n = len(vectors)
    size = min(n, ivf_lists(n) * IVF_TRAIN_PER_LIST)
    rows = np.sort(np.random.default_rng(seed).choice(n, size, replace=False))
    return np.ascontiguousarray(vectors[rows], dtype=np.float32)


def make_faiss_index(vectors: np.ndarray) -> faiss.Index:
    """An inner-product index over normalized vectors (cosine): exact below APPROXIMATE_THRESHOLD, IVF-Flat above."""
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    dim = vectors.shape[1]
    if len(vectors) < APPROXIMATE_THRESHOLD:
        index = faiss.IndexFlatIP(dim)
        index.add(vectors)
        return index
    quantizer = faiss.IndexFlatIP(dim)  # the Python wrapper keeps it alive with the index
    index = faiss.IndexIVFFlat(quantizer, dim, ivf_lists(len(vectors)), faiss.METRIC_INNER_PRODUCT)
    index.train(ivf_training_sample(vectors))
    index.add(vectors)
    index.nprobe = IVF_NPROBE  # saved with the index
    index.make_direct_map()  # reconstruct_n, for reusing vectors in incremental builds (8 bytes a vector)
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
    for key, kind in _MANIFEST_FIELDS.items():
        if not isinstance(manifest.get(key), kind):
            raise IndexCorrupted(f"{path}: manifest field {key!r} is missing or not a {kind.__name__}")
    data_files(manifest)
    return manifest


def data_files(manifest: dict[str, Any]) -> tuple[str, str]:
    """The names of the vectors file and the events file a manifest points at (checked to be plain names)."""
    names = (manifest.get("vectors", VECTORS), manifest.get("events", EVENTS))
    files = manifest.get("files")
    for name in names:
        if not isinstance(name, str) or not _DATA_NAME.fullmatch(name):
            raise IndexCorrupted(f"manifest names an invalid index file {name!r}")
        entry = files.get(name) if isinstance(files, dict) else None
        if not (isinstance(entry, dict) and isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str)):
            raise IndexCorrupted(f"manifest has no size and checksum for {name}")
    return names


def verify_files(index_dir: Path, manifest: dict[str, Any]) -> None:
    """Check both data files against the manifest's size and sha256; IndexCorrupted names the first bad one."""
    for name in data_files(manifest):
        expected = manifest["files"][name]
        path = Path(index_dir) / name
        if not path.is_file():
            raise IndexCorrupted(f"{path} is missing")
        if path.stat().st_size != expected["size"] or file_sha256(path) != expected["sha256"]:
            raise IndexCorrupted(f"{path} is truncated or altered (checksum mismatch)")


def load_index(index_dir: Path) -> ChronicleIndex:
    """Load and verify the index in ``index_dir``; never unpickles anything."""
    import faiss

    index_dir = Path(index_dir)
    manifest = read_manifest(index_dir)
    verify_files(index_dir, manifest)
    vectors_name, events_name = data_files(manifest)
    try:
        faiss_index = faiss.read_index(str(index_dir / vectors_name))
        raw_events = json.loads((index_dir / events_name).read_text(encoding="utf-8"))
        events = [Event.from_dict(e) for e in raw_events]
    except (RuntimeError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupted(f"{index_dir}: cannot read the index ({exc})") from None
    if faiss_index.ntotal != len(events) or len(events) != manifest["count"] or faiss_index.d != manifest["dim"]:
        raise IndexCorrupted(
            f"{index_dir}: {faiss_index.ntotal} vectors of dimension {faiss_index.d} for {len(events)} events"
        )
    return ChronicleIndex(events, faiss_index, manifest)


def reusable_vectors(previous: ChronicleIndex | None, embedder: Embedder) -> dict[str, np.ndarray]:
    """Vectors of the previous index by event text, when the same model built it (else none)."""
    if previous is None:
        return {}
    manifest = previous.manifest
    if manifest.get("model") != embedder.name or manifest.get("model_fingerprint") != embedder.fingerprint():
        return {}
    return dict(zip((e.text for e in previous.events), previous.vectors(), strict=True))


def build_index(
    events: Sequence[Event],
    embedder: Embedder,
    index_dir: Path,
    show_progress: bool = False,
    previous: ChronicleIndex | None = None,
) -> ChronicleIndex:
    """Embed the events (passage prompt) and write the index atomically into ``index_dir``.

    Incremental: an event whose text the ``previous`` index (same model) already embedded keeps its vector,
    so editing one chronicle of many re-embeds only what changed. Concurrent builds into one directory must
    hold its lock, as :func:`ensure_index` does.
    """
    import faiss

    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    known = reusable_vectors(previous, embedder)
    missing = list(dict.fromkeys(e.text for e in events if e.text not in known))
    if missing:
        fresh = embedder.encode_passages(missing, show_progress=show_progress)
        known.update(zip(missing, np.asarray(fresh, dtype=np.float32), strict=True))
    if not events:
        raise IndexCorrupted(f"{index_dir}: no events to index")
    vectors = np.ascontiguousarray(np.stack([known[e.text] for e in events]), dtype=np.float32)
    faiss_index = make_faiss_index(vectors)
    seconds = time.perf_counter() - started
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=index_dir))
    generation = os.urandom(6).hex()
    vectors_name, events_name = f"vectors-{generation}.faiss", f"events-{generation}.json"
    try:
        replaced = data_files(read_manifest(index_dir))
    except (IndexNotFound, IndexCorrupted):
        replaced = ()
    try:
        faiss.write_index(faiss_index, str(tmp / vectors_name))
        (tmp / events_name).write_text(json.dumps([e.to_dict() for e in events], ensure_ascii=False), encoding="utf-8")
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
            "embedded": len(missing),
            "reused": len({e.text for e in events}) - len(missing),
            "vectors": vectors_name,
            "events": events_name,
            "files": {
                name: {"size": (tmp / name).stat().st_size, "sha256": file_sha256(tmp / name)}
                for name in (vectors_name, events_name)
            },
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        for name in (vectors_name, events_name, MANIFEST):
            _fsync(tmp / name)
        # The data files arrive under new names, beside the old index's; renaming the manifest is the commit.
        for name in (vectors_name, events_name, MANIFEST):
            os.replace(tmp / name, index_dir / name)
        _fsync(index_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for name in set(replaced) - {vectors_name, events_name}:
        _discard(index_dir / name)
    return ChronicleIndex(list(events), faiss_index, manifest)


def _discard(path: Path) -> None:
    """Remove a file or directory if it is there; clean-up never fails a build that has committed."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not remove %s: %s", path, exc)


def _fsync(path: Path) -> None:
    """Flush a file (or a directory's entries) to disk, so the rename that follows commits real data."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # a platform that cannot open directories (Windows): the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_leftovers(index_dir: Path) -> None:
    """Delete what interrupted builds left: temporary directories and generation files no manifest points at."""
    index_dir = Path(index_dir)
    try:
        keep = set(data_files(read_manifest(index_dir)))
    except (IndexNotFound, IndexCorrupted):
        keep = set()
    for path in index_dir.iterdir():
        dead_build = path.name.startswith(".build-") and path.is_dir()
        if dead_build or (_GENERATION_FILE.fullmatch(path.name) and path.name not in keep):
            _discard(path)


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
    keep_serving: bool = True,
) -> tuple[ChronicleIndex, bool]:
    """Load the index, building it when missing, stale, corrupted or forced; returns (index, rebuilt).

    A chronicle that no longer parses is refused with its file and line, but when a verified index built
    before with this model exists, that index keeps serving (the error is logged) so a bad edit never takes
    the bot down. ``keep_serving=False`` (`chronicle index`) and ``force`` raise the error instead.
    """
    from filelock import FileLock

    say = progress or (lambda message: None)
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(index_dir / ".lock"), timeout=600):
        remove_leftovers(index_dir)  # of a build that crashed; nobody else is writing while we hold the lock
        try:
            events = load_chronicles(data_dir)
        except ChronicleFormatError as exc:
            if force or not keep_serving:
                raise
            try:
                existing = load_index(index_dir)
            except (IndexNotFound, IndexCorrupted):
                raise exc from None
            manifest = existing.manifest
            if manifest["model"] != embedder.name or manifest["model_fingerprint"] != embedder.fingerprint():
                raise exc from None  # vectors of another model cannot answer this model's queries
            log.error("chronicle refused (%s); serving the index built before", exc)
            say(f"warning: {exc}; serving the index built before")
            return existing, False
        previous = None
        if not force:
            try:
                existing = load_index(index_dir)
                if index_is_current(existing.manifest, events, embedder):
                    return existing, False
                previous = existing
                say("the chronicles or the model changed: rebuilding the index")
            except IndexNotFound:
                say("no index yet: building it")
            except IndexCorrupted as exc:
                log.warning("index corrupted, rebuilding: %s", exc)
                say(f"index corrupted ({exc}): rebuilding it")
        say(f"embedding {len(events)} events with {embedder.name}")
        built = build_index(events, embedder, index_dir, show_progress=show_progress, previous=previous)
        if built.manifest["reused"]:
            say(f"embedded {built.manifest['embedded']} new or changed events, reused {built.manifest['reused']}")
        return built, True

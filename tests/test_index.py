"""Index integrity: idempotent builds, rebuilds on change, corruption detected and repaired, crash-safe and
concurrent builds, broken chronicles refused while the old index keeps serving, and no code-executing loads.

Real files and real FAISS throughout; the hashing fake embedder stands in for the model wherever the model is
not the point. The CLI tests use the real model's index (a copy of the one `make` built, or one built here).
"""

from __future__ import annotations

import ast
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import retrieval.index as ix
from bot.config import PROJECT_ROOT, Settings
from retrieval.embedding import HashEmbedder
from retrieval.errors import ChronicleFormatError, IndexCorrupted, IndexNotFound
from retrieval.index import MANIFEST, ensure_index, load_index, read_manifest

SEED = PROJECT_ROOT / "data" / "chronicles" / "2020.txt"
CHRONICLE = Path(sys.executable).parent / "chronicle"
OLD_TIME_NS = 1_000_000_000 * 1_000_000_000  # 2001-09-09: any rewrite would move a file's mtime off it


# -- helpers --------------------------------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "chronicles"
    path.mkdir()
    shutil.copyfile(SEED, path / "2020.txt")
    return path


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


def index_files(index_dir: Path) -> dict[str, int]:
    """Every file and directory in the index directory but the lock, with its mtime in ns."""
    return {p.name: p.stat().st_mtime_ns for p in sorted(index_dir.iterdir()) if p.name != ".lock"}


def data_names(index_dir: Path) -> tuple[str, str]:
    return ix.data_files(read_manifest(index_dir))


def assert_clean(index_dir: Path) -> None:
    """A verified index and nothing else: the manifest, its two data files, the lock."""
    load_index(index_dir)
    assert set(index_files(index_dir)) == {MANIFEST, *data_names(index_dir)}


def texts(index_dir: Path) -> list[str]:
    return [e.text for e in load_index(index_dir).events]


# -- a broken chronicle: refused with file and line, the old index keeps serving -------------------------------

BREAKAGES: dict[str, tuple[Callable[[list[bytes]], list[bytes]], int, str]] = {
    # name: (edit of the seed's lines, line named in the error, words of the error)
    "undecodable bytes": (lambda lines: lines[:477] + [lines[477][:5] + b"\xff\xfe" + lines[477][5:]] + lines[478:], 478, "not UTF-8"),
    "impossible date": (lambda lines: lines[:340] + ["31日  四月没有三十一日。".encode()] + lines[340:], 341, "does not exist"),
    "entry before any month": (lambda lines: ["2日  没有月份的条目。".encode()] + lines, 1, "before any month header"),
}


def break_chronicle(data_dir: Path, breakage: str) -> tuple[int, str]:
    edit, line, words = BREAKAGES[breakage]
    (data_dir / "2020.txt").write_bytes(b"\n".join(edit(SEED.read_bytes().split(b"\n"))))
    return line, words


def test_breakages_are_what_they_claim(tmp_path: Path) -> None:
    for name in BREAKAGES:
        line, words = break_chronicle(tmp_path, name)
        with pytest.raises(ChronicleFormatError) as info:
            ix.load_chronicles(tmp_path)
        assert (info.value.path, info.value.line) == ("2020.txt", line) and words in str(info.value), name


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_ensure_index_keeps_serving_the_verified_index_when_a_chronicle_breaks(
    breakage: str, data_dir: Path, index_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ensure_index(data_dir, index_dir, HashEmbedder())
    before = index_files(index_dir)
    line, words = break_chronicle(data_dir, breakage)
    messages: list[str] = []
    with caplog.at_level(logging.ERROR, logger="retrieval.index"):
        index, rebuilt = ensure_index(data_dir, index_dir, HashEmbedder(), progress=messages.append)
    assert not rebuilt and len(index.events) == 168
    assert f"2020.txt:{line}" in caplog.text and "serving the index built before" in caplog.text
    assert any(f"2020.txt:{line}" in m for m in messages)
    # `chronicle index` (keep_serving=False) and --force refuse instead; nothing is touched either way.
    for kwargs in ({"keep_serving": False}, {"force": True}):
        with pytest.raises(ChronicleFormatError) as info:
            ensure_index(data_dir, index_dir, HashEmbedder(), **kwargs)  # type: ignore[arg-type]
        assert (info.value.path, info.value.line) == ("2020.txt", line) and words in str(info.value)
    assert index_files(index_dir) == before


def test_a_broken_chronicle_with_no_usable_index_is_refused(data_dir: Path, index_dir: Path) -> None:
    break_chronicle(data_dir, "impossible date")
    with pytest.raises(ChronicleFormatError, match="2020.txt:341"):
        ensure_index(data_dir, index_dir, HashEmbedder())
    # An index of another model cannot answer this model's queries: refused too, not served.
    shutil.copyfile(SEED, data_dir / "2020.txt")
    ensure_index(data_dir, index_dir, HashEmbedder(dim=32))
    break_chronicle(data_dir, "impossible date")
    with pytest.raises(ChronicleFormatError, match="2020.txt:341"):
        ensure_index(data_dir, index_dir, HashEmbedder())


# The CLI with the real model's index: `chronicle index` refuses. That `chronicle ask` keeps answering from the old
# index, with the warning logged, is checked by the `chronicle ask -` process of tests/test_reliability.py, which
# runs over a broken chronicle (one model load for both).


def cli_env(data_dir: Path, index_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CHRONICLE_", "EMBEDDING_"))}
    return {**env, "CHRONICLE_DATA_DIR": str(data_dir), "CHRONICLE_INDEX_DIR": str(index_dir), "LOG_LEVEL": "INFO"}


@pytest.fixture(scope="module")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's index with the real model: a copy of the one `make` built when current, else built here."""
    from retrieval.e5_convert import ensure_model
    from retrieval.embedding import SentenceTransformerEmbedder

    ensure_model(progress=None)
    settings = Settings.load(env={})
    path = tmp_path_factory.mktemp("real-index")
    if settings.index_dir.is_dir():
        shutil.copytree(settings.index_dir, path, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".lock", ".build-*"))
    ensure_index(SEED.parent, path, SentenceTransformerEmbedder(settings.model))  # no model load when current
    return path


@pytest.mark.slow
@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_chronicle_index_refuses_a_broken_chronicle_with_file_and_line(
    breakage: str, real_index: Path, tmp_path: Path
) -> None:
    data_dir, index_dir = tmp_path / "data", tmp_path / "index"
    data_dir.mkdir()
    shutil.copytree(real_index, index_dir)
    before = {p.name: p.read_bytes() for p in index_dir.iterdir() if p.is_file() and p.name != ".lock"}
    line, words = break_chronicle(data_dir, breakage)
    result = subprocess.run([str(CHRONICLE), "index"], capture_output=True, text=True, timeout=120,
                            env=cli_env(data_dir, index_dir))
    assert "Traceback" not in result.stderr
    assert f"2020.txt:{line}" in result.stderr and words in result.stderr
    assert result.returncode != 0, f"exit 0 with a broken chronicle: {result.stdout}{result.stderr}"
    assert {p.name: p.read_bytes() for p in index_dir.iterdir() if p.is_file() and p.name != ".lock"} == before
    assert len(load_index(index_dir).events) == 168


# -- idempotence and staleness --------------------------------------------------------------------------------


def test_second_ensure_index_rebuilds_nothing_and_rewrites_nothing(data_dir: Path, index_dir: Path) -> None:
    first, rebuilt = ensure_index(data_dir, index_dir, HashEmbedder())
    assert rebuilt and len(first.events) == 168
    assert_clean(index_dir)
    for path in index_dir.iterdir():
        os.utime(path, ns=(OLD_TIME_NS, OLD_TIME_NS))
    before = index_files(index_dir)
    second, rebuilt = ensure_index(data_dir, index_dir, HashEmbedder())
    assert not rebuilt
    assert index_files(index_dir) == before and set(before.values()) == {OLD_TIME_NS}
    assert second.manifest == first.manifest and second.events == first.events


def test_a_changed_chronicle_rebuilds_a_touched_one_does_not(data_dir: Path, index_dir: Path) -> None:
    ensure_index(data_dir, index_dir, HashEmbedder())
    chronicle = data_dir / "2020.txt"
    os.utime(chronicle)  # saved again, same bytes
    assert ensure_index(data_dir, index_dir, HashEmbedder())[1] is False
    old_names = data_names(index_dir)
    chronicle.write_text(SEED.read_text(encoding="utf-8").replace("凌志软件", "凌志科技"), encoding="utf-8")
    index, rebuilt = ensure_index(data_dir, index_dir, HashEmbedder())
    assert rebuilt and any("凌志科技" in e.text for e in index.events)
    assert any("凌志科技" in t for t in texts(index_dir))
    assert not set(old_names) & set(data_names(index_dir)), "a build writes new files, never over the old ones"
    assert_clean(index_dir)  # the replaced generation is gone


def test_a_changed_model_fingerprint_rebuilds(data_dir: Path, index_dir: Path) -> None:
    class Retrained(HashEmbedder):
        def fingerprint(self) -> str:
            return "0" * 64

    ensure_index(data_dir, index_dir, HashEmbedder())
    index, rebuilt = ensure_index(data_dir, index_dir, Retrained())
    assert rebuilt and index.manifest["model_fingerprint"] == "0" * 64
    assert ensure_index(data_dir, index_dir, Retrained())[1] is False
    assert ensure_index(data_dir, index_dir, HashEmbedder(dim=32))[0].dim == 32


def test_an_index_of_the_previous_layout_still_loads(data_dir: Path, index_dir: Path) -> None:
    """Indexes built before data files had generations (vectors.faiss, events.json) load and are replaced cleanly."""
    ensure_index(data_dir, index_dir, HashEmbedder())
    manifest = read_manifest(index_dir)
    vectors, events = ix.data_files(manifest)
    (index_dir / vectors).rename(index_dir / ix.VECTORS)
    (index_dir / events).rename(index_dir / ix.EVENTS)
    manifest["files"] = {ix.VECTORS: manifest["files"][vectors], ix.EVENTS: manifest["files"][events]}
    del manifest["vectors"], manifest["events"]
    (index_dir / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert len(load_index(index_dir).events) == 168
    assert ensure_index(data_dir, index_dir, HashEmbedder())[1] is False
    ensure_index(data_dir, index_dir, HashEmbedder(), force=True)
    assert_clean(index_dir)
    assert not (index_dir / ix.VECTORS).exists() and not (index_dir / ix.EVENTS).exists()


# -- corruption: detected by load_index, repaired by ensure_index ---------------------------------------------


def _vectors(d: Path) -> Path:
    return d / data_names(d)[0]


def _events(d: Path) -> Path:
    return d / data_names(d)[1]


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _alter_event_text(path: Path) -> None:
    events = json.loads(path.read_text(encoding="utf-8"))
    events[0]["text"] = "篡改过的记事。"
    path.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")


def _edit_manifest(edit: Callable[[dict], object]) -> Callable[[Path], None]:
    def corrupt(index_dir: Path) -> None:
        manifest = json.loads((index_dir / MANIFEST).read_text(encoding="utf-8"))
        edited = edit(manifest)
        (index_dir / MANIFEST).write_text(json.dumps(manifest if edited is None else edited), encoding="utf-8")

    return corrupt


def _write_manifest(content: bytes) -> Callable[[Path], None]:
    return lambda d: (d / MANIFEST).write_bytes(content)


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "vectors truncated": lambda d: _truncate(_vectors(d)),
    "vectors one bit flipped": lambda d: _flip_byte(_vectors(d)),
    "vectors emptied": lambda d: _vectors(d).write_bytes(b""),
    "vectors deleted": lambda d: _vectors(d).unlink(),
    "vectors replaced by a directory": lambda d: (_vectors(d).unlink(), _vectors(d).mkdir()),
    "events truncated": lambda d: _truncate(_events(d)),
    "events altered, still valid JSON": lambda d: _alter_event_text(_events(d)),
    "events deleted": lambda d: _events(d).unlink(),
    "manifest truncated": lambda d: _truncate(d / MANIFEST),
    "manifest binary garbage": _write_manifest(b"\x00\xff\xfe garbage \x80"),
    "manifest a JSON list": _write_manifest(b"[1, 2, 3]"),
    "manifest empty object": _write_manifest(b"{}"),
    "manifest of another format": _edit_manifest(lambda m: m.update(format_version=99)),
    "manifest without files": _edit_manifest(lambda m: m.pop("files")),
    "manifest files a list": _edit_manifest(lambda m: m.update(files=["vectors.faiss"])),
    "manifest checksum not a string": _edit_manifest(lambda m: m["files"][m["vectors"]].update(sha256=None)),
    "manifest count wrong": _edit_manifest(lambda m: m.update(count=167)),
    "manifest count missing": _edit_manifest(lambda m: m.pop("count")),
    "manifest dim wrong": _edit_manifest(lambda m: m.update(dim=384)),
    "manifest points outside the directory": _edit_manifest(
        lambda m: m.update(vectors="../outside.faiss", files={**m["files"], "../outside.faiss": m["files"][m["vectors"]]})
    ),
}


@pytest.mark.parametrize("corrupt", list(CORRUPTIONS.values()), ids=list(CORRUPTIONS))
def test_corruption_is_detected_and_rebuilt(
    corrupt: Callable[[Path], None], data_dir: Path, index_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ensure_index(data_dir, index_dir, HashEmbedder())
    good = texts(index_dir)
    shutil.copyfile(_vectors(index_dir), index_dir.parent / "outside.faiss")  # bait for the path check
    corrupt(index_dir)
    with pytest.raises(IndexCorrupted):
        load_index(index_dir)
    with caplog.at_level(logging.WARNING, logger="retrieval.index"):
        index, rebuilt = ensure_index(data_dir, index_dir, HashEmbedder())
    assert rebuilt and [e.text for e in index.events] == good
    assert "index corrupted, rebuilding" in caplog.text
    assert_clean(index_dir)
    assert (index_dir.parent / "outside.faiss").is_file(), "nothing outside the index directory is touched"


def test_a_deleted_manifest_is_not_found_and_rebuilt(data_dir: Path, index_dir: Path) -> None:
    ensure_index(data_dir, index_dir, HashEmbedder())
    (index_dir / MANIFEST).unlink()
    with pytest.raises(IndexNotFound):
        load_index(index_dir)
    assert ensure_index(data_dir, index_dir, HashEmbedder())[1] is True
    assert_clean(index_dir)  # the data files the lost manifest pointed at were swept


# -- crashes mid-build ----------------------------------------------------------------------------------------


def _fail_second_replace(monkeypatch: pytest.MonkeyPatch, index_dir: Path) -> None:
    real = os.replace
    landed: list[str] = []

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)).parent == index_dir and landed:
            raise OSError(5, "injected crash after the first file was renamed into place")
        real(src, dst)  # type: ignore[arg-type]
        landed.append(str(dst))

    monkeypatch.setattr(ix.os, "replace", replace)


def _fail_write_index(monkeypatch: pytest.MonkeyPatch, index_dir: Path) -> None:
    import faiss

    def write_index(*args: object) -> None:
        raise RuntimeError("injected failure in faiss.write_index")

    monkeypatch.setattr(faiss, "write_index", write_index)


def _disk_full_on_events(monkeypatch: pytest.MonkeyPatch, index_dir: Path) -> None:
    real = Path.write_text

    def write_text(self: Path, *args: object, **kwargs: object) -> int:
        if self.name.startswith("events"):
            self.write_bytes(b'[{"id": "half')  # what a full disk leaves behind
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", write_text)


@pytest.mark.parametrize(
    "inject", [_fail_second_replace, _fail_write_index, _disk_full_on_events],
    ids=["os.replace fails after the first file", "faiss.write_index fails", "disk full writing events"],
)
def test_a_crash_mid_build_leaves_the_previous_index_whole(
    inject: Callable[[pytest.MonkeyPatch, Path], None], data_dir: Path, index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ensure_index(data_dir, index_dir, HashEmbedder())
    before = {name: (index_dir / name).read_bytes() for name in (MANIFEST, *data_names(index_dir))}
    (data_dir / "2020.txt").write_text(SEED.read_text(encoding="utf-8").replace("凌志软件", "凌志科技"), encoding="utf-8")
    with monkeypatch.context() as patch:
        inject(patch, index_dir)
        with pytest.raises((OSError, RuntimeError), match="injected|No space"):
            ensure_index(data_dir, index_dir, HashEmbedder())
    assert {name: (index_dir / name).read_bytes() for name in before} == before
    assert any("凌志软件" in t for t in texts(index_dir)), "the previous index loads and verifies"
    assert not [p for p in index_dir.iterdir() if p.name.startswith(".build-")]
    index, rebuilt = ensure_index(data_dir, index_dir, HashEmbedder())  # the next run finishes the job
    assert rebuilt and any("凌志科技" in e.text for e in index.events)
    assert_clean(index_dir)


HARD_CRASH = """
import os, sys
from pathlib import Path
from retrieval.embedding import HashEmbedder
from retrieval.index import ensure_index

real = os.replace

def replace(src, dst):
    real(src, dst)
    os._exit(17)  # killed right after the first file landed: no finally, no clean-up

os.replace = replace
ensure_index(Path(sys.argv[1]), Path(sys.argv[2]), HashEmbedder(), force=True)
"""


def test_a_process_killed_mid_build_leaves_the_previous_index_whole(data_dir: Path, index_dir: Path) -> None:
    ensure_index(data_dir, index_dir, HashEmbedder())
    manifest = (index_dir / MANIFEST).read_bytes()
    crashed = subprocess.run([sys.executable, "-c", HARD_CRASH, str(data_dir), str(index_dir)], cwd=PROJECT_ROOT,
                             capture_output=True, text=True, timeout=60)
    assert crashed.returncode == 17, crashed.stderr
    leftovers = set(index_files(index_dir)) - {MANIFEST, *data_names(index_dir)}
    assert any(n.startswith(".build-") for n in leftovers) and any(n.startswith("vectors-") for n in leftovers)
    assert (index_dir / MANIFEST).read_bytes() == manifest
    assert len(load_index(index_dir).events) == 168
    assert ensure_index(data_dir, index_dir, HashEmbedder())[1] is False
    assert_clean(index_dir)  # the dead build's files were swept under the lock


def test_the_sweep_removes_only_what_builds_write(data_dir: Path, index_dir: Path) -> None:
    index_dir.mkdir()
    strays = ["notes.txt", "events.json", "vectors-backup.faiss", "events-0123456789ab.json.bak"]
    for name in strays:
        (index_dir / name).write_text("someone else's file", encoding="utf-8")
    (index_dir / "vectors-0123456789ab.faiss").write_bytes(b"left by a dead build")
    ensure_index(data_dir, index_dir, HashEmbedder())
    ensure_index(data_dir, index_dir, HashEmbedder(), force=True)
    assert set(index_files(index_dir)) == {MANIFEST, *data_names(index_dir), *strays}


# -- concurrent builds ----------------------------------------------------------------------------------------


def test_concurrent_forced_builds_in_threads_take_turns(
    data_dir: Path, index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_build = ix.build_index
    running, overlaps, lock = [0], [0], threading.Lock()

    def build_index(*args: object, **kwargs: object) -> ix.ChronicleIndex:
        with lock:
            running[0] += 1
            overlaps[0] = max(overlaps[0], running[0])
        try:
            time.sleep(0.05)  # widen the window two unlocked builds would need to collide
            return real_build(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(ix, "build_index", build_index)
    errors: list[BaseException] = []

    def build() -> None:
        try:
            assert ensure_index(data_dir, index_dir, HashEmbedder(), force=True)[1]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors and overlaps[0] == 1
    assert_clean(index_dir)


CONCURRENT_BUILD = """
import sys
from pathlib import Path
from retrieval.embedding import HashEmbedder
from retrieval.index import ensure_index

for _ in range(3):
    index, rebuilt = ensure_index(Path(sys.argv[1]), Path(sys.argv[2]), HashEmbedder(), force=True)
    assert rebuilt and len(index.events) == 168
print("ok")
"""


def test_concurrent_forced_builds_in_processes_leave_one_verified_index(data_dir: Path, index_dir: Path) -> None:
    ensure_index(data_dir, index_dir, HashEmbedder())
    procs = [
        subprocess.Popen([sys.executable, "-c", CONCURRENT_BUILD, str(data_dir), str(index_dir)], cwd=PROJECT_ROOT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in results]
    assert all(out.strip() == "ok" for out, _ in results)
    assert_clean(index_dir)
    assert len(load_index(index_dir).events) == 168


# -- nothing executes code from files -------------------------------------------------------------------------

SOURCES = sorted((PROJECT_ROOT / "retrieval").rglob("*.py")) + sorted((PROJECT_ROOT / "bot").rglob("*.py"))
BANNED_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "joblib", "marshal", "shelve", "yaml", "torch.serialization"}
BANNED_BUILTINS = {"eval", "exec", "compile", "__import__"}
BANNED_CALLS = {"torch.load", "np.load", "numpy.load", "pd.read_pickle", "pandas.read_pickle", "yaml.load", "yaml.unsafe_load"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "?"


def code_executing_loads(source: str) -> list[str]:
    """Imports of pickle-like modules, eval/exec, torch.load/np.load, allow_pickle/weights_only=False in a module."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"import {n}" for n in names if n in BANNED_MODULES or n.split(".")[0] in BANNED_MODULES]
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            if name in BANNED_BUILTINS or name in BANNED_CALLS or name.startswith("pickle."):
                found.append(f"{name}()")
            for kw in node.keywords:
                if kw.arg == "allow_pickle" or (kw.arg == "weights_only" and getattr(kw.value, "value", True) is False):
                    found.append(f"{name}({kw.arg}=...)")
    return found


def test_the_guard_catches_what_it_looks_for() -> None:
    bad = "import pickle\nfrom joblib import load\nx = eval('1')\nexec('x')\ntorch.load(f)\nnp.load(f, allow_pickle=True)\n" \
          "m.from_pretrained(p, weights_only=False)\n__import__('os')\n"
    assert len(code_executing_loads(bad)) == 9
    assert code_executing_loads("import re\nre.compile('x')\njson.loads(s)\nfaiss.read_index(p)\n") == []


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(PROJECT_ROOT)) for p in SOURCES])
def test_no_module_loads_files_with_pickle_eval_or_exec(path: Path) -> None:
    assert code_executing_loads(path.read_text(encoding="utf-8")) == []


def test_index_and_model_files_are_data_formats_only(data_dir: Path, index_dir: Path) -> None:
    ensure_index(data_dir, index_dir, HashEmbedder())
    assert {Path(n).suffix for n in index_files(index_dir)} == {".json", ".faiss"}
    model = Settings.load(env={}).model
    if Path(model).is_dir():  # weights as safetensors: never a pickled .bin/.pt that torch would unpickle
        pickled = [p.name for p in Path(model).rglob("*") if p.suffix in {".bin", ".pt", ".pth", ".pkl", ".ckpt", ".pickle"}]
        assert pickled == [] and (Path(model) / "model.safetensors").is_file()


def test_rebuild_is_incremental_only_changed_events_are_embedded(tmp_path: Path) -> None:
    """Editing one entry re-embeds that entry only; the other vectors are reused bit for bit."""
    from retrieval.embedding import HashEmbedder
    from retrieval.index import ensure_index, load_index

    class CountingEmbedder(HashEmbedder):
        def __init__(self) -> None:
            super().__init__()
            self.embedded: list[str] = []

        def encode_passages(self, texts, show_progress=False):  # type: ignore[no-untyped-def]
            self.embedded.extend(texts)
            return super().encode_passages(texts, show_progress=show_progress)

    data = tmp_path / "chronicles"
    data.mkdir()
    (data / "2020.txt").write_text("1月\n\n2日  园区召开大会。\n\n3日  苏州某公司在科创板上市。\n", encoding="utf-8")
    (data / "2021.txt").write_text("3月\n\n5日  另一年的事。\n", encoding="utf-8")
    embedder = CountingEmbedder()
    first, _ = ensure_index(data, tmp_path / "index", embedder)
    assert len(embedder.embedded) == 3
    (data / "2021.txt").write_text("3月\n\n5日  另一年的事，改过了。\n", encoding="utf-8")
    embedder.embedded.clear()
    second, rebuilt = ensure_index(data, tmp_path / "index", embedder)
    assert rebuilt and embedder.embedded == ["另一年的事，改过了。"]
    assert second.manifest["embedded"] == 1 and second.manifest["reused"] == 2
    reloaded = load_index(tmp_path / "index")
    assert (reloaded.vectors()[:2] == first.vectors()[:2]).all()
    assert [e.text for e in reloaded.events][-1] == "另一年的事，改过了。"

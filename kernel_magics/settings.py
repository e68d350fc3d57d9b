"""The settings every front end shares (the magic, the panel and the CLI).

``HPCMagics`` exposes each field as a traitlets option with the same default
(``%config HPCMagics.timeout = 30``); the CLI uses the defaults and its flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass
class Settings:
    """Compilers, launcher and limits used to build and run programs."""

    cc: str = "gcc"
    cxx: str = "g++"
    mpicc: str = "mpicc"
    mpicxx: str = "mpicxx"
    clang: str = "clang"
    clangxx: str = "clang++"
    mpiexec: str = "mpirun"
    default_cflags: str = "-O2"
    timeout: float = 60.0
    max_timeout: float = 3600.0
    memory_limit_mb: int = 4096
    file_size_limit_mb: int = 1024
    max_processes: int = 256
    max_threads: int = 256
    max_ranks: int = 64
    output_limit_kb: int = 64

    @staticmethod
    def default_parallelism() -> int:
        """Thread or rank count used when the user gives none: the usable cores."""
        return len(os.sched_getaffinity(0))

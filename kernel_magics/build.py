"""Compile C/C++ programs, caching binaries by what determines them.

The cache key is a hash of (source text, compiler path, compiler version,
flags): an unchanged cell re-runs without calling the compiler, and a compiler
upgrade or a changed flag rebuilds. Each build lives in
``<cache>/builds/<hash>/`` with the source, the binary and the compiler log.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from functools import lru_cache

from kernel_magics.paths import cache_subdir
from kernel_magics.result import BuildInfo
from kernel_magics.sandbox import Limits, run_limited
from kernel_magics.settings import Settings
from kernel_magics.source import SourceInfo

COMPILE_LIMITS = Limits(timeout_s=300, memory_mb=0, max_processes=0)


class CompilerNotFound(RuntimeError):
    """The compiler a program needs is not installed."""


@dataclass
class Toolchain:
    """The compiler command and flags for one program."""

    compiler: str  # as configured, e.g. "mpicc"
    path: str  # resolved executable
    flags: list[str]  # compile flags (before the source file)
    ldflags: list[str]  # link flags (after the source file)
    env: dict[str, str]  # extra environment (e.g. OMPI_CC=clang)


def choose_toolchain(
    info: SourceInfo,
    settings: Settings,
    cflags: str = "",
    ldflags: str = "",
    race_check: bool = False,
) -> Toolchain:
    """Pick gcc/g++/mpicc/mpicxx (or clang for race checks) and the flags."""
    cxx = info.lang == "c++"
    env: dict[str, str] = {}
    if info.uses_mpi:
        compiler = settings.mpicxx if cxx else settings.mpicc
        if race_check:  # Open MPI's wrappers take the underlying compiler from OMPI_CC/OMPI_CXX
            env = {"OMPI_CXX": settings.clangxx} if cxx else {"OMPI_CC": settings.clang}
    elif race_check:
        compiler = settings.clangxx if cxx else settings.clang
    else:
        compiler = settings.cxx if cxx else settings.cc
    path = shutil.which(compiler)
    if path is None:
        raise CompilerNotFound(_missing_compiler_message(compiler))
    flags = shlex.split(settings.default_cflags)
    if race_check:
        flags = ["-g", "-O1", "-fsanitize=thread"]
    if info.uses_openmp:
        flags.append("-fopenmp")
    flags += shlex.split(cflags)
    link = shlex.split(ldflags) + ["-lm"]
    return Toolchain(compiler=compiler, path=path, flags=flags, ldflags=link, env=env)


def _missing_compiler_message(compiler: str) -> str:
    package = {
        "mpicc": "openmpi-bin libopenmpi-dev",
        "mpicxx": "openmpi-bin libopenmpi-dev",
        "clang": "clang libomp-dev",
        "clang++": "clang libomp-dev",
        "g++": "g++",
    }.get(compiler, compiler)
    return (
        f"the compiler `{compiler}` was not found on PATH; install it "
        f"(Debian/Ubuntu: apt-get install {package}) or load its module, "
        f"or set another one with %config HPCMagics"
    )


@lru_cache(maxsize=32)
def _compiler_version_cached(path: str, mtime: float, env_items: tuple) -> str:
    proc = subprocess.run(
        [path, "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, **dict(env_items)},
    )
    lines = (proc.stdout or proc.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def compiler_version(toolchain: Toolchain) -> str:
    """First line of ``compiler --version`` (cached per executable and mtime)."""
    mtime = os.stat(toolchain.path).st_mtime
    return _compiler_version_cached(toolchain.path, mtime, tuple(sorted(toolchain.env.items())))


def _with_line_directive(code: str, source_name: str, line_offset: int) -> str:
    """Make compiler messages and debug info use the cell's line numbers."""
    if not line_offset:
        return code
    return f'#line {1 + line_offset} "{source_name}"\n{code}'


def build_program(
    code: str,
    info: SourceInfo,
    toolchain: Toolchain,
    *,
    source_name: str = "cell",
    line_offset: int = 0,
) -> BuildInfo:
    """Compile ``code`` with ``toolchain`` unless an identical build is cached.

    ``line_offset`` shifts reported line numbers: a ``%%hpc_run`` cell's code
    starts on line 2 of the cell, below the magic line.
    """
    version = compiler_version(toolchain)
    text = _with_line_directive(code, source_name + info.suffix, line_offset)
    key = repr(
        (
            text,
            toolchain.path,
            version,
            toolchain.flags,
            toolchain.ldflags,
            sorted(toolchain.env.items()),
        )
    )
    build_hash = hashlib.sha256(key.encode()).hexdigest()[:24]
    build_dir = cache_subdir("builds") / build_hash
    source_path = build_dir / f"{source_name}{info.suffix}"
    binary = build_dir / "program"
    command = [
        toolchain.compiler,
        *toolchain.flags,
        source_path.name,
        "-o",
        "program",
        *toolchain.ldflags,
    ]
    common = dict(
        command=command,
        compiler=toolchain.compiler,
        compiler_version=version,
        flags=toolchain.flags + toolchain.ldflags,
        source_path=source_path,
        build_hash=build_hash,
    )
    if binary.exists():
        log_file = build_dir / "build.log"
        log = log_file.read_text() if log_file.exists() else ""
        return BuildInfo(ok=True, log=log, binary=binary, cache_hit=True, seconds=0.0, **common)

    build_dir.mkdir(parents=True, exist_ok=True)
    source_path.write_text(text)
    start = time.perf_counter()
    tmp_name = f"program.tmp{os.getpid()}-{threading.get_ident()}"
    outcome = run_limited(
        [toolchain.path, *toolchain.flags, source_path.name, "-o", tmp_name, *toolchain.ldflags],
        cwd=build_dir,
        env={**os.environ, **toolchain.env},
        limits=COMPILE_LIMITS,
    )
    if outcome.interrupted:  # Ctrl-C / Stop while compiling: stop the request, keep nothing
        (build_dir / tmp_name).unlink(missing_ok=True)
        raise KeyboardInterrupt
    seconds = time.perf_counter() - start
    log = (outcome.stderr.text() + outcome.stdout.text()).strip()
    ok = outcome.returncode == 0 and (build_dir / tmp_name).exists()
    if outcome.timed_out:
        log += f"\n(the compiler was stopped after {COMPILE_LIMITS.timeout_s:.0f} s)"
    if ok:
        (build_dir / "build.log").write_text(log)
        os.replace(build_dir / tmp_name, binary)  # atomic: no half-written binary is ever cached
    return BuildInfo(
        ok=ok,
        log=log,
        binary=binary if ok else None,
        cache_hit=False,
        seconds=seconds,
        **common,
    )

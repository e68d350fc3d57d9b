"""Prove that every corpus snippet compiles cleanly, runs correctly and is race-free.

Usage::

    python -m retrieval.verify_corpus [FILES_OR_DIRS ...] [--no-race] [-j JOBS]

For each snippet: compile with ``-Wall -Werror`` (gcc/g++/mpicc/mpicxx by api
and lang), run it at every thread and rank count its metadata lists and
require exit 0 plus a ``PASS`` line, then (OpenMP and hybrid snippets) build
it with clang's ThreadSanitizer and run it at 2 and 4 threads: any race
report fails the snippet. Builds are cached by content hash.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.snippets import CORPUS_DIR, Snippet, SnippetFormatError, corpus_files, parse_snippet

RACE_THREADS = (2, 4)
RUN_TIMEOUT_S = 60
MPI_ENV = {
    "OMPI_ALLOW_RUN_AS_ROOT": "1",
    "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
    "OMPI_MCA_rmaps_base_oversubscribe": "1",
}
TSAN_ENV = {"TSAN_OPTIONS": "ignore_noninstrumented_modules=1 exitcode=66"}


@dataclass
class SnippetVerdict:
    """What verification found for one snippet."""

    path: Path
    id: str = "?"
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _cache_dir() -> Path:
    root = os.environ.get("JUPYTER_HPC_CACHE") or Path.home() / ".cache" / "jupyter-hpc"
    path = Path(root) / "corpus-builds"
    path.mkdir(parents=True, exist_ok=True)
    return path


def compile_command(snip: Snippet, race: bool) -> tuple[list[str], dict[str, str]]:
    """The compiler argv (without -o) and extra environment for one snippet."""
    cxx = snip.lang == "c++"
    env: dict[str, str] = {}
    if snip.uses_mpi:
        compiler = "mpicxx" if cxx else "mpicc"
        if race:
            env["OMPI_CXX" if cxx else "OMPI_CC"] = "clang++" if cxx else "clang"
    elif race:
        compiler = "clang++" if cxx else "clang"
    else:
        compiler = "g++" if cxx else "gcc"
    flags = ["-Wall", "-Werror"]
    flags += ["-std=c++17"] if cxx else ["-std=c11"]
    flags += ["-g", "-O1", "-fsanitize=thread"] if race else ["-O2"]
    if snip.uses_openmp:
        flags.append("-fopenmp")
    return [compiler, *flags, str(snip.path), "-lm"], env


def build(snip: Snippet, race: bool) -> tuple[Path | None, str]:
    """Compile (or reuse a cached binary); return (binary or None, log)."""
    argv, env = compile_command(snip, race)
    key = hashlib.sha256(repr((argv, env, snip.code)).encode()).hexdigest()[:20]
    binary = _cache_dir() / f"{snip.id}-{key}"
    if binary.exists():
        return binary, ""
    tmp = binary.with_suffix(f".tmp{os.getpid()}")
    proc = subprocess.run(
        [*argv, "-o", str(tmp)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        return None, proc.stderr + proc.stdout
    tmp.rename(binary)
    return binary, proc.stderr


def run(snip: Snippet, binary: Path, threads: int, ranks: int, env: dict[str, str]):
    """Run one configuration; return (returncode, combined output)."""
    argv = [str(binary), *snip.args.split()]
    if snip.uses_mpi:
        argv = ["mpirun", "-np", str(ranks), "--bind-to", "none", *argv]
    full_env = {**os.environ, **MPI_ENV, **env, "OMP_NUM_THREADS": str(threads)}
    try:
        proc = subprocess.run(
            argv,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT_S,
            start_new_session=True,
        )
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode(errors="replace") if isinstance(exc.stdout, bytes) else ""
        return None, out + f"\n(timed out after {RUN_TIMEOUT_S} s)"
    return proc.returncode, proc.stdout + proc.stderr


def verify_snippet(path: Path, race_check: bool = True) -> SnippetVerdict:
    """Compile, run and race-check one snippet file."""
    verdict = SnippetVerdict(path=path)
    try:
        snip = parse_snippet(path)
    except SnippetFormatError as err:
        verdict.problems.append(str(err))
        return verdict
    verdict.id = snip.id
    binary, log = build(snip, race=False)
    if binary is None:
        verdict.problems.append(f"does not compile with -Wall -Werror:\n{log}")
        return verdict
    for ranks in snip.ranks if snip.uses_mpi else [1]:
        for threads in snip.threads:
            code, out = run(snip, binary, threads, ranks, {})
            if code != 0 or "PASS" not in out:
                verdict.problems.append(
                    f"threads={threads} ranks={ranks}: exit {code}, "
                    f"{'no PASS line' if 'PASS' not in out else 'failed'}:\n{out[-2000:]}"
                )
    if race_check and snip.uses_openmp:
        tsan_binary, log = build(snip, race=True)
        if tsan_binary is None:
            verdict.problems.append(f"does not compile with clang -fsanitize=thread:\n{log}")
            return verdict
        ranks = min(snip.ranks) if snip.uses_mpi else 1
        for threads in RACE_THREADS:
            code, out = run(snip, tsan_binary, threads, ranks, TSAN_ENV)
            if "ThreadSanitizer" in out or code != 0 or "PASS" not in out:
                verdict.problems.append(
                    f"race check at {threads} threads: exit {code}:\n{out[-3000:]}"
                )
    return verdict


def verify_paths(paths: list[Path], race_check: bool = True, jobs: int = 2):
    """Verify many snippet files in parallel; return their verdicts in order."""
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lambda p: verify_snippet(p, race_check), paths))


def _expand(args: list[str]) -> list[Path]:
    if not args:
        return corpus_files(CORPUS_DIR)
    out: list[Path] = []
    for arg in args:
        path = Path(arg)
        out.extend(corpus_files(path) if path.is_dir() else [path])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="snippet files or folders (default: whole corpus)")
    parser.add_argument("--no-race", action="store_true", help="skip the ThreadSanitizer runs")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    opts = parser.parse_args(argv)
    paths = _expand(opts.paths)
    verdicts = verify_paths(paths, race_check=not opts.no_race, jobs=opts.jobs)
    failed = [v for v in verdicts if not v.ok]
    for v in failed:
        print(f"FAIL {v.path} ({v.id})")
        for problem in v.problems:
            print("    " + problem.replace("\n", "\n    "))
    print(f"{len(verdicts) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Prove that every corpus snippet compiles cleanly, runs correctly and is race-free.

Usage::

    python -m retrieval.verify_corpus [FILES_OR_DIRS ...] [--no-race] [-j JOBS]

Each snippet goes through the same pipeline as a ``%%hpc_run`` cell: compiled
with ``-Wall -Werror`` (gcc/g++/mpicc/mpicxx, chosen from the code), run at
every thread and rank count its metadata lists (exit 0 and a ``PASS`` line
required), and OpenMP/hybrid snippets are built with clang's ThreadSanitizer
and run at 2 and 4 threads: any race report fails the snippet. Builds are
cached by content hash, so re-verifying an unchanged corpus is fast.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kernel_magics.pipeline import RunRequest, run_program
from retrieval.snippets import CORPUS_DIR, Snippet, SnippetFormatError, corpus_files, parse_snippet

RACE_THREADS = [2, 4]


@dataclass
class SnippetVerdict:
    """What verification found for one snippet."""

    path: Path
    id: str = "?"
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verification_request(snip: Snippet, race_check: bool = True) -> RunRequest:
    """The run request that checks one snippet (strict warnings, its own sweep)."""
    standard = "-std=c++17" if snip.lang == "c++" else "-std=c11"
    return RunRequest(
        source=snip.code,
        lang=snip.lang,
        threads=snip.threads,
        ranks=snip.ranks if snip.uses_mpi else None,
        cflags=f"-Wall -Werror {standard}",
        args=snip.args,
        race_check=race_check and snip.uses_openmp,
        race_threads=RACE_THREADS,
        source_name=snip.path.stem,
    )


def verify_snippet(path: Path, race_check: bool = True) -> SnippetVerdict:
    """Compile, run and race-check one snippet file."""
    verdict = SnippetVerdict(path=path)
    try:
        snip = parse_snippet(path)
    except SnippetFormatError as err:
        verdict.problems.append(str(err))
        return verdict
    verdict.id = snip.id
    result = run_program(verification_request(snip, race_check))
    if not result.build.ok:
        verdict.problems.append(f"does not compile with -Wall -Werror:\n{result.build.log}")
        return verdict
    for run in result.runs:
        if not run.ok or "PASS" not in run.stdout:
            why = run.error or "no PASS line"
            verdict.problems.append(f"{run.label}: {why}:\n{(run.stdout + run.stderr)[-2000:]}")
    check = result.race_check
    if check is not None:
        for race in check.races:
            verdict.problems.append(f"race: {race.describe()}")
        if check.error:
            verdict.problems.append(f"race check: {check.error}\n{check.log[-2000:]}")
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
    verdicts = verify_paths(_expand(opts.paths), race_check=not opts.no_race, jobs=opts.jobs)
    failed = [v for v in verdicts if not v.ok]
    for v in failed:
        print(f"FAIL {v.path} ({v.id})")
        for problem in v.problems:
            print("    " + problem.replace("\n", "\n    "))
    print(f"{len(verdicts) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

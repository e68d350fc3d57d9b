#!/usr/bin/env python3
"""Validate the jupyter-hpc evaluation task set (stdlib only, Python >= 3.11).

Usage::

    python benchmarks/tasks/check_tasks.py [TASK ...] [--timeout S] [--no-wrong] [-v]

For every task directory (``benchmarks/tasks/<name>/task.toml``), or only the
ones named on the command line:

* the metadata is checked (keys, values, files that must be there);
* entry tasks: ``reference.<ext>`` and ``driver.<ext>`` are compiled together
  the way the harness compiles an answer (``gcc``/``g++`` or ``mpicc``/``mpicxx``,
  ``-O2``, ``-fopenmp`` for openmp and hybrid, ``-lm``), with ``-Wall -Wextra
  -Werror`` so that the reference and driver stay warning-free; the binary is run
  at every thread count x rank count of the task (``mpirun --bind-to none -np R``
  for mpi and hybrid); each run must exit 0 and print exactly one ``time: <s>``
  and one ``ref_time: <s>`` line;
* whole-program tasks (``expect`` instead of ``entry``): ``reference.<ext>`` is
  compiled alone and every ``expect`` regex must match its stdout at every run;
* ``wrong.<ext>`` (a plausible buggy answer) is compiled the same way (without
  ``-Werror``) and run, largest configuration first; at least one run must fail
  (non-zero exit, timeout, missing ``time:`` line, or an ``expect`` regex that
  does not match). It must compile: a variant rejected by the compiler proves
  nothing about the driver.

A table is printed; the exit status is 1 if anything is wrong, else 0.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

TASKS_DIR = Path(__file__).resolve().parent
APIS = ("openmp", "mpi", "hybrid")
LANGS = {"c": ".c", "c++": ".cpp"}
DIFFICULTIES = ("easy", "medium", "hard")
NAME_PREFIX = {"openmp": "omp-", "mpi": "mpi-", "hybrid": "hybrid-"}
TIME_RE = re.compile(r"^time:\s*([0-9.eE+-]+)\s*$", re.M)
REF_TIME_RE = re.compile(r"^ref_time:\s*([0-9.eE+-]+)\s*$", re.M)
MAIN_RE = re.compile(r"\bint\s+main\s*\(")
# Reference times outside this window are reported (not failed): the drivers aim
# for a serial reference of a few tens of milliseconds to a few tenths of a second.
REF_TIME_WINDOW = (0.01, 0.5)
MPI_ENV = {
    "OMPI_ALLOW_RUN_AS_ROOT": "1",
    "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
    "OMPI_MCA_rmaps_base_oversubscribe": "1",
    # ranks waiting in MPI yield the core: with as many ranks as cores, Open MPI otherwise
    # busy-polls, and any other load on the machine makes halo-exchange loops crawl
    "OMPI_MCA_mpi_yield_when_idle": "1",
}


@dataclass
class Task:
    name: str
    path: Path
    meta: dict
    problems: list[str] = field(default_factory=list)

    @property
    def api(self) -> str:
        return self.meta.get("api", "?")

    @property
    def lang(self) -> str:
        return self.meta.get("lang", "?")

    @property
    def ext(self) -> str:
        return LANGS.get(self.lang, ".c")

    @property
    def whole_program(self) -> bool:
        return "entry" not in self.meta

    @property
    def configs(self) -> list[tuple[int, int]]:
        """(threads, ranks) pairs, in increasing order of total workers."""
        threads = self.meta.get("threads", [1])
        ranks = self.meta.get("ranks", [1]) if self.api != "openmp" else [1]
        return sorted(((t, r) for r in ranks for t in threads), key=lambda c: (c[0] * c[1], c))


@dataclass
class RunOutcome:
    ok: bool
    reason: str = ""
    time: float | None = None
    ref_time: float | None = None


@dataclass
class Verdict:
    task: Task
    runs_ok: int = 0
    runs_total: int = 0
    ref_times: list[float] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    wrong: str = "-"
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.task.problems


def load_task(path: Path) -> Task:
    task = Task(path.name, path, {})
    try:
        task.meta = tomllib.loads((path / "task.toml").read_text())
    except (OSError, tomllib.TOMLDecodeError) as e:
        task.problems.append(f"task.toml: {e}")
        return task
    m, p = task.meta, task.problems
    for key in ("prompt", "api", "lang", "threads", "ranks", "difficulty"):
        if key not in m:
            p.append(f"task.toml: missing key {key!r}")
    if m.get("api") not in APIS:
        p.append(f"task.toml: api must be one of {APIS}")
    if m.get("lang") not in LANGS:
        p.append(f"task.toml: lang must be one of {tuple(LANGS)}")
    if m.get("difficulty") not in DIFFICULTIES:
        p.append(f"task.toml: difficulty must be one of {DIFFICULTIES}")
    for key in ("threads", "ranks"):
        v = m.get(key)
        if not (isinstance(v, list) and v and all(isinstance(x, int) and x >= 1 for x in v)):
            p.append(f"task.toml: {key} must be a non-empty list of positive integers")
    if m.get("api") == "openmp" and m.get("ranks") != [1]:
        p.append("task.toml: openmp tasks must have ranks = [1]")
    if (prefix := NAME_PREFIX.get(m.get("api"))) and not task.name.startswith(prefix):
        p.append(f"directory name must start with {prefix!r} for api {m.get('api')!r}")
    if ("entry" in m) == ("expect" in m):
        p.append("task.toml: exactly one of 'entry' (function task) or 'expect' (whole program)")
    ext = task.ext
    ref = path / f"reference{ext}"
    if not ref.is_file():
        p.append(f"missing reference{ext}")
    if "entry" in m:
        entry = m["entry"]
        if not re.fullmatch(r"[A-Za-z_]\w*", str(entry)):
            p.append(f"task.toml: bad entry {entry!r}")
        elif entry not in m.get("prompt", ""):
            p.append(f"prompt does not name the entry {entry!r}")
        if not (path / f"driver{ext}").is_file():
            p.append(f"missing driver{ext}")
        elif not MAIN_RE.search((path / f"driver{ext}").read_text()):
            p.append(f"driver{ext} defines no main()")
        if ref.is_file() and MAIN_RE.search(ref.read_text()):
            p.append(f"reference{ext} must not define main()")
        if not (path / f"wrong{ext}").is_file():
            p.append(f"missing wrong{ext}")
    if "expect" in m:
        exp = m["expect"]
        if not (isinstance(exp, list) and exp and all(isinstance(x, str) for x in exp)):
            p.append("task.toml: expect must be a non-empty list of regexes")
        else:
            for rx in exp:
                try:
                    re.compile(rx)
                except re.error as e:
                    p.append(f"task.toml: bad regex {rx!r}: {e}")
    return task


def compiler_cmd(task: Task, sources: list[Path], out: Path, strict: bool) -> list[str]:
    mpi = task.api in ("mpi", "hybrid")
    cxx = task.lang == "c++"
    cc = ("mpicxx" if cxx else "mpicc") if mpi else ("g++" if cxx else "gcc")
    cmd = [cc, "-O2"]
    if strict:
        cmd += ["-Wall", "-Wextra", "-Werror"]
        if mpi and cxx:  # Open MPI's C++ binding headers trip -Wextra's cast-function-type
            cmd.append("-Wno-cast-function-type")
    if task.api in ("openmp", "hybrid"):
        cmd.append("-fopenmp")
    return cmd + [str(s) for s in sources] + ["-o", str(out), "-lm"]


def build(task: Task, sources: list[Path], out: Path, strict: bool, timeout: float) -> str | None:
    """Compile; None on success, else a one-line reason."""
    cmd = compiler_cmd(task, sources, out, strict)
    try:
        cp = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "compiler timed out"
    if cp.returncode != 0:
        first = next(
            (ln for ln in cp.stderr.splitlines() if "error" in ln), cp.stderr.strip()[:200]
        )
        return f"build failed: {first.strip()}"
    return None


def run_binary(
    task: Task, binary: Path, threads: int, ranks: int, timeout: float, workdir: Path
) -> tuple[int | None, str, str]:
    """Run at one configuration; returns (exit code or None on timeout, stdout, stderr)."""
    env = dict(os.environ)
    env["OMP_NUM_THREADS"] = str(threads)
    if task.api in ("mpi", "hybrid"):
        env.update(MPI_ENV)
        cmd = [
            "mpirun",
            "--bind-to",
            "none",
            "-x",
            "OMP_NUM_THREADS",
            "-np",
            str(ranks),
            str(binary),
        ]
    else:
        cmd = [str(binary)]
    proc = subprocess.Popen(
        cmd,
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        return None, out, err


def judge(task: Task, code: int | None, out: str, err: str, timeout: float) -> RunOutcome:
    if code is None:
        return RunOutcome(False, f"timed out after {timeout:g} s")
    if code != 0:
        lines = [ln for ln in err.splitlines() if ln.strip()]
        # prefer the driver's own one-line reason over mpirun's boilerplate
        reason = next(
            (
                ln
                for ln in lines
                if not ln.startswith(
                    ("---", "Primary job", "mpirun", "MPI_ABORT", "NOTE:", "You may")
                )
            ),
            lines[0] if lines else "",
        )
        return RunOutcome(False, f"exit {code}: {reason.strip()[:160]}")
    if task.whole_program:
        # plain re.search, as the harness (kernel_magics/evaluate.py) applies them
        missing = [rx for rx in task.meta["expect"] if not re.search(rx, out)]
        if missing:
            return RunOutcome(False, f"stdout does not match {missing[0]!r}: {out.strip()[:120]!r}")
        return RunOutcome(True)
    t, rt = TIME_RE.findall(out), REF_TIME_RE.findall(out)
    if len(t) != 1 or len(rt) != 1:
        return RunOutcome(
            False, f"expected one time: and one ref_time: line, got {len(t)} and {len(rt)}"
        )
    try:
        return RunOutcome(True, time=float(t[0]), ref_time=float(rt[0]))
    except ValueError:
        return RunOutcome(False, "unparsable time line")


def check_task(task: Task, timeout: float, wrong: bool, verbose: bool) -> Verdict:
    v = Verdict(task)
    start = time.monotonic()
    if task.problems:
        v.seconds = time.monotonic() - start
        return v
    ext = task.ext
    tmp = Path(tempfile.mkdtemp(prefix=f"task-{task.name}-"))
    try:
        ref_src = [task.path / f"reference{ext}"]
        if not task.whole_program:
            ref_src.append(task.path / f"driver{ext}")
        if why := build(task, ref_src, tmp / "ref", strict=True, timeout=timeout):
            task.problems.append(f"reference: {why}")
        else:
            for threads, ranks in task.configs:
                v.runs_total += 1
                code, out, err = run_binary(task, tmp / "ref", threads, ranks, timeout, tmp)
                res = judge(task, code, out, err, timeout)
                if verbose:
                    print(
                        f"  {task.name} t={threads} r={ranks}: "
                        f"{'ok' if res.ok else res.reason} {out.strip()!r}",
                        flush=True,
                    )
                if not res.ok:
                    task.problems.append(f"reference t={threads} r={ranks}: {res.reason}")
                    continue
                v.runs_ok += 1
                if res.ref_time is not None:
                    v.ref_times.append(res.ref_time)
                    v.times.append(res.time)
            if v.ref_times and not (REF_TIME_WINDOW[0] <= max(v.ref_times) <= REF_TIME_WINDOW[1]):
                v.notes.append(f"ref_time {max(v.ref_times):.3f} s outside {REF_TIME_WINDOW}")
        wrong_src = task.path / f"wrong{ext}"
        if wrong and wrong_src.is_file():
            srcs = [wrong_src] if task.whole_program else [wrong_src, task.path / f"driver{ext}"]
            if why := build(task, srcs, tmp / "wrong", strict=False, timeout=timeout):
                task.problems.append(f"wrong variant: {why}")
                v.wrong = "BUILD?"
            else:
                v.wrong = "ACCEPTED"
                for threads, ranks in reversed(task.configs):
                    code, out, err = run_binary(task, tmp / "wrong", threads, ranks, timeout, tmp)
                    res = judge(task, code, out, err, timeout)
                    if verbose:
                        print(
                            f"  {task.name} wrong t={threads} r={ranks}: "
                            f"{'passed' if res.ok else 'rejected: ' + res.reason}",
                            flush=True,
                        )
                    if not res.ok:
                        v.wrong = f"rejected t{threads}r{ranks}"
                        v.notes.append(f"wrong t={threads} r={ranks}: {res.reason}")
                        break
                if v.wrong == "ACCEPTED":
                    task.problems.append(
                        "wrong variant passed every run: the driver does not catch it"
                    )
        elif not wrong_src.is_file():
            v.wrong = "none"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    v.seconds = time.monotonic() - start
    return v


def discover(names: list[str]) -> list[Path]:
    if not names:
        return sorted(p.parent for p in TASKS_DIR.glob("*/task.toml"))
    paths = []
    for n in names:
        p = Path(n)
        if not (p / "task.toml").is_file():
            p = TASKS_DIR / n.rstrip("/").split("/")[-1]
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tasks", nargs="*", help="task names or directories (default: all)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per build or run (60)")
    ap.add_argument("--no-wrong", action="store_true", help="skip the wrong-variant check")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every run")
    args = ap.parse_args(argv)

    missing = [t for t in ("gcc", "g++", "mpicc", "mpicxx", "mpirun") if not shutil.which(t)]
    if missing:
        print(f"missing tools: {', '.join(missing)}", file=sys.stderr)
        return 2
    paths = discover(args.tasks)
    if not paths:
        print("no tasks found", file=sys.stderr)
        return 2
    t0 = time.monotonic()
    verdicts = []
    print(
        f"{'task':<26} {'api':<7} {'lang':<4} {'level':<7} runs  ref_time     time  wrong variant"
    )
    for p in paths:
        task = (
            load_task(p) if (p / "task.toml").is_file() else Task(p.name, p, {}, ["no task.toml"])
        )
        v = check_task(task, args.timeout, not args.no_wrong, args.verbose)
        verdicts.append(v)
        rt = f"{max(v.ref_times):.3f}" if v.ref_times else "-"
        tt = f"{max(v.times):.3f}" if v.times else "-"
        print(
            f"{task.name:<26} {task.api:<7} {task.lang:<4} {task.meta.get('difficulty', '?'):<7}"
            f" {v.runs_ok}/{v.runs_total:<3} {rt:>8} {tt:>8}  {v.wrong:<16} {v.seconds:6.1f}s "
            f"{'OK' if v.ok else 'FAIL'}",
            flush=True,
        )
        for prob in task.problems:
            print(f"    ! {prob}", flush=True)
        for note in v.notes:
            if args.verbose or note.startswith("ref_time"):
                print(f"    - {note}", flush=True)

    elapsed = time.monotonic() - t0
    bad = [v for v in verdicts if not v.ok]
    print()
    count = lambda key, val: sum(1 for v in verdicts if v.task.meta.get(key) == val)  # noqa: E731
    print(
        f"{len(verdicts)} tasks: "
        + ", ".join(f"{a} {count('api', a)}" for a in APIS)
        + "; "
        + ", ".join(f"{lang} {count('lang', lang)}" for lang in LANGS)
        + "; "
        + ", ".join(f"{d} {count('difficulty', d)}" for d in DIFFICULTIES)
        + f"; whole-program {sum(1 for v in verdicts if v.task.whole_program)}"
    )
    runs = sum(v.runs_total for v in verdicts)
    print(
        f"{len(verdicts) - len(bad)} passed, {len(bad)} failed; {runs} reference runs; "
        f"{elapsed:.1f} s"
    )
    if bad:
        print("failed: " + ", ".join(v.task.name for v in bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

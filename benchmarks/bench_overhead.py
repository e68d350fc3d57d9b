"""What jupyter-hpc costs on top of compiling and running a program by hand.

The workload is ``programs/mpi_work.c``: every rank does ~0.5 s of floating-point
work (the loop count is calibrated once at start-up), then one MPI_Allreduce.
All variants run in the same loop, interleaved, with the order rotated every
repetition, so that load from other users of the machine hits them alike;
the report uses medians, with a 95% confidence interval from a paired
bootstrap. The number of repetitions (--reps, default 10) is cut to no fewer
than MIN_REPS when the machine is so loaded that the time budget runs out.

(a) cold:  ``jupyter hpc run mpi_work.c -n 2 --args N --json`` with an empty build
           cache (a fresh $JUPYTER_HPC_CACHE every time, holding only the helper
           programs that ``jupyter hpc setup`` builds once at install) versus
           ``mpicc -O2 prog.c -o prog -lm &&
           mpirun -np 2 ./prog`` (the flags the tool uses, so both binaries do
           the same work). Target: tool / plain <= 1.15.
           A third, in-process cold variant (``run_program`` with a fresh cache)
           splits the tool's time into stages.
(b) warm:  ``run_program(RunRequest(...))`` in this process with the binary
           cached versus ``mpirun -np 2 <cached binary> N``.
           Target: median(tool) - median(plain) <= 50 ms.
           For information, the same through the CLI (``jupyter hpc run`` and
           ``jupyter-hpc run``), which includes Python start-up.

    .venv/bin/python benchmarks/bench_overhead.py [--reps N] [--iterations N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchutil import (
    PROGRAMS,
    PYTHON,
    VENV_BIN,
    bench_env,
    bootstrap_ci,
    cpu_times,
    median,
    print_report,
    summary,
    target,
)

from kernel_magics.pipeline import RunRequest, run_program
from kernel_magics.reporter import Reporter
from kernel_magics.settings import Settings

PROGRAM = PROGRAMS / "mpi_work.c"
RANKS = 2
WORK_TARGET_S = 0.5  # compute (CPU) time per rank
MIN_REPS = 5  # repetitions done whatever the time budget
COLD_BUDGET_S = 60.0  # no new cold repetition after this (once MIN_REPS are done) ...
WARM_BUDGET_S = 120.0  # ... nor a new cached one after this, counted from the calibration
COLD_RATIO_TARGET = 1.15
WARM_OVERHEAD_TARGET_MS = 50.0
CFLAGS = ["-O2"]  # jupyter-hpc's default_cflags
LDFLAGS = ["-lm"]  # jupyter-hpc always links -lm

_COMPUTE = re.compile(r"compute_s=([0-9.]+)")
_CPU = re.compile(r"cpu_s=([0-9.]+)")


class BenchError(RuntimeError):
    """A measured command failed: the numbers would mean nothing."""


def _check(proc: subprocess.CompletedProcess, what: str) -> None:
    if proc.returncode != 0 or "result=" not in proc.stdout:
        raise BenchError(
            f"{what} failed (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
        )


def _program_times(text: str) -> dict:
    """The compute wall and CPU time rank 0 reports on stderr."""
    out = {}
    for key, pattern in (("compute_s", _COMPUTE), ("cpu_s", _CPU)):
        match = pattern.search(text)
        out[key] = float(match.group(1)) if match else None
    return out


def _timed(argv: list[str], **kwargs) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run argv; return its wall time, the CPU time of it and its children, the process."""
    cpu0 = cpu_times()[1]
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    wall = time.perf_counter() - start
    return wall, cpu_times()[1] - cpu0, proc


def _mpirun(binary: str | Path, iterations: int) -> list[str]:
    return ["mpirun", "-np", str(RANKS), str(binary), str(iterations)]


# --------------------------------------------------------------------------- calibration


def calibrate(target_s: float = WORK_TARGET_S, trials: int = 3) -> dict:
    """The loop count that makes each rank compute for ~target_s on this machine.

    Calibrated on the rank's CPU time, which is its wall time on an idle machine:
    on a shared machine the wall time depends on the load of the moment, and a
    workload sized by it would change from one calibration run to the next.
    """
    env = bench_env()
    work = Path(tempfile.mkdtemp(prefix="bench-calib-"))
    try:
        shutil.copy(PROGRAM, work / "prog.c")
        proc = subprocess.run(
            ["mpicc", *CFLAGS, "prog.c", "-o", "prog", *LDFLAGS],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise BenchError(f"cannot compile {PROGRAM}:\n{proc.stderr}")
        probe = 20_000_000
        wall_rates, cpu_rates = [], []
        for _ in range(trials):
            proc = subprocess.run(
                _mpirun("./prog", probe), cwd=work, env=env, capture_output=True, text=True
            )
            _check(proc, "calibration run")
            times = _program_times(proc.stderr)
            wall_rates.append(times["compute_s"] / probe)
            cpu_rates.append(times["cpu_s"] / probe)
            # Aim the next probe at the target so later trials measure the real length.
            probe = max(int(target_s / cpu_rates[-1]), 1_000_000)
        return {
            "iterations": int(target_s / median(cpu_rates)),
            "target_compute_s": target_s,
            "wall_ns_per_iteration": median(wall_rates) * 1e9,
            "cpu_ns_per_iteration": median(cpu_rates) * 1e9,
            "trials": trials,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --------------------------------------------------------------------------- variants


class StageClock(Reporter):
    """A jupyter-hpc Reporter that timestamps every stage message."""

    def __init__(self):
        self.marks: list[tuple[float, str]] = []

    def stage(self, message: str) -> None:
        self.marks.append((time.perf_counter(), message))

    def output(self, stream: str, text: str) -> None:
        pass

    def warning(self, message: str) -> None:
        self.marks.append((time.perf_counter(), "warning: " + message))

    def first(self, *prefixes: str) -> float:
        """When the first stage message starting with one of ``prefixes`` came."""
        for when, message in self.marks:
            if message.startswith(prefixes):
                return when
        raise BenchError(f"no stage message starts with {prefixes}: {self.marks}")


def _api_run(source: str, iterations: int, expect_cache_hit: bool | None) -> dict:
    """One in-process run_program call, with its stages timed."""
    clock = StageClock()
    request = RunRequest(
        source=source, lang="c", ranks=[RANKS], args=str(iterations), source_name=PROGRAM.stem
    )
    self0, children0 = cpu_times()
    start = time.perf_counter()
    result = run_program(request, reporter=clock)
    end = time.perf_counter()
    self1, children1 = cpu_times()
    run = result.runs[0] if result.runs else None
    if not (result.ok and run and run.ok and "result=" in run.stdout):
        raise BenchError(f"run_program failed: {json.dumps(result.to_dict(), default=str)[:3000]}")
    if expect_cache_hit is not None and result.build.cache_hit != expect_cache_hit:
        raise BenchError(f"expected cache_hit={expect_cache_hit}, got {result.build.cache_hit}")
    # Stage messages: "C (...) compiling with" after planning, "compiled in" or "using
    # the cached binary" after the build, "run 1/1: ..." just before the run.
    t_plan = clock.marks[0][0]
    t_build = clock.first("compiled in", "using the cached binary")
    t_run = clock.first("run 1/")
    return {
        "total_s": end - start,
        "plan_s": t_plan - start,
        "build_stage_s": t_build - t_plan,
        "compile_s": result.build.seconds,
        "prepare_run_s": t_run - t_build,
        "run_stage_s": end - t_run,
        "sandbox_wall_s": run.times_s[0],
        "outside_program_s": (end - start) - run.times_s[0],
        "self_cpu_s": self1 - self0,
        "child_cpu_s": children1 - children0,
        **_program_times(run.stderr),
        "binary": str(result.build.binary),
    }


def _cli_run(argv_prefix: list[str], iterations: int, cache: str, cache_hit: bool) -> dict:
    argv = [*argv_prefix, "run", str(PROGRAM), "-n", str(RANKS), "--args", str(iterations)]
    argv.append("--json")
    elapsed, cpu, proc = _timed(argv, env=bench_env(JUPYTER_HPC_CACHE=cache))
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise BenchError(f"{' '.join(argv)} gave no JSON:\n{proc.stdout}\n{proc.stderr}") from None
    run = data["runs"][0] if data.get("runs") else {}
    if proc.returncode != 0 or not data.get("ok") or "result=" not in run.get("stdout", ""):
        raise BenchError(f"{' '.join(argv)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr}")
    if data["build"]["cache_hit"] != cache_hit:
        raise BenchError(f"expected cache_hit={cache_hit}, got {data['build']['cache_hit']}")
    return {
        "total_s": elapsed,
        "child_cpu_s": cpu,
        "compile_s": data["build"]["seconds"],
        "sandbox_wall_s": run["times_s"][0],
        **_program_times(run.get("stderr", "")),
    }


def _tool_transport() -> dict[str, str]:
    """The Open MPI settings jupyter-hpc gives local runs (``Settings.mpi_env``)."""
    return Settings().mpi_env_vars()


def _plain_cold(iterations: int, extra_env: dict[str, str] | None = None) -> dict:
    """mpicc prog.c -o prog && mpirun -np 2 ./prog, in a fresh folder."""
    env = bench_env(**(extra_env or {}))
    work = Path(tempfile.mkdtemp(prefix="bench-plain-"))
    try:
        shutil.copy(PROGRAM, work / "prog.c")
        compile_s, compile_cpu, proc = _timed(
            ["mpicc", *CFLAGS, "prog.c", "-o", "prog", *LDFLAGS], cwd=work, env=env
        )
        if proc.returncode != 0:
            raise BenchError(f"mpicc failed:\n{proc.stderr}")
        run_s, run_cpu, proc = _timed(_mpirun("./prog", iterations), cwd=work, env=env)
        _check(proc, "plain mpirun")
        return {
            "total_s": compile_s + run_s,
            "child_cpu_s": compile_cpu + run_cpu,
            "compile_s": compile_s,
            "run_s": run_s,
            **_program_times(proc.stderr),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _plain_warm(
    binary: str, iterations: int, cwd: str, extra_env: dict[str, str] | None = None
) -> dict:
    env = bench_env(**(extra_env or {}))
    run_s, cpu, proc = _timed(_mpirun(binary, iterations), cwd=cwd, env=env)
    _check(proc, "plain mpirun")
    return {"total_s": run_s, "child_cpu_s": cpu, **_program_times(proc.stderr)}


# --------------------------------------------------------------------------- loops


def _rotated(names: list[str], rep: int) -> list[str]:
    k = rep % len(names)
    return names[k:] + names[:k]


def _collect(samples: list[dict], key: str) -> list[float]:
    return [s[key] for s in samples if s.get(key) is not None]


def _stats(samples: dict[str, list[dict]]) -> dict:
    out = {}
    for name, rows in samples.items():
        keys = [k for k, v in rows[0].items() if isinstance(v, float)]
        out[name] = {k: summary(_collect(rows, k)) for k in keys}
    return out


def _out_of_time(rep: int, deadline: float | None, log) -> bool:
    if rep >= MIN_REPS and deadline is not None and time.perf_counter() > deadline:
        log(f"  time budget reached: stopping after {rep} repetitions")
        return True
    return False


def measure_cold(iterations: int, reps: int, log, deadline: float | None = None) -> dict:
    from kernel_magics.build import _compiler_version_cached
    from kernel_magics.native import native_tool

    source = PROGRAM.read_text()
    jupyter = [str(VENV_BIN / "jupyter"), "hpc"]
    samples: dict[str, list[dict]] = {
        "tool_cli": [],
        "plain": [],
        "tool_api": [],
        "plain_same_transport": [],
    }
    saved = os.environ.get("JUPYTER_HPC_CACHE")
    # The helper programs are built once per installation (``jupyter hpc setup``, run by
    # ``make install``), not per program: every cold cache gets them, nothing else.
    tools_home = tempfile.mkdtemp(prefix="bench-tools-")
    os.environ["JUPYTER_HPC_CACHE"] = tools_home
    launcher = native_tool("launcher")
    try:
        for rep in range(reps):
            if _out_of_time(rep, deadline, log):
                break
            for name in _rotated(list(samples), rep):
                cache = tempfile.mkdtemp(prefix="bench-cache-")
                os.symlink(launcher.parent, Path(cache) / "tools")
                try:
                    if name == "tool_cli":
                        sample = _cli_run(jupyter, iterations, cache, cache_hit=False)
                    elif name == "plain":
                        sample = _plain_cold(iterations)
                    elif name == "plain_same_transport":
                        sample = _plain_cold(iterations, _tool_transport())
                    else:  # in-process and cold: build cache empty, compiler version unknown
                        os.environ["JUPYTER_HPC_CACHE"] = cache
                        _compiler_version_cached.cache_clear()
                        cpu0 = cpu_times()[1]
                        sample = _api_run(source, iterations, expect_cache_hit=False)
                        sample["child_cpu_s"] = cpu_times()[1] - cpu0
                        sample.pop("binary")
                finally:
                    shutil.rmtree(cache, ignore_errors=True)
                samples[name].append(sample)
            log(
                f"  cold rep {rep + 1}/{reps}: "
                + ", ".join(f"{n} {samples[n][-1]['total_s']:.3f}s" for n in samples)
            )
    finally:
        _restore_env("JUPYTER_HPC_CACHE", saved)
        shutil.rmtree(tools_home, ignore_errors=True)
    stats = _stats(samples)
    tool = stats["tool_cli"]["total_s"]["median"]
    plain = stats["plain"]["total_s"]["median"]
    tool_all = _collect(samples["tool_cli"], "total_s")
    plain_all = _collect(samples["plain"], "total_s")
    ratios = [t / p for t, p in zip(tool_all, plain_all, strict=True)]
    same = stats["plain_same_transport"]["total_s"]["median"]
    return {
        # The tool's own cost, without the faster start of the MPI transport it picks.
        "plain_same_transport_median_s": same,
        "ratio_same_transport": tool / same,
        "overhead_same_transport_ms": (tool - same) * 1e3,
        "tool_median_s": tool,
        "plain_median_s": plain,
        "ratio": tool / plain,
        "ratio_ci95": bootstrap_ci(tool_all, plain_all, lambda t, p: t / p),
        "ratio_paired_median": median(ratios),
        "overhead_ms": (tool - plain) * 1e3,
        # CPU seconds of all processes started (python, compilers, mpirun, ranks): hardly
        # affected by other load on the machine, unlike wall time.
        "cpu_overhead_ms": (
            stats["tool_cli"]["child_cpu_s"]["median"] - stats["plain"]["child_cpu_s"]["median"]
        )
        * 1e3,
        "samples": stats,
    }


def measure_warm(iterations: int, reps: int, log, deadline: float | None = None) -> dict:
    source = PROGRAM.read_text()
    saved = os.environ.get("JUPYTER_HPC_CACHE")
    cache = tempfile.mkdtemp(prefix="bench-cache-")
    run_dir = tempfile.mkdtemp(prefix="bench-run-")
    cli_dispatch = [str(VENV_BIN / "jupyter"), "hpc"]
    cli_direct = [str(VENV_BIN / "jupyter-hpc")]
    samples: dict[str, list[dict]] = {
        "tool_api": [],
        "plain": [],
        "cli": [],
        "cli_direct": [],
        "plain_same_transport": [],
    }
    try:
        os.environ["JUPYTER_HPC_CACHE"] = cache
        binary = _api_run(source, iterations, expect_cache_hit=None)["binary"]  # warm-up
        _api_run(source, iterations, expect_cache_hit=True)
        _cli_run(cli_direct, iterations, cache, cache_hit=True)
        # The targeted pair (run_program, mpirun) runs twice per repetition, the CLI once.
        order = [
            "tool_api",
            "plain",
            "cli",
            "tool_api",
            "plain",
            "cli_direct",
            "plain_same_transport",
        ]
        for rep in range(reps):
            if _out_of_time(rep, deadline, log):
                break
            for name in _rotated(order, rep):
                if name == "tool_api":
                    sample = _api_run(source, iterations, expect_cache_hit=True)
                    sample.pop("binary")
                elif name == "plain":
                    sample = _plain_warm(binary, iterations, run_dir)
                elif name == "plain_same_transport":
                    sample = _plain_warm(binary, iterations, run_dir, _tool_transport())
                elif name == "cli":
                    sample = _cli_run(cli_dispatch, iterations, cache, cache_hit=True)
                else:
                    sample = _cli_run(cli_direct, iterations, cache, cache_hit=True)
                samples[name].append(sample)
            log(
                f"  warm rep {rep + 1}/{reps}: "
                + ", ".join(f"{n} {samples[n][-1]['total_s']:.3f}s" for n in samples)
            )
    finally:
        _restore_env("JUPYTER_HPC_CACHE", saved)
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(run_dir, ignore_errors=True)
    stats = _stats(samples)
    plain = stats["plain"]["total_s"]["median"]

    def overhead_ms(name: str) -> float:
        return (stats[name]["total_s"]["median"] - plain) * 1e3

    api_all = _collect(samples["tool_api"], "total_s")
    plain_all = _collect(samples["plain"], "total_s")
    api = stats["tool_api"]
    return {
        "api_median_s": api["total_s"]["median"],
        "plain_median_s": plain,
        "api_overhead_ms": overhead_ms("tool_api"),
        "api_overhead_ci95_ms": bootstrap_ci(api_all, plain_all, lambda t, p: (t - p) * 1e3),
        "api_overhead_paired_median_ms": median(
            [(t - p) * 1e3 for t, p in zip(api_all, plain_all, strict=True)]
        ),
        # Noise-resistant views of the same overhead: the time run_program spends
        # outside the program's own process tree (measured inside each call), and CPU.
        "api_outside_program_ms": api["outside_program_s"]["median"] * 1e3,
        "api_self_cpu_ms": api["self_cpu_s"]["median"] * 1e3,
        "api_child_cpu_overhead_ms": (
            api["child_cpu_s"]["median"] - stats["plain"]["child_cpu_s"]["median"]
        )
        * 1e3,
        "plain_same_transport_median_s": stats["plain_same_transport"]["total_s"]["median"],
        "api_overhead_same_transport_ms": (
            api["total_s"]["median"] - stats["plain_same_transport"]["total_s"]["median"]
        )
        * 1e3,
        "cli_median_s": stats["cli"]["total_s"]["median"],
        "cli_overhead_ms": overhead_ms("cli"),
        "cli_direct_median_s": stats["cli_direct"]["total_s"]["median"],
        "cli_direct_overhead_ms": overhead_ms("cli_direct"),
        "samples": stats,
    }


def measure_startup(reps: int = 3) -> dict:
    """Where a CLI invocation's fixed cost goes: interpreter, imports, `jupyter` dispatch."""
    commands = {
        "python_bare": [PYTHON, "-c", "pass"],
        "python_import_cli": [
            PYTHON,
            "-c",
            "import json, kernel_magics.cli, kernel_magics.pipeline, kernel_magics.display, "
            "kernel_magics.measure",
        ],
        "jupyter_hpc_help": [str(VENV_BIN / "jupyter"), "hpc", "--help"],
        "jupyter_hyphen_hpc_help": [str(VENV_BIN / "jupyter-hpc"), "--help"],
        "mpicc_version": ["mpicc", "--version"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    env = bench_env()
    for rep in range(reps):
        for name in _rotated(list(commands), rep):
            elapsed, _, proc = _timed(commands[name], env=env)
            if proc.returncode != 0:
                raise BenchError(f"{commands[name]} failed:\n{proc.stderr}")
            times[name].append(elapsed)
    out = {name: median(values) for name, values in times.items()}
    out["jupyter_dispatch_s"] = out["jupyter_hpc_help"] - out["jupyter_hyphen_hpc_help"]
    out["imports_s"] = out["python_import_cli"] - out["python_bare"]
    # The slowest imports of the CLI (cumulative microseconds, python -X importtime).
    proc = subprocess.run(
        commands["python_import_cli"][:1]
        + ["-X", "importtime"]
        + commands["python_import_cli"][1:],
        capture_output=True,
        text=True,
        env=env,
    )
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    rows.sort(reverse=True)
    out["importtime_top"] = [f"{us / 1000:.1f} ms {name}" for us, name in rows[:10]]
    return out


def _transport_text() -> str:
    return " ".join(f"{k}={v}" for k, v in _tool_transport().items()) or "Open MPI defaults"


def _restore_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


# --------------------------------------------------------------------------- entry points


def run(reps: int = 10, iterations: int | None = None, log=print) -> dict:
    """Calibrate, run both loops, and return all numbers plus the targets."""
    if not shutil.which("mpicc") or not shutil.which("mpirun"):
        raise BenchError("mpicc/mpirun not found: install openmpi-bin libopenmpi-dev")
    started = time.perf_counter()
    calibration = calibrate() if iterations is None else {"iterations": iterations, "given": True}
    iterations = calibration["iterations"]
    log(f"  calibrated: {iterations} iterations per rank (~{WORK_TARGET_S} s of compute each)")
    budget_start = time.perf_counter()
    cold = measure_cold(iterations, reps, log, budget_start + COLD_BUDGET_S)
    warm = measure_warm(iterations, reps, log, budget_start + WARM_BUDGET_S)
    startup = measure_startup()
    plain = warm["samples"]["plain"]
    targets = [
        target(
            "cold run: jupyter hpc run / mpicc && mpirun",
            cold["ratio"],
            COLD_RATIO_TARGET,
            "x",
            f"{cold['tool_median_s']:.3f} s vs {cold['plain_median_s']:.3f} s;"
            f" 95% CI {cold['ratio_ci95'][0]:.2f}-{cold['ratio_ci95'][1]:.2f}; with the"
            f" tool's MPI transport for both {cold['ratio_same_transport']:.2f}x",
            ci=cold["ratio_ci95"],
        ),
        target(
            "cached re-run overhead: run_program() - mpirun",
            warm["api_overhead_ms"],
            WARM_OVERHEAD_TARGET_MS,
            "ms",
            f"{warm['api_median_s']:.3f} s vs {warm['plain_median_s']:.3f} s;"
            f" 95% CI {warm['api_overhead_ci95_ms'][0]:.0f} to"
            f" {warm['api_overhead_ci95_ms'][1]:.0f} ms; outside the program"
            f" {warm['api_outside_program_ms']:.0f} ms; with the tool's MPI transport for both"
            f" {warm['api_overhead_same_transport_ms']:.0f} ms",
            ci=warm["api_overhead_ci95_ms"],
        ),
    ]
    return {
        "program": str(PROGRAM.relative_to(PROGRAM.parents[2])),
        "ranks": RANKS,
        "repetitions": reps,
        "repetitions_done": {
            "cold": cold["samples"]["plain"]["total_s"]["n"],
            "cached": warm["samples"]["plain"]["total_s"]["n"],
        },
        "calibration": calibration,
        "compute_per_rank_median_s": plain["compute_s"]["median"],
        "cpu_per_rank_median_s": plain["cpu_s"]["median"],
        "cold": cold,
        "warm": warm,
        "startup": startup,
        "targets": targets,
        "seconds": time.perf_counter() - started,
    }


def describe(result: dict) -> list[str]:
    """Readable lines: the headline numbers and where the tool's time goes."""
    cold, warm, startup = result["cold"], result["warm"], result["startup"]
    cs, ws = cold["samples"], warm["samples"]

    def m(stats: dict, key: str) -> float:
        return stats[key]["median"] * 1e3

    api, plain_c, api_w = cs["tool_api"], cs["plain"], ws["tool_api"]
    ci_c, ci_w = cold["ratio_ci95"], warm["api_overhead_ci95_ms"]
    return [
        f"workload: {result['program']}, {result['ranks']} ranks x"
        f" {result['calibration']['iterations']} iterations: rank 0 computes"
        f" {result['compute_per_rank_median_s']:.3f} s wall ({result['cpu_per_rank_median_s']:.3f}"
        f" s CPU), plain mpirun {warm['plain_median_s']:.3f} s; interleaved reps"
        f" (cold {result['repetitions_done']['cold']}, cached"
        f" {result['repetitions_done']['cached']}), medians",
        f"(a) cold: jupyter hpc {cold['tool_median_s']:.3f} s, mpicc && mpirun"
        f" {cold['plain_median_s']:.3f} s -> ratio {cold['ratio']:.3f} (95% CI"
        f" {ci_c[0]:.2f}-{ci_c[1]:.2f}, paired median {cold['ratio_paired_median']:.3f}),"
        f" +{cold['overhead_ms']:.0f} ms wall, +{cold['cpu_overhead_ms']:.0f} ms CPU",
        f"    plain: mpicc {m(plain_c, 'compile_s'):.0f} ms + mpirun {m(plain_c, 'run_s'):.0f} ms",
        f"    same Open MPI transport for both ({_transport_text()}): mpicc && mpirun"
        f" {cold['plain_same_transport_median_s']:.3f} s -> ratio"
        f" {cold['ratio_same_transport']:.3f}, +{cold['overhead_same_transport_ms']:.0f} ms:"
        " the tool's own cost",
        f"    tool, in-process cold run_program: plan {m(api, 'plan_s'):.0f} ms,"
        f" build stage {m(api, 'build_stage_s'):.0f} ms"
        f" (compiler {m(api, 'compile_s'):.0f} ms; the rest is `mpicc --version` + hashing),"
        f" run stage {m(api, 'run_stage_s'):.0f} ms (program in sandbox"
        f" {m(api, 'sandbox_wall_s'):.0f} ms); total {m(api, 'total_s'):.0f} ms",
        f"    CLI fixed costs: python start {startup['python_bare'] * 1e3:.0f} ms, imports"
        f" {startup['imports_s'] * 1e3:.0f} ms, `jupyter` -> `jupyter-hpc` dispatch"
        f" {startup['jupyter_dispatch_s'] * 1e3:.0f} ms, mpicc --version"
        f" {startup['mpicc_version'] * 1e3:.0f} ms",
        f"(b) cached: run_program {warm['api_median_s']:.3f} s, mpirun {warm['plain_median_s']:.3f}"
        f" s -> overhead {warm['api_overhead_ms']:.0f} ms (95% CI {ci_w[0]:.0f} to {ci_w[1]:.0f},"
        f" paired median {warm['api_overhead_paired_median_ms']:.0f} ms)",
        f"    same transport for both: mpirun {warm['plain_same_transport_median_s']:.3f} s ->"
        f" run_program overhead {warm['api_overhead_same_transport_ms']:.0f} ms",
        f"    noise-resistant: run_program outside the program {warm['api_outside_program_ms']:.1f}"
        f" ms (plan {m(api_w, 'plan_s'):.1f}, cache check {m(api_w, 'build_stage_s'):.1f},"
        f" after-run {m(api_w, 'run_stage_s') - m(api_w, 'sandbox_wall_s'):.1f});"
        f" CPU: python {warm['api_self_cpu_ms']:.1f} ms,"
        f" child processes {warm['api_child_cpu_overhead_ms']:+.0f} ms vs plain",
        f"    CLI (info): jupyter hpc {warm['cli_median_s']:.3f} s"
        f" (+{warm['cli_overhead_ms']:.0f} ms), jupyter-hpc {warm['cli_direct_median_s']:.3f} s"
        f" (+{warm['cli_direct_overhead_ms']:.0f} ms)",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=10, help="repetitions per variant (>= 5)")
    parser.add_argument("--iterations", type=int, default=None, help="skip the calibration")
    parser.add_argument("--json", action="store_true", help="print all numbers as JSON")
    args = parser.parse_args(argv)
    result = run(args.reps, args.iterations, log=lambda s: print(s, file=sys.stderr))
    return print_report(result, describe, args.json)


if __name__ == "__main__":
    sys.exit(main())

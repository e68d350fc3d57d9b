"""What ``--profile`` costs: the same ~1 s programs run with and without the profilers.

Two workloads, each calibrated to about one second on this machine:

* ``programs/omp_regions.c`` at 2 threads: ~2000 parallel loops (the OMPT tool sees
  every region, barrier and loop). Built with gcc, so the profiled run also moves
  from gcc's libgomp to LLVM's libomp (OMPT needs it); that switch is part of the cost.
* ``programs/mpi_allreduce_work.c`` at 2 ranks: 2000 MPI_Allreduce calls (the PMPI
  library times each).

Profiled and plain runs alternate (the order flips every repetition); the report is
the ratio of median run times (the program's wall time in the sandbox, the same
clock the runs table uses). Target: <= 1.10.

    .venv/bin/python benchmarks/bench_profile.py [--reps N] [--json]
"""

from __future__ import annotations

import argparse
import sys
import time

from benchutil import PROGRAMS, bootstrap_ci, median, print_report, target

from kernel_magics.pipeline import RunRequest, run_program

OVERHEAD_TARGET = 1.10
WORK_TARGET_S = 1.0

WORKLOADS = {
    "openmp": {"program": "omp_regions.c", "threads": [2], "ranks": None, "probe": 200},
    "mpi": {"program": "mpi_allreduce_work.c", "threads": None, "ranks": [2], "probe": 10000},
}


class BenchError(RuntimeError):
    pass


def _run(spec: dict, arg: int, profile: bool) -> tuple[float, object]:
    request = RunRequest(
        source=(PROGRAMS / spec["program"]).read_text(),
        threads=spec["threads"],
        ranks=spec["ranks"],
        args=str(arg),
        profile=profile,
        timeout=120,
    )
    result = run_program(request)
    run = result.runs[0] if result.runs else None
    if not (result.build.ok and run and run.ok):
        raise BenchError(f"{spec['program']} failed: {run.error if run else result.build.log}")
    if profile and (run.profile is None or not (run.profile.openmp or run.profile.mpi)):
        raise BenchError(f"{spec['program']}: the profilers wrote nothing")
    return run.times_s[0], run


def calibrate(spec: dict, rounds: int = 3) -> int:
    """The argument that makes the plain run take about WORK_TARGET_S.

    A few rounds: a run's fixed cost (start-up, mpirun) makes one scaling step overshoot.
    """
    arg = spec["probe"]
    for _ in range(rounds):
        seconds, _ = _run(spec, arg, profile=False)
        arg = max(int(arg * WORK_TARGET_S / max(seconds, 1e-3)), 1)
    return arg


def measure(name: str, spec: dict, reps: int, log) -> dict:
    arg = calibrate(spec)
    plain, profiled = [], []
    for rep in range(reps):
        for profile in (False, True) if rep % 2 == 0 else (True, False):
            seconds, _ = _run(spec, arg, profile)
            (profiled if profile else plain).append(seconds)
        log(f"  {name} rep {rep + 1}/{reps}: plain {plain[-1]:.3f} s, profiled {profiled[-1]:.3f}")
    ratio = median(profiled) / median(plain)
    return {
        "program": spec["program"],
        "argument": arg,
        "plain_median_s": median(plain),
        "profiled_median_s": median(profiled),
        "ratio": ratio,
        "ratio_ci95": bootstrap_ci(profiled, plain, lambda p, q: p / q),
        "plain_s": plain,
        "profiled_s": profiled,
    }


def run(reps: int = 7, log=print) -> dict:
    started = time.perf_counter()
    results = {name: measure(name, spec, reps, log) for name, spec in WORKLOADS.items()}
    targets = [
        target(
            f"--profile overhead, {name} (~1 s program)",
            r["ratio"],
            OVERHEAD_TARGET,
            "x",
            f"{r['profiled_median_s']:.3f} s vs {r['plain_median_s']:.3f} s "
            f"({r['program']}); 95% CI {r['ratio_ci95'][0]:.2f}-{r['ratio_ci95'][1]:.2f}",
            ci=r["ratio_ci95"],
        )
        for name, r in results.items()
    ]
    return {**results, "targets": targets, "seconds": time.perf_counter() - started}


def describe(result: dict) -> list[str]:
    lines = []
    for name in WORKLOADS:
        r = result[name]
        lines.append(
            f"{name}: {r['program']} (argument {r['argument']}): plain {r['plain_median_s']:.3f}"
            f" s, profiled {r['profiled_median_s']:.3f} s -> ratio {r['ratio']:.3f}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.reps, log=lambda s: print(s, file=sys.stderr))
    return print_report(result, describe, args.json)


if __name__ == "__main__":
    sys.exit(main())

"""``--on cluster`` against a local ``mpirun`` for the same program, and cluster start time.

The same ~0.2 s MPI program (``programs/mpi_work.c``, 2 ranks) runs interleaved
through ``run_program`` locally (``mpirun -np 2``) and on a warm cluster of 2 MPI
engines (``--on cluster``: one rank per engine). Both builds are cached, so the
times are what a user waits for a re-run, measured around ``run_program``.
Start time: ``%hpc cluster start -n 2 --engines mpi`` until every engine has
registered (and said which rank it is), a few times.

The issue asks for these numbers side by side; it sets no target.

    .venv/bin/python benchmarks/bench_cluster.py [--reps 10] [--json]
"""

from __future__ import annotations

import argparse
import sys
import time

from benchutil import PROGRAMS, bootstrap_ci, median, print_report, summary

from kernel_magics.cluster import ClusterSpec, HPCCluster, set_current_cluster
from kernel_magics.pipeline import RunRequest, run_program

ITERATIONS = 40_000_000  # ~0.2 s per rank here


def _timed_run(on: str, source: str) -> float:
    request = RunRequest(source=source, ranks=[2], args=str(ITERATIONS), on=on, timeout=60)
    started = time.perf_counter()
    result = run_program(request)
    elapsed = time.perf_counter() - started
    if not result.ok:
        raise RuntimeError(f"the {on} run failed: {result.runs[0].error if result.runs else ''}")
    return elapsed


def run(reps: int = 10, starts: int = 3, log=print) -> dict:
    source = (PROGRAMS / "mpi_work.c").read_text()
    start_times = []
    for i in range(starts):
        cluster = HPCCluster(ClusterSpec(n=2, engines="mpi"))
        began = time.perf_counter()
        cluster.start()
        start_times.append(time.perf_counter() - began)
        log(f"  cluster start {i + 1}/{starts}: {start_times[-1]:.2f} s")
        if i < starts - 1:
            cluster.stop()
    set_current_cluster(cluster)
    try:
        _timed_run("local", source), _timed_run("cluster", source)  # builds, warm-up
        local, on_cluster = [], []
        for i in range(reps):
            local.append(_timed_run("local", source))
            on_cluster.append(_timed_run("cluster", source))
            log(f"  rep {i + 1}/{reps}: local {local[-1]:.3f} s, cluster {on_cluster[-1]:.3f} s")
    finally:
        cluster.stop()
        set_current_cluster(None)
    ratio = median(on_cluster) / median(local)
    return {
        "local_s": summary(local),
        "cluster_s": summary(on_cluster),
        "ratio": ratio,
        "ratio_ci95": bootstrap_ci(on_cluster, local, lambda a, b: a / b),
        "difference_ms": (median(on_cluster) - median(local)) * 1e3,
        "start_s": summary(start_times),
        "targets": [],
    }


def describe(result: dict) -> list[str]:
    low, high = result["ratio_ci95"]
    return [
        f"re-run of a 2-rank MPI program (cached build): local mpirun "
        f"{result['local_s']['median']:.3f} s, --on cluster {result['cluster_s']['median']:.3f} s"
        f" -> {result['ratio']:.2f}x (95% CI {low:.2f}-{high:.2f}),"
        f" {result['difference_ms']:+.0f} ms",
        f"cluster start (2 MPI engines registered): median {result['start_s']['median']:.1f} s"
        f" (min {result['start_s']['min']:.1f}, max {result['start_s']['max']:.1f})",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.reps, log=lambda m: print(m, file=sys.stderr, flush=True))
    return print_report(result, describe, args.json)


if __name__ == "__main__":
    sys.exit(main())

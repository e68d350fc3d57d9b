"""``--on cluster``: build the program once as a shared library and run it on the engines.

Design: every engine of the cluster loads the library and calls the program's
``main`` (see ``engine_task.py`` and ``csrc/engine_main.h``). With MPI engines
the program's MPI_COMM_WORLD is the engines' communicator, so engine i is rank i
of the program: one rank per engine, as ipyparallel's ``%px`` runs Python code.
A program without MPI runs once on every engine (a copy each).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from kernel_magics.cluster import ClusterError, HPCCluster
from kernel_magics.native import CSRC
from kernel_magics.result import RunRecord

ENGINE_FLAGS = "-fPIC -shared -Wl,-Bsymbolic -Dmain=hpc_user_main"
_MAIN_WITHOUT_ARGS = re.compile(r"\bint\s+main\s*\(\s*(void)?\s*\)")


def engine_source(code: str, uses_mpi: bool) -> str:
    """The program with the engine entry point appended (main is renamed by a -D flag)."""
    call = "()" if _MAIN_WITHOUT_ARGS.search(code) else "(argc, argv)"
    defines = f"#define HPC_MAIN_CALL {call}\n" + ("#define HPC_ENGINE_MPI\n" if uses_mpi else "")
    shim = (CSRC / "engine_main.h").read_text()
    return f"{code.rstrip()}\n\n/* added by jupyter-hpc for --on cluster */\n{defines}{shim}"


def check_cluster_request(request, info, cluster: HPCCluster | None) -> HPCCluster:
    """The running cluster, if it can run this program as asked; else a clear error."""
    from kernel_magics.pipeline import RequestError

    if cluster is None:
        raise RequestError(
            "--on cluster needs a running cluster: start one with "
            "%hpc cluster start -n 2 --engines mpi"
        )
    if request.profile:
        raise RequestError("--profile works for local runs only: drop --on cluster to profile")
    engines = len(cluster.status()) or cluster.spec.n
    if info.uses_mpi and not cluster.mpi:
        raise RequestError(
            f"this MPI program needs MPI engines, but the cluster has {cluster.spec.describe()}: "
            "restart it with %hpc cluster start --engines mpi (or slurm)"
        )
    if request.ranks and request.ranks != [engines]:
        raise RequestError(
            f"on the cluster every engine is one rank: -n must be {engines} (or left out); "
            f"restart the cluster with -n N for another count"
        )
    return cluster


def run_sweep_on_cluster(request, plan, build, cluster: HPCCluster, reporter) -> list[RunRecord]:
    """One RunRecord per thread count; each engine's output grouped under its rank."""
    library = build.binary.read_bytes()
    args = shlex.split(request.args)
    files = {Path(name).name: Path(name).read_bytes() for name in request.inputs}
    records: list[RunRecord] = []
    for index, threads in enumerate(plan.threads):
        engines = len(cluster.status()) or cluster.spec.n
        record = RunRecord(
            threads=threads, ranks=engines if plan.info.uses_mpi else 1, mpi=plan.info.uses_mpi
        )
        records.append(record)
        for repetition in range(request.repeat):
            progress = (
                f"run {index + 1}/{len(plan.threads)} on {cluster.spec.describe()}: "
                f"{threads} thread{'s' if threads != 1 else ''} per engine"
            )
            if request.repeat > 1:
                progress += f" (repeat {repetition + 1}/{request.repeat})"
            reporter.stage(progress)
            try:
                run = cluster.run(
                    library,
                    args,
                    threads,
                    plan.limits.timeout_s,
                    env={"OMP_NUM_THREADS": str(threads)},
                    files=files,
                    progress=reporter.stage,
                    memory_mb=plan.limits.memory_mb,
                    file_size_mb=plan.limits.file_size_mb,
                )
            except ClusterError as err:
                record.error = str(err)
                break
            if repetition == 0:
                record.stdout = grouped_output(run.outcomes, "stdout", plan.info.uses_mpi)
                record.stderr = grouped_output(run.outcomes, "stderr", plan.info.uses_mpi)
                record.notes.append(per_rank_times(run.outcomes, plan.info.uses_mpi))
                if record.stdout:
                    reporter.output("stdout", record.stdout)
            record.timed_out, record.interrupted = run.timed_out, run.interrupted
            failure = run.error or _nonzero_exit(run.outcomes, plan.info.uses_mpi)
            if run.healed:
                record.notes.append(run.healed)
            if failure:
                record.error = failure
                record.exit_code = next(
                    (o.exit_code for o in run.outcomes if o.exit_code), record.exit_code
                )
                reporter.warning(f"{record.label}: {failure}")
                break
            record.times_s.append(max(o.seconds or 0.0 for o in run.outcomes))
        if record.interrupted:
            break
    return records


def _who(outcome, mpi: bool) -> str:
    if mpi and outcome.rank is not None:
        return f"rank {outcome.rank}"
    return f"engine {outcome.engine}"


def grouped_output(outcomes, stream: str, mpi: bool) -> str:
    """Each engine's output under a ``[rank N]`` header, in rank order."""
    blocks = []
    for outcome in outcomes:
        text = getattr(outcome, stream)
        if text:
            blocks.append(f"[{_who(outcome, mpi)}]\n{text.rstrip()}\n")
    return "\n".join(blocks)


def per_rank_times(outcomes, mpi: bool) -> str:
    """``per rank: rank 0 0.120 s (vm), ...``: main()'s time on each engine."""
    parts = [
        f"{_who(o, mpi)} {o.seconds:.3f} s ({o.host})"
        if o.seconds is not None
        else f"{_who(o, mpi)} {o.error or 'no result'}"
        for o in outcomes
    ]
    return f"per {'rank' if mpi else 'engine'}: " + ", ".join(parts)


def _nonzero_exit(outcomes, mpi: bool) -> str | None:
    for outcome in outcomes:
        if outcome.error:
            return f"{_who(outcome, mpi)}: {outcome.error}"
        if outcome.exit_code:
            return f"{_who(outcome, mpi)} exited with code {outcome.exit_code}"
    return None

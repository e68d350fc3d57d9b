"""From a sweep and its profiles to findings: numbers first, then a cause and a change to try.

Every finding carries the numbers it is based on (``numbers``) and a message
that quotes them; the prose explanation (``explain.py``) may use those numbers
and no others.

Definitions used (p = threads x ranks relative to the baseline run):

* speedup S(p) = T(baseline) / T(p); efficiency E(p) = S(p) / p
* Amdahl fit: T(p) / T(1) = f + (1 - f) / p, least squares over the sweep -> serial fraction f
* Karp-Flatt metric e(p) = (1/S - 1/p) / (1 - 1/p): the serial fraction the measured
  speedup implies; e growing with p means overhead, not serial code, limits the speedup
* load imbalance = (max - mean) / max of the busy time of threads (or compute time of ranks)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kernel_magics.result import Result, RunRecord

IMBALANCE_WARN = 0.10
WAIT_SHARE_WARN = 0.15
MPI_SHARE_WARN = 0.20
SERIAL_WARN = 0.20
REGION_TOO_SHORT_S = 50e-6  # a parallel region costs a few microseconds to start per thread
RUN_TOO_SHORT_S = 0.02


@dataclass
class Finding:
    """One fact about the run, its likely cause and a concrete change to try."""

    kind: str  # e.g. speedup, serial_fraction, load_imbalance, mpi_time_share ...
    value: float | None
    message: str
    suggestion: str = ""
    severity: str = "info"  # "info" or "warning"
    numbers: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def pct(fraction: float) -> str:
    return f"{fraction * 100:.0f}%"


def secs(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.1f} us"


def size(nbytes: float) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if nbytes >= scale:
            return f"{nbytes / scale:.1f} {unit}"
    return f"{nbytes:.0f} B"


def find(result: Result, cores: int | None = None) -> list[Finding]:
    """All findings for a Result: scaling, serial fraction, profiles, machine use."""
    from kernel_magics.measure import baseline
    from kernel_magics.settings import Settings

    cores = cores or Settings.default_parallelism()
    good = [r for r in result.runs if r.ok and r.time_s]
    base = baseline(result.runs)
    findings: list[Finding] = []
    if base is not None:
        findings += _scaling(good, base)
        findings += _serial_fraction(good, base)
        findings += _karp_flatt(good, base)
    findings += _oversubscription(result.runs, cores)
    findings += _openmp_profile(good)
    findings += _mpi_profile(good)
    findings += _too_little_work(good, base)
    findings += _hot_lines(good)
    failed = [r for r in result.runs if not r.ok]
    if failed:
        findings.append(
            Finding(
                kind="failed_runs",
                value=float(len(failed)),
                message=f"{len(failed)} configuration(s) failed: "
                + "; ".join(f"{r.label}: {r.error}" for r in failed),
                suggestion="fix the failure first: its numbers are missing from the analysis",
                severity="warning",
                numbers={"failed": len(failed)},
            )
        )
    return findings


# --------------------------------------------------------------------------- scaling


def _p(run: RunRecord, base: RunRecord) -> float:
    return run.workers / base.workers


def _scaling(good: list[RunRecord], base: RunRecord) -> list[Finding]:
    out = []
    for run in good:
        if run is base:
            continue
        p = _p(run, base)
        speedup = base.time_s / run.time_s
        efficiency = speedup / p
        if speedup >= 1:
            comparison = f"{speedup:.2f}x faster than {base.label}"
        else:
            comparison = f"slower than {base.label} (speedup {speedup:.2f}x)"
        message = (
            f"{run.label}: {comparison} ({run.time_s:.3f} s vs {base.time_s:.3f} s), "
            f"parallel efficiency {pct(efficiency)}"
        )
        suggestion = ""
        severity = "info"
        if speedup < 1:
            severity = "warning"
            suggestion = "the parallel version is slower: see the other findings for why"
        elif efficiency < 0.5:
            severity = "warning"
            suggestion = "less than half of the added cores' time does useful work"
        out.append(
            Finding(
                kind="speedup",
                value=round(speedup, 2),
                message=message,
                suggestion=suggestion,
                severity=severity,
                numbers={
                    "speedup": round(speedup, 2),
                    "efficiency": round(efficiency, 2),
                    "efficiency_percent": round(efficiency * 100),
                    "threads": run.threads,
                    "ranks": run.ranks,
                    "time_s": round(run.time_s, 3),
                    "baseline_time_s": round(base.time_s, 3),
                },
            )
        )
    return out


def amdahl_fit(points: list[tuple[float, float]]) -> float | None:
    """Serial fraction f from (p, T(p)/T(1)) points by least squares; None if p are all 1."""
    # T(p)/T(1) - 1/p = f * (1 - 1/p): a line through the origin in x = 1 - 1/p.
    sxx = sum((1 - 1 / p) ** 2 for p, _ in points)
    if sxx == 0:
        return None
    sxy = sum((1 - 1 / p) * (ratio - 1 / p) for p, ratio in points)
    return min(max(sxy / sxx, 0.0), 1.0)


def _measured_serial_fraction(base: RunRecord) -> float | None:
    """Time outside parallel regions / run time, from the OMPT profile of the baseline.

    The run time is the profiled repetition's (the first) or, for MPI programs, rank 0's
    time from MPI_Init to MPI_Finalize (the start of the ranks is not the program's).
    """
    if base.profile is None or not base.profile.openmp or not base.times_s:
        return None
    process = min(base.profile.openmp, key=lambda p: p.rank)  # rank 0 or the only process
    if process.parallel_regions == 0:
        return None
    ranks = {r.rank: r for r in base.profile.mpi}
    wall = ranks[process.rank].total_s if process.rank in ranks else base.times_s[0]
    if wall <= 0:
        return None
    return min(max((wall - process.region_s) / wall, 0.0), 1.0)


def _serial_fraction(good: list[RunRecord], base: RunRecord) -> list[Finding]:
    points = [(_p(r, base), r.time_s / base.time_s) for r in good if _p(r, base) > 1]
    # Amdahl's law describes runs that get faster; for slower ones overhead dominates.
    faster = points and any(ratio < 1 for _, ratio in points)
    fitted = amdahl_fit(points) if faster else None
    measured = _measured_serial_fraction(base)
    value = measured if measured is not None else fitted
    if value is None:
        return []
    numbers = {"serial_fraction": round(value, 2), "serial_percent": round(value * 100)}
    if measured is not None:
        message = (
            f"{pct(measured)} of the run time at {base.label} is spent outside parallel "
            "regions (measured)"
        )
        if fitted is not None:
            message += (
                f"; the sweep's times fit Amdahl's law with a serial fraction of {fitted:.2f}"
            )
            numbers["amdahl_fit"] = round(fitted, 2)
    else:
        message = (
            f"the sweep's times fit Amdahl's law with a serial fraction of {fitted:.2f} "
            f"({pct(fitted)} of the work does not speed up with more workers)"
        )
    if value > 0.01:
        cap = 1 / value
        message += f"; this caps the speedup at {cap:.1f}x however many cores are used"
        numbers["max_speedup"] = round(cap, 1)
    severity = "warning" if value >= SERIAL_WARN else "info"
    suggestion = (
        "parallelize the serial part too (initialisation, setup loops, I/O), or make the "
        "parallel part larger relative to it"
        if severity == "warning"
        else ""
    )
    return [Finding("serial_fraction", round(value, 2), message, suggestion, severity, numbers)]


def _karp_flatt(good: list[RunRecord], base: RunRecord) -> list[Finding]:
    metrics = []
    for run in sorted(good, key=lambda r: r.workers):
        p = _p(run, base)
        speedup = base.time_s / run.time_s
        if p <= 1 or speedup <= 1:  # no speedup: the metric says nothing a slowdown does not
            continue
        metrics.append((run, (1 / speedup - 1 / p) / (1 - 1 / p)))
    if not metrics:
        return []
    run, last = metrics[-1]
    numbers = {"karp_flatt": round(last, 2), "threads": run.threads, "ranks": run.ranks}
    message = f"Karp-Flatt metric at {run.label}: {last:.2f}"
    suggestion = ""
    severity = "info"
    if len(metrics) > 1:
        first_run, first = metrics[0]
        numbers["karp_flatt_first"] = round(first, 2)
        message += f" (at {first_run.label}: {first:.2f})"
        if last > first + 0.05:
            message += "; it grows with the worker count, so parallel overhead (synchronisation, "
            message += "communication, imbalance) rather than serial code limits the speedup"
            suggestion = "reduce synchronisation and communication per unit of work"
            severity = "warning"
    return [Finding("karp_flatt", round(last, 2), message, suggestion, severity, numbers)]


def _oversubscription(runs: list[RunRecord], cores: int) -> list[Finding]:
    over = [r for r in runs if r.workers > cores]
    if not over:
        return []
    worst = max(over, key=lambda r: r.workers)
    return [
        Finding(
            kind="oversubscription",
            value=round(worst.workers / cores, 2),
            message=(
                f"{worst.label} = {worst.workers} workers on {cores} cores: they take turns on "
                "the cores, so these runs cannot be faster and usually are slower"
            ),
            suggestion=f"use at most {cores} threads x ranks on this machine (for hybrid runs, "
            "ranks x threads per rank <= cores; keep --bind-to none)",
            severity="warning",
            numbers={"workers": worst.workers, "cores": cores},
        )
    ]


# --------------------------------------------------------------------------- profiles


def _most_parallel_profiled(good: list[RunRecord], want) -> RunRecord | None:
    profiled = [r for r in good if r.profile is not None and want(r.profile)]
    return max(profiled, key=lambda r: (r.workers, r.threads)) if profiled else None


def _openmp_profile(good: list[RunRecord]) -> list[Finding]:
    run = _most_parallel_profiled(
        good, lambda p: any(len([t for t in proc.threads if t.regions]) > 1 for proc in p.openmp)
    )
    if run is None:
        return []
    threads = [t for t in run.profile.thread_rows if t.regions > 0]
    busy = [t.busy_s for t in threads]
    out = []
    imbalance = (max(busy) - sum(busy) / len(busy)) / max(busy) if max(busy) > 0 else 0.0
    numbers = {
        "load_imbalance": round(imbalance, 2),
        "imbalance_percent": round(imbalance * 100),
        "threads": len(threads),
        "max_busy_s": round(max(busy), 3),
        "min_busy_s": round(min(busy), 3),
    }
    if imbalance >= IMBALANCE_WARN:
        message = (
            f"at {run.label} the threads' work is uneven: load imbalance {pct(imbalance)} "
            f"(busiest thread {secs(max(busy))}, least busy {secs(min(busy))})"
        )
        suggestion = (
            "iterations cost different amounts: use schedule(dynamic, 64) or schedule(guided) "
            "on the loop so that idle threads take more"
        )
        out.append(
            Finding("load_imbalance", round(imbalance, 2), message, suggestion, "warning", numbers)
        )
    else:
        message = f"at {run.label} the threads' work is even: load imbalance {pct(imbalance)}"
        out.append(Finding("load_imbalance", round(imbalance, 2), message, "", "info", numbers))
    parallel = sum(t.parallel_s for t in threads)
    wait = sum(t.wait_s for t in threads)
    if parallel > 0:
        share = wait / parallel
        numbers = {
            "wait_share": round(share, 2),
            "wait_percent": round(share * 100),
            "wait_s": round(wait, 3),
        }
        message = (
            f"at {run.label} the threads spent {pct(share)} of their time in parallel regions "
            f"waiting at barriers ({secs(wait)} in total)"
        )
        warn = share >= WAIT_SHARE_WARN
        suggestion = (
            "threads wait for the slowest one: balance the work (schedule(dynamic)), add nowait "
            "to loops whose end needs no barrier, and merge consecutive parallel regions"
            if warn
            else ""
        )
        out.append(
            Finding(
                "barrier_wait_share",
                round(share, 2),
                message,
                suggestion,
                "warning" if warn else "info",
                numbers,
            )
        )
    return out


def _mpi_profile(good: list[RunRecord]) -> list[Finding]:
    run = _most_parallel_profiled(good, lambda p: len(p.mpi) > 1)
    if run is None:
        return []
    ranks = run.profile.mpi
    out = []
    total = sum(r.total_s for r in ranks)
    mpi = sum(r.mpi_s for r in ranks)
    if total > 0:
        share = mpi / total
        calls: dict[str, float] = {}
        for rank in ranks:
            for name, stats in rank.calls.items():
                if not name.startswith("MPI_Init"):  # start-up, not part of mpi_s
                    calls[name] = calls.get(name, 0.0) + stats.seconds
        top = sorted(calls.items(), key=lambda kv: -kv[1])[:3]
        top_text = ", ".join(f"{name} {pct(sec / mpi)}" for name, sec in top if mpi > 0)
        numbers = {"mpi_share": round(share, 2), "mpi_percent": round(share * 100)}
        numbers.update({f"{name}_percent": round(sec / mpi * 100) for name, sec in top if mpi > 0})
        message = f"at {run.label} the ranks spent {pct(share)} of their time inside MPI"
        if top_text:
            message += f" (of that: {top_text})"
        warn = share >= MPI_SHARE_WARN
        suggestion = _mpi_suggestion([name for name, _ in top]) if warn else ""
        out.append(
            Finding(
                "mpi_time_share",
                round(share, 2),
                message,
                suggestion,
                "warning" if warn else "info",
                numbers,
            )
        )
    compute = [r.compute_s for r in ranks]
    if max(compute) > 0:
        imbalance = (max(compute) - sum(compute) / len(compute)) / max(compute)
        if imbalance >= IMBALANCE_WARN:
            out.append(
                Finding(
                    "rank_imbalance",
                    round(imbalance, 2),
                    f"at {run.label} the ranks' computing time is uneven: imbalance "
                    f"{pct(imbalance)} (from {secs(min(compute))} to {secs(max(compute))})",
                    "give every rank the same amount of work (split remainders evenly, or "
                    "distribute cyclically when cost varies along the data)",
                    "warning",
                    {
                        "rank_imbalance": round(imbalance, 2),
                        "imbalance_percent": round(imbalance * 100),
                    },
                )
            )
    sent = [r.bytes_sent for r in ranks]
    messages = [r.messages_sent for r in ranks]
    if sum(sent) or sum(messages):
        mean_bytes = sum(sent) / len(ranks)
        mean_messages = sum(messages) / len(ranks)
        per_message = mean_bytes / mean_messages if mean_messages else 0.0
        message = (
            f"each rank sent {size(mean_bytes)} on average in {mean_messages:.0f} point-to-point "
            f"messages"
            + (f" ({size(per_message)} per message)" if mean_messages else "")
            + f"; the most by one rank: {size(max(sent))}"
        )
        small = mean_messages >= 1000 and per_message < 4096
        out.append(
            Finding(
                "bytes_moved",
                round(mean_bytes),
                message,
                "many small messages: each costs a latency; send fewer, larger ones "
                "(pack data, or use a collective)"
                if small
                else "",
                "warning" if small else "info",
                {"messages": round(mean_messages), "bytes_per_rank": round(mean_bytes)},
            )
        )
    return out


def _mpi_suggestion(top_calls: list[str]) -> str:
    first = top_calls[0] if top_calls else ""
    if first in ("MPI_Send", "MPI_Recv", "MPI_Ssend", "MPI_Sendrecv"):
        return (
            "blocking point-to-point messages dominate: replace matched MPI_Send/MPI_Recv "
            "pairs by a collective (MPI_Allreduce, MPI_Bcast, MPI_Gather) or overlap them with "
            "computation using MPI_Isend/MPI_Irecv + MPI_Waitall; exchange less often"
        )
    if first == "MPI_Barrier":
        return (
            "remove barriers that only order output or timing: each one waits for the slowest rank"
        )
    if first in ("MPI_Wait", "MPI_Waitall", "MPI_Waitany"):
        return "ranks wait for messages: post receives earlier and compute before waiting"
    if first in ("MPI_Allreduce", "MPI_Reduce", "MPI_Bcast", "MPI_Allgather", "MPI_Alltoall"):
        return (
            f"{first} dominates: call it less often (combine several into one), or give each "
            "rank more work between calls; time inside it also includes waiting for slow ranks"
        )
    return "give each rank more work between communications"


def _hot_lines(good: list[RunRecord]) -> list[Finding]:
    for run in good:
        hot = [h for h in (run.profile.hot_lines if run.profile else []) if h.line]
        if not hot:
            continue
        top = hot[0]
        others = ", ".join(f"line {h.line} {h.percent:.0f}%" for h in hot[1:3])
        message = (
            f"at {run.label} {top.percent:.0f}% of the time samples fall on line {top.line}"
            + (f" (`{top.code}`)" if top.code else "")
            + (f"; next: {others}" if others else "")
        )
        return [
            Finding(
                "hot_lines",
                top.percent,
                message,
                "make this line cheaper first (it is where the time goes)",
                "info",
                {"line": top.line, "percent": round(top.percent)},
            )
        ]
    return []


def _too_little_work(good: list[RunRecord], base: RunRecord | None) -> list[Finding]:
    # Parallel regions so short that starting them costs as much as the work inside.
    for run in sorted(good, key=lambda r: -r.workers):
        if run.profile is None or run.threads < 2:
            continue
        for process in run.profile.openmp:
            if (
                process.parallel_regions
                and process.region_s / process.parallel_regions < REGION_TOO_SHORT_S
            ):
                each = process.region_s / process.parallel_regions
                return [
                    Finding(
                        "too_little_work",
                        each,
                        f"at {run.label} the program ran {process.parallel_regions} parallel "
                        f"regions of {secs(each)} each on average: about what it costs to start "
                        "and end one, so the threads mostly wait for each other",
                        "give each parallel region more work: parallelize an outer loop, "
                        "enlarge the problem, or keep one parallel region around a loop of "
                        "omp for loops",
                        "warning",
                        {"regions": process.parallel_regions},
                    )
                ]
    if base is None:
        return []
    short = [r for r in good if r is not base and r.time_s < RUN_TOO_SHORT_S]
    if base.time_s < RUN_TOO_SHORT_S or short:
        return [
            Finding(
                "too_little_work",
                round(base.time_s, 4),
                f"the whole run takes {secs(base.time_s)} at {base.label}: too short for more "
                "threads or ranks to pay off (starting them costs about as much)",
                "use a larger problem size (a run of 0.5 s or more measures parallel speed well)",
                "warning",
                {},
            )
        ]
    mpi_runs = [r for r in good if r.profile is not None and r.profile.mpi and r.ranks > 1]
    for run in mpi_runs:
        inside = max(rank.total_s for rank in run.profile.mpi)
        if run.time_s > 0 and inside / run.time_s < 0.5:
            return [
                Finding(
                    "too_little_work",
                    round(inside, 3),
                    f"at {run.label} the work between MPI_Init and MPI_Finalize takes "
                    f"{secs(inside)} of the {secs(run.time_s)} run: starting the ranks costs more",
                    "use a larger problem size so that the work outweighs the start of the ranks",
                    "warning",
                    {},
                )
            ]
    return []

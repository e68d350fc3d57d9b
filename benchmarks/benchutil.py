"""Small helpers shared by the benchmarks: paths, statistics, environment, targets."""

from __future__ import annotations

import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
PROGRAMS = BENCH_DIR / "programs"
RESULTS = BENCH_DIR / "results"
# The interpreter running the benchmark is the project's venv (`make bench` uses it);
# do not resolve symlinks, so that the venv's own bin/ folder is kept.
VENV_BIN = Path(sys.executable).parent
PYTHON = str(VENV_BIN / "python")

# Open MPI refuses to run as root without these, and refuses more ranks than cores.
MPI_ENV = {"OMPI_MCA_rmaps_base_oversubscribe": "1"}
if os.geteuid() == 0:
    MPI_ENV.update({"OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"})


def bench_env(**extra: str) -> dict[str, str]:
    """The environment for every measured command: ours plus Open MPI's switches."""
    env = dict(os.environ)
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(MPI_ENV)
    env.update(extra)
    return env


def median(values: list[float]) -> float:
    return statistics.median(values)


def summary(values: list[float]) -> dict:
    """Median, min, max and the raw values (seconds)."""
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
        "values": [round(v, 6) for v in values],
    }


def bootstrap_ci(
    a: list[float], b: list[float], combine, resamples: int = 2000, level: float = 0.95
) -> list[float]:
    """Confidence interval of ``combine(median(a), median(b))`` by a paired bootstrap.

    ``a[i]`` and ``b[i]`` were measured back to back in repetition ``i``, so
    repetitions are resampled as pairs: load that changes between repetitions
    moves both alike. On a shared machine the interval says how far the headline
    number could move by chance alone; a target inside it is within the noise.
    """
    if len(a) != len(b):
        raise ValueError("paired samples must have the same length")
    rng = random.Random(12345)
    n = len(a)
    values = []
    for _ in range(resamples):
        picks = [rng.randrange(n) for _ in range(n)]
        values.append(
            combine(statistics.median(a[i] for i in picks), statistics.median(b[i] for i in picks))
        )
    values.sort()
    low = values[int(resamples * (1 - level) / 2)]
    high = values[int(resamples * (1 + level) / 2) - 1]
    return [low, high]


def target(
    name: str,
    value: float | None,
    limit: float,
    unit: str,
    detail: str = "",
    ci: list[float] | None = None,
    at_least: bool = False,
) -> dict:
    """One target line: ``value <= limit`` passes (``value >= limit`` with ``at_least``).

    ``ci``: the value's 95% interval.
    """
    passed = value is not None and (value >= limit if at_least else value <= limit)
    return {
        "name": name,
        "value": value,
        "limit": limit,
        "unit": unit,
        "passed": passed,
        "at_least": at_least,
        "ci95": ci,
        # False when the interval contains the limit: another run may well decide otherwise.
        "conclusive": ci is None or not (ci[0] <= limit <= ci[1]),
        "detail": detail,
    }


def print_report(result: dict, describe, as_json: bool) -> int:
    """What a benchmark's ``main`` prints: all numbers as JSON, or its description and one
    PASS/MISS line per target. Returns the exit status (0 when every target is met)."""
    if as_json:
        print(json.dumps(result, indent=1, default=str))
    else:
        print("\n".join(describe(result)))
        for t in result["targets"]:
            bound = ">=" if t.get("at_least") else "<="
            value = f"{t['value']:.4g}" if isinstance(t["value"], float) else t["value"]
            print(
                f"{'PASS' if t['passed'] else 'MISS'}  {t['name']}: {value} {t['unit']}"
                f" (target {bound} {t['limit']:g} {t['unit']})"
            )
    return 0 if all(t["passed"] for t in result["targets"]) else 1


def cpu_times() -> tuple[float, float]:
    """CPU seconds (user + system) used so far by this process and by its waited-for children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def _first_line(argv: list[str]) -> str:
    if not shutil.which(argv[0]):
        return "not found"
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    lines = (out.stdout or out.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_info() -> dict:
    """What the numbers were measured on."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "host": platform.node(),
        "nproc": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "cpu_model": cpu_model(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "gcc": _first_line(["gcc", "--version"]),
        "mpirun": _first_line(["mpirun", "--version"]),
        "load_average": list(os.getloadavg()),
        "running_as_root": os.geteuid() == 0,
    }
